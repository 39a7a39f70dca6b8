// Nullable ISO date columns, read and bound the same way by every repository.
#pragma once
#include <optional>

#include "common/time.h"
#include "storage/database.h"

namespace parkhq::storage::sql_dates {

// A nullable ISO date column.
inline std::optional<Date> OptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  if (!t) return std::nullopt;
  return Date::Parse(*t);
}
inline Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }

}  // namespace parkhq::storage::sql_dates
