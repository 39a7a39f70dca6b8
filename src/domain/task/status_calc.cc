#include "domain/task/status_calc.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parkhq::task {

const char* FrequencyCode(Frequency f) {
  switch (f) {
    case Frequency::kMonthly: return "monthly";
    case Frequency::kQuarterly: return "quarterly";
    case Frequency::kOnce: return "once";
  }
  return "once";
}

std::optional<Frequency> ParseFrequency(const std::string& s) {
  for (Frequency f : {Frequency::kMonthly, Frequency::kQuarterly, Frequency::kOnce})
    if (s == FrequencyCode(f)) return f;
  return std::nullopt;
}

const char* ItemStatusCode(ItemStatus s) {
  switch (s) {
    case ItemStatus::kNotStarted: return "not_started";
    case ItemStatus::kInProgress: return "in_progress";
    case ItemStatus::kCompleted: return "completed";
    case ItemStatus::kBehind: return "behind";
  }
  return "not_started";
}

const char* ItemStatusNameZh(ItemStatus s) {
  switch (s) {
    case ItemStatus::kNotStarted: return "未启动";
    case ItemStatus::kInProgress: return "推进中";
    case ItemStatus::kCompleted: return "已完成";
    case ItemStatus::kBehind: return "滞后";
  }
  return "";
}

namespace {

std::string Pct(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", f * 100);
  return buf;
}

}  // namespace

StatusResult ComputeItemStatus(const StatusInput& in, Date d) {
  StatusResult r;
  const int64_t span = in.deadline.DaysSinceEpoch() - in.start.DaysSinceEpoch();
  if (span <= 0) {
    r.time_share = d >= in.start ? 1 : 0;
  } else {
    const double elapsed = static_cast<double>(d.DaysSinceEpoch() - in.start.DaysSinceEpoch());
    r.time_share = std::clamp(elapsed / static_cast<double>(span), 0.0, 1.0);
  }
  const double p = in.progress.value_or(0);
  if (in.progress && p >= 1) {
    r.status = ItemStatus::kCompleted;
    r.reason = "已完成（" + Pct(p) + "）";
  } else if (d > in.deadline) {
    r.status = ItemStatus::kBehind;
    r.reason = "已过截止日期 " + in.deadline.ToString() + "，完成 " + Pct(p);
  } else if (!in.progress) {
    r.status = ItemStatus::kNotStarted;
    r.reason = "尚无进展";
  } else if (in.measurable && p < r.time_share) {
    r.status = ItemStatus::kBehind;
    r.reason = "完成 " + Pct(p) + "，低于序时进度 " + Pct(r.time_share);
  } else {
    r.status = ItemStatus::kInProgress;
    r.reason = in.measurable ? "完成 " + Pct(p) + "，序时进度 " + Pct(r.time_share) : "推进中";
  }
  return r;
}

std::string PeriodLabel(Frequency f, Date d) {
  switch (f) {
    case Frequency::kMonthly: return d.period().ToString();
    case Frequency::kQuarterly: return std::to_string(d.year) + "-Q" + std::to_string((d.month - 1) / 3 + 1);
    case Frequency::kOnce: return "once";
  }
  return "once";
}

Date PeriodEnd(Frequency f, Date d, Date deadline) {
  switch (f) {
    case Frequency::kMonthly: return Date::LastOfMonth(d.period());
    case Frequency::kQuarterly: return Date::LastOfMonth({d.year, ((d.month - 1) / 3 + 1) * 3});
    case Frequency::kOnce: return deadline;
  }
  return deadline;
}

std::vector<std::string> MissedPeriods(Frequency f, Date start, Date deadline, Date d,
                                       const std::vector<std::string>& reported) {
  std::vector<std::string> out;
  const auto has = [&](const std::string& l) { return std::find(reported.begin(), reported.end(), l) != reported.end(); };
  if (f == Frequency::kOnce) {
    if (d > deadline && !has("once")) out.push_back("once");
    return out;
  }
  const int step = f == Frequency::kMonthly ? 1 : 3;
  // The first day of the period containing start.
  Date cur{start.year, f == Frequency::kMonthly ? start.month : ((start.month - 1) / 3) * 3 + 1, 1};
  for (int guard = 0; guard < 1200 && cur <= deadline; ++guard, cur = cur.AddMonths(step)) {
    if (PeriodEnd(f, cur, deadline) >= d) break;  // not ended yet
    const std::string l = PeriodLabel(f, cur);
    if (!has(l)) out.push_back(l);
  }
  return out;
}

}  // namespace parkhq::task
