// The monthly statistics of one indicator at period Y-m (issue 3 item 4): 本月, 1-N月累计, 同期,
// 同比, 年度目标, 完成率, 序时进度, 差距, 状态, 预计全年, 剩余月均需完成. Pure functions over plain
// values; thread-safe. Every definition, with its edge cases: docs/indicators.md.
#pragma once
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/monitoring/indicator.h"
#include "domain/monitoring/series_calc.h"

namespace parkhq::monitoring {

// The colour of an indicator's progress against its annual target.
enum class ProgressStatus { kNone, kGreen, kYellow, kRed };

// "none" | "green" | "yellow" | "red" (the API's `status`)
const char* ProgressStatusName(ProgressStatus s);
// 无目标 | 正常 | 预警 | 滞后
const char* ProgressStatusNameZh(ProgressStatus s);

struct StatusThresholds {
  // Width of the yellow band in percentage points of gap (差距), >= 0. Higher is better:
  // green gap >= 0, yellow -band <= gap < 0, red gap < -band. Lower is better: mirrored.
  double yellow_band = 5.0;
};

// Returns OK or a Validation status (field "yellow_band") when the band is negative or not finite.
Status ValidateThresholds(const StatusThresholds& t);

struct IndicatorInput {
  IndicatorKind kind = IndicatorKind::kFlow;
  bool higher_is_better = true;
  MonthlySeries this_year{};     // monthly amounts (flow) or levels (stock) of year Y
  MonthlySeries last_year{};     // the same for year Y-1
  std::optional<double> target;  // 年度目标 of year Y, nullopt when none is set
};

// Which of a target's two conditions hold back the status (issue 11 item 3).
struct FailingConditions {
  bool completion = false;  // 完成率 behind 序时进度 (status of the gap not green)
  bool growth = false;      // 同比 behind the growth target (growth_met == false)
};

// Figures of one indicator at one period. nullopt wherever the definition is undefined (missing
// data, zero denominator); see docs/indicators.md for each.
struct IndicatorFigures {
  Period period;                          // Y-m
  std::optional<double> month;            // 本月: this year's month m
  std::optional<double> month_last_year;  // 上年同月
  std::optional<double> ytd;              // 1-N月累计 (flow: sum of known months 1..m;
                                          //   stock: month m's value)
  bool ytd_complete = false;              // flow: every month 1..m known; stock: month m
  std::optional<double> ytd_last_year;    // 同期: the same rule over last year's 1..m
  std::optional<double> yoy_pct;          // 同比 % of ytd
  std::optional<double> month_yoy_pct;    // 本月同比 %
  std::optional<double> target;           // 年度目标
  std::optional<double> completion_pct;   // 完成率 % = ytd / target × 100
  double time_progress = 0;               // 序时进度 % (flow m/12×100; stock 100)
  std::optional<double> gap;              // 差距 = completion_pct − time_progress (points)
  // The worse of completion_status and growth_status.
  ProgressStatus status = ProgressStatus::kNone;
  ProgressStatus completion_status = ProgressStatus::kNone;  // from `gap`
  std::optional<double> growth_target_pct;  // 增长目标 %
  // 同比 meets the growth target: yoy_pct >= growth_target_pct (lower is better: <=), within 1e-9
  // points. nullopt when either is unknown or when a month of 1..m is missing in either year (a
  // part of the year is not judged against a whole-year growth).
  std::optional<bool> growth_met;
  std::optional<double> growth_gap;  // yoy_pct − growth_target_pct (points), when growth_met is set
  ProgressStatus growth_status = ProgressStatus::kNone;  // StatusForGap(growth_gap)
  FailingConditions failing;
  std::vector<int> missing_months;  // flow: months of 1..m with no figure this year (1-based)
  // 预计全年; nullopt when a month of 1..m is missing (no projection from a part of the year)
  std::optional<double> projected_year_end;
  std::optional<double> required_monthly_avg;  // 剩余月均需完成 (nullopt in December)
};

// 序时进度 of month m: m / 12 × 100 (50.0 for June). Requires 1 <= month <= 12.
double TimeProgressPct(int month);

// Growth in percent of `current` over `base`: (current − base) / |base| × 100, which equals
// (current / base − 1) × 100 for a positive base. nullopt when either is nullopt or base is 0.
std::optional<double> GrowthPct(std::optional<double> current, std::optional<double> base);

// The colour for a gap (差距, in points) under `t`; kNone when gap is nullopt. Comparisons allow
// 1e-9 points of floating-point noise, so a gap of exactly −5 is yellow, not red.
ProgressStatus StatusForGap(std::optional<double> gap, bool higher_is_better,
                            const StatusThresholds& t);

// Computes every figure of one indicator at `period` (its month m is what matters; the series are
// already those of period.year and the year before). Returns a Validation status when
// period.month is outside 1..12 (field "period"), the thresholds are invalid, or the target is
// negative or not finite (field "target").
// `growth_target_pct`: 增长目标 % of year Y over year Y-1 ("增长10%以上" → 10; a cut of 3% → −3),
// nullopt when none; > −100 and finite (field "growth_target_pct").
StatusOr<IndicatorFigures> ComputeIndicator(const IndicatorInput& input, Period period,
                                            const StatusThresholds& thresholds = {},
                                            std::optional<double> growth_target_pct = std::nullopt);

}  // namespace parkhq::monitoring
