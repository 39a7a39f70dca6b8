// Importing monthly reports from CSV (the registry's USCC identifies the enterprise): streamed row
// by row in bounded memory, every row validated first, then applied in one transaction — all or
// nothing — with a row/column/message report.
//
// File: UTF-8 (an optional BOM), header line `uscc,period,<field>,<field>...` with report field codes
// (Chinese field names are accepted too), one report per line. Empty cells are "not reported".
#pragma once
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enterprise/report.h"

namespace parkhq::enterprise {

// Splits one CSV record (RFC 4180 quoting; "" inside quotes). Reads more lines when a quoted cell
// spans lines. Returns false at the end of the input. At most Limits::xlsx_columns cells: the rest
// of a wider record stays in the last cell (memory bounded by the line, not by its commas).
bool ReadCsvRecord(std::istream& in, std::vector<std::string>& cells);

// The first cell with characters text fields refuse (controls but tab/line breaks, bidi overrides,
// noncharacters, invalid UTF-8; common/text_check.h): its index and the Chinese reason.
std::optional<std::pair<size_t, std::string>> BadCell(const std::vector<std::string>& cells);

// A cell without its leading and trailing spaces and tabs.
std::string_view TrimCell(std::string_view s);

struct ImportError {
  int64_t row = 0;      // 1-based data row (the header is row 0)
  std::string column;   // header name, or "" for the whole row
  std::string message;  // Chinese
};

struct ImportResult {
  int64_t rows = 0;          // data rows read
  int64_t imported = 0;      // rows applied (0 when any error)
  int64_t replaced = 0;      // of those, reports that existed and were replaced (not approved ones)
  int64_t warnings = 0;      // rule warnings (not blocking: imported figures come from the source)
  std::vector<ImportError> errors;  // at most kMaxImportErrors
  bool truncated = false;    // more errors than listed
};
inline constexpr size_t kMaxImportErrors = 200;

// The values of a report an import replaces: the file's columns are taken from the file (an empty
// cell removes the old value), every other field keeps its old value — e.g. a field hidden from the
// form or not in this file is not lost.
FieldValues MergeImportedValues(const FieldValues& old_values, const FieldValues& imported,
                                const std::vector<std::string>& columns);

struct ImportOptions {
  bool approve = false;  // store the reports as approved (e.g. figures taken over from the statistics office)
};

}  // namespace parkhq::enterprise
