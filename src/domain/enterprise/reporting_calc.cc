#include "domain/enterprise/reporting_calc.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace parkhq::enterprise {
namespace {

std::optional<double> Pct(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return std::round(static_cast<double>(part) / whole * 100 * 100) / 100;
}

}  // namespace

bool IsExpectedToReport(EnterpriseStatus status, std::optional<Date> moved_in_on,
                        std::optional<Date> closed_on, Period period) {
  if (moved_in_on && *moved_in_on > Date::LastOfMonth(period)) return false;
  if (closed_on) return *closed_on >= Date{period.year, period.month, 1};
  return status != EnterpriseStatus::kClosed;
}

ReportingStatus ComputeReportingStatus(const std::vector<int64_t>& expected_ids,
                                       const std::vector<ReportingRecord>& records, Date deadline) {
  std::set<int64_t> expected(expected_ids.begin(), expected_ids.end());
  std::map<int64_t, const ReportingRecord*> latest;
  for (const ReportingRecord& r : records)
    if (expected.count(r.enterprise_id)) latest[r.enterprise_id] = &r;
  ReportingStatus s;
  s.expected = static_cast<int>(expected.size());
  for (int64_t id : expected) {
    auto it = latest.find(id);
    const ReportingRecord* r = it == latest.end() ? nullptr : it->second;
    bool submitted = r != nullptr && (r->state == ReportState::kSubmitted || r->state == ReportState::kApproved);
    if (!submitted) {
      s.missing.push_back(id);
      continue;
    }
    ++s.submitted;
    if (r->state == ReportState::kApproved) ++s.approved;
    if (r->first_submitted_on && *r->first_submitted_on <= deadline) ++s.on_time;
  }
  s.completeness_pct = Pct(s.submitted, s.expected);
  s.timeliness_pct = Pct(s.on_time, s.expected);
  return s;
}

}  // namespace parkhq::enterprise
