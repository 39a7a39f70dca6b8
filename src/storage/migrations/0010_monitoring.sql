-- Economic-operation monitoring (issue 3): monthly values with their history, and the monthly
-- report's workflow (填报 draft → 提交 submitted → 审核 approved, locked; 退回 returned).
-- The catalog (indicators), targets and settings tables are in 0001_core.sql.

-- Monthly amounts (flow) or month-end levels (stock), one row per park/sub-park, month, indicator.
-- Cumulative (1-N月累计) input is converted to the month's amount before it is stored.
CREATE TABLE indicator_values (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  period TEXT NOT NULL,                          -- YYYY-MM
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  value DOUBLE PRECISION NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (park_id, period, indicator_code)
);

-- Every change of a value: who, when, old, new, how it was entered.
CREATE TABLE indicator_value_history (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  period TEXT NOT NULL,
  indicator_code TEXT NOT NULL,
  old_value DOUBLE PRECISION,
  new_value DOUBLE PRECISION,
  mode TEXT NOT NULL,                            -- month | cumulative | delete
  entered DOUBLE PRECISION,                      -- the figure as typed (the cumulative one in cumulative mode)
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  reason TEXT
);
CREATE INDEX indicator_value_history_park ON indicator_value_history(park_id, period, indicator_code);

-- The state of a park's monthly report; no row = not started.
CREATE TABLE monitoring_months (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  period TEXT NOT NULL,
  state TEXT NOT NULL,                           -- draft | submitted | approved | returned
  submitted_at TEXT,
  submitted_by TEXT,
  approved_at TEXT,
  approved_by TEXT,
  reason TEXT,                                   -- why it was returned or unlocked
  updated_at TEXT NOT NULL,
  PRIMARY KEY (park_id, period)
);

-- Defaults of the module's settings (park 0); a park's own rows override them.
INSERT INTO settings(park_id, key, value) VALUES
  (0, 'monitoring.yellow_band', '5'),
  (0, 'monitoring.deadline_day', '10'),
  (0, 'monitoring.swing_threshold_pct', '50'),
  (0, 'monitoring.include_yellow', '1'),
  (0, 'monitoring.unit', '工业园区'),
  (0, 'monitoring.unit.fai', '发改局'),
  (0, 'monitoring.unit.output', '工信局'),
  (0, 'monitoring.unit.sales', '工信局'),
  (0, 'monitoring.unit.value_added', '工信局'),
  (0, 'monitoring.unit.tax', '税务局'),
  (0, 'monitoring.unit.energy', '发改局'),
  (0, 'monitoring.unit.employees', '人社局'),
  (0, 'monitoring.unit.new_above_scale', '工信局'),
  (0, 'monitoring.unit.new_enterprises', '招商服务中心'),
  (0, 'monitoring.unit.funds_in_place', '招商服务中心');
