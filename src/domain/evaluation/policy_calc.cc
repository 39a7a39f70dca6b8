#include "domain/evaluation/policy_calc.h"

#include <cmath>
#include <map>

namespace parkhq::evaluation {

std::vector<PolicyItem> DefaultPolicies() {
  using enum EvalClass;
  return {
      {kA, "land", "优先安排新增用地指标，支持技改扩建", std::nullopt, ""},
      {kA, "energy", "优先保障用能指标", std::nullopt, ""},
      {kA, "credit", "优先推荐金融机构信贷支持", std::nullopt, ""},
      {kA, "subsidy", "优先享受奖补政策", std::nullopt, ""},
      {kB, "land", "适当支持用地需求", std::nullopt, ""},
      {kB, "energy", "保障用能需求", std::nullopt, ""},
      {kC, "land", "原则上不新增用地，引导提升亩均效益", std::nullopt, ""},
      {kC, "energy", "新增用能从严审核", std::nullopt, ""},
      {kD, "land", "不安排新增用地，列入低效用地整治对象", std::nullopt, ""},
      {kD, "electricity", "差别化电价加价(第1年)", 0.05, "元/千瓦时"},
      {kD, "electricity", "差别化电价加价(第2年)", 0.10, "元/千瓦时"},
      {kD, "electricity", "差别化电价加价(第3年起)", 0.15, "元/千瓦时"},
      {kD, "credit", "不推荐新增信贷，不享受奖补政策", std::nullopt, ""},
  };
}

std::vector<PolicyItem> PoliciesFor(const std::vector<PolicyItem>& list, EvalClass cls) {
  std::vector<PolicyItem> out;
  for (const PolicyItem& p : list)
    if (p.cls == cls) out.push_back(p);
  return out;
}

std::vector<FieldError> ScheduleErrors(const SurchargeSchedule& s, const std::string& prefix) {
  const std::string field = prefix + "yuan_per_kwh";
  if (s.yuan_per_kwh.empty()) return {{field, "至少需要一档加价标准"}};
  if (s.yuan_per_kwh.size() > kMaxSurchargeYears)
    return {{field, "加价标准最多 " + std::to_string(kMaxSurchargeYears) + " 档"}};
  std::vector<FieldError> errs;
  for (std::size_t i = 0; i < s.yuan_per_kwh.size(); ++i) {
    const double v = s.yuan_per_kwh[i];
    const std::string f = field + "[" + std::to_string(i) + "]";
    if (!std::isfinite(v) || v < 0) errs.push_back({f, "加价标准应为不小于0的数"});
    else if (i > 0 && std::isfinite(s.yuan_per_kwh[i - 1]) && v < s.yuan_per_kwh[i - 1])
      errs.push_back({f, "加价标准须逐年不减（不得低于上一年）"});
  }
  return errs;
}

Status ValidateSchedule(const SurchargeSchedule& s) {
  auto errs = ScheduleErrors(s);
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "差别化电价加价标准有误";
  return Status::Validation(std::move(top), std::move(errs));
}

int ConsecutiveYearsIn(const std::vector<YearClass>& history, int year, EvalClass cls) {
  std::map<int, EvalClass> by_year;
  for (const YearClass& yc : history) by_year.emplace(yc.first, yc.second);
  int n = 0;
  for (int y = year;; --y) {
    const auto it = by_year.find(y);
    if (it == by_year.end() || it->second != cls) break;
    ++n;
  }
  return n;
}

std::optional<double> SurchargeRate(const std::vector<YearClass>& history, int year,
                                    const SurchargeSchedule& s) {
  const int years = ConsecutiveYearsIn(history, year, EvalClass::kD);
  if (years == 0 || s.yuan_per_kwh.empty()) return std::nullopt;
  const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(years), s.yuan_per_kwh.size());
  return s.yuan_per_kwh[k - 1];
}

std::optional<double> SurchargeAmount(const std::vector<YearClass>& history, int year,
                                      double electricity_kwh, const SurchargeSchedule& s) {
  const auto rate = SurchargeRate(history, year, s);
  if (!rate) return std::nullopt;
  return *rate * electricity_kwh / 10000.0;
}

}  // namespace parkhq::evaluation
