#include "domain/monitoring/monitoring_calc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace parkhq::monitoring {
namespace {

constexpr std::nullopt_t kNo = std::nullopt;
constexpr double kTol = 1e-9;

// Fixture "fai 2023": last year's months add up to 29000; its January-June sum is
// 1000+1000+2000+2000+2000+2000 = 10000. This year January-June: 1100+1200+2100+2200+2300+2500
// = 11400. Target 31400 (plan.md).
const MonthlySeries kFaiLast{1000, 1000, 2000, 2000, 2000, 2000,
                             3000, 3000, 3000, 3000, 3000, 4000};
const MonthlySeries kFaiThis{1100, 1200, 2100, 2200, 2300, 2500};

IndicatorInput Fai(std::optional<double> target = 31400) {
  return {IndicatorKind::kFlow, true, kFaiThis, kFaiLast, target};
}

IndicatorFigures Compute(const IndicatorInput& in, int month, StatusThresholds t = {}) {
  StatusOr<IndicatorFigures> f = ComputeIndicator(in, Period{2023, month}, t);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : IndicatorFigures{};
}

void ExpectNear(std::optional<double> got, double want, const char* what) {
  ASSERT_TRUE(got.has_value()) << what;
  EXPECT_NEAR(*got, want, kTol) << what;
}

TEST(ComputeIndicator, FlowMidYearEveryFigure) {
  IndicatorFigures f = Compute(Fai(), 6);
  EXPECT_EQ(f.period, (Period{2023, 6}));
  ExpectNear(f.month, 2500, "month");
  ExpectNear(f.month_last_year, 2000, "month_last_year");
  ExpectNear(f.ytd, 11400, "ytd");
  EXPECT_TRUE(f.ytd_complete);
  ExpectNear(f.ytd_last_year, 10000, "ytd_last_year");
  ExpectNear(f.yoy_pct, 14.0, "yoy 11400/10000-1");
  ExpectNear(f.month_yoy_pct, 25.0, "month yoy 2500/2000-1");
  ExpectNear(f.target, 31400, "target");
  ExpectNear(f.completion_pct, 11400.0 / 314.0, "completion 36.3057...");
  EXPECT_DOUBLE_EQ(f.time_progress, 50.0);
  ExpectNear(f.gap, 11400.0 / 314.0 - 50.0, "gap -13.69...");
  EXPECT_EQ(f.status, ProgressStatus::kRed);
  ExpectNear(f.projected_year_end, 33060, "seasonal 11400 * 29000/10000");
  ExpectNear(f.required_monthly_avg, 20000.0 / 6.0, "(31400-11400)/6");
}

TEST(ComputeIndicator, ColoursFromTheGapAtJune) {
  // time progress 50; completion = 11400/target*100.
  struct Case {
    double target;
    ProgressStatus want;
  };
  const Case cases[] = {
      {22000, ProgressStatus::kGreen},   // 51.82 → gap +1.82
      {22800, ProgressStatus::kGreen},   // 50.00 → gap 0
      {23500, ProgressStatus::kYellow},  // 48.51 → gap -1.49
      {25333, ProgressStatus::kYellow},  // 45.0006 → gap -4.9994
      {25334, ProgressStatus::kRed},     // 44.9988 → gap -5.0012
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Compute(Fai(c.target), 6).status, c.want) << c.target;
  }
}

TEST(ComputeIndicator, GapOfExactlyMinusFiveIsYellowAndBandIsConfigurable) {
  // June, ytd 6 x 75 = 450, target 1000 → completion 45, gap -5 → yellow; ytd 449 → gap -5.1 → red.
  IndicatorInput in{IndicatorKind::kFlow, true, MonthlySeries{75, 75, 75, 75, 75, 75}, {}, 1000};
  EXPECT_EQ(Compute(in, 6).status, ProgressStatus::kYellow);
  in.this_year[5] = 74;
  EXPECT_EQ(Compute(in, 6).status, ProgressStatus::kRed);
  EXPECT_EQ(Compute(in, 6, {10.0}).status, ProgressStatus::kYellow);  // -5.1 within a 10-point band
  EXPECT_EQ(Compute(in, 6, {0.0}).status, ProgressStatus::kRed);      // no yellow band at all
}

TEST(StatusForGap, BoundariesBothDirections) {
  struct Case {
    double gap;
    bool higher;
    ProgressStatus want;
  };
  const Case cases[] = {
      {3, true, ProgressStatus::kGreen},
      {0, true, ProgressStatus::kGreen},
      {-0.001, true, ProgressStatus::kYellow},
      {-5, true, ProgressStatus::kYellow},
      {-5.001, true, ProgressStatus::kRed},
      {-40, true, ProgressStatus::kRed},
      // lower is better: mirrored around 0
      {-3, false, ProgressStatus::kGreen},
      {0, false, ProgressStatus::kGreen},
      {0.001, false, ProgressStatus::kYellow},
      {5, false, ProgressStatus::kYellow},
      {5.001, false, ProgressStatus::kRed},
      {40, false, ProgressStatus::kRed},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StatusForGap(c.gap, c.higher, {}), c.want) << c.gap << " higher=" << c.higher;
  }
  EXPECT_EQ(StatusForGap(kNo, true, {}), ProgressStatus::kNone);
}

TEST(ComputeIndicator, LowerIsBetterInvertsTheColours) {
  // energy cap 50000 tce; June time progress 50.
  struct Case {
    double monthly;
    double completion;
    ProgressStatus want;
  };
  const Case cases[] = {
      {4000, 48, ProgressStatus::kGreen},   // 24000/50000 = 48% → gap -2: under the schedule
      {4500, 54, ProgressStatus::kYellow},  // 27000 → 54% → gap +4
      {5000, 60, ProgressStatus::kRed},     // 30000 → 60% → gap +10
  };
  for (const Case& c : cases) {
    MonthlySeries s{};
    for (int i = 0; i < 6; ++i) s[i] = c.monthly;
    IndicatorFigures f = Compute({IndicatorKind::kFlow, false, s, {}, 50000}, 6);
    ExpectNear(f.completion_pct, c.completion, "completion");
    ExpectNear(f.gap, c.completion - 50, "gap keeps its sign");
    EXPECT_EQ(f.status, c.want) << c.monthly;
  }
}

TEST(ComputeIndicator, MissingMonthsAreLeftOutOfTheSum) {
  // Jan 100, Feb missing, Mar 300: ytd at March = 400 (incomplete); February's month is unknown.
  IndicatorInput in{IndicatorKind::kFlow, true, MonthlySeries{100, kNo, 300},
                    MonthlySeries{100, 100, 100}, 1200};
  IndicatorFigures mar = Compute(in, 3);
  ExpectNear(mar.ytd, 400, "ytd");
  EXPECT_FALSE(mar.ytd_complete);
  ExpectNear(mar.yoy_pct, 100.0 * (400.0 / 300.0 - 1), "yoy 400 vs 300");
  IndicatorFigures feb = Compute(in, 2);
  EXPECT_EQ(feb.month, std::nullopt);
  EXPECT_EQ(feb.month_yoy_pct, std::nullopt);
  ExpectNear(feb.ytd, 100, "ytd Feb");
  ExpectNear(feb.required_monthly_avg, 110, "(1200-100)/10");
}

TEST(ComputeIndicator, NothingReportedLeavesEverythingUndefined) {
  IndicatorFigures f = Compute({IndicatorKind::kFlow, true, {}, kFaiLast, 31400}, 6);
  EXPECT_EQ(f.ytd, std::nullopt);
  EXPECT_FALSE(f.ytd_complete);
  EXPECT_EQ(f.yoy_pct, std::nullopt);
  EXPECT_EQ(f.completion_pct, std::nullopt);
  EXPECT_EQ(f.gap, std::nullopt);
  EXPECT_EQ(f.status, ProgressStatus::kNone);
  EXPECT_EQ(f.projected_year_end, std::nullopt);
  EXPECT_EQ(f.required_monthly_avg, std::nullopt);
  ExpectNear(f.ytd_last_year, 10000, "last year still shown");
}

TEST(ComputeIndicator, ZeroOrMissingLastYear) {
  // Last year all zero: yoy undefined, projection falls back to 11400 x 12 / 6 = 22800.
  MonthlySeries zeros{};
  for (auto& v : zeros) v = 0.0;
  IndicatorFigures z = Compute({IndicatorKind::kFlow, true, kFaiThis, zeros, 31400}, 6);
  ExpectNear(z.ytd_last_year, 0, "ytd_last_year is 0, not missing");
  EXPECT_EQ(z.yoy_pct, std::nullopt);
  EXPECT_EQ(z.month_yoy_pct, std::nullopt);
  ExpectNear(z.projected_year_end, 22800, "fallback");

  IndicatorFigures none = Compute({IndicatorKind::kFlow, true, kFaiThis, {}, 31400}, 6);
  EXPECT_EQ(none.ytd_last_year, std::nullopt);
  EXPECT_EQ(none.yoy_pct, std::nullopt);
  ExpectNear(none.projected_year_end, 22800, "fallback");

  // Eleven of last year's months known: still the fallback.
  MonthlySeries eleven = kFaiLast;
  eleven[11] = kNo;
  ExpectNear(Compute({IndicatorKind::kFlow, true, kFaiThis, eleven, 31400}, 6).projected_year_end,
             22800, "fallback with December missing");
}

TEST(ComputeIndicator, JanuaryAndDecember) {
  // January: ytd = month = 1100; time progress 100/12; seasonal 1100 x 29000/1000 = 31900.
  IndicatorFigures jan = Compute(Fai(), 1);
  ExpectNear(jan.ytd, 1100, "ytd");
  EXPECT_NEAR(jan.time_progress, 8.333333333333334, kTol);
  ExpectNear(jan.projected_year_end, 31900, "seasonal");
  ExpectNear(jan.required_monthly_avg, 30300.0 / 11.0, "(31400-1100)/11");
  ExpectNear(jan.yoy_pct, 10.0, "1100 vs 1000");

  // December: last year's full year 29000 repeated: ytd 29000, time 100, no months left.
  IndicatorFigures dec = Compute({IndicatorKind::kFlow, true, kFaiLast, kFaiLast, 30000}, 12);
  ExpectNear(dec.ytd, 29000, "ytd");
  EXPECT_DOUBLE_EQ(dec.time_progress, 100.0);
  ExpectNear(dec.gap, 29000.0 / 300.0 - 100.0, "96.67 - 100");
  EXPECT_EQ(dec.status, ProgressStatus::kYellow);
  ExpectNear(dec.projected_year_end, 29000, "seasonal share at m=12 is ytd itself");
  EXPECT_EQ(dec.required_monthly_avg, std::nullopt);
  // Without last year the fallback ytd x 12/12 is ytd too.
  ExpectNear(Compute({IndicatorKind::kFlow, true, kFaiLast, {}, 30000}, 12).projected_year_end,
             29000, "fallback at m=12");
}

TEST(ComputeIndicator, StockUsesTheMonthsLevel) {
  // employees; last year Mar 950, Dec 1100. This year Mar 1150, target 1200.
  const MonthlySeries last{900, 900, 950, 950, 950, 1000, 1000, 1000, 1000, 1050, 1050, 1100};
  IndicatorInput in{IndicatorKind::kStock, true, MonthlySeries{1100, 1120, 1150}, last, 1200};
  IndicatorFigures f = Compute(in, 3);
  ExpectNear(f.ytd, 1150, "level, not 1100+1120+1150");
  ExpectNear(f.ytd_last_year, 950, "last year's March level");
  ExpectNear(f.yoy_pct, (1150.0 / 950.0 - 1) * 100, "21.05");
  ExpectNear(f.completion_pct, 1150.0 / 12.0, "95.83");
  EXPECT_DOUBLE_EQ(f.time_progress, 100.0);
  ExpectNear(f.gap, 1150.0 / 12.0 - 100.0, "-4.17");
  EXPECT_EQ(f.status, ProgressStatus::kYellow);
  ExpectNear(f.projected_year_end, 1150.0 * 1100.0 / 950.0, "seasonal: 1331.58");
  ExpectNear(f.required_monthly_avg, 50.0 / 9.0, "(1200-1150)/9 per month");

  // Without last year a level carries forward: projection = 1150, not 1150 x 12 / 3.
  in.last_year = {};
  ExpectNear(Compute(in, 3).projected_year_end, 1150, "stock fallback");

  // March not reported: no ytd, even though February is known.
  in.this_year = MonthlySeries{1100, 1120};
  IndicatorFigures missing = Compute(in, 3);
  EXPECT_EQ(missing.ytd, std::nullopt);
  EXPECT_FALSE(missing.ytd_complete);
  EXPECT_EQ(missing.status, ProgressStatus::kNone);
}

TEST(ComputeIndicator, NoTargetOrZeroTarget) {
  IndicatorFigures none = Compute(Fai(kNo), 6);
  EXPECT_EQ(none.completion_pct, std::nullopt);
  EXPECT_EQ(none.gap, std::nullopt);
  EXPECT_EQ(none.status, ProgressStatus::kNone);
  EXPECT_EQ(none.required_monthly_avg, std::nullopt);
  ExpectNear(none.projected_year_end, 33060, "projection needs no target");

  IndicatorFigures zero = Compute(Fai(0), 6);
  EXPECT_EQ(zero.completion_pct, std::nullopt);
  EXPECT_EQ(zero.status, ProgressStatus::kNone);
  ExpectNear(zero.required_monthly_avg, -1900, "(0-11400)/6: already over");
}

TEST(ComputeIndicator, AheadOfTargetGivesNegativeRequirement) {
  // 11400 against a target of 10000: (10000-11400)/6 = -233.33.
  IndicatorFigures f = Compute(Fai(10000), 6);
  ExpectNear(f.required_monthly_avg, -1400.0 / 6.0, "negative");
  EXPECT_EQ(f.status, ProgressStatus::kGreen);
}

TEST(GrowthPct, Definitions) {
  ExpectNear(GrowthPct(110, 100), 10, "10%");
  ExpectNear(GrowthPct(80, 100), -20, "-20%");
  ExpectNear(GrowthPct(50, -100), 150, "(50+100)/|-100|");
  EXPECT_EQ(GrowthPct(5, 0), std::nullopt);
  EXPECT_EQ(GrowthPct(kNo, 100), std::nullopt);
  EXPECT_EQ(GrowthPct(5, kNo), std::nullopt);
}

TEST(ComputeIndicator, RejectsBadArguments) {
  struct Case {
    const char* what;
    IndicatorInput in;
    int month;
    StatusThresholds t;
    const char* field;
  };
  const Case cases[] = {
      {"month 0", Fai(), 0, {}, "period"},
      {"month 13", Fai(), 13, {}, "period"},
      {"negative band", Fai(), 6, {-1}, "yellow_band"},
      {"NaN band", Fai(), 6, {std::nan("")}, "yellow_band"},
      {"negative target", Fai(-1), 6, {}, "target"},
      {"infinite target", Fai(std::numeric_limits<double>::infinity()), 6, {}, "target"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    StatusOr<IndicatorFigures> f = ComputeIndicator(c.in, Period{2023, c.month}, c.t);
    ASSERT_FALSE(f.ok());
    ASSERT_TRUE(f.status().IsValidation());
    EXPECT_EQ(f.status().details().at(0).field, c.field);
  }
}

TEST(ProgressStatus, Names) {
  EXPECT_STREQ(ProgressStatusName(ProgressStatus::kNone), "none");
  EXPECT_STREQ(ProgressStatusName(ProgressStatus::kGreen), "green");
  EXPECT_STREQ(ProgressStatusName(ProgressStatus::kYellow), "yellow");
  EXPECT_STREQ(ProgressStatusName(ProgressStatus::kRed), "red");
  EXPECT_STREQ(ProgressStatusNameZh(ProgressStatus::kRed), "滞后");
  EXPECT_DOUBLE_EQ(TimeProgressPct(6), 50.0);
  EXPECT_DOUBLE_EQ(TimeProgressPct(12), 100.0);
}

}  // namespace
}  // namespace parkhq::monitoring
