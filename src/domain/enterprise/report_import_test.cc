#include "domain/enterprise/report_import.h"

#include <gtest/gtest.h>

#include <sstream>

namespace parkhq::enterprise {
namespace {

TEST(ReadCsvRecord, SplitsQuotedCellsAcrossLines) {
  std::istringstream in("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x\nlast");
  std::vector<std::string> cells;
  ASSERT_TRUE(ReadCsvRecord(in, cells));
  EXPECT_EQ(cells, (std::vector<std::string>{"a", "b,c", "d\"e"}));
  ASSERT_TRUE(ReadCsvRecord(in, cells));
  EXPECT_EQ(cells, (std::vector<std::string>{"multi\nline", "", "x"}));
  ASSERT_TRUE(ReadCsvRecord(in, cells));
  EXPECT_EQ(cells, (std::vector<std::string>{"last"}));
  EXPECT_FALSE(ReadCsvRecord(in, cells));
}

TEST(ReadCsvRecord, EmptyLineIsOneEmptyCell) {
  std::istringstream in("\n");
  std::vector<std::string> cells;
  ASSERT_TRUE(ReadCsvRecord(in, cells));
  EXPECT_EQ(cells, (std::vector<std::string>{""}));
}

TEST(MergeImportedValues, FileColumnsReplaceOtherFieldsKept) {
  const FieldValues old{{"output", 100}, {"tax", 5}, {"rnd", 2}, {"hidden_field", 9}};
  // The file has output, tax and rnd; rnd's cell is empty (not in `imported`): it is removed.
  const FieldValues imported{{"output", 120}, {"tax", 6}};
  EXPECT_EQ(MergeImportedValues(old, imported, {"output", "tax", "rnd"}),
            (FieldValues{{"output", 120}, {"tax", 6}, {"hidden_field", 9}}));
  // A file without the tax column leaves tax alone.
  EXPECT_EQ(MergeImportedValues(old, {{"output", 1}}, {"output"}),
            (FieldValues{{"output", 1}, {"tax", 5}, {"rnd", 2}, {"hidden_field", 9}}));
  EXPECT_EQ(MergeImportedValues({}, {{"output", 1}}, {"output", "tax"}), (FieldValues{{"output", 1}}));
}

}  // namespace
}  // namespace parkhq::enterprise
