// Pipeline analytics (项目全流程分析): conversion by signing-year cohort, median days spent in each
// stage, the stuck list, and the "储备一批、开工一批、建设一批" counts of a year. Pure functions
// over already-scoped projects, computed from the actual stage dates as of a date.
// docs/projects.md "流程分析".
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/project/project.h"

namespace parkhq::project {

// The five stages from 签约 on, the steps of a cohort's conversion.
inline constexpr Stage kCohortStages[5] = {Stage::kSigned, Stage::kLanded, Stage::kStarted,
                                           Stage::kCompleted, Stage::kProduction};

// Projects that reached 签约 in `year` (ReachedOn(kSigned) in that year and <= as_of).
struct CohortConversion {
  int year = 0;
  std::array<int, 5> reached{};  // how many reached kCohortStages[i] by as_of (terminated too)
  int terminated = 0;            // terminated by as_of
  // step_pct[i] = reached[i+1] / reached[i] * 100 (落地/签约, 开工/落地, 竣工/开工, 投产/竣工)
  std::array<std::optional<double>, 4> step_pct;
  // from_signed_pct[i] = reached[i+1] / reached[0] * 100
  std::array<std::optional<double>, 4> from_signed_pct;
  std::vector<int64_t> project_ids;  // ascending
};
// One entry per year that has signed projects, ascending by year.
std::vector<CohortConversion> ConversionByCohort(std::span<const Project> projects, Date as_of);

// Days spent in `stage`: from its actual date to the date the project reached the next stage,
// for projects that have both on or before as_of (stages still in progress are not counted; the
// stuck list shows those). A stage skipped by a move counts 0 days; one skipped by an override
// (no date) is not counted.
struct StageDuration {
  Stage stage = Stage::kReserve;
  int count = 0;
  std::optional<double> median_days;  // nullopt when count == 0; mean of the two middles if even
  std::vector<int64_t> project_ids;   // ascending
};
// Five entries, 储备 .. 竣工 (投产 is the last stage).
std::vector<StageDuration> MedianDaysInStage(std::span<const Project> projects, Date as_of);

struct StuckSettings {
  // Days a project may stay in each stage before it is listed, indexed by StageIndex;
  // the 投产 entry is unused (the last stage).
  std::array<int, kStageCount> limit_days = {365, 180, 180, 180, 180, 0};
};
// OK or Validation ("limit_days.<stage>": at least 1 day, 储备 .. 竣工).
Status ValidateStuckSettings(const StuckSettings& s);

struct StuckProject {
  int64_t project_id = 0;
  Stage stage = Stage::kReserve;  // the stage at as_of
  Date since;                     // its actual date
  int64_t days_in_stage = 0;      // as_of - since
  int limit_days = 0;
  bool suspended = false;
};
// Projects not terminated at as_of, in a stage before 投产, with days_in_stage > the stage's limit;
// longest first (ties by project id).
std::vector<StuckProject> StuckProjects(std::span<const Project> projects, Date as_of,
                                        const StuckSettings& s);

// "储备一批、开工一批、建设一批" of `year`, counted at as_of (capped to the year's last day).
struct YearBatches {
  int year = 0;
  std::vector<int64_t> reserved;    // 储备一批: entered the reserve (actual 储备) in the year
  std::vector<int64_t> in_reserve;  // in 储备 at the cut-off, not terminated
  std::vector<int64_t> started;     // 开工一批: reached 开工 in the year
  std::vector<int64_t> under_construction;  // 建设一批: reached 开工 by the cut-off, not 竣工
                                            // before the year, not terminated before the year
};
YearBatches CountYearBatches(std::span<const Project> projects, int year, Date as_of);

}  // namespace parkhq::project
