#include "domain/gates/funding.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parkhq::gates {
namespace {

Period P(const char* s) { return *Period::Parse(s); }

std::vector<FundingRecord> Records() {
  return {{1, P("2024-01"), "special_bond", 500, 200}, {1, P("2024-03"), "special_bond", 0, 150},
          {1, P("2024-03"), "bond_loan", 300, 100},    {1, P("2024-02"), "self", 1000, 900},
          {2, P("2024-02"), "bank_loan", 800, 0},      {2, P("2024-05"), "special_bond", 2000, 0},
          {3, P("2023-12"), "special_bond", 999, 999}};  // another year
}

TEST(Funding, TotalsBySourceOfTheYear) {
  auto t = TotalsBySource(Records(), 2024);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].source, "special_bond");
  EXPECT_DOUBLE_EQ(t[0].planned, 2500);
  EXPECT_DOUBLE_EQ(t[0].in_place, 350);
  EXPECT_DOUBLE_EQ(t[0].in_place_pct, 14);
  EXPECT_DOUBLE_EQ(t[2].in_place, 900);  // self
  EXPECT_DOUBLE_EQ(t[3].in_place_pct, 0);  // bank loan: planned, nothing in place
  EXPECT_DOUBLE_EQ(t[5].planned, 0);       // other: listed with zeros
}

TEST(Funding, BondProjectsWithDrawdowns) {
  auto b = BondProjects(Records(), 2024);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].project_id, 2);  // the largest bond amount first
  EXPECT_DOUBLE_EQ(b[0].bond_planned, 2000);
  EXPECT_TRUE(b[0].drawdowns.empty());
  EXPECT_EQ(b[1].project_id, 1);
  EXPECT_DOUBLE_EQ(b[1].bond_planned, 800);  // 专项债券 500 + 债贷组合 300; 企业自筹 not counted
  EXPECT_DOUBLE_EQ(b[1].bond_drawn, 450);
  ASSERT_EQ(b[1].drawdowns.size(), 2u);
  EXPECT_EQ(b[1].drawdowns[1].first, P("2024-03"));
  EXPECT_DOUBLE_EQ(b[1].drawdowns[1].second, 250);  // both bond sources of March
  EXPECT_NEAR(b[1].drawn_pct, 56.25, 1e-9);
}

TEST(Funding, Validation) {
  const Period now = P("2024-06");
  EXPECT_TRUE(ValidateFunding({1, P("2024-06"), "self", 10, 10}, now).ok());
  EXPECT_TRUE(ValidateFunding({1, P("2024-09"), "self", 10, 0}, now).ok()) << "future months may be planned";
  EXPECT_EQ(ValidateFunding({1, P("2024-07"), "self", 10, 1}, now).details()[0].field, "period");
  EXPECT_EQ(ValidateFunding({1, P("2024-06"), "gift", 10, 1}, now).details()[0].field, "source");
  EXPECT_EQ(ValidateFunding({1, P("2024-06"), "self", -1, 1}, now).details()[0].field, "planned");
  EXPECT_EQ(ValidateFunding({1, P("2024-06"), "self", 1, std::nan("")}, now).details()[0].field, "in_place");
}

}  // namespace
}  // namespace parkhq::gates
