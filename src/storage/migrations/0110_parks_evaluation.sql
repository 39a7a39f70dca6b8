-- Parks compared (issue 13 items 1 and 2, docs/parks.md): the region's park evaluation schemes as
-- data (categories and indicators with formula, direction, weight, scoring method), the values a
-- park enters with evidence, and the chemical-park recognition ledger (化工园区认定台账).

CREATE TABLE park_eval_schemes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  categories TEXT NOT NULL,                 -- category names in order, separated by '|'
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE park_eval_indicators (
  scheme_code TEXT NOT NULL REFERENCES park_eval_schemes(code),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'formula',   -- formula | entered
  formula TEXT NOT NULL,                    -- expression over variables (entered: the variable code)
  higher_is_better INTEGER NOT NULL DEFAULT 1,
  weight DOUBLE PRECISION NOT NULL,
  method TEXT NOT NULL,                     -- ratio | efficacy | rank
  benchmark DOUBLE PRECISION,
  sort INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scheme_code, code)
);

-- Values a park enters for a year (debt ratio, exports ...), each with its evidence.
CREATE TABLE park_eval_entries (
  park_id BIGINT NOT NULL REFERENCES parks(id),
  year INTEGER NOT NULL,
  code TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  evidence TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (park_id, year, code)
);

-- The six category headings of the national 2021 standard (化工园区认定, 6类).
CREATE TABLE chem_categories (
  name TEXT PRIMARY KEY,
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE chem_items (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  category TEXT NOT NULL,
  no INTEGER NOT NULL DEFAULT 0,
  requirement TEXT NOT NULL,                -- 认定要求
  units TEXT NOT NULL DEFAULT '',           -- 责任单位, separated by '、'
  deadline TEXT,                            -- YYYY-MM-DD
  status TEXT NOT NULL DEFAULT 'unmet',     -- met 达标 | unmet 未达标 | rectifying 整改中
  evidence TEXT NOT NULL DEFAULT '',        -- 佐证材料 (file names or links, one a line)
  score DOUBLE PRECISION,
  review_years INTEGER NOT NULL DEFAULT 3,  -- 复核周期: 3 or 5 years
  last_review TEXT,                         -- YYYY-MM-DD
  tracked TEXT NOT NULL DEFAULT '',         -- '' | river_setback (河道退让线) | emergency_pool (事故应急池)
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX chem_items_park ON chem_items(park_id, category, no);

INSERT INTO chem_categories(name, sort) VALUES
  ('设立与规划', 1), ('选址与布局', 2), ('基础设施', 3), ('安全管理', 4), ('环境保护', 5), ('应急管理', 6);

INSERT INTO park_eval_schemes(code, name, note, categories, sort) VALUES
  ('plan8', '园区统计指标体系（规划八个方面）', '按规划第三部分：开发程度、产业集聚度、技术创新能力、单位土地产出率、带动就业能力、经济效益、低碳发展、债务风险',
   '开发程度|产业集聚度|技术创新能力|单位土地产出率|带动就业能力|经济效益|低碳发展|债务风险', 1),
  ('national5', '开发区综合发展水平评价（五类）', '参照国家级经济技术开发区综合发展水平考核：对外开放30、发展质量30、科技创新15、绿色发展15、统筹协调10',
   '对外开放|发展质量|科技创新|绿色发展|统筹协调', 2);

INSERT INTO park_eval_indicators(scheme_code, code, name, category, unit, source, formula, higher_is_better, weight, method, benchmark, sort) VALUES
  ('plan8', 'dev_ratio', '土地开发率', '开发程度', '%', 'formula', 'developed_mu / land_mu * 100', 1, 12, 'efficacy', NULL, 1),
  ('plan8', 'cluster', '主导产业产值占比', '产业集聚度', '%', 'formula', 'leading_output / output * 100', 1, 13, 'efficacy', NULL, 2),
  ('plan8', 'rnd_intensity', '研发经费投入强度', '技术创新能力', '%', 'formula', 'rnd / sales * 100', 1, 8, 'ratio', 2.5, 3),
  ('plan8', 'high_tech', '高新技术企业数', '技术创新能力', '户', 'formula', 'high_tech', 1, 5, 'rank', NULL, 4),
  ('plan8', 'output_per_mu', '单位土地工业产值', '单位土地产出率', '万元/亩', 'formula', 'output / developed_mu', 1, 13, 'efficacy', NULL, 5),
  ('plan8', 'employees', '从业人员', '带动就业能力', '人', 'formula', 'employees', 1, 6, 'rank', NULL, 6),
  ('plan8', 'jobs_per_mu', '亩均就业', '带动就业能力', '人/亩', 'formula', 'employees / developed_mu', 1, 6, 'efficacy', NULL, 7),
  ('plan8', 'tax_per_mu', '亩均税收', '经济效益', '万元/亩', 'formula', 'tax / developed_mu', 1, 7, 'efficacy', NULL, 8),
  ('plan8', 'va_rate', '工业增加值率', '经济效益', '%', 'formula', 'value_added / output * 100', 1, 6, 'efficacy', NULL, 9),
  ('plan8', 'energy_per_va', '单位增加值能耗', '低碳发展', '吨标准煤/万元', 'formula', 'energy / value_added', 0, 12, 'efficacy', NULL, 10),
  ('plan8', 'debt_ratio', '园区平台资产负债率', '债务风险', '%', 'entered', 'debt_ratio', 0, 12, 'ratio', 60, 11),
  ('national5', 'export_value', '进出口总额', '对外开放', '万元', 'entered', 'export_value', 1, 10, 'efficacy', NULL, 1),
  ('national5', 'foreign_capital', '实际使用外资', '对外开放', '万元', 'entered', 'foreign_capital', 1, 10, 'efficacy', NULL, 2),
  ('national5', 'funds_in_place', '招商引资到位资金', '对外开放', '万元', 'formula', 'funds_in_place', 1, 10, 'efficacy', NULL, 3),
  ('national5', 'output_growth', '工业总产值增速', '发展质量', '%', 'formula', '(output - last_year.output) / last_year.output * 100', 1, 10, 'efficacy', NULL, 4),
  ('national5', 'tax_per_mu', '亩均税收', '发展质量', '万元/亩', 'formula', 'tax / developed_mu', 1, 10, 'efficacy', NULL, 5),
  ('national5', 'output_per_mu', '单位土地工业产值', '发展质量', '万元/亩', 'formula', 'output / developed_mu', 1, 10, 'efficacy', NULL, 6),
  ('national5', 'rnd_intensity', '研发经费投入强度', '科技创新', '%', 'formula', 'rnd / sales * 100', 1, 8, 'ratio', 2.5, 7),
  ('national5', 'high_tech', '高新技术企业数', '科技创新', '户', 'formula', 'high_tech', 1, 7, 'rank', NULL, 8),
  ('national5', 'energy_per_va', '单位增加值能耗', '绿色发展', '吨标准煤/万元', 'formula', 'energy / value_added', 0, 10, 'efficacy', NULL, 9),
  ('national5', 'dev_ratio', '土地开发率', '绿色发展', '%', 'formula', 'developed_mu / land_mu * 100', 1, 5, 'efficacy', NULL, 10),
  ('national5', 'employees', '从业人员', '统筹协调', '人', 'formula', 'employees', 1, 5, 'rank', NULL, 11),
  ('national5', 'debt_ratio', '园区平台资产负债率', '统筹协调', '%', 'entered', 'debt_ratio', 0, 5, 'ratio', 60, 12);
