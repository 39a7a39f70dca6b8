#include "domain/land/standard_land_calc.h"

#include <gtest/gtest.h>

namespace parkhq::land {
namespace {

using evaluation::Index;

TEST(FloorAreaTest, StoreysOverEightMetresCountTwice) {
  // 1000 m² at exactly 8.0 m counts once; 1000 m² at 8.01 m twice; 500 m² at 4 m once.
  // 1000 + 2000 + 500 = 3500 m²; on a 5000 m² parcel 容积率 = 0.7.
  const std::vector<Storey> storeys = {{1000, 8.0}, {1000, 8.01}, {500, 4.0}, {-10, 3}};
  EXPECT_DOUBLE_EQ(CountedFloorArea(storeys), 3500);
  EXPECT_DOUBLE_EQ(*FloorAreaRatio(CountedFloorArea(storeys), 5000), 0.7);
  EXPECT_FALSE(FloorAreaRatio(std::nullopt, 5000).has_value());
  EXPECT_FALSE(FloorAreaRatio(3500.0, 0).has_value());
  EXPECT_DOUBLE_EQ(*BuildingCoverage(1500.0, 5000), 0.3);
  EXPECT_DOUBLE_EQ(*InvestmentIntensity(9000.0, 30), 300);  // 9000 万元 / 30 亩
}

TEST(ContractCheckTest, PassFailAndMissingPerIndicator) {
  StandardLandContract c;
  c.indicators = {{IndicatorCode::kInvestmentIntensity, 300},
                  {IndicatorCode::kFloorAreaRatio, 1.2},
                  {IndicatorCode::kTaxPerMu, 15}};
  ActualValues actual{};
  actual[Index(IndicatorCode::kInvestmentIntensity)] = 300;  // equal to the agreed minimum: pass
  actual[Index(IndicatorCode::kFloorAreaRatio)] = 1.19;      // below: fail
  const ContractCheck check = CheckContract(c, actual);      // tax per mu missing: fail
  ASSERT_EQ(check.items.size(), 3u);
  EXPECT_TRUE(check.items[0].passed);
  EXPECT_FALSE(check.items[1].passed);
  EXPECT_EQ(check.items[1].reason, "容积率 实际1.19 低于约定1.20 比值");
  EXPECT_TRUE(check.items[2].missing);
  EXPECT_EQ(check.items[2].reason, "亩均税收未提供实际值，按未达标处理");
  EXPECT_EQ(check.failed, 2);
  EXPECT_FALSE(check.passed());
}

TEST(ContractCheckTest, Validation) {
  StandardLandContract c;
  c.indicators = {{IndicatorCode::kLabourProductivity, 10},  // not a 标准地 indicator
                  {IndicatorCode::kTaxPerMu, -1},
                  {IndicatorCode::kTaxPerMu, 5}};
  const Status st = ValidateContract(c);
  ASSERT_TRUE(st.IsValidation());
  ASSERT_EQ(st.details().size(), 3u);
  EXPECT_EQ(st.details()[0].field, "indicators[0].code");
  EXPECT_EQ(st.details()[1].field, "indicators[1].value");
  EXPECT_EQ(st.details()[2].field, "indicators[2].code");
  EXPECT_EQ(st.details()[2].message, "指标重复");
}

}  // namespace
}  // namespace parkhq::land
