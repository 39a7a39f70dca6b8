-- Refurbishment projects (维修改造, issue 16 item 4) of the SME park's buildings: budget, spending
-- and progress, kept by the operating company.
CREATE TABLE sme_refurbishments (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  building_id BIGINT NOT NULL REFERENCES sme_buildings(id),
  title TEXT NOT NULL,
  budget DOUBLE PRECISION NOT NULL,            -- 万元
  spent DOUBLE PRECISION NOT NULL DEFAULT 0,   -- 万元
  progress_pct DOUBLE PRECISION NOT NULL DEFAULT 0,
  status TEXT NOT NULL,                        -- planned | in_progress | done
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sme_refurbishments_park ON sme_refurbishments(park_id, building_id);
