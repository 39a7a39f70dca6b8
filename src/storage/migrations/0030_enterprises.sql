-- Enterprises (issue 5): the registry (一企一档), flags, monthly reports with their values,
-- revisions and deadline exceptions, validation rules per park, cultivation pools and zombie
-- disposals. park_id is the park the enterprise is registered in (a top-level park); sub_park_id
-- the sub-park (一区四园), when known. Every index starts with park_id, except the national
-- uniqueness of the USCC.

CREATE TABLE enterprises (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  sub_park_id BIGINT REFERENCES parks(id),
  uscc TEXT NOT NULL,
  name TEXT NOT NULL,
  legal_rep TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  land_parcels TEXT NOT NULL DEFAULT '',          -- parcel references, comma separated
  industry_code TEXT NOT NULL,
  leading_group TEXT NOT NULL,                     -- coal_chemical | power | metallurgy | building_materials | other
  leading_group_manual INTEGER NOT NULL DEFAULT 0, -- 1: set by hand, not from the mapping
  above_scale INTEGER NOT NULL DEFAULT 0,
  scale_changed_on TEXT,
  employees BIGINT,
  founded_on TEXT,
  moved_in_on TEXT,
  status TEXT NOT NULL DEFAULT 'operating',        -- operating | stopped | closed
  status_changed_on TEXT,
  tax_arrears INTEGER NOT NULL DEFAULT 0,          -- 欠税, flagged by staff (zombie rule)
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX enterprises_uscc ON enterprises(uscc);
CREATE INDEX enterprises_park ON enterprises(park_id, sub_park_id, id);
CREATE INDEX enterprises_park_name ON enterprises(park_id, name);

CREATE TABLE enterprise_flags (
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  flag TEXT NOT NULL,                              -- high_tech | tech_sme | specialized_sme | ...
  since TEXT,                                      -- 认定日期
  until TEXT,                                      -- 有效期至
  PRIMARY KEY (enterprise_id, flag)
);
CREATE INDEX enterprise_flags_park ON enterprise_flags(park_id, flag);

CREATE TABLE enterprise_reports (
  id {{ID}},
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  period TEXT NOT NULL,                            -- YYYY-MM
  state TEXT NOT NULL DEFAULT 'draft',             -- draft | submitted | approved | returned
  explanations_json TEXT NOT NULL DEFAULT '{}',
  first_submitted_on TEXT,
  submitted_at TEXT,
  reviewed_at TEXT,
  reviewed_by TEXT,
  return_reason TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  UNIQUE (enterprise_id, period)
);
CREATE INDEX enterprise_reports_park ON enterprise_reports(park_id, period, state);

-- One row per reported field: the figures every module reads (approved reports only).
CREATE TABLE enterprise_report_values (
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  period TEXT NOT NULL,
  field TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (enterprise_id, period, field)
);
CREATE INDEX enterprise_report_values_park ON enterprise_report_values(park_id, field, period);

CREATE TABLE enterprise_report_revisions (
  id {{ID}},
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  period TEXT NOT NULL,
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL,                             -- values.<code> | explanations.<code> | state
  old_value TEXT,
  new_value TEXT,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX enterprise_report_revisions_park ON enterprise_report_revisions(park_id, enterprise_id, period);

CREATE TABLE enterprise_report_exceptions (
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  period TEXT NOT NULL,
  until_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, period)
);
CREATE INDEX enterprise_report_exceptions_park ON enterprise_report_exceptions(park_id, period);

-- Validation rules of the monthly report, per park (none stored: the seeded defaults apply).
CREATE TABLE enterprise_rules (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  sort INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  when_expr TEXT NOT NULL DEFAULT '',
  left_expr TEXT NOT NULL,
  op TEXT NOT NULL,
  right_expr TEXT NOT NULL,
  threshold_pct DOUBLE PRECISION NOT NULL DEFAULT 0,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  field TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  UNIQUE (park_id, code)
);

-- Accepted members of the cultivation pools (小升规 reserve, 防退规 watch list, flag pools).
CREATE TABLE enterprise_pool_members (
  id {{ID}},
  park_id BIGINT NOT NULL,
  pool_code TEXT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  since TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',           -- active | promoted | removed | expired
  note TEXT NOT NULL DEFAULT '',
  accepted_by TEXT NOT NULL DEFAULT '',
  UNIQUE (park_id, pool_code, enterprise_id)
);

-- 僵尸企业 disposal records.
CREATE TABLE zombie_disposals (
  id {{ID}},
  park_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  measure TEXT NOT NULL,
  responsible_unit TEXT NOT NULL,
  due TEXT,
  status TEXT NOT NULL DEFAULT 'planned',
  completed_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX zombie_disposals_park ON zombie_disposals(park_id, enterprise_id);
