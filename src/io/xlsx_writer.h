// Writes XLSX workbooks with libxlsxwriter: Chinese headers, numbers as numbers, a frozen and
// filtered header row, column widths, an optional title row and notes.
#pragma once
#include <string>
#include <vector>

#include "common/status_or.h"
#include "io/table.h"

namespace parkhq::io {

inline constexpr char kXlsxContentType[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The bytes of an .xlsx file with one worksheet per Sheet.
StatusOr<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

// RFC 4180 CSV with a UTF-8 BOM (so Excel reads Chinese), header row first. Text cells pass
// through CsvSafeText; numbers are written as numbers (a negative number is not text).
std::string WriteCsv(const Sheet& sheet);

// Text for a CSV cell that a spreadsheet will not run as a formula: text starting with =, +, -,
// @, tab or CR gets a leading apostrophe (OWASP "CSV injection").
std::string CsvSafeText(const std::string& s);

// A Content-Disposition value with an RFC 5987 UTF-8 file name (Chinese names survive).
std::string AttachmentDisposition(const std::string& filename_utf8);

}  // namespace parkhq::io
