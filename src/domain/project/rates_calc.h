// The eight project rates of a set of projects (a park, a sub-park or a region) at a date, each
// with the projects behind its numerator and denominator (drill-down). Pure functions over the
// projects the caller has already scoped; docs/projects.md "比率" defines every one.
//
// Shared definitions (date d, year Y = d.year, window = Y-01-01 .. d, both ends included):
//  - "planned by the date" = the planned stage date lies in the window (earlier years' misses
//    are not carried: a carried-over project is re-planned in the new year's plan).
//  - 终止 (terminated on or before d) projects leave the count rates, except 履约率 (where
//    termination before landing is a breach); the money rates keep them (money is real).
//  - 停缓建 projects stay in every denominator; they are in a numerator when its event happened.
//  - Numerator projects are always a subset of the denominator projects (count rates).
//  - value_pct = numerator / denominator * 100, unrounded; nullopt when the denominator is 0.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/time.h"
#include "domain/project/project.h"

namespace parkhq::project {

enum class RateCode {
  kFulfilment,        // 履约率
  kStart,             // 开工率
  kResume,            // 复工率
  kStartResume,       // 开(复)工率
  kOnTimeCompletion,  // 按期竣工率
  kProduction,        // 投产率
  kFaiCompletion,     // 固定资产投资完成率
  kFundsInPlace,      // 资金到位率 (招商引资到位率)
};
inline constexpr RateCode kAllRateCodes[] = {RateCode::kFulfilment,       RateCode::kStart,
                                             RateCode::kResume,           RateCode::kStartResume,
                                             RateCode::kOnTimeCompletion, RateCode::kProduction,
                                             RateCode::kFaiCompletion,    RateCode::kFundsInPlace};

// "fulfilment" | "start" | "resume" | "start_resume" | "on_time_completion" | "production" |
// "fai_completion" | "funds_in_place"
const char* RateCodeName(RateCode c);
const char* RateNameZh(RateCode c);  // 履约率 | 开工率 | ...

struct RateResult {
  RateCode code = RateCode::kFulfilment;
  std::optional<double> value_pct;       // nullopt when denominator == 0
  double numerator = 0;                  // a count, or 万元 for fai_completion and funds_in_place
  double denominator = 0;                // a count, or 万元
  std::vector<int64_t> numerator_ids;    // ascending
  std::vector<int64_t> denominator_ids;  // ascending; empty for funds_in_place (a target)
};

using Projects = std::span<const Project>;

// 履约率: signed projects (actual 签约 <= d) with the agreed landing date (planned.landed) in the
// window; numerator: those that reached 落地 or later on or before the agreed landing date.
RateResult FulfilmentRate(Projects projects, Date d);
// 开工率: new projects, not terminated, planned.started in the window; numerator: reached 开工 <=
// d.
RateResult StartRate(Projects projects, Date d);
// 复工率: continuing projects, not terminated, not reached 竣工 before Y-01-01; numerator: a 复工
// date or the 开工 date within the window.
RateResult ResumeRate(Projects projects, Date d);
// 开(复)工率: the unions of the two above.
RateResult StartResumeRate(Projects projects, Date d);
// 按期竣工率: not terminated, planned.completed in the window; numerator: reached 竣工 or later on
// or before planned.completed.
RateResult OnTimeCompletionRate(Projects projects, Date d);
// 投产率: not terminated, planned.production in the window; numerator: reached 投产 <= d.
RateResult ProductionRate(Projects projects, Date d);
// 固定资产投资完成率: projects with an annual plan for Y of more than 0; denominator: the sum of
// those plans; numerator: their completed investment January .. d's month.
RateResult FaiCompletionRate(Projects projects, Date d);
// 资金到位率: numerator: funds in place January .. d's month of all projects (ids: those with
// funds > 0); denominator: `target` (the park's funds_in_place target of Y, 万元; the sum of the
// parks' targets for a region); nullopt or 0 target → value_pct nullopt.
RateResult FundsInPlaceRate(Projects projects, Date d, std::optional<double> target);

// All eight, in kAllRateCodes order.
std::vector<RateResult> ComputeRates(Projects projects, Date d,
                                     std::optional<double> funds_in_place_target);

// Per project 资金到位率: funds in place of every month up to d's month / contracted investment.
struct ProjectFundsRate {
  int64_t project_id = 0;
  double funds_in_place = 0;         // 万元, cumulative
  double contracted_investment = 0;  // 万元
  std::optional<double> value_pct;   // nullopt when contracted investment is 0
};
ProjectFundsRate ProjectFundsInPlaceRate(const Project& p, Date d);

}  // namespace parkhq::project
