// Tabular data in and out (XLSX, CSV): the shapes every import and export shares.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/status.h"

namespace parkhq::io {

// A cell to write: empty, a number (kept as a number in XLSX) or text.
using CellValue = std::variant<std::monostate, double, std::string>;

enum class ColumnKind { kText, kNumber, kInteger, kPercent /* 38.25 shown as 38.25% */, kDate };

struct Column {
  std::string header;    // Chinese header, e.g. "1-N月累计"
  double width = 14;     // in characters
  ColumnKind kind = ColumnKind::kText;
  int decimals = 2;      // for kNumber / kPercent
};

struct Sheet {
  std::string name;                    // sheet tab (<= 31 chars)
  std::string title;                   // optional title row above the header (merged across columns)
  std::vector<Column> columns;
  std::vector<std::vector<CellValue>> rows;
  std::vector<std::string> notes;      // optional lines below the table (e.g. "演示数据")
  bool freeze_header = true;
  bool autofilter = true;
};

// One problem found in an import: the 1-based row as the user sees it in the file (the header is
// row 1), the column header, and a Chinese message.
struct ImportError {
  int row = 0;
  std::string column;
  std::string message;
};

// The 422 an import answers when any row is wrong: one detail per error, field "rows[<row>].<column>".
Status ImportFailed(const std::vector<ImportError>& errors, size_t max_details = 1000);

// A row read from a file: cell texts by column position (numbers as their decimal text).
struct InputRow {
  int row = 0;  // 1-based row number in the file
  std::vector<std::string> cells;
  const std::string& at(size_t i) const;  // "" beyond the end
};

}  // namespace parkhq::io
