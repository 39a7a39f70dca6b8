#include "domain/project/pipeline_calc.h"

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
const Date kAsOf = D("2023-12-31");

std::vector<Project> Pipeline() {
  return {
      ProjectBuilder(1)
          .Actual(kReserve, "2022-01-01")
          .Actual(kSigned, "2022-03-01")
          .Actual(kLanded, "2022-05-01")
          .Actual(kStarted, "2022-08-01")
          .Actual(kCompleted, "2023-06-01")
          .Actual(kProduction, "2023-09-01")
          .Build(),
      ProjectBuilder(2)
          .Actual(kSigned, "2022-04-01")
          .Actual(kLanded, "2022-07-01")
          .Actual(kStarted, "2023-03-01")
          .Build(),
      ProjectBuilder(3).Actual(kSigned, "2022-05-01").Terminated("2022-09-01").Build(),
      ProjectBuilder(4).Actual(kSigned, "2023-02-01").Actual(kLanded, "2023-04-01").Build(),
      ProjectBuilder(5).Actual(kReserve, "2023-01-01").Build(),
      // Lands after the as-of date: counts as signed only.
      ProjectBuilder(6).Actual(kSigned, "2023-11-01").Actual(kLanded, "2024-01-15").Build(),
  };
}

TEST(CohortConversionTest, BySigningYear) {
  auto projects = Pipeline();
  auto cohorts = ConversionByCohort(projects, kAsOf);
  ASSERT_EQ(cohorts.size(), 2u);
  // 2022: signed {1,2,3}=3, landed {1,2}=2, started {1,2}=2, completed {1}=1, production {1}=1.
  const CohortConversion& c22 = cohorts[0];
  EXPECT_EQ(c22.year, 2022);
  EXPECT_EQ(c22.reached, (std::array<int, 5>{3, 2, 2, 1, 1}));
  EXPECT_EQ(c22.terminated, 1);
  EXPECT_EQ(c22.project_ids, (Ids{1, 2, 3}));
  EXPECT_NEAR(*c22.step_pct[0], 200.0 / 3, 1e-9);         // 2/3
  EXPECT_DOUBLE_EQ(*c22.step_pct[1], 100.0);              // 2/2
  EXPECT_DOUBLE_EQ(*c22.step_pct[2], 50.0);               // 1/2
  EXPECT_DOUBLE_EQ(*c22.step_pct[3], 100.0);              // 1/1
  EXPECT_NEAR(*c22.from_signed_pct[3], 100.0 / 3, 1e-9);  // 1/3 reached production
  // 2023: signed {4,6}=2, landed {4}=1, nothing later.
  const CohortConversion& c23 = cohorts[1];
  EXPECT_EQ(c23.year, 2023);
  EXPECT_EQ(c23.reached, (std::array<int, 5>{2, 1, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(*c23.step_pct[0], 50.0);
  EXPECT_DOUBLE_EQ(*c23.step_pct[1], 0.0);    // 0 of 1 landed started
  EXPECT_FALSE(c23.step_pct[2].has_value());  // 0 started: no completion rate
  EXPECT_DOUBLE_EQ(*c23.from_signed_pct[1], 0.0);
}

TEST(CohortConversionTest, AsOfDateCutsTheCohort) {
  auto projects = Pipeline();
  // On 2022-12-31 the 2023 cohort does not exist; project 2 has not started yet.
  auto cohorts = ConversionByCohort(projects, D("2022-12-31"));
  ASSERT_EQ(cohorts.size(), 1u);
  EXPECT_EQ(cohorts[0].reached, (std::array<int, 5>{3, 2, 1, 0, 0}));
}

TEST(MedianDaysInStageTest, HandChecked) {
  auto projects = Pipeline();
  auto durations = MedianDaysInStage(projects, kAsOf);
  ASSERT_EQ(durations.size(), 5u);
  // 储备: 1 from 2022-01-01 to 03-01 = 31 + 28 = 59 days; 5 has not left.
  EXPECT_EQ(durations[0].stage, kReserve);
  EXPECT_EQ(durations[0].count, 1);
  EXPECT_DOUBLE_EQ(*durations[0].median_days, 59);
  // 签约: 1: 03-01→05-01 = 61; 2: 04-01→07-01 = 91; 4: 02-01→04-01 = 59; 6 lands after as_of.
  // median of {59, 61, 91} = 61.
  EXPECT_EQ(durations[1].project_ids, (Ids{1, 2, 4}));
  EXPECT_DOUBLE_EQ(*durations[1].median_days, 61);
  // 落地: 1: 05-01→08-01 = 92; 2: 2022-07-01→2023-03-01 = 31+31+30+31+30+31+31+28 = 243.
  // even count: (92 + 243) / 2 = 167.5.
  EXPECT_DOUBLE_EQ(*durations[2].median_days, 167.5);
  // 开工: 1: 2022-08-01→2023-06-01 = 31+30+31+30+31+31+28+31+30+31 = 304.
  EXPECT_DOUBLE_EQ(*durations[3].median_days, 304);
  // 竣工: 1: 06-01→09-01 = 30+31+31 = 92.
  EXPECT_DOUBLE_EQ(*durations[4].median_days, 92);
}

TEST(MedianDaysInStageTest, EmptyAndOverriddenStages) {
  std::vector<Project> none;
  for (const auto& d : MedianDaysInStage(none, kAsOf)) {
    EXPECT_EQ(d.count, 0);
    EXPECT_FALSE(d.median_days.has_value());
  }
  // 投产 by override without a 竣工 date: 开工 lasts until 投产 (2023-01-01→03-01 = 59 days);
  // 竣工 has no date, so it is not counted.
  std::vector<Project> projects = {
      ProjectBuilder(1).Actual(kStarted, "2023-01-01").Actual(kProduction, "2023-03-01").Build()};
  auto d = MedianDaysInStage(projects, kAsOf);
  EXPECT_DOUBLE_EQ(*d[3].median_days, 59);
  EXPECT_EQ(d[4].count, 0);
}

TEST(StuckProjectsTest, DefaultLimits) {
  auto projects = Pipeline();
  // 2: 开工 since 2023-03-01 → 305 days > 180; 4: 落地 since 2023-04-01 → 274 > 180;
  // 5: 储备 since 2023-01-01 → 364 <= 365; 6: 签约 since 11-01 → 60; 3 terminated; 1 投产.
  auto stuck = StuckProjects(projects, kAsOf, StuckSettings{});
  ASSERT_EQ(stuck.size(), 2u);
  EXPECT_EQ(stuck[0].project_id, 2);
  EXPECT_EQ(stuck[0].stage, kStarted);
  EXPECT_EQ(stuck[0].days_in_stage, 305);
  EXPECT_EQ(stuck[0].limit_days, 180);
  EXPECT_EQ(stuck[1].project_id, 4);
  EXPECT_EQ(stuck[1].days_in_stage, 274);
}

TEST(StuckProjectsTest, LimitBoundaryAndSuspension) {
  auto projects = Pipeline();
  projects[1].suspended_on = D("2023-05-01");
  StuckSettings s;
  s.limit_days[StageIndex(kReserve)] = 364;  // 5 has exactly 364 days: not beyond the limit
  s.limit_days[StageIndex(kStarted)] = 305;
  s.limit_days[StageIndex(kLanded)] = 273;
  auto stuck = StuckProjects(projects, kAsOf, s);
  ASSERT_EQ(stuck.size(), 1u);
  EXPECT_EQ(stuck[0].project_id, 4);
  s.limit_days[StageIndex(kReserve)] = 363;
  s.limit_days[StageIndex(kStarted)] = 304;
  stuck = StuckProjects(projects, kAsOf, s);
  ASSERT_EQ(stuck.size(), 3u);
  EXPECT_EQ(stuck[0].project_id, 5);  // 364 days
  EXPECT_EQ(stuck[1].project_id, 2);  // 305 days
  EXPECT_TRUE(stuck[1].suspended);
}

TEST(StuckSettingsTest, Validation) {
  EXPECT_TRUE(ValidateStuckSettings(StuckSettings{}).ok());
  StuckSettings s;
  s.limit_days[StageIndex(kLanded)] = 0;
  Status st = ValidateStuckSettings(s);
  ASSERT_TRUE(st.IsValidation());
  EXPECT_EQ(st.details()[0].field, "limit_days.landed");
}

TEST(YearBatchesTest, ThreeBatches) {
  auto projects = Pipeline();
  YearBatches b23 = CountYearBatches(projects, 2023, kAsOf);
  EXPECT_EQ(b23.reserved, (Ids{5}));
  EXPECT_EQ(b23.in_reserve, (Ids{5}));
  EXPECT_EQ(b23.started, (Ids{2}));
  // 1 started 2022 and completed in 2023 (built during the year), 2 started 2023.
  EXPECT_EQ(b23.under_construction, (Ids{1, 2}));
  YearBatches b22 = CountYearBatches(projects, 2022, kAsOf);  // cut off at 2022-12-31
  EXPECT_EQ(b22.reserved, (Ids{1}));
  EXPECT_TRUE(b22.in_reserve.empty());
  EXPECT_EQ(b22.started, (Ids{1}));
  EXPECT_EQ(b22.under_construction, (Ids{1}));
  // Mid-2023: 2 started on 03-01 is counted on 03-01, not on 02-28.
  EXPECT_TRUE(CountYearBatches(projects, 2023, D("2023-02-28")).started.empty());
  EXPECT_EQ(CountYearBatches(projects, 2023, D("2023-03-01")).started, (Ids{2}));
}

}  // namespace
}  // namespace parkhq::project
