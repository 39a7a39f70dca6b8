#include "io/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/text_check.h"

namespace parkhq::io {
namespace {

std::string NumFormat(const Column& c) {
  std::string dec = c.decimals > 0 ? "." + std::string(static_cast<size_t>(c.decimals), '0') : "";
  switch (c.kind) {
    case ColumnKind::kInteger: return "#,##0";
    case ColumnKind::kNumber: return "#,##0" + dec;
    case ColumnKind::kPercent: return "0" + dec + "\"%\"";
    default: return "";
  }
}

// A fresh, unpredictable temporary file (mkstemps: created 0600 with O_EXCL, random name), so no
// other local user can guess the path and plant a link there. "" when none can be created.
std::string TempPath() {
  std::string path = (std::filesystem::temp_directory_path() / "parkhq-xlsx-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return "";
  close(fd);
  return path;
}

}  // namespace

StatusOr<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  const std::string path = TempPath();
  if (path.empty()) return Status::Internal("cannot create a temporary file for the workbook");
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    std::remove(path.c_str());
    return Status::Internal("cannot create workbook");
  }
  // Text as Excel can store it: no control characters or noncharacters (U+FFFE breaks the file).
  const auto text = [](const std::string& s) { return SanitizeText(s); };
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDCE6F1);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* note = workbook_add_format(wb);
  format_set_italic(note);
  format_set_font_color(note, 0x808080);
  for (const auto& sh : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sh.name.empty() ? nullptr : sh.name.c_str());
    if (!ws) {
      workbook_close(wb);
      std::remove(path.c_str());
      return Status::Internal("cannot add worksheet " + sh.name);
    }
    std::vector<lxw_format*> formats;
    for (size_t c = 0; c < sh.columns.size(); ++c) {
      const auto& col = sh.columns[c];
      lxw_format* f = workbook_add_format(wb);
      format_set_border(f, LXW_BORDER_THIN);
      std::string nf = NumFormat(col);
      if (!nf.empty()) format_set_num_format(f, nf.c_str());
      formats.push_back(f);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), col.width, nullptr);
    }
    lxw_row_t r = 0;
    const auto last_col = static_cast<lxw_col_t>(sh.columns.empty() ? 0 : sh.columns.size() - 1);
    if (!sh.title.empty()) {
      if (last_col > 0) worksheet_merge_range(ws, 0, 0, 0, last_col, text(sh.title).c_str(), title);
      else worksheet_write_string(ws, 0, 0, text(sh.title).c_str(), title);
      worksheet_set_row(ws, 0, 24, nullptr);
      ++r;
    }
    const lxw_row_t header_row = r;
    for (size_t c = 0; c < sh.columns.size(); ++c)
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), text(sh.columns[c].header).c_str(), header);
    worksheet_set_row(ws, r, 30, nullptr);
    ++r;
    for (const auto& row : sh.rows) {
      for (size_t c = 0; c < row.size() && c < sh.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (const double* d = std::get_if<double>(&row[c])) worksheet_write_number(ws, r, col, *d, formats[c]);
        else if (const std::string* s = std::get_if<std::string>(&row[c]))
          worksheet_write_string(ws, r, col, text(*s).c_str(), formats[c]);
        else worksheet_write_blank(ws, r, col, formats[c]);
      }
      ++r;
    }
    if (sh.freeze_header) worksheet_freeze_panes(ws, header_row + 1, 0);
    if (sh.autofilter && !sh.columns.empty() && !sh.rows.empty())
      worksheet_autofilter(ws, header_row, 0, r - 1, last_col);
    for (const auto& n : sh.notes) worksheet_write_string(ws, ++r, 0, text(n).c_str(), note);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path.c_str());
    return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(path.c_str());
  return ss.str();
}

std::string CsvSafeText(const std::string& s) {
  if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) return "'" + s;
  return s;
}

std::string WriteCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  auto field = [&](const std::string& raw) {
    const std::string s = CsvSafeText(raw);
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
      out += s;
      return;
    }
    out += '"';
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  };
  for (size_t c = 0; c < sheet.columns.size(); ++c) {
    if (c) out += ',';
    field(sheet.columns[c].header);
  }
  out += "\r\n";
  for (const auto& row : sheet.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      if (const double* d = std::get_if<double>(&row[c])) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.10g", *d);
        out += buf;
      } else if (const std::string* s = std::get_if<std::string>(&row[c])) {
        field(*s);
      }
    }
    out += "\r\n";
  }
  return out;
}

std::string AttachmentDisposition(const std::string& name) {
  std::string enc;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') enc += static_cast<char>(c);
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      enc += buf;
    }
  }
  auto dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  return "attachment; filename=\"export" + ext + "\"; filename*=UTF-8''" + enc;
}

}  // namespace parkhq::io
