#include "domain/project/stage_rules.h"

#include <gtest/gtest.h>

#include <functional>

#include "domain/project/test_fixtures.h"

namespace parkhq::project {
namespace {

using testing::D;
using testing::ProjectBuilder;
constexpr Stage kReserve = Stage::kReserve, kSigned = Stage::kSigned, kLanded = Stage::kLanded,
                kStarted = Stage::kStarted, kCompleted = Stage::kCompleted,
                kProduction = Stage::kProduction;
const Date kToday = D("2023-06-30");

// 储备 2023-01-05, 签约 2023-02-01.
Project SignedProject() {
  return ProjectBuilder(1).Actual(kReserve, "2023-01-05").Actual(kSigned, "2023-02-01").Build();
}
// 签约 2022-02-01, 落地 2022-03-01, 开工 2022-04-01.
Project StartedProjectOfKind(Kind kind) {
  return ProjectBuilder(2, kind)
      .Actual(kSigned, "2022-02-01")
      .Actual(kLanded, "2022-03-01")
      .Actual(kStarted, "2022-04-01")
      .Build();
}
Project StartedProject() { return StartedProjectOfKind(Kind::kNew); }
Project ContinuingProject() { return StartedProjectOfKind(Kind::kContinuing); }

StageChangeRequest Req(Stage to, const char* date, bool admin = false, std::string reason = "") {
  StageChangeRequest r;
  r.to = to;
  r.date = D(date);
  r.by_admin = admin;
  r.reason = std::move(reason);
  return r;
}

struct StageCase {
  const char* name;
  std::function<Project()> project;
  StageChangeRequest request;
  StatusCode code;
  std::string expect;  // a substring of the message (refusals) or the field (validation)
};

std::vector<StageCase> StageCases() {
  auto with_skipped = [](StageChangeRequest r, Stage s, const char* d) {
    r.skipped_dates[s] = D(d);
    return r;
  };
  auto suspended = [] {
    Project p = StartedProject();
    p.suspended_on = D("2023-05-01");
    return p;
  };
  auto terminated = [] {
    Project p = SignedProject();
    p.terminated_on = D("2023-03-01");
    return p;
  };
  auto resumed = [] {
    Project p = ContinuingProject();
    p.resumed_on.push_back(D("2023-03-01"));
    return p;
  };
  return {
      {"one step forward", SignedProject, Req(kLanded, "2023-03-01"), StatusCode::kOk, ""},
      {"skip fills with the move date", SignedProject, Req(kStarted, "2023-03-15"), StatusCode::kOk,
       ""},
      {"skip with a given date", SignedProject,
       with_skipped(Req(kStarted, "2023-03-15"), kLanded, "2023-03-01"), StatusCode::kOk, ""},
      {"skipped date after the move", SignedProject,
       with_skipped(Req(kStarted, "2023-03-15"), kLanded, "2023-04-01"), StatusCode::kValidation,
       "dates.landed"},
      {"skipped date before the current stage", SignedProject,
       with_skipped(Req(kStarted, "2023-03-15"), kLanded, "2023-01-31"), StatusCode::kValidation,
       "dates.landed"},
      {"date for a stage not skipped", SignedProject,
       with_skipped(Req(kLanded, "2023-03-15"), kStarted, "2023-03-15"), StatusCode::kValidation,
       "dates.started"},
      {"date before the current stage", SignedProject, Req(kLanded, "2023-01-31"),
       StatusCode::kValidation, "date"},
      {"date on the current stage's date", SignedProject, Req(kLanded, "2023-02-01"),
       StatusCode::kOk, ""},
      {"date in the future", SignedProject, Req(kLanded, "2023-07-01"), StatusCode::kValidation,
       "date"},
      {"production before completion refused", StartedProject, Req(kProduction, "2023-05-01"),
       StatusCode::kConflict, "投产须先竣工"},
      {"admin override needs a reason", StartedProject, Req(kProduction, "2023-05-01", true),
       StatusCode::kValidation, "reason"},
      {"admin override with a reason", StartedProject,
       Req(kProduction, "2023-05-01", true, "边建设边投产"), StatusCode::kOk, ""},
      {"production with a completion date", StartedProject,
       with_skipped(Req(kProduction, "2023-05-01"), kCompleted, "2023-04-20"), StatusCode::kOk, ""},
      {"terminated project", terminated, Req(kLanded, "2023-04-01", true, "x"),
       StatusCode::kConflict, "终止项目不可变更"},
      {"suspended project forward", suspended, Req(kCompleted, "2023-06-01"), StatusCode::kConflict,
       "停缓建项目先恢复"},
      {"suspended project backward by admin", suspended,
       Req(kLanded, "2023-06-01", true, "录入错误"), StatusCode::kOk, ""},
      {"backward by a non-admin", StartedProject, Req(kLanded, "2023-06-01"), StatusCode::kConflict,
       "回退须管理员说明理由"},
      {"backward by an admin without reason", StartedProject, Req(kLanded, "2023-06-01", true),
       StatusCode::kValidation, "reason"},
      {"backward by an admin with reason", StartedProject,
       Req(kSigned, "2023-06-01", true, "录入错误"), StatusCode::kOk, ""},
      {"same stage", SignedProject, Req(kSigned, "2023-06-01"), StatusCode::kConflict, "已处于"},
      {"same stage 开工 on a new project", StartedProject, Req(kStarted, "2023-03-01"),
       StatusCode::kConflict, "已处于"},
      {"resumption of a continuing project", ContinuingProject, Req(kStarted, "2023-03-01"),
       StatusCode::kOk, ""},
      {"second resumption in a year", resumed, Req(kStarted, "2023-04-01"), StatusCode::kConflict,
       "复工每年一次"},
      {"resumption in the year it started", ContinuingProject, Req(kStarted, "2022-09-01"),
       StatusCode::kConflict, "复工每年一次"},
      {"resumption before it started", ContinuingProject, Req(kStarted, "2022-03-01"),
       StatusCode::kValidation, "date"},
  };
}

TEST(StageRulesTest, Table) {
  for (const StageCase& c : StageCases()) {
    SCOPED_TRACE(c.name);
    auto result = CheckStageChange(c.project(), c.request, kToday);
    EXPECT_EQ(result.status().code(), c.code) << result.status().ToString();
    if (c.code == StatusCode::kConflict) {
      EXPECT_NE(result.status().message().find(c.expect), std::string::npos)
          << result.status().message();
    } else if (c.code == StatusCode::kValidation) {
      ASSERT_FALSE(result.status().details().empty());
      EXPECT_EQ(result.status().details()[0].field, c.expect);
    }
  }
}

TEST(StageRulesTest, SkipFillsIntermediateDatesAndApplies) {
  Project p = SignedProject();
  auto change = CheckStageChange(p, Req(kStarted, "2023-03-15"), kToday);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->filled, (std::vector<Stage>{kLanded, kStarted}));
  ApplyStageChange(p, *change);
  EXPECT_EQ(p.stage, kStarted);
  EXPECT_EQ(p.actual[kLanded], D("2023-03-15"));
  EXPECT_EQ(p.actual[kStarted], D("2023-03-15"));
  EXPECT_EQ(p.actual[kSigned], D("2023-02-01"));  // untouched
}

TEST(StageRulesTest, OverrideLeavesCompletionWithoutDate) {
  Project p = StartedProject();
  auto change = CheckStageChange(p, Req(kProduction, "2023-05-01", true, "边建设边投产"), kToday);
  ASSERT_TRUE(change.ok());
  EXPECT_TRUE(change->override_used);
  EXPECT_EQ(change->reason, "边建设边投产");
  ApplyStageChange(p, *change);
  EXPECT_EQ(p.stage, kProduction);
  EXPECT_FALSE(p.actual[kCompleted].has_value());
  EXPECT_EQ(p.actual[kProduction], D("2023-05-01"));
}

TEST(StageRulesTest, BackwardClearsLaterDatesAndResumptions) {
  Project p = ContinuingProject();
  p.resumed_on.push_back(D("2023-03-01"));
  auto change = CheckStageChange(p, Req(kSigned, "2023-06-01", true, "录入错误"), kToday);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->cleared, (std::vector<Stage>{kLanded, kStarted}));
  ApplyStageChange(p, *change);
  EXPECT_EQ(p.stage, kSigned);
  EXPECT_FALSE(p.actual[kLanded].has_value());
  EXPECT_TRUE(p.resumed_on.empty());
}

TEST(StageRulesTest, BackwardToAnOverriddenStageTakesTheRequestDate) {
  Project p = StartedProject();
  ApplyStageChange(p, *CheckStageChange(p, Req(kProduction, "2023-05-01", true, "r"), kToday));
  auto change = CheckStageChange(p, Req(kCompleted, "2023-05-10", true, "实为竣工"), kToday);
  ASSERT_TRUE(change.ok());
  ApplyStageChange(p, *change);
  EXPECT_EQ(p.stage, kCompleted);
  EXPECT_EQ(p.actual[kCompleted], D("2023-05-10"));
  EXPECT_FALSE(p.actual[kProduction].has_value());
}

TEST(StageRulesTest, ResumptionIsRecorded) {
  Project p = ContinuingProject();
  auto change = CheckStageChange(p, Req(kStarted, "2023-03-01"), kToday);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->type, ChangeType::kResume);
  ApplyStageChange(p, *change);
  EXPECT_EQ(p.resumed_on, (std::vector<Date>{D("2023-03-01")}));
  EXPECT_EQ(p.stage, kStarted);
}

// ---- Flags ----------------------------------------------------------------------------------
struct FlagCase {
  const char* name;
  std::function<Project()> project;
  FlagAction action;
  const char* date;
  const char* reason;
  StatusCode code;
  std::string expect;
};

TEST(FlagRulesTest, Table) {
  auto reserve = [] { return ProjectBuilder(3).Actual(kReserve, "2023-01-01").Build(); };
  auto producing = [] {
    return ProjectBuilder(4)
        .Actual(kCompleted, "2023-01-01")
        .Actual(kProduction, "2023-02-01")
        .Build();
  };
  auto suspended = [] {
    Project p = StartedProject();
    p.suspended_on = D("2023-05-01");
    return p;
  };
  auto terminated = [] {
    Project p = SignedProject();
    p.terminated_on = D("2023-03-01");
    return p;
  };
  const FlagCase cases[] = {
      {"suspend a started project", StartedProject, FlagAction::kSuspend, "2023-05-01", "资金",
       StatusCode::kOk, ""},
      {"suspend without reason", StartedProject, FlagAction::kSuspend, "2023-05-01", "",
       StatusCode::kValidation, "reason"},
      {"suspend a reserve project", reserve, FlagAction::kSuspend, "2023-05-01", "资金",
       StatusCode::kConflict, "停缓建适用阶段"},
      {"suspend twice", suspended, FlagAction::kSuspend, "2023-06-01", "资金",
       StatusCode::kConflict, "已于"},
      {"suspend before the stage date", SignedProject, FlagAction::kSuspend, "2023-01-31", "资金",
       StatusCode::kValidation, "date"},
      {"lift a suspension", suspended, FlagAction::kLiftSuspension, "2023-06-01", "",
       StatusCode::kOk, ""},
      {"lift on the suspension date", suspended, FlagAction::kLiftSuspension, "2023-05-01", "",
       StatusCode::kOk, ""},
      {"lift before the suspension", suspended, FlagAction::kLiftSuspension, "2023-04-30", "",
       StatusCode::kValidation, "date"},
      {"lift when not suspended", StartedProject, FlagAction::kLiftSuspension, "2023-06-01", "",
       StatusCode::kConflict, "未停缓建"},
      {"terminate", SignedProject, FlagAction::kTerminate, "2023-06-01", "企业撤资",
       StatusCode::kOk, ""},
      {"terminate a producing project", producing, FlagAction::kTerminate, "2023-06-01", "x",
       StatusCode::kConflict, "投产项目不可终止"},
      {"anything on a terminated project", terminated, FlagAction::kLiftSuspension, "2023-06-01",
       "", StatusCode::kConflict, "终止项目不可变更"},
      {"future date", StartedProject, FlagAction::kSuspend, "2023-07-01", "资金",
       StatusCode::kValidation, "date"},
  };
  for (const FlagCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto result = CheckFlagChange(c.project(), {c.action, D(c.date), c.reason}, kToday);
    EXPECT_EQ(result.status().code(), c.code) << result.status().ToString();
    if (c.code == StatusCode::kConflict) {
      EXPECT_NE(result.status().message().find(c.expect), std::string::npos)
          << result.status().message();
    } else if (c.code == StatusCode::kValidation) {
      ASSERT_FALSE(result.status().details().empty());
      EXPECT_EQ(result.status().details()[0].field, c.expect);
    }
  }
}

TEST(FlagRulesTest, LiftingASuspensionInConstructionIsAResumption) {
  Project p = StartedProject();
  ApplyFlagChange(p, *CheckFlagChange(p, {FlagAction::kSuspend, D("2023-02-01"), "资金"}, kToday));
  EXPECT_EQ(p.suspended_on, D("2023-02-01"));
  auto lift = CheckFlagChange(p, {FlagAction::kLiftSuspension, D("2023-04-01"), ""}, kToday);
  ASSERT_TRUE(lift.ok());
  EXPECT_TRUE(lift->records_resumption);
  ApplyFlagChange(p, *lift);
  EXPECT_FALSE(p.suspended_on.has_value());
  EXPECT_EQ(p.resumed_on, (std::vector<Date>{D("2023-04-01")}));
}

TEST(FlagRulesTest, LiftingBeforeConstructionIsNoResumption) {
  Project p = SignedProject();
  p.suspended_on = D("2023-03-01");
  auto lift = CheckFlagChange(p, {FlagAction::kLiftSuspension, D("2023-04-01"), ""}, kToday);
  ASSERT_TRUE(lift.ok());
  EXPECT_FALSE(lift->records_resumption);
  ApplyFlagChange(p, *lift);
  EXPECT_TRUE(p.resumed_on.empty());
}

}  // namespace
}  // namespace parkhq::project
