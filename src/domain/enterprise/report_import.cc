#include "domain/enterprise/report_import.h"

namespace parkhq::enterprise {

bool ReadCsvRecord(std::istream& in, std::vector<std::string>& cells) {
  cells.clear();
  std::string line;
  if (!std::getline(in, line)) return false;
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
      } else if (c == ',') {
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

}  // namespace parkhq::enterprise
