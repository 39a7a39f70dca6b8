#include "domain/monitoring/target.h"

#include <cmath>

namespace parkhq::monitoring {

Status ValidateYearTargets(const YearTargets& targets, const std::vector<Indicator>& catalog) {
  std::vector<FieldError> errors;
  auto non_negative = [&](const std::string& field, std::optional<double> v, const char* label) {
    if (v && (!std::isfinite(*v) || *v < 0))
      errors.push_back({field, std::string(label) + "须为不小于0的数字"});
  };
  for (const auto& [code, t] : targets) {
    if (FindIndicator(catalog, code) == nullptr) {
      errors.push_back({code, "未知指标：" + code});
      continue;
    }
    non_negative(code + ".target", t.target, "年度目标");
    non_negative(code + ".base", t.base, "基数");
    if (t.growth_pct && (!std::isfinite(*t.growth_pct) || *t.growth_pct <= -100)) {
      errors.push_back({code + ".growth_pct", "增长目标须为大于-100的数字"});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::Validation("年度目标无效", std::move(errors));
}

std::optional<double> EffectiveTarget(const AnnualTarget& t) {
  if (t.target) return t.target;
  if (t.base && t.growth_pct) return *t.base * (1.0 + *t.growth_pct / 100.0);
  return std::nullopt;
}

std::optional<double> CombinedGrowthPct(const std::vector<AnnualTarget>& targets) {
  if (targets.empty()) return std::nullopt;
  bool same = true;
  for (const AnnualTarget& t : targets)
    if (!t.growth_pct || *t.growth_pct != *targets.front().growth_pct) same = false;
  if (same) return targets.front().growth_pct;
  double target = 0, base = 0;
  for (const AnnualTarget& t : targets) {
    const std::optional<double> eff = EffectiveTarget(t);
    if (!eff || !t.base) return std::nullopt;
    target += *eff;
    base += *t.base;
  }
  if (base <= 0) return std::nullopt;
  return (target / base - 1.0) * 100.0;
}

const YearTargets& SeededTargets2023() {
  static const YearTargets kTargets = {
      {"fai", {31400, 10, std::nullopt}},
      {"output", {157000, 7, std::nullopt}},
      {"sales", {155000, 7, std::nullopt}},
      {"value_added", {19000, 7, std::nullopt}},
      {"new_above_scale", {5, std::nullopt, std::nullopt}},
      {"new_enterprises", {5, std::nullopt, std::nullopt}},
  };
  return kTargets;
}

}  // namespace parkhq::monitoring
