#include "domain/monitoring/series_calc.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace parkhq::monitoring {
namespace {

double RoundTo6(double x) { return std::round(x * 1e6) / 1e6; }

std::string Num(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

// The error message for month `month`, or empty when the figure converts.
std::string CumulativeProblem(IndicatorKind kind, int month, double cumulative,
                              std::optional<double> previous) {
  const std::string m = std::to_string(month);
  if (month < 1 || month > 12) return "月份须在1到12之间";
  if (!std::isfinite(cumulative)) return "1-" + m + "月累计数须为有效数字";
  if (cumulative < 0) return "1-" + m + "月累计数不能为负数";
  if (kind == IndicatorKind::kStock || month == 1) return {};
  const std::string prev = std::to_string(month - 1);
  if (!previous) return "缺少1-" + prev + "月累计数，无法换算" + m + "月数";
  if (cumulative < *previous) {
    return "1-" + m + "月累计数(" + Num(cumulative) + ")小于1-" + prev + "月累计数(" +
           Num(*previous) + ")";
  }
  return {};
}

double Convert(IndicatorKind kind, int month, double cumulative, std::optional<double> previous) {
  if (kind == IndicatorKind::kStock || month == 1) return cumulative;
  return RoundTo6(cumulative - *previous);
}

}  // namespace

StatusOr<double> MonthFromCumulative(IndicatorKind kind, int month, double cumulative,
                                     std::optional<double> previous_cumulative,
                                     std::string_view field) {
  std::string problem = CumulativeProblem(kind, month, cumulative, previous_cumulative);
  if (!problem.empty()) return Status::FieldInvalid(std::string(field), std::move(problem));
  return Convert(kind, month, cumulative, previous_cumulative);
}

StatusOr<MonthlySeries> CumulativeToMonthly(IndicatorKind kind, const MonthlySeries& cumulative,
                                            std::string_view field) {
  MonthlySeries monthly{};
  std::vector<FieldError> errors;
  for (int m = 1; m <= 12; ++m) {
    const std::optional<double>& cum = cumulative[m - 1];
    if (!cum) continue;
    std::optional<double> previous = m > 1 ? cumulative[m - 2] : std::nullopt;
    std::string problem = CumulativeProblem(kind, m, *cum, previous);
    if (!problem.empty()) {
      errors.push_back({std::string(field), std::move(problem)});
      continue;
    }
    monthly[m - 1] = Convert(kind, m, *cum, previous);
  }
  if (!errors.empty()) return Status::Validation("累计数无法换算为当月数", std::move(errors));
  return monthly;
}

MonthlySeries MonthlyToCumulative(IndicatorKind kind, const MonthlySeries& monthly) {
  if (kind == IndicatorKind::kStock) return monthly;
  MonthlySeries cumulative{};
  double sum = 0;
  for (int i = 0; i < 12; ++i) {
    if (!monthly[i]) break;  // a hole: this and every later cumulative is unknown
    sum += *monthly[i];
    cumulative[i] = RoundTo6(sum);
  }
  return cumulative;
}

MonthlySeries SumSeries(std::span<const MonthlySeries> parks) {
  MonthlySeries total{};
  for (const MonthlySeries& park : parks) {
    for (int i = 0; i < 12; ++i) {
      if (park[i]) total[i] = total[i].value_or(0.0) + *park[i];
    }
  }
  return total;
}

std::optional<double> SumKnown(std::span<const std::optional<double>> values) {
  std::optional<double> total;
  for (const std::optional<double>& v : values) {
    if (v) total = total.value_or(0.0) + *v;
  }
  return total;
}

}  // namespace parkhq::monitoring
