// The life of one enterprise monthly report: draft -> submitted -> approved (locked) | returned,
// the filing deadline, and what each role may do in each state. Pure functions; the service checks
// the caller's Scope (own enterprise, own park) before asking these.
#pragma once
#include <optional>
#include <string_view>

#include "common/status.h"
#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"

namespace parkhq::enterprise {

enum class ReportState { kDraft, kSubmitted, kApproved, kReturned };
// "draft" | "submitted" | "approved" | "returned"
const char* ReportStateName(ReportState s);
// 草稿 | 已提交 | 已审核 | 已退回
const char* ReportStateNameZh(ReportState s);
std::optional<ReportState> ParseReportState(std::string_view s);

enum class ReportAction {
  kEdit,     // save values/explanations (create the draft)
  kSubmit,   // send for review (the service also requires CheckReport(...).CanSubmit())
  kApprove,  // park review: accept; the report becomes locked
  kReturn,   // park review: send back for correction, reason required
  kUnlock,   // park admin reopens an approved report for correction, reason required
};
const char* ReportActionName(ReportAction a);  // "edit" | "submit" | "approve" | "return" | "unlock"

// Filing deadline: day `day_of_next_month` of the month after the period (clamped to that month's
// length), inclusive. Configurable per park; default the 10th.
struct DeadlinePolicy {
  int day_of_next_month = 10;  // 1..31
};
// Status::FieldInvalid("day_of_next_month", ...) unless 1..31.
Status ValidateDeadlinePolicy(const DeadlinePolicy& policy);
// E.g. period 2023-06, day 10 -> 2023-07-10; period 2023-01, day 31 -> 2023-02-28.
Date ReportDeadline(Period period, const DeadlinePolicy& policy);

struct ReportContext {
  ReportState state = ReportState::kDraft;
  Period period;
  Date today;
  DeadlinePolicy policy;
  // A park admin's exception (补报): filing stays open through this date (inclusive).
  std::optional<Date> exception_until;
};

// Is the period closed to the enterprise's own filing? True after the deadline unless an exception
// runs through `today`.
bool IsFilingClosed(const ReportContext& ctx);

// May `role` do `action` now? Returns OK, or:
//  - PermissionDenied: the role may never do this (departments and leaders read only; enterprises
//    do not review; only park admins and sysadmins review and unlock);
//  - Conflict (409): not allowed in this state (e.g. editing an approved, locked report), or the
//    period has not ended yet, or (enterprise users) the filing deadline has passed without an
//    exception;
//  - FieldInvalid("reason", ...): return/unlock without a non-blank reason.
// Park admins and sysadmins may edit and submit on the enterprise's behalf (代报) after the deadline.
Status CheckReportAction(Role role, ReportAction action, const ReportContext& ctx,
                         std::string_view reason);

// The state after an allowed action (kEdit keeps draft/returned; submit -> submitted; approve ->
// approved; return -> returned; unlock -> returned). Conflict when the action does not apply to
// the state. Does not check roles: call CheckReportAction first.
StatusOr<ReportState> NextReportState(ReportState state, ReportAction action);

// Where a report stands in the enterprise's work queue (待报 / 逾期 / 退回修改 / 已报).
enum class QueueStatus { kNotYetOpen, kDue, kOverdue, kReturned, kDone };
const char* QueueStatusName(QueueStatus q);  // "not_yet_open" "due" "overdue" "returned" "done"
struct QueueItem {
  QueueStatus status = QueueStatus::kDue;
  Date deadline;
  // Days from today to the deadline: 0 on the deadline day, negative when overdue.
  int64_t days_left = 0;
};
// `state` is nullopt when no report exists yet. A period is open from the first day of the next
// month; returned reports stay kReturned whatever the date; submitted and approved are kDone; a
// draft or missing report past its deadline (and any exception) is kOverdue.
QueueItem ClassifyForQueue(std::optional<ReportState> state, Period period, Date today,
                           const DeadlinePolicy& policy, std::optional<Date> exception_until);

}  // namespace parkhq::enterprise
