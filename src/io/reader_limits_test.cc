// Untrusted spreadsheets: crafted XLSX/CSV files built here (far columns, deflate bombs, huge shared
// string tables, bad characters) must fail fast with 413/422 and bounded memory.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/deadline.h"
#include "common/limits.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::io {
namespace {

// A minimal .xlsx (ZIP) with the given entries, written by libzip (deflated).
std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  char tmpl[] = "/tmp/parkhq-test-zip-XXXXXX";
  const int fd = mkstemp(tmpl);
  EXPECT_GE(fd, 0);
  close(fd);
  int err = 0;
  zip_t* z = zip_open(tmpl, ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(tmpl, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(tmpl);
  return ss.str();
}

std::string SheetXml(const std::string& rows) {
  return "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" + rows + "</sheetData></worksheet>";
}

std::string Inline(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

Status Read(const std::string& bytes, std::vector<InputRow>* out = nullptr) {
  return ReadTable(bytes, [&](const InputRow& r) {
    if (out) out->push_back(r);
    return true;
  });
}

long MaxRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Restores the default limits after a test that narrows them.
struct LimitsGuard {
  Limits saved = GetLimits();
  ~LimitsGuard() { SetLimits(saved); }
};

TEST(XlsxLimitsTest, FarColumnIsRefusedWithoutAllocatingIt) {
  const long before = MaxRssKb();
  const auto t0 = std::chrono::steady_clock::now();
  // ZZZZZZ is column 321,272,406: the old reader resized every row to it (19.8 GB).
  const std::string x = Zip({{"xl/worksheets/sheet1.xml",
                              SheetXml("<row r=\"1\">" + Inline("A1", "名称") + "</row><row r=\"2\">" +
                                    Inline("ZZZZZZ2", "x") + "</row>")}});
  const Status s = Read(x);
  EXPECT_EQ(s.code(), StatusCode::kPayloadTooLarge) << s.ToString();
  EXPECT_NE(s.message().find("16384"), std::string::npos) << s.message();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  EXPECT_LT(MaxRssKb() - before, 64 * 1024) << "no allocation proportional to the column";
}

TEST(XlsxLimitsTest, LastExcelColumnIsReadAndEmptyCellsTakeNoRoom) {
  std::vector<InputRow> rows;
  const std::string x = Zip({{"xl/worksheets/sheet1.xml",
                              SheetXml("<row r=\"1\">" + Inline("A1", "a") + "<c r=\"C1\"/>" + Inline("XFD1", "z") +
                                    "</row><row r=\"2\"><c r=\"ZZZ2\"/></row>")}});
  // An empty far cell is still out of range: the sheet is refused rather than silently cut.
  EXPECT_EQ(Read(x).code(), StatusCode::kPayloadTooLarge);
  const std::string ok = Zip({{"xl/worksheets/sheet1.xml",
                               SheetXml("<row r=\"1\">" + Inline("A1", "a") + "<c r=\"C1\"/>" + Inline("XFD1", "z") +
                                     "</row>")}});
  ASSERT_TRUE(Read(ok, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at(0), "a");
  EXPECT_EQ(rows[0].at(16383), "z");
  EXPECT_EQ(rows[0].at(2), "");
}

TEST(XlsxLimitsTest, CellsWithoutReferencesKeepTheirPositions) {
  std::vector<InputRow> rows;
  const std::string x = Zip({{"xl/worksheets/sheet1.xml",
                              SheetXml("<row><c t=\"inlineStr\"><is><t>a</t></is></c><c/>"
                                    "<c t=\"inlineStr\"><is><t>b</t></is></c></row>")}});
  ASSERT_TRUE(Read(x, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at(0), "a");
  EXPECT_EQ(rows[0].at(1), "");
  EXPECT_EQ(rows[0].at(2), "b");
}

TEST(XlsxLimitsTest, DeflateBombStopsAtTheEntryLimit) {
  LimitsGuard guard;
  Limits l = GetLimits();
  l.xlsx_entry_bytes = 1u << 20;
  SetLimits(l);
  // 64 MiB of blanks inside the sheet deflate to ~64 KiB; the reader stops after 1 MiB.
  const std::string bomb = Zip({{"xl/worksheets/sheet1.xml", SheetXml(std::string(64u << 20, ' '))}});
  ASSERT_LT(bomb.size(), 1u << 20);
  const Status s = Read(bomb);
  EXPECT_EQ(s.code(), StatusCode::kPayloadTooLarge) << s.ToString();
  EXPECT_NE(s.message().find("xl/worksheets/sheet1.xml"), std::string::npos) << s.message();
}

TEST(XlsxLimitsTest, TotalUncompressedSizeIsCountedOverEntries) {
  LimitsGuard guard;
  Limits l = GetLimits();
  l.xlsx_entry_bytes = 1u << 20;
  l.xlsx_total_bytes = (1u << 20) + 1000;
  SetLimits(l);
  const std::string sst = "<sst>" + std::string(900'000, ' ') + "</sst>";
  const std::string x = Zip({{"xl/sharedStrings.xml", sst},
                             {"xl/worksheets/sheet1.xml", SheetXml(std::string(900'000, ' '))}});
  EXPECT_EQ(Read(x).code(), StatusCode::kPayloadTooLarge);
}

TEST(XlsxLimitsTest, HugeSharedStringTableIsRefused) {
  LimitsGuard guard;
  Limits l = GetLimits();
  l.xlsx_shared_strings = 1000;
  SetLimits(l);
  std::string sst = "<sst>";
  for (int i = 0; i < 1001; ++i) sst += "<si><t>s</t></si>";
  sst += "</sst>";
  const Status s = Read(Zip({{"xl/sharedStrings.xml", sst}, {"xl/worksheets/sheet1.xml", SheetXml("")}}));
  EXPECT_EQ(s.code(), StatusCode::kPayloadTooLarge) << s.ToString();
  EXPECT_NE(s.message().find("sharedStrings"), std::string::npos);
}

TEST(XlsxLimitsTest, CellAndRowCountsAreLimited) {
  LimitsGuard guard;
  Limits l = GetLimits();
  l.xlsx_cells = 100;
  l.xlsx_rows = 50;
  SetLimits(l);
  std::string many_cells = "<row r=\"1\">";
  for (int i = 0; i < 101; ++i) many_cells += "<c><v>1</v></c>";
  many_cells += "</row>";
  EXPECT_EQ(Read(Zip({{"xl/worksheets/sheet1.xml", SheetXml(many_cells)}})).code(), StatusCode::kPayloadTooLarge);
  std::string many_rows;
  for (int i = 1; i <= 51; ++i) many_rows += "<row r=\"" + std::to_string(i) + "\"><c><v>1</v></c></row>";
  EXPECT_EQ(Read(Zip({{"xl/worksheets/sheet1.xml", SheetXml(many_rows)}})).code(), StatusCode::kPayloadTooLarge);
  // CSV too: a row of 200,000 commas is not 200,000 cells in memory.
  EXPECT_EQ(Read(std::string(200'000, ',')).code(), StatusCode::kPayloadTooLarge);
}

TEST(XlsxLimitsTest, WorkDeadlineStopsALongRead) {
  std::string rows;
  for (int i = 1; i <= 5000; ++i) rows += "<row r=\"" + std::to_string(i) + "\"><c><v>1</v></c></row>";
  const std::string x = Zip({{"xl/worksheets/sheet1.xml", SheetXml(rows)}});
  ScopedDeadline deadline(1e-9);  // already past when the clock is next read
  EXPECT_EQ(Read(x).code(), StatusCode::kPayloadTooLarge);
}

TEST(ImportTextTest, ControlBidiAndNoncharactersInCellsAreRefusedNamingTheCell) {
  Status s = Read(std::string("名称,备注\r\n华亭,ok\r\n园区,a\x01" "b\r\n"));
  ASSERT_EQ(s.code(), StatusCode::kValidation) << s.ToString();
  EXPECT_EQ(s.details().at(0).field, "rows[3].B");
  s = Read("名称\r\n\xE2\x80\xAE" "gpj.exe\r\n");  // U+202E RIGHT-TO-LEFT OVERRIDE
  ASSERT_EQ(s.code(), StatusCode::kValidation);
  EXPECT_EQ(s.details().at(0).field, "rows[2].A");
  EXPECT_NE(s.details().at(0).message.find("U+202E"), std::string::npos);
  const std::string x = Zip({{"xl/worksheets/sheet1.xml", SheetXml("<row r=\"4\">" + Inline("C4", "a\xEF\xBF\xBE") + "</row>")}});
  s = Read(x);
  ASSERT_EQ(s.code(), StatusCode::kValidation);
  EXPECT_EQ(s.details().at(0).field, "rows[4].C");
  // Tabs and line breaks inside a cell are fine.
  EXPECT_TRUE(Read("名称,备注\r\n华亭,\"两\n行\tok\"\r\n").ok());
}

TEST(CsvExportTest, FormulaLikeTextIsEscapedNumbersAreNot) {
  io::Sheet sh;
  sh.columns = {{"名称"}, {"金额", 10, ColumnKind::kNumber}};
  sh.rows = {{std::string("=HYPERLINK(\"http://x\")"), -5.0},
             {std::string("+1"), 1.0},
             {std::string("-2"), 2.0},
             {std::string("@SUM(A1)"), 3.0},
             {std::string("\tx"), 4.0},
             {std::string("\rx"), 5.0},
             {std::string("华亭"), 6.0}};
  const std::string csv = WriteCsv(sh);
  std::vector<InputRow> rows;
  ASSERT_TRUE(ReadCsvString(csv, [&](const InputRow& r) {
                rows.push_back(r);
                return true;
              }).ok());
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[1].at(0), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(rows[1].at(1), "-5");  // a negative number stays a number
  EXPECT_EQ(rows[2].at(0), "'+1");
  EXPECT_EQ(rows[3].at(0), "'-2");
  EXPECT_EQ(rows[4].at(0), "'@SUM(A1)");
  EXPECT_EQ(rows[5].at(0), "'\tx");
  EXPECT_EQ(rows[6].at(0), "'\rx");
  EXPECT_EQ(rows[7].at(0), "华亭");
  for (const auto& r : rows)
    for (const auto& c : r.cells)
      if (!c.empty() && c != "-5") {
        EXPECT_EQ(std::string("=+-@").find(c.front()), std::string::npos) << c;
      }
}

TEST(XlsxExportTest, NoncharactersAndControlsAreReplacedSoTheWorkbookStaysValid) {
  io::Sheet sh;
  sh.name = "台账";
  sh.columns = {{"名称"}};
  sh.rows = {{std::string("坏\xEF\xBF\xBE名\x01字")}};
  auto bytes = WriteXlsx({sh});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  std::vector<InputRow> rows;
  ASSERT_TRUE(Read(*bytes, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].at(0), "坏\xEF\xBF\xBD名\xEF\xBF\xBD字");
}

TEST(XlsxExportTest, TemporaryFilesAreRemoved) {
  auto count = [] {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
      n += e.path().filename().string().rfind("parkhq-xlsx-", 0) == 0 ? 1 : 0;
    return n;
  };
  const int before = count();
  io::Sheet sh;
  sh.columns = {{"a"}};
  ASSERT_TRUE(WriteXlsx({sh}).ok());
  EXPECT_EQ(count(), before);
}

}  // namespace
}  // namespace parkhq::io
