// An XLSX file as a handler's answer: the content type and the attachment name every export uses.
#pragma once
#include <string>
#include <utility>

#include "http/request.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

inline Response XlsxFile(std::string bytes, const std::string& filename) {
  Response r;
  r.content_type = io::kXlsxContentType;
  r.body = std::move(bytes);
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(filename));
  return r;
}

}  // namespace parkhq::http::handlers
