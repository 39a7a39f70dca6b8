// Characters that have no business in names and other text fields: control characters (C0 except
// tab/newline/CR in multi-line text, DEL, C1), bidirectional overrides and isolates (U+202A–202E,
// U+2066–2069, which can make a name display differently from what it is) and the noncharacters
// U+FFFE/U+FFFF (which also break XLSX files). Invalid UTF-8 is refused too.
#pragma once
#include <string>
#include <string_view>

namespace parkhq {

// "" when `s` is acceptable, else a Chinese description of the first offending character.
// `multiline`: tab, LF and CR are allowed (long text such as notes); otherwise they are refused.
std::string BadTextReason(std::string_view s, bool multiline);

// `s` with every character BadTextReason refuses (multiline) replaced by U+FFFD and invalid UTF-8
// bytes replaced by U+FFFD: safe to put into an XLSX cell.
std::string SanitizeText(std::string_view s);

}  // namespace parkhq
