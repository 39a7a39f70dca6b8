#include "domain/evaluation/scheme.h"

#include <gtest/gtest.h>

#include "domain/evaluation/enterprise_input.h"

namespace parkhq::evaluation {
namespace {

std::vector<std::string> Fields(const Status& st) {
  std::vector<std::string> out;
  for (const FieldError& e : st.details()) out.push_back(e.field + ":" + e.message);
  return out;
}

TEST(SchemeTest, DefaultSchemeIsValid) { EXPECT_TRUE(ValidateScheme(DefaultScheme()).ok()); }

struct BadSchemeCase {
  const char* name;
  void (*mutate)(Scheme&);
  std::string expected;  // "field:message"
};

TEST(SchemeTest, InvalidSchemesNameTheField) {
  const BadSchemeCase cases[] = {
      {"negative weight", [](Scheme& s) { s.groups[0].indicators[1].weight = -5; },
       "groups[0].indicators[1].weight:权重不能为负数"},
      {"unknown code", [](Scheme& s) { s.groups[0].indicators[1].code = "tax_per_acre"; },
       "groups[0].indicators[1].code:未知指标代码：tax_per_acre"},
      {"standard-land-only code", [](Scheme& s) { s.groups[1].indicators[0].code = "floor_area_ratio"; },
       "groups[1].indicators[0].code:该指标不能用于亩均效益评价"},
      {"duplicate code", [](Scheme& s) { s.groups[1].indicators[1].code = "tax_per_mu"; },
       "groups[1].indicators[1].code:指标重复"},
      {"bounds not increasing", [](Scheme& s) { s.groups[0].classes.bounds = {20, 60, 60}; },
       "groups[0].classes.bounds:百分位界限须严格递增(A<B<C)"},
      {"bound over 100", [](Scheme& s) { s.groups[0].classes.bounds = {20, 60, 120}; },
       "groups[0].classes.bounds[2]:百分位界限须大于0且不大于100"},
      {"threshold bounds increasing", [](Scheme& s) {
         s.groups[0].classes.method = "threshold";
         s.groups[0].classes.bounds = {60, 90, 120};
       }, "groups[0].classes.bounds:分数界限须严格递减(A>B>C)"},
      {"unknown method", [](Scheme& s) { s.groups[0].classes.method = "kmeans"; },
       "groups[0].classes.method:分档方法应为percentile或threshold"},
      {"zero benchmark", [](Scheme& s) { s.groups[0].indicators[0].benchmark = 0.0; },
       "groups[0].indicators[0].benchmark:基准值须大于0"},
      {"negative cap", [](Scheme& s) { s.groups[0].indicators[0].cap = -1.0; },
       "groups[0].indicators[0].cap:封顶分不能为负数"},
      {"duplicate group", [](Scheme& s) { s.groups[1].code = "above_scale"; },
       "groups[1].code:分组重复"},
      {"A minimum", [](Scheme& s) { s.groups[0].classes.quotas[0].min_pct = 10.0; },
       "groups[0].classes.quotas.A.min_pct:A类不支持下限配额"},
      {"min above max", [](Scheme& s) {
         s.groups[0].classes.quotas[2].min_pct = 40.0;
         s.groups[0].classes.quotas[2].max_pct = 30.0;
       }, "groups[0].classes.quotas.C.min_pct:下限不能大于上限"},
      {"all weights zero", [](Scheme& s) { for (auto& i : s.groups[1].indicators) i.weight = 0; },
       "groups[1].indicators:权重合计须大于0"},
      {"missing rule", [](Scheme& s) { s.groups[0].missing = "median"; },
       "groups[0].missing:缺失数据规则应为group_average或zero"},
  };
  for (const BadSchemeCase& c : cases) {
    Scheme s = DefaultScheme();
    c.mutate(s);
    const Status st = ValidateScheme(s);
    EXPECT_TRUE(st.IsValidation()) << c.name;
    EXPECT_EQ(Fields(st), std::vector<std::string>{c.expected}) << c.name;
  }
}

TEST(SchemeTest, RuleBenchmarkIsKTimesLastYearsAverage) {
  // Last year, above scale: tax 100 on 10 亩 and 300 on 10 亩 → Σ400 / Σ20 = 20 万元/亩;
  // an excluded firm (tax 1000 on 1 亩) does not count. Benchmark = 2 × 20 = 40.
  std::vector<EnterpriseInput> last(3);
  last[0].land_mu = 10; last[0].tax = 100;
  last[1].land_mu = 10; last[1].tax = 300;
  last[2].land_mu = 1;  last[2].tax = 1000; last[2].excluded_reason = "公用事业";
  const GroupAverageTable avg = GroupAverages(last);
  EXPECT_DOUBLE_EQ(*avg[0][Index(IndicatorCode::kTaxPerMu)], 20);
  EXPECT_FALSE(avg[0][Index(IndicatorCode::kValueAddedPerMu)].has_value());

  Scheme s;
  GroupSpec g;
  g.code = "above_scale";
  IndicatorSpec tax;
  tax.code = "tax_per_mu";
  tax.weight = 100;
  g.indicators = {tax};
  s.groups = {g};
  const auto resolved = ResolveScheme(s, avg);
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_DOUBLE_EQ((*resolved).groups[0]->indicators[0].benchmark, 40);

  s.groups[0].indicators[0].benchmark_k = 1.5;  // 1.5 × 20 = 30
  EXPECT_DOUBLE_EQ((*ResolveScheme(s, avg)).groups[0]->indicators[0].benchmark, 30);

  s.groups[0].indicators[0].code = "value_added_per_mu";  // no average last year
  const auto missing = ResolveScheme(s, avg);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().details().at(0).field, "groups[0].indicators[0].benchmark");
}

TEST(IndicatorTest, DefinitionsAndZeroDenominators) {
  EnterpriseInput in;
  in.land_mu = 20; in.tax = 50; in.value_added = 300; in.revenue = 1000; in.energy_tce = 150;
  in.emissions_t = 0; in.employees_avg = 60; in.rnd = 25; in.electricity_kwh = 2'000'000;
  const IndicatorValues v = ComputeIndicators(in);
  using enum IndicatorCode;
  EXPECT_DOUBLE_EQ(*v[Index(kTaxPerMu)], 2.5);               // 50 / 20
  EXPECT_DOUBLE_EQ(*v[Index(kValueAddedPerMu)], 15);         // 300 / 20
  EXPECT_DOUBLE_EQ(*v[Index(kRevenuePerMu)], 50);            // 1000 / 20
  EXPECT_DOUBLE_EQ(*v[Index(kLabourProductivity)], 5);       // 300 / 60
  EXPECT_DOUBLE_EQ(*v[Index(kValueAddedPerEnergy)], 2);      // 300 / 150
  EXPECT_FALSE(v[Index(kValueAddedPerEmission)].has_value());  // 300 / 0: undefined
  EXPECT_DOUBLE_EQ(*v[Index(kRndIntensity)], 0.025);         // 25 / 1000
  EXPECT_DOUBLE_EQ(*v[Index(kTaxPerKwh)], 0.25);             // 50 万元 / 200 万kWh
  EXPECT_FALSE(v[Index(kFloorAreaRatio)].has_value());       // not an evaluation indicator
  in.tax.reset();
  EXPECT_FALSE(ComputeIndicators(in)[Index(kTaxPerMu)].has_value());
}

TEST(IndicatorTest, CatalogueCodesRoundTrip) {
  for (const IndicatorInfo& info : Catalogue()) {
    EXPECT_EQ(ParseIndicatorCode(info.key), info.code);
    EXPECT_EQ(info.in_evaluation, Index(info.code) < kEvaluationIndicatorCount) << info.key;
  }
  EXPECT_FALSE(ParseIndicatorCode("nope").has_value());
}

}  // namespace
}  // namespace parkhq::evaluation
