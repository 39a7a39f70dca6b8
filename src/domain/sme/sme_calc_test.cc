// Hand-checked fixtures for the SME park's formulas (docs/sme.md).
#include "domain/sme/sme_calc.h"

#include <gtest/gtest.h>

namespace parkhq::sme {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(SmeCalc, OccupancyByBuildingAndPark) {
  // Building 1: 300 + 200 leased of 300+200+500 = 1000 → 50%. Building 2: 120 of 360 → 33.33%.
  // Building 3 has no units → 0. Park: 620 / 1360 = 45.588… → 45.59%. Vacant 740.
  const std::vector<UnitArea> units = {{1, 300, true}, {1, 200, true}, {1, 500, false},
                                       {2, 120, true}, {2, 240, false}, {9, 50, true}};
  const Occupancy o = ComputeOccupancy({1, 2, 3}, units);
  ASSERT_EQ(o.buildings.size(), 3u);
  EXPECT_DOUBLE_EQ(o.buildings[0].area, 1000);
  EXPECT_DOUBLE_EQ(o.buildings[0].leased_area, 500);
  EXPECT_DOUBLE_EQ(o.buildings[0].occupancy_pct, 50);
  EXPECT_DOUBLE_EQ(o.buildings[1].occupancy_pct, 33.33);
  EXPECT_EQ(o.buildings[2].building_id, 3);
  EXPECT_DOUBLE_EQ(o.buildings[2].occupancy_pct, 0);
  EXPECT_DOUBLE_EQ(o.area, 1360);
  EXPECT_DOUBLE_EQ(o.leased_area, 620);
  EXPECT_DOUBLE_EQ(o.vacant_area, 740);
  EXPECT_DOUBLE_EQ(o.occupancy_pct, 45.59);
}

TEST(SmeCalc, TermsOverlapInclusive) {
  EXPECT_TRUE(TermsOverlap(D("2024-01-01"), D("2024-12-31"), D("2024-12-31"), D("2025-06-30")));
  EXPECT_FALSE(TermsOverlap(D("2024-01-01"), D("2024-12-31"), D("2025-01-01"), D("2025-06-30")));
  EXPECT_TRUE(TermsOverlap(D("2024-03-01"), D("2024-04-01"), D("2024-01-01"), D("2024-12-31")));
  EXPECT_FALSE(TermsOverlap(D("2024-03-01"), D("2024-04-01"), D("2023-01-01"), D("2024-02-29")));
}

TEST(SmeCalc, RentWithFreeMonthsReliefAndProration) {
  // 1.2 万元/month from 2024-01-16, 2 free months (to 2024-03-15), 50% relief in the first year.
  const RentTerms t{D("2024-01-16"), D("2026-01-15"), 1.2, 2, 50, 1};
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2023, 12}), 0);   // before the term
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2024, 2}), 0);    // free
  // March: billable 16..31 = 16 of 31 days → 1.2 × 16/31 = 0.61935 × 50% = 0.30968 → 0.31
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2024, 3}), 0.31);
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2024, 4}), 0.6);  // full month, relief
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2025, 1}), 0.6);  // 2025-01-01 < 2025-01-16: still relief year
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2025, 2}), 1.2);  // after the relief year
  // January 2026: days 1..15 of 31 → 1.2 × 15/31 = 0.58065 → 0.58
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2026, 1}), 0.58);
  EXPECT_DOUBLE_EQ(RentForPeriod(t, {2026, 2}), 0);
}

TEST(SmeCalc, ArrearsAgedOnHandCheckedBills) {
  const Date today = D("2024-07-01");
  const std::vector<BillDue> bills = {
      {D("2024-07-10"), 5, 0},      // not yet due
      {D("2024-07-01"), 5, 0},      // due today: not yet in arrears
      {D("2024-06-30"), 1.5, 0.5},  // 1 day → 1.00
      {D("2024-06-01"), 2, 0},      // 30 days → 2.00 in 1–30
      {D("2024-05-31"), 3, 1},      // 31 days → 2.00 in 31–90
      {D("2024-04-02"), 4, 4},      // settled
      {D("2024-04-01"), 0.8, 0},    // 91 days → 0.80 in 91–180
      {D("2023-12-31"), 6, 2.75},   // 183 days → 3.25 over 180
  };
  const ArrearsAging a = AgeArrears(bills, today);
  EXPECT_DOUBLE_EQ(a.d1_30, 3);
  EXPECT_DOUBLE_EQ(a.d31_90, 2);
  EXPECT_DOUBLE_EQ(a.d91_180, 0.8);
  EXPECT_DOUBLE_EQ(a.over_180, 3.25);
  EXPECT_DOUBLE_EQ(a.total, 9.05);
  EXPECT_EQ(a.bills, 5);
}

TEST(SmeCalc, ExpiryWindows) {
  const Date today = D("2024-01-01");
  EXPECT_EQ(ExpiryWindow(D("2023-12-31"), today), std::nullopt);
  EXPECT_EQ(ExpiryWindow(D("2024-01-01"), today), 30);
  EXPECT_EQ(ExpiryWindow(D("2024-01-31"), today), 30);
  EXPECT_EQ(ExpiryWindow(D("2024-02-01"), today), 60);
  EXPECT_EQ(ExpiryWindow(D("2024-03-31"), today), 90);
  EXPECT_EQ(ExpiryWindow(D("2024-04-01"), today), std::nullopt);
}

}  // namespace
}  // namespace parkhq::sme
