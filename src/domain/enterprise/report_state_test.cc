#include "domain/enterprise/report_state.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
Period P(const char* s) { return *Period::Parse(s); }

TEST(ReportDeadlineTest, NthDayOfNextMonthClamped) {
  EXPECT_EQ(ReportDeadline(P("2023-06"), {10}), D("2023-07-10"));
  EXPECT_EQ(ReportDeadline(P("2023-12"), {10}), D("2024-01-10"));  // crosses the year
  EXPECT_EQ(ReportDeadline(P("2023-01"), {31}), D("2023-02-28"));  // clamped to February
  EXPECT_EQ(ReportDeadline(P("2024-01"), {31}), D("2024-02-29"));  // leap year
  EXPECT_EQ(ReportDeadline(P("2023-06"), {1}), D("2023-07-01"));
  EXPECT_TRUE(ValidateDeadlinePolicy({15}).ok());
  EXPECT_EQ(ValidateDeadlinePolicy({0}).details()[0].field, "day_of_next_month");
  EXPECT_FALSE(ValidateDeadlinePolicy({32}).ok());
}

TEST(ReportDeadlineTest, FilingClosesAfterTheDeadlineDay) {
  ReportContext ctx{ReportState::kDraft, P("2023-06"), D("2023-07-10"), {10}, std::nullopt};
  EXPECT_FALSE(IsFilingClosed(ctx));  // the deadline day itself is still open
  ctx.today = D("2023-07-11");
  EXPECT_TRUE(IsFilingClosed(ctx));
  ctx.exception_until = D("2023-07-20");
  EXPECT_FALSE(IsFilingClosed(ctx));
  ctx.today = D("2023-07-21");
  EXPECT_TRUE(IsFilingClosed(ctx));
  ctx.exception_until = D("2023-07-05");  // an exception earlier than the deadline changes nothing
  ctx.today = D("2023-07-08");
  EXPECT_FALSE(IsFilingClosed(ctx));
}

// Expected outcome of CheckReportAction, as a status code.
struct Case {
  Role role;
  ReportAction action;
  ReportState state;
  const char* today;
  const char* reason;
  StatusCode want;
};

TEST(ReportStateTest, WhoMayDoWhatWhen) {
  using R = Role;
  using A = ReportAction;
  using S = ReportState;
  const StatusCode ok = StatusCode::kOk, denied = StatusCode::kPermissionDenied,
                   conflict = StatusCode::kConflict, invalid = StatusCode::kValidation;
  // Period 2023-06, deadline 2023-07-10.
  const Case kCases[] = {
      // Enterprise files its own report.
      {R::kEnterprise, A::kEdit, S::kDraft, "2023-07-05", "", ok},
      {R::kEnterprise, A::kSubmit, S::kDraft, "2023-07-10", "", ok},
      {R::kEnterprise, A::kSubmit, S::kDraft, "2023-07-11", "", conflict},   // past the deadline
      {R::kEnterprise, A::kEdit, S::kDraft, "2023-06-30", "", conflict},     // month not over
      {R::kEnterprise, A::kEdit, S::kReturned, "2023-07-20", "", ok},        // corrections always open
      {R::kEnterprise, A::kSubmit, S::kReturned, "2023-08-01", "", ok},
      {R::kEnterprise, A::kEdit, S::kSubmitted, "2023-07-05", "", conflict}, // under review
      {R::kEnterprise, A::kEdit, S::kApproved, "2023-07-05", "", conflict},  // locked
      {R::kEnterprise, A::kApprove, S::kSubmitted, "2023-07-05", "", denied},
      {R::kEnterprise, A::kReturn, S::kSubmitted, "2023-07-05", "x", denied},
      {R::kEnterprise, A::kUnlock, S::kApproved, "2023-07-05", "x", denied},
      // Park admin reviews, and may file on the enterprise's behalf after the deadline.
      {R::kParkAdmin, A::kApprove, S::kSubmitted, "2023-07-12", "", ok},
      {R::kParkAdmin, A::kApprove, S::kDraft, "2023-07-12", "", conflict},
      {R::kParkAdmin, A::kApprove, S::kApproved, "2023-07-12", "", conflict},
      {R::kParkAdmin, A::kReturn, S::kSubmitted, "2023-07-12", "增加值与产值比例异常", ok},
      {R::kParkAdmin, A::kReturn, S::kSubmitted, "2023-07-12", " ", invalid},
      {R::kParkAdmin, A::kReturn, S::kApproved, "2023-07-12", "x", conflict},
      {R::kParkAdmin, A::kUnlock, S::kApproved, "2023-08-02", "统计局反馈数据有误", ok},
      {R::kParkAdmin, A::kUnlock, S::kApproved, "2023-08-02", "", invalid},
      {R::kParkAdmin, A::kUnlock, S::kSubmitted, "2023-08-02", "x", conflict},
      {R::kParkAdmin, A::kEdit, S::kDraft, "2023-07-20", "", ok},            // 代报 after deadline
      {R::kParkAdmin, A::kSubmit, S::kDraft, "2023-07-20", "", ok},
      {R::kParkAdmin, A::kEdit, S::kApproved, "2023-07-20", "", conflict},   // unlock first
      {R::kSysadmin, A::kApprove, S::kSubmitted, "2023-07-12", "", ok},
      // Departments and leaders only read.
      {R::kDepartment, A::kEdit, S::kDraft, "2023-07-05", "", denied},
      {R::kDepartment, A::kApprove, S::kSubmitted, "2023-07-05", "", denied},
      {R::kLeader, A::kSubmit, S::kDraft, "2023-07-05", "", denied},
      {R::kLeader, A::kUnlock, S::kApproved, "2023-07-05", "x", denied},
  };
  for (const Case& c : kCases) {
    ReportContext ctx{c.state, P("2023-06"), D(c.today), {10}, std::nullopt};
    Status st = CheckReportAction(c.role, c.action, ctx, c.reason);
    EXPECT_EQ(st.code(), c.want) << RoleName(c.role) << " " << ReportActionName(c.action) << " "
                                 << ReportStateName(c.state) << " " << c.today << ": " << st.ToString();
  }
}

TEST(ReportStateTest, ExceptionReopensFilingForTheEnterprise) {
  ReportContext ctx{ReportState::kDraft, P("2023-06"), D("2023-07-15"), {10}, std::nullopt};
  Status closed = CheckReportAction(Role::kEnterprise, ReportAction::kSubmit, ctx, "");
  ASSERT_TRUE(closed.IsConflict());
  EXPECT_EQ(closed.message(), "已过报送截止日期（2023-07-10），该期已锁定，请联系园区管理员开放补报");
  ctx.exception_until = D("2023-07-15");
  EXPECT_TRUE(CheckReportAction(Role::kEnterprise, ReportAction::kSubmit, ctx, "").ok());
}

TEST(ReportStateTest, Messages) {
  ReportContext ctx{ReportState::kApproved, P("2023-06"), D("2023-07-05"), {10}, std::nullopt};
  EXPECT_EQ(CheckReportAction(Role::kEnterprise, ReportAction::kEdit, ctx, "").message(),
            "月报已审核并锁定，需园区管理员解锁后才能修改");
  ctx.state = ReportState::kDraft;
  EXPECT_EQ(CheckReportAction(Role::kParkAdmin, ReportAction::kApprove, ctx, "").message(),
            "月报当前状态为“草稿”，不能审核通过");
  ctx.state = ReportState::kSubmitted;
  Status no_reason = CheckReportAction(Role::kParkAdmin, ReportAction::kReturn, ctx, "");
  EXPECT_EQ(no_reason.details()[0].field, "reason");
  EXPECT_EQ(no_reason.details()[0].message, "退回时必须填写原因");
}

TEST(ReportStateTest, Transitions) {
  using S = ReportState;
  using A = ReportAction;
  EXPECT_EQ(NextReportState(S::kDraft, A::kEdit).value(), S::kDraft);
  EXPECT_EQ(NextReportState(S::kReturned, A::kEdit).value(), S::kReturned);
  EXPECT_EQ(NextReportState(S::kDraft, A::kSubmit).value(), S::kSubmitted);
  EXPECT_EQ(NextReportState(S::kReturned, A::kSubmit).value(), S::kSubmitted);
  EXPECT_EQ(NextReportState(S::kSubmitted, A::kApprove).value(), S::kApproved);
  EXPECT_EQ(NextReportState(S::kSubmitted, A::kReturn).value(), S::kReturned);
  EXPECT_EQ(NextReportState(S::kApproved, A::kUnlock).value(), S::kReturned);
  EXPECT_TRUE(NextReportState(S::kApproved, A::kEdit).status().IsConflict());
  EXPECT_TRUE(NextReportState(S::kSubmitted, A::kSubmit).status().IsConflict());
  EXPECT_TRUE(NextReportState(S::kDraft, A::kApprove).status().IsConflict());
  EXPECT_TRUE(NextReportState(S::kDraft, A::kUnlock).status().IsConflict());
  for (S s : {S::kDraft, S::kSubmitted, S::kApproved, S::kReturned})
    EXPECT_EQ(ParseReportState(ReportStateName(s)), s);
  EXPECT_FALSE(ParseReportState("locked"));
}

TEST(ReportQueueTest, Classify) {
  struct QCase { std::optional<ReportState> state; const char* today; std::optional<Date> exception;
                 QueueStatus want; int64_t days_left; };
  const QCase kCases[] = {
      {std::nullopt, "2023-06-20", std::nullopt, QueueStatus::kNotYetOpen, 20},  // 06-20 -> 07-10
      {std::nullopt, "2023-07-01", std::nullopt, QueueStatus::kDue, 9},
      {ReportState::kDraft, "2023-07-10", std::nullopt, QueueStatus::kDue, 0},
      {ReportState::kDraft, "2023-07-13", std::nullopt, QueueStatus::kOverdue, -3},
      {std::nullopt, "2023-07-13", D("2023-07-15"), QueueStatus::kDue, 2},       // exception
      {ReportState::kReturned, "2023-07-13", std::nullopt, QueueStatus::kReturned, -3},
      {ReportState::kSubmitted, "2023-07-13", std::nullopt, QueueStatus::kDone, -3},
      {ReportState::kApproved, "2023-07-05", std::nullopt, QueueStatus::kDone, 5},
  };
  for (const QCase& c : kCases) {
    QueueItem q = ClassifyForQueue(c.state, P("2023-06"), D(c.today), {10}, c.exception);
    EXPECT_EQ(q.status, c.want) << c.today << " " << QueueStatusName(q.status);
    EXPECT_EQ(q.days_left, c.days_left) << c.today;
  }
}

}  // namespace
}  // namespace parkhq::enterprise
