#include "domain/project/lights_calc.h"

#include <gtest/gtest.h>

#include "domain/project/test_fixtures.h"

namespace parkhq::project {
namespace {

using testing::D;
using testing::ProjectBuilder;
constexpr Stage kLanded = Stage::kLanded, kStarted = Stage::kStarted;

// A new project planned to start 2023-04-15 (planned month April), landed 2023-03-01.
Project PlannedApril(const char* started_on = nullptr) {
  ProjectBuilder b(1);
  b.Planned(kStarted, "2023-04-15").Actual(kLanded, "2023-03-01");
  if (started_on) b.Actual(kStarted, started_on);
  return b.Build();
}

struct StartCase {
  const char* started_on;  // nullptr: not started
  const char* date;
  int red_after_months;
  Light light;
  const char* reason;
};

TEST(StartLightTest, Table) {
  // April + 3 months ends 07-31: yellow from 05-01 through 07-31, red from 08-01.
  const StartCase cases[] = {
      {nullptr, "2023-04-01", 3, Light::kNone, "not_due"},
      {nullptr, "2023-04-30", 3, Light::kNone, "not_due"},    // last day of the planned month
      {nullptr, "2023-05-01", 3, Light::kYellow, "overdue"},  // first day after it
      {nullptr, "2023-07-31", 3, Light::kYellow, "overdue"},  // end of April + 3 months
      {nullptr, "2023-08-01", 3, Light::kRed, "overdue_long"},
      {nullptr, "2023-05-31", 1, Light::kYellow, "overdue"},  // April + 1 month ends 05-31
      {nullptr, "2023-06-01", 1, Light::kRed, "overdue_long"},
      {"2023-03-01", "2023-09-01", 3, Light::kGreen, "on_time"},  // early
      {"2023-04-30", "2023-09-01", 3, Light::kGreen, "on_time"},  // in the planned month
      {"2023-05-01", "2023-09-01", 3, Light::kYellow, "started_late"},
      {"2023-07-31", "2023-09-01", 3, Light::kYellow, "started_late"},
      {"2023-08-01", "2023-09-01", 3, Light::kRed, "started_very_late"},
      {"2023-08-01", "2023-07-15", 3, Light::kYellow, "overdue"},  // not started yet on 07-15
  };
  for (const StartCase& c : cases) {
    SCOPED_TRACE(std::string(c.started_on ? c.started_on : "-") + " @ " + c.date);
    LightSettings s;
    s.start_red_after_months = c.red_after_months;
    StartLight l = ComputeStartLight(PlannedApril(c.started_on), D(c.date), s);
    EXPECT_EQ(l.light, c.light);
    EXPECT_EQ(l.reason, c.reason);
  }
}

TEST(StartLightTest, NotApplicable) {
  LightSettings s;
  Project cont = ProjectBuilder(2, Kind::kContinuing).Planned(kStarted, "2023-04-15").Build();
  EXPECT_EQ(ComputeStartLight(cont, D("2023-09-01"), s).reason, "continuing");
  Project no_plan = ProjectBuilder(3).Actual(kLanded, "2023-03-01").Build();
  EXPECT_EQ(ComputeStartLight(no_plan, D("2023-09-01"), s).light, Light::kNone);
  EXPECT_EQ(ComputeStartLight(no_plan, D("2023-09-01"), s).reason, "no_plan");
  Project terminated = PlannedApril();
  terminated.terminated_on = D("2023-06-01");
  EXPECT_EQ(ComputeStartLight(terminated, D("2023-06-01"), s).reason, "terminated");
  EXPECT_EQ(ComputeStartLight(terminated, D("2023-05-31"), s).light, Light::kYellow);
}

TEST(TimeProgressTest, MonthsOverTwelve) {
  EXPECT_DOUBLE_EQ(TimeProgressPct(D("2023-06-30")), 50.0);  // 6 / 12
  EXPECT_DOUBLE_EQ(TimeProgressPct(D("2023-06-01")), 50.0);  // the month counts whole
  EXPECT_DOUBLE_EQ(TimeProgressPct(D("2023-12-31")), 100.0);
  EXPECT_NEAR(TimeProgressPct(D("2023-01-15")), 100.0 / 12, 1e-12);
}

struct ProgressCase {
  const char* date;
  double completed;  // reported in January of 2023 (the whole YTD amount)
  double yellow, red;
  Light light;
};

TEST(ProgressLightTest, ThresholdBoundaries) {
  // Plan 1200 for 2023. On 06-30 time progress is 50.
  const ProgressCase cases[] = {
      {"2023-06-30", 492, 10, 30, Light::kGreen},   // 41% → 9 behind
      {"2023-06-30", 480, 10, 30, Light::kYellow},  // 40% → exactly 10 behind
      {"2023-06-30", 240, 10, 30, Light::kYellow},  // 20% → exactly 30 behind
      {"2023-06-30", 228, 10, 30, Light::kRed},     // 19% → 31 behind
      {"2023-06-30", 900, 10, 30, Light::kGreen},   // 75% → ahead by 25
      {"2023-06-30", 0, 10, 30, Light::kRed},       // nothing → 50 behind
      // May: 41.666.. - 380/1200*100 (31.666..) = 10 on paper, 9.999999999999996 in doubles
      // → still yellow, not green. April: 33.33.. - 23.33.. = 10.000000000000004 → yellow.
      {"2023-05-31", 380, 10, 30, Light::kYellow},
      {"2023-04-30", 280, 10, 30, Light::kYellow},
      // Custom thresholds 5 / 15: 44% → 6 behind → yellow; 34% → 16 behind → red.
      {"2023-06-30", 528, 5, 15, Light::kYellow},
      {"2023-06-30", 408, 5, 15, Light::kRed},
  };
  for (const ProgressCase& c : cases) {
    SCOPED_TRACE(std::string(c.date) + " completed " + std::to_string(c.completed));
    Project p = ProjectBuilder(1).Plan(2023, 1200).Month("2023-01", c.completed).Build();
    LightSettings s;
    s.progress_yellow_points = c.yellow;
    s.progress_red_points = c.red;
    ProgressLight l = ComputeProgressLight(p, D(c.date), s);
    EXPECT_EQ(l.light, c.light);
    EXPECT_DOUBLE_EQ(l.planned_investment, 1200);
    EXPECT_DOUBLE_EQ(l.completed_ytd, c.completed);
    EXPECT_NEAR(*l.behind_points, *l.time_progress_pct - c.completed * 100 / 1200, 1e-9);
  }
}

TEST(ProgressLightTest, NotApplicable) {
  LightSettings s;
  Project no_plan = ProjectBuilder(1).Plan(2024, 1000).Month("2023-01", 10).Build();
  EXPECT_EQ(ComputeProgressLight(no_plan, D("2023-06-30"), s).reason, "no_plan");
  Project zero_plan = ProjectBuilder(2).Plan(2023, 0).Build();
  EXPECT_EQ(ComputeProgressLight(zero_plan, D("2023-06-30"), s).light, Light::kNone);
  Project terminated = ProjectBuilder(3).Plan(2023, 1000).Terminated("2023-03-01").Build();
  EXPECT_EQ(ComputeProgressLight(terminated, D("2023-06-30"), s).reason, "terminated");
}

TEST(ProgressLightTest, OnlyThisYearsMonthsUpToTheDateCount) {
  // 2022-12 and 2023-07 are outside Jan..Jun 2023: completed YTD = 300 + 300 = 600 → 50% → green.
  Project p = ProjectBuilder(1)
                  .Plan(2023, 1200)
                  .Month("2022-12", 900)
                  .Month("2023-02", 300)
                  .Month("2023-06", 300)
                  .Month("2023-07", 600)
                  .Build();
  ProgressLight l = ComputeProgressLight(p, D("2023-06-30"), LightSettings{});
  EXPECT_DOUBLE_EQ(l.completed_ytd, 600);
  EXPECT_DOUBLE_EQ(*l.behind_points, 0);
  EXPECT_EQ(l.light, Light::kGreen);
}

TEST(LightSettingsTest, Validation) {
  EXPECT_TRUE(ValidateLightSettings(LightSettings{}).ok());
  LightSettings bad;
  bad.start_red_after_months = 0;
  bad.progress_yellow_points = 40;
  bad.progress_red_points = 30;
  Status st = ValidateLightSettings(bad);
  ASSERT_TRUE(st.IsValidation());
  ASSERT_EQ(st.details().size(), 2u);
  EXPECT_EQ(st.details()[0].field, "start_red_after_months");
  EXPECT_EQ(st.details()[1].field, "progress_red_points");
}

TEST(LightsTest, CodesAndBundle) {
  EXPECT_STREQ(LightCode(Light::kYellow), "yellow");
  EXPECT_STREQ(LightNameZh(Light::kRed), "红灯");
  ProjectLights l = ComputeLights(PlannedApril(), D("2023-08-01"), LightSettings{});
  EXPECT_EQ(l.project_id, 1);
  EXPECT_EQ(l.start.light, Light::kRed);
  EXPECT_EQ(l.progress.light, Light::kNone);
}

}  // namespace
}  // namespace parkhq::project
