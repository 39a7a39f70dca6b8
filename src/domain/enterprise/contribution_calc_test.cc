#include "domain/enterprise/contribution_calc.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

// A park's above-scale output, 2023-06 vs 2022-06 (万元).
//   id  last  this  park last/this  scope last/this  change
//   1   1000  1300  yes/yes         yes/yes          continuing  +300
//   2    800   700  yes/yes         yes/yes          continuing  -100
//   3      -   500  no/yes          no/yes           entered     +500 (new to the park)
//   4    150   250  yes/yes         no/yes           scale_up    +250 (last year 规下, 150)
//   5    600     -  yes/no          yes/no           left        -600
//   6    300   180  yes/yes         yes/no           scale_down  -300 (still reports 180 规下)
//   7     50    60  yes/yes         no/no            outside     ignored
// T0 = 1000 + 800 + 600 + 300 = 2700; T1 = 1300 + 700 + 500 + 250 = 2750; change = +50
// yoy = 50 / 2700 * 100 = 1.8519%
// 同口径 C0 = last of this year's scope {1,2,3,4} = 1000 + 800 + 0 + 150 = 1950
// comparable yoy = (2750 - 1950) / 1950 * 100 = 41.026%
std::vector<FirmYear> Fixture() {
  return {
      {1, 1000.0, 1300.0, true, true, true, true},
      {2, 800.0, 700.0, true, true, true, true},
      {3, std::nullopt, 500.0, false, true, false, true},
      {4, 150.0, 250.0, true, true, false, true},
      {5, 600.0, std::nullopt, true, false, true, false},
      {6, 300.0, 180.0, true, true, true, false},
      {7, 50.0, 60.0, true, true, false, false},
  };
}

TEST(ContributionTest, TotalsAndComparableScope) {
  MovementAnalysis m = AnalyzeMovement(Fixture());
  EXPECT_DOUBLE_EQ(m.total_last, 2700);
  EXPECT_DOUBLE_EQ(m.total_this, 2750);
  EXPECT_DOUBLE_EQ(m.change, 50);
  EXPECT_NEAR(*m.yoy_pct, 1.851852, 1e-6);
  EXPECT_DOUBLE_EQ(m.comparable_last, 1950);
  EXPECT_NEAR(*m.comparable_yoy_pct, 41.025641, 1e-6);
  EXPECT_EQ(m.missing_values, 0);  // firm 3 has no last-year figure by nature
}

TEST(ContributionTest, EffectsAddUpToTheChange) {
  MovementAnalysis m = AnalyzeMovement(Fixture());
  EXPECT_EQ(m.continuing.count, 2);
  EXPECT_DOUBLE_EQ(m.continuing.delta, 200);   // +300 - 100
  EXPECT_NEAR(*m.continuing.pull_pp, 7.407407, 1e-6);  // 200 / 2700 * 100
  EXPECT_DOUBLE_EQ(m.entered.delta, 500);
  EXPECT_DOUBLE_EQ(m.scale_up.delta, 250);
  EXPECT_DOUBLE_EQ(m.left.delta, -600);
  EXPECT_DOUBLE_EQ(m.scale_down.delta, -300);
  EXPECT_DOUBLE_EQ(m.continuing.delta + m.entered.delta + m.scale_up.delta + m.left.delta +
                       m.scale_down.delta,
                   m.change);
}

TEST(ContributionTest, TopContributors) {
  MovementAnalysis m = AnalyzeMovement(Fixture(), 2);
  ASSERT_EQ(m.top_increases.size(), 2u);
  EXPECT_EQ(m.top_increases[0].id, 3);  // +500
  EXPECT_EQ(m.top_increases[0].change, ScopeChange::kEntered);
  EXPECT_NEAR(*m.top_increases[0].pull_pp, 18.518519, 1e-6);  // 500 / 2700 * 100
  EXPECT_DOUBLE_EQ(*m.top_increases[0].share_pct, 1000);       // 500 / 50 * 100
  EXPECT_EQ(m.top_increases[1].id, 1);  // +300
  ASSERT_EQ(m.top_decreases.size(), 2u);
  EXPECT_EQ(m.top_decreases[0].id, 5);  // -600
  EXPECT_EQ(m.top_decreases[1].id, 6);  // -300
  EXPECT_EQ(m.top_decreases[1].change, ScopeChange::kScaleDown);
  EXPECT_TRUE(AnalyzeMovement(Fixture(), 0).top_increases.empty());
}

TEST(ContributionTest, EdgeCases) {
  // Nothing last year: rates undefined.
  MovementAnalysis fresh = AnalyzeMovement({{1, std::nullopt, 100.0, false, true, false, true}});
  EXPECT_DOUBLE_EQ(fresh.change, 100);
  EXPECT_FALSE(fresh.yoy_pct);
  EXPECT_FALSE(fresh.comparable_yoy_pct);
  EXPECT_FALSE(fresh.top_increases[0].pull_pp);
  // No change: shares undefined, pulls zero.
  MovementAnalysis flat = AnalyzeMovement({{1, 100.0, 120.0, true, true, true, true},
                                           {2, 100.0, 80.0, true, true, true, true}});
  EXPECT_DOUBLE_EQ(flat.change, 0);
  EXPECT_EQ(flat.yoy_pct, 0.0);
  EXPECT_FALSE(flat.top_increases[0].share_pct);
  EXPECT_DOUBLE_EQ(*flat.top_increases[0].pull_pp, 10);  // 20 / 200 * 100
  // Missing figures are counted and treated as 0.
  MovementAnalysis gaps = AnalyzeMovement({{1, std::nullopt, 100.0, true, true, true, true},
                                           {2, 50.0, std::nullopt, true, true, true, true},
                                           {3, std::nullopt, 70.0, true, true, false, true}});
  EXPECT_EQ(gaps.missing_values, 3);
  EXPECT_DOUBLE_EQ(gaps.total_last, 50);
  EXPECT_DOUBLE_EQ(gaps.total_this, 170);
  EXPECT_EQ(AnalyzeMovement({}).yoy_pct, std::nullopt);
}

TEST(ContributionTest, Classification) {
  struct Case { bool park_last, park_this, scope_last, scope_this; ScopeChange want; };
  const Case kCases[] = {
      {true, true, true, true, ScopeChange::kContinuing},
      {false, true, false, true, ScopeChange::kEntered},
      {true, true, false, true, ScopeChange::kScaleUp},
      {true, false, true, false, ScopeChange::kLeft},
      {true, true, true, false, ScopeChange::kScaleDown},
      {true, true, false, false, ScopeChange::kOutside},
  };
  for (const Case& c : kCases) {
    FirmYear f{1, 1.0, 1.0, c.park_last, c.park_this, c.scope_last, c.scope_this};
    EXPECT_EQ(ClassifyScopeChange(f), c.want) << ScopeChangeName(c.want);
  }
}

}  // namespace
}  // namespace parkhq::enterprise
