// IndustryTable::FromRows: a replacement GB/T 4754 table uploaded as CSV or XLSX rows. Table-driven
// over the ways a file can be wrong; every failure names rows[N].<column> with the file's row N.
#include <gtest/gtest.h>

#include "domain/enterprise/industry.h"

namespace parkhq::enterprise {
namespace {

using Cells = std::vector<std::string>;

// Rows numbered like a file: header = row 1, then 2, 3, ...
std::vector<IndustryInputRow> Rows(const std::vector<Cells>& cells) {
  std::vector<IndustryInputRow> out;
  for (size_t i = 0; i < cells.size(); ++i) out.push_back({static_cast<int>(i + 1), cells[i]});
  return out;
}

const Cells kHeader = {"code", "level", "name", "parent"};
const Cells kSectionC = {"C", "section", "制造业", ""};
const Cells kDiv25 = {"25", "division", "石油、煤炭及其他燃料加工业", "C"};
const Cells kGroup252 = {"252", "group", "煤炭加工", "25"};

TEST(IndustryImportTest, AcceptsAValidTableWithChineseHeadersAndLevels) {
  // Columns in another order, Chinese names, cells with spaces, a blank row, an XLSX-style short
  // row (the empty parent of a section left out).
  auto t = IndustryTable::FromRows(Rows({
      {"名称", "代码", "层级", "上级代码"},
      {"制造业", "C", "门类"},
      {" 石油、煤炭及其他燃料加工业 ", "25", "大类", "C"},
      {"", "", "", ""},
      {"煤炭加工", "252", "中类", "25"},
      {"煤制液体燃料生产", "2523", "小类", "252"},
  }));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->rows().size(), 4u);
  ASSERT_NE(t->Find("25"), nullptr);
  EXPECT_EQ(t->Find("25")->name, "石油、煤炭及其他燃料加工业");
  EXPECT_EQ(t->Find("2523")->level, IndustryLevel::kClass);
  EXPECT_EQ(t->Find("C")->parent, "");
}

struct BadTable {
  const char* name;
  std::vector<Cells> rows;
  std::string field;      // the first detail's field
  std::string message_has;  // part of its message
};

TEST(IndustryImportTest, RejectsEveryKindOfBadRow) {
  const BadTable kCases[] = {
      {"empty file", {}, "header", "表头"},
      {"header misses parent", {{"code", "level", "name"}, kSectionC}, "header", "parent"},
      {"unknown level", {kHeader, kSectionC, {"25", "divsion", "燃料", "C"}}, "rows[3].level", "层级"},
      {"section lower case", {kHeader, {"c", "section", "制造业", ""}}, "rows[2].code", "门类代码应为1个大写字母"},
      {"section two letters", {kHeader, {"CC", "门类", "制造业", ""}}, "rows[2].code", "门类代码"},
      {"division one digit", {kHeader, kSectionC, {"2", "division", "燃料", "C"}}, "rows[3].code",
       "大类代码应为2位数字"},
      {"division with a letter", {kHeader, kSectionC, {"2A", "大类", "燃料", "C"}}, "rows[3].code", "大类代码"},
      {"division three digits", {kHeader, kSectionC, {"255", "division", "燃料", "C"}}, "rows[3].code", "2位"},
      {"group two digits", {kHeader, kSectionC, kDiv25, {"25", "group", "煤炭加工", "25"}}, "rows[4].code",
       "中类代码应为3位数字"},
      {"class five digits", {kHeader, kSectionC, kDiv25, kGroup252, {"25231", "class", "煤制", "252"}},
       "rows[5].code", "小类代码应为4位数字"},
      {"empty name", {kHeader, kSectionC, {"25", "division", "  ", "C"}}, "rows[3].name", "名称不能为空"},
      {"duplicate code", {kHeader, kSectionC, kDiv25, kDiv25}, "rows[4].code", "代码重复：25"},
      {"parent missing", {kHeader, kSectionC, {"252", "group", "煤炭加工", "25"}}, "rows[3].parent", "“25”不存在"},
      {"parent one level too high", {kHeader, kSectionC, kDiv25, {"2523", "class", "煤制", "25"}},
       "rows[4].parent", "层级不符"},
      {"parent not a prefix",
       {kHeader, kSectionC, kDiv25, {"26", "division", "化学", "C"}, {"261", "group", "基础化学", "25"}},
       "rows[5].parent", "不存在或层级不符"},
      {"division under no section", {kHeader, {"25", "division", "燃料", ""}}, "rows[2].parent", "不存在"},
      {"section with a parent", {kHeader, {"C", "section", "制造业", "B"}}, "rows[2].parent", "门类不应有上级代码"},
      {"header only", {kHeader}, "rows", "没有数据行"},
  };
  for (const BadTable& c : kCases) {
    SCOPED_TRACE(c.name);
    auto t = IndustryTable::FromRows(Rows(c.rows));
    ASSERT_FALSE(t.ok());
    ASSERT_TRUE(t.status().IsValidation());
    ASSERT_FALSE(t.status().details().empty());
    EXPECT_EQ(t.status().details()[0].field, c.field);
    EXPECT_NE(t.status().details()[0].message.find(c.message_has), std::string::npos)
        << t.status().details()[0].message;
  }
}

TEST(IndustryImportTest, ReportsEveryBadRowNotJustTheFirst) {
  auto t = IndustryTable::FromRows(Rows({kHeader, kSectionC, {"2", "division", "x", "C"}, {"25", "division", "", "C"},
                                         {"251", "group", "原油加工", "99"}}));
  ASSERT_FALSE(t.ok());
  const auto& d = t.status().details();
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].field, "rows[3].code");
  EXPECT_EQ(d[1].field, "rows[4].name");
  EXPECT_EQ(d[2].field, "rows[5].parent");
}

TEST(IndustryImportTest, CapsTheDetailsButCountsAllErrors) {
  std::vector<Cells> rows = {kHeader, kSectionC};
  for (int i = 0; i < 250; ++i) rows.push_back({"x" + std::to_string(i), "division", "坏", "C"});
  auto t = IndustryTable::FromRows(Rows(rows));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().details().size(), 200u);
  EXPECT_NE(t.status().message().find("250 处错误"), std::string::npos) << t.status().message();
}

TEST(IndustryImportTest, CsvRoundTripQuotesNamesWithCommas) {
  auto t = IndustryTable::FromRows(Rows({kHeader, kSectionC, {"25", "division", "石油,煤炭 \"燃料\"", "C"}}));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const std::string csv = t->ToCsv();
  EXPECT_NE(csv.find("25,division,\"石油,煤炭 \"\"燃料\"\"\",C\n"), std::string::npos) << csv;
  auto back = IndustryTable::ParseCsv(csv);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Find("25")->name, "石油,煤炭 \"燃料\"");
  EXPECT_EQ(back->rows().size(), 2u);
}

TEST(IndustryImportTest, DiffNamesAddedRemovedAndRenamedCodes) {
  auto before = IndustryTable::FromRows(Rows({kHeader, kSectionC, kDiv25, {"26", "division", "化学", "C"}}));
  auto after = IndustryTable::FromRows(
      Rows({kHeader, kSectionC, {"25", "division", "燃料加工（新名）", "C"}, {"27", "division", "医药", "C"}}));
  ASSERT_TRUE(before.ok() && after.ok());
  IndustryTableDiff d = after->DiffFrom(*before);
  EXPECT_EQ(d.rows_before, 3u);
  EXPECT_EQ(d.rows_after, 3u);
  EXPECT_EQ(d.added, std::vector<std::string>{"27"});
  EXPECT_EQ(d.removed, std::vector<std::string>{"26"});
  EXPECT_EQ(d.renamed, std::vector<std::string>{"25"});
}

}  // namespace
}  // namespace parkhq::enterprise
