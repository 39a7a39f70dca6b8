// 统一社会信用代码 (unified social credit code, "uscc") per GB 32100-2015.
//
// Layout of the 18 characters (1-based positions):
//   1      登记管理部门代码 registration authority code
//   2      机构类别代码 organization type code
//   3-8    登记管理机关行政区划码 administrative division code (6 digits)
//   9-17   主体标识码（组织机构代码） organization code
//   18     校验码 check character
// Characters come from the 31-character set 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z).
// The check character is C18 = 31 - (sum(value(Ci) * Wi, i = 1..17) mod 31), with 31 written as
// '0', and weights Wi = 3^(i-1) mod 31. See docs/enterprises.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/status_or.h"

namespace parkhq::enterprise {

inline constexpr int kUsccLength = 18;
// The 31 characters in value order: value('0') == 0 ... value('Y') == 30.
inline constexpr std::string_view kUsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Value (0..30) of a character of the code set, or nullopt for any other character
// (including lower-case letters and I, O, S, V, Z).
std::optional<int> UsccCharValue(char c);

// The check character for the first 17 characters of a code. nullopt when `first17` is not exactly
// 17 characters of the code set.
std::optional<char> UsccCheckCharacter(std::string_view first17);

// Trims ASCII whitespace and upper-cases ASCII letters, for input typed by people. Does not validate.
std::string NormalizeUscc(std::string_view input);

// Validates a code (already normalized; lower case is refused). Returns OK, or
// Status::FieldInvalid("uscc", <Chinese message>) naming the first problem found, in this order:
// empty; length not 18; a character outside the set (names its position); positions 3-8 not all
// digits; wrong check character (names the expected one: "统一社会信用代码校验位错误，应为 X").
Status ValidateUscc(std::string_view uscc);

// The parts of a code; only meaningful for a code that ValidateUscc accepts.
struct UsccParts {
  char registration_authority = 0;  // position 1
  char org_type = 0;                // position 2
  std::string division_code;        // positions 3-8
  std::string org_code;             // positions 9-17
  char check = 0;                   // position 18
};
// Splits a valid code; returns the ValidateUscc status for an invalid one.
StatusOr<UsccParts> SplitUscc(std::string_view uscc);

}  // namespace parkhq::enterprise
