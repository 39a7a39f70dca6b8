-- The SME park (中小企业创业园, issue 16): buildings → units (floor, grid position), leases of units
-- to registry enterprises, bills by period and their payments, repair tickets (报修) with photos.
-- operator_unit_id is the unit running a building (the operating company, 弘达聚鑫基础产业投资集团):
-- a department user of that unit manages its buildings, leases, bills and repairs.
CREATE TABLE sme_buildings (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  sub_park_id BIGINT REFERENCES parks(id),
  operator_unit_id BIGINT REFERENCES units(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                         -- standard_factory | incubator | office
  floors INTEGER NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (park_id, name)
);
CREATE TABLE sme_units (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  building_id BIGINT NOT NULL REFERENCES sme_buildings(id),
  floor INTEGER NOT NULL,
  code TEXT NOT NULL,                          -- 房号, e.g. 1-101
  position INTEGER NOT NULL DEFAULT 0,         -- column on the floor plan grid
  area DOUBLE PRECISION NOT NULL,              -- ㎡
  use_kind TEXT NOT NULL,                      -- factory | office | warehouse | lab
  rent_standard DOUBLE PRECISION NOT NULL,     -- 租金标准, 元/㎡·月
  status TEXT NOT NULL,                        -- vacant | self_use | repair (leased is derived)
  is_demo INTEGER NOT NULL DEFAULT 0,
  UNIQUE (building_id, code)
);
CREATE INDEX sme_units_park ON sme_units(park_id, building_id);
CREATE TABLE sme_leases (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  unit_id BIGINT NOT NULL REFERENCES sme_units(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,                        -- the agreed end (renewals move it)
  ended_on TEXT,                               -- early end or move-out (退租)
  end_kind TEXT,                               -- early_end | move_out
  monthly_rent DOUBLE PRECISION NOT NULL,      -- 万元/月
  property_fee DOUBLE PRECISION NOT NULL DEFAULT 0,  -- 物业费, 万元/月
  deposit DOUBLE PRECISION NOT NULL DEFAULT 0, -- 押金, 万元
  free_months INTEGER NOT NULL DEFAULT 0,      -- 免租期 (months)
  relief_pct DOUBLE PRECISION NOT NULL DEFAULT 0,  -- 孵化减免 (percent of rent)
  relief_years INTEGER NOT NULL DEFAULT 0,
  incubatee INTEGER NOT NULL DEFAULT 0,        -- 在孵企业
  graduated_on TEXT,                           -- 毕业
  graduation_kind TEXT,                        -- own_land | above_scale
  renewals INTEGER NOT NULL DEFAULT 0,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sme_leases_park ON sme_leases(park_id, unit_id);
CREATE INDEX sme_leases_enterprise ON sme_leases(park_id, enterprise_id);
CREATE TABLE sme_bills (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  lease_id BIGINT NOT NULL REFERENCES sme_leases(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  period TEXT NOT NULL,
  rent DOUBLE PRECISION NOT NULL,
  property_fee DOUBLE PRECISION NOT NULL,
  utilities DOUBLE PRECISION NOT NULL DEFAULT 0,
  amount DOUBLE PRECISION NOT NULL,
  paid DOUBLE PRECISION NOT NULL DEFAULT 0,
  due_on TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (lease_id, period)
);
CREATE INDEX sme_bills_park ON sme_bills(park_id, period);
CREATE TABLE sme_payments (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  bill_id BIGINT NOT NULL REFERENCES sme_bills(id),
  amount DOUBLE PRECISION NOT NULL,
  paid_on TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sme_payments_bill ON sme_payments(park_id, bill_id);
CREATE TABLE sme_repairs (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  unit_id BIGINT NOT NULL REFERENCES sme_units(id),
  enterprise_id BIGINT REFERENCES enterprises(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                        -- open | assigned | closed
  assignee TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  reported_by TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  closed_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sme_repairs_park ON sme_repairs(park_id, status);
