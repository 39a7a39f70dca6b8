#include "domain/enterprise/report.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

TEST(ReportFieldsTest, DefaultsAreValid) {
  std::vector<ReportField> f = DefaultReportFields();
  EXPECT_TRUE(ValidateReportFields(f).ok());
  ASSERT_EQ(f.size(), 10u);
  const ReportField* profit = FindField(f, "profit");
  ASSERT_NE(profit, nullptr);
  EXPECT_FALSE(profit->non_negative);  // losses are negative
  EXPECT_EQ(FindField(f, "energy")->unit, "吨标准煤");
  EXPECT_FALSE(FindField(f, "rnd")->required);
  EXPECT_EQ(FindField(f, "nope"), nullptr);
}

TEST(ReportFieldsTest, RejectsBadFieldLists) {
  std::vector<ReportField> f = {{"output", "工业总产值", "万元", true, true},
                                {"Output", "x", "", false, false},
                                {"last_year", "x", "", false, false},
                                {"output", "重复", "", false, false},
                                {"ok_1", "", "", false, false}};
  Status st = ValidateReportFields(f);
  ASSERT_TRUE(st.IsValidation());
  ASSERT_EQ(st.details().size(), 4u);
  EXPECT_EQ(st.details()[0].field, "fields[1].code");
  EXPECT_EQ(st.details()[1].field, "fields[2].code");
  EXPECT_EQ(st.details()[1].message, "字段代码“last_year”是规则语言的保留字");
  EXPECT_EQ(st.details()[2].field, "fields[3].code");
  EXPECT_EQ(st.details()[2].message, "字段代码重复：output");
  EXPECT_EQ(st.details()[3].field, "fields[4].name_zh");
  EXPECT_EQ(ValidateReportFields({}).details()[0].field, "fields");
}

TEST(ReportRulesTest, NamesRoundTrip) {
  for (RuleOperator op : {RuleOperator::kLt, RuleOperator::kLe, RuleOperator::kEq, RuleOperator::kNe,
                          RuleOperator::kGe, RuleOperator::kGt, RuleOperator::kWithinPct})
    EXPECT_EQ(ParseRuleOperator(RuleOperatorSymbol(op)), op);
  EXPECT_FALSE(ParseRuleOperator("=>"));
  EXPECT_EQ(ParseSeverity("warning"), Severity::kWarning);
  EXPECT_EQ(ParseSeverity(SeverityName(Severity::kError)), Severity::kError);
  EXPECT_FALSE(ParseSeverity("info"));
}

TEST(ReportRulesTest, SeededRulesFollowTheFieldList) {
  std::vector<ValidationRule> all = DefaultValidationRules(DefaultReportFields());
  // 1 value_added_le_output + 9 non-negative fields (all but profit) + revenue_yoy_50 + energy_when_output
  ASSERT_EQ(all.size(), 12u);
  EXPECT_EQ(all.front().code, "value_added_le_output");
  EXPECT_EQ(all[1].code, "non_negative.output");
  EXPECT_EQ(all.back().code, "energy_when_output");
  for (const ValidationRule& r : all) EXPECT_NE(r.code, "non_negative.profit");
  // A park without energy and value_added fields gets only the rules it can apply.
  std::vector<ValidationRule> few = DefaultValidationRules({{"revenue", "营业收入", "万元", true, false}});
  ASSERT_EQ(few.size(), 1u);
  EXPECT_EQ(few[0].code, "revenue_yoy_50");
}

}  // namespace
}  // namespace parkhq::enterprise
