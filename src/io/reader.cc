#include "io/reader.h"

#include <pugixml.hpp>
#include <zip.h>

#include <cstdlib>
#include <memory>
#include <sstream>

#include "common/deadline.h"
#include "common/limits.h"
#include "common/text_check.h"
#include "common/time.h"

namespace parkhq::io {

namespace {

// "A" for 0, "AB" for 27: the spreadsheet column name, for error fields.
std::string ColumnName(size_t col) {
  std::string name;
  for (size_t n = col + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

Status TooLarge(const std::string& what) {
  return Status(StatusCode::kPayloadTooLarge, "文件超过读取上限：" + what);
}

// Cells must be valid UTF-8 without control characters (tab and line breaks allowed), bidi
// overrides or noncharacters: 422 naming the cell.
Status CheckCells(const InputRow& row) {
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (std::string bad = BadTextReason(row.cells[c], true); !bad.empty())
      return Status::FieldInvalid("rows[" + std::to_string(row.row) + "]." + ColumnName(c), bad);
  }
  return Status::Ok();
}

}  // namespace

Status ReadCsv(std::istream& in, const RowFn& fn) {
  const Limits& limits = GetLimits();
  InputRow row;
  row.row = 1;
  Status failed;
  size_t cells = 0;
  std::string field;
  bool in_quotes = false, field_started = false, first = true, any = false;
  auto end_field = [&] {
    if (row.cells.size() >= limits.xlsx_columns) {
      failed = TooLarge("第 " + std::to_string(row.row) + " 行超过 " + std::to_string(limits.xlsx_columns) + " 列");
      return false;
    }
    if (++cells > limits.xlsx_cells) {
      failed = TooLarge("单元格超过 " + std::to_string(limits.xlsx_cells) + " 个");
      return false;
    }
    row.cells.push_back(std::move(field));
    field.clear();
    field_started = false;
    return true;
  };
  auto end_row = [&]() -> bool {
    if (!end_field()) return false;
    if (DeadlinePassed()) {
      failed = DeadlineStatus();
      return false;
    }
    bool blank = row.cells.size() == 1 && row.cells[0].empty();
    if (!blank) {
      failed = CheckCells(row);
      if (!failed.ok()) return false;
    }
    bool go_on = blank ? true : fn(row);
    row.cells.clear();
    ++row.row;
    return go_on;
  };
  char buf[64 * 1024];
  while (in) {
    in.read(buf, sizeof buf);
    std::streamsize n = in.gcount();
    for (std::streamsize i = 0; i < n; ++i) {
      char c = buf[i];
      if (first) {
        first = false;
        // Skip a UTF-8 BOM (EF BB BF) split over the first three bytes.
        if (static_cast<unsigned char>(c) == 0xEF && i + 2 < n &&
            static_cast<unsigned char>(buf[i + 1]) == 0xBB && static_cast<unsigned char>(buf[i + 2]) == 0xBF) {
          i += 2;
          continue;
        }
      }
      any = true;
      if (in_quotes) {
        if (c == '"') {
          if (i + 1 < n && buf[i + 1] == '"') {
            field += '"';
            ++i;
          } else if (i + 1 == n && in.peek() == '"') {
            field += '"';
            in.get();
          } else {
            in_quotes = false;
          }
        } else {
          field += c;
        }
        continue;
      }
      if (c == '"' && !field_started && field.empty()) {
        in_quotes = true;
        field_started = true;
      } else if (c == ',') {
        if (!end_field()) return failed;
      } else if (c == '\n') {
        if (!end_row()) return failed;
      } else if (c == '\r') {
        // CRLF: the LF ends the row.
      } else {
        field += c;
        field_started = true;
      }
    }
  }
  if (in_quotes) return Status::Validation("CSV 格式错误：第 " + std::to_string(row.row) + " 行引号未闭合");
  if (any && (!field.empty() || !row.cells.empty())) end_row();
  return failed;
}

Status ReadCsvString(std::string_view text, const RowFn& fn) {
  std::istringstream in{std::string(text)};
  return ReadCsv(in, fn);
}

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_close(z); }
};

// One ZIP entry, uncompressed, read in chunks with a counter: the size the archive declares is
// never trusted (a deflate bomb declares little and inflates to gigabytes). Past the per-entry
// limit or the file's running total, 413 naming the entry.
StatusOr<std::string> ReadEntry(zip_t* z, const char* name, size_t& total) {
  const Limits& limits = GetLimits();
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name, 0, &st) != 0) return Status::NotFound(name);
  zip_file_t* f = zip_fopen(z, name, 0);
  if (!f) return Status::Validation("XLSX 文件损坏：无法读取 " + std::string(name));
  std::string out;
  char buf[64 * 1024];
  for (;;) {
    const zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      zip_fclose(f);
      return Status::Validation("XLSX 文件损坏：" + std::string(name));
    }
    if (got == 0) break;
    const size_t n = static_cast<size_t>(got);
    if (out.size() + n > limits.xlsx_entry_bytes || total + n > limits.xlsx_total_bytes) {
      zip_fclose(f);
      return TooLarge(std::string(name) + " 解压后超过 " +
                      std::to_string(std::min(limits.xlsx_entry_bytes, limits.xlsx_total_bytes) >> 20) + " MiB");
    }
    if (DeadlinePassed()) {
      zip_fclose(f);
      return DeadlineStatus();
    }
    out.append(buf, n);
    total += n;
  }
  zip_fclose(f);
  return out;
}

// "B12" → column index 1; -1 without letters; kFarColumn past the limit (never overflows).
constexpr long kFarColumn = -2;
long ColumnIndex(std::string_view ref, size_t max_columns) {
  long col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
    if (static_cast<size_t>(col) > max_columns) return kFarColumn;
  }
  return col - 1;
}

std::string CellText(const pugi::xml_node& c, const std::vector<std::string>& shared) {
  std::string type = c.attribute("t").value();
  if (type == "s") {
    size_t idx = std::strtoul(c.child_value("v"), nullptr, 10);
    return idx < shared.size() ? shared[idx] : "";
  }
  if (type == "inlineStr") {
    std::string s;
    for (auto t : c.child("is").select_nodes(".//t")) s += t.node().child_value();
    return s;
  }
  if (type == "b") return std::string(c.child_value("v")) == "1" ? "TRUE" : "FALSE";
  return c.child_value("v");
}

}  // namespace

Status ReadXlsx(const std::string& bytes, const RowFn& fn) {
  const Limits& limits = GetLimits();
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) return Status::Validation("无法读取 XLSX 文件");
  std::unique_ptr<zip_t, ZipCloser> z(zip_open_from_source(src, ZIP_RDONLY, &ze));
  if (!z) {
    zip_source_free(src);
    return Status::Validation("文件不是有效的 XLSX（ZIP）文件");
  }
  size_t total = 0;  // uncompressed bytes read so far from this file
  std::vector<std::string> shared;
  if (auto ss = ReadEntry(z.get(), "xl/sharedStrings.xml", total); ss.ok()) {
    pugi::xml_document doc;
    if (!doc.load_buffer(ss->data(), ss->size())) return Status::Validation("XLSX 文件损坏：共享字符串");
    for (auto si : doc.child("sst").children("si")) {
      if (shared.size() >= limits.xlsx_shared_strings)
        return TooLarge("xl/sharedStrings.xml 超过 " + std::to_string(limits.xlsx_shared_strings) + " 个共享字符串");
      if (DeadlinePassed()) return DeadlineStatus();
      std::string s;
      for (auto t : si.select_nodes(".//t")) {
        // Skip phonetic runs (rPh) which repeat readings of East Asian text.
        if (std::string(t.node().parent().name()) == "rPh") continue;
        s += t.node().child_value();
      }
      shared.push_back(std::move(s));
    }
  } else if (ss.status().code() != StatusCode::kNotFound) {
    return ss.status();
  }
  // The first sheet: resolve through workbook.xml and its relationships; fall back to sheet1.xml.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  auto wbx = ReadEntry(z.get(), "xl/workbook.xml", total);
  if (!wbx.ok() && wbx.status().code() != StatusCode::kNotFound) return wbx.status();
  if (wbx.ok()) {
    pugi::xml_document wb;
    if (wb.load_buffer(wbx->data(), wbx->size())) {
      std::string rid = wb.child("workbook").child("sheets").child("sheet").attribute("r:id").value();
      auto rels = ReadEntry(z.get(), "xl/_rels/workbook.xml.rels", total);
      if (!rels.ok() && rels.status().code() != StatusCode::kNotFound) return rels.status();
      if (rels.ok() && !rid.empty()) {
        pugi::xml_document rd;
        if (rd.load_buffer(rels->data(), rels->size()))
          for (auto rel : rd.child("Relationships").children("Relationship"))
            if (rid == rel.attribute("Id").value()) {
              std::string target = rel.attribute("Target").value();
              sheet_path = target.rfind("/", 0) == 0 ? target.substr(1) : "xl/" + target;
            }
      }
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(std::string xml, ReadEntry(z.get(), sheet_path.c_str(), total));
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return Status::Validation("XLSX 文件损坏：工作表");
  xml.clear();
  xml.shrink_to_fit();
  int expected_row = 0;
  size_t rows = 0, cells = 0;
  for (auto r : doc.child("worksheet").child("sheetData").children("row")) {
    if (++rows > limits.xlsx_rows) return TooLarge("工作表超过 " + std::to_string(limits.xlsx_rows) + " 行");
    if (DeadlinePassed()) return DeadlineStatus();
    InputRow row;
    row.row = r.attribute("r").as_int(expected_row + 1);
    expected_row = row.row;
    // Cells are placed by their reference; only columns up to the limit exist, so a row's
    // storage never exceeds xlsx_columns whatever the file declares.
    size_t next_col = 0;  // a cell without a reference follows the previous one
    for (auto c : r.children("c")) {
      if (++cells > limits.xlsx_cells) return TooLarge("工作表超过 " + std::to_string(limits.xlsx_cells) + " 个单元格");
      long col = ColumnIndex(c.attribute("r").value(), limits.xlsx_columns);
      if (col == kFarColumn)
        return TooLarge("第 " + std::to_string(row.row) + " 行的单元格超出第 " + std::to_string(limits.xlsx_columns) + " 列");
      if (col < 0) col = static_cast<long>(next_col);
      if (static_cast<size_t>(col) >= limits.xlsx_columns)
        return TooLarge("第 " + std::to_string(row.row) + " 行的单元格超出第 " + std::to_string(limits.xlsx_columns) + " 列");
      next_col = static_cast<size_t>(col) + 1;
      std::string text = CellText(c, shared);
      if (text.empty()) continue;  // empty cells need no storage
      if (static_cast<size_t>(col) >= row.cells.size()) row.cells.resize(static_cast<size_t>(col) + 1);
      row.cells[static_cast<size_t>(col)] = std::move(text);
    }
    if (row.cells.empty()) continue;  // blank row
    PARKHQ_RETURN_IF_ERROR(CheckCells(row));
    if (!fn(row)) break;
  }
  return Status::Ok();
}

Status ReadTable(const std::string& bytes, const RowFn& fn) {
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) return ReadXlsx(bytes, fn);
  return ReadCsvString(bytes, fn);
}

std::string NormalizeDateCell(const std::string& cell) {
  if (cell.empty()) return "";
  std::string s = cell;
  for (auto& c : s)
    if (c == '/') c = '-';
  if (auto d = Date::Parse(s)) return d->ToString();
  char* end = nullptr;
  double serial = std::strtod(cell.c_str(), &end);
  if (end && *end == '\0' && serial > 0 && serial < 2958466) {
    // Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was: day 25569 is 1970-01-01.
    return Date::FromDaysSinceEpoch(static_cast<int64_t>(serial) - 25569).ToString();
  }
  return "";
}

}  // namespace parkhq::io
