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

}  // namespace
}  // namespace parkhq::enterprise
