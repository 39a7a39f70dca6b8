#include "domain/land/land_records.h"

#include <gtest/gtest.h>

namespace parkhq::land {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(ParcelStage, FollowsTheLifeCycleDates) {
  Parcel p;
  p.area_mu = 10;
  EXPECT_EQ(StageAt(p, D("2023-12-31")), ParcelStage::kPlanned);
  p.approved = D("2020-01-01");
  p.supplied = D("2021-01-01");
  p.actual_start = D("2022-01-01");
  p.halted_since = D("2022-06-01");
  EXPECT_EQ(StageAt(p, D("2020-12-31")), ParcelStage::kApproved);
  EXPECT_EQ(StageAt(p, D("2021-01-01")), ParcelStage::kSupplied);
  EXPECT_EQ(StageAt(p, D("2022-05-31")), ParcelStage::kUnderConstruction);
  EXPECT_EQ(StageAt(p, D("2022-06-01")), ParcelStage::kHalted);
  p.halted_since.reset();
  p.completed = D("2023-01-01");
  p.production = D("2023-06-01");
  EXPECT_EQ(StageAt(p, D("2023-03-01")), ParcelStage::kCompleted);
  EXPECT_EQ(StageAt(p, D("2023-06-01")), ParcelStage::kProducing);
  EXPECT_STREQ(StageCode(ParcelStage::kUnderConstruction), "under_construction");
  EXPECT_EQ(ParseStage("producing"), ParcelStage::kProducing);
  EXPECT_FALSE(ParseStage("bogus"));
}

TEST(StandardStatus, PendingUntilTheCheckDateThenPassOrFail) {
  Parcel p;
  p.area_mu = 30;                // 20,000 m²
  p.invested = 9000;             // 300 万元/亩
  p.floor_area_m2 = 24000;       // FAR 1.2
  ContractRecord c;
  c.production_check = D("2023-06-30");
  c.indicators = {{evaluation::IndicatorCode::kInvestmentIntensity, 300, std::nullopt},
                  {evaluation::IndicatorCode::kFloorAreaRatio, 1.0, std::nullopt},
                  {evaluation::IndicatorCode::kTaxPerMu, 15, 15.0}};
  EXPECT_EQ(StandardStatusAt(nullptr, p, D("2023-12-31")), StandardStatus::kNone);
  EXPECT_EQ(StandardStatusAt(&c, p, D("2023-06-29")), StandardStatus::kPending);
  EXPECT_EQ(StandardStatusAt(&c, p, D("2023-06-30")), StandardStatus::kPassed);  // equality passes
  c.indicators[2].actual = 14.99;
  EXPECT_EQ(StandardStatusAt(&c, p, D("2023-06-30")), StandardStatus::kFailed);
  c.indicators[2].actual.reset();  // a missing actual fails
  EXPECT_EQ(StandardStatusAt(&c, p, D("2023-06-30")), StandardStatus::kFailed);
}

TEST(ActualsFor, EnteredValuesOverrideComputedOnes) {
  Parcel p;
  p.area_mu = 30;
  p.invested = 9000;
  ContractRecord c;
  auto a = ActualsFor(c, p);
  EXPECT_DOUBLE_EQ(*a[evaluation::Index(evaluation::IndicatorCode::kInvestmentIntensity)], 300);
  EXPECT_FALSE(a[evaluation::Index(evaluation::IndicatorCode::kFloorAreaRatio)]);
  c.indicators = {{evaluation::IndicatorCode::kInvestmentIntensity, 250, 280.0}};
  a = ActualsFor(c, p);
  EXPECT_DOUBLE_EQ(*a[evaluation::Index(evaluation::IndicatorCode::kInvestmentIntensity)], 280);
}

TEST(ValidateDisposal, NamesEveryBadField) {
  Disposal d;
  d.kind = "idle";
  d.method = "sell";
  d.status = "done";
  Status s = ValidateDisposal(d);
  ASSERT_TRUE(s.IsValidation());
  std::vector<std::string> fields;
  for (const auto& e : s.details()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"kind", "method", "status"}));
  d.kind = "supplied_not_used";
  d.method = "reclaim";
  d.status = "planned";
  EXPECT_TRUE(ValidateDisposal(d).ok());
  d.audited = true;
  EXPECT_EQ(ValidateDisposal(d).details().at(0).field, "audited");
  d.status = "completed";
  d.completed_on = D("2024-01-01");
  EXPECT_TRUE(ValidateDisposal(d).ok());
}

}  // namespace
}  // namespace parkhq::land
