// Periods (YYYY-MM), dates (YYYY-MM-DD) and timestamps (UTC ISO 8601), as plain values.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parkhq {

// A calendar month, the unit of every monthly figure.
struct Period {
  int year = 0;
  int month = 0;  // 1..12

  // Parses "YYYY-MM" (year 1900..2999). nullopt when malformed.
  static std::optional<Period> Parse(std::string_view s);
  std::string ToString() const;             // "YYYY-MM"
  Period AddMonths(int n) const;            // may cross years
  int Index() const { return year * 12 + (month - 1); }  // months since year 0
  auto operator<=>(const Period&) const = default;
};

// A calendar date.
struct Date {
  int year = 0, month = 0, day = 0;

  // Parses "YYYY-MM-DD", checking the day exists in that month. nullopt when malformed.
  static std::optional<Date> Parse(std::string_view s);
  std::string ToString() const;
  int64_t DaysSinceEpoch() const;           // 1970-01-01 is 0
  static Date FromDaysSinceEpoch(int64_t days);
  Date AddDays(int64_t n) const { return FromDaysSinceEpoch(DaysSinceEpoch() + n); }
  Date AddMonths(int n) const;              // clamps the day to the month's length
  Date AddYears(int n) const { return AddMonths(12 * n); }
  Period period() const { return {year, month}; }
  static Date LastOfMonth(Period p);
  auto operator<=>(const Date&) const = default;
};

int DaysInMonth(int year, int month);

// The current time as UTC ISO 8601 with seconds: "2026-11-30T04:33:13Z".
std::string NowIso();
// Seconds since the Unix epoch.
int64_t NowUnix();
// Today's date (UTC).
Date Today();

}  // namespace parkhq
