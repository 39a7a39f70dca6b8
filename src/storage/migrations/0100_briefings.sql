-- Briefings, notifications and scheduled jobs (issue 12).

-- A monthly briefing (经济运行通报): its sections and bound figures as JSON, its state
-- (draft → approved → issued; issued ones are frozen) and the data version it read.
CREATE TABLE briefings (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  period TEXT NOT NULL,                          -- YYYY-MM
  state TEXT NOT NULL,                           -- draft | approved | issued
  title TEXT NOT NULL,
  content_json TEXT NOT NULL,                    -- sections, sentences (template + text), figures
  data_version TEXT NOT NULL,                    -- sha256 of the bound figures
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  approved_at TEXT,
  approved_by TEXT,
  issued_at TEXT,
  issued_by TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX briefings_park_period ON briefings(park_id, period);

-- The notification centre: one row per recipient. kind todo (待办) | notice (通知). dedup_key
-- makes a notifier idempotent (the same reminder is never sent twice to one user).
CREATE TABLE notifications (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  park_id BIGINT,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,                        -- report | month | task | supervision | stage | briefing | reminder | job
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  UNIQUE (user_id, dedup_key)
);
CREATE INDEX notifications_user ON notifications(user_id, read_at);

-- Deliveries to outside channels (e-mail, the city's SMS / 政务微信 webhook), with the outcome.
CREATE TABLE notification_deliveries (
  id {{ID}},
  notification_id BIGINT NOT NULL REFERENCES notifications(id),
  channel TEXT NOT NULL,                         -- email | webhook
  status TEXT NOT NULL,                          -- sent | failed
  detail TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);

-- Scheduled jobs run inside the server: their last runs with logs, and the work already done
-- (job, key) so a rerun never does it twice.
CREATE TABLE job_runs (
  id {{ID}},
  job_name TEXT NOT NULL,
  trigger_kind TEXT NOT NULL,                    -- schedule | manual
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,                          -- running | ok | failed
  log TEXT NOT NULL DEFAULT '',
  triggered_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_runs_job ON job_runs(job_name, id);

CREATE TABLE job_done (
  job_name TEXT NOT NULL,
  run_key TEXT NOT NULL,                         -- e.g. "2023-06:park:3"
  done_at TEXT NOT NULL,
  PRIMARY KEY (job_name, run_key)
);
