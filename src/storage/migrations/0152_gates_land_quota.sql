-- 用地计划单列 (issue 15): the park's yearly new construction-land quota (亩) and its allocations to
-- projects. An allocation beyond the remainder carries the park admin's exception reason.
CREATE TABLE land_quotas (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  quota_mu DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  UNIQUE (park_id, year)
);

CREATE TABLE land_quota_allocations (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  project_id BIGINT REFERENCES projects(id),
  title TEXT NOT NULL,
  area_mu DOUBLE PRECISION NOT NULL,
  allocated_on TEXT NOT NULL,
  exception_reason TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX land_quota_allocations_park ON land_quota_allocations(park_id, year);
