// Projects of the pipeline (重点项目): stages, flags, planned and actual dates, annual plans and
// monthly investment, as plain values; the queries every rate and light shares; and validation.
// No HTTP, JSON or SQL here. Money is in 万元. See docs/projects.md.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::project {

// 储备 → 签约 → 落地 → 开工 → 竣工 → 投产. The order of the enumerators is the pipeline order.
enum class Stage { kReserve = 0, kSigned, kLanded, kStarted, kCompleted, kProduction };
inline constexpr int kStageCount = 6;
inline constexpr Stage kAllStages[kStageCount] = {Stage::kReserve,   Stage::kSigned,
                                                  Stage::kLanded,    Stage::kStarted,
                                                  Stage::kCompleted, Stage::kProduction};

inline int StageIndex(Stage s) { return static_cast<int>(s); }
// "reserve" | "signed" | "landed" | "started" | "completed" | "production" (plan.md section 8).
const char* StageCode(Stage s);
// 储备 | 签约 | 落地 | 开工 | 竣工 | 投产
const char* StageNameZh(Stage s);
// nullopt for an unknown code.
std::optional<Stage> ParseStage(std::string_view code);

// 新建 / 续建.
enum class Kind { kNew, kContinuing };
const char* KindCode(Kind k);    // "new" | "continuing"
const char* KindNameZh(Kind k);  // 新建 | 续建
std::optional<Kind> ParseKind(std::string_view code);

// One optional date per stage (the planned dates, or the actual dates).
struct StageDates {
  std::array<std::optional<Date>, kStageCount> by_stage;

  const std::optional<Date>& operator[](Stage s) const { return by_stage[StageIndex(s)]; }
  std::optional<Date>& operator[](Stage s) { return by_stage[StageIndex(s)]; }
};

// 年度计划投资 of one year.
struct AnnualPlan {
  int year = 0;
  double planned_investment = 0;  // 万元
};

// 到位资金 of a month split by source. The parts may leave a remainder of the month's total that
// is not attributed to a source (older data, or a report that gives only the total).
struct FundsBySource {
  double out_of_province = 0;  // 省外
  double in_province = 0;      // 省内
  double foreign = 0;          // 外资
  double Sum() const { return out_of_province + in_province + foreign; }
};

// One month's report of a project: PUT /projects/{id}/investment.
struct MonthlyInvestment {
  Period period;
  double completed = 0;       // 当月完成投资, 万元
  double funds_in_place = 0;  // 当月到位资金 (all sources), 万元
  FundsBySource funds_by_source;
};

struct Project {
  int64_t id = 0;
  int64_t park_id = 0;
  std::optional<int64_t> sub_park_id;
  std::string name;
  Kind kind = Kind::kNew;
  Stage stage = Stage::kReserve;  // the current stage (the highest stage with an actual date)
  // 停缓建 since this date; nullopt when not suspended. Only the current suspension is kept here
  // (past ones are in the stage log), so "suspended at a past date" reads this one only.
  std::optional<Date> suspended_on;
  // 终止 on this date; final.
  std::optional<Date> terminated_on;
  double total_investment = 0;       // 总投资, 万元
  double contracted_investment = 0;  // 签约（合同）投资, 万元
  StageDates planned;                // planned[kLanded] is the agreed landing date of the contract
  StageDates actual;                 // set by stage changes; none after the current stage
  // 复工 dates: a continuing project resuming in a year, or any started project whose 停缓建
  // was lifted. At most one per calendar year is recorded by the stage rules.
  std::vector<Date> resumed_on;
  std::vector<AnnualPlan> annual_plans;    // at most one per year
  std::vector<MonthlyInvestment> monthly;  // at most one per period
};

// ---- Queries shared by the rates, lights and analytics --------------------------------------

// The date the project reached stage `s` or any later stage: the earliest actual date among the
// stages >= s (a later stage implies the earlier ones). nullopt when it has not.
std::optional<Date> ReachedOn(const Project& p, Stage s);
// Reached stage `s` on or before `d`.
bool ReachedBy(const Project& p, Stage s, Date d);
// The stage the project was in at the end of day `d`: the highest stage whose actual date is
// <= d. nullopt when no actual date is <= d (the project did not exist yet).
std::optional<Stage> StageAt(const Project& p, Date d);
bool IsTerminatedAt(const Project& p, Date d);  // terminated_on <= d
bool IsSuspendedAt(const Project& p, Date d);   // suspended_on <= d (current suspension only)
// The annual plan's planned investment for `year`; nullopt when the project has no plan for it.
std::optional<double> PlannedInvestment(const Project& p, int year);
// Sums over the months January .. d's month of d's year (d's month included).
double CompletedYtd(const Project& p, Date d);
double FundsInPlaceYtd(const Project& p, Date d);
// Sum over every month up to and including d's month (all years).
double FundsInPlaceToDate(const Project& p, Date d);

// ---- Validation -------------------------------------------------------------------------------

// Checks a project as created (POST /projects) or imported. Returns OK, or Validation with one
// FieldError per problem, field names as in the API JSON: "name", "total_investment",
// "contracted_investment", "planned.started", "actual.landed", "suspended_on", "terminated_on",
// "annual_plans[0].year", "annual_plans[0].planned_investment", "monthly[2].period", ...
// Rules: investments >= 0 and contracted <= total; a planned (or actual) stage date not before the
// nearest earlier stage's planned (actual) date; an actual date for the current stage and none for
// later stages; no actual or flag date after `today`; annual plans with distinct years 1900..2999
// and 0 <= planned investment <= total investment; monthly reports valid and one per period.
Status ValidateProject(const Project& p, Date today);

// Checks one monthly report (PUT /projects/{id}/investment). Fields "period", "completed",
// "funds_in_place", "funds_by_source.out_of_province" | ".in_province" | ".foreign"; each prefixed
// by `field_prefix` (e.g. "monthly[2].") when checked inside a project. Rules: amounts >= 0; the
// sources sum to at most funds_in_place (0.005 万元 tolerance); period not after today's month.
std::vector<FieldError> CheckMonthlyInvestment(const MonthlyInvestment& m, Date today,
                                               const std::string& field_prefix = "");
// The same as a Status (OK or Validation).
Status ValidateMonthlyInvestment(const MonthlyInvestment& m, Date today);

}  // namespace parkhq::project
