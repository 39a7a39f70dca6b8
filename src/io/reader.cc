#include "io/reader.h"

#include <pugixml.hpp>
#include <zip.h>

#include <cstdlib>
#include <memory>
#include <sstream>

#include "common/time.h"

namespace parkhq::io {

Status ReadCsv(std::istream& in, const RowFn& fn) {
  InputRow row;
  row.row = 1;
  std::string field;
  bool in_quotes = false, field_started = false, first = true, any = false;
  auto end_field = [&] {
    row.cells.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&]() -> bool {
    end_field();
    bool blank = row.cells.size() == 1 && row.cells[0].empty();
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
        end_field();
      } else if (c == '\n') {
        if (!end_row()) return Status::Ok();
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
  return Status::Ok();
}

Status ReadCsvString(std::string_view text, const RowFn& fn) {
  std::istringstream in{std::string(text)};
  return ReadCsv(in, fn);
}

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_close(z); }
};

StatusOr<std::string> ReadEntry(zip_t* z, const char* name) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0) return Status::NotFound(name);
  zip_file_t* f = zip_fopen(z, name, 0);
  if (!f) return Status::Validation("XLSX 文件损坏：无法读取 " + std::string(name));
  std::string out(st.size, '\0');
  zip_int64_t got = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    return Status::Validation("XLSX 文件损坏：" + std::string(name));
  return out;
}

// "B12" → column index 1.
int ColumnIndex(std::string_view ref) {
  int col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
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
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) return Status::Validation("无法读取 XLSX 文件");
  std::unique_ptr<zip_t, ZipCloser> z(zip_open_from_source(src, ZIP_RDONLY, &ze));
  if (!z) {
    zip_source_free(src);
    return Status::Validation("文件不是有效的 XLSX（ZIP）文件");
  }
  std::vector<std::string> shared;
  if (auto ss = ReadEntry(z.get(), "xl/sharedStrings.xml"); ss.ok()) {
    pugi::xml_document doc;
    if (!doc.load_buffer(ss->data(), ss->size())) return Status::Validation("XLSX 文件损坏：共享字符串");
    for (auto si : doc.child("sst").children("si")) {
      std::string s;
      for (auto t : si.select_nodes(".//t")) {
        // Skip phonetic runs (rPh) which repeat readings of East Asian text.
        if (std::string(t.node().parent().name()) == "rPh") continue;
        s += t.node().child_value();
      }
      shared.push_back(std::move(s));
    }
  }
  // The first sheet: resolve through workbook.xml and its relationships; fall back to sheet1.xml.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  if (auto wbx = ReadEntry(z.get(), "xl/workbook.xml"); wbx.ok()) {
    pugi::xml_document wb;
    if (wb.load_buffer(wbx->data(), wbx->size())) {
      std::string rid = wb.child("workbook").child("sheets").child("sheet").attribute("r:id").value();
      if (auto rels = ReadEntry(z.get(), "xl/_rels/workbook.xml.rels"); rels.ok() && !rid.empty()) {
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
  PARKHQ_ASSIGN_OR_RETURN(std::string xml, ReadEntry(z.get(), sheet_path.c_str()));
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return Status::Validation("XLSX 文件损坏：工作表");
  int expected_row = 0;
  for (auto r : doc.child("worksheet").child("sheetData").children("row")) {
    InputRow row;
    row.row = r.attribute("r").as_int(expected_row + 1);
    expected_row = row.row;
    for (auto c : r.children("c")) {
      int col = ColumnIndex(c.attribute("r").value());
      if (col < 0) col = static_cast<int>(row.cells.size());
      if (static_cast<size_t>(col) >= row.cells.size()) row.cells.resize(col + 1);
      row.cells[col] = CellText(c, shared);
    }
    bool blank = true;
    for (const auto& s : row.cells) blank = blank && s.empty();
    if (blank) continue;
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
