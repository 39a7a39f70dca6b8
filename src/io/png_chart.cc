#include "io/png_chart.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace parkhq::io {
namespace {

// 3×5 glyphs for 0-9 . - %, one row per 3 bits.
int Glyph(char c, int row) {
  static const int kDigits[10][5] = {{7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7},
                                     {5, 5, 7, 1, 1}, {7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 1, 1, 1},
                                     {7, 5, 7, 5, 7}, {7, 5, 7, 1, 7}};
  if (c >= '0' && c <= '9') return kDigits[c - '0'][row];
  if (c == '.') return row == 4 ? 2 : 0;
  if (c == '-') return row == 2 ? 7 : 0;
  return 0;
}

struct Canvas {
  int w, h;
  std::vector<uint8_t> px;  // RGB
  Canvas(int w_, int h_) : w(w_), h(h_), px(static_cast<size_t>(w_) * h_ * 3, 255) {}
  void Rect(int x0, int y0, int x1, int y1, uint32_t rgb) {
    if (x0 > x1) std::swap(x0, x1);
    if (y0 > y1) std::swap(y0, y1);
    x0 = std::clamp(x0, 0, w);
    x1 = std::clamp(x1, 0, w);
    y0 = std::clamp(y0, 0, h);
    y1 = std::clamp(y1, 0, h);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 3];
        p[0] = (rgb >> 16) & 255;
        p[1] = (rgb >> 8) & 255;
        p[2] = rgb & 255;
      }
  }
  // Text of digits centred at cx with its top at y; `scale` pixels per glyph dot.
  void Text(const std::string& s, int cx, int y, int scale, uint32_t rgb) {
    const int width = static_cast<int>(s.size()) * 4 * scale - scale;
    int x = cx - width / 2;
    for (char c : s) {
      for (int row = 0; row < 5; ++row)
        for (int col = 0; col < 3; ++col)
          if (Glyph(c, row) & (4 >> col))
            Rect(x + col * scale, y + row * scale, x + (col + 1) * scale, y + (row + 1) * scale, rgb);
      x += 4 * scale;
    }
  }
};

void Chunk(std::string& out, const char* type, const std::string& data) {
  auto be32 = [&](uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 255));
  };
  be32(static_cast<uint32_t>(data.size()));
  std::string td = std::string(type, 4) + data;
  out += td;
  be32(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(td.data()), static_cast<uInt>(td.size()))));
}

std::string Encode(const Canvas& c) {
  std::string raw;
  raw.reserve(static_cast<size_t>(c.h) * (c.w * 3 + 1));
  for (int y = 0; y < c.h; ++y) {
    raw.push_back('\0');  // filter: none
    raw.append(reinterpret_cast<const char*>(&c.px[static_cast<size_t>(y) * c.w * 3]), static_cast<size_t>(c.w) * 3);
  }
  uLongf len = compressBound(static_cast<uLong>(raw.size()));
  std::string z(len, '\0');
  compress2(reinterpret_cast<Bytef*>(z.data()), &len, reinterpret_cast<const Bytef*>(raw.data()),
            static_cast<uLong>(raw.size()), 9);
  z.resize(len);
  std::string out = "\x89PNG\r\n\x1a\n";
  std::string ihdr;
  for (uint32_t v : {static_cast<uint32_t>(c.w), static_cast<uint32_t>(c.h)})
    for (int s = 24; s >= 0; s -= 8) ihdr.push_back(static_cast<char>((v >> s) & 255));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
  Chunk(out, "IHDR", ihdr);
  Chunk(out, "IDAT", z);
  Chunk(out, "IEND", "");
  return out;
}

std::string Short(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v) >= 100 ? "%.0f" : "%.1f", v);
  return buf;
}

}  // namespace

PngImage RenderBarChartPng(const std::vector<std::pair<std::string, double>>& bars_in, int width, int height) {
  std::vector<std::pair<std::string, double>> bars(bars_in.begin(),
                                                   bars_in.begin() + std::min<size_t>(bars_in.size(), 24));
  Canvas c(width, height);
  const int left = 60, right = width - 30, top = 60, bottom = height - 70;
  double hi = 0, lo = 0;
  for (const auto& b : bars) {
    if (!std::isfinite(b.second)) continue;
    hi = std::max(hi, b.second);
    lo = std::min(lo, b.second);
  }
  if (hi == lo) hi = lo + 1;
  auto y_of = [&](double v) { return bottom - static_cast<int>(std::lround((v - lo) / (hi - lo) * (bottom - top))); };
  for (int k = 1; k <= 4; ++k) {  // light grid
    const int y = top + (bottom - top) * k / 4;
    c.Rect(left, y, right, y + 1, 0xDDDDDD);
  }
  const int zero = y_of(0);
  c.Rect(left, top, left + 2, bottom, 0x333333);
  const int n = static_cast<int>(bars.size());
  const int slot = n ? (right - left) / n : 0;
  for (int i = 0; i < n; ++i) {
    const double v = std::isfinite(bars[i].second) ? bars[i].second : 0;
    const int x0 = left + i * slot + slot / 5, x1 = left + (i + 1) * slot - slot / 5;
    const int y = y_of(v);
    c.Rect(x0, y, x1, zero, v < 0 ? 0xC0392B : 0x2E75B6);
    const int scale = std::clamp(slot / 40, 3, 6);
    c.Text(Short(v), (x0 + x1) / 2, v < 0 ? y + 8 : y - 6 * scale - 6, scale, 0x222222);
    c.Text(std::to_string(i + 1), (x0 + x1) / 2, bottom + 15, 5, 0x555555);
  }
  c.Rect(left, zero, right, zero + 2, 0x333333);
  return {Encode(c), width, height};
}

}  // namespace parkhq::io
