// Helpers shared by the land repository's source files (internal to src/storage/land).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "storage/database.h"

namespace parkhq::storage::land_sql {

inline std::optional<Date> OptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}
inline Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }
inline Value TextOrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }

// "park_id IN (?,?,…)" and its parameters; "1=0" when the list is empty.
inline std::string InList(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* col = "park_id") {
  if (ids.empty()) return "1=0";
  std::string s = std::string(col) + " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    params.emplace_back(ids[i]);
  }
  return s + ")";
}

}  // namespace parkhq::storage::land_sql
