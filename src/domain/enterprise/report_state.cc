#include "domain/enterprise/report_state.h"

#include <algorithm>
#include <string>

namespace parkhq::enterprise {
namespace {

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool IsReviewer(Role role) { return role == Role::kParkAdmin || role == Role::kSysadmin; }

// The first day the period may be filed: the 1st of the next month.
Date OpensOn(Period period) {
  Period next = period.AddMonths(1);
  return {next.year, next.month, 1};
}

Date EffectiveDeadline(Period period, const DeadlinePolicy& policy, std::optional<Date> exception_until) {
  Date d = ReportDeadline(period, policy);
  return exception_until ? std::max(d, *exception_until) : d;
}

const char* ActionNameZh(ReportAction a) {
  switch (a) {
    case ReportAction::kEdit: return "修改";
    case ReportAction::kSubmit: return "提交";
    case ReportAction::kApprove: return "审核通过";
    case ReportAction::kReturn: return "退回";
    case ReportAction::kUnlock: return "解锁";
  }
  return "";
}

Status StateConflict(ReportState state, ReportAction action) {
  return Status::Conflict(std::string("月报当前状态为“") + ReportStateNameZh(state) + "”，不能" +
                          ActionNameZh(action));
}

}  // namespace

const char* ReportStateName(ReportState s) {
  switch (s) {
    case ReportState::kDraft: return "draft";
    case ReportState::kSubmitted: return "submitted";
    case ReportState::kApproved: return "approved";
    case ReportState::kReturned: return "returned";
  }
  return "draft";
}

const char* ReportStateNameZh(ReportState s) {
  switch (s) {
    case ReportState::kDraft: return "草稿";
    case ReportState::kSubmitted: return "已提交";
    case ReportState::kApproved: return "已审核";
    case ReportState::kReturned: return "已退回";
  }
  return "草稿";
}

std::optional<ReportState> ParseReportState(std::string_view s) {
  for (ReportState st : {ReportState::kDraft, ReportState::kSubmitted, ReportState::kApproved,
                         ReportState::kReturned})
    if (s == ReportStateName(st)) return st;
  return std::nullopt;
}

const char* ReportActionName(ReportAction a) {
  switch (a) {
    case ReportAction::kEdit: return "edit";
    case ReportAction::kSubmit: return "submit";
    case ReportAction::kApprove: return "approve";
    case ReportAction::kReturn: return "return";
    case ReportAction::kUnlock: return "unlock";
  }
  return "edit";
}

Status ValidateDeadlinePolicy(const DeadlinePolicy& policy) {
  if (policy.day_of_next_month < 1 || policy.day_of_next_month > 31)
    return Status::FieldInvalid("day_of_next_month", "报送截止日须为次月1日至31日之间");
  return Status::Ok();
}

Date ReportDeadline(Period period, const DeadlinePolicy& policy) {
  Period next = period.AddMonths(1);
  int day = std::clamp(policy.day_of_next_month, 1, DaysInMonth(next.year, next.month));
  return {next.year, next.month, day};
}

bool IsFilingClosed(const ReportContext& ctx) {
  return ctx.today > EffectiveDeadline(ctx.period, ctx.policy, ctx.exception_until);
}

Status CheckReportAction(Role role, ReportAction action, const ReportContext& ctx,
                         std::string_view reason) {
  if (role == Role::kDepartment || role == Role::kLeader)
    return Status::PermissionDenied(std::string(RoleNameZh(role)) + "只能查看企业月报");
  const bool filing = action == ReportAction::kEdit || action == ReportAction::kSubmit;
  if (!filing && !IsReviewer(role))
    return Status::PermissionDenied("只有园区管理员可以审核或解锁企业月报");

  if (filing) {
    if (ctx.state != ReportState::kDraft && ctx.state != ReportState::kReturned)
      return ctx.state == ReportState::kApproved
                 ? Status::Conflict("月报已审核并锁定，需园区管理员解锁后才能修改")
                 : StateConflict(ctx.state, action);
    if (ctx.today < OpensOn(ctx.period))
      return Status::Conflict(ctx.period.ToString() + "尚未结束，次月1日起方可填报");
    // The deadline binds the enterprise's own first filing; a returned report can always be
    // corrected, and park staff may file on the enterprise's behalf.
    if (role == Role::kEnterprise && ctx.state == ReportState::kDraft && IsFilingClosed(ctx))
      return Status::Conflict("已过报送截止日期（" + ReportDeadline(ctx.period, ctx.policy).ToString() +
                              "），该期已锁定，请联系园区管理员开放补报");
    return Status::Ok();
  }
  ReportState needed = action == ReportAction::kUnlock ? ReportState::kApproved : ReportState::kSubmitted;
  if (ctx.state != needed) return StateConflict(ctx.state, action);
  if (action != ReportAction::kApprove && IsBlank(reason))
    return Status::FieldInvalid("reason", action == ReportAction::kReturn ? "退回时必须填写原因"
                                                                           : "解锁时必须填写原因");
  return Status::Ok();
}

StatusOr<ReportState> NextReportState(ReportState state, ReportAction action) {
  switch (action) {
    case ReportAction::kEdit:
      if (state == ReportState::kDraft || state == ReportState::kReturned) return state;
      break;
    case ReportAction::kSubmit:
      if (state == ReportState::kDraft || state == ReportState::kReturned) return ReportState::kSubmitted;
      break;
    case ReportAction::kApprove:
      if (state == ReportState::kSubmitted) return ReportState::kApproved;
      break;
    case ReportAction::kReturn:
      if (state == ReportState::kSubmitted) return ReportState::kReturned;
      break;
    case ReportAction::kUnlock:
      if (state == ReportState::kApproved) return ReportState::kReturned;
      break;
  }
  return StateConflict(state, action);
}

const char* QueueStatusName(QueueStatus q) {
  switch (q) {
    case QueueStatus::kNotYetOpen: return "not_yet_open";
    case QueueStatus::kDue: return "due";
    case QueueStatus::kOverdue: return "overdue";
    case QueueStatus::kReturned: return "returned";
    case QueueStatus::kDone: return "done";
  }
  return "due";
}

QueueItem ClassifyForQueue(std::optional<ReportState> state, Period period, Date today,
                           const DeadlinePolicy& policy, std::optional<Date> exception_until) {
  QueueItem item;
  item.deadline = EffectiveDeadline(period, policy, exception_until);
  item.days_left = item.deadline.DaysSinceEpoch() - today.DaysSinceEpoch();
  if (state == ReportState::kSubmitted || state == ReportState::kApproved) item.status = QueueStatus::kDone;
  else if (state == ReportState::kReturned) item.status = QueueStatus::kReturned;
  else if (today < OpensOn(period)) item.status = QueueStatus::kNotYetOpen;
  else item.status = item.days_left < 0 ? QueueStatus::kOverdue : QueueStatus::kDue;
  return item;
}

}  // namespace parkhq::enterprise
