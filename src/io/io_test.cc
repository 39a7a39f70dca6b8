#include <gtest/gtest.h>

#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::io {
namespace {

std::vector<InputRow> ReadAll(const std::string& bytes) {
  std::vector<InputRow> rows;
  Status s = ReadTable(bytes, [&](const InputRow& r) {
    rows.push_back(r);
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rows;
}

TEST(CsvReaderTest, QuotesNewlinesBomAndCrlf) {
  std::string csv = "\xEF\xBB\xBF名称,金额\r\n\"华亭,园区\",12.5\r\n\"多\n行\",\"a\"\"b\"\r\n\r\nlast,1";
  auto rows = ReadAll(csv);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"名称", "金额"}));
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"华亭,园区", "12.5"}));
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"多\n行", "a\"b"}));
  EXPECT_EQ(rows[2].row, 3);
  EXPECT_EQ(rows[3].row, 5);  // the blank line 4 is skipped but counted
  EXPECT_EQ(rows[3].at(5), "");
}

TEST(CsvReaderTest, UnclosedQuoteIsAnError) {
  Status s = ReadCsvString("a,\"b\n", [](const InputRow&) { return true; });
  EXPECT_FALSE(s.ok());
}

TEST(XlsxTest, WriteThenReadBack) {
  Sheet sh;
  sh.name = "月报";
  sh.title = "华亭工业园区 2023-06";
  sh.columns = {{"指标", 20}, {"本月", 12, ColumnKind::kNumber}, {"同比%", 10, ColumnKind::kPercent, 2}};
  sh.rows = {{std::string("工业总产值"), 12345.67, 7.5}, {std::string("税收"), CellValue(), -3.25}};
  sh.notes = {"演示数据"};
  auto bytes = WriteXlsx({sh});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_GT(bytes->size(), 1000u);
  auto rows = ReadAll(*bytes);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[0].at(0), "华亭工业园区 2023-06");
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"指标", "本月", "同比%"}));
  EXPECT_EQ(rows[2].at(0), "工业总产值");
  EXPECT_DOUBLE_EQ(std::stod(rows[2].at(1)), 12345.67);  // a number, not text
  EXPECT_EQ(rows[3].at(1), "");
  EXPECT_DOUBLE_EQ(std::stod(rows[3].at(2)), -3.25);
}

TEST(XlsxTest, NotAZipIsAClearError) {
  Status s = ReadXlsx("PK\x03\x04garbage", [](const InputRow&) { return true; });
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsValidation());
}

TEST(CsvWriterTest, EscapesAndBom) {
  Sheet sh;
  sh.columns = {{"a"}, {"b"}};
  sh.rows = {{std::string("x,y"), 2.0}};
  EXPECT_EQ(WriteCsv(sh), "\xEF\xBB\xBF" "a,b\r\n\"x,y\",2\r\n");
}

TEST(DateCellTest, SerialsAndText) {
  EXPECT_EQ(NormalizeDateCell("45107"), "2023-06-30");
  EXPECT_EQ(NormalizeDateCell("2023/6/30"), "");
  EXPECT_EQ(NormalizeDateCell("2023/06/30"), "2023-06-30");
  EXPECT_EQ(NormalizeDateCell("abc"), "");
}

TEST(ImportFailedTest, NamesRowAndColumn) {
  Status s = ImportFailed({{3, "uscc", "校验位错误"}, {7, "name", "必填"}});
  ASSERT_TRUE(s.IsValidation());
  ASSERT_EQ(s.details().size(), 2u);
  EXPECT_EQ(s.details()[0].field, "rows[3].uscc");
  EXPECT_NE(s.message().find("2 处错误"), std::string::npos);
}

}  // namespace
}  // namespace parkhq::io
