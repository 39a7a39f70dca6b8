#include "domain/project/project.h"

#include <set>

namespace parkhq::project {
namespace {

constexpr double kMoneyTolerance = 0.005;  // half a 分 of 万元 rounding in reports

bool Negative(double v) { return v < 0; }

// Checks that the dates present in `dates` do not go backwards along the pipeline. `prefix` is
// "planned" or "actual"; `label` is 计划 or 实际.
void CheckStageOrder(const StageDates& dates, const std::string& prefix, const char* label,
                     std::vector<FieldError>& errors) {
  std::optional<Stage> last;
  for (Stage s : kAllStages) {
    const auto& d = dates[s];
    if (!d) continue;
    if (last && *d < *dates[*last]) {
      errors.push_back({prefix + "." + StageCode(s), std::string(label) + StageNameZh(s) +
                                                         "日期（" + d->ToString() + "）不能早于" +
                                                         label + StageNameZh(*last) + "日期（" +
                                                         dates[*last]->ToString() + "）"});
    }
    last = s;
  }
}

void CheckNotFuture(const std::optional<Date>& d, Date today, const std::string& field,
                    const std::string& what, std::vector<FieldError>& errors) {
  if (d && *d > today) errors.push_back({field, what + "不能晚于今天（" + today.ToString() + "）"});
}

void CheckActualDates(const Project& p, Date today, std::vector<FieldError>& errors) {
  CheckStageOrder(p.actual, "actual", "实际", errors);
  for (Stage s : kAllStages) {
    const std::string field = std::string("actual.") + StageCode(s);
    if (StageIndex(s) > StageIndex(p.stage) && p.actual[s]) {
      errors.push_back(
          {field, std::string("项目尚未到达「") + StageNameZh(s) + "」阶段，不能填写实际日期"});
    }
    CheckNotFuture(p.actual[s], today, field, std::string("实际") + StageNameZh(s) + "日期",
                   errors);
  }
  if (!p.actual[p.stage]) {
    errors.push_back({std::string("actual.") + StageCode(p.stage),
                      std::string("缺少当前阶段「") + StageNameZh(p.stage) + "」的实际日期"});
  }
  CheckNotFuture(p.suspended_on, today, "suspended_on", "停缓建日期", errors);
  CheckNotFuture(p.terminated_on, today, "terminated_on", "终止日期", errors);
}

void CheckAnnualPlans(const Project& p, std::vector<FieldError>& errors) {
  std::set<int> years;
  for (size_t i = 0; i < p.annual_plans.size(); ++i) {
    const AnnualPlan& plan = p.annual_plans[i];
    const std::string prefix = "annual_plans[" + std::to_string(i) + "].";
    if (plan.year < 1900 || plan.year > 2999) {
      errors.push_back({prefix + "year", "年度须在1900至2999之间"});
    } else if (!years.insert(plan.year).second) {
      errors.push_back({prefix + "year", std::to_string(plan.year) + "年度计划重复"});
    }
    if (Negative(plan.planned_investment)) {
      errors.push_back({prefix + "planned_investment", "年度计划投资不能为负数"});
    } else if (plan.planned_investment > p.total_investment + kMoneyTolerance) {
      errors.push_back({prefix + "planned_investment", "年度计划投资不能大于总投资"});
    }
  }
}

}  // namespace

const char* StageCode(Stage s) {
  switch (s) {
    case Stage::kReserve:
      return "reserve";
    case Stage::kSigned:
      return "signed";
    case Stage::kLanded:
      return "landed";
    case Stage::kStarted:
      return "started";
    case Stage::kCompleted:
      return "completed";
    case Stage::kProduction:
      return "production";
  }
  return "unknown";
}

const char* StageNameZh(Stage s) {
  switch (s) {
    case Stage::kReserve:
      return "储备";
    case Stage::kSigned:
      return "签约";
    case Stage::kLanded:
      return "落地";
    case Stage::kStarted:
      return "开工";
    case Stage::kCompleted:
      return "竣工";
    case Stage::kProduction:
      return "投产";
  }
  return "未知";
}

std::optional<Stage> ParseStage(std::string_view code) {
  for (Stage s : kAllStages)
    if (code == StageCode(s)) return s;
  return std::nullopt;
}

const char* KindCode(Kind k) { return k == Kind::kNew ? "new" : "continuing"; }
const char* KindNameZh(Kind k) { return k == Kind::kNew ? "新建" : "续建"; }
std::optional<Kind> ParseKind(std::string_view code) {
  if (code == "new") return Kind::kNew;
  if (code == "continuing") return Kind::kContinuing;
  return std::nullopt;
}

std::optional<Date> ReachedOn(const Project& p, Stage s) {
  std::optional<Date> earliest;
  for (int i = StageIndex(s); i < kStageCount; ++i) {
    const auto& d = p.actual.by_stage[i];
    if (d && (!earliest || *d < *earliest)) earliest = d;
  }
  return earliest;
}

bool ReachedBy(const Project& p, Stage s, Date d) {
  auto on = ReachedOn(p, s);
  return on && *on <= d;
}

std::optional<Stage> StageAt(const Project& p, Date d) {
  std::optional<Stage> at;
  for (Stage s : kAllStages)
    if (p.actual[s] && *p.actual[s] <= d) at = s;
  return at;
}

bool IsTerminatedAt(const Project& p, Date d) { return p.terminated_on && *p.terminated_on <= d; }
bool IsSuspendedAt(const Project& p, Date d) { return p.suspended_on && *p.suspended_on <= d; }

std::optional<double> PlannedInvestment(const Project& p, int year) {
  for (const AnnualPlan& plan : p.annual_plans)
    if (plan.year == year) return plan.planned_investment;
  return std::nullopt;
}

double CompletedYtd(const Project& p, Date d) {
  double sum = 0;
  for (const MonthlyInvestment& m : p.monthly)
    if (m.period.year == d.year && m.period.month <= d.month) sum += m.completed;
  return sum;
}

double FundsInPlaceYtd(const Project& p, Date d) {
  double sum = 0;
  for (const MonthlyInvestment& m : p.monthly)
    if (m.period.year == d.year && m.period.month <= d.month) sum += m.funds_in_place;
  return sum;
}

double FundsInPlaceToDate(const Project& p, Date d) {
  double sum = 0;
  for (const MonthlyInvestment& m : p.monthly)
    if (m.period <= d.period()) sum += m.funds_in_place;
  return sum;
}

std::vector<FieldError> CheckMonthlyInvestment(const MonthlyInvestment& m, Date today,
                                               const std::string& field_prefix) {
  std::vector<FieldError> errors;
  if (m.period.month < 1 || m.period.month > 12 || m.period.year < 1900 || m.period.year > 2999) {
    errors.push_back({field_prefix + "period", "月份格式应为YYYY-MM"});
  } else if (m.period > today.period()) {
    errors.push_back({field_prefix + "period", "不能填报未来月份（" + m.period.ToString() + "）"});
  }
  if (Negative(m.completed)) errors.push_back({field_prefix + "completed", "完成投资不能为负数"});
  if (Negative(m.funds_in_place))
    errors.push_back({field_prefix + "funds_in_place", "到位资金不能为负数"});
  const FundsBySource& f = m.funds_by_source;
  if (Negative(f.out_of_province))
    errors.push_back({field_prefix + "funds_by_source.out_of_province", "省外到位资金不能为负数"});
  if (Negative(f.in_province))
    errors.push_back({field_prefix + "funds_by_source.in_province", "省内到位资金不能为负数"});
  if (Negative(f.foreign))
    errors.push_back({field_prefix + "funds_by_source.foreign", "外资到位资金不能为负数"});
  if (f.Sum() > m.funds_in_place + kMoneyTolerance) {
    errors.push_back({field_prefix + "funds_by_source", "分来源到位资金之和不能大于当月到位资金"});
  }
  return errors;
}

Status ValidateMonthlyInvestment(const MonthlyInvestment& m, Date today) {
  auto errors = CheckMonthlyInvestment(m, today);
  if (errors.empty()) return Status::Ok();
  return Status::Validation("投资填报有误", std::move(errors));
}

Status ValidateProject(const Project& p, Date today) {
  std::vector<FieldError> errors;
  if (p.name.empty()) errors.push_back({"name", "项目名称不能为空"});
  if (Negative(p.total_investment)) errors.push_back({"total_investment", "总投资不能为负数"});
  if (Negative(p.contracted_investment)) {
    errors.push_back({"contracted_investment", "签约投资不能为负数"});
  } else if (p.contracted_investment > p.total_investment + kMoneyTolerance) {
    errors.push_back({"contracted_investment", "签约投资不能大于总投资"});
  }
  CheckStageOrder(p.planned, "planned", "计划", errors);
  CheckActualDates(p, today, errors);
  CheckAnnualPlans(p, errors);
  std::set<int> periods;
  for (size_t i = 0; i < p.monthly.size(); ++i) {
    const std::string prefix = "monthly[" + std::to_string(i) + "].";
    auto month_errors = CheckMonthlyInvestment(p.monthly[i], today, prefix);
    errors.insert(errors.end(), month_errors.begin(), month_errors.end());
    if (!periods.insert(p.monthly[i].period.Index()).second)
      errors.push_back({prefix + "period", p.monthly[i].period.ToString() + "月份重复"});
  }
  if (errors.empty()) return Status::Ok();
  return Status::Validation("项目信息有误", std::move(errors));
}

}  // namespace parkhq::project
