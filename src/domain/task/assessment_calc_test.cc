#include "domain/task/assessment_calc.h"

#include <gtest/gtest.h>

namespace parkhq::task {
namespace {

// Three units, hand-checked in docs/tasks.md "考核评价 — worked example".
std::vector<UnitInput> Fixture() {
  UnitInput a{"A", {{1, 10, 0.8, false}, {2, 20, 1.3, false}}, 1, 0, 7};
  UnitInput b{"B", {{3, 30, 0.5, true}}, 0, 1, 0};
  UnitInput c{"C", {{4, 30, 1.0, false}}, 0, 0, 0};
  return {a, b, c};
}

TEST(TaskAssessmentTest, CompletionTimesWeight) {
  AssessmentSettings s;  // completion method, cap 100%
  const auto r = ScoreUnits(Fixture(), s);
  ASSERT_EQ(r.size(), 3u);
  // A: 0.8×10 + min(1.3,1)×20 = 28; −1 (one returned report); bonus 7 capped at 5 → 32.
  EXPECT_DOUBLE_EQ(r[0].base, 28);
  EXPECT_DOUBLE_EQ(r[0].deductions, 1);
  EXPECT_DOUBLE_EQ(r[0].bonus, 5);
  EXPECT_DOUBLE_EQ(r[0].score, 32);
  EXPECT_DOUBLE_EQ(r[0].items[1].completion, 1.0);
  // B: 0.5×30 = 15; −2 (overdue item) −2 (overdue 督办) → 11.
  EXPECT_DOUBLE_EQ(r[1].score, 11);
  EXPECT_DOUBLE_EQ(r[2].score, 30);
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[2].rank, 2);
  EXPECT_EQ(r[1].rank, 3);
  // A cap of 120% counts A's second item at 1.2: 8 + 24 = 32 → 36.
  s.completion_cap = 1.2;
  EXPECT_DOUBLE_EQ(ScoreUnits(Fixture(), s)[0].score, 36);
}

TEST(TaskAssessmentTest, EfficacyCoefficient) {
  AssessmentSettings s;
  s.method = ScoringMethod::kEfficacy;
  const auto r = ScoreUnits(Fixture(), s);
  // Rates: A 28/30, B 0.5 (worst → 60), C 1.0 (best → 100).
  // A: 60 + 40 × (28/30 − 0.5) / 0.5 = 94.6667; −1 + 5 → 98.6667. B: 60 − 4 = 56.
  EXPECT_NEAR(r[0].base, 94.666666667, 1e-6);
  EXPECT_NEAR(r[0].score, 98.666666667, 1e-6);
  EXPECT_DOUBLE_EQ(r[1].score, 56);
  EXPECT_DOUBLE_EQ(r[2].score, 100);
  EXPECT_EQ(r[2].rank, 1);
  EXPECT_EQ(r[0].rank, 2);
  EXPECT_EQ(r[1].rank, 3);
}

TEST(TaskAssessmentTest, TiesShareARankAndScoresStayNonNegative) {
  AssessmentSettings s;
  std::vector<UnitInput> u = {{"A", {{1, 10, 1, false}}, 0, 0, 0},
                              {"B", {{2, 10, 1, false}}, 0, 0, 0},
                              {"C", {{3, 10, 0.1, true}}, 3, 2, 0}};
  const auto r = ScoreUnits(u, s);
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[1].rank, 1);
  EXPECT_EQ(r[2].rank, 3);
  EXPECT_DOUBLE_EQ(r[2].score, 0);  // 1 − 2 − 3 − 4 floors at 0
  // Efficacy with every rate equal: all get the best score.
  s.method = ScoringMethod::kEfficacy;
  const auto e = ScoreUnits({u[0], u[1]}, s);
  EXPECT_DOUBLE_EQ(e[0].score, 100);
  EXPECT_DOUBLE_EQ(e[1].score, 100);
}

TEST(TaskAssessmentTest, SettingsValidation) {
  AssessmentSettings s;
  EXPECT_TRUE(ValidateAssessmentSettings(s).ok());
  s.completion_cap = 0.5;
  s.efficacy_worst = 100;
  const auto st = ValidateAssessmentSettings(s);
  ASSERT_TRUE(st.IsValidation());
  ASSERT_EQ(st.details().size(), 2u);
  EXPECT_EQ(st.details()[0].field, "completion_cap");
  EXPECT_EQ(st.details()[1].field, "efficacy_worst");
}

}  // namespace
}  // namespace parkhq::task
