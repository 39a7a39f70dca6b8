#include "domain/monitoring/monitoring_calc.h"

#include <cmath>

namespace parkhq::monitoring {
namespace {

constexpr double kEps = 1e-9;  // tolerance of status comparisons, in percentage points

struct Ytd {
  std::optional<double> value;
  bool complete = false;
};

// 1-N月累计 over months 1..m of `s` (see IndicatorFigures::ytd and ytd_complete).
Ytd YtdOf(IndicatorKind kind, const MonthlySeries& s, int m) {
  if (kind == IndicatorKind::kStock) return {s[m - 1], s[m - 1].has_value()};
  Ytd out{std::nullopt, true};
  for (int i = 0; i < m; ++i) {
    if (s[i]) {
      out.value = out.value.value_or(0.0) + *s[i];
    } else {
      out.complete = false;
    }
  }
  return out;
}

bool AllKnown(const MonthlySeries& s) {
  for (const std::optional<double>& v : s)
    if (!v) return false;
  return true;
}

// 预计全年. Seasonal share when last year's 12 months are known and its base is positive:
// flow  ytd × (last year's total / last year's ytd 1..m);
// stock ytd × (last year's December / last year's month m).
// Otherwise flow ytd × 12 / m, stock ytd (a level carries forward).
std::optional<double> Projection(const IndicatorInput& in, int m, std::optional<double> ytd) {
  if (!ytd) return std::nullopt;
  const bool stock = in.kind == IndicatorKind::kStock;
  if (AllKnown(in.last_year)) {
    double year_end = 0;
    double base = 0;
    if (stock) {
      year_end = *in.last_year[11];
      base = *in.last_year[m - 1];
    } else {
      for (int i = 0; i < 12; ++i) {
        year_end += *in.last_year[i];
        if (i < m) base += *in.last_year[i];
      }
    }
    if (base > 0) return *ytd * (year_end / base);
  }
  return stock ? *ytd : *ytd * 12.0 / m;
}

int Rank(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::kNone: return 0;
    case ProgressStatus::kGreen: return 1;
    case ProgressStatus::kYellow: return 2;
    case ProgressStatus::kRed: return 3;
  }
  return 0;
}

ProgressStatus Worse(ProgressStatus a, ProgressStatus b) { return Rank(a) >= Rank(b) ? a : b; }

// The growth condition: 同比 of the complete 1..m of both years against the growth target.
void JudgeGrowth(const IndicatorInput& in, std::optional<double> growth, int m, const StatusThresholds& t,
                 IndicatorFigures& f) {
  f.growth_target_pct = growth;
  if (!growth || !f.yoy_pct || !f.ytd_complete) return;
  if (!YtdOf(in.kind, in.last_year, m).complete) return;
  f.growth_gap = *f.yoy_pct - *growth;
  const double ahead = in.higher_is_better ? *f.growth_gap : -*f.growth_gap;
  f.growth_met = ahead >= -kEps;
  f.growth_status = StatusForGap(f.growth_gap, in.higher_is_better, t);
}

}  // namespace

const char* ProgressStatusName(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::kGreen:
      return "green";
    case ProgressStatus::kYellow:
      return "yellow";
    case ProgressStatus::kRed:
      return "red";
    case ProgressStatus::kNone:
      break;
  }
  return "none";
}

const char* ProgressStatusNameZh(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::kGreen:
      return "正常";
    case ProgressStatus::kYellow:
      return "预警";
    case ProgressStatus::kRed:
      return "滞后";
    case ProgressStatus::kNone:
      break;
  }
  return "无目标";
}

Status ValidateThresholds(const StatusThresholds& t) {
  if (!std::isfinite(t.yellow_band) || t.yellow_band < 0) {
    return Status::FieldInvalid("yellow_band", "黄色预警区间须为不小于0的数字");
  }
  return Status::Ok();
}

double TimeProgressPct(int month) { return month / 12.0 * 100.0; }

std::optional<double> GrowthPct(std::optional<double> current, std::optional<double> base) {
  if (!current || !base || *base == 0) return std::nullopt;
  return (*current - *base) / std::fabs(*base) * 100.0;
}

ProgressStatus StatusForGap(std::optional<double> gap, bool higher_is_better,
                            const StatusThresholds& t) {
  if (!gap) return ProgressStatus::kNone;
  // For lower-is-better the colours mirror around 0: being under schedule is good.
  const double ahead = higher_is_better ? *gap : -*gap;
  if (ahead >= -kEps) return ProgressStatus::kGreen;
  if (ahead >= -t.yellow_band - kEps) return ProgressStatus::kYellow;
  return ProgressStatus::kRed;
}

StatusOr<IndicatorFigures> ComputeIndicator(const IndicatorInput& in, Period period,
                                            const StatusThresholds& thresholds,
                                            std::optional<double> growth_target_pct) {
  const int m = period.month;
  if (m < 1 || m > 12) return Status::FieldInvalid("period", "月份须在1到12之间");
  PARKHQ_RETURN_IF_ERROR(ValidateThresholds(thresholds));
  if (in.target && (!std::isfinite(*in.target) || *in.target < 0)) {
    return Status::FieldInvalid("target", "年度目标须为不小于0的数字");
  }
  if (growth_target_pct && (!std::isfinite(*growth_target_pct) || *growth_target_pct <= -100)) {
    return Status::FieldInvalid("growth_target_pct", "增长目标须为大于-100的数字");
  }

  IndicatorFigures f;
  f.period = period;
  f.month = in.this_year[m - 1];
  f.month_last_year = in.last_year[m - 1];
  const Ytd ytd = YtdOf(in.kind, in.this_year, m);
  f.ytd = ytd.value;
  f.ytd_complete = ytd.complete;
  f.ytd_last_year = YtdOf(in.kind, in.last_year, m).value;
  f.yoy_pct = GrowthPct(f.ytd, f.ytd_last_year);
  f.month_yoy_pct = GrowthPct(f.month, f.month_last_year);
  f.target = in.target;
  if (f.ytd && f.target && *f.target != 0) f.completion_pct = *f.ytd / *f.target * 100.0;
  // A level has no schedule to keep: it is on time when it stands at its target.
  f.time_progress = in.kind == IndicatorKind::kStock ? 100.0 : TimeProgressPct(m);
  if (f.completion_pct) f.gap = *f.completion_pct - f.time_progress;
  f.completion_status = StatusForGap(f.gap, in.higher_is_better, thresholds);
  JudgeGrowth(in, growth_target_pct, m, thresholds, f);
  f.status = Worse(f.completion_status, f.growth_status);
  f.failing.completion = f.completion_status == ProgressStatus::kYellow || f.completion_status == ProgressStatus::kRed;
  f.failing.growth = f.growth_met.has_value() && !*f.growth_met;
  if (in.kind == IndicatorKind::kFlow)
    for (int i = 0; i < m; ++i)
      if (!in.this_year[i]) f.missing_months.push_back(i + 1);
  if (ytd.complete) f.projected_year_end = Projection(in, m, f.ytd);
  if (m < 12 && f.target && f.ytd) f.required_monthly_avg = (*f.target - *f.ytd) / (12 - m);
  return f;
}

}  // namespace parkhq::monitoring
