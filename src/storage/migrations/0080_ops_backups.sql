-- Operations (issue 17): a record of backups and restores made with `parkhq backup` / `parkhq restore`,
-- shown on the system status page (last backup).
CREATE TABLE ops_backups (
  id {{ID}},
  at TEXT NOT NULL,            -- UTC, ISO 8601
  kind TEXT NOT NULL,          -- backup | restore
  file TEXT NOT NULL,
  size_bytes BIGINT NOT NULL DEFAULT 0,
  engine TEXT NOT NULL         -- sqlite | postgresql
);
