// Writes a .docx (WordprocessingML) with libzip + pugixml in the 公文 layout of GB/T 9704-2012:
// A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 方正小标宋简体
// (falling back to 宋体 / SimSun) 二号 centred; body in 仿宋_GB2312 (falling back to 仿宋 /
// FangSong) 三号 (16 pt) with a two-character first-line indent and 28 pt line spacing; level-one
// headings in 黑体; page numbers "— N —" in the footer (a PAGE field). Opens in Word, WPS and
// LibreOffice. Takes plain values only; thread-safe.
#pragma once
#include <string>
#include <vector>

#include "common/status_or.h"

namespace parkhq::io {

inline constexpr char kDocxContentType[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

struct DocxBlock {
  enum class Kind { kHeading, kParagraph, kTable, kImage, kNote };
  Kind kind = Kind::kParagraph;
  std::string text;                              // heading / paragraph / note (image: caption)
  std::vector<std::vector<std::string>> rows;    // table: first row is the header
  std::string png;                               // image bytes
  int width_px = 0, height_px = 0;               // image size in pixels (printed at 150 dpi)
};

struct DocxDocument {
  std::string title;
  std::string subtitle;  // under the title, 楷体 (may be empty)
  std::vector<DocxBlock> blocks;
  std::string author;
};

// The bytes of the .docx. Internal only when libzip fails.
StatusOr<std::string> WriteDocx(const DocxDocument& doc);

}  // namespace parkhq::io
