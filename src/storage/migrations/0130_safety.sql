-- Safety and environment (issue 14, items 1 and 2): the park's shared facilities with their
-- operating records and permit, inspections (安全环保检查) and hidden hazards (隐患排查治理).

-- A shared facility (污水处理厂, 危废暂存库, 事故应急池, 垃圾填埋场 …; kind is free text, the UI
-- suggests the usual ones). capacity: what a record's load is compared with (design throughput or
-- storage capacity, in unit); discharge_limit: the permit's limit for a record's discharge. A
-- warning when a share reaches warn_pct, or the permit expires within permit_warn_days.
CREATE TABLE safety_facilities (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  operator TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  capacity DOUBLE PRECISION,
  discharge_limit DOUBLE PRECISION,
  permit_no TEXT NOT NULL DEFAULT '',
  permit_expiry TEXT,
  warn_pct DOUBLE PRECISION NOT NULL DEFAULT 80,
  permit_warn_days BIGINT NOT NULL DEFAULT 60,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX safety_facilities_park ON safety_facilities(park_id, id);

-- An operating record (运行记录): a day's or month's load (inflow, or stored quantity) and discharge.
CREATE TABLE safety_facility_records (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  facility_id BIGINT NOT NULL REFERENCES safety_facilities(id),
  recorded_on TEXT NOT NULL,
  load_value DOUBLE PRECISION NOT NULL,
  discharge DOUBLE PRECISION,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX safety_facility_records_facility ON safety_facility_records(park_id, facility_id, recorded_on);

-- An inspection (检查记录): who, when, where, which enterprise or facility, the checklist used and
-- the third-party service provider, if any.
CREATE TABLE safety_inspections (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  inspected_on TEXT NOT NULL,
  inspector TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  enterprise_id BIGINT REFERENCES enterprises(id),
  facility_id BIGINT REFERENCES safety_facilities(id),
  checklist TEXT NOT NULL DEFAULT '',
  provider TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX safety_inspections_park ON safety_inspections(park_id, inspected_on);

-- A hidden hazard (隐患): found (open) → rectified (整改, waiting for re-check) → closed, or
-- reopened by the re-check (back to rectification). level general (一般) | major (重大).
CREATE TABLE safety_hazards (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  inspection_id BIGINT REFERENCES safety_inspections(id),
  enterprise_id BIGINT REFERENCES enterprises(id),
  facility_id BIGINT REFERENCES safety_facilities(id),
  responsible TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  measures TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL,
  state TEXT NOT NULL,
  found_on TEXT NOT NULL,
  found_by TEXT NOT NULL,
  rectified_at TEXT,
  rectified_by TEXT,
  rectify_text TEXT NOT NULL DEFAULT '',
  rechecked_at TEXT,
  rechecked_by TEXT,
  recheck_comment TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  reopen_count BIGINT NOT NULL DEFAULT 0,
  supervision_id BIGINT REFERENCES supervisions(id),
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX safety_hazards_park ON safety_hazards(park_id, found_on);
CREATE INDEX safety_hazards_enterprise ON safety_hazards(park_id, enterprise_id);

-- Photos of a hazard (found or rectified), stored like the loop's attachments: the content once per
-- SHA-256 in task_files, this row linking it to the hazard.
CREATE TABLE safety_hazard_files (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  hazard_id BIGINT NOT NULL REFERENCES safety_hazards(id),
  stage TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES task_files(sha256),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX safety_hazard_files_hazard ON safety_hazard_files(park_id, hazard_id);
