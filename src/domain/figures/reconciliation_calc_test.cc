#include <gtest/gtest.h>

#include "domain/figures/reconciliation.h"

namespace parkhq::figures {
namespace {

PairResult Pair(std::optional<double> a, std::optional<double> b, Relation r = Relation::kEqual,
                Tolerance t = {1.0, 0.01}) {
  PairInput in;
  in.indicator = "output";
  in.first.value = a;
  in.second.value = b;
  in.relation = r;
  return Reconcile(in, t);
}

TEST(Reconcile, EqualWithinOnePercentAtTheBoundary) {
  EXPECT_TRUE(Pair(1000, 990).within_tolerance);    // exactly 1%
  EXPECT_FALSE(Pair(1000, 989.9).within_tolerance);  // 1.01%
  EXPECT_TRUE(Pair(1000, 1010).within_tolerance);
  EXPECT_FALSE(Pair(1000, 1010.2).within_tolerance);
  PairResult r = Pair(1000, 950);
  EXPECT_NEAR(*r.difference, 50, 1e-12);
  EXPECT_NEAR(*r.difference_pct, 5, 1e-12);
}

TEST(Reconcile, CountsHaveNoTolerance) {
  EXPECT_TRUE(Pair(4, 4, Relation::kEqual, {0, 0}).within_tolerance);
  EXPECT_FALSE(Pair(4, 2, Relation::kEqual, {0, 0}).within_tolerance);
  EXPECT_NEAR(*Pair(4, 2, Relation::kEqual, {0, 0}).difference, 2, 1e-12);
}

TEST(Reconcile, PartOfAllowsLessButNotMore) {
  EXPECT_TRUE(Pair(3000, 1200, Relation::kPartOf).within_tolerance);
  EXPECT_TRUE(Pair(3000, 3030, Relation::kPartOf).within_tolerance);   // +1%
  EXPECT_FALSE(Pair(3000, 3031, Relation::kPartOf).within_tolerance);
  EXPECT_TRUE(Pair(3000, std::nullopt, Relation::kPartOf).within_tolerance);  // no project figures
  EXPECT_NEAR(*Pair(3000, std::nullopt, Relation::kPartOf).difference, 3000, 1e-12);
}

TEST(Reconcile, OneSidedFiguresDiffer) {
  EXPECT_FALSE(Pair(1000, std::nullopt).within_tolerance);
  EXPECT_FALSE(Pair(std::nullopt, 10).within_tolerance);
  EXPECT_FALSE(Pair(std::nullopt, 10, Relation::kPartOf).within_tolerance);
  EXPECT_TRUE(Pair(std::nullopt, std::nullopt).within_tolerance);
  EXPECT_EQ(Pair(1000, std::nullopt).difference, std::nullopt);
}

TEST(Reconcile, ZeroFirstHasNoPercentage) {
  PairResult r = Pair(0, 0);
  EXPECT_TRUE(r.within_tolerance);
  EXPECT_EQ(r.difference_pct, std::nullopt);
  EXPECT_FALSE(Pair(0, 1).within_tolerance);
}

}  // namespace
}  // namespace parkhq::figures
