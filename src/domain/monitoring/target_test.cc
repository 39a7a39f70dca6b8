#include "domain/monitoring/target.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parkhq::monitoring {
namespace {

constexpr std::nullopt_t kNo = std::nullopt;

TEST(ValidateYearTargets, SeedIsValidIncludingFundsInPlace) {
  EXPECT_TRUE(ValidateYearTargets(SeededTargets2023(), SeededIndicators()).ok());
  YearTargets t = {{"funds_in_place", {20000, kNo, kNo}}, {"energy", {50000, -3, 51546}}};
  EXPECT_TRUE(ValidateYearTargets(t, SeededIndicators()).ok());
  EXPECT_EQ(SeededTargets2023().at("fai").target, 31400);
  EXPECT_EQ(SeededTargets2023().at("value_added").target, 19000);
  EXPECT_EQ(SeededTargets2023().at("output").growth_pct, 7);
}

TEST(ValidateYearTargets, EachProblemNamesItsField) {
  struct Case {
    const char* what;
    YearTargets t;
    const char* field;
  };
  const Case cases[] = {
      {"unknown code", {{"gdp", {1, kNo, kNo}}}, "gdp"},
      {"negative target", {{"fai", {-1, kNo, kNo}}}, "fai.target"},
      {"NaN target", {{"fai", {std::nan(""), kNo, kNo}}}, "fai.target"},
      {"negative base", {{"tax", {kNo, 5, -2}}}, "tax.base"},
      {"growth -100", {{"tax", {kNo, -100, 10}}}, "tax.growth_pct"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Status st = ValidateYearTargets(c.t, SeededIndicators());
    ASSERT_TRUE(st.IsValidation());
    ASSERT_EQ(st.details().size(), 1u);
    EXPECT_EQ(st.details()[0].field, c.field);
  }
  YearTargets two = {{"fai", {-1, kNo, -1}}, {"zzz", {}}};
  EXPECT_EQ(ValidateYearTargets(two, SeededIndicators()).details().size(), 3u);
  EXPECT_TRUE(ValidateYearTargets({{"fai", {0, -99.9, 0}}}, SeededIndicators()).ok());
}

TEST(EffectiveTarget, ExplicitThenBaseTimesGrowth) {
  EXPECT_EQ(EffectiveTarget({31400, 10, 20000}), 31400);  // explicit wins
  // 28545 x 1.10 = 31399.5
  ASSERT_TRUE(EffectiveTarget({kNo, 10, 28545}).has_value());
  EXPECT_NEAR(*EffectiveTarget({kNo, 10, 28545}), 31399.5, 1e-9);
  EXPECT_EQ(EffectiveTarget({kNo, 10, kNo}), std::nullopt);
  EXPECT_EQ(EffectiveTarget({kNo, kNo, 28545}), std::nullopt);
}

}  // namespace
}  // namespace parkhq::monitoring
