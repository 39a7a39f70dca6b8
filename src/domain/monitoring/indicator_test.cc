#include "domain/monitoring/indicator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace parkhq::monitoring {
namespace {

Indicator Valid() {
  return {"fai", "固定资产投资", "Fixed-asset investment", "万元", IndicatorKind::kFlow, true, 2};
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(SeededIndicators, ListsTheIssueCatalogInOrder) {
  std::vector<std::string> codes;
  for (const Indicator& ind : SeededIndicators()) codes.push_back(ind.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"fai", "output", "sales", "value_added", "tax",
                                             "energy", "employees", "new_above_scale",
                                             "new_enterprises", "funds_in_place"}));
  EXPECT_TRUE(ValidateCatalog(SeededIndicators()).ok());
}

TEST(SeededIndicators, KindsDirectionsAndUnits) {
  const auto& cat = SeededIndicators();
  struct Row {
    const char* code;
    const char* name_zh;
    const char* unit;
    IndicatorKind kind;
    bool higher;
    int decimals;
  };
  const Row rows[] = {
      {"fai", "固定资产投资", "万元", IndicatorKind::kFlow, true, 2},
      {"energy", "综合能耗", "吨标准煤", IndicatorKind::kFlow, false, 2},
      {"employees", "从业人员", "人", IndicatorKind::kStock, true, 0},
      {"new_above_scale", "新培育规上企业", "户", IndicatorKind::kFlow, true, 0},
      {"new_enterprises", "新入园企业", "户", IndicatorKind::kFlow, true, 0},
      {"funds_in_place", "资金到位", "万元", IndicatorKind::kFlow, true, 2},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.code);
    const Indicator* ind = FindIndicator(cat, r.code);
    ASSERT_NE(ind, nullptr);
    EXPECT_EQ(ind->name_zh, r.name_zh);
    EXPECT_EQ(ind->unit, r.unit);
    EXPECT_EQ(ind->kind, r.kind);
    EXPECT_EQ(ind->higher_is_better, r.higher);
    EXPECT_EQ(ind->decimals, r.decimals);
  }
  EXPECT_EQ(FindIndicator(cat, "gdp"), nullptr);
}

TEST(IndicatorKind, NamesRoundTrip) {
  EXPECT_STREQ(IndicatorKindName(IndicatorKind::kFlow), "flow");
  EXPECT_STREQ(IndicatorKindName(IndicatorKind::kStock), "stock");
  EXPECT_EQ(ParseIndicatorKind("stock"), IndicatorKind::kStock);
  EXPECT_EQ(ParseIndicatorKind("flow"), IndicatorKind::kFlow);
  EXPECT_EQ(ParseIndicatorKind("Flow"), std::nullopt);
  EXPECT_EQ(ParseIndicatorKind(""), std::nullopt);
}

TEST(ValidateIndicator, OneBadFieldEach) {
  struct Case {
    const char* what;
    Indicator ind;
    const char* field;
  };
  auto with = [](auto mutate) {
    Indicator i = Valid();
    mutate(i);
    return i;
  };
  const Case cases[] = {
      {"upper case code", with([](Indicator& i) { i.code = "Fai"; }), "code"},
      {"leading digit", with([](Indicator& i) { i.code = "1fai"; }), "code"},
      {"hyphen", with([](Indicator& i) { i.code = "fai-x"; }), "code"},
      {"empty code", with([](Indicator& i) { i.code = ""; }), "code"},
      {"33-char code", with([](Indicator& i) { i.code = "a" + std::string(32, 'b'); }), "code"},
      {"blank name_zh", with([](Indicator& i) { i.name_zh = "  "; }), "name_zh"},
      {"65-char name_zh", with([](Indicator& i) { i.name_zh = Repeat("投", 65); }), "name_zh"},
      {"empty name_en", with([](Indicator& i) { i.name_en = ""; }), "name_en"},
      {"empty unit", with([](Indicator& i) { i.unit = ""; }), "unit"},
      {"17-char unit", with([](Indicator& i) { i.unit = Repeat("元", 17); }), "unit"},
      {"decimals -1", with([](Indicator& i) { i.decimals = -1; }), "decimals"},
      {"decimals 7", with([](Indicator& i) { i.decimals = 7; }), "decimals"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Status st = ValidateIndicator(c.ind);
    ASSERT_TRUE(st.IsValidation());
    ASSERT_EQ(st.details().size(), 1u);
    EXPECT_EQ(st.details()[0].field, c.field);
    EXPECT_FALSE(st.details()[0].message.empty());
  }
}

TEST(ValidateIndicator, LimitsThemselvesAreValid) {
  Indicator i = Valid();
  i.code = "a" + std::string(31, '_');  // 32 chars
  i.name_zh = Repeat("投", 64);         // 64 characters, 192 bytes
  i.unit = Repeat("元", 16);
  i.decimals = 6;
  EXPECT_TRUE(ValidateIndicator(i).ok());
  i.decimals = 0;
  EXPECT_TRUE(ValidateIndicator(i).ok());
}

TEST(ValidateIndicator, CollectsEveryBadField) {
  Indicator i{"", "", "", "", IndicatorKind::kFlow, true, 9};
  Status st = ValidateIndicator(i);
  ASSERT_TRUE(st.IsValidation());
  EXPECT_EQ(st.details().size(), 5u);
}

TEST(ValidateCatalog, DuplicateCodeAndBadItemArePrefixed) {
  std::vector<Indicator> cat = {Valid(), Valid()};
  cat[1].decimals = 8;
  Status st = ValidateCatalog(cat);
  ASSERT_TRUE(st.IsValidation());
  ASSERT_EQ(st.details().size(), 2u);
  EXPECT_EQ(st.details()[0].field, "items[1].decimals");
  EXPECT_EQ(st.details()[1].field, "items[1].code");
}

TEST(ValidateIndicatorValue, FiniteAndNotNegative) {
  const Indicator ind = Valid();
  EXPECT_TRUE(ValidateIndicatorValue(ind, 0, "values.fai").ok());
  EXPECT_TRUE(ValidateIndicatorValue(ind, 1234.5, "values.fai").ok());
  const double bad[] = {-0.01, std::nan(""), std::numeric_limits<double>::infinity()};
  for (double v : bad) {
    Status st = ValidateIndicatorValue(ind, v, "values.fai");
    ASSERT_TRUE(st.IsValidation()) << v;
    ASSERT_EQ(st.details().size(), 1u);
    EXPECT_EQ(st.details()[0].field, "values.fai");
  }
}

}  // namespace
}  // namespace parkhq::monitoring
