#include "io/html_document.h"

namespace parkhq::io {

std::string EscapeHtml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Base64(const std::string& in) {
  static const char kT[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kT[(v >> 18) & 63];
    out += kT[(v >> 12) & 63];
    out += kT[(v >> 6) & 63];
    out += kT[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kT[(v >> 18) & 63];
    out += kT[(v >> 12) & 63];
    out += i + 1 < in.size() ? kT[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

namespace {

constexpr char kStyle[] = R"(
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; font-size: 14pt; } }
body { margin: 0; background: #f2f2f2; }
.page { background: #fff; max-width: 156mm; margin: 12px auto; padding: 24px 28px; box-sizing: content-box; }
.doc { font-family: "仿宋_GB2312", "仿宋", FangSong, "STFangsong", serif; font-size: 16pt; line-height: 28pt; color: #000; }
h1 { font-family: "方正小标宋简体", "小标宋", "宋体", SimSun, serif; font-size: 22pt; line-height: 1.4; text-align: center; font-weight: normal; margin: 0 0 12pt; }
.subtitle { font-family: "楷体_GB2312", "楷体", KaiTi, serif; text-align: center; margin-bottom: 16pt; }
h2 { font-family: "黑体", SimHei, sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.note { font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.5; margin: 6pt 0; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; word-break: break-all; }
td:first-child { text-align: left; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
figure { margin: 8pt 0; text-align: center; page-break-inside: avoid; }
figure img { width: 100%; height: auto; }
figcaption { font-size: 12pt; line-height: 1.5; }
.banner { font-family: sans-serif; font-size: 14px; background: #fff7e6; border: 1px solid #f0c36d; padding: 6px 10px; margin: 12px auto; max-width: 156mm; }
@media print { body { background: #fff; } .page { margin: 0; padding: 0; max-width: none; } .banner { display: none; } }
@media (max-width: 640px) { .page { padding: 12px; } .doc { font-size: 14pt; line-height: 1.7; } }
)";

}  // namespace

std::string WriteHtmlDocument(const DocxDocument& doc, const std::string& banner) {
  std::string h = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
                  EscapeHtml(doc.title) + "</title><style>" + kStyle + "</style></head><body>";
  if (!banner.empty()) h += "<div class=\"banner\">" + EscapeHtml(banner) + "</div>";
  h += "<div class=\"page\"><div class=\"doc\"><h1>" + EscapeHtml(doc.title) + "</h1>";
  if (!doc.subtitle.empty()) h += "<div class=\"subtitle\">" + EscapeHtml(doc.subtitle) + "</div>";
  for (const auto& b : doc.blocks) {
    switch (b.kind) {
      case DocxBlock::Kind::kHeading: h += "<h2>" + EscapeHtml(b.text) + "</h2>"; break;
      case DocxBlock::Kind::kParagraph: h += "<p>" + EscapeHtml(b.text) + "</p>"; break;
      case DocxBlock::Kind::kNote: h += "<p class=\"note\">" + EscapeHtml(b.text) + "</p>"; break;
      case DocxBlock::Kind::kImage:
        h += "<figure><img alt=\"" + EscapeHtml(b.text) + "\" src=\"data:image/png;base64," + Base64(b.png) +
             "\"><figcaption>" + EscapeHtml(b.text) + "</figcaption></figure>";
        break;
      case DocxBlock::Kind::kTable: {
        if (b.rows.empty()) break;
        h += "<table><thead><tr>";
        for (const auto& c : b.rows[0]) h += "<th>" + EscapeHtml(c) + "</th>";
        h += "</tr></thead><tbody>";
        for (size_t i = 1; i < b.rows.size(); ++i) {
          h += "<tr>";
          for (const auto& c : b.rows[i]) h += "<td>" + EscapeHtml(c) + "</td>";
          h += "</tr>";
        }
        h += "</tbody></table>";
        break;
      }
    }
  }
  return h + "</div></div></body></html>";
}

}  // namespace parkhq::io
