// Pure computations of safety and environment (docs/safety.md): a facility's load and discharge
// against its limits, a permit's expiry, a hazard's overdue state and the hazard statistics
// (隐患统计与闭环率). No storage; unit-tested in safety_calc_test.cc.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/safety/safety.h"

namespace parkhq::safety {

// ok: below warn_pct of the limit; near (接近限值): share ≥ warn_pct and ≤ 100%; over (超限):
// share > 100%; none: no limit (absent or ≤ 0).
enum class LimitState { kNone, kOk, kNear, kOver };
const char* LimitStateName(LimitState s);  // none | ok | near | over

// Share of the limit in percent (value / limit × 100); nullopt without a positive limit.
std::optional<double> SharePct(double value, std::optional<double> limit);
LimitState LimitLevel(double value, std::optional<double> limit, double warn_pct);

// none: no expiry date; expired (已过期): expiry < today; expiring (即将到期): 0 ≤ days left ≤
// warn_days; ok otherwise.
enum class PermitState { kNone, kOk, kExpiring, kExpired };
const char* PermitStateName(PermitState s);  // none | ok | expiring | expired
PermitState PermitLevel(std::optional<Date> expiry, Date today, int warn_days);

// Overdue (逾期): waiting for rectification (open or reopened) and today is after the deadline. A
// hazard rectified and waiting for re-check is not overdue; a closed one never is.
bool IsOverdue(HazardState state, Date deadline, Date today);

struct HazardCount {
  int found = 0;
  int closed = 0;
  int overdue = 0;
  double closure_pct = 0;  // closed / found × 100, two decimals; 0 when nothing was found
};

struct HazardStats {
  HazardCount total;
  std::map<std::string, HazardCount> by_level;       // general, major (both always present)
  std::map<std::string, HazardCount> by_enterprise;  // enterprise name ("" = none: facility/unit)
  std::map<std::string, HazardCount> by_category;    // category ("" = 未分类)
  std::vector<HazardCount> by_month;                 // 12 entries, month of found_on
};

// The statistics of `year` over hazards found in that year (found_on's year), at `today`.
HazardStats ComputeStats(const std::vector<Hazard>& hazards, int year, Date today);

}  // namespace parkhq::safety
