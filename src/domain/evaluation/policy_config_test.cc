// A park's policy list and surcharge schedule: the defaults are valid, every bad value is a field
// error naming its item, and the typed list keeps the order.
#include "domain/evaluation/policy_config.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

namespace parkhq::evaluation {
namespace {

using enum EvalClass;

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  for (const auto& d : s.details()) out.push_back(d.field);
  return out;
}

PolicyConfig TwoItems() {
  PolicyConfig c;
  c.items = {{"A", "land", "优先安排用地", std::nullopt, ""}, {"D", "water", "超定额累进加价", 0.5, "元/吨"}};
  return c;
}

TEST(PolicyConfigTest, DefaultsAreValidAndMatchTheDefaultList) {
  const PolicyConfig c = DefaultPolicyConfig();
  EXPECT_TRUE(ValidatePolicyConfig(c).ok());
  EXPECT_EQ(c.surcharge.yuan_per_kwh, (std::vector<double>{0.05, 0.10, 0.15}));
  const auto items = PolicyItems(c);
  const auto dflt = DefaultPolicies();
  ASSERT_EQ(items.size(), dflt.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].cls, dflt[i].cls);
    EXPECT_EQ(items[i].measure, dflt[i].measure);
    EXPECT_EQ(items[i].rate, dflt[i].rate);
  }
}

TEST(PolicyConfigTest, AnEmptyListWithAScheduleIsValid) {
  PolicyConfig c;
  EXPECT_TRUE(ValidatePolicyConfig(c).ok());
  EXPECT_TRUE(PolicyItems(c).empty());
}

struct BadCase {
  const char* name;
  std::function<void(PolicyConfig&)> change;
  std::vector<std::string> fields;  // exactly these, in order
};

TEST(PolicyConfigTest, EachBadValueNamesItsField) {
  const std::string long_measure(kMaxMeasureChars + 1, 'x');
  std::string measure_200_chinese;
  for (std::size_t i = 0; i < kMaxMeasureChars; ++i) measure_200_chinese += "字";  // 600 bytes, 200 chars
  const std::vector<BadCase> cases = {
      {"class T", [](PolicyConfig& c) { c.items[1].cls = "T"; }, {"items[1].class"}},
      {"class lower case", [](PolicyConfig& c) { c.items[0].cls = "a"; }, {"items[0].class"}},
      {"class empty", [](PolicyConfig& c) { c.items[0].cls = ""; }, {"items[0].class"}},
      {"resource unknown", [](PolicyConfig& c) { c.items[0].resource = "gas"; }, {"items[0].resource"}},
      {"measure empty", [](PolicyConfig& c) { c.items[1].measure = ""; }, {"items[1].measure"}},
      {"measure blank", [](PolicyConfig& c) { c.items[1].measure = "  \t"; }, {"items[1].measure"}},
      {"measure too long", [&](PolicyConfig& c) { c.items[0].measure = long_measure; }, {"items[0].measure"}},
      {"measure 201 chinese chars", [&](PolicyConfig& c) { c.items[0].measure = measure_200_chinese + "字"; },
       {"items[0].measure"}},
      {"rate negative", [](PolicyConfig& c) { c.items[1].rate = -0.01; }, {"items[1].rate"}},
      {"rate NaN", [](PolicyConfig& c) { c.items[1].rate = std::nan(""); }, {"items[1].rate"}},
      {"rate infinite", [](PolicyConfig& c) { c.items[1].rate = std::numeric_limits<double>::infinity(); },
       {"items[1].rate"}},
      {"unit too long", [](PolicyConfig& c) { c.items[1].unit = std::string(kMaxUnitChars + 1, 'u'); },
       {"items[1].unit"}},
      {"too many items", [](PolicyConfig& c) { c.items.resize(kMaxPolicyItems + 1, c.items[0]); }, {"items"}},
      {"schedule empty", [](PolicyConfig& c) { c.surcharge.yuan_per_kwh.clear(); }, {"surcharge.yuan_per_kwh"}},
      {"schedule too long", [](PolicyConfig& c) { c.surcharge.yuan_per_kwh.assign(kMaxSurchargeYears + 1, 0.1); },
       {"surcharge.yuan_per_kwh"}},
      {"schedule negative", [](PolicyConfig& c) { c.surcharge.yuan_per_kwh = {-0.05, 0.1}; },
       {"surcharge.yuan_per_kwh[0]"}},
      {"schedule decreasing", [](PolicyConfig& c) { c.surcharge.yuan_per_kwh = {0.05, 0.15, 0.10}; },
       {"surcharge.yuan_per_kwh[2]"}},
      {"schedule infinite", [](PolicyConfig& c) { c.surcharge.yuan_per_kwh = {0.05, HUGE_VAL}; },
       {"surcharge.yuan_per_kwh[1]"}},
      {"several at once",
       [](PolicyConfig& c) {
         c.items[0].cls = "E";
         c.items[1].resource = "";
         c.items[1].rate = -1;
         c.surcharge.yuan_per_kwh = {0.2, 0.1};
       },
       {"items[0].class", "items[1].resource", "items[1].rate", "surcharge.yuan_per_kwh[1]"}},
  };
  for (const auto& tc : cases) {
    PolicyConfig c = TwoItems();
    tc.change(c);
    const Status st = ValidatePolicyConfig(c);
    EXPECT_TRUE(st.IsValidation()) << tc.name;
    EXPECT_EQ(Fields(st), tc.fields) << tc.name;
    for (const auto& d : st.details()) EXPECT_FALSE(d.message.empty()) << tc.name;
  }
}

TEST(PolicyConfigTest, LimitsAreInclusive) {
  PolicyConfig c = TwoItems();
  std::string measure;
  for (std::size_t i = 0; i < kMaxMeasureChars; ++i) measure += "字";
  c.items[0].measure = measure;
  c.items[0].unit = std::string(kMaxUnitChars, 'u');
  c.items[1].rate = 0;
  c.items.resize(kMaxPolicyItems, c.items[1]);
  c.surcharge.yuan_per_kwh.assign(kMaxSurchargeYears, 0.1);
  const Status st = ValidatePolicyConfig(c);
  EXPECT_TRUE(st.ok()) << st.message();
}

TEST(PolicyConfigTest, KnownResources) {
  for (const char* r : {"land", "electricity", "water", "energy", "credit", "subsidy", "other"})
    EXPECT_TRUE(IsKnownResource(r)) << r;
  for (const char* r : {"", "Land", "gas", "电"}) EXPECT_FALSE(IsKnownResource(r)) << r;
}

TEST(PolicyConfigTest, TypedListKeepsOrderAndClasses) {
  const auto items = PolicyItems(TwoItems());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].cls, kA);
  EXPECT_EQ(items[1].cls, kD);
  EXPECT_EQ(items[1].resource, "water");
  EXPECT_EQ(items[1].rate, 0.5);
  EXPECT_EQ(items[1].unit, "元/吨");
  EXPECT_EQ(PoliciesFor(items, kD).size(), 1u);
}

TEST(PolicyConfigTest, ScheduleErrorsWithoutPrefix) {
  EXPECT_TRUE(ScheduleErrors({}).empty());
  EXPECT_EQ(ScheduleErrors({{0.1, 0.05}}).at(0).field, "yuan_per_kwh[1]");
  EXPECT_EQ(ScheduleErrors({{}}).at(0).field, "yuan_per_kwh");
  EXPECT_FALSE(ValidateSchedule({std::vector<double>(kMaxSurchargeYears + 1, 0.1)}).ok());
  // An equal rate in the next year is allowed (non-decreasing).
  EXPECT_TRUE(ValidateSchedule({{0.1, 0.1, 0.1}}).ok());
}

}  // namespace
}  // namespace parkhq::evaluation
