#include "domain/monitoring/warnings_calc.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parkhq::monitoring {
namespace {

constexpr double kEps = 1e-9;

std::string Fixed(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

// "2023年6月"
std::string PeriodZh(Period p) {
  return std::to_string(p.year) + "年" + std::to_string(p.month) + "月";
}

std::string StatusMessage(const Indicator& ind, const IndicatorFigures& f) {
  const std::string head = ind.name_zh + PeriodZh(f.period) + "：";
  const std::string value = Fixed(*f.ytd, ind.decimals) + ind.unit;
  const std::string rate = Fixed(*f.completion_pct, 2) + "%";
  const std::string points = Fixed(std::fabs(*f.gap), 2) + "个百分点";
  if (ind.kind == IndicatorKind::kStock) {
    return head + std::to_string(f.period.month) + "月末" + value + "，为年度目标的" + rate +
           (ind.higher_is_better ? "，低于目标" : "，高于目标") + points;
  }
  const std::string ytd = "1-" + std::to_string(f.period.month) + "月累计" + value;
  if (ind.higher_is_better) {
    return head + ytd + "，完成年度目标" + rate + "，落后序时进度" + points;
  }
  return head + ytd + "，已达年度控制目标" + rate + "，超出序时进度" + points;
}

std::string SwingMessage(const Indicator& ind, const IndicatorFigures& f) {
  const double pct = *f.month_yoy_pct;
  return ind.name_zh + PeriodZh(f.period) + "：本月" + Fixed(*f.month, ind.decimals) + ind.unit +
         "，上年同月" + Fixed(*f.month_last_year, ind.decimals) + ind.unit + "，同比" +
         (pct >= 0 ? "增长" : "下降") + Fixed(std::fabs(pct), 2) + "%，波动异常，请核实数据";
}

const char* StateNoteZh(SubmissionState s) {
  switch (s) {
    case SubmissionState::kDraft:
      return "（草稿未提交）";
    case SubmissionState::kReturned:
      return "（已退回待修改）";
    default:
      return "（未填报）";
  }
}

}  // namespace

const char* WarningKindName(WarningKind k) {
  switch (k) {
    case WarningKind::kIndicatorRed:
      return "indicator_red";
    case WarningKind::kIndicatorYellow:
      return "indicator_yellow";
    case WarningKind::kNotSubmitted:
      return "not_submitted";
    case WarningKind::kSuddenSwing:
      return "sudden_swing";
  }
  return "unknown";
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kHigh:
      return "high";
    case Severity::kMedium:
      return "medium";
    case Severity::kLow:
      break;
  }
  return "low";
}

Status ValidateWarningSettings(const WarningSettings& s) {
  std::vector<FieldError> errors;
  if (s.deadline_day < 1 || s.deadline_day > 31) {
    errors.push_back({"deadline_day", "报送截止日须在1到31之间"});
  }
  if (!std::isfinite(s.swing_threshold_pct) || s.swing_threshold_pct < 0) {
    errors.push_back({"swing_threshold_pct", "异常波动阈值须为不小于0的数字"});
  }
  if (errors.empty()) return Status::Ok();
  return Status::Validation("预警设置无效", std::move(errors));
}

const std::string& ResponsibleUnits::For(std::string_view indicator_code) const {
  auto it = by_indicator.find(indicator_code);
  return it == by_indicator.end() ? default_unit : it->second;
}

Date SubmissionDeadline(Period period, int deadline_day) {
  const Period next = period.AddMonths(1);
  return {next.year, next.month, std::min(deadline_day, DaysInMonth(next.year, next.month))};
}

std::vector<Warning> IndicatorWarnings(const std::vector<MonitoringRow>& rows,
                                       const ResponsibleUnits& units,
                                       const WarningSettings& settings) {
  std::vector<Warning> out;
  for (const MonitoringRow& row : rows) {
    const Indicator& ind = row.indicator;
    const IndicatorFigures& f = row.figures;
    const std::string& unit = units.For(ind.code);
    // A coloured status implies ytd, completion_pct and gap are all known.
    if (f.status == ProgressStatus::kRed ||
        (f.status == ProgressStatus::kYellow && settings.include_yellow)) {
      const bool red = f.status == ProgressStatus::kRed;
      out.push_back({red ? WarningKind::kIndicatorRed : WarningKind::kIndicatorYellow, ind.code,
                     f.period, red ? Severity::kHigh : Severity::kMedium, StatusMessage(ind, f),
                     unit});
    }
    if (f.month_yoy_pct && std::fabs(*f.month_yoy_pct) > settings.swing_threshold_pct + kEps) {
      out.push_back({WarningKind::kSuddenSwing, ind.code, f.period, Severity::kLow,
                     SwingMessage(ind, f), unit});
    }
  }
  return out;
}

std::vector<Warning> NotSubmittedWarnings(const std::vector<MonthSubmission>& months, Date today,
                                          const std::string& responsible_unit,
                                          const WarningSettings& settings) {
  std::vector<Warning> out;
  for (const MonthSubmission& ms : months) {
    if (ms.state == SubmissionState::kSubmitted || ms.state == SubmissionState::kApproved) continue;
    const Date deadline = SubmissionDeadline(ms.period, settings.deadline_day);
    if (!(deadline < today)) continue;
    const bool long_overdue =
        SubmissionDeadline(ms.period.AddMonths(1), settings.deadline_day) < today;
    out.push_back({WarningKind::kNotSubmitted, "", ms.period,
                   long_overdue ? Severity::kHigh : Severity::kMedium,
                   PeriodZh(ms.period) + "月报截至" + deadline.ToString() + "仍未提交" +
                       StateNoteZh(ms.state),
                   responsible_unit});
  }
  return out;
}

StatusOr<std::vector<Warning>> BuildWarnings(const std::vector<MonitoringRow>& rows,
                                             const std::vector<MonthSubmission>& months, Date today,
                                             const ResponsibleUnits& units,
                                             const WarningSettings& settings) {
  PARKHQ_RETURN_IF_ERROR(ValidateWarningSettings(settings));
  std::vector<Warning> all = IndicatorWarnings(rows, units, settings);
  std::vector<Warning> late = NotSubmittedWarnings(months, today, units.default_unit, settings);
  all.insert(all.end(), std::make_move_iterator(late.begin()), std::make_move_iterator(late.end()));
  std::stable_sort(all.begin(), all.end(), [](const Warning& a, const Warning& b) {
    return static_cast<int>(a.severity) > static_cast<int>(b.severity);
  });
  return all;
}

}  // namespace parkhq::monitoring
