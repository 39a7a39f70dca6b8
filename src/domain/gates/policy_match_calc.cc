#include "domain/gates/policy_match_calc.h"

#include <algorithm>
#include <cstdio>

namespace parkhq::gates {
namespace {

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

struct FieldName {
  const char* zh;
  const char* unit;
};

FieldName NameOf(const std::string& code) {
  static const std::map<std::string, FieldName> kNames = {
      {"output", {"工业总产值", "万元"}}, {"revenue", {"营业收入", "万元"}}, {"value_added", {"工业增加值", "万元"}},
      {"tax", {"税收", "万元"}},          {"profit", {"利润", "万元"}},       {"energy", {"综合能耗", "吨标准煤"}},
      {"electricity", {"用电量", "万千瓦时"}}, {"employees", {"从业人员", "人"}}, {"rnd", {"R&D经费", "万元"}},
      {"emissions", {"主要污染物排放", "吨"}}};
  auto it = kNames.find(code);
  return it == kNames.end() ? FieldName{nullptr, ""} : it->second;
}

std::string Label(const std::string& code) {
  const auto n = NameOf(code);
  return n.zh ? n.zh : code;
}

std::string FlagName(const std::string& code) {
  static const std::map<std::string, std::string> kNames = {
      {"high_tech", "高新技术企业"},   {"tech_sme", "科技型中小企业"}, {"specialized_sme", "专精特新中小企业"},
      {"little_giant", "专精特新“小巨人”"}, {"green_factory", "绿色工厂"},  {"water_saving", "节水型企业"}};
  auto it = kNames.find(code);
  return it == kNames.end() ? code : it->second;
}

// Held at some time in the figures year `year`, up to `today` (since ≤ min(31 Dec, today) and
// until ≥ 1 Jan): a policy for a year's taxes or figures applies to the firms recognized that year.
bool FlagValid(const FlagFact& f, Date today, int year) {
  const Date first{year, 1, 1};
  const Date last = std::min(Date{year, 12, 31}, today);
  return (!f.since || *f.since <= last) && (!f.until || first <= *f.until);
}

}  // namespace

int FiguresYear(const Policy& p, Date today) { return p.figures_year.value_or(today.year - 1); }

std::optional<std::string> CriterionReason(const Criterion& c, const EnterpriseFacts& e, Date date, int year) {
  const std::string y = std::to_string(year) + "年";
  const std::string cmp = std::string(" ") + CompareOpSymbol(c.op) + " ";
  switch (c.kind) {
    case CriterionKind::kFlag:
      for (const auto& f : e.flags) {
        if (f.code != c.code || !FlagValid(f, date, year)) continue;
        return FlagName(c.code) + (f.until ? "（有效期至" + f.until->ToString() + "）" : "");
      }
      return std::nullopt;
    case CriterionKind::kAboveScale:
      if (e.above_scale != c.expect) return std::nullopt;
      return e.above_scale ? "规模以上企业" : "规模以下企业";
    case CriterionKind::kFigure: {
      auto it = e.figures.find(c.code);
      if (it == e.figures.end() || !Compare(it->second, c.op, c.value)) return std::nullopt;
      const std::string unit = NameOf(c.code).unit;
      return y + Label(c.code) + " " + Num(it->second) + unit + cmp + Num(c.value) + unit;
    }
    case CriterionKind::kRatio: {
      auto n = e.figures.find(c.code), d = e.figures.find(c.code2);
      if (n == e.figures.end() || d == e.figures.end() || d->second <= 0) return std::nullopt;
      const double pct = 100.0 * n->second / d->second;
      if (!Compare(pct, c.op, c.value)) return std::nullopt;
      return y + Label(c.code) + "占" + Label(c.code2) + "比重 " + Num(pct) + "%" + cmp + Num(c.value) + "%";
    }
    case CriterionKind::kIndustry:
      for (const auto& p : c.prefixes)
        if (!p.empty() && e.industry_code.rfind(p, 0) == 0) return "行业代码 " + e.industry_code + " 属 " + p;
      return std::nullopt;
    case CriterionKind::kEmployees:
      if (!e.employees || !Compare(static_cast<double>(*e.employees), c.op, c.value)) return std::nullopt;
      return "从业人员 " + std::to_string(*e.employees) + "人" + cmp + Num(c.value) + "人";
  }
  return std::nullopt;
}

std::vector<PolicyMatch> MatchPolicy(const Policy& p, const std::vector<EnterpriseFacts>& enterprises, Date today) {
  const int year = FiguresYear(p, today);
  std::vector<PolicyMatch> out;
  for (const auto& e : enterprises) {
    if (!e.operating) continue;
    PolicyMatch m{e.id, e.name, {}};
    bool all = true;
    for (const auto& c : p.criteria) {
      auto reason = CriterionReason(c, e, today, year);
      if (!reason) {
        all = false;
        break;
      }
      m.reasons.push_back(std::move(*reason));
    }
    if (!all) continue;
    if (p.criteria.empty()) m.reasons.push_back("普惠政策（无限定条件）");
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace parkhq::gates
