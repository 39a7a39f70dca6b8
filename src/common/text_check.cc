#include "common/text_check.h"

#include <cstdint>
#include <cstdio>

namespace parkhq {
namespace {

// Decodes one UTF-8 character at s[i]; returns its length (0 when invalid) and sets cp.
std::size_t Decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : (c >= 0xC2 ? 2 : 0);
  if (n == 0 || i + n > s.size()) return 0;
  cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

bool Refused(char32_t cp, bool multiline) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return !multiline;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
  return cp == 0xFFFE || cp == 0xFFFF;
}

std::string Hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

std::string BadTextReason(std::string_view s, bool multiline) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = Decode(s, i, cp);
    if (n == 0) return "含有无效的 UTF-8 编码";
    if (Refused(cp, multiline)) {
      if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
        return "含有不允许的双向控制字符 " + Hex(cp);
      if (cp == 0xFFFE || cp == 0xFFFF) return "含有不允许的非字符 " + Hex(cp);
      return "含有不允许的控制字符 " + Hex(cp);
    }
    i += n;
  }
  return "";
}

std::string SanitizeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = Decode(s, i, cp);
    if (n == 0 || Refused(cp, true)) {
      out += "\xEF\xBF\xBD";
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(s, i, n);
    i += n;
  }
  return out;
}

}  // namespace parkhq
