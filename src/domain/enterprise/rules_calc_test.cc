#include "domain/enterprise/rules_calc.h"

#include <gtest/gtest.h>

#include <limits>

namespace parkhq::enterprise {
namespace {

class RulesCalcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<std::vector<CompiledRule>> r = CompileRules(DefaultValidationRules(fields_), fields_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    rules_ = std::move(r).value();
  }
  // A complete, consistent report: every seeded rule holds.
  FieldValues Good() const {
    return {{"output", 1200}, {"revenue", 1100}, {"value_added", 300}, {"tax", 50},
            {"profit", -20},  {"energy", 900},   {"electricity", 80},  {"employees", 150}};
  }
  static bool HasError(const ReportCheck& c, const std::string& field, const std::string& rule) {
    for (const Finding& f : c.errors)
      if (f.field == field && f.rule_code == rule) return true;
    return false;
  }
  static bool Skipped(const ReportCheck& c, const std::string& rule) {
    for (const std::string& s : c.skipped_rules)
      if (s == rule) return true;
    return false;
  }

  std::vector<ReportField> fields_ = DefaultReportFields();
  std::vector<CompiledRule> rules_;
  FieldValues last_year_ = {{"revenue", 1000}};
};

TEST_F(RulesCalcTest, CleanReportPasses) {
  ReportInput in{Good(), {}, nullptr, &last_year_};
  ReportCheck c = CheckReport(in, fields_, rules_);
  EXPECT_TRUE(c.CanSubmit());
  EXPECT_TRUE(c.ToStatus().ok());
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_TRUE(c.errors.empty());
}

TEST_F(RulesCalcTest, MissingOptionalFieldSkipsItsRule) {
  // rnd and emissions are optional and not in Good(): their non-negative rules have no operand and
  // are skipped, not failed.
  ReportInput in{Good(), {}, nullptr, &last_year_};
  ReportCheck c = CheckReport(in, fields_, rules_);
  EXPECT_EQ(c.skipped_rules, (std::vector<std::string>{"non_negative.rnd", "non_negative.emissions"}));
  in.values["rnd"] = -3;
  ReportCheck neg = CheckReport(in, fields_, rules_);
  EXPECT_FALSE(Skipped(neg, "non_negative.rnd"));
  EXPECT_TRUE(HasError(neg, "values.rnd", "non_negative.rnd"));
}

TEST_F(RulesCalcTest, ValueAddedAboveOutputIsAnError) {
  FieldValues v = Good();
  v["value_added"] = 1200.01;  // > output 1200
  ReportCheck c = CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_);
  EXPECT_FALSE(c.CanSubmit());
  EXPECT_TRUE(HasError(c, "values.value_added", "value_added_le_output"));
  v["value_added"] = 1200;  // equal is allowed
  EXPECT_TRUE(CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_).CanSubmit());
}

TEST_F(RulesCalcTest, NegativeAmountsAreErrorsExceptProfit) {
  FieldValues v = Good();
  v["tax"] = -1;
  v["profit"] = -500;
  ReportCheck c = CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].field, "values.tax");
  EXPECT_EQ(c.errors[0].message, "税收不能为负数");
  Status st = c.ToStatus();
  ASSERT_TRUE(st.IsValidation());
  EXPECT_EQ(st.message(), "月报有1处错误");
  EXPECT_EQ(st.details()[0].field, "values.tax");
}

TEST_F(RulesCalcTest, RevenueSwingNeedsExplanation) {
  FieldValues v = Good();
  v["revenue"] = 1600;  // vs 1000 last year: +60% > 50%
  ReportCheck c = CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].rule_code, "revenue_yoy_50");
  EXPECT_FALSE(c.warnings[0].explanation);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].field, "explanations.revenue");
  EXPECT_EQ(c.errors[0].message, "需要填写说明：营业收入与上年同月相比变化超过50%，请核实并说明原因");

  // A blank explanation does not count; a written one does.
  EXPECT_FALSE(CheckReport({v, {{"revenue", "  "}}, nullptr, &last_year_}, fields_, rules_).CanSubmit());
  ReportCheck ok = CheckReport({v, {{"revenue", "新生产线投产"}}, nullptr, &last_year_}, fields_, rules_);
  EXPECT_TRUE(ok.CanSubmit());
  ASSERT_EQ(ok.warnings.size(), 1u);
  EXPECT_EQ(ok.warnings[0].explanation, "新生产线投产");

  v["revenue"] = 1500;  // exactly +50%: within the limit
  EXPECT_TRUE(CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_).warnings.empty());
  v["revenue"] = 499;  // -50.1%
  EXPECT_EQ(CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_).warnings.size(), 1u);
}

TEST_F(RulesCalcTest, NoLastYearReportSkipsYoyRule) {
  FieldValues v = Good();
  ReportCheck c = CheckReport({v, {}, nullptr, nullptr}, fields_, rules_);
  EXPECT_TRUE(c.CanSubmit());
  EXPECT_TRUE(Skipped(c, "revenue_yoy_50"));
  FieldValues zero_last_year = {{"revenue", 0}};  // change from 0 is undefined: skipped
  EXPECT_TRUE(Skipped(CheckReport({v, {}, nullptr, &zero_last_year}, fields_, rules_), "revenue_yoy_50"));
}

TEST_F(RulesCalcTest, EnergyWhenOutput) {
  FieldValues v = Good();
  v["energy"] = 0;
  ReportCheck c = CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].field, "energy");
  EXPECT_TRUE(HasError(c, "explanations.energy", "energy_when_output"));
  // No output: the rule does not apply at all (not a skip).
  v["output"] = 0;
  v["value_added"] = 0;
  ReportCheck idle = CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_);
  EXPECT_TRUE(idle.warnings.empty());
  EXPECT_FALSE(Skipped(idle, "energy_when_output"));
}

TEST_F(RulesCalcTest, FieldListChecks) {
  FieldValues v = Good();
  v.erase("employees");
  v["bogus"] = 1;
  v["rnd"] = std::numeric_limits<double>::quiet_NaN();
  ReportCheck c = CheckReport({v, {}, nullptr, &last_year_}, fields_, rules_);
  EXPECT_TRUE(HasError(c, "values.bogus", ""));
  EXPECT_TRUE(HasError(c, "values.rnd", ""));
  EXPECT_TRUE(HasError(c, "values.employees", ""));
  for (const Finding& f : c.errors)
    if (f.field == "values.employees") {
      EXPECT_EQ(f.message, "从业人员为必填项");
    }
}

TEST_F(RulesCalcTest, CustomRulesWithEveryOperator) {
  // Each rule holds for the Good() report; flipping the data must trip exactly that rule.
  std::vector<ValidationRule> custom = {
      {"lt", "lt", "", "tax", RuleOperator::kLt, "revenue", 0, Severity::kError, "lt", "", true},
      {"le", "le", "", "profit", RuleOperator::kLe, "revenue * 0.5", 0, Severity::kError, "le", "", true},
      {"eq", "eq", "", "output - value_added", RuleOperator::kEq, "900", 0, Severity::kError, "eq", "", true},
      {"ne", "ne", "", "employees", RuleOperator::kNe, "0", 0, Severity::kError, "ne", "", true},
      {"ge", "ge", "", "electricity * 10", RuleOperator::kGe, "800", 0, Severity::kError, "ge", "", true},
      {"gt", "gt", "", "output", RuleOperator::kGt, "last_month.output / 2", 0, Severity::kError, "gt", "", true},
      {"pct", "pct", "", "output", RuleOperator::kWithinPct, "last_month.output", 30, Severity::kError, "pct", "", true},
  };
  StatusOr<std::vector<CompiledRule>> compiled = CompileRules(custom, fields_);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  FieldValues last_month = {{"output", 1000}};
  auto errors_of = [&](const FieldValues& v) {
    std::vector<std::string> codes;
    for (const Finding& f : CheckReport({v, {}, &last_month, nullptr}, fields_, *compiled).errors)
      codes.push_back(f.rule_code);
    return codes;
  };
  EXPECT_TRUE(errors_of(Good()).empty());
  struct Flip { const char* field; double value; const char* rule; };
  const Flip kFlips[] = {
      {"tax", 1100, "lt"},           // 1100 < 1100 fails
      {"profit", 551, "le"},         // 551 > 1100 * 0.5
      {"value_added", 299, "eq"},    // 1200 - 299 = 901
      {"employees", 0, "ne"},
      {"electricity", 79.9, "ge"},   // 799 < 800
  };
  for (const Flip& f : kFlips) {
    FieldValues v = Good();
    v[f.field] = f.value;
    EXPECT_EQ(errors_of(v), std::vector<std::string>{f.rule}) << f.field;
  }
  // gt and pct both read output against last month's 1000: 1300 is +30% (holds), 1301 trips pct.
  FieldValues v = Good();
  v["output"] = 1300;
  v["value_added"] = 400;  // keep eq: 1300 - 400 = 900
  EXPECT_TRUE(errors_of(v).empty());
  v["output"] = 1301;
  v["value_added"] = 401;
  EXPECT_EQ(errors_of(v), std::vector<std::string>{"pct"});
  v["output"] = 500;  // 500 > 500 fails, and -50% trips pct
  v["value_added"] = 400;
  v["profit"] = 10;
  v["tax"] = 10;
  std::vector<std::string> both = errors_of(v);
  EXPECT_EQ(both, (std::vector<std::string>{"eq", "gt", "pct"}));  // eq: 500 - 400 = 100 != 900
}

TEST_F(RulesCalcTest, CompileRejectsBadRules) {
  std::vector<ValidationRule> bad = {
      {"", "n", "", "output", RuleOperator::kLe, "1", 0, Severity::kError, "m", "", true},
      {"a", "", "", "outptu", RuleOperator::kLe, "1", 0, Severity::kError, "", "", true},
      {"a", "n", "output >", "output", RuleOperator::kWithinPct, "(1", -5, Severity::kError, "m", "nope", true},
      {"c", "n", "", "1", RuleOperator::kLe, "2", 0, Severity::kError, "m", "", true},
  };
  StatusOr<std::vector<CompiledRule>> r = CompileRules(bad, fields_);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> got;
  for (const FieldError& e : r.status().details()) got.push_back(e.field);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "rules[0].code", "rules[1].name", "rules[1].message", "rules[1].left",
                     "rules[2].code", "rules[2].threshold_pct", "rules[2].field", "rules[2].when",
                     "rules[2].right", "rules[3].field"}));
}

TEST_F(RulesCalcTest, DisabledRulesAreNotApplied) {
  std::vector<ValidationRule> rules = DefaultValidationRules(fields_);
  for (ValidationRule& r : rules)
    if (r.code == "value_added_le_output") r.enabled = false;
  std::vector<CompiledRule> compiled = CompileRules(rules, fields_).value();
  FieldValues v = Good();
  v["value_added"] = 5000;
  EXPECT_TRUE(CheckReport({v, {}, nullptr, &last_year_}, fields_, compiled).CanSubmit());
}

}  // namespace
}  // namespace parkhq::enterprise
