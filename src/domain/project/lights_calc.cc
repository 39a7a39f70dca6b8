#include "domain/project/lights_calc.h"

namespace parkhq::project {
namespace {

// Behind-points are differences of two percentages computed in floating point; a gap that is
// 10 on paper must count as 10.
constexpr double kEpsilon = 1e-9;

// The start light a project has on day `at` when it has not started by then.
StartLight NotStartedLight(Period planned_month, Date at, const LightSettings& s) {
  if (at <= Date::LastOfMonth(planned_month)) return {Light::kNone, "not_due"};
  if (at <= Date::LastOfMonth(planned_month.AddMonths(s.start_red_after_months)))
    return {Light::kYellow, "overdue"};
  return {Light::kRed, "overdue_long"};
}

}  // namespace

const char* LightCode(Light l) {
  switch (l) {
    case Light::kNone:
      return "none";
    case Light::kGreen:
      return "green";
    case Light::kYellow:
      return "yellow";
    case Light::kRed:
      return "red";
  }
  return "none";
}

const char* LightNameZh(Light l) {
  switch (l) {
    case Light::kNone:
      return "无";
    case Light::kGreen:
      return "绿灯";
    case Light::kYellow:
      return "黄灯";
    case Light::kRed:
      return "红灯";
  }
  return "无";
}

Status ValidateLightSettings(const LightSettings& s) {
  std::vector<FieldError> errors;
  if (s.start_red_after_months < 1 || s.start_red_after_months > 24)
    errors.push_back({"start_red_after_months", "红灯月数须在1至24之间"});
  if (s.progress_yellow_points < 0 || s.progress_yellow_points > 100)
    errors.push_back({"progress_yellow_points", "黄灯阈值须在0至100之间"});
  if (s.progress_red_points < 0 || s.progress_red_points > 100) {
    errors.push_back({"progress_red_points", "红灯阈值须在0至100之间"});
  } else if (s.progress_red_points < s.progress_yellow_points) {
    errors.push_back({"progress_red_points", "红灯阈值不能小于黄灯阈值"});
  }
  if (errors.empty()) return Status::Ok();
  return Status::Validation("亮灯设置有误", std::move(errors));
}

StartLight ComputeStartLight(const Project& p, Date d, const LightSettings& s) {
  if (p.kind == Kind::kContinuing) return {Light::kNone, "continuing"};
  if (IsTerminatedAt(p, d)) return {Light::kNone, "terminated"};
  const auto& planned = p.planned[Stage::kStarted];
  if (!planned) return {Light::kNone, "no_plan"};
  const Period month = planned->period();
  auto started = ReachedOn(p, Stage::kStarted);
  if (started && *started <= d) {
    if (*started <= Date::LastOfMonth(month)) return {Light::kGreen, "on_time"};
    // A late start keeps the colour it had on the day it started.
    StartLight at_start = NotStartedLight(month, *started, s);
    return {at_start.light, at_start.light == Light::kRed ? "started_very_late" : "started_late"};
  }
  return NotStartedLight(month, d, s);
}

double TimeProgressPct(Date d) { return d.month * 100.0 / 12.0; }

ProgressLight ComputeProgressLight(const Project& p, Date d, const LightSettings& s) {
  ProgressLight r;
  if (IsTerminatedAt(p, d)) {
    r.reason = "terminated";
    return r;
  }
  auto planned = PlannedInvestment(p, d.year);
  if (!planned || *planned <= 0) {
    r.reason = "no_plan";
    return r;
  }
  r.planned_investment = *planned;
  r.completed_ytd = CompletedYtd(p, d);
  r.time_progress_pct = TimeProgressPct(d);
  r.completion_pct = r.completed_ytd * 100.0 / r.planned_investment;
  r.behind_points = *r.time_progress_pct - *r.completion_pct;
  const double behind = *r.behind_points;
  if (behind > s.progress_red_points + kEpsilon) {
    r.light = Light::kRed;
    r.reason = "far_behind";
  } else if (behind >= s.progress_yellow_points - kEpsilon) {
    r.light = Light::kYellow;
    r.reason = "behind";
  } else {
    r.light = Light::kGreen;
    r.reason = "on_track";
  }
  return r;
}

ProjectLights ComputeLights(const Project& p, Date d, const LightSettings& s) {
  return {p.id, ComputeStartLight(p, d, s), ComputeProgressLight(p, d, s)};
}

}  // namespace parkhq::project
