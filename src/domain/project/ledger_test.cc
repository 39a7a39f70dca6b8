// The ledger import parser: header matching, row/column errors, defaults.
#include "domain/project/ledger.h"

#include <gtest/gtest.h>

namespace parkhq::project {
namespace {

io::InputRow Row(int n, std::vector<std::string> cells) { return io::InputRow{n, std::move(cells)}; }
const Date kToday{2024, 1, 31};

std::vector<io::InputRow> File(std::vector<std::vector<std::string>> data) {
  std::vector<io::InputRow> rows = {Row(1, {"项目名称", "性质", "总投资（万元）", "签约投资（万元）", "计划年度",
                                            "年度计划投资（万元）", "计划落地日期", "计划开工日期", "实际签约日期", "阶段"})};
  int n = 2;
  for (auto& d : data) rows.push_back(Row(n++, std::move(d)));
  return rows;
}

bool HasError(const LedgerImport& r, int row, const std::string& column) {
  for (const auto& e : r.errors)
    if (e.row == row && e.column == column) return true;
  return false;
}

TEST(LedgerTest, ParsesAGoodRowWithDefaults) {
  auto r = ParseLedger(File({{"甲", "新建", "1000", "800", "2023", "300", "2023-02-01", "2023-04-15", "2023-01-10", ""}}), 7,
                       kToday);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].column << r.errors[0].message;
  ASSERT_EQ(r.records.size(), 1u);
  const auto& p = r.records[0].core;
  EXPECT_EQ(p.park_id, 7);
  EXPECT_EQ(p.stage, Stage::kSigned);  // the last stage with an actual date
  EXPECT_EQ(p.actual[Stage::kReserve], (Date{2023, 1, 1}));
  ASSERT_EQ(p.annual_plans.size(), 1u);
  EXPECT_EQ(p.annual_plans[0].year, 2023);
  EXPECT_EQ(r.rows[0], 2);
}

TEST(LedgerTest, ReportsEveryProblemByRowAndColumn) {
  auto r = ParseLedger(File({{"甲", "扩建", "abc", "", "", "", "", "", "", ""},
                             {"乙", "续建", "500", "600", "", "100", "2023-05-01", "2023-04-01", "", ""},
                             {"甲", "新建", "1", "0", "", "", "", "", "", "飞天"},
                             {"", "", "", "", "", "", "", "", "", ""}}),
                       1, kToday);
  EXPECT_TRUE(HasError(r, 2, "性质"));
  EXPECT_TRUE(HasError(r, 2, "总投资（万元）"));
  EXPECT_TRUE(HasError(r, 3, "计划年度"));  // a plan without its year
  EXPECT_TRUE(HasError(r, 4, "项目名称"));  // duplicate name in the file
  EXPECT_TRUE(HasError(r, 4, "阶段"));
  EXPECT_FALSE(HasError(r, 5, "项目名称"));  // blank rows are skipped
}

TEST(LedgerTest, DomainValidationMapsToColumns) {
  auto r = ParseLedger(File({{"乙", "续建", "500", "600", "", "", "2023-05-01", "2023-04-01", "", ""}}), 1, kToday);
  EXPECT_TRUE(HasError(r, 2, "签约投资（万元）"));  // contracted > total
  EXPECT_TRUE(HasError(r, 2, "计划开工日期"));      // before the planned landing
}

TEST(LedgerTest, MissingRequiredColumns) {
  auto r = ParseLedger({Row(1, {"名称"}), Row(2, {"x"})}, 1, kToday);
  EXPECT_TRUE(HasError(r, 1, "项目名称"));
  EXPECT_TRUE(HasError(r, 1, "性质"));
  EXPECT_TRUE(HasError(r, 1, "总投资（万元）"));
}

TEST(LedgerTest, ExportRowMatchesColumns) {
  ProjectRecord p;
  p.core.name = "甲";
  p.core.annual_plans = {{2023, 300}};
  EXPECT_EQ(LedgerRow(p, 2023, "绿灯", "无", 12).size(), LedgerColumns(true).size());
}

}  // namespace
}  // namespace parkhq::project
