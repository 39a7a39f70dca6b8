-- The management loop (issue 19): implementation plans per year, the assessment breakdown
-- (考核指标任务分解表) of each task into items, the progress ledger (台账), supervision (督查督办),
-- leaders' instructions (批示) and the annual assessment of units (考核评价).
-- Portable SQL: {{ID}} is the engine's identity key; dates TEXT (YYYY-MM-DD), timestamps TEXT (UTC ISO).

-- An implementation plan (实施方案) of a park and year; it owns its tasks (tasks.plan_id).
CREATE TABLE task_plans (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  doc_no TEXT NOT NULL DEFAULT '',
  is_current INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (park_id, year)
);
ALTER TABLE tasks ADD COLUMN plan_id BIGINT;
ALTER TABLE tasks ADD COLUMN content TEXT NOT NULL DEFAULT '';
-- Tasks that exist already (the 2023 plan) get their plan.
INSERT INTO task_plans(park_id, year, title, doc_no, is_current, created_at)
  SELECT DISTINCT park_id, 2023, '关于进一步加快工业园区高质量发展实施方案', '华政办发〔2023〕52号', 1,
         '2023-09-06T00:00:00Z' FROM tasks;
UPDATE tasks SET plan_id = (SELECT p.id FROM task_plans p WHERE p.park_id = tasks.park_id AND p.year = 2023);

-- Assessment items (考核指标) of a task: a measurable target (value + unit) or a milestone, a weight
-- (分值), a deadline, a reporting frequency and, optionally, a link to data the progress is read from.
CREATE TABLE task_items (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  content TEXT NOT NULL,
  target_value DOUBLE PRECISION,
  target_unit TEXT NOT NULL DEFAULT '',
  milestone TEXT NOT NULL DEFAULT '',
  weight DOUBLE PRECISION NOT NULL,
  start_date TEXT NOT NULL,
  deadline TEXT NOT NULL,
  frequency TEXT NOT NULL,                       -- monthly | quarterly | once
  evidence TEXT NOT NULL DEFAULT '',
  link_kind TEXT NOT NULL DEFAULT '',            -- '' | indicator
  link_ref TEXT NOT NULL DEFAULT '',             -- the indicator code
  link_park_id BIGINT,
  sort INTEGER NOT NULL DEFAULT 0,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX task_items_park ON task_items(park_id, task_id);
CREATE TABLE task_item_units (
  park_id BIGINT NOT NULL,
  item_id BIGINT NOT NULL REFERENCES task_items(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  role TEXT NOT NULL,                            -- lead | responsible
  sort INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, unit_id, role)
);
CREATE INDEX task_item_units_unit ON task_item_units(park_id, unit_id);

-- Progress reports (台账): a responsible unit's report for a period of the item's frequency.
CREATE TABLE task_reports (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  item_id BIGINT NOT NULL REFERENCES task_items(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  period TEXT NOT NULL,                          -- YYYY-MM | YYYY-Qn | once
  text TEXT NOT NULL,
  value DOUBLE PRECISION,                        -- cumulative figure against the target value
  progress_pct DOUBLE PRECISION,                 -- for milestone items
  state TEXT NOT NULL DEFAULT 'submitted',       -- submitted | accepted | returned
  review_comment TEXT NOT NULL DEFAULT '',
  reviewed_by TEXT,
  reviewed_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_reports_item ON task_reports(park_id, item_id, created_at);

-- Supervision orders (督办单) and the units they are assigned to.
CREATE TABLE supervisions (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  no TEXT NOT NULL,                              -- 督办〔YYYY〕N号
  title TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL,
  source_kind TEXT NOT NULL DEFAULT '',          -- '' | task_item | warning | project | meeting | instruction
  source_id TEXT NOT NULL DEFAULT '',
  source_text TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'open',            -- open | closed
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  closed_at TEXT,
  ext_deadline TEXT,                             -- a pending extension request
  ext_reason TEXT,
  ext_unit_id BIGINT,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX supervisions_park ON supervisions(park_id, state, deadline);
CREATE TABLE supervision_units (
  park_id BIGINT NOT NULL,
  supervision_id BIGINT NOT NULL REFERENCES supervisions(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  state TEXT NOT NULL DEFAULT 'assigned',        -- assigned | received | done | confirmed | returned
  received_at TEXT,
  assignee TEXT NOT NULL DEFAULT '',
  done_at TEXT,
  done_text TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  confirmed_at TEXT,
  PRIMARY KEY (supervision_id, unit_id)
);
CREATE INDEX supervision_units_unit ON supervision_units(park_id, unit_id);
-- Every step of a supervision with its time: issue, receive, assign, progress, done, confirm,
-- return, extension_request, extension_approved, extension_refused.
CREATE TABLE supervision_events (
  id {{ID}},
  park_id BIGINT NOT NULL,
  supervision_id BIGINT NOT NULL REFERENCES supervisions(id),
  unit_id BIGINT,
  kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  username TEXT NOT NULL
);
CREATE INDEX supervision_events_sup ON supervision_events(supervision_id, id);

-- Leaders' instructions (批示) on a warning, project, task item or report.
CREATE TABLE instructions (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  target_kind TEXT NOT NULL,                     -- warning | project | task_item | report
  target_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX instructions_park ON instructions(park_id, created_at);

-- Bonus points of the annual assessment (加分项), entered with their evidence.
CREATE TABLE assessment_bonuses (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  points DOUBLE PRECISION NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assessment_bonuses_park ON assessment_bonuses(park_id, year);
-- A published assessment, frozen: the result JSON as it was at publication.
CREATE TABLE assessment_results (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  result_json TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (park_id, year)
);
