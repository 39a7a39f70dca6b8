// Hand-checked totals of financing needs by bank and by chain (docs/sme.md).
#include "domain/sme/financing_calc.h"

#include <gtest/gtest.h>

namespace parkhq::sme {
namespace {

TEST(SmeFinancing, TotalsByBankAndChainSkipDeclined) {
  const std::vector<NeedFigures> needs = {
      {"", "煤化工", "open", 300, 0},
      {"甘肃银行", "煤化工", "granted", 500, 450},
      {"甘肃银行", "", "matched", 200, 0},
      {"农业银行", "装备制造", "granted", 800, 800.5},
      {"农业银行", "装备制造", "declined", 1000, 0},  // not counted anywhere
  };
  const FinancingTotals t = SumFinancing(needs);
  EXPECT_EQ(t.all.needs, 4);
  EXPECT_DOUBLE_EQ(t.all.amount, 1800);
  EXPECT_DOUBLE_EQ(t.all.granted, 1250.5);
  EXPECT_EQ(t.all.granted_needs, 2);
  // Banks by amount: 农业银行 800, 甘肃银行 700, 未对接 300.
  ASSERT_EQ(t.by_bank.size(), 3u);
  EXPECT_EQ(t.by_bank[0].key, "农业银行");
  EXPECT_DOUBLE_EQ(t.by_bank[0].granted, 800.5);
  EXPECT_EQ(t.by_bank[1].key, "甘肃银行");
  EXPECT_DOUBLE_EQ(t.by_bank[1].amount, 700);
  EXPECT_EQ(t.by_bank[1].needs, 2);
  EXPECT_EQ(t.by_bank[2].key, "未对接");
  // Chains: 煤化工 800 (granted 450), 装备制造 800 (granted 800.5), 未入链 200; ties by name.
  ASSERT_EQ(t.by_chain.size(), 3u);
  EXPECT_EQ(t.by_chain[0].key, "煤化工");
  EXPECT_EQ(t.by_chain[1].key, "装备制造");
  EXPECT_DOUBLE_EQ(t.by_chain[0].granted, 450);
  EXPECT_EQ(t.by_chain[2].key, "未入链");
  EXPECT_DOUBLE_EQ(t.by_chain[2].amount, 200);
}

TEST(SmeFinancing, EmptyIsZero) {
  const FinancingTotals t = SumFinancing({});
  EXPECT_EQ(t.all.needs, 0);
  EXPECT_TRUE(t.by_bank.empty());
  EXPECT_TRUE(t.by_chain.empty());
}

}  // namespace
}  // namespace parkhq::sme
