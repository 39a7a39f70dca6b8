#include "common/limits.h"

#include <charconv>
#include <cmath>

namespace parkhq {
namespace {
Limits& Current() {
  static Limits limits;
  return limits;
}
}  // namespace

const Limits& GetLimits() { return Current(); }
void SetLimits(const Limits& limits) { Current() = limits; }

std::string NumberProblem(double d, double max_abs) {
  if (!std::isfinite(d)) return "应为有限的数字";
  if (std::abs(d) > max_abs) {
    char buf[40];
    const std::string limit(buf, std::to_chars(buf, buf + sizeof buf, max_abs, std::chars_format::general, 15).ptr);
    return "数值超出允许范围（绝对值不超过 " + limit + "）";
  }
  return "";
}

}  // namespace parkhq
