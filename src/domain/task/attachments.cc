#include "domain/task/attachments.h"

#include <algorithm>
#include <cctype>

namespace parkhq::task {

namespace {

bool Starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::optional<std::string> AttachmentType(std::string_view filename, std::string_view bytes) {
  const size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(filename.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool zip = Starts(bytes, std::string_view("PK\x03\x04", 4));
  if (ext == "pdf" && Starts(bytes, "%PDF-")) return "application/pdf";
  if (ext == "png" && Starts(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if ((ext == "jpg" || ext == "jpeg") && Starts(bytes, std::string_view("\xFF\xD8\xFF", 3))) return "image/jpeg";
  // Office files are ZIP packages; their part names tell Word from Excel.
  if (ext == "docx" && zip && bytes.find("word/") != std::string_view::npos)
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == "xlsx" && zip && bytes.find("xl/") != std::string_view::npos)
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return std::nullopt;
}

std::string AttachmentNameProblem(std::string_view filename) {
  if (filename.empty()) return "必填";
  if (filename.size() > 200) return "过长（最多 200 字节）";
  for (unsigned char c : filename)
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') return "含有不允许的字符";
  return "";
}

}  // namespace parkhq::task
