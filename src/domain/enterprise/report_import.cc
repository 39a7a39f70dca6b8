#include "domain/enterprise/report_import.h"

#include "common/limits.h"
#include "common/text_check.h"

namespace parkhq::enterprise {

std::optional<std::pair<size_t, std::string>> BadCell(const std::vector<std::string>& cells) {
  for (size_t c = 0; c < cells.size(); ++c)
    if (std::string bad = BadTextReason(cells[c], true); !bad.empty()) return std::pair{c, std::move(bad)};
  return std::nullopt;
}

bool ReadCsvRecord(std::istream& in, std::vector<std::string>& cells) {
  // The cells' strings are reused from record to record (no allocation per cell once warm).
  thread_local std::string line;
  if (!std::getline(in, line)) return false;
  const size_t max_cells = std::max<size_t>(1, GetLimits().xlsx_columns);
  // The common case: no quoting, no CR (two memchr scans; find_first_of tests each character).
  if (line.find('"') == std::string::npos && line.find('\r') == std::string::npos) {
    size_t n = 0, start = 0;
    while (true) {
      size_t comma = n + 1 < max_cells ? line.find(',', start) : std::string::npos;
      size_t end = comma == std::string::npos ? line.size() : comma;
      if (n == cells.size()) cells.emplace_back();
      cells[n++].assign(line, start, end - start);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    cells.resize(n);
    return true;
  }
  cells.clear();
  std::string cell;
  bool quoted = false;
  while (true) {
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            ++i;
          } else {
            quoted = false;
          }
        } else {
          cell += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',' && cells.size() + 1 < max_cells) {
        cells.push_back(std::move(cell));
        cell.clear();
      } else if (c != '\r') {
        cell += c;
      }
    }
    if (!quoted) break;
    std::string next;
    if (!std::getline(in, next)) break;  // unterminated quote: keep what we have
    cell += '\n';
    line = std::move(next);
  }
  cells.push_back(std::move(cell));
  return true;
}

std::string_view TrimCell(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

FieldValues MergeImportedValues(const FieldValues& old_values, const FieldValues& imported,
                                const std::vector<std::string>& columns) {
  FieldValues out = old_values;
  for (const auto& c : columns) out.erase(c);
  for (const auto& [k, v] : imported) out[k] = v;
  return out;
}

}  // namespace parkhq::enterprise
