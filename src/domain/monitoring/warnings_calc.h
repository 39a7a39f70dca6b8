// Warnings (预警) of economic-operation monitoring (issue 3 item 5): indicators behind their target
// (red/yellow), monthly reports not submitted after the deadline, and sudden swings of a month's
// year-on-year change. Pure functions over plain values; thread-safe. Rules: docs/indicators.md.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/monitoring/indicator.h"
#include "domain/monitoring/monitoring_calc.h"

namespace parkhq::monitoring {

enum class WarningKind { kIndicatorRed, kIndicatorYellow, kNotSubmitted, kSuddenSwing };
// "indicator_red" | "indicator_yellow" | "not_submitted" | "sudden_swing"
const char* WarningKindName(WarningKind k);

enum class Severity { kLow, kMedium, kHigh };
// "low" | "medium" | "high"
const char* SeverityName(Severity s);

struct Warning {
  WarningKind kind = WarningKind::kIndicatorRed;
  std::string indicator_code;  // empty for kNotSubmitted (the whole month's report)
  Period period;               // the month the warning is about
  Severity severity = Severity::kLow;
  // Chinese, e.g. "固定资产投资2023年6月：1-6月累计11400.00万元，完成年度目标36.31%，
  // 落后序时进度13.69个百分点" (formats: docs/indicators.md, 预警).
  std::string message;
  std::string responsible_unit;  // 责任单位, e.g. "工信局"
};

struct WarningSettings {
  int deadline_day = 10;              // a month is due by this day of the following month (1..31,
                                      // clamped to that month's length)
  double swing_threshold_pct = 50.0;  // |month_yoy_pct| above this (strictly) is a sudden swing
  bool include_yellow = true;         // also warn on yellow indicators
};

// Returns OK or a Validation status naming "deadline_day" / "swing_threshold_pct".
Status ValidateWarningSettings(const WarningSettings& s);

// Who answers for a warning: a unit per indicator code, else the default (e.g. the park committee).
struct ResponsibleUnits {
  std::string default_unit;
  std::map<std::string, std::string, std::less<>> by_indicator;
  const std::string& For(std::string_view indicator_code) const;
};

// One computed row of the monitoring table.
struct MonitoringRow {
  Indicator indicator;
  IndicatorFigures figures;
};

// The state of a park's monthly report (填报 → 提交 → 审核).
enum class SubmissionState { kNotStarted, kDraft, kReturned, kSubmitted, kApproved };

struct MonthSubmission {
  Period period;
  SubmissionState state = SubmissionState::kNotStarted;
};

// The last day on which the report of `period` is on time: day `deadline_day` of the following
// month, clamped to that month's length. Requires 1 <= deadline_day <= 31.
Date SubmissionDeadline(Period period, int deadline_day);

// Warnings of the rows: red (severity high) and, when enabled, yellow (medium) per status; and a
// sudden swing (low) when |month_yoy_pct| > swing_threshold_pct. Row order is kept; per row the
// status warning comes before the swing.
std::vector<Warning> IndicatorWarnings(const std::vector<MonitoringRow>& rows,
                                       const ResponsibleUnits& units,
                                       const WarningSettings& settings);

// A not-submitted warning (severity medium; high once a second deadline has passed) for each month
// whose state is neither submitted nor approved and whose deadline is before `today` (on the
// deadline day itself the report is still on time). The caller lists the months to check.
std::vector<Warning> NotSubmittedWarnings(const std::vector<MonthSubmission>& months, Date today,
                                          const std::string& responsible_unit,
                                          const WarningSettings& settings);

// Everything above, sorted by severity (high first), ties kept in input order: indicator warnings
// before not-submitted ones. Returns a Validation status when the settings are invalid.
StatusOr<std::vector<Warning>> BuildWarnings(const std::vector<MonitoringRow>& rows,
                                             const std::vector<MonthSubmission>& months, Date today,
                                             const ResponsibleUnits& units,
                                             const WarningSettings& settings = {});

}  // namespace parkhq::monitoring
