#include "domain/enterprise/uscc.h"

#include <array>
#include <cctype>

namespace parkhq::enterprise {
namespace {

constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::string_view kField = "uscc";

// Number of UTF-8 code points, so that "18位" counts what a person typed.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// The whole UTF-8 sequence starting at byte i (for naming an illegal character).
std::string_view CharAt(std::string_view s, size_t i) {
  size_t j = i + 1;
  while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
  return s.substr(i, j - i);
}

Status Invalid(std::string message) { return Status::FieldInvalid(std::string(kField), std::move(message)); }

}  // namespace

std::optional<int> UsccCharValue(char c) {
  size_t pos = kUsccCharset.find(c);
  if (c == '\0' || pos == std::string_view::npos) return std::nullopt;
  return static_cast<int>(pos);
}

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != kWeights.size()) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < first17.size(); ++i) {
    std::optional<int> v = UsccCharValue(first17[i]);
    if (!v) return std::nullopt;
    sum += *v * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kUsccCharset[check == 31 ? 0 : check];
}

std::string NormalizeUscc(std::string_view input) {
  size_t b = 0, e = input.size();
  while (b < e && std::isspace(static_cast<unsigned char>(input[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(input[e - 1]))) --e;
  std::string out(input.substr(b, e - b));
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

Status ValidateUscc(std::string_view uscc) {
  if (uscc.empty()) return Invalid("统一社会信用代码不能为空");
  // Walk the characters first: a wrong character is a clearer message than a wrong length when
  // someone pasted Chinese text.
  size_t position = 0;
  for (size_t i = 0; i < uscc.size(); i += CharAt(uscc, i).size()) {
    ++position;
    if (!UsccCharValue(uscc[i])) {
      std::string ch(CharAt(uscc, i));
      std::string hint = (uscc[i] >= 'a' && uscc[i] <= 'z')
                             ? "，字母须大写"
                             : "，只能使用数字和除 I、O、S、V、Z 以外的大写字母";
      return Invalid("统一社会信用代码第" + std::to_string(position) + "位字符“" + ch + "”不合法" +
                     hint);
    }
  }
  if (uscc.size() != static_cast<size_t>(kUsccLength))
    return Invalid("统一社会信用代码应为18位，实际为" + std::to_string(CodePoints(uscc)) + "位");
  for (size_t i = 2; i < 8; ++i)
    if (uscc[i] < '0' || uscc[i] > '9')
      return Invalid("统一社会信用代码第3-8位（登记管理机关行政区划码）应为数字");
  std::optional<char> expected = UsccCheckCharacter(uscc.substr(0, 17));
  if (!expected) return Invalid("统一社会信用代码格式错误");  // unreachable: all chars checked
  if (*expected != uscc[17])
    return Invalid(std::string("统一社会信用代码校验位错误，应为 ") + *expected);
  return Status::Ok();
}

StatusOr<UsccParts> SplitUscc(std::string_view uscc) {
  PARKHQ_RETURN_IF_ERROR(ValidateUscc(uscc));
  UsccParts p;
  p.registration_authority = uscc[0];
  p.org_type = uscc[1];
  p.division_code = std::string(uscc.substr(2, 6));
  p.org_code = std::string(uscc.substr(8, 9));
  p.check = uscc[17];
  return p;
}

}  // namespace parkhq::enterprise
