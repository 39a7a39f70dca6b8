// 报送率 / 及时率: reporting completeness and timeliness of enterprise monthly reports for one
// period over a set of enterprises (a park or a sub-park), and the 催报 (reminder) list.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "common/time.h"
#include "domain/enterprise/pools_calc.h"
#include "domain/enterprise/report_state.h"

namespace parkhq::enterprise {

// Is the enterprise expected (应报) to report for `period`? It must have moved in on or before the
// period's last day (unknown moved-in date: yes) and not have closed before the period's first
// day. A closed firm without a closing date is not expected. Stopped firms are expected (they
// report zeros, which the zombie rule reads).
bool IsExpectedToReport(EnterpriseStatus status, std::optional<Date> moved_in_on,
                        std::optional<Date> closed_on, Period period);

struct ReportingRecord {
  int64_t enterprise_id = 0;
  ReportState state = ReportState::kDraft;
  std::optional<Date> first_submitted_on;  // date of the first submission of this period's report
};

struct ReportingStatus {
  int expected = 0;   // 应报
  int submitted = 0;  // 已报: state submitted or approved
  int on_time = 0;    // 按时报: submitted, first submission on or before the deadline
  int approved = 0;   // 已审核
  std::optional<double> completeness_pct;  // 报送率 = submitted / expected * 100, 2 decimals
  std::optional<double> timeliness_pct;    // 及时率 = on_time / expected * 100, 2 decimals
  std::vector<int64_t> missing;            // expected but not submitted (催报 list), ascending
};

// Only records of expected enterprises count; an enterprise with several records counts once (its
// last record). Draft and returned reports are not submitted. The rates are nullopt when nothing
// is expected.
ReportingStatus ComputeReportingStatus(const std::vector<int64_t>& expected_ids,
                                       const std::vector<ReportingRecord>& records, Date deadline);

}  // namespace parkhq::enterprise
