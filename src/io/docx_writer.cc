#include "io/docx_writer.h"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <pugixml.hpp>
#include <cstdio>
#include <sstream>
#include <tuple>

namespace parkhq::io {
namespace {

constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kR[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kWp[] = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr char kA[] = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr char kPic[] = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr char kRelDoc[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr char kPkgRels[] = "http://schemas.openxmlformats.org/package/2006/relationships";

// GB/T 9704 fonts and the fallbacks named in fontTable.xml.
constexpr char kTitleFont[] = "方正小标宋简体";
constexpr char kBodyFont[] = "仿宋_GB2312";
constexpr char kHeadingFont[] = "黑体";
constexpr char kSubtitleFont[] = "楷体_GB2312";

std::string Xml(const pugi::xml_document& d) {
  std::ostringstream os;
  d.save(os, "", pugi::format_raw, pugi::encoding_utf8);
  return os.str();
}

pugi::xml_document NewDoc() {
  pugi::xml_document d;
  auto decl = d.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return d;
}

pugi::xml_node Val(pugi::xml_node parent, const char* name, const std::string& val) {
  auto n = parent.append_child(name);
  n.append_attribute("w:val") = val.c_str();
  return n;
}

// Run properties: east-Asian font, size in half-points, bold.
void RunProps(pugi::xml_node rpr, const char* font, int half_points, bool bold = false) {
  auto f = rpr.append_child("w:rFonts");
  f.append_attribute("w:ascii") = font;
  f.append_attribute("w:hAnsi") = font;
  f.append_attribute("w:eastAsia") = font;
  f.append_attribute("w:cs") = font;
  if (bold) rpr.append_child("w:b");
  Val(rpr, "w:sz", std::to_string(half_points));
  Val(rpr, "w:szCs", std::to_string(half_points));
}

pugi::xml_node Run(pugi::xml_node p, const std::string& text, const char* font, int half_points, bool bold = false) {
  auto r = p.append_child("w:r");
  RunProps(r.append_child("w:rPr"), font, half_points, bold);
  auto t = r.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(text.c_str());
  return r;
}

pugi::xml_node Para(pugi::xml_node body, const char* jc, int first_line_chars100, int line_twips = 560) {
  auto p = body.append_child("w:p");
  auto ppr = p.append_child("w:pPr");
  auto sp = ppr.append_child("w:spacing");
  sp.append_attribute("w:line") = line_twips;
  sp.append_attribute("w:lineRule") = "exact";
  sp.append_attribute("w:before") = 0;
  sp.append_attribute("w:after") = 0;
  if (first_line_chars100 > 0) {
    auto ind = ppr.append_child("w:ind");
    ind.append_attribute("w:firstLineChars") = first_line_chars100;
  }
  if (jc) Val(ppr, "w:jc", jc);
  return p;
}

void Table(pugi::xml_node body, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return;
  auto tbl = body.append_child("w:tbl");
  auto pr = tbl.append_child("w:tblPr");
  auto w = pr.append_child("w:tblW");
  w.append_attribute("w:w") = 5000;
  w.append_attribute("w:type") = "pct";
  Val(pr, "w:jc", "center");
  auto borders = pr.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    auto b = borders.append_child(side);
    b.append_attribute("w:val") = "single";
    b.append_attribute("w:sz") = 4;
    b.append_attribute("w:space") = 0;
    b.append_attribute("w:color") = "000000";
  }
  size_t cols = 0;
  for (const auto& r : rows) cols = std::max(cols, r.size());
  auto grid = tbl.append_child("w:tblGrid");
  const int total = 8845;  // 156 mm text width in twips
  for (size_t c = 0; c < cols; ++c) grid.append_child("w:gridCol").append_attribute("w:w") = static_cast<int>(total / cols);
  for (size_t i = 0; i < rows.size(); ++i) {
    auto tr = tbl.append_child("w:tr");
    if (i == 0) tr.append_child("w:trPr").append_child("w:tblHeader");
    for (size_t c = 0; c < cols; ++c) {
      auto tc = tr.append_child("w:tc");
      auto tcw = tc.append_child("w:tcPr").append_child("w:tcW");
      tcw.append_attribute("w:w") = static_cast<int>(total / cols);
      tcw.append_attribute("w:type") = "dxa";
      auto p = Para(tc, c == 0 ? "left" : "center", 0, 360);
      Run(p, c < rows[i].size() ? rows[i][c] : "", kBodyFont, 21, i == 0);  // 五号 in tables
    }
  }
  Para(body, nullptr, 0);  // a paragraph must follow a table
}

void Image(pugi::xml_node body, const DocxBlock& b, int index) {
  constexpr int64_t kEmuPerPx = 914400 / 150;  // printed at 150 dpi
  constexpr int64_t kMaxCx = 5615940;         // 156 mm
  int64_t cx = static_cast<int64_t>(b.width_px) * kEmuPerPx, cy = static_cast<int64_t>(b.height_px) * kEmuPerPx;
  if (cx > kMaxCx) {
    cy = cy * kMaxCx / cx;
    cx = kMaxCx;
  }
  auto p = Para(body, "center", 0, 240);
  p.child("w:pPr").child("w:spacing").attribute("w:lineRule").set_value("auto");
  auto inl = p.append_child("w:r").append_child("w:drawing").append_child("wp:inline");
  auto ext = inl.append_child("wp:extent");
  ext.append_attribute("cx") = cx;
  ext.append_attribute("cy") = cy;
  auto pr = inl.append_child("wp:docPr");
  pr.append_attribute("id") = index;
  pr.append_attribute("name") = ("图" + std::to_string(index)).c_str();
  auto gd = inl.append_child("a:graphic");
  gd.append_attribute("xmlns:a") = kA;
  auto data = gd.append_child("a:graphicData");
  data.append_attribute("uri") = kPic;
  auto pic = data.append_child("pic:pic");
  pic.append_attribute("xmlns:pic") = kPic;
  auto nv = pic.append_child("pic:nvPicPr");
  auto c = nv.append_child("pic:cNvPr");
  c.append_attribute("id") = index;
  c.append_attribute("name") = ("chart" + std::to_string(index) + ".png").c_str();
  nv.append_child("pic:cNvPicPr");
  auto fill = pic.append_child("pic:blipFill");
  fill.append_child("a:blip").append_attribute("r:embed") = ("rIdImg" + std::to_string(index)).c_str();
  fill.append_child("a:stretch").append_child("a:fillRect");
  auto sp = pic.append_child("pic:spPr");
  auto xf = sp.append_child("a:xfrm");
  auto off = xf.append_child("a:off");
  off.append_attribute("x") = 0;
  off.append_attribute("y") = 0;
  auto e2 = xf.append_child("a:ext");
  e2.append_attribute("cx") = cx;
  e2.append_attribute("cy") = cy;
  auto geom = sp.append_child("a:prstGeom");
  geom.append_attribute("prst") = "rect";
  geom.append_child("a:avLst");
  if (!b.text.empty()) Run(Para(body, "center", 0, 400), b.text, kBodyFont, 24);
}

void SectionProps(pugi::xml_node body) {
  auto s = body.append_child("w:sectPr");
  auto f = s.append_child("w:footerReference");
  f.append_attribute("w:type") = "default";
  f.append_attribute("r:id") = "rIdFooter";
  auto pg = s.append_child("w:pgSz");
  pg.append_attribute("w:w") = 11906;  // A4 210 mm
  pg.append_attribute("w:h") = 16838;  // 297 mm
  auto m = s.append_child("w:pgMar");
  m.append_attribute("w:top") = 2098;     // 37 mm
  m.append_attribute("w:right") = 1474;   // 26 mm
  m.append_attribute("w:bottom") = 1984;  // 35 mm
  m.append_attribute("w:left") = 1587;    // 28 mm
  m.append_attribute("w:header") = 851;
  m.append_attribute("w:footer") = 1134;
  m.append_attribute("w:gutter") = 0;
  auto grid = s.append_child("w:docGrid");
  grid.append_attribute("w:type") = "lines";
  grid.append_attribute("w:linePitch") = 579;
}

std::string DocumentXml(const DocxDocument& doc) {
  auto d = NewDoc();
  auto root = d.append_child("w:document");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  root.append_attribute("xmlns:wp") = kWp;
  auto body = root.append_child("w:body");
  Run(Para(body, "center", 0, 800), doc.title, kTitleFont, 44);
  if (!doc.subtitle.empty()) Run(Para(body, "center", 0), doc.subtitle, kSubtitleFont, 32);
  Para(body, nullptr, 0);
  int image = 0;
  for (const auto& b : doc.blocks) {
    switch (b.kind) {
      case DocxBlock::Kind::kHeading: Run(Para(body, "both", 200), b.text, kHeadingFont, 32); break;
      case DocxBlock::Kind::kParagraph: Run(Para(body, "both", 200), b.text, kBodyFont, 32); break;
      case DocxBlock::Kind::kNote: Run(Para(body, "both", 200), b.text, kSubtitleFont, 32); break;
      case DocxBlock::Kind::kTable: Table(body, b.rows); break;
      case DocxBlock::Kind::kImage: Image(body, b, ++image); break;
    }
  }
  SectionProps(body);
  return Xml(d);
}

std::string FooterXml() {
  auto d = NewDoc();
  auto ftr = d.append_child("w:ftr");
  ftr.append_attribute("xmlns:w") = kW;
  auto p = Para(ftr, "center", 0, 240);
  p.child("w:pPr").child("w:spacing").attribute("w:lineRule").set_value("auto");
  auto font = "宋体";
  Run(p, "— ", font, 28);
  auto begin = p.append_child("w:r");
  RunProps(begin.append_child("w:rPr"), font, 28);
  begin.append_child("w:fldChar").append_attribute("w:fldCharType") = "begin";
  auto instr = p.append_child("w:r");
  RunProps(instr.append_child("w:rPr"), font, 28);
  auto it = instr.append_child("w:instrText");
  it.append_attribute("xml:space") = "preserve";
  it.text().set(" PAGE ");
  auto sep = p.append_child("w:r");
  sep.append_child("w:fldChar").append_attribute("w:fldCharType") = "separate";
  Run(p, "1", font, 28);
  p.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "end";
  Run(p, " —", font, 28);
  return Xml(d);
}

std::string StylesXml() {
  auto d = NewDoc();
  auto st = d.append_child("w:styles");
  st.append_attribute("xmlns:w") = kW;
  auto defaults = st.append_child("w:docDefaults");
  RunProps(defaults.append_child("w:rPrDefault").append_child("w:rPr"), kBodyFont, 32);
  defaults.append_child("w:pPrDefault").append_child("w:pPr");
  auto normal = st.append_child("w:style");
  normal.append_attribute("w:type") = "paragraph";
  normal.append_attribute("w:default") = "1";
  normal.append_attribute("w:styleId") = "Normal";
  Val(normal, "w:name", "Normal");
  return Xml(d);
}

std::string FontTableXml() {
  auto d = NewDoc();
  auto fonts = d.append_child("w:fonts");
  fonts.append_attribute("xmlns:w") = kW;
  struct F {
    const char* name;
    const char* alt;
  } list[] = {{kTitleFont, "宋体"}, {kBodyFont, "仿宋"}, {kHeadingFont, "SimHei"}, {kSubtitleFont, "楷体"},
              {"宋体", "SimSun"}, {"仿宋", "FangSong"}, {"楷体", "KaiTi"}};
  for (const auto& f : list) {
    auto n = fonts.append_child("w:font");
    n.append_attribute("w:name") = f.name;
    Val(n, "w:altName", f.alt);
    Val(n, "w:charset", "86");
    Val(n, "w:family", "roman");
  }
  return Xml(d);
}

std::string Rels(const std::vector<std::tuple<std::string, std::string, std::string>>& rels) {
  auto d = NewDoc();
  auto r = d.append_child("Relationships");
  r.append_attribute("xmlns") = kPkgRels;
  for (const auto& [id, type, target] : rels) {
    auto x = r.append_child("Relationship");
    x.append_attribute("Id") = id.c_str();
    x.append_attribute("Type") = type.c_str();
    x.append_attribute("Target") = target.c_str();
  }
  return Xml(d);
}

constexpr char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Default Extension="png" ContentType="image/png"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>)"
    R"(<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(</Types>)";

constexpr char kSettings[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>)"
    R"(<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>)"
    R"(</w:settings>)";

std::string CoreXml(const DocxDocument& doc) {
  auto d = NewDoc();
  auto c = d.append_child("cp:coreProperties");
  c.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  c.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  c.append_child("dc:title").text().set(doc.title.c_str());
  c.append_child("dc:creator").text().set(doc.author.c_str());
  return Xml(d);
}

struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

StatusOr<std::string> WriteDocx(const DocxDocument& doc) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", Rels({{"rId1", kRelDoc, "word/document.xml"},
                            {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                             "docProps/core.xml"}})},
      {"docProps/core.xml", CoreXml(doc)},
      {"word/document.xml", DocumentXml(doc)},
      {"word/styles.xml", StylesXml()},
      {"word/settings.xml", kSettings},
      {"word/fontTable.xml", FontTableXml()},
      {"word/footer1.xml", FooterXml()},
  };
  const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::vector<std::tuple<std::string, std::string, std::string>> rels = {
      {"rIdStyles", base + "styles", "styles.xml"},
      {"rIdSettings", base + "settings", "settings.xml"},
      {"rIdFonts", base + "fontTable", "fontTable.xml"},
      {"rIdFooter", base + "footer", "footer1.xml"}};
  int image = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind != DocxBlock::Kind::kImage) continue;
    ++image;
    const std::string name = "media/chart" + std::to_string(image) + ".png";
    rels.emplace_back("rIdImg" + std::to_string(image), base + "image", name);
    parts.emplace_back("word/" + name, b.png);
  }
  parts.emplace_back("word/_rels/document.xml.rels", Rels(rels));

  zip_error_t ze;
  zip_error_init(&ze);
  std::unique_ptr<zip_source_t, ZipSourceFree> src(zip_source_buffer_create(nullptr, 0, 0, &ze));
  if (!src) return Status::Internal("zip buffer");
  zip_t* z = zip_open_from_source(src.get(), ZIP_TRUNCATE, &ze);
  if (!z) return Status::Internal("zip open");
  zip_source_keep(src.get());
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    if (!s || zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      if (s) zip_source_free(s);
      zip_discard(z);
      return Status::Internal("zip add " + name);
    }
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    return Status::Internal("zip close");
  }
  if (zip_source_open(src.get()) != 0) return Status::Internal("zip reopen");
  zip_source_seek(src.get(), 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src.get());
  zip_source_seek(src.get(), 0, SEEK_SET);
  std::string out(static_cast<size_t>(std::max<zip_int64_t>(size, 0)), '\0');
  const zip_int64_t got = zip_source_read(src.get(), out.data(), out.size());
  zip_source_close(src.get());
  if (got != size) return Status::Internal("zip read");
  return out;
}

}  // namespace parkhq::io
