// Where the monthly figures of an indicator come from when a park does not enter them directly:
// the enterprise module (sums of approved enterprise monthly reports) or the project module (sums
// of approved project monthly investment). Each provides one implementation; the composition root
// registers it in the MonitoringService under its source name ("enterprise_reports", "projects").
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/monitoring/series_calc.h"

namespace parkhq::monitoring {

// The source names of the per-park, per-indicator setting "source" (settings key
// "monitoring.source.<code>"): the park's own entries, or a module's approved records.
inline constexpr const char* kSourceDirect = "direct";
inline constexpr const char* kSourceEnterpriseReports = "enterprise_reports";
inline constexpr const char* kSourceProjects = "projects";

class MonthlyFiguresSource {
 public:
  virtual ~MonthlyFiguresSource() = default;
  // The monthly series of `indicator_code` in `year` for each of `park_ids` (a park missing from
  // the map, or a month left nullopt, has no approved figure). Must be thread-safe: it is called
  // concurrently by request threads. Fails only on a storage error.
  virtual StatusOr<std::map<int64_t, MonthlySeries>> Series(const std::string& indicator_code,
                                                            const std::vector<int64_t>& park_ids,
                                                            int year) = 0;
};

}  // namespace parkhq::monitoring
