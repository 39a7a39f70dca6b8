-- Risk profiles, emergency resources, energy and emissions accounts (issue 14 items 3-5).

-- One row per record of an enterprise's risk profile (hazardous chemicals, major hazard sources,
-- permits, accidents, penalties, its own emergency plans and drills) and per emergency resource
-- (teams, stores, equipment, park plans, drills). kind says which; the columns a kind uses are
-- listed in domain/risk/risk.h. enterprise_id is NULL for park-level resources.
CREATE TABLE risk_items (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  enterprise_id BIGINT REFERENCES enterprises(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  quantity DOUBLE PRECISION,
  unit TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  event_date TEXT,                               -- accident, penalty, drill date
  expiry_date TEXT,                              -- permit 有效期至
  revised_on TEXT,                               -- emergency plan 修订日期
  amount DOUBLE PRECISION,                       -- penalty 万元
  veto INTEGER NOT NULL DEFAULT 0,               -- 1: counts as 一票否决 in the year's evaluation
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX risk_items_park ON risk_items(park_id, kind);
CREATE INDEX risk_items_enterprise ON risk_items(enterprise_id, kind);

-- The review state of an enterprise's profile: draft → submitted → approved | returned; an edit
-- of any record puts it back to draft.
CREATE TABLE risk_profiles (
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  state TEXT NOT NULL,
  review_note TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  reviewed_at TEXT,
  reviewed_by TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (enterprise_id)
);
CREATE INDEX risk_profiles_park ON risk_profiles(park_id, state);

-- Energy use by kind (physical units, see domain/risk/energy_calc.h) and emissions by pollutant
-- (吨) per enterprise and year. item is an energy kind or pollutant code.
CREATE TABLE energy_accounts (
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  year INTEGER NOT NULL,
  category TEXT NOT NULL,                        -- energy | emission
  item TEXT NOT NULL,
  amount DOUBLE PRECISION NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, year, category, item)
);
CREATE INDEX energy_accounts_park ON energy_accounts(park_id, year);

-- The park's energy and emission targets of a year (empty fields: no target).
CREATE TABLE energy_targets (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  energy_cap_tce DOUBLE PRECISION,               -- 能源消费总量控制目标 (吨标准煤)
  intensity_target DOUBLE PRECISION,             -- 单位增加值能耗目标 (吨标准煤/万元)
  emissions_cap_t DOUBLE PRECISION,              -- 主要污染物排放总量控制目标 (吨)
  updated_at TEXT NOT NULL,
  PRIMARY KEY (park_id, year)
);

-- Enterprises flagged for 高耗能落后设备淘汰 (elimination) or 清洁生产改造 (clean_production),
-- with the retrofit project tracked.
CREATE TABLE retrofits (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  kind TEXT NOT NULL,                            -- elimination | clean_production
  name TEXT NOT NULL,
  status TEXT NOT NULL,                          -- flagged | in_progress | completed | cancelled
  investment DOUBLE PRECISION,                   -- 万元
  saving_tce DOUBLE PRECISION,                   -- 预计年节能量 (吨标准煤)
  deadline TEXT,
  completed_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX retrofits_park ON retrofits(park_id, status);
