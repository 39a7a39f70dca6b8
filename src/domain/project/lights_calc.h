// Per-project lights (红黄绿灯), as city key-project platforms show them: a start light and a
// progress light at a date. Thresholds are typed settings a park may tune. docs/projects.md "亮灯".
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "domain/project/project.h"

namespace parkhq::project {

enum class Light { kNone, kGreen, kYellow, kRed };
const char* LightCode(Light l);    // "none" | "green" | "yellow" | "red"
const char* LightNameZh(Light l);  // 无 | 绿灯 | 黄灯 | 红灯

struct LightSettings {
  int start_red_after_months = 3;  // red when not started this many months after the planned month
  double progress_yellow_points = 10;  // yellow when behind 序时进度 by at least this many points
  double progress_red_points = 30;     // red when behind by more than this many points
};
// OK, or Validation with fields "start_red_after_months" (1..24), "progress_yellow_points",
// "progress_red_points" (0 <= yellow <= red <= 100).
Status ValidateLightSettings(const LightSettings& s);

// Start light of a new project with a planned 开工 date, at date d. Let M = the planned month.
//  started on or before the end of M                      → green  ("on_time")
//  started later: the light it had on its start date      → yellow ("started_late") / red
//  ("started_very_late") not started, d within M                                → none ("not_due")
//  not started, d after M, up to the end of M + N months  → yellow ("overdue")
//  not started, d after the end of M + N months           → red    ("overdue_long")
// none also for continuing projects ("continuing"), no planned date ("no_plan"), terminated on or
// before d ("terminated"). N = start_red_after_months.
struct StartLight {
  Light light = Light::kNone;
  std::string reason;  // the code in quotes above
};
StartLight ComputeStartLight(const Project& p, Date d, const LightSettings& s);

// 序时进度 at d: d.month / 12 * 100 (the months reported so far of the year).
double TimeProgressPct(Date d);

// Progress light at d against the annual plan of d's year.
//  completion_pct = completed investment Jan..d's month / planned investment * 100
//  behind_points  = TimeProgressPct(d) - completion_pct
//  behind_points <  yellow          → green
//  yellow <= behind_points <= red   → yellow
//  behind_points >  red             → red
// none when there is no plan of more than 0 for the year ("no_plan") or terminated ("terminated").
struct ProgressLight {
  Light light = Light::kNone;
  std::string reason;  // "on_track" | "behind" | "far_behind" | "no_plan" | "terminated"
  double planned_investment = 0;
  double completed_ytd = 0;
  std::optional<double> time_progress_pct;
  std::optional<double> completion_pct;
  std::optional<double> behind_points;
};
ProgressLight ComputeProgressLight(const Project& p, Date d, const LightSettings& s);

struct ProjectLights {
  int64_t project_id = 0;
  StartLight start;
  ProgressLight progress;
};
ProjectLights ComputeLights(const Project& p, Date d, const LightSettings& s);

}  // namespace parkhq::project
