-- Projects (重点项目), their stage log, annual plans, monthly investment and funds in place by
-- source, "三个一" fields, milestones, approval checklist (容缺受理/告知承诺) and problem list.
-- Issue 4; docs/projects.md. Every table carries park_id and every index starts with it.

CREATE TABLE projects (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),     -- the park (top level)
  sub_park_id BIGINT REFERENCES parks(id),          -- 一区四园: the sub-park, when known
  name TEXT NOT NULL,
  investor TEXT NOT NULL DEFAULT '',                -- 投资主体
  lead_id BIGINT,                                   -- the CRM lead it was signed from
  kind TEXT NOT NULL,                               -- new | continuing (新建/续建)
  stage TEXT NOT NULL,                              -- reserve | signed | landed | started | completed | production
  suspended_on TEXT,                                -- 停缓建 since
  terminated_on TEXT,                               -- 终止 on
  suspend_reason TEXT NOT NULL DEFAULT '',
  terminate_reason TEXT NOT NULL DEFAULT '',
  total_investment DOUBLE PRECISION NOT NULL DEFAULT 0,       -- 总投资, 万元
  contracted_investment DOUBLE PRECISION NOT NULL DEFAULT 0,  -- 签约投资, 万元
  industry TEXT NOT NULL DEFAULT '',                -- 所属产业
  chain_link_id BIGINT,                             -- 产业链环节
  parcel_ref TEXT NOT NULL DEFAULT '',              -- 地块 reference (land module)
  content TEXT NOT NULL DEFAULT '',                 -- 建设内容
  responsible_leader TEXT NOT NULL DEFAULT '',      -- 三个一: 包抓领导
  responsible_unit_id BIGINT REFERENCES units(id),  -- 三个一: 责任单位
  responsible_team TEXT NOT NULL DEFAULT '',        -- 三个一: 工作专班
  contact_person TEXT NOT NULL DEFAULT '',
  planned_reserve TEXT, planned_signed TEXT, planned_landed TEXT,
  planned_started TEXT, planned_completed TEXT, planned_production TEXT,
  actual_reserve TEXT, actual_signed TEXT, actual_landed TEXT,
  actual_started TEXT, actual_completed TEXT, actual_production TEXT,
  resumed_on TEXT NOT NULL DEFAULT '',              -- 复工 dates, comma separated, ascending
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX projects_park ON projects(park_id, stage);
CREATE INDEX projects_park_sub ON projects(park_id, sub_park_id);

-- Every stage or flag change: who, when, from, to, reason, override.
CREATE TABLE project_stage_log (
  id {{ID}},
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  change_type TEXT NOT NULL,                        -- create | forward | backward | resume | suspend | lift_suspension | terminate | import
  from_stage TEXT,
  to_stage TEXT,
  date TEXT,
  reason TEXT NOT NULL DEFAULT '',
  override_used INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_stage_log_project ON project_stage_log(park_id, project_id, id);

CREATE TABLE project_annual_plans (
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  year INTEGER NOT NULL,
  planned_investment DOUBLE PRECISION NOT NULL,     -- 年度计划投资, 万元
  PRIMARY KEY (project_id, year)
);
CREATE INDEX project_annual_plans_park ON project_annual_plans(park_id, year);

-- Monthly amounts (not cumulative): 当月完成投资 and 当月到位资金 with its sources.
CREATE TABLE project_monthly (
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  period TEXT NOT NULL,                             -- YYYY-MM
  completed DOUBLE PRECISION NOT NULL DEFAULT 0,
  funds_in_place DOUBLE PRECISION NOT NULL DEFAULT 0,
  funds_out_of_province DOUBLE PRECISION NOT NULL DEFAULT 0,  -- 省外
  funds_in_province DOUBLE PRECISION NOT NULL DEFAULT 0,      -- 省内
  funds_foreign DOUBLE PRECISION NOT NULL DEFAULT 0,          -- 外资
  updated_at TEXT NOT NULL,
  PRIMARY KEY (project_id, period)
);
CREATE INDEX project_monthly_park ON project_monthly(park_id, period);

-- 三个一: the plan of milestones (节点计划).
CREATE TABLE project_milestones (
  id {{ID}},
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  title TEXT NOT NULL,
  planned_date TEXT,
  actual_date TEXT,
  note TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_milestones_project ON project_milestones(park_id, project_id);

-- Approval checklist (审批事项): 立项/备案, 用地预审与选址, 规划许可, 环评, 能评, 安评, 施工许可 ...
CREATE TABLE project_approvals (
  id {{ID}},
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  item TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',           -- pending | in_progress | done | not_needed
  deadline TEXT,
  done_on TEXT,
  tolerance_acceptance INTEGER NOT NULL DEFAULT 0,  -- 容缺受理
  commitment INTEGER NOT NULL DEFAULT 0,            -- 告知承诺
  agent TEXT NOT NULL DEFAULT '',                   -- 领办帮办代办 person / unit
  note TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_approvals_project ON project_approvals(park_id, project_id);

-- Problem list (问题清单).
CREATE TABLE project_problems (
  id {{ID}},
  park_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  issue TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  responsible_unit TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  status TEXT NOT NULL DEFAULT 'open',              -- open | in_progress | resolved
  resolution TEXT NOT NULL DEFAULT '',
  resolved_on TEXT
);
CREATE INDEX project_problems_project ON project_problems(park_id, project_id);

-- Industry chains (产业链图谱) and their links, editable data per park.
CREATE TABLE industry_chains (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX industry_chains_park ON industry_chains(park_id, sort);

CREATE TABLE chain_links (
  id {{ID}},
  park_id BIGINT NOT NULL,
  chain_id BIGINT NOT NULL REFERENCES industry_chains(id),
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT 'mid',             -- up | mid | down (上游/中游/下游)
  note TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chain_links_park ON chain_links(park_id, chain_id, sort);

-- Investor CRM (客商信息库): companies, contacts, leads and follow-ups.
CREATE TABLE investors (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  name TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',                  -- 所在地
  note TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX investors_park ON investors(park_id, name);

CREATE TABLE investor_contacts (
  id {{ID}},
  park_id BIGINT NOT NULL,
  investor_id BIGINT NOT NULL REFERENCES investors(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX investor_contacts_investor ON investor_contacts(park_id, investor_id);

CREATE TABLE leads (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  investor_id BIGINT NOT NULL REFERENCES investors(id),
  title TEXT NOT NULL,                              -- the intended project
  source TEXT NOT NULL DEFAULT '',                  -- 以商招商 | 产业链招商 | 飞地经济 | 展会 | 上级推介 | 其他
  chain_link_id BIGINT,
  intent TEXT NOT NULL DEFAULT 'medium',            -- high | medium | low
  planned_investment DOUBLE PRECISION NOT NULL DEFAULT 0,  -- 万元
  team TEXT NOT NULL DEFAULT '',                    -- 招商专班
  owner TEXT NOT NULL DEFAULT '',                   -- 负责人
  stage TEXT NOT NULL DEFAULT 'lead',               -- lead | contact | negotiation | signed | abandoned
  abandon_reason TEXT NOT NULL DEFAULT '',
  project_id BIGINT,                                -- set when signed
  next_step TEXT NOT NULL DEFAULT '',
  next_date TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX leads_park ON leads(park_id, stage);

CREATE TABLE lead_followups (
  id {{ID}},
  park_id BIGINT NOT NULL,
  lead_id BIGINT NOT NULL REFERENCES leads(id),
  kind TEXT NOT NULL,                               -- visit | talk | phone (走访/洽谈/电话)
  date TEXT NOT NULL,
  content TEXT NOT NULL,
  next_step TEXT NOT NULL DEFAULT '',
  next_date TEXT,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX lead_followups_lead ON lead_followups(park_id, lead_id, date);
