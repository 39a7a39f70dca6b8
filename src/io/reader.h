// Reading tabular files row by row: CSV (streaming, constant memory) and XLSX (first worksheet).
// Callbacks get each row; returning false stops early. Errors name the row.
#pragma once
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "common/status_or.h"
#include "io/table.h"

namespace parkhq::io {

using RowFn = std::function<bool(const InputRow&)>;

// RFC 4180 CSV: quoted fields with "" escapes and embedded newlines, CRLF or LF, a UTF-8 BOM is
// skipped. Reads in bounded memory whatever the input size. Row numbers count from 1 (the header).
Status ReadCsv(std::istream& in, const RowFn& fn);
Status ReadCsvString(std::string_view text, const RowFn& fn);

// The first worksheet of an .xlsx file (bytes in memory): shared strings resolved, numbers as their
// decimal text, empty cells as "". Row numbers are the sheet's own (1-based).
Status ReadXlsx(const std::string& bytes, const RowFn& fn);

// XLSX when the bytes start with the ZIP signature, else CSV.
Status ReadTable(const std::string& bytes, const RowFn& fn);

// An Excel date serial (1900 system) or "YYYY-MM-DD"/"YYYY/MM/DD" text as "YYYY-MM-DD"; "" when
// neither.
std::string NormalizeDateCell(const std::string& cell);

}  // namespace parkhq::io
