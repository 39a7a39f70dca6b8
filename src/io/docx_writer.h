// A minimal Word document (DOCX: WordprocessingML in a zip) written with libzip and pugixml: a title,
// headings and paragraphs, with East Asian fonts set so Word, WPS and LibreOffice show Chinese text.
#pragma once
#include <string>
#include <vector>

#include "common/status_or.h"

namespace parkhq::io {

struct DocxParagraph {
  enum class Kind { kTitle, kHeading, kText, kSmall };
  Kind kind = Kind::kText;
  std::string text;  // UTF-8; XML-escaped by the writer
};

inline constexpr const char* kDocxContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The .docx bytes. Internal error only when libzip fails.
StatusOr<std::string> WriteDocx(const std::vector<DocxParagraph>& paragraphs);

}  // namespace parkhq::io
