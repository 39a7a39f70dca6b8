-- Land (issue 6, docs/land.md): parcels with their boundaries, 标准地 contracts with agreed and actual
-- indicator values (and the 达产复核 result), inefficiency rule settings per park, disposal records.
-- park_id is the park or the sub-park the row belongs to; every index starts with it.

CREATE TABLE land_parcels (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  code TEXT NOT NULL,                              -- 地块编号
  name TEXT NOT NULL DEFAULT '',
  area_mu DOUBLE PRECISION NOT NULL,               -- recorded area (亩)
  area_m2 DOUBLE PRECISION,                        -- recorded area (m²)
  land_use TEXT NOT NULL DEFAULT '',               -- 用地性质
  holder_enterprise_id BIGINT,                     -- 用地单位 (enterprises module; no FK yet)
  holder_name TEXT NOT NULL DEFAULT '',            -- 用地单位名称 as recorded on the land file
  project_id BIGINT,                               -- projects module; no FK yet
  approved TEXT,                                   -- dates YYYY-MM-DD
  supplied TEXT,
  supply_kind TEXT,                                -- transfer (出让) | allocation (划拨)
  agreed_start TEXT,
  actual_start TEXT,
  agreed_completion TEXT,
  completed TEXT,
  agreed_production TEXT,
  production TEXT,
  halted_since TEXT,
  floor_area_m2 DOUBLE PRECISION,                  -- 计容建筑面积 (8 m rule)
  footprint_m2 DOUBLE PRECISION,
  developed_area_m2 DOUBLE PRECISION,
  invested DOUBLE PRECISION,                       -- 万元
  total_investment DOUBLE PRECISION,               -- 万元
  land_price DOUBLE PRECISION,                     -- 万元
  geometry TEXT,                                   -- GeoJSON Polygon / MultiPolygon
  crs TEXT NOT NULL DEFAULT 'lonlat',              -- lonlat | projected
  geometry_area_m2 DOUBLE PRECISION,               -- computed from the geometry
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (park_id, code)
);
CREATE INDEX land_parcels_holder ON land_parcels(park_id, holder_enterprise_id);

-- 标准地 contract: one per parcel. The agreed start/completion/production dates live on the parcel.
CREATE TABLE land_contracts (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  parcel_id BIGINT NOT NULL REFERENCES land_parcels(id),
  contract_no TEXT NOT NULL DEFAULT '',            -- 出让合同/投资协议编号
  signed_on TEXT,
  production_check TEXT,                           -- 约定达产复核日期
  checked_on TEXT,                                 -- the day the 达产复核 was done
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (park_id, parcel_id)
);

-- Agreed control indicators with the actual value at the 达产复核 and its result.
CREATE TABLE land_contract_indicators (
  park_id BIGINT NOT NULL,
  contract_id BIGINT NOT NULL REFERENCES land_contracts(id),
  code TEXT NOT NULL,                              -- indicator catalogue key (evaluation/indicator.h)
  agreed DOUBLE PRECISION NOT NULL,
  actual DOUBLE PRECISION,
  passed INTEGER,                                  -- 1/0 once checked, NULL before
  sort INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (contract_id, code)
);
CREATE INDEX land_contract_indicators_park ON land_contract_indicators(park_id, contract_id);

-- 低效用地认定规则 per park (absent: the national defaults of InefficiencyRules).
CREATE TABLE land_inefficiency_rules (
  park_id BIGINT NOT NULL PRIMARY KEY REFERENCES parks(id),
  approved_not_supplied_years INTEGER NOT NULL,
  idle_years_after_agreed_start INTEGER NOT NULL,
  min_developed_share DOUBLE PRECISION NOT NULL,
  min_invested_share DOUBLE PRECISION NOT NULL,
  halted_years INTEGER NOT NULL,
  national_min_coverage DOUBLE PRECISION NOT NULL,
  national_min_far DOUBLE PRECISION,
  max_undeveloped_share DOUBLE PRECISION,
  idle_fee_share DOUBLE PRECISION NOT NULL,
  idle_fee_after_years INTEGER NOT NULL,
  reclaim_after_years INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

-- 低效用地处置: what is done about an inefficient parcel, by whom, by when.
CREATE TABLE land_disposals (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  parcel_id BIGINT NOT NULL REFERENCES land_parcels(id),
  kind TEXT NOT NULL,                              -- inefficiency kind code
  method TEXT NOT NULL,                            -- reclaim | transfer | joint_development | rectify | idle_fee | other
  unit TEXT NOT NULL DEFAULT '',                   -- 责任单位
  deadline TEXT,
  status TEXT NOT NULL DEFAULT 'planned',          -- planned | in_progress | completed | cancelled
  completed_on TEXT,
  audited INTEGER NOT NULL DEFAULT 0,              -- 已核查销号
  audited_by TEXT,
  audited_at TEXT,
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX land_disposals_parcel ON land_disposals(park_id, parcel_id);
