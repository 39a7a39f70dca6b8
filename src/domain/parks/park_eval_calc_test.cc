#include "domain/parks/park_eval_calc.h"

#include <gtest/gtest.h>

namespace parkhq::parks {
namespace {

using V = std::vector<std::optional<double>>;

TEST(ParkEvalCalc, RatioScoreHandChecked) {
  // higher is better: 80 of a 100 benchmark earns 8 of 10; above the benchmark is capped.
  EXPECT_DOUBLE_EQ(RatioScore(80, 100, true, 10), 8);
  EXPECT_DOUBLE_EQ(RatioScore(120, 100, true, 10), 10);
  EXPECT_DOUBLE_EQ(RatioScore(-5, 100, true, 10), 0);
  // lower is better: 0.5 t/万元 against a 0.4 benchmark earns 10 × 0.4 / 0.5 = 8.
  EXPECT_DOUBLE_EQ(RatioScore(0.5, 0.4, false, 10), 8);
  EXPECT_DOUBLE_EQ(RatioScore(0.3, 0.4, false, 10), 10);
  EXPECT_DOUBLE_EQ(RatioScore(0, 0.4, false, 10), 10);
  EXPECT_DOUBLE_EQ(RatioScore(50, 0, true, 10), 0);  // no benchmark, no points
}

TEST(ParkEvalCalc, EfficacyScoresHandChecked) {
  // 10, 20, 30 → d = 60, 80, 100 → 6, 8, 10 of 10; the missing park stays missing.
  auto s = EfficacyScores(V{10, 20, 30, std::nullopt}, true, 10);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_DOUBLE_EQ(*s[0], 6);
  EXPECT_DOUBLE_EQ(*s[1], 8);
  EXPECT_DOUBLE_EQ(*s[2], 10);
  EXPECT_FALSE(s[3].has_value());
  auto low = EfficacyScores(V{10, 20, 30}, false, 5);  // lower is better: 5, 4, 3
  EXPECT_DOUBLE_EQ(*low[0], 5);
  EXPECT_DOUBLE_EQ(*low[1], 4);
  EXPECT_DOUBLE_EQ(*low[2], 3);
  auto same = EfficacyScores(V{7, 7}, true, 4);  // no spread: everyone gets the weight
  EXPECT_DOUBLE_EQ(*same[0], 4);
  EXPECT_DOUBLE_EQ(*same[1], 4);
}

TEST(ParkEvalCalc, RankScoresHandChecked) {
  // 5, 9, 9, 1 (higher better) → ranks 3, 1, 1, 4 of 4 → 12 × 2/4, 12, 12, 12 × 1/4.
  auto s = RankScores(V{5, 9, 9, 1}, true, 12);
  EXPECT_DOUBLE_EQ(*s[0], 6);
  EXPECT_DOUBLE_EQ(*s[1], 12);
  EXPECT_DOUBLE_EQ(*s[2], 12);
  EXPECT_DOUBLE_EQ(*s[3], 3);
  auto low = RankScores(V{5, std::nullopt, 1}, false, 10);  // two valued parks: 1 is best
  EXPECT_DOUBLE_EQ(*low[0], 5);
  EXPECT_FALSE(low[1].has_value());
  EXPECT_DOUBLE_EQ(*low[2], 10);
}

TEST(ParkEvalCalc, CompetitionRanks) {
  EXPECT_EQ(CompetitionRanks({70, 90, 70, 50}), (std::vector<int>{2, 1, 2, 4}));
}

TEST(ParkEvalCalc, ScoreParksSumsCategoriesAndRanks) {
  EvalScheme s;
  s.code = "t";
  s.categories = {"甲", "乙"};
  EvalIndicator a;
  a.code = "a";
  a.category = "甲";
  a.weight = 60;
  a.method = ScoringMethod::kRatio;
  a.benchmark = 100;
  EvalIndicator b;
  b.code = "b";
  b.category = "乙";
  b.weight = 40;
  b.method = ScoringMethod::kEfficacy;
  b.higher_is_better = false;
  s.indicators = {a, b};
  // Park 1: a = 50 → 30; b = 2 (best) → 40. Park 2: a = 100 → 60; b = 4 (worst) → 24.
  // Park 3: a missing → 0; b = 3 → 40 × 80 / 100 = 32.
  auto r = ScoreParks(s, {1, 2, 3}, {{{"a", 50}, {"b", 2}}, {{"a", 100}, {"b", 4}}, {{"b", 3}}});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_DOUBLE_EQ(r[0].score, 70);
  EXPECT_DOUBLE_EQ(r[1].score, 84);
  EXPECT_DOUBLE_EQ(r[2].score, 32);
  EXPECT_EQ(r[0].rank, 2);
  EXPECT_EQ(r[1].rank, 1);
  EXPECT_EQ(r[2].rank, 3);
  EXPECT_DOUBLE_EQ(r[0].categories.at("甲"), 30);
  EXPECT_DOUBLE_EQ(r[1].categories.at("乙"), 24);
  EXPECT_FALSE(r[2].indicators.at("a").value.has_value());
  auto lost = LostPoints(r[2], 5);
  ASSERT_EQ(lost.size(), 2u);
  EXPECT_EQ(lost[0].first, "a");
  EXPECT_DOUBLE_EQ(lost[0].second, 60);
  EXPECT_DOUBLE_EQ(lost[1].second, 8);
  EXPECT_TRUE(LostPoints(r[1], 5).size() == 1u);  // b cost 16; a cost nothing
}

}  // namespace
}  // namespace parkhq::parks
