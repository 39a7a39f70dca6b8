#include "domain/land/parcel.h"

#include <gtest/gtest.h>

namespace parkhq::land {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

Parcel ValidParcel() {
  Parcel p;
  p.code = "HT-2021-07";
  p.area_mu = 30;
  p.area_m2 = 20000;  // 30 × 666.666… = 20,000 exactly
  p.approved = D("2020-05-01");
  p.supplied = D("2021-03-01");
  p.supply_kind = SupplyKind::kTransfer;
  p.agreed_start = D("2021-09-01");
  p.actual_start = D("2021-08-15");
  return p;
}

TEST(ParcelTest, MuConversionUsesTenThousandOverFifteen) {
  EXPECT_DOUBLE_EQ(kSquareMetresPerMu, 10000.0 / 15.0);
  EXPECT_DOUBLE_EQ(MuToM2(15), 10000);
  EXPECT_DOUBLE_EQ(M2ToMu(666.67), 666.67 * 15 / 10000);  // 1.0000050 亩, not exactly 1
  EXPECT_TRUE(ValidateParcel(ValidParcel()).ok());
}

TEST(ParcelTest, AreaComparisonTolerance) {
  // 0.5% of 20,000 = 100 m².
  EXPECT_TRUE(CompareAreas(20000, 20100).within_tolerance);   // 100 / 20100 = 0.498%
  EXPECT_FALSE(CompareAreas(20000, 20101).within_tolerance);  // 101 / 20101 = 0.502%
  EXPECT_DOUBLE_EQ(CompareAreas(20000, 19900).difference_m2, -100);
}

TEST(ParcelTest, InvalidFieldsAreAllListed) {
  struct Case {
    const char* name;
    void (*mutate)(Parcel&);
    std::string expected;
  };
  const Case cases[] = {
      {"no code", [](Parcel& p) { p.code.clear(); }, "code:地块编号不能为空"},
      {"zero area", [](Parcel& p) { p.area_mu = 0; }, "area_mu:地块面积必须大于0"},
      {"m2 disagrees", [](Parcel& p) { p.area_m2 = 21000; },
       "area_m2:平方米面积与亩数不一致(1亩=666.67平方米，允许误差0.5%)"},
      {"negative invested", [](Parcel& p) { p.invested = -1.0; }, "invested:已完成投资不能为负数"},
      {"supply without kind", [](Parcel& p) { p.supply_kind.reset(); },
       "supply_kind:已供地的地块须填写供地方式(出让/划拨)"},
      {"start before supply", [](Parcel& p) { p.actual_start = D("2021-02-28"); },
       "actual_start:实际动工日期不能早于供地日期"},
      {"production without completion", [](Parcel& p) { p.production = D("2023-01-01"); },
       "production:未填写竣工日期，不能填写投产日期"},
      {"footprint too big", [](Parcel& p) { p.footprint_m2 = 20200; },
       "footprint_m2:建筑基底面积不能大于地块面积"},
  };
  for (const Case& c : cases) {
    Parcel p = ValidParcel();
    c.mutate(p);
    const Status st = ValidateParcel(p);
    ASSERT_TRUE(st.IsValidation()) << c.name;
    ASSERT_EQ(st.details().size(), 1u) << c.name << ": " << st.ToString();
    EXPECT_EQ(st.details()[0].field + ":" + st.details()[0].message, c.expected) << c.name;
  }
}

}  // namespace
}  // namespace parkhq::land
