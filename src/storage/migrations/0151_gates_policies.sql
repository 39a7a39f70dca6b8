-- 惠企政策 (issue 15): the policy library with structured criteria (criteria_json, an array of
-- {kind, code, code2, prefixes, expect, op, value}; domain/gates/policy.h), and the enterprises'
-- applications with 兑现 (amount in 万元, date).
CREATE TABLE policies (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  title TEXT NOT NULL,
  issuer TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,                        -- tax | subsidy | finance | talent | other
  benefit TEXT NOT NULL DEFAULT '',
  how_to_apply TEXT NOT NULL DEFAULT '',
  valid_from TEXT,
  valid_until TEXT,
  figures_year INTEGER,
  criteria_json TEXT NOT NULL DEFAULT '[]',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX policies_park ON policies(park_id, id);

CREATE TABLE policy_applications (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  policy_id BIGINT NOT NULL REFERENCES policies(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  applied_on TEXT NOT NULL,
  status TEXT NOT NULL,                          -- applied | approved | rejected | paid
  amount DOUBLE PRECISION,                       -- 兑现金额, 万元
  paid_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX policy_applications_park ON policy_applications(park_id, policy_id);
CREATE INDEX policy_applications_enterprise ON policy_applications(park_id, enterprise_id);
