// Annual targets (年度目标) of a park for one year (issue 3 item 2): per indicator a target value,
// a growth target in percent over the base year, and the base-year total. Plain values only.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/monitoring/indicator.h"

namespace parkhq::monitoring {

struct AnnualTarget {
  std::optional<double> target;      // 年度目标, in the indicator's unit, >= 0
  std::optional<double> growth_pct;  // 增长目标 %, > -100 (e.g. 10 for ">= 10%")
  std::optional<double> base;        // 基数: the base year's total, >= 0
};

// Targets of one park and year, keyed by indicator code (the body of PUT .../targets/{year}).
using YearTargets = std::map<std::string, AnnualTarget, std::less<>>;

// Checks every entry against `catalog`. Returns OK or one Validation status whose details name
// each problem: "<code>" for a code not in the catalog, "<code>.target" / "<code>.base" for a
// negative or non-finite value, "<code>.growth_pct" for a non-finite value or one <= -100.
Status ValidateYearTargets(const YearTargets& targets, const std::vector<Indicator>& catalog);

// The target to measure against: `target` when set; else base × (1 + growth_pct / 100) when both
// are set; else nullopt.
std::optional<double> EffectiveTarget(const AnnualTarget& t);

// The growth target of several parks' targets taken together: the common growth_pct when every
// one states the same; else (Σ effective target / Σ base − 1) × 100 when every one has both and
// Σ base > 0; else nullopt. An empty list gives nullopt.
std::optional<double> CombinedGrowthPct(const std::vector<AnnualTarget>& targets);

// The 2023 targets of the plan (plan.md section 1) for the Huating park, in 万元 / 户: fai 31400
// (+10%), output 157000 (+7%), sales 155000 (+7%), value_added 19000 (+7%), new_above_scale 5,
// new_enterprises 5. Bases are not given by the plan and are left unset.
const YearTargets& SeededTargets2023();

}  // namespace parkhq::monitoring
