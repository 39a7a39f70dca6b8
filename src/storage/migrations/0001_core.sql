-- Foundation: organization, accounts, sessions, tokens, audit, the plan's tasks, indicators and targets.
-- Portable SQL: {{ID}} becomes the engine's auto-increment primary key. Booleans are INTEGER 0/1,
-- dates and timestamps TEXT (ISO), amounts DOUBLE PRECISION.

CREATE TABLE regions (
  id {{ID}},
  name TEXT NOT NULL,
  parent_id BIGINT REFERENCES regions(id),
  level TEXT NOT NULL DEFAULT 'city',          -- province | city | county
  created_at TEXT NOT NULL
);

CREATE TABLE parks (
  id {{ID}},
  region_id BIGINT NOT NULL REFERENCES regions(id),
  parent_id BIGINT REFERENCES parks(id),        -- a sub-park's park
  name TEXT NOT NULL,
  short_name TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX parks_region ON parks(region_id);
CREATE INDEX parks_parent ON parks(parent_id);

-- Departments and other units (工信局, 发改局, the operating company ...). A unit belongs to a region
-- and may serve several parks (unit_parks).
CREATE TABLE units (
  id {{ID}},
  region_id BIGINT NOT NULL REFERENCES regions(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                           -- park_committee | department | company
  sort INTEGER NOT NULL DEFAULT 0,
  UNIQUE (region_id, name)
);
CREATE TABLE unit_parks (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  park_id BIGINT NOT NULL REFERENCES parks(id),
  PRIMARY KEY (unit_id, park_id)
);
CREATE INDEX unit_parks_park ON unit_parks(park_id, unit_id);

CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,                           -- sysadmin | park_admin | department | enterprise | leader
  park_id BIGINT REFERENCES parks(id),
  unit_id BIGINT REFERENCES units(id),
  enterprise_id BIGINT,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,       -- unix seconds
  created_at TEXT NOT NULL,
  last_login_at TEXT
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,                  -- SHA-256 hex of the cookie value
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  ip TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),  -- the account whose role the token carries
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  park_id BIGINT REFERENCES parks(id),           -- narrows the scope to one park when set
  read_only INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);

CREATE TABLE audit_log (
  id {{ID}},
  park_id BIGINT,
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT,
  ip TEXT,
  action TEXT NOT NULL,                          -- create | update | delete | login | ...
  entity TEXT NOT NULL,                          -- user | park | indicator_value | ...
  entity_id TEXT,
  before_json TEXT,
  after_json TEXT,
  reason TEXT
);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_park ON audit_log(park_id, at);

-- The plan's key tasks (重点任务) and their units.
CREATE TABLE tasks (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  no INTEGER NOT NULL,
  group_name TEXT NOT NULL,
  title TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (park_id, no)
);
CREATE TABLE task_units (
  park_id BIGINT NOT NULL,
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  role TEXT NOT NULL,                            -- lead | responsible
  sort INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, unit_id, role)
);
CREATE INDEX task_units_unit ON task_units(park_id, unit_id);

-- Indicator catalog (指标库) and annual targets (年度目标).
CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL,                            -- flow | stock
  higher_is_better INTEGER NOT NULL DEFAULT 1,
  decimals INTEGER NOT NULL DEFAULT 2,
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE targets (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  target DOUBLE PRECISION,
  growth_pct DOUBLE PRECISION,
  base DOUBLE PRECISION,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (park_id, year, indicator_code)
);

-- Typed settings per park (warning thresholds, deadlines ...). park_id 0 holds the defaults.
CREATE TABLE settings (
  park_id BIGINT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (park_id, key)
);
