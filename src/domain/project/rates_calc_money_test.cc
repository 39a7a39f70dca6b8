// The money rates (固定资产投资完成率, 资金到位率) and all eight together; the count rates are in
// rates_calc_test.cc.
#include <gtest/gtest.h>

#include "domain/project/rates_calc.h"
#include "domain/project/test_fixtures.h"

namespace parkhq::project {
namespace {

using testing::D;
using testing::ProjectBuilder;
using Ids = std::vector<int64_t>;

// ---- 固定资产投资完成率 / 资金到位率 ------------------------------------------------------------
std::vector<Project> MoneyFixture() {
  ProjectBuilder f1(1);
  f1.Plan(2023, 1200).Month("2022-12", 500, 50).Month("2023-07", 200, 100);
  for (const char* m : {"2023-01", "2023-03", "2023-04", "2023-05", "2023-06"}) f1.Month(m, 100);
  f1.Month("2023-02", 100, 300);
  f1.Investment(2000, 1000);
  return {
      f1.Build(),  // completed Jan..Jun 6 × 100 = 600; funds 2023: 300 (Jul excluded)
      ProjectBuilder(2)
          .Plan(2023, 800)
          .Month("2023-03", 150)
          .Month("2023-06", 50, 200)
          .Terminated("2023-06-01")
          .Build(),  // terminated: money still counts; 200, funds 200
      ProjectBuilder(3).Plan(2023, 0).Month("2023-02", 300).Build(),  // zero plan → out of FAI
      ProjectBuilder(4).Plan(2024, 500).Month("2023-05", 400, 500).Build(),  // no 2023 plan
      ProjectBuilder(5).Plan(2023, 1000).Build(),  // planned, nothing reported
  };
}

TEST(FaiCompletionRateTest, HandCheckedFixture) {
  auto projects = MoneyFixture();
  // denominator 1200 + 800 + 1000 = 3000; numerator 600 + 200 = 800; 800 / 3000 = 26.666...%.
  RateResult r = FaiCompletionRate(projects, D("2023-06-30"));
  EXPECT_DOUBLE_EQ(r.denominator, 3000);
  EXPECT_DOUBLE_EQ(r.numerator, 800);
  EXPECT_EQ(r.denominator_ids, (Ids{1, 2, 5}));
  EXPECT_EQ(r.numerator_ids, (Ids{1, 2}));
  EXPECT_NEAR(*r.value_pct, 80.0 / 3.0, 1e-9);
}

TEST(FaiCompletionRateTest, MidMonthDateIncludesThatMonth) {
  auto projects = MoneyFixture();
  // On 06-01 June is included: same 800 / 3000.
  EXPECT_DOUBLE_EQ(FaiCompletionRate(projects, D("2023-06-01")).numerator, 800);
  // On 05-31: 1's Jan..May = 500, 2's Mar = 150 → 650.
  EXPECT_DOUBLE_EQ(FaiCompletionRate(projects, D("2023-05-31")).numerator, 650);
}

TEST(FundsInPlaceRateTest, AgainstParkTarget) {
  auto projects = MoneyFixture();
  // numerator 300 (1) + 200 (2) + 500 (4) = 1000; target 4000 → 25%.
  RateResult r = FundsInPlaceRate(projects, D("2023-06-30"), 4000.0);
  EXPECT_DOUBLE_EQ(r.numerator, 1000);
  EXPECT_DOUBLE_EQ(r.denominator, 4000);
  EXPECT_EQ(r.numerator_ids, (Ids{1, 2, 4}));
  EXPECT_TRUE(r.denominator_ids.empty());
  EXPECT_DOUBLE_EQ(*r.value_pct, 25.0);
}

TEST(FundsInPlaceRateTest, NoTargetOrZeroTargetGivesNoValue) {
  auto projects = MoneyFixture();
  for (std::optional<double> target : {std::optional<double>(), std::optional<double>(0.0)}) {
    RateResult r = FundsInPlaceRate(projects, D("2023-06-30"), target);
    EXPECT_FALSE(r.value_pct.has_value());
    EXPECT_DOUBLE_EQ(r.numerator, 1000);
    EXPECT_DOUBLE_EQ(r.denominator, 0);
  }
}

TEST(ProjectFundsInPlaceRateTest, CumulativeAgainstContracted) {
  auto projects = MoneyFixture();
  // Project 1: 2022-12 50 + 2023-02 300 = 350 (2023-07 not yet); 350 / 1000 = 35%.
  ProjectFundsRate r = ProjectFundsInPlaceRate(projects[0], D("2023-06-30"));
  EXPECT_DOUBLE_EQ(r.funds_in_place, 350);
  EXPECT_DOUBLE_EQ(*r.value_pct, 35.0);
  Project zero = ProjectBuilder(9).Investment(0, 0).Month("2023-01", 0, 10).Build();
  EXPECT_FALSE(ProjectFundsInPlaceRate(zero, D("2023-06-30")).value_pct.has_value());
}

// ---- All rates together -------------------------------------------------------------------------
TEST(ComputeRatesTest, EmptyInputGivesZeroDenominatorsAndNoValues) {
  std::vector<Project> none;
  auto rates = ComputeRates(none, D("2023-06-30"), 1000.0);
  ASSERT_EQ(rates.size(), std::size(kAllRateCodes));
  for (size_t i = 0; i < rates.size(); ++i) {
    EXPECT_EQ(rates[i].code, kAllRateCodes[i]);
    if (rates[i].code == RateCode::kFundsInPlace) {
      EXPECT_DOUBLE_EQ(*rates[i].value_pct, 0.0);  // 0 in place of a 1000 target
    } else {
      EXPECT_FALSE(rates[i].value_pct.has_value()) << RateCodeName(rates[i].code);
      EXPECT_EQ(rates[i].denominator, 0);
    }
  }
}

TEST(ComputeRatesTest, CodesMatchTheContract) {
  const char* expected[] = {"fulfilment",         "start",      "resume",         "start_resume",
                            "on_time_completion", "production", "fai_completion", "funds_in_place"};
  for (size_t i = 0; i < std::size(kAllRateCodes); ++i)
    EXPECT_STREQ(RateCodeName(kAllRateCodes[i]), expected[i]);
  EXPECT_STREQ(RateNameZh(RateCode::kStartResume), "开(复)工率");
}

TEST(ComputeRatesTest, SameAsTheSingleFunctions) {
  auto projects = MoneyFixture();
  // One new project planned and started in March joins: 开工率 1 / 1.
  projects.push_back(ProjectBuilder(10)
                         .Planned(Stage::kStarted, "2023-03-01")
                         .Actual(Stage::kStarted, "2023-03-05")
                         .Build());
  auto rates = ComputeRates(projects, D("2023-06-30"), 4000.0);
  ASSERT_EQ(rates.size(), 8u);
  EXPECT_EQ(rates[1].numerator_ids, (Ids{10}));
  EXPECT_DOUBLE_EQ(*rates[1].value_pct, 100.0);
  EXPECT_EQ(rates[3].numerator_ids, (Ids{10}));
  EXPECT_DOUBLE_EQ(rates[6].numerator, FaiCompletionRate(projects, D("2023-06-30")).numerator);
  EXPECT_DOUBLE_EQ(rates[6].numerator, 800);
  EXPECT_DOUBLE_EQ(*rates[7].value_pct, 25.0);
}

}  // namespace
}  // namespace parkhq::project
