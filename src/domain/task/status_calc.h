// Status of an assessment item (考核指标) of the plan's breakdown at a date, and the reporting
// periods it missed. Pure functions over plain values; formulas in docs/tasks.md "状态规则".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace parkhq::task {

enum class Frequency { kMonthly, kQuarterly, kOnce };
const char* FrequencyCode(Frequency f);  // "monthly" | "quarterly" | "once"
std::optional<Frequency> ParseFrequency(const std::string& s);

enum class ItemStatus { kNotStarted, kInProgress, kCompleted, kBehind };
const char* ItemStatusCode(ItemStatus s);    // "not_started" | "in_progress" | "completed" | "behind"
const char* ItemStatusNameZh(ItemStatus s);  // 未启动 | 推进中 | 已完成 | 滞后

struct StatusInput {
  Date start;                      // the item's schedule starts (the plan year's 1 January by default)
  Date deadline;
  bool measurable = false;         // a numeric target (typed or linked): the time-share rule applies
  std::optional<double> progress;  // 0..1+ (completion fraction); nullopt = nothing reported or read
};

struct StatusResult {
  ItemStatus status = ItemStatus::kNotStarted;
  double time_share = 0;     // 序时进度 0..1 at the date
  std::string reason;        // Chinese, shown to users
};

// The rules, first match wins (d = the date):
//  1. progress >= 1                                        → 已完成
//  2. d > deadline                                         → 滞后 (past the deadline)
//  3. no progress                                          → 未启动
//  4. measurable and progress < time share                 → 滞后 (below the time share)
//  5. otherwise                                            → 推进中
// time share = clamp((d − start) / (deadline − start), 0, 1) in days; 1 when deadline <= start.
StatusResult ComputeItemStatus(const StatusInput& in, Date d);

// Period labels: monthly "YYYY-MM", quarterly "YYYY-Qn", once "once".
std::string PeriodLabel(Frequency f, Date d);

// Periods of the item's frequency that ended before d (a period is due once it has ended),
// between start and deadline, and have no report (labels in `reported`). "once" is due after the
// deadline. In date order.
std::vector<std::string> MissedPeriods(Frequency f, Date start, Date deadline, Date d,
                                       const std::vector<std::string>& reported);

// The "YYYY-MM-DD" of the last day of the period containing d for the frequency (once: deadline).
Date PeriodEnd(Frequency f, Date d, Date deadline);

}  // namespace parkhq::task
