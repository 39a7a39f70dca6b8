#include "domain/project/rates_calc.h"

#include <gtest/gtest.h>

#include "domain/project/test_fixtures.h"

namespace parkhq::project {
namespace {

using testing::D;
using testing::ProjectBuilder;
using Ids = std::vector<int64_t>;
constexpr Stage kReserve = Stage::kReserve, kSigned = Stage::kSigned, kLanded = Stage::kLanded,
                kStarted = Stage::kStarted, kCompleted = Stage::kCompleted,
                kProduction = Stage::kProduction;

// ---- 履约率 -------------------------------------------------------------------------------------
std::vector<Project> FulfilmentFixture() {
  return {
      // 1: landed exactly on the agreed date → numerator.
      ProjectBuilder(1)
          .Actual(kSigned, "2023-01-10")
          .Planned(kLanded, "2023-03-31")
          .Actual(kLanded, "2023-03-31")
          .Build(),
      // 2: landed two days late → denominator only.
      ProjectBuilder(2)
          .Actual(kSigned, "2023-01-15")
          .Planned(kLanded, "2023-04-30")
          .Actual(kLanded, "2023-05-02")
          .Build(),
      // 3: agreed date == the rate date (counts as passed), not landed → denominator only.
      ProjectBuilder(3).Actual(kSigned, "2023-02-01").Planned(kLanded, "2023-06-30").Build(),
      // 4: agreed date the day after → not counted.
      ProjectBuilder(4).Actual(kSigned, "2023-02-01").Planned(kLanded, "2023-07-01").Build(),
      // 5: no 落地 date but 开工 before the agreed date (a later stage implies it) → numerator.
      ProjectBuilder(5)
          .Actual(kSigned, "2023-02-01")
          .Planned(kLanded, "2023-05-31")
          .Actual(kStarted, "2023-05-20")
          .Build(),
      // 6: terminated without landing: a breach, stays in the denominator.
      ProjectBuilder(6)
          .Actual(kSigned, "2023-01-05")
          .Planned(kLanded, "2023-03-01")
          .Terminated("2023-04-01")
          .Build(),
      // 7: still in reserve (never signed) → not counted.
      ProjectBuilder(7).Actual(kReserve, "2023-01-01").Planned(kLanded, "2023-03-01").Build(),
      // 8: agreed date in the previous year → outside the window.
      ProjectBuilder(8).Actual(kSigned, "2022-06-01").Planned(kLanded, "2022-12-31").Build(),
      // 9: landed on time, suspended later → numerator.
      ProjectBuilder(9)
          .Actual(kSigned, "2023-01-01")
          .Planned(kLanded, "2023-02-28")
          .Actual(kLanded, "2023-02-20")
          .Suspended("2023-03-01")
          .Build(),
  };
}

TEST(FulfilmentRateTest, HandCheckedFixture) {
  auto projects = FulfilmentFixture();
  // denominator {1,2,3,5,6,9} = 6; numerator {1,5,9} = 3; 3 / 6 = 50%.
  RateResult r = FulfilmentRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.code, RateCode::kFulfilment);
  EXPECT_EQ(r.denominator, 6);
  EXPECT_EQ(r.numerator, 3);
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 3, 5, 6, 9}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 5, 9}));
  ASSERT_TRUE(r.value_pct.has_value());
  EXPECT_DOUBLE_EQ(*r.value_pct, 50.0);
}

TEST(FulfilmentRateTest, DayBeforeAgreedDateLeavesProjectOut) {
  auto projects = FulfilmentFixture();
  // On 06-29 project 3 is not due yet: 3 / 5 = 60%.
  RateResult r = FulfilmentRate(projects, D("2023-06-29"));
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 5, 6, 9}));
  EXPECT_DOUBLE_EQ(*r.value_pct, 60.0);
}

TEST(FulfilmentRateTest, SignedAfterRateDateNotCounted) {
  // Signed 2023-03-10, agreed landing 2023-03-01 (odd but possible); at 03-05 not yet signed.
  std::vector<Project> projects = {
      ProjectBuilder(1).Actual(kSigned, "2023-03-10").Planned(kLanded, "2023-03-01").Build()};
  EXPECT_EQ(FulfilmentRate(projects, D("2023-03-05")).denominator, 0);
  EXPECT_EQ(FulfilmentRate(projects, D("2023-03-10")).denominator, 1);
}

// ---- 开工率 / 复工率 / 开(复)工率
// ----------------------------------------------------------------
std::vector<Project> StartFixture() {
  return {
      ProjectBuilder(1)
          .Planned(kStarted, "2023-03-15")
          .Actual(kSigned, "2023-01-01")
          .Actual(kStarted, "2023-03-20")
          .Build(),  // late but started → numerator
      ProjectBuilder(2)
          .Planned(kStarted, "2023-06-30")
          .Actual(kSigned, "2023-01-01")
          .Actual(kStarted, "2023-06-30")
          .Build(),  // planned and started on the date itself
      ProjectBuilder(3)
          .Planned(kStarted, "2023-05-01")
          .Actual(kLanded, "2023-03-01")
          .Suspended("2023-04-20")
          .Build(),  // suspended, not started → denominator only
      ProjectBuilder(4)
          .Planned(kStarted, "2023-04-01")
          .Actual(kLanded, "2023-03-01")
          .Terminated("2023-05-01")
          .Build(),  // terminated → out
      ProjectBuilder(5)
          .Planned(kStarted, "2023-07-01")
          .Actual(kStarted, "2023-06-01")
          .Build(),  // planned after the date: out even though started early
      ProjectBuilder(6)
          .Planned(kStarted, "2022-11-01")
          .Actual(kLanded, "2022-09-01")
          .Build(),  // planned last year: out
      ProjectBuilder(7, Kind::kContinuing)
          .Planned(kStarted, "2023-03-01")
          .Actual(kStarted, "2022-05-01")
          .Build(),  // continuing: not in 开工率
      ProjectBuilder(8)
          .Planned(kStarted, "2023-02-01")
          .Actual(kLanded, "2023-01-10")
          .Terminated("2023-07-15")
          .Build(),  // terminated after the date → still in
      ProjectBuilder(9)
          .Planned(kStarted, "2023-01-10")
          .Actual(kLanded, "2023-01-02")
          .Build(),  // not started by the date (assume it starts 07-02 later)
  };
}

std::vector<Project> ResumeFixture() {
  return {
      ProjectBuilder(11, Kind::kContinuing)
          .Actual(kStarted, "2022-05-01")
          .Resumed("2023-03-01")
          .Build(),  // resumed this year → numerator
      ProjectBuilder(12, Kind::kContinuing)
          .Actual(kStarted, "2022-04-01")
          .Resumed("2022-03-01")
          .Build(),  // resumed only last year → denominator only
      ProjectBuilder(13, Kind::kContinuing)
          .Actual(kStarted, "2021-05-01")
          .Actual(kCompleted, "2022-10-01")
          .Build(),  // completed before the year → out
      ProjectBuilder(14, Kind::kContinuing)
          .Actual(kStarted, "2022-06-01")
          .Resumed("2023-03-15")
          .Actual(kCompleted, "2023-05-01")
          .Build(),  // completed this year → in, resumed
      ProjectBuilder(15, Kind::kContinuing)
          .Actual(kStarted, "2022-06-01")
          .Terminated("2023-02-01")
          .Build(),  // terminated → out
      ProjectBuilder(16, Kind::kContinuing)
          .Actual(kStarted, "2022-08-01")
          .Suspended("2022-12-01")
          .Build(),  // still suspended → denominator only
      ProjectBuilder(17, Kind::kContinuing)
          .Actual(kStarted, "2022-08-01")
          .Resumed("2023-07-01")
          .Build(),  // resumes the day after → denominator only
      ProjectBuilder(18, Kind::kContinuing)
          .Actual(kStarted, "2023-06-30")
          .Build(),  // first started this year, on the date → numerator
  };
}

TEST(StartRateTest, HandCheckedFixture) {
  auto projects = StartFixture();
  // denominator {1,2,3,8,9} = 5; numerator {1,2} = 2; 2 / 5 = 40%.
  RateResult r = StartRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 3, 8, 9}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 2}));
  EXPECT_DOUBLE_EQ(*r.value_pct, 40.0);
}

TEST(StartRateTest, DayBeforeLeavesProjectPlannedOnTheDateOut) {
  auto projects = StartFixture();
  // On 06-29 project 2 is neither planned nor started: denominator {1,3,8,9}, numerator {1}: 25%.
  RateResult r = StartRate(projects, D("2023-06-29"));
  EXPECT_EQ(r.denominator_ids, (Ids{1, 3, 8, 9}));
  EXPECT_EQ(r.numerator_ids, (Ids{1}));
  EXPECT_DOUBLE_EQ(*r.value_pct, 25.0);
}

TEST(StartRateTest, TerminatedAfterTheDateCountsBeforeIt) {
  auto projects = StartFixture();
  // Project 8 is terminated on 07-15: on 07-15 it is out. Window now includes 5 (planned 07-01):
  // denominator {1,2,3,5,9}, numerator {1,2,5}: 60%.
  RateResult r = StartRate(projects, D("2023-07-15"));
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 3, 5, 9}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 2, 5}));
  EXPECT_DOUBLE_EQ(*r.value_pct, 60.0);
}

TEST(ResumeRateTest, HandCheckedFixture) {
  auto projects = ResumeFixture();
  // denominator {11,12,14,16,17,18} = 6; numerator {11,14,18} = 3; 50%.
  RateResult r = ResumeRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.denominator_ids, (Ids{11, 12, 14, 16, 17, 18}));
  EXPECT_EQ(r.numerator_ids, (Ids{11, 14, 18}));
  EXPECT_DOUBLE_EQ(*r.value_pct, 50.0);
}

TEST(StartResumeRateTest, UnionOfBoth) {
  auto projects = StartFixture();
  auto resume = ResumeFixture();
  projects.insert(projects.end(), resume.begin(), resume.end());
  // The start fixture's project 7 is continuing (started 2022, no 复工 yet): it joins the 复工
  // denominator. denominator 5 (开工) + 6 (复工) + 1 (project 7) = 12; numerator 2 + 3 = 5;
  // 5 / 12 = 41.666...%.
  RateResult r = StartResumeRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.denominator, 12);
  EXPECT_EQ(r.numerator, 5);
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 3, 7, 8, 9, 11, 12, 14, 16, 17, 18}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 2, 11, 14, 18}));
  EXPECT_NEAR(*r.value_pct, 500.0 / 12.0, 1e-9);
  // And the union equals the two rates taken separately.
  RateResult start = StartRate(projects, D("2023-06-30"));
  RateResult resume_rate = ResumeRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.denominator, start.denominator + resume_rate.denominator);
  EXPECT_EQ(r.numerator, start.numerator + resume_rate.numerator);
}

// ---- 按期竣工率 / 投产率 ------------------------------------------------------------------------
TEST(OnTimeCompletionRateTest, HandCheckedFixture) {
  std::vector<Project> projects = {
      ProjectBuilder(1)
          .Planned(kCompleted, "2023-04-30")
          .Actual(kStarted, "2022-05-01")
          .Actual(kCompleted, "2023-04-30")
          .Build(),  // on the planned date → numerator
      ProjectBuilder(2)
          .Planned(kCompleted, "2023-05-31")
          .Actual(kStarted, "2022-05-01")
          .Actual(kCompleted, "2023-06-10")
          .Build(),  // late → denominator only
      ProjectBuilder(3)
          .Planned(kCompleted, "2023-06-30")
          .Actual(kStarted, "2022-05-01")
          .Build(),  // due on the date, not completed → denominator only
      ProjectBuilder(4)
          .Planned(kCompleted, "2023-03-31")
          .Actual(kStarted, "2022-05-01")
          .Actual(kProduction, "2023-03-20")
          .Build(),  // 投产 by override, no 竣工 date → numerator
      ProjectBuilder(5)
          .Planned(kCompleted, "2023-02-28")
          .Actual(kStarted, "2022-05-01")
          .Terminated("2023-03-10")
          .Build(),  // terminated → out
      ProjectBuilder(6)
          .Planned(kCompleted, "2023-07-31")
          .Actual(kStarted, "2022-05-01")
          .Build(),  // due after the date → out
      ProjectBuilder(7)
          .Planned(kCompleted, "2023-01-31")
          .Actual(kStarted, "2022-05-01")
          .Actual(kCompleted, "2022-12-20")
          .Build(),  // early, last year → numerator
      ProjectBuilder(8)
          .Planned(kCompleted, "2023-05-01")
          .Actual(kStarted, "2022-05-01")
          .Suspended("2023-02-01")
          .Build(),  // suspended → denominator only
  };
  // denominator {1,2,3,4,7,8} = 6; numerator {1,4,7} = 3; 50%.
  RateResult r = OnTimeCompletionRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 3, 4, 7, 8}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 4, 7}));
  EXPECT_DOUBLE_EQ(*r.value_pct, 50.0);
}

TEST(ProductionRateTest, HandCheckedFixture) {
  std::vector<Project> projects = {
      ProjectBuilder(1)
          .Planned(kProduction, "2023-05-31")
          .Actual(kCompleted, "2023-04-01")
          .Actual(kProduction, "2023-06-15")
          .Build(),  // late but producing by the date
      ProjectBuilder(2)
          .Planned(kProduction, "2023-06-30")
          .Actual(kCompleted, "2023-04-01")
          .Build(),  // due on the date, not producing
      ProjectBuilder(3)
          .Planned(kProduction, "2023-08-31")
          .Actual(kCompleted, "2023-04-01")
          .Actual(kProduction, "2023-06-01")
          .Build(),  // early, planned later → out
      ProjectBuilder(4)
          .Planned(kProduction, "2023-03-31")
          .Actual(kCompleted, "2023-01-01")
          .Terminated("2023-02-01")
          .Build(),  // terminated → out
      ProjectBuilder(5)
          .Planned(kProduction, "2023-01-31")
          .Actual(kCompleted, "2022-12-01")
          .Actual(kProduction, "2023-01-31")
          .Build(),  // on the planned date
  };
  // denominator {1,2,5} = 3; numerator {1,5} = 2; 66.666...%.
  RateResult r = ProductionRate(projects, D("2023-06-30"));
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 5}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 5}));
  EXPECT_NEAR(*r.value_pct, 200.0 / 3.0, 1e-9);
}

}  // namespace
}  // namespace parkhq::project
