#include "domain/land/inefficient_calc.h"

#include <gtest/gtest.h>

namespace parkhq::land {
namespace {

using enum InefficiencyKind;

Date D(const char* s) { return *Date::Parse(s); }

ParcelFacts Supplied(const char* supplied, const char* agreed_start) {
  ParcelFacts f;
  f.parcel.id = 7;
  f.parcel.code = "HT-07";
  f.parcel.area_mu = 30;  // 20,000 m²
  f.parcel.approved = D("2019-01-01");
  f.parcel.supplied = D(supplied);
  f.parcel.supply_kind = SupplyKind::kTransfer;
  f.parcel.agreed_start = D(agreed_start);
  return f;
}

// The kinds found at each date, as codes joined by ','.
std::string Kinds(const ParcelFacts& f, const char* date, const InefficiencyRules& r = {}) {
  std::string out;
  for (const InefficiencyFinding& x : ClassifyParcel(f, D(date), r)) out += std::string(out.empty() ? "" : ",") + KindCode(x.kind);
  return out;
}

TEST(InefficientTest, ApprovedNotSuppliedFromTheNthAnniversary) {
  ParcelFacts f;
  f.parcel.code = "HT-01";
  f.parcel.area_mu = 12;
  f.parcel.approved = D("2021-06-30");  // + 2 years = 2023-06-30
  EXPECT_EQ(Kinds(f, "2023-06-29"), "");
  EXPECT_EQ(Kinds(f, "2023-06-30"), "approved_not_supplied");
  EXPECT_EQ(Kinds(f, "2023-07-01"), "approved_not_supplied");
  InefficiencyRules three;
  three.approved_not_supplied_years = 3;
  EXPECT_EQ(Kinds(f, "2023-07-01", three), "");
  f.parcel.supplied = D("2023-06-30");
  f.parcel.supply_kind = SupplyKind::kAllocation;
  EXPECT_EQ(Kinds(f, "2023-06-29"), "");  // supplied a day later, but not yet two years
  EXPECT_EQ(Kinds(f, "2023-06-30"), "");  // supplied on the due day: not listed
  // A 29 February approval falls due on 28 February.
  f.parcel.supplied.reset();
  f.parcel.supply_kind.reset();
  f.parcel.approved = D("2020-02-29");
  EXPECT_EQ(Kinds(f, "2022-02-27"), "");
  EXPECT_EQ(Kinds(f, "2022-02-28"), "approved_not_supplied");
}

TEST(InefficientTest, NotStartedAFullYearAfterTheAgreedStart) {
  ParcelFacts f = Supplied("2021-12-01", "2022-03-01");  // idle from 2023-03-01
  f.parcel.land_price = 500;                            // 万元
  EXPECT_EQ(Kinds(f, "2023-02-28"), "");
  EXPECT_EQ(Kinds(f, "2023-03-01"), "supplied_not_used");
  const auto found = ClassifyParcel(f, D("2023-03-02"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules, std::vector<std::string>{"supplied_not_used.not_started"});
  EXPECT_EQ(found[0].reasons[0], "超过约定动工日期(2022-03-01)满1年未动工开发");
  ASSERT_EQ(found[0].consequences.size(), 2u);
  EXPECT_TRUE(found[0].consequences[0].reached);            // 闲置费 from 2023-03-01
  EXPECT_DOUBLE_EQ(*found[0].consequences[0].amount, 100);  // 20% × 500 万元
  EXPECT_EQ(found[0].consequences[1].from, D("2024-03-01"));
  EXPECT_FALSE(found[0].consequences[1].reached);           // 无偿收回 only after two years
  EXPECT_TRUE(ClassifyParcel(f, D("2024-03-01"), {})[0].consequences[1].reached);
  // Started the day before the check date: not idle.
  f.parcel.actual_start = D("2023-02-28");
  EXPECT_EQ(Kinds(f, "2023-03-01"), "");
  // No agreed start: not judged, reported as a data gap.
  ParcelFacts g = Supplied("2021-12-01", "2022-03-01");
  g.parcel.agreed_start.reset();
  std::vector<DataGap> gaps;
  EXPECT_TRUE(ClassifyParcel(g, D("2025-01-01"), {}, &gaps).empty());
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].rule, "supplied_not_used.not_started");
}

TEST(InefficientTest, StartedButHaltedAFullYearWithLittleDevelopedOrInvested) {
  ParcelFacts f = Supplied("2021-06-01", "2021-10-01");
  f.parcel.actual_start = D("2021-10-01");
  f.parcel.halted_since = D("2022-06-15");  // a full year on 2023-06-15
  f.parcel.developed_area_m2 = 5000;        // 5000 / 20000 = 25% < 1/3
  EXPECT_EQ(Kinds(f, "2023-06-14"), "");
  EXPECT_EQ(Kinds(f, "2023-06-15"), "supplied_not_used");
  EXPECT_EQ(Kinds(f, "2023-06-16"), "supplied_not_used");
  f.parcel.developed_area_m2 = 7000;  // 35%: enough developed …
  f.parcel.invested = 3000;
  f.parcel.total_investment = 10000;  // … and 30% invested: not idle
  EXPECT_EQ(Kinds(f, "2023-06-16"), "");
  f.parcel.invested = 2400;           // 24% < 25%: idle again
  const auto found = ClassifyParcel(f, D("2023-06-16"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules[0], "supplied_not_used.halted");
  EXPECT_EQ(found[0].reasons[0], "已动工但已投资仅占总投资24.00%(不足25.00%)，且自2022-06-15中止开发建设满1年");
  EXPECT_EQ(found[0].consequences[0].from, D("2023-06-15"));
}

TEST(InefficientTest, UsedNotFullyByFarCoverageOrUndevelopedShare) {
  ParcelFacts f = Supplied("2021-06-01", "2021-10-01");
  f.parcel.actual_start = D("2021-10-01");
  f.parcel.completed = D("2023-01-01");
  f.parcel.agreed_completion = D("2023-01-01");
  f.parcel.agreed_production = D("2023-12-31");
  f.parcel.floor_area_m2 = 24000;    // 容积率 24000 / 20000 = 1.2
  f.parcel.footprint_m2 = 6000;      // 建筑系数 30%: exactly the national floor, passes
  f.parcel.developed_area_m2 = 20000;
  f.contract = StandardLandContract{{{IndicatorCode::kFloorAreaRatio, 1.2}}, std::nullopt};
  EXPECT_EQ(Kinds(f, "2023-01-01"), "");
  f.parcel.floor_area_m2 = 23990;    // 1.1995 < 1.2
  EXPECT_EQ(Kinds(f, "2022-12-31"), "");  // not yet completed
  EXPECT_EQ(Kinds(f, "2023-01-01"), "used_not_fully");
  f.parcel.floor_area_m2 = 24000;
  f.parcel.footprint_m2 = 5999;      // 29.995% < 30%
  auto found = ClassifyParcel(f, D("2023-01-01"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules, std::vector<std::string>{"used_not_fully.coverage_below_national"});
  f.parcel.footprint_m2 = 6000;
  f.parcel.developed_area_m2 = 10000;  // undeveloped 50%: reaches the default 50%
  found = ClassifyParcel(f, D("2023-01-01"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules, std::vector<std::string>{"used_not_fully.undeveloped_share"});
  f.parcel.developed_area_m2 = 10001;
  EXPECT_EQ(Kinds(f, "2023-01-01"), "");
}

TEST(InefficientTest, BuiltNotProducingFromTheDayAfterTheAgreedDate) {
  ParcelFacts f = Supplied("2021-06-01", "2021-10-01");
  f.parcel.actual_start = D("2021-10-01");
  f.parcel.completed = D("2023-01-10");
  f.parcel.agreed_production = D("2023-06-30");
  EXPECT_EQ(Kinds(f, "2023-06-29"), "");
  EXPECT_EQ(Kinds(f, "2023-06-30"), "");  // the agreed day itself is still in time
  EXPECT_EQ(Kinds(f, "2023-07-01"), "built_not_producing");
  f.parcel.production = D("2023-07-01");
  EXPECT_EQ(Kinds(f, "2023-07-01"), "");
  EXPECT_EQ(Kinds(f, "2023-06-30"), "");
}

TEST(InefficientTest, ProducingBelowStandardFromTheCheckDate) {
  ParcelFacts f = Supplied("2019-06-01", "2019-10-01");
  f.parcel.actual_start = D("2019-10-01");
  f.parcel.completed = D("2021-06-01");
  f.parcel.production = D("2022-01-01");
  f.contract = StandardLandContract{{{IndicatorCode::kInvestmentIntensity, 300}, {IndicatorCode::kTaxPerMu, 15}},
                                    D("2024-01-01")};
  f.actual[evaluation::Index(IndicatorCode::kInvestmentIntensity)] = 320;
  f.actual[evaluation::Index(IndicatorCode::kTaxPerMu)] = 12.5;
  EXPECT_EQ(Kinds(f, "2023-12-31"), "");
  EXPECT_EQ(Kinds(f, "2024-01-01"), "producing_below_standard");
  const auto found = ClassifyParcel(f, D("2024-01-02"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules, std::vector<std::string>{"producing_below_standard.tax_per_mu"});
  EXPECT_EQ(found[0].reasons[0], "达产复核未达标：亩均税收 实际12.50 低于约定15.00 万元/亩");
  f.actual[evaluation::Index(IndicatorCode::kTaxPerMu)] = 15;
  EXPECT_EQ(Kinds(f, "2024-01-02"), "");
}

TEST(InefficientTest, ReportTotalsByKindInMu) {
  ParcelFacts a;  // 批而未供, 12 亩
  a.parcel.id = 1;
  a.parcel.code = "A";
  a.parcel.area_mu = 12;
  a.parcel.approved = D("2020-01-01");
  ParcelFacts b = Supplied("2020-01-01", "2020-06-01");  // 供而未用, 30 亩
  b.parcel.id = 2;
  ParcelFacts c = Supplied("2020-01-01", "2020-06-01");  // built, not producing, FAR low: 30 亩 × 2 kinds
  c.parcel.id = 3;
  c.parcel.actual_start = D("2020-06-01");
  c.parcel.completed = D("2022-01-01");
  c.parcel.agreed_production = D("2022-06-30");
  c.contract = StandardLandContract{{{IndicatorCode::kFloorAreaRatio, 1.0}}, std::nullopt};
  c.parcel.floor_area_m2 = 10000;  // 容积率 0.5
  const InefficiencyReport r = FindInefficientLand({a, b, c}, D("2023-12-31"));
  ASSERT_EQ(r.items.size(), 4u);
  EXPECT_DOUBLE_EQ(r.totals_mu[0], 12);
  EXPECT_DOUBLE_EQ(r.totals_mu[1], 30);
  EXPECT_DOUBLE_EQ(r.totals_mu[2], 30);
  EXPECT_DOUBLE_EQ(r.totals_mu[3], 30);
  EXPECT_DOUBLE_EQ(r.totals_mu[4], 0);
  EXPECT_DOUBLE_EQ(r.total_distinct_mu, 72);  // 12 + 30 + 30: parcel 3 once
}

TEST(InefficientTest, RulesValidation) {
  InefficiencyRules r;
  EXPECT_TRUE(ValidateRules(r).ok());
  r.approved_not_supplied_years = 0;
  r.min_invested_share = 1.5;
  const Status st = ValidateRules(r);
  ASSERT_EQ(st.details().size(), 2u);
  EXPECT_EQ(st.details()[0].field, "approved_not_supplied_years");
  EXPECT_EQ(st.details()[1].field, "min_invested_share");
}

}  // namespace
}  // namespace parkhq::land
