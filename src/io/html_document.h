// The printable HTML page of a document (the same plain model as the DOCX): A4 pages with the
// GB/T 9704 margins in @page, 仿宋 body at 16pt with fallbacks, the title in 小标宋/宋体, tables,
// charts as inline PNG images at print size. Every text is HTML-escaped. Printing it from the
// browser gives a clean paginated PDF. Plain values in; thread-safe.
#pragma once
#include <string>

#include "io/docx_writer.h"

namespace parkhq::io {

std::string EscapeHtml(const std::string& s);
std::string Base64(const std::string& bytes);
// `banner` is shown on screen only (e.g. the state 草稿), never printed.
std::string WriteHtmlDocument(const DocxDocument& doc, const std::string& banner);

}  // namespace parkhq::io
