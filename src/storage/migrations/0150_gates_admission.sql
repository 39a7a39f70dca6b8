-- Project admission review (项目准入评审, issue 15): the decisions recorded on a project between
-- 洽谈 and 签约. The latest row (highest id) is the project's current decision; signing a project
-- whose current decision is rejected (不予准入) needs a park admin's override (stage log + audit).
CREATE TABLE project_admissions (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  decision TEXT NOT NULL,                        -- approved | conditional | rejected
  reasons_json TEXT NOT NULL DEFAULT '[]',       -- JSON array of strings
  scores_json TEXT NOT NULL DEFAULT '[]',        -- JSON array of {criterion, score, pass, evidence}
  opinions_json TEXT NOT NULL DEFAULT '[]',      -- JSON array of {unit, reviewer, opinion}
  decided_on TEXT NOT NULL,                      -- YYYY-MM-DD
  decided_by TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX project_admissions_park ON project_admissions(park_id, project_id);
