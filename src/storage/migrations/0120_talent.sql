-- Talent demand (人才需求信息库, plan task 18) and rewards and subsidies (奖补, plan section 三.三,
-- tasks 4 and 13) — issue 13 items 3 and 4. Every index starts with park_id.

-- A need an enterprise posts: post, headcount, major, education, experience, monthly salary range
-- (元/月), urgency, until when, and whether the places are 支企 (support) or 就业见习 (internship).
CREATE TABLE talent_posts (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  post TEXT NOT NULL,
  headcount INTEGER NOT NULL,
  major TEXT NOT NULL DEFAULT '',
  education TEXT NOT NULL,                       -- none | secondary | college | bachelor | master | doctor
  experience_years INTEGER NOT NULL DEFAULT 0,
  salary_min DOUBLE PRECISION,                   -- 元/月
  salary_max DOUBLE PRECISION,
  urgency TEXT NOT NULL DEFAULT 'normal',        -- normal | urgent
  program TEXT NOT NULL DEFAULT 'none',          -- none | support (支企) | internship (就业见习)
  until_date TEXT,
  status TEXT NOT NULL DEFAULT 'open',           -- open | filled | closed
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX talent_posts_park ON talent_posts(park_id, enterprise_id, id);

-- The talent pool 人社局 keeps: candidates with education, major, skills and experience.
CREATE TABLE talent_candidates (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  name TEXT NOT NULL,
  education TEXT NOT NULL,
  major TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '',               -- separated by 、 or commas
  experience_years INTEGER NOT NULL DEFAULT 0,
  expected_salary DOUBLE PRECISION,              -- 元/月
  status TEXT NOT NULL DEFAULT 'available',      -- available | placed | withdrawn
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX talent_candidates_park ON talent_candidates(park_id, id);

-- Award types (奖补类型): a fixed amount (万元) or a rule in words, the unit that reviews, and the
-- enterprise flag the award relates to (e.g. high_tech for 新认定高新技术企业).
CREATE TABLE reward_types (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  amount DOUBLE PRECISION,                       -- 万元; NULL: by rule
  rule TEXT NOT NULL DEFAULT '',
  unit_id BIGINT REFERENCES units(id),
  flag TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (park_id, code)
);

-- An enterprise's application for one award in one year: submitted → approved | rejected.
CREATE TABLE reward_applications (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  type_id BIGINT NOT NULL REFERENCES reward_types(id),
  year INTEGER NOT NULL,
  amount_requested DOUBLE PRECISION NOT NULL,    -- 万元
  amount_approved DOUBLE PRECISION,              -- 万元
  state TEXT NOT NULL DEFAULT 'submitted',       -- submitted | approved | rejected
  note TEXT NOT NULL DEFAULT '',
  review_reason TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT,
  reviewed_by TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reward_applications_park ON reward_applications(park_id, year, enterprise_id);

-- Evidence files of an application (the bytes inline, base64, like task attachments).
CREATE TABLE reward_files (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  application_id BIGINT NOT NULL REFERENCES reward_applications(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  data_b64 TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX reward_files_park ON reward_files(park_id, application_id);
