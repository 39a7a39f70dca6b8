// A bar chart drawn on the server as a PNG (zlib only; no fonts needed): bars with their values
// written above them in a built-in digit font and their position numbers (1, 2, …) below, so the
// caption can name them. Sized for print (1200×600 px, printed at 150 dpi ≈ 203×102 mm, scaled
// to the text width). Plain values in; thread-safe.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace parkhq::io {

struct PngImage {
  std::string bytes;
  int width = 0, height = 0;
};

// Values may be negative (bars go below the axis). At most 24 bars are drawn.
PngImage RenderBarChartPng(const std::vector<std::pair<std::string, double>>& bars, int width = 1200,
                           int height = 600);

}  // namespace parkhq::io
