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

// The deployment's clock. Every "now", "today", current month, deadline and overdue count in the
// server goes through these functions, so tests can pin the clock and the time zone (design.md §2).

// The current time as UTC ISO 8601 with seconds: "2026-11-30T04:33:13Z".
std::string NowIso();
// Seconds since the Unix epoch (the pinned clock when PinClock was called).
int64_t NowUnix();
// Today's date in the deployment's time zone (Asia/Shanghai unless SetTimeZone changed it): a Beijing
// user at 00:30 on the 8th is on the 8th, whatever the machine's own clock zone.
Date Today();
// The local date and the zone's offset from UTC in seconds at a given instant.
Date LocalDateAt(int64_t unix_seconds);
int UtcOffsetSecondsAt(int64_t unix_seconds);

// The deployment's time zone, an IANA name ("Asia/Shanghai", "UTC", "Europe/Berlin"). Returns false
// (and keeps the old zone) when the name is unknown. Call at start-up, before other threads run.
bool SetTimeZone(std::string_view iana_name);
// Whether SetTimeZone would accept the name (the tz database has it, or it is a fixed zone we know).
bool IsKnownTimeZone(std::string_view iana_name);
std::string TimeZoneName();
// Pins the clock: from this call on, NowUnix() answers `unix_seconds` plus the real seconds elapsed
// since, so a pinned server still sees time pass. For tests and demos (PARKHQ_NOW); start-up only.
void PinClock(int64_t unix_seconds);
// Parses "YYYY-MM-DDTHH:MM[:SS]" followed by "Z" or "+HH:MM"/"-HH:MM" into Unix seconds.
std::optional<int64_t> ParseTimestamp(std::string_view s);

}  // namespace parkhq
