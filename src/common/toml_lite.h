// A small TOML subset for the configuration file: [tables] and [dotted.tables], bare keys,
// basic "strings" (with \" \\ \n \t \r \uXXXX escapes) and 'literal strings', integers (sign, _),
// booleans, and arrays of strings (may span lines, trailing comma allowed). Comments with #.
// Anything else (floats, dates, inline tables, arrays of tables) is an error with its line number.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status_or.h"

namespace parkhq {

using TomlValue = std::variant<std::string, int64_t, bool, std::vector<std::string>>;

struct TomlEntry {
  TomlValue value;
  int line = 0;
};

// Keys are full dotted names ("server.listen"). Duplicate keys and tables are errors.
StatusOr<std::map<std::string, TomlEntry>> ParseToml(std::string_view text);

// "string", "integer", "boolean", "array of strings".
const char* TomlTypeName(const TomlValue& v);

}  // namespace parkhq
