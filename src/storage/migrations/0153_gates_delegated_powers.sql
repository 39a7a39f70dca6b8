-- 承接事项清单 (issue 15): approval powers delegated to the park, monthly handling counts, and the
-- adjustment log (清单动态调整: every addition and change with who, when, what and why).
CREATE TABLE delegated_powers (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  name TEXT NOT NULL,
  legal_basis TEXT NOT NULL DEFAULT '',
  delegating_unit TEXT NOT NULL DEFAULT '',
  delegated_on TEXT,
  status TEXT NOT NULL,                          -- accepted | in_progress | not_accepted
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX delegated_powers_park ON delegated_powers(park_id, id);

CREATE TABLE delegated_power_counts (
  park_id BIGINT NOT NULL,
  power_id BIGINT NOT NULL REFERENCES delegated_powers(id),
  period TEXT NOT NULL,                          -- YYYY-MM
  handled BIGINT NOT NULL,
  PRIMARY KEY (power_id, period)
);

CREATE TABLE delegated_power_log (
  id {{ID}},
  park_id BIGINT NOT NULL,
  power_id BIGINT NOT NULL REFERENCES delegated_powers(id),
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,                          -- add | update
  changes TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delegated_power_log_park ON delegated_power_log(park_id, id);
