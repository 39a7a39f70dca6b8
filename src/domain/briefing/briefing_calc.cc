#include "domain/briefing/briefing_calc.h"

#include <algorithm>
#include <cmath>

#include "domain/briefing/briefing_text.h"

namespace parkhq::briefing {

namespace {

const char* kChineseNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

std::string PeriodRange(Period p) {
  return p.month == 1 ? "1月" : "1-" + std::to_string(p.month) + "月";
}

const IndicatorFacts* Find(const std::vector<IndicatorFacts>& v, std::string_view code) {
  for (const auto& i : v)
    if (i.code == code) return &i;
  return nullptr;
}

Figure Num(std::string label, std::optional<double> v, std::string unit, std::string source) {
  Figure f;
  f.label = std::move(label);
  f.value = v;
  f.unit = std::move(unit);
  f.source = std::move(source);
  return f;
}

Figure Text(std::string label, std::string text, std::string source) {
  Figure f;
  f.label = std::move(label);
  f.text = std::move(text);
  f.source = std::move(source);
  return f;
}

std::string Cell(std::optional<double> v, int decimals) { return v ? FormatNumber(*v, decimals) : "—"; }

// The sentence `id` from `templates` (an edited one) or the default `fallback`, rendered; nullopt
// when it does not render or every figure it cites is missing.
std::optional<Sentence> Make(const std::string& id, const std::string& fallback, const Figures& figs,
                             const std::map<std::string, std::string>& templates) {
  Sentence s;
  s.id = id;
  auto it = templates.find(id);
  s.edited = it != templates.end();
  s.tmpl = s.edited ? it->second : fallback;
  auto text = Render(s.tmpl, figs, "sentences." + id);
  if (!text.ok()) {
    if (!s.edited) return std::nullopt;
    s.tmpl = fallback;  // an edited template that no longer fits the data falls back
    s.edited = false;
    text = Render(s.tmpl, figs, "sentences." + id);
    if (!text.ok()) return std::nullopt;
  }
  s.text = *text;
  return s;
}

void AddIndicatorFigures(Figures& figs, const IndicatorFacts& i, const std::string& range, const std::string& q) {
  const std::string src = q + " → " + i.code + ".";
  figs[i.code + ".month"] = Num(i.name + "本月", i.month, i.unit, src + "month");
  figs[i.code + ".month_yoy_pct"] = Num(i.name + "本月同比", i.month_yoy_pct, "%", src + "month_yoy_pct");
  figs[i.code + ".ytd"] = Num(i.name + range + "累计", i.ytd, i.unit, src + "ytd");
  figs[i.code + ".ytd_last_year"] = Num(i.name + "上年同期", i.ytd_last_year, i.unit, src + "ytd_last_year");
  figs[i.code + ".yoy_pct"] = Num(i.name + "同比", i.yoy_pct, "%", src + "yoy_pct");
  figs[i.code + ".target"] = Num(i.name + "年度目标", i.target, i.unit, src + "target");
  figs[i.code + ".completion_pct"] = Num(i.name + "完成率", i.completion_pct, "%", src + "completion_pct");
  figs[i.code + ".gap"] = Num(i.name + "与序时进度差距", i.gap, "个百分点", src + "gap");
}

}  // namespace

const std::map<std::string, std::string>& DefaultTemplates() {
  static const std::map<std::string, std::string> kTemplates = {
      {"industry.output",
       "{period.range}，{park.name}完成工业总产值{output.ytd|亿元}，同比{output.yoy_pct|增减}，完成年度目标的"
       "{output.completion_pct|%}，{output.gap|序时}。"},
      {"industry.output.no_target", "{period.range}，{park.name}完成工业总产值{output.ytd|亿元}，同比{output.yoy_pct|增减}。"},
      {"industry.output.month", "其中{period.month}完成工业总产值{output.month|亿元}，同比{output.month_yoy_pct|增减}。"},
      {"industry.value_added",
       "完成工业增加值{value_added.ytd|亿元}，同比{value_added.yoy_pct|增减}，完成年度目标的"
       "{value_added.completion_pct|%}，{value_added.gap|序时}。"},
      {"industry.value_added.no_target", "完成工业增加值{value_added.ytd|亿元}，同比{value_added.yoy_pct|增减}。"},
      {"industry.sales",
       "实现销售收入{sales.ytd|亿元}，同比{sales.yoy_pct|增减}，完成年度目标的{sales.completion_pct|%}，"
       "{sales.gap|序时}。"},
      {"industry.sales.no_target", "实现销售收入{sales.ytd|亿元}，同比{sales.yoy_pct|增减}。"},
      {"investment.fai",
       "{period.range}，完成固定资产投资{fai.ytd|亿元}，同比{fai.yoy_pct|增减}，完成年度目标的"
       "{fai.completion_pct|%}，{fai.gap|序时}。"},
      {"investment.fai.no_target", "{period.range}，完成固定资产投资{fai.ytd|亿元}，同比{fai.yoy_pct|增减}。"},
      {"attraction.funds",
       "{period.range}，实际到位资金{funds_in_place.ytd|亿元}，同比{funds_in_place.yoy_pct|增减}，完成年度目标的"
       "{funds_in_place.completion_pct|%}。"},
      {"attraction.funds.no_target", "{period.range}，实际到位资金{funds_in_place.ytd|亿元}，同比{funds_in_place.yoy_pct|增减}。"},
      {"attraction.leads", "目前在跟踪招商线索{leads.active}，已签约{leads.signed}。"},
      {"enterprises.growth", "{period.range}，新培育规上企业{new_above_scale.ytd}，新入园企业{new_enterprises.ytd}。"},
      {"enterprises.reporting",
       "{period.month}应报送月报企业{reporting.expected}，已报送{reporting.submitted}，报送率{reporting.rate|%}。"},
      {"land.disposals", "已登记低效用地处置{land.disposals}，其中已完成处置{land.completed}。"},
  };
  return kTemplates;
}

Figures CollectFigures(const BriefingInput& in) {
  Figures f;
  const std::string range = PeriodRange(in.period);
  f["park.name"] = Text("园区", in.park_name, "GET /api/v1/parks");
  f["period.range"] = Text("累计期间", range, "period");
  f["period.month"] = Text("月份", std::to_string(in.period.month) + "月", "period");
  f["period.year"] = Text("年份", std::to_string(in.period.year) + "年", "period");
  for (const auto& i : in.indicators) AddIndicatorFigures(f, i, range, in.query);
  for (size_t k = 0; k < in.movers.size(); ++k) {
    const std::string p = "mover." + std::to_string(k);
    f[p + ".name"] = Text("企业", in.movers[k].name, "enterprise-movement");
    f[p + ".change"] = Num(in.movers[k].name + "产值同比增减", in.movers[k].change, "万元", "enterprise-movement");
  }
  if (in.projects) {
    for (size_t k = 0; k < in.projects->rates.size(); ++k) {
      const auto& r = in.projects->rates[k];
      const std::string p = "rate." + std::to_string(k);
      f[p + ".name"] = Text("项目指标", r.name, "project-rates");
      f[p + ".pct"] = Num(r.name, r.pct, "%", "project-rates");
    }
    f["projects.red"] = Num("红灯项目数", static_cast<double>(in.projects->red_projects.size()), "个", "project-lights");
    for (size_t k = 0; k < in.projects->red_projects.size(); ++k)
      f["red." + std::to_string(k) + ".name"] = Text("红灯项目", in.projects->red_projects[k], "project-lights");
  }
  if (in.attraction) {
    f["leads.active"] = Num("在跟踪线索", in.attraction->leads, "个", "leads");
    f["leads.signed"] = Num("已签约线索", in.attraction->signed_ytd, "个", "leads");
  }
  if (in.reporting) {
    const auto& r = *in.reporting;
    f["reporting.expected"] = Num("应报企业", r.expected, "户", "reporting-status");
    f["reporting.submitted"] = Num("已报企业", r.submitted, "户", "reporting-status");
    f["reporting.rate"] = Num("报送率", r.rate_pct, "%", "reporting-status");
    f["reporting.late"] = Num("未报企业", static_cast<double>(r.late.size()), "户", "reporting-status");
    for (size_t k = 0; k < r.late.size(); ++k)
      f["late." + std::to_string(k) + ".name"] = Text("未报企业", r.late[k], "reporting-status");
  }
  if (in.land) {
    f["land.disposals"] = Num("低效用地处置", in.land->disposals, "宗", "land-disposals");
    f["land.completed"] = Num("已完成处置", in.land->completed, "宗", "land-disposals");
  }
  for (size_t k = 0; k < in.warnings.size(); ++k) {
    const std::string p = "warning." + std::to_string(k);
    f[p + ".text"] = Text("预警", in.warnings[k].message, "dashboard warnings");
  }
  return f;
}

namespace {

// A list sentence "{prefix}{x.0.name}、{x.1.name}…" over `n` items.
std::string ListTemplate(const std::string& prefix, const std::string& key, size_t n, size_t max,
                         const std::string& suffix_field = "") {
  std::string t = prefix;
  for (size_t k = 0; k < std::min(n, max); ++k) {
    if (k) t += "、";
    t += "{" + key + "." + std::to_string(k) + ".name}";
    if (!suffix_field.empty()) t += "（{" + key + "." + std::to_string(k) + "." + suffix_field + "}）";
  }
  if (n > max) t += "等";
  return t + "。";
}

void Push(Section& s, std::optional<Sentence> sentence) {
  if (sentence) s.sentences.push_back(std::move(*sentence));
}

// The sentence for an indicator: the full template with a target, the short one without.
void AddIndicator(Section& s, const BriefingInput& in, const Figures& f, const std::string& id, const char* code,
                  const std::map<std::string, std::string>& t) {
  const IndicatorFacts* i = Find(in.indicators, code);
  if (!i || !i->ytd) return;
  const auto& d = DefaultTemplates();
  const std::string key = i->completion_pct ? id : id + ".no_target";
  Push(s, Make(id, d.at(key), f, t));
}

Section Industry(const BriefingInput& in, const Figures& f, const std::map<std::string, std::string>& t) {
  Section s;
  s.key = "industry";
  s.title = "工业经济运行情况";
  const auto& d = DefaultTemplates();
  AddIndicator(s, in, f, "industry.output", "output", t);
  if (const auto* o = Find(in.indicators, "output"); o && o->month) Push(s, Make("industry.output.month", d.at("industry.output.month"), f, t));
  AddIndicator(s, in, f, "industry.value_added", "value_added", t);
  AddIndicator(s, in, f, "industry.sales", "sales", t);
  if (!in.movers.empty()) {
    std::string tm = "从企业看，";
    std::vector<std::string> parts;
    for (size_t k = 0; k < in.movers.size(); ++k) {
      const std::string p = "mover." + std::to_string(k);
      parts.push_back("{" + p + ".name}（{" + p + ".change|增减额}）");
    }
    for (size_t k = 0; k < parts.size(); ++k) tm += (k ? "、" : "") + parts[k];
    tm += "对产值变动影响最大。";
    Push(s, Make("industry.movers", tm, f, t));
  }
  // The main table: every indicator in its unit as the monitoring API states it.
  Table main;
  main.header = {"指标", "单位", "本月", PeriodRange(in.period) + "累计", "同比(%)", "年度目标", "完成率(%)", "较序时进度(百分点)"};
  for (const auto& i : in.indicators) {
    if (!i.ytd && !i.month) continue;
    const int dec = DecimalsForUnit(i.unit);
    main.rows.push_back({i.name, i.unit, Cell(i.month, dec), Cell(i.ytd, dec), Cell(i.yoy_pct, 1), Cell(i.target, dec),
                         Cell(i.completion_pct, 1), Cell(i.gap, 1)});
  }
  if (!main.rows.empty()) s.tables.push_back(std::move(main));
  if (!in.sub_parks.empty()) {
    Table sub;
    sub.header = {"分园", "工业总产值(万元)", "同比(%)", "完成率(%)", "较序时进度(百分点)"};
    Chart c;
    c.title = "各分园" + PeriodRange(in.period) + "工业总产值";
    c.unit = "亿元";
    for (const auto& u : in.sub_parks) {
      const IndicatorFacts* o = Find(u.indicators, "output");
      if (!o) continue;
      sub.rows.push_back({u.name, Cell(o->ytd, 2), Cell(o->yoy_pct, 1), Cell(o->completion_pct, 1), Cell(o->gap, 1)});
      if (o->ytd) c.bars.emplace_back(u.name, *o->ytd / 10000.0);
    }
    if (!sub.rows.empty()) s.tables.push_back(std::move(sub));
    if (!c.bars.empty()) s.charts.push_back(std::move(c));
  }
  if (!in.groups.empty()) {
    Table g;
    g.header = {"主导产业", "企业数(户)", "工业总产值(万元)"};
    for (const auto& x : in.groups) g.rows.push_back({x.name, std::to_string(x.enterprises), FormatNumber(x.total, 2)});
    s.tables.push_back(std::move(g));
  }
  Chart pct;
  pct.title = "主要指标年度目标完成率";
  pct.unit = "%";
  for (const char* code : {"output", "value_added", "sales", "fai"})
    if (const auto* i = Find(in.indicators, code); i && i->completion_pct) pct.bars.emplace_back(i->name, *i->completion_pct);
  if (!pct.bars.empty()) s.charts.push_back(std::move(pct));
  return s;
}

Section Investment(const BriefingInput& in, const Figures& f, const std::map<std::string, std::string>& t) {
  Section s;
  s.key = "investment";
  s.title = "固定资产投资和项目建设";
  AddIndicator(s, in, f, "investment.fai", "fai", t);
  if (in.projects) {
    if (!in.projects->rates.empty()) {
      std::string tm = "重点项目";
      for (size_t k = 0; k < in.projects->rates.size(); ++k) {
        const std::string p = "rate." + std::to_string(k);
        tm += (k ? "，" : "") + ("{" + p + ".name}{" + p + ".pct|%}");
      }
      Push(s, Make("investment.rates", tm + "。", f, t));
    }
    const size_t n = in.projects->red_projects.size();
    if (n == 0) Push(s, Make("investment.red", "目前无红灯项目。", f, t));
    else Push(s, Make("investment.red", ListTemplate("亮红灯项目{projects.red}：", "red", n, 10), f, t));
  }
  return s;
}

Section Attraction(const BriefingInput& in, const Figures& f, const std::map<std::string, std::string>& t) {
  Section s;
  s.key = "attraction";
  s.title = "招商引资";
  AddIndicator(s, in, f, "attraction.funds", "funds_in_place", t);
  if (in.attraction) Push(s, Make("attraction.leads", DefaultTemplates().at("attraction.leads"), f, t));
  return s;
}

Section Enterprises(const BriefingInput& in, const Figures& f, const std::map<std::string, std::string>& t) {
  Section s;
  s.key = "enterprises";
  s.title = "企业培育和数据报送";
  const auto* a = Find(in.indicators, "new_above_scale");
  const auto* b = Find(in.indicators, "new_enterprises");
  if (a && b && (a->ytd || b->ytd)) Push(s, Make("enterprises.growth", DefaultTemplates().at("enterprises.growth"), f, t));
  if (in.reporting) {
    Push(s, Make("enterprises.reporting", DefaultTemplates().at("enterprises.reporting"), f, t));
    const size_t n = in.reporting->late.size();
    if (n) Push(s, Make("enterprises.late", ListTemplate("尚未报送的企业{reporting.late}：", "late", n, 20), f, t));
  }
  return s;
}

Section Land(const BriefingInput& in, const Figures& f, const std::map<std::string, std::string>& t) {
  Section s;
  s.key = "land";
  s.title = "低效用地处置";
  if (in.land) Push(s, Make("land.disposals", DefaultTemplates().at("land.disposals"), f, t));
  return s;
}

Section Warnings(const BriefingInput& in, const Figures& f, const std::map<std::string, std::string>& t) {
  Section s;
  s.key = "warnings";
  s.title = "预警提示";
  for (size_t k = 0; k < in.warnings.size() && k < 20; ++k) {
    const std::string id = "warnings." + std::to_string(k);
    Push(s, Make(id, "{warning." + std::to_string(k) + ".text}。", f, t));
  }
  if (in.warnings.empty()) Push(s, Make("warnings.none", "本月各项指标未触发预警。", f, t));
  return s;
}

std::string Numeral(size_t n) { return n < 10 ? kChineseNumerals[n] : std::to_string(n + 1); }

}  // namespace

Content BuildContent(const BriefingInput& in, const std::map<std::string, std::string>& templates) {
  Content c;
  c.figures = CollectFigures(in);
  c.title = in.park_name + std::to_string(in.period.year) + "年" + std::to_string(in.period.month) + "月经济运行通报";
  c.subtitle = "（" + std::to_string(in.period.year) + "年" + PeriodRange(in.period) + "，数据来源：ParkHQ 平台）";
  std::vector<Section> all = {Industry(in, c.figures, templates), Investment(in, c.figures, templates),
                              Attraction(in, c.figures, templates), Enterprises(in, c.figures, templates),
                              Land(in, c.figures, templates)};
  for (const auto& extra : in.extra_sections) all.push_back(extra);
  all.push_back(Warnings(in, c.figures, templates));
  for (auto& s : all) {
    if (s.sentences.empty() && s.tables.empty()) continue;
    s.title = Numeral(c.sections.size()) + "、" + s.title;
    c.sections.push_back(std::move(s));
  }
  return c;
}

Status Rerender(Content& c) {
  for (auto& s : c.sections)
    for (auto& sentence : s.sentences) {
      PARKHQ_ASSIGN_OR_RETURN(sentence.text, Render(sentence.tmpl, c.figures, "sentences." + sentence.id));
    }
  return Status::Ok();
}

int AddChangesSince(Content& draft, const Figures& issued, const Figures& now, const std::string& issued_title) {
  Section s;
  s.key = "changes";
  s.title = "上期通报以来数据变动";
  int n = 0;
  for (const auto& [key, old] : issued) {
    if (!old.value || key.rfind("chg.", 0) == 0) continue;
    auto it = now.find(key);
    if (it == now.end() || !it->second.value) continue;
    const int dec = std::max(2, DecimalsForUnit(old.unit));
    if (FormatNumber(*old.value, dec) == FormatNumber(*it->second.value, dec)) continue;
    if (n >= 30) break;
    const std::string p = "chg." + std::to_string(n);
    draft.figures[p + ".label"] = Text("变动指标", old.label, old.source);
    draft.figures[p + ".old"] = Num(old.label + "（上期通报）", old.value, old.unit, "issued briefing");
    draft.figures[p + ".new"] = Num(old.label + "（现值）", it->second.value, old.unit, it->second.source);
    Sentence sentence;
    sentence.id = "changes." + std::to_string(n);
    sentence.tmpl = "{" + p + ".label}由{" + p + ".old}调整为{" + p + ".new}。";
    auto text = Render(sentence.tmpl, draft.figures);
    sentence.text = text.ok() ? *text : "";
    s.sentences.push_back(std::move(sentence));
    ++n;
  }
  if (n == 0) return 0;
  s.note = "以上为《" + issued_title + "》印发后源数据的修订。";
  draft.sections.insert(draft.sections.begin(), std::move(s));
  return n;
}

}  // namespace parkhq::briefing
