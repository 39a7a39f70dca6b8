#include "domain/gates/policy_match_calc.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parkhq::gates {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2024-03-15");  // figures default to 2023

// Three hand-built firms: A 高新 (valid to 2025) 规上, 120 persons, C3985, 2023 R&D 400 / revenue 10000;
// B 高新 expired 2023-12-31, 规下, 30 persons, C2614, R&D 10 / revenue 2000; C closed, otherwise like A.
std::vector<EnterpriseFacts> Firms() {
  EnterpriseFacts a{1, "甲电子（演示）", true, true, 120, "C3985",
                    {{"high_tech", D("2022-11-01"), D("2025-10-31")}}, {{"rnd", 400}, {"revenue", 10000}}};
  EnterpriseFacts b{2, "乙化工（演示）", true, false, 30, "C2614",
                    {{"high_tech", D("2020-12-01"), D("2023-12-31")}}, {{"rnd", 10}, {"revenue", 2000}}};
  EnterpriseFacts c = a;
  c.id = 3;
  c.name = "丙（注销）";
  c.operating = false;
  return {a, b, c};
}

std::vector<int64_t> Ids(const std::vector<PolicyMatch>& m) {
  std::vector<int64_t> ids;
  for (const auto& x : m) ids.push_back(x.enterprise_id);
  return ids;
}

Policy With(Criterion c) {
  Policy p;
  p.title = "测试政策";
  p.criteria = {std::move(c)};
  return p;
}

TEST(PolicyMatch, FlagHeldInTheFiguresYear) {
  Criterion c;
  c.kind = CriterionKind::kFlag;
  c.code = "high_tech";
  Policy p = With(c);
  p.figures_year = 2024;  // B's 认定 ended 2023-12-31: not held in 2024; C is closed
  auto m = MatchPolicy(p, Firms(), kToday);
  EXPECT_EQ(Ids(m), std::vector<int64_t>{1});
  EXPECT_EQ(m[0].reasons, std::vector<std::string>{"高新技术企业（有效期至2025-10-31）"});
  p.figures_year.reset();  // default: 2023, when both held it
  EXPECT_EQ(Ids(MatchPolicy(p, Firms(), kToday)), (std::vector<int64_t>{1, 2}));
  auto firms = Firms();
  firms[0].flags[0].since = D("2024-04-01");  // recognized after today within the year: not yet
  p.figures_year = 2024;
  EXPECT_TRUE(MatchPolicy(p, firms, kToday).empty());
  c.code = "little_giant";
  EXPECT_TRUE(MatchPolicy(With(c), Firms(), kToday).empty());
}

TEST(PolicyMatch, AboveScaleBothWays) {
  Criterion c;
  c.kind = CriterionKind::kAboveScale;
  EXPECT_EQ(Ids(MatchPolicy(With(c), Firms(), kToday)), std::vector<int64_t>{1});
  c.expect = false;
  auto m = MatchPolicy(With(c), Firms(), kToday);
  EXPECT_EQ(Ids(m), std::vector<int64_t>{2});
  EXPECT_EQ(m[0].reasons[0], "规模以下企业");
}

TEST(PolicyMatch, FigureOfTheYear) {
  Criterion c;
  c.kind = CriterionKind::kFigure;
  c.code = "rnd";
  c.op = CompareOp::kGe;
  c.value = 400;  // boundary: A has exactly 400
  auto m = MatchPolicy(With(c), Firms(), kToday);
  EXPECT_EQ(Ids(m), std::vector<int64_t>{1});
  EXPECT_EQ(m[0].reasons[0], "2023年R&D经费 400万元 ≥ 400万元");
  c.op = CompareOp::kGt;
  EXPECT_TRUE(MatchPolicy(With(c), Firms(), kToday).empty()) << "strictly greater excludes the boundary";
  c.op = CompareOp::kLt;
  c.value = 100;
  EXPECT_EQ(Ids(MatchPolicy(With(c), Firms(), kToday)), std::vector<int64_t>{2});
  c.code = "tax";  // nobody reported it: no match rather than a zero
  c.op = CompareOp::kLe;
  EXPECT_TRUE(MatchPolicy(With(c), Firms(), kToday).empty());
}

TEST(PolicyMatch, RatioInPercent) {
  Criterion c;
  c.kind = CriterionKind::kRatio;
  c.code = "rnd";
  c.code2 = "revenue";
  c.value = 3;  // A: 4 %, B: 0.5 %
  auto m = MatchPolicy(With(c), Firms(), kToday);
  EXPECT_EQ(Ids(m), std::vector<int64_t>{1});
  EXPECT_EQ(m[0].reasons[0], "2023年R&D经费占营业收入比重 4% ≥ 3%");
  auto firms = Firms();
  firms[0].figures["revenue"] = 0;  // no denominator: no match, no division by zero
  EXPECT_TRUE(MatchPolicy(With(c), firms, kToday).empty());
}

TEST(PolicyMatch, IndustryPrefixes) {
  Criterion c;
  c.kind = CriterionKind::kIndustry;
  c.prefixes = {"C26", "C27"};
  auto m = MatchPolicy(With(c), Firms(), kToday);
  EXPECT_EQ(Ids(m), std::vector<int64_t>{2});
  EXPECT_EQ(m[0].reasons[0], "行业代码 C2614 属 C26");
}

TEST(PolicyMatch, EmployeesFromTheRegistry) {
  Criterion c;
  c.kind = CriterionKind::kEmployees;
  c.op = CompareOp::kLe;
  c.value = 100;
  auto m = MatchPolicy(With(c), Firms(), kToday);
  EXPECT_EQ(Ids(m), std::vector<int64_t>{2});
  EXPECT_EQ(m[0].reasons[0], "从业人员 30人 ≤ 100人");
  auto firms = Firms();
  firms[1].employees.reset();
  EXPECT_TRUE(MatchPolicy(With(c), firms, kToday).empty()) << "unknown headcount does not match";
}

TEST(PolicyMatch, AllCriteriaMustHoldAndGiveOneReasonEach) {
  Policy p;
  p.title = "研发费用加计扣除（演示）";
  Criterion flag{CriterionKind::kFlag, "high_tech", "", {}, true, CompareOp::kGe, 0};
  Criterion rnd{CriterionKind::kFigure, "rnd", "", {}, true, CompareOp::kGe, 100};
  p.criteria = {flag, rnd};
  auto m = MatchPolicy(p, Firms(), kToday);  // B held the flag in 2023, but its R&D is 10
  ASSERT_EQ(Ids(m), std::vector<int64_t>{1});
  EXPECT_EQ(m[0].reasons.size(), 2u);
  p.figures_year = 2022;
  EXPECT_EQ(FiguresYear(p, kToday), 2022);
  p.criteria.clear();
  auto all = MatchPolicy(p, Firms(), kToday);
  EXPECT_EQ(Ids(all), (std::vector<int64_t>{1, 2})) << "no criteria: every operating firm";
  EXPECT_EQ(all[0].reasons[0], "普惠政策（无限定条件）");
}

TEST(PolicyValidate, FieldsNamed) {
  Policy p;
  p.title = "x";
  p.criteria = {{CriterionKind::kFlag, "nope", "", {}, true, CompareOp::kGe, 0},
                {CriterionKind::kFigure, "R&D", "", {}, true, CompareOp::kGe, 1},
                {CriterionKind::kRatio, "rnd", "", {}, true, CompareOp::kGe, 1},
                {CriterionKind::kIndustry, "", "", {}, true, CompareOp::kGe, 0},
                {CriterionKind::kEmployees, "", "", {}, true, CompareOp::kGe, std::nan("")}};
  Status st = ValidatePolicy(p);
  ASSERT_TRUE(st.IsValidation());
  std::vector<std::string> fields;
  for (const auto& d : st.details()) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"criteria[0].code", "criteria[1].code", "criteria[2].code2",
                                              "criteria[3].prefixes", "criteria[4].value"}));
  Policy ok;
  ok.title = "高企所得税减免（演示）";
  EXPECT_TRUE(ValidatePolicy(ok).ok());
  ok.valid_from = D("2024-01-01");
  ok.valid_until = D("2023-12-31");
  EXPECT_EQ(ValidatePolicy(ok).details()[0].field, "valid_until");
}

TEST(ApplicationValidate, PaidNeedsAmountAndDate) {
  Application a;
  a.applied_on = D("2024-01-10");
  a.status = "paid";
  Status st = ValidateApplication(a, kToday);
  ASSERT_TRUE(st.IsValidation());
  EXPECT_EQ(st.details().size(), 2u);
  a.amount = 50;
  a.paid_on = D("2024-01-05");
  EXPECT_EQ(ValidateApplication(a, kToday).details()[0].field, "paid_on") << "paid before applied";
  a.paid_on = D("2024-02-01");
  EXPECT_TRUE(ValidateApplication(a, kToday).ok());
  a.amount = std::nan("");
  EXPECT_EQ(ValidateApplication(a, kToday).details()[0].field, "amount");
}

TEST(PolicySums, PerPolicyAndYear) {
  std::vector<Application> apps(3);
  apps[0] = {1, 1, 7, 1, "P", "A", D("2023-11-01"), "paid", 30, D("2024-01-10"), "", false, "", ""};
  apps[1] = {2, 1, 7, 2, "P", "B", D("2024-01-02"), "paid", 20.5, D("2024-02-10"), "", false, "", ""};
  apps[2] = {3, 1, 7, 3, "P", "C", D("2024-01-03"), "approved", std::nullopt, std::nullopt, "", false, "", ""};
  auto sums = SumByPolicyYear(apps);
  ASSERT_EQ(sums.size(), 2u);
  EXPECT_EQ(sums[0].year, 2023);
  EXPECT_EQ(sums[0].applications, 1);
  EXPECT_EQ(sums[0].paid, 0);
  EXPECT_EQ(sums[1].year, 2024);
  EXPECT_EQ(sums[1].applications, 2);
  EXPECT_EQ(sums[1].paid, 2);
  EXPECT_DOUBLE_EQ(sums[1].amount, 50.5);
}

}  // namespace
}  // namespace parkhq::gates
