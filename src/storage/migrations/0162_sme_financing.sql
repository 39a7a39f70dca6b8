-- Financing needs (融资需求, issue 16 item 5): an enterprise posts a need; 金融办 records the bank it
-- is matched with (对接) and the loan granted (放款), for the park's 整体授信 talks with banks.
CREATE TABLE sme_financing_needs (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  amount DOUBLE PRECISION NOT NULL,            -- 万元
  term_months INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  collateral TEXT NOT NULL,                    -- factory_mortgage | equipment | guarantee | credit | other
  channel TEXT NOT NULL,                       -- xinyidai (甘肃信易贷) | chain_credit (整体授信) | bank | other
  status TEXT NOT NULL,                        -- open | matched | granted | declined
  bank TEXT NOT NULL DEFAULT '',
  matched_on TEXT,
  loan_amount DOUBLE PRECISION,
  loan_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sme_financing_park ON sme_financing_needs(park_id, status);
