// 资源要素差别化配置: the differentiated policy list by class, and the electricity surcharge some
// provinces charge D-class enterprises by consecutive years in D. Pure.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "domain/evaluation/scheme.h"

namespace parkhq::evaluation {

// One measure applied to a class, e.g. {D, "electricity", "差别化电价加价", 0.05, "元/千瓦时"}.
struct PolicyItem {
  EvalClass cls = EvalClass::kD;
  std::string resource;              // "land" | "electricity" | "water" | "energy" | "credit" |
                                     // "subsidy" | "other"
  std::string measure;               // Chinese description
  std::optional<double> rate;        // a number when the measure has one
  std::string unit;                  // of `rate`
};

// A starting list a park edits (informative defaults, not a legal text).
std::vector<PolicyItem> DefaultPolicies();

// The items for `cls`, in list order.
std::vector<PolicyItem> PoliciesFor(const std::vector<PolicyItem>& list, EvalClass cls);

// Surcharge per kWh by consecutive year in D: rates[k-1] in the k-th year, the last rate from
// then on. Default 0.05 / 0.10 / 0.15 元/kWh.
struct SurchargeSchedule {
  std::vector<double> yuan_per_kwh = {0.05, 0.10, 0.15};
};
inline constexpr std::size_t kMaxSurchargeYears = 10;
// The schedule's problems, fields named `prefix` + "yuan_per_kwh" (empty, more than
// kMaxSurchargeYears entries) or + "yuan_per_kwh[i]" (negative, not finite, lower than the one
// before); empty when valid.
std::vector<FieldError> ScheduleErrors(const SurchargeSchedule& s, const std::string& prefix = "");
// OK, or Status::Validation with ScheduleErrors(s) as details.
Status ValidateSchedule(const SurchargeSchedule& s);

using YearClass = std::pair<int, EvalClass>;  // (year, class)
// How many consecutive years up to and including `year` the enterprise was in `cls` (0 when not
// in `cls` in `year`). A year without a record breaks the run.
int ConsecutiveYearsIn(const std::vector<YearClass>& history, int year, EvalClass cls);

// The surcharge rate (元/kWh) for `year`: nullopt when not class D that year.
std::optional<double> SurchargeRate(const std::vector<YearClass>& history, int year,
                                    const SurchargeSchedule& s = {});
// The surcharge amount in 万元 = rate × kWh / 10000.
std::optional<double> SurchargeAmount(const std::vector<YearClass>& history, int year,
                                      double electricity_kwh, const SurchargeSchedule& s = {});

}  // namespace parkhq::evaluation
