#include "domain/risk/energy_calc.h"

#include <gtest/gtest.h>

namespace parkhq::risk {
namespace {

// Hand-checked against GB/T 2589-2020 附录A: 100 万kWh × 10^4 kWh × 0.1229 kgce/kWh = 122 900 kgce
// = 122.9 tce; 1000 t 原煤 × 0.7143 = 714.3 tce; 10 万m³ 天然气 × 10^4 m³ × 1.33 kgce/m³ = 133 tce;
// 200 t 柴油 × 1.4571 = 291.42 tce; 5000 GJ 热力 × 1000 MJ × 0.03412 kgce/MJ = 170.6 tce.
struct Case {
  const char* kind;
  double amount;
  double tce;
};

TEST(RiskEnergyCalc, EachFactorOnHandCheckedAmounts) {
  const Case cases[] = {{"electricity", 100, 122.9}, {"raw_coal", 1000, 714.3}, {"natural_gas", 10, 133.0},
                        {"diesel", 200, 291.42},     {"heat", 5000, 170.6},     {"coke", 50, 48.57},
                        {"gasoline", 3, 4.4142},     {"lpg", 2, 3.4286}};
  for (const auto& c : cases) {
    EXPECT_NEAR(ToTce({{c.kind, c.amount}}), c.tce, 1e-9) << c.kind;
  }
}

TEST(RiskEnergyCalc, SumsKindsAndIgnoresUnknown) {
  EXPECT_NEAR(ToTce({{"electricity", 100}, {"raw_coal", 1000}, {"natural_gas", 10}}), 970.2, 1e-9);
  EXPECT_DOUBLE_EQ(ToTce({{"firewood", 1000}}), 0.0);
  EXPECT_EQ(FindEnergyFactor("firewood"), nullptr);
  ASSERT_NE(FindEnergyFactor("electricity"), nullptr);
  EXPECT_STREQ(FindEnergyFactor("electricity")->unit, "万千瓦时");
}

TEST(RiskEnergyCalc, SummaryIntensityAgainstTargets) {
  // Firm 1: 970.2 tce, 4 t emissions, value added 1000 万元. Firm 2: 122.9 tce, value added 229 万元.
  // Firm 3: an account but no value added: in the totals, not in the intensity.
  std::vector<EnterpriseEnergy> rows(3);
  rows[0] = {1, {{"electricity", 100}, {"raw_coal", 1000}, {"natural_gas", 10}}, {{"so2", 3}, {"nox", 1}}, 1000};
  rows[1] = {2, {{"electricity", 100}}, {}, 229};
  rows[2] = {3, {{"raw_coal", 100}}, {{"cod", 0.5}}, std::nullopt};
  EnergyTargets t{1200, 0.9, 4};
  const EnergySummary s = Summarize(rows, t);
  EXPECT_NEAR(s.energy_tce, 970.2 + 122.9 + 71.43, 1e-9);
  EXPECT_NEAR(s.tce_by_kind.at("electricity"), 245.8, 1e-9);
  EXPECT_NEAR(s.emissions_t, 4.5, 1e-12);
  EXPECT_EQ(s.enterprises, 3);
  EXPECT_NEAR(s.value_added, 1229, 1e-12);
  ASSERT_TRUE(s.intensity);
  EXPECT_NEAR(*s.intensity, 1093.1 / 1229, 1e-12);  // 0.8894 tce/万元
  EXPECT_FALSE(s.intensity_over);
  EXPECT_NEAR(*s.energy_cap_used_pct, 1164.53 / 1200 * 100, 1e-9);
  EXPECT_FALSE(s.energy_over);
  EXPECT_TRUE(s.emissions_over);  // 4.5 > 4
  EXPECT_NEAR(*s.emissions_cap_used_pct, 112.5, 1e-9);
}

TEST(RiskEnergyCalc, NoValueAddedNoIntensity) {
  std::vector<EnterpriseEnergy> rows = {{1, {{"electricity", 1}}, {}, 0.0}};
  const EnergySummary s = Summarize(rows, {});
  EXPECT_FALSE(s.intensity);
  EXPECT_FALSE(s.energy_cap_used_pct);
  EXPECT_FALSE(s.energy_over);
}

}  // namespace
}  // namespace parkhq::risk
