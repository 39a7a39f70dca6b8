-- Issue 11 item 2: staff explanations of a standing difference between two sources (对账说明),
-- one per park, month and compared figure. Written with an audit row (entity reconciliation_note).
CREATE TABLE reconciliation_notes (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  period TEXT NOT NULL,                           -- YYYY-MM
  indicator TEXT NOT NULL,                        -- output | fai | eval.tax | new_above_scale ...
  text TEXT NOT NULL,
  username TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (park_id, period, indicator)
);
