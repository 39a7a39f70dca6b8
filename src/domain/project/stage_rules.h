// The rules of stage changes (POST /projects/{id}/stage) and of the 停缓建 / 终止 flags.
// Check* decides and returns what to write (or why not); Apply* writes it onto a Project value.
// The service records every applied change in the stage log (who, when, reason).
//
// Rules (docs/projects.md, "阶段变更规则"):
//  R1 终止项目不可变更: nothing changes on a project terminated at or before the request.
//  R2 停缓建项目先恢复: no forward move while suspended (lift the suspension first).
//  R3 逐级推进: a forward move may skip stages; each skipped stage gets an actual date, from the
//     request's `dates` or else the move's date — except 竣工 (R4).
//  R4 投产须先竣工: a move to 投产 needs an actual 竣工 date (on the project or in the request);
//     an admin may override with a reason, and 竣工 then stays without a date.
//  R5 回退须管理员说明理由: backward moves only by an admin with a reason; they clear the actual
//     dates of the stages after the new one.
//  R6 复工每年一次: "started" on a continuing project already in 开工 records its 复工 of the
//     date's year, once per year.
// Status codes: Conflict (409) when a rule refuses; Validation (422, field details "date",
// "dates.<stage>", "reason") when a date or the reason is missing or inconsistent.
#pragma once
#include <string>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"
#include "common/time.h"
#include "domain/project/project.h"

namespace parkhq::project {

struct StageChangeRequest {
  Stage to = Stage::kReserve;
  Date date;  // the actual date of the new stage (for a backward move: of the decision)
  StageDates skipped_dates;  // optional actual dates of the skipped stages ("dates" in the API)
  bool by_admin = false;     // the caller may administer the project's park
  std::string reason;        // required for overrides (R4) and backward moves (R5)
  // Asks a park admin's override of the admission gate (admission.h CheckSigningGate), with reason.
  bool override_admission = false;
};

enum class ChangeType { kForward, kBackward, kResume };
const char* ChangeTypeCode(ChangeType t);  // "forward" | "backward" | "resume"

// What an accepted change writes.
struct StageChange {
  ChangeType type = ChangeType::kForward;
  Stage from = Stage::kReserve;
  Stage to = Stage::kReserve;
  Date date;
  std::vector<Stage> filled;   // stages whose actual date is set (forward), in pipeline order
  std::vector<Stage> cleared;  // stages whose actual date is cleared (backward)
  bool override_used = false;  // R4 overridden by an admin
  std::string reason;
  StageDates actual_after;  // the project's actual dates after the change
};

// Decides a stage change at `today`. OK with the change, or Conflict / Validation as above.
StatusOr<StageChange> CheckStageChange(const Project& p, const StageChangeRequest& r, Date today);
// Writes an accepted change onto `p` (stage, actual dates, 复工 date).
void ApplyStageChange(Project& p, const StageChange& c);

enum class FlagAction { kSuspend, kLiftSuspension, kTerminate };
const char* FlagActionCode(FlagAction a);  // "suspend" | "lift_suspension" | "terminate"

struct FlagChangeRequest {
  FlagAction action = FlagAction::kSuspend;
  Date date;
  std::string reason;  // required for suspend and terminate
};

struct FlagChange {
  FlagAction action = FlagAction::kSuspend;
  Date date;
  std::string reason;
  bool records_resumption = false;  // lifting a suspension of a project in 开工 is a 复工
};

// Rules: 停缓建 only in 签约/落地/开工 and not twice; lifting only when suspended, not before the
// suspension date; 终止 not after 投产 and not twice (R1 also refuses everything on a terminated
// project); a reason for suspend/terminate; the date not before the current stage's actual date
// (nor the suspension) and not after `today`. Conflict / Validation as for stage changes.
StatusOr<FlagChange> CheckFlagChange(const Project& p, const FlagChangeRequest& r, Date today);
void ApplyFlagChange(Project& p, const FlagChange& c);

}  // namespace parkhq::project
