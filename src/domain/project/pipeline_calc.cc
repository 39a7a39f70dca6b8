#include "domain/project/pipeline_calc.h"

#include <algorithm>
#include <map>

namespace parkhq::project {
namespace {

std::optional<double> Pct(int numerator, int denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator * 100.0 / denominator;
}

double Median(std::vector<int64_t> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  if (n % 2 == 1) return static_cast<double>(values[n / 2]);
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

}  // namespace

std::vector<CohortConversion> ConversionByCohort(std::span<const Project> projects, Date as_of) {
  std::map<int, CohortConversion> by_year;
  for (const Project& p : projects) {
    auto signed_on = ReachedOn(p, Stage::kSigned);
    if (!signed_on || *signed_on > as_of) continue;
    CohortConversion& c = by_year[signed_on->year];
    c.year = signed_on->year;
    c.project_ids.push_back(p.id);
    for (int i = 0; i < 5; ++i)
      if (ReachedBy(p, kCohortStages[i], as_of)) ++c.reached[i];
    if (IsTerminatedAt(p, as_of)) ++c.terminated;
  }
  std::vector<CohortConversion> out;
  for (auto& [year, c] : by_year) {
    for (int i = 0; i < 4; ++i) {
      c.step_pct[i] = Pct(c.reached[i + 1], c.reached[i]);
      c.from_signed_pct[i] = Pct(c.reached[i + 1], c.reached[0]);
    }
    std::sort(c.project_ids.begin(), c.project_ids.end());
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<StageDuration> MedianDaysInStage(std::span<const Project> projects, Date as_of) {
  std::vector<StageDuration> out;
  for (int i = 0; i < kStageCount - 1; ++i) {
    const Stage stage = kAllStages[i];
    StageDuration sd;
    sd.stage = stage;
    std::vector<int64_t> days;
    for (const Project& p : projects) {
      const auto& entered = p.actual[stage];
      auto left = ReachedOn(p, kAllStages[i + 1]);
      if (!entered || !left || *left > as_of) continue;
      days.push_back(left->DaysSinceEpoch() - entered->DaysSinceEpoch());
      sd.project_ids.push_back(p.id);
    }
    sd.count = static_cast<int>(days.size());
    if (!days.empty()) sd.median_days = Median(std::move(days));
    std::sort(sd.project_ids.begin(), sd.project_ids.end());
    out.push_back(std::move(sd));
  }
  return out;
}

Status ValidateStuckSettings(const StuckSettings& s) {
  std::vector<FieldError> errors;
  for (int i = 0; i < kStageCount - 1; ++i) {
    if (s.limit_days[i] < 1) {
      errors.push_back(
          {std::string("limit_days.") + StageCode(kAllStages[i]), "停滞天数上限至少为1天"});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::Validation("停滞设置有误", std::move(errors));
}

std::vector<StuckProject> StuckProjects(std::span<const Project> projects, Date as_of,
                                        const StuckSettings& s) {
  std::vector<StuckProject> out;
  for (const Project& p : projects) {
    if (IsTerminatedAt(p, as_of)) continue;
    auto stage = StageAt(p, as_of);
    if (!stage || *stage == Stage::kProduction) continue;
    const Date since = *p.actual[*stage];
    const int64_t days = as_of.DaysSinceEpoch() - since.DaysSinceEpoch();
    const int limit = s.limit_days[StageIndex(*stage)];
    if (days <= limit) continue;
    out.push_back({p.id, *stage, since, days, limit, IsSuspendedAt(p, as_of)});
  }
  std::sort(out.begin(), out.end(), [](const StuckProject& a, const StuckProject& b) {
    if (a.days_in_stage != b.days_in_stage) return a.days_in_stage > b.days_in_stage;
    return a.project_id < b.project_id;
  });
  return out;
}

YearBatches CountYearBatches(std::span<const Project> projects, int year, Date as_of) {
  YearBatches b;
  b.year = year;
  const Date first{year, 1, 1};
  const Date cutoff = std::min(as_of, Date{year, 12, 31});
  for (const Project& p : projects) {
    const auto& reserved = p.actual[Stage::kReserve];
    if (reserved && *reserved >= first && *reserved <= cutoff) b.reserved.push_back(p.id);
    if (StageAt(p, cutoff) == Stage::kReserve && !IsTerminatedAt(p, cutoff))
      b.in_reserve.push_back(p.id);
    auto started = ReachedOn(p, Stage::kStarted);
    if (started && *started >= first && *started <= cutoff) b.started.push_back(p.id);
    auto completed = ReachedOn(p, Stage::kCompleted);
    const bool done_before = completed && *completed < first;
    const bool terminated_before = p.terminated_on && *p.terminated_on < first;
    if (started && *started <= cutoff && !done_before && !terminated_before)
      b.under_construction.push_back(p.id);
  }
  for (auto* ids : {&b.reserved, &b.in_reserve, &b.started, &b.under_construction})
    std::sort(ids->begin(), ids->end());
  return b;
}

}  // namespace parkhq::project
