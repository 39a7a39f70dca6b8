-- 亩均效益评价 (issue 6, evaluation half): schemes, inputs (一企一单) with per-value sources, runs and
-- results, 公示 (publication) and appeals. enterprise_id is a plain BIGINT: the enterprises table
-- belongs to the enterprise module; enterprise_name keeps results readable until it lands.

CREATE TABLE eval_schemes (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  body TEXT NOT NULL,                            -- the scheme as JSON (validated by the domain)
  updated_at TEXT NOT NULL,
  updated_by BIGINT,
  UNIQUE (park_id, year)
);

CREATE TABLE eval_inputs (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  enterprise_id BIGINT NOT NULL,
  enterprise_name TEXT,
  sub_park_id BIGINT,                            -- 子园区 (for the per-mu figures by sub-park)
  industry TEXT,                                 -- 产业分组
  group_code TEXT NOT NULL,                      -- above_scale | below_scale
  land_mu DOUBLE PRECISION,
  tax DOUBLE PRECISION,
  value_added DOUBLE PRECISION,
  revenue DOUBLE PRECISION,
  output DOUBLE PRECISION,                       -- 工业总产值 (万元), for 亩均产值
  energy_tce DOUBLE PRECISION,
  emissions_t DOUBLE PRECISION,
  employees_avg DOUBLE PRECISION,
  rnd DOUBLE PRECISION,
  electricity_kwh DOUBLE PRECISION,
  sources TEXT NOT NULL DEFAULT '{}',            -- {"tax":"tax_bureau",...} per value
  excluded_reason TEXT,
  veto_reason TEXT,
  d_exempt_reason TEXT,
  bonuses TEXT NOT NULL DEFAULT '[]',
  deductions TEXT NOT NULL DEFAULT '[]',
  confirmed_at TEXT,                             -- 一企一单 confirmed by the enterprise
  confirmed_by BIGINT,
  updated_at TEXT NOT NULL,
  UNIQUE (park_id, year, enterprise_id)
);

CREATE TABLE eval_runs (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  scheme_body TEXT NOT NULL,
  run_at TEXT NOT NULL,
  run_by BIGINT,
  enterprises INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'draft',          -- draft | published
  published_at TEXT,
  publicity_start TEXT,                          -- 公示期 (dates)
  publicity_end TEXT
);
CREATE INDEX eval_runs_park_year ON eval_runs(park_id, year, id);

CREATE TABLE eval_results (
  park_id BIGINT NOT NULL,
  run_id BIGINT NOT NULL REFERENCES eval_runs(id),
  enterprise_id BIGINT NOT NULL,
  group_code TEXT NOT NULL,
  score DOUBLE PRECISION,
  class TEXT NOT NULL,
  class_by_rank TEXT NOT NULL,
  rank INTEGER,
  ranked_in_group INTEGER NOT NULL DEFAULT 0,
  indicators TEXT NOT NULL DEFAULT '{}',
  indicator_scores TEXT NOT NULL DEFAULT '{}',
  imputed TEXT NOT NULL DEFAULT '[]',
  bonus DOUBLE PRECISION NOT NULL DEFAULT 0,
  deduction DOUBLE PRECISION NOT NULL DEFAULT 0,
  flags TEXT NOT NULL DEFAULT '',                -- quota,veto,d_exempt,appeal
  PRIMARY KEY (run_id, enterprise_id)
);
CREATE INDEX eval_results_park ON eval_results(park_id, run_id, enterprise_id);

CREATE TABLE eval_appeals (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  run_id BIGINT NOT NULL REFERENCES eval_runs(id),
  enterprise_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',        -- pending | upheld | rejected
  class_before TEXT NOT NULL,
  class_after TEXT,
  decision_note TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  decided_by BIGINT,
  decided_at TEXT
);
CREATE INDEX eval_appeals_park ON eval_appeals(park_id, year, enterprise_id);
