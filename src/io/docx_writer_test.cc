#include "io/docx_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "io/html_document.h"
#include "io/png_chart.h"

namespace parkhq::io {
namespace {

std::string Entry(const std::string& bytes, const char* name) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!z) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name, 0);
    out.resize(st.size);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

DocxDocument Sample() {
  DocxDocument d;
  d.title = "园区<通报>&";
  d.blocks.push_back({DocxBlock::Kind::kHeading, "一、工业", {}, "", 0, 0});
  d.blocks.push_back({DocxBlock::Kind::kParagraph, "产值<script>alert(1)</script>", {}, "", 0, 0});
  d.blocks.push_back({DocxBlock::Kind::kTable, "", {{"指标", "值"}, {"产值", "=1+1"}}, "", 0, 0});
  auto png = RenderBarChartPng({{"东区", 3.1}, {"西区", -1.2}}, 300, 150);
  d.blocks.push_back({DocxBlock::Kind::kImage, "图1", {}, png.bytes, png.width, png.height});
  return d;
}

TEST(DocxWriter, WritesTheGbT9704PartsAndEscapesText) {
  auto bytes = WriteDocx(Sample());
  ASSERT_TRUE(bytes.ok());
  ASSERT_EQ(bytes->substr(0, 2), "PK");
  const std::string doc = Entry(*bytes, "word/document.xml");
  EXPECT_NE(doc.find("园区&lt;通报&gt;&amp;"), std::string::npos);
  EXPECT_EQ(doc.find("<script>"), std::string::npos);
  EXPECT_NE(doc.find("w:top=\"2098\""), std::string::npos);   // 37 mm
  EXPECT_NE(doc.find("w:bottom=\"1984\""), std::string::npos);  // 35 mm
  EXPECT_NE(doc.find("w:left=\"1587\""), std::string::npos);    // 28 mm
  EXPECT_NE(doc.find("w:right=\"1474\""), std::string::npos);   // 26 mm
  EXPECT_NE(doc.find("w:h=\"16838\""), std::string::npos);      // A4
  EXPECT_NE(doc.find("仿宋_GB2312"), std::string::npos);
  EXPECT_NE(doc.find("w:val=\"32\""), std::string::npos);  // 三号 16 pt
  EXPECT_NE(Entry(*bytes, "word/footer1.xml").find(" PAGE "), std::string::npos);
  EXPECT_NE(Entry(*bytes, "word/fontTable.xml").find("仿宋"), std::string::npos);
  EXPECT_EQ(Entry(*bytes, "word/media/chart1.png").substr(1, 3), "PNG");
  EXPECT_NE(Entry(*bytes, "[Content_Types].xml").find("wordprocessingml.document.main+xml"), std::string::npos);
}

TEST(HtmlDocument, EscapesEveryTextAndEmbedsCharts) {
  const std::string h = WriteHtmlDocument(Sample(), "草稿<b>");
  EXPECT_EQ(h.find("<script>"), std::string::npos);
  EXPECT_NE(h.find("产值&lt;script&gt;"), std::string::npos);
  EXPECT_NE(h.find("草稿&lt;b&gt;"), std::string::npos);
  EXPECT_NE(h.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos);
  EXPECT_NE(h.find("margin: 37mm 26mm 35mm 28mm"), std::string::npos);
  EXPECT_EQ(Base64("Man"), "TWFu");
  EXPECT_EQ(Base64("Ma"), "TWE=");
  EXPECT_EQ(Base64("M"), "TQ==");
}

}  // namespace
}  // namespace parkhq::io
