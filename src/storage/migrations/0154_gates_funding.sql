-- 资金来源 (issue 15): a project's funding per month and source, planned and in place (万元).
CREATE TABLE project_funding (
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  period TEXT NOT NULL,                          -- YYYY-MM
  source TEXT NOT NULL,                          -- special_bond | budget | self | bank_loan | bond_loan | other
  planned DOUBLE PRECISION NOT NULL DEFAULT 0,
  in_place DOUBLE PRECISION NOT NULL DEFAULT 0,
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (project_id, period, source)
);
CREATE INDEX project_funding_park ON project_funding(park_id, period);
