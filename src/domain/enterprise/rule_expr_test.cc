#include "domain/enterprise/rule_expr.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

class RuleExprTest : public ::testing::Test {
 protected:
  const std::vector<ReportField> fields_ = DefaultReportFields();
  FieldValues current_ = {{"output", 1200}, {"value_added", 300}, {"revenue", 1100}, {"profit", -40}};
  FieldValues last_month_ = {{"output", 1000}};
  FieldValues last_year_ = {{"revenue", 800}};
  EvalContext ctx_{&current_, &last_month_, &last_year_};

  std::optional<double> Eval(const std::string& text) {
    StatusOr<Expr> e = Expr::Parse(text, &fields_, "left");
    EXPECT_TRUE(e.ok()) << text << ": " << e.status().ToString();
    if (!e.ok()) return std::nullopt;
    return e->Evaluate(ctx_);
  }
};

TEST_F(RuleExprTest, Arithmetic) {
  struct Case { const char* text; double want; };
  const Case kCases[] = {
      {"42", 42},
      {"2.5", 2.5},
      {"output", 1200},
      {"output - value_added", 900},              // 1200 - 300
      {"value_added / output * 100", 25},          // 300 / 1200 * 100
      {"1 + 2 * 3", 7},                            // precedence: 1 + 6
      {"(1 + 2) * 3", 9},
      {"10 - 4 - 3", 3},                           // left associative: (10 - 4) - 3
      {"12 / 3 / 2", 2},                           // (12 / 3) / 2
      {"-output + 1300", 100},
      {"--5", 5},
      {"abs(profit)", 40},
      {"abs(revenue - last_year.revenue) / last_year.revenue * 100", 37.5},  // 300 / 800 * 100
      {"output - last_month.output", 200},
      {"  output\t*\n2 ", 2400},
  };
  for (const Case& c : kCases) {
    std::optional<double> v = Eval(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*v, c.want) << c.text;
  }
}

TEST_F(RuleExprTest, UndefinedValues) {
  EXPECT_FALSE(Eval("energy"));                    // not reported this month
  EXPECT_FALSE(Eval("last_year.output"));          // not in last year's report
  EXPECT_FALSE(Eval("output / 0"));                // division by zero
  EXPECT_FALSE(Eval("output / (value_added - 300)"));
  EXPECT_FALSE(Eval("abs(energy) + 1"));
  ctx_.last_month = nullptr;                       // no report last month at all
  EXPECT_FALSE(Eval("last_month.output"));
}

TEST_F(RuleExprTest, RefsInOrder) {
  StatusOr<Expr> e = Expr::Parse("revenue - last_year.revenue + last_month.output", &fields_, "left");
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->refs().size(), 3u);
  EXPECT_EQ(e->refs()[0], (FieldRef{PeriodRef::kCurrent, "revenue"}));
  EXPECT_EQ(e->refs()[1], (FieldRef{PeriodRef::kLastYear, "revenue"}));
  EXPECT_EQ(e->refs()[2], (FieldRef{PeriodRef::kLastMonth, "output"}));
}

TEST_F(RuleExprTest, ParseErrors) {
  struct Case { const char* text; const char* message; };
  const Case kCases[] = {
      {"", "表达式不能为空"},
      {"   ", "表达式不能为空"},
      {"output +", "表达式末尾：表达式不完整，此处应为数字、字段、abs(…) 或括号"},
      {"(output", "表达式末尾：缺少右括号“)”"},
      {"output)", "第7个字符处：多余的内容“)”"},
      {"output value_added", "第8个字符处：多余的内容“value_added”"},
      {"outptu", "第1个字符处：未知字段“outptu”"},
      {"last_year.outptu", "第11个字符处：未知字段“outptu”"},
      {"last_year", "表达式末尾：last_year 后应为“.字段代码”，例如 last_year.output"},
      {"last_month output", "第12个字符处：last_month 后应为“.字段代码”，例如 last_month.output"},
      {"max(output, 1)", "第1个字符处：不支持的函数“max”，只支持 abs()"},
      {"abs output", "第5个字符处：abs 后应为“(”"},
      {"1.", "第1个字符处：数字格式错误"},
      {"2x", "第2个字符处：数字后不能紧跟字母"},
      {"output # 2", "第8个字符处：多余的内容“# 2”"},
      {"产值 + 1", "第1个字符处：无法识别的字符“产”"},
      {"output * * 2", "第10个字符处：此处应为数字、字段、abs(…) 或括号，而不是“*”"},
      {"output > 0", "第8个字符处：多余的内容“> 0”"},
      {"()", "第2个字符处：此处应为数字、字段、abs(…) 或括号，而不是“)”"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    StatusOr<Expr> e = Expr::Parse(c.text, &fields_, "rules[0].left");
    ASSERT_FALSE(e.ok());
    ASSERT_EQ(e.status().details().size(), 1u);
    EXPECT_EQ(e.status().details()[0].field, "rules[0].left");
    EXPECT_EQ(e.status().details()[0].message, c.message);
  }
}

TEST_F(RuleExprTest, LimitsLengthAndDepth) {
  EXPECT_EQ(Expr::Parse(std::string(1001, '1'), &fields_, "left").status().details()[0].message,
            "表达式过长（最多1000个字符）");
  std::string deep = std::string(60, '(') + "1" + std::string(60, ')');
  EXPECT_NE(Expr::Parse(deep, &fields_, "left").status().details()[0].message.find("表达式嵌套过深"),
            std::string::npos);
  std::string ok = std::string(20, '(') + "1" + std::string(20, ')');
  EXPECT_TRUE(Expr::Parse(ok, &fields_, "left").ok());
}

TEST_F(RuleExprTest, WithoutFieldListAnyNameIsAccepted) {
  StatusOr<Expr> e = Expr::Parse("anything + 1", nullptr, "left");
  ASSERT_TRUE(e.ok());
  FieldValues v = {{"anything", 2}};
  EXPECT_EQ(e->Evaluate({&v, nullptr, nullptr}), 3.0);
}

TEST_F(RuleExprTest, Conditions) {
  StatusOr<Condition> c = Condition::Parse("output > 0", &fields_, "when");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->op, RuleOperator::kGt);
  EXPECT_EQ(c->Evaluate(ctx_), true);
  StatusOr<Condition> c2 = Condition::Parse("output-value_added<=900", &fields_, "when");
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2->op, RuleOperator::kLe);
  EXPECT_EQ(c2->Evaluate(ctx_), true);  // 1200 - 300 = 900 <= 900
  StatusOr<Condition> c3 = Condition::Parse("energy == 0", &fields_, "when");
  ASSERT_TRUE(c3.ok());
  EXPECT_EQ(c3->Evaluate(ctx_), std::nullopt);  // energy not reported

  StatusOr<Condition> bad = Condition::Parse("output", &fields_, "rules[3].when");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().details()[0].field, "rules[3].when");
  EXPECT_EQ(bad.status().details()[0].message, "表达式末尾：此处应为比较运算符（<、<=、==、!=、>=、>）");
  EXPECT_EQ(Condition::Parse("output = 0", &fields_, "when").status().details()[0].message,
            "第8个字符处：此处应为比较运算符（<、<=、==、!=、>=、>）");
  EXPECT_EQ(Condition::Parse("output > 0 > 1", &fields_, "when").status().details()[0].message,
            "第12个字符处：多余的内容“> 1”");
  EXPECT_EQ(Condition::Parse("output >", &fields_, "when").status().details()[0].message,
            "表达式末尾：表达式不完整，此处应为数字、字段、abs(…) 或括号");
}

TEST(CompareValuesTest, EveryOperator) {
  struct Case { RuleOperator op; double l, r, pct; std::optional<bool> want; };
  const Case kCases[] = {
      {RuleOperator::kLt, 1, 2, 0, true},   {RuleOperator::kLt, 2, 2, 0, false},
      {RuleOperator::kLt, 3, 2, 0, false},  {RuleOperator::kLe, 2, 2, 0, true},
      {RuleOperator::kLe, 1, 2, 0, true},   {RuleOperator::kLe, 3, 2, 0, false},
      {RuleOperator::kEq, 2, 2, 0, true},   {RuleOperator::kEq, 2, 2.001, 0, false},
      {RuleOperator::kNe, 2, 2, 0, false},  {RuleOperator::kNe, 2, 3, 0, true},
      {RuleOperator::kGe, 2, 2, 0, true},   {RuleOperator::kGe, 3, 2, 0, true},
      {RuleOperator::kGe, 1, 2, 0, false},  {RuleOperator::kGt, 3, 2, 0, true},
      {RuleOperator::kGt, 2, 2, 0, false},  {RuleOperator::kGt, -1, 0, 0, false},
      // within_pct 50 of 800: |l - 800| <= 400
      {RuleOperator::kWithinPct, 1200, 800, 50, true},   // +50% exactly: holds
      {RuleOperator::kWithinPct, 1201, 800, 50, false},  // +50.125%
      {RuleOperator::kWithinPct, 400, 800, 50, true},    // -50%
      {RuleOperator::kWithinPct, 399, 800, 50, false},   // -50.125%
      {RuleOperator::kWithinPct, -100, -200, 50, true},  // |(-100) - (-200)| = 100 <= 0.5 * 200
      {RuleOperator::kWithinPct, 5, 0, 50, std::nullopt},  // change from 0 is undefined
  };
  for (const Case& c : kCases)
    EXPECT_EQ(CompareValues(c.op, c.l, c.r, c.pct), c.want)
        << RuleOperatorSymbol(c.op) << " " << c.l << " " << c.r;
  // Decimal amounts compare as written.
  EXPECT_EQ(CompareValues(RuleOperator::kEq, 0.1 + 0.2, 0.3, 0), true);
  EXPECT_EQ(CompareValues(RuleOperator::kLe, 0.1 + 0.2, 0.3, 0), true);
  EXPECT_EQ(CompareValues(RuleOperator::kLt, 0.3, 0.1 + 0.2, 0), false);
}

}  // namespace
}  // namespace parkhq::enterprise
