#include "io/docx_writer.h"

#include <zip.h>

#include <pugixml.hpp>
#include <sstream>

namespace parkhq::io {
namespace {

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";
constexpr const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

std::string DocumentXml(const std::vector<DocxParagraph>& paragraphs) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto root = doc.append_child("w:document");
  root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  auto body = root.append_child("w:body");
  for (const auto& p : paragraphs) {
    auto para = body.append_child("w:p");
    auto ppr = para.append_child("w:pPr");
    if (p.kind == DocxParagraph::Kind::kTitle) ppr.append_child("w:jc").append_attribute("w:val") = "center";
    ppr.append_child("w:spacing").append_attribute("w:after") = "120";
    auto run = para.append_child("w:r");
    auto rpr = run.append_child("w:rPr");
    auto fonts = rpr.append_child("w:rFonts");
    const bool heading = p.kind == DocxParagraph::Kind::kTitle || p.kind == DocxParagraph::Kind::kHeading;
    fonts.append_attribute("w:ascii") = "Times New Roman";
    fonts.append_attribute("w:hAnsi") = "Times New Roman";
    fonts.append_attribute("w:eastAsia") = heading ? "黑体" : "宋体";
    if (heading) rpr.append_child("w:b");
    const char* size = p.kind == DocxParagraph::Kind::kTitle     ? "36"
                       : p.kind == DocxParagraph::Kind::kHeading ? "30"
                       : p.kind == DocxParagraph::Kind::kSmall   ? "21"
                                                                 : "28";
    rpr.append_child("w:sz").append_attribute("w:val") = size;
    rpr.append_child("w:szCs").append_attribute("w:val") = size;
    auto t = run.append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(p.text.c_str());
  }
  auto sect = body.append_child("w:sectPr");
  auto pg = sect.append_child("w:pgSz");
  pg.append_attribute("w:w") = "11906";  // A4
  pg.append_attribute("w:h") = "16838";
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" + out.str();
}

}  // namespace

StatusOr<std::string> WriteDocx(const std::vector<DocxParagraph>& paragraphs) {
  const std::vector<std::pair<const char*, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", DocumentXml(paragraphs)}};
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!src) return Status::Internal("docx: cannot create a buffer");
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (!z) {
    zip_source_free(src);
    return Status::Internal("docx: cannot open the archive");
  }
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    if (!s || zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
      if (s) zip_source_free(s);
      zip_discard(z);
      zip_source_free(src);
      return Status::Internal("docx: cannot add a part");
    }
  }
  if (zip_close(z) < 0) {
    zip_discard(z);
    zip_source_free(src);
    return Status::Internal("docx: cannot write the archive");
  }
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    const zip_int64_t len = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (len > 0) {
      out.resize(static_cast<size_t>(len));
      zip_source_read(src, out.data(), static_cast<zip_uint64_t>(len));
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  if (out.empty()) return Status::Internal("docx: empty archive");
  return out;
}

}  // namespace parkhq::io
