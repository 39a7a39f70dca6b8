#include "domain/evaluation/comparison_calc.h"

#include <gtest/gtest.h>

#include "domain/evaluation/policy_calc.h"

namespace parkhq::evaluation {
namespace {

using enum EvalClass;

ResolvedScheme TwoIndicatorScheme(double tax_weight, double energy_weight) {
  Scheme s;
  GroupSpec g;
  g.code = "above_scale";
  IndicatorSpec tax, energy;
  tax.code = "tax_per_mu"; tax.weight = tax_weight; tax.benchmark = 10;
  energy.code = "value_added_per_energy"; energy.weight = energy_weight; energy.benchmark = 10;
  g.indicators = {tax, energy};
  g.classes.bounds = {20, 60, 95};
  s.groups = {g};
  return *ResolveScheme(s, GroupAverageTable{});
}

// Five firms; per-mu tax t and VA/energy e (both benchmark 10):
//   id: 1 (t 30, e 5) 2 (20, 10) 3 (15, 20) 4 (10, 40) 5 (5, 1)
// Weights 100/0 → scores 300, 200, 150, 100, 50 → A B B C D.
// Weights 0/100 → scores 50, 100, 200, 400, 10  → ranks 4, 3, 2, 1, 5 → C B B A D.
TEST(WhatIfTest, ListsOnlyTheClassChanges) {
  std::vector<EnterpriseInput> in(5);
  const double t[] = {30, 20, 15, 10, 5}, e[] = {5, 10, 20, 40, 1};
  for (int i = 0; i < 5; ++i) {
    in[i].enterprise_id = i + 1;
    in[i].land_mu = 1;
    in[i].tax = t[i];
    in[i].value_added = e[i];
    in[i].energy_tce = 1;
  }
  const auto changes = WhatIf(TwoIndicatorScheme(100, 0), TwoIndicatorScheme(0, 100), in);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[0].enterprise_id, 1);
  EXPECT_EQ((*changes)[0].before, kA);
  EXPECT_EQ((*changes)[0].after, kC);
  EXPECT_DOUBLE_EQ((*changes)[0].score_after, 50);
  EXPECT_EQ((*changes)[1].enterprise_id, 4);
  EXPECT_EQ((*changes)[1].before, kC);
  EXPECT_EQ((*changes)[1].after, kA);
  EXPECT_EQ((*changes)[1].rank_after, 1);
}

TEST(MigrationTest, CountsMovesEntriesAndExits) {
  const MigrationMatrix m = Migration({{1, kA}, {2, kB}, {3, kC}, {4, kD}, {5, kT}, {6, kC}},
                                      {{1, kB}, {2, kB}, {3, kB}, {4, kD}, {5, kC}, {7, kA}});
  EXPECT_EQ(m.counts[0][1], 1);  // A → B
  EXPECT_EQ(m.counts[1][1], 1);  // B → B
  EXPECT_EQ(m.counts[2][1], 1);  // C → B
  EXPECT_EQ(m.counts[3][3], 1);  // D → D
  EXPECT_EQ(m.counts[4][2], 1);  // T → C (not an up/downgrade)
  EXPECT_EQ(m.left[2], 1);       // 6 was C, not classed this year
  EXPECT_EQ(m.entered[0], 1);    // 7 new, A
  EXPECT_EQ(m.upgraded, 1);
  EXPECT_EQ(m.downgraded, 1);
}

TEST(SurchargeTest, RateByConsecutiveYearsInD) {
  const std::vector<YearClass> h = {{2019, kD}, {2020, kC}, {2021, kD}, {2022, kD}, {2023, kD}, {2024, kD}};
  EXPECT_EQ(ConsecutiveYearsIn(h, 2019, kD), 1);
  EXPECT_EQ(ConsecutiveYearsIn(h, 2020, kD), 0);
  EXPECT_EQ(SurchargeRate(h, 2021), 0.05);  // first year in a run
  EXPECT_EQ(SurchargeRate(h, 2022), 0.10);
  EXPECT_EQ(SurchargeRate(h, 2023), 0.15);
  EXPECT_EQ(SurchargeRate(h, 2024), 0.15);  // fourth year: the last rate holds
  EXPECT_FALSE(SurchargeRate(h, 2020).has_value());
  EXPECT_FALSE(SurchargeRate(h, 2025).has_value());  // no record
  // A gap year breaks the run: 2021 D, 2022 missing, 2023 D → first year again.
  EXPECT_EQ(SurchargeRate({{2021, kD}, {2023, kD}}, 2023), 0.05);
  // 0.10 元/kWh × 3,000,000 kWh = 300,000 元 = 30 万元.
  EXPECT_DOUBLE_EQ(*SurchargeAmount(h, 2022, 3'000'000), 30);
  EXPECT_FALSE(ValidateSchedule({{0.10, 0.05}}).ok());
  EXPECT_FALSE(ValidateSchedule({{}}).ok());
  EXPECT_TRUE(ValidateSchedule({}).ok());
}

TEST(PolicyTest, DefaultListHasTheDSurcharges) {
  const auto d = PoliciesFor(DefaultPolicies(), kD);
  int surcharges = 0;
  for (const PolicyItem& p : d) surcharges += p.resource == "electricity";
  EXPECT_EQ(surcharges, 3);
  EXPECT_TRUE(PoliciesFor(DefaultPolicies(), kT).empty());
}

}  // namespace
}  // namespace parkhq::evaluation
