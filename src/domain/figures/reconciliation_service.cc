#include "domain/figures/reconciliation_service.h"

#include <algorithm>
#include <cstdlib>

namespace parkhq::figures {
namespace {

// A monitoring indicator checked against the firms' approved reports (report field).
struct ReportPair {
  const char* code;
  const char* field;
  const char* name;
  const char* unit;
};
const ReportPair kReportPairs[] = {
    {"output", "output", "工业总产值", "万元"},   {"sales", "revenue", "销售收入", "万元"},
    {"value_added", "value_added", "工业增加值", "万元"}, {"tax", "tax", "税收", "万元"},
    {"energy", "energy", "综合能耗", "吨标准煤"},     {"employees", "employees", "从业人员", "人"},
};

// An evaluation input checked against the year's reports of the same firms.
struct EvalPair {
  const char* field;  // the evaluation field
  const char* report_field;
  const char* name;
  const char* unit;
};
const EvalPair kEvalPairs[] = {
    {"output", "output", "评价数据·工业总产值", "万元"}, {"revenue", "revenue", "评价数据·销售收入", "万元"},
    {"value_added", "value_added", "评价数据·工业增加值", "万元"}, {"tax", "tax", "评价数据·税收", "万元"},
    {"energy", "energy", "评价数据·综合能耗", "吨标准煤"},
};

const char kRuleDirect[] = "园区直报数（统计口径）为准，规上企业月报之和用于核对";
const char kRuleFai[] = "园区固定资产投资（统计口径）为准，项目完成投资是其中一部分，不得超过";
const char kRuleRegistry[] = "企业名录的记录为准，监测数须与之一致";
const char kRuleEvalReports[] = "企业月报全年之和为准，评价数据应取自同一批报表";
const char kRuleEvalLand[] = "地块台账为准，评价用地面积应与之一致";

SourceFigure Get(const std::map<std::string, SourceFigure>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? SourceFigure{} : it->second;
}

std::string Setting(const std::map<std::string, std::string>& s, const std::string& key) {
  auto it = s.find(key);
  return it == s.end() ? "" : it->second;
}

}  // namespace

StatusOr<int64_t> ReconciliationService::TopPark(const Scope& s, int64_t park_id, std::vector<int64_t>* tree) const {
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户无权查看对账");
  PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(park_id));
  if (!park || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  const int64_t top = park->parent_id.value_or(park->id);
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  *tree = WithSubParks(parks, {top});
  return top;
}

StatusOr<std::vector<PairInput>> ReconciliationService::Pairs(int64_t park, const std::vector<int64_t>& tree,
                                                              Period period,
                                                              const std::map<std::string, std::string>& settings) const {
  std::vector<PairInput> out;
  PARKHQ_ASSIGN_OR_RETURN(auto direct, repo_.DirectFigures(park, tree, period, period));
  PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ReportSums(park, period, period, true, {}));
  for (const auto& p : kReportPairs) {
    // A park that takes the indicator from the reports has nothing to reconcile.
    if (Setting(settings, std::string("monitoring.source.") + p.code) == "enterprise_reports") continue;
    out.push_back({p.code, p.name, p.unit, "direct", "enterprise_reports", Get(direct, p.code),
                   Get(reports, p.field), Relation::kEqual, kRuleDirect});
  }
  if (Setting(settings, "monitoring.source.fai") != "projects") {
    PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.ProjectInvestment(park, period));
    out.push_back({"fai", "固定资产投资", "万元", "direct", "projects", Get(direct, "fai"), projects,
                   Relation::kPartOf, kRuleFai});
  }
  // Counts of the year to date.
  const Period jan{period.year, 1};
  PARKHQ_ASSIGN_OR_RETURN(auto ytd, repo_.DirectFigures(park, tree, jan, period));
  PARKHQ_ASSIGN_OR_RETURN(auto above, repo_.NewAboveScale(park, jan, period));
  out.push_back({"new_above_scale", "新培育规上企业（1-N月）", "户", "registry", "direct", above,
                 Get(ytd, "new_above_scale"), Relation::kEqual, kRuleRegistry});
  PARKHQ_ASSIGN_OR_RETURN(auto moved, repo_.NewMovedIn(park, jan, period));
  out.push_back({"new_enterprises", "新入园企业（1-N月）", "户", "registry", "direct", moved,
                 Get(ytd, "new_enterprises"), Relation::kEqual, kRuleRegistry});
  // The year's evaluation inputs, once the year is complete.
  if (period.month == 12) {
    PARKHQ_ASSIGN_OR_RETURN(auto eval, repo_.EvaluationInputs(park, period.year));
    std::vector<int64_t> firms;
    for (const auto& [field, fig] : eval)
      for (const auto& r : fig.records)
        if (std::find(firms.begin(), firms.end(), r.id) == firms.end()) firms.push_back(r.id);
    if (!firms.empty()) {
      PARKHQ_ASSIGN_OR_RETURN(auto year, repo_.ReportSums(park, jan, period, false, firms));
      for (const auto& p : kEvalPairs)
        out.push_back({std::string("eval.") + p.field, p.name, p.unit, "enterprise_reports", "evaluation",
                       Get(year, p.report_field), Get(eval, p.field), Relation::kEqual, kRuleEvalReports});
      PARKHQ_ASSIGN_OR_RETURN(auto land, repo_.ParcelAreas(tree, firms));
      out.push_back({"eval.land_mu", "评价数据·用地面积", "亩", "parcels", "evaluation", land, Get(eval, "land_mu"),
                     Relation::kEqual, kRuleEvalLand});
    }
  }
  return out;
}

StatusOr<Reconciliation> ReconciliationService::ForPark(const Scope& s, int64_t park_id, Period period) const {
  std::vector<int64_t> tree;
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, TopPark(s, park_id, &tree));
  if (period.month < 1 || period.month > 12 || period > Today().period())
    return Status::FieldInvalid("period", "期间应为不晚于本月的 YYYY-MM");
  PARKHQ_ASSIGN_OR_RETURN(auto settings, repo_.Settings(park));
  Reconciliation out;
  out.park_id = park;
  out.period = period;
  if (auto t = Setting(settings, "figures.tolerance_pct"); !t.empty()) {
    const double v = std::strtod(t.c_str(), nullptr);
    if (v >= 0 && v <= 100) out.tolerance.pct = v;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto pairs, Pairs(park, tree, period, settings));
  PARKHQ_ASSIGN_OR_RETURN(auto notes, repo_.Explanations(park, period));
  for (auto& p : pairs) {
    const bool count = p.unit == "户";
    if (count) {  // no entry and no record both mean none
      p.first.value = p.first.value.value_or(0);
      p.second.value = p.second.value.value_or(0);
    }
    const Tolerance t = count ? Tolerance{0, 0} : out.tolerance;
    ReconciliationItem item{Reconcile(std::move(p), t), std::nullopt};
    if (auto n = notes.find(item.pair.input.indicator); n != notes.end()) item.explanation = n->second;
    out.items.push_back(std::move(item));
  }
  return out;
}

StatusOr<ReconciliationItem> ReconciliationService::Explain(const Scope& s, int64_t park_id, Period period,
                                                            const std::string& indicator,
                                                            const std::string& text) const {
  PARKHQ_ASSIGN_OR_RETURN(auto r, ForPark(s, park_id, period));
  const bool staff = s.CanAdminPark(r.park_id) || (s.role == Role::kDepartment && !s.read_only);
  if (!staff) return Status::PermissionDenied("只有园区管理人员和部门用户可以填写差异说明");
  if (text.empty() || text.size() > 1000) return Status::FieldInvalid("text", "说明不能为空，最多 1000 字节");
  auto it = std::find_if(r.items.begin(), r.items.end(),
                         [&](const ReconciliationItem& i) { return i.pair.input.indicator == indicator; });
  if (it == r.items.end()) return Status::FieldInvalid("indicator", "本期没有该对账项：" + indicator);
  PARKHQ_RETURN_IF_ERROR(repo_.PutExplanation(r.park_id, period, indicator, text, s));
  PARKHQ_ASSIGN_OR_RETURN(auto notes, repo_.Explanations(r.park_id, period));
  if (auto n = notes.find(indicator); n != notes.end()) it->explanation = n->second;
  return *it;
}

}  // namespace parkhq::figures
