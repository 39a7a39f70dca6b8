#include "common/time.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <sys/stat.h>

namespace parkhq {
namespace {

bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

std::optional<Period> Period::Parse(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  Period p;
  if (!ParseInt(s.substr(0, 4), p.year) || !ParseInt(s.substr(5, 2), p.month)) return std::nullopt;
  if (p.year < 1900 || p.year > 2999 || p.month < 1 || p.month > 12) return std::nullopt;
  return p;
}

std::string Period::ToString() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
  }
  // The common case without printf (periods are formatted once per row in bulk imports).
  std::string s = "0000-00";
  s[0] = static_cast<char>('0' + year / 1000);
  s[1] = static_cast<char>('0' + year / 100 % 10);
  s[2] = static_cast<char>('0' + year / 10 % 10);
  s[3] = static_cast<char>('0' + year % 10);
  s[5] = static_cast<char>('0' + month / 10);
  s[6] = static_cast<char>('0' + month % 10);
  return s;
}

Period Period::AddMonths(int n) const {
  int idx = Index() + n;
  int y = idx / 12;
  int m = idx % 12;
  if (m < 0) { m += 12; --y; }
  return {y, m + 1};
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  Date d;
  if (!ParseInt(s.substr(0, 4), d.year) || !ParseInt(s.substr(5, 2), d.month) ||
      !ParseInt(s.substr(8, 2), d.day))
    return std::nullopt;
  if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil.
int64_t Date::DaysSinceEpoch() const {
  int y = year - (month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date Date::FromDaysSinceEpoch(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::AddMonths(int n) const {
  Period p = Period{year, month}.AddMonths(n);
  int d = day > DaysInMonth(p.year, p.month) ? DaysInMonth(p.year, p.month) : day;
  return {p.year, p.month, d};
}

Date Date::LastOfMonth(Period p) { return {p.year, p.month, DaysInMonth(p.year, p.month)}; }

namespace {

int64_t RealUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Seconds added to the real clock (PinClock).
std::atomic<int64_t> g_clock_shift{0};

// The zone is kept as the process's TZ (glibc's localtime_r reads it once tzset has run). Zones
// whose rules never change are also known without the tz database, so a machine without tzdata
// still counts Beijing time.
struct Zone {
  std::mutex mu;
  std::string name;
  std::atomic<bool> ready{false};
};
Zone& TheZone() {
  static Zone z;
  return z;
}

const char* FixedRule(std::string_view name) {
  if (name == "Asia/Shanghai" || name == "PRC" || name == "Asia/Chongqing" || name == "Asia/Harbin")
    return "CST-8";
  if (name == "UTC" || name == "Etc/UTC" || name == "GMT") return "UTC0";
  return nullptr;
}

bool ZoneFileExists(std::string_view name) {
  if (name.empty() || name.find("..") != std::string_view::npos || name.front() == '/') return false;
  struct stat st {};
  std::string path = "/usr/share/zoneinfo/" + std::string(name);
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool ApplyZone(std::string_view name) {
  const char* rule = nullptr;
  std::string tz;
  if (ZoneFileExists(name)) tz = std::string(name);
  else if ((rule = FixedRule(name))) tz = rule;
  else return false;
  ::setenv("TZ", tz.c_str(), 1);
  ::tzset();
  return true;
}

void EnsureZone() {
  Zone& z = TheZone();
  if (z.ready.load(std::memory_order_acquire)) return;
  std::lock_guard lock(z.mu);
  if (z.ready) return;
  z.name = "Asia/Shanghai";
  ApplyZone(z.name);
  z.ready = true;
}

}  // namespace

int64_t NowUnix() { return RealUnix() + g_clock_shift.load(std::memory_order_relaxed); }

void PinClock(int64_t unix_seconds) { g_clock_shift.store(unix_seconds - RealUnix()); }

bool SetTimeZone(std::string_view iana_name) {
  Zone& z = TheZone();
  std::lock_guard lock(z.mu);
  if (!ApplyZone(iana_name)) return false;
  z.name = std::string(iana_name);
  z.ready = true;
  return true;
}

bool IsKnownTimeZone(std::string_view iana_name) {
  return ZoneFileExists(iana_name) || FixedRule(iana_name) != nullptr;
}

std::string TimeZoneName() {
  EnsureZone();
  Zone& z = TheZone();
  std::lock_guard lock(z.mu);
  return z.name;
}

int UtcOffsetSecondsAt(int64_t unix_seconds) {
  EnsureZone();
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  if (!::localtime_r(&t, &tm)) return 0;
  return static_cast<int>(tm.tm_gmtoff);
}

Date LocalDateAt(int64_t unix_seconds) {
  int64_t local = unix_seconds + UtcOffsetSecondsAt(unix_seconds);
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return Date::FromDaysSinceEpoch(days);
}

std::optional<int64_t> ParseTimestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)
  if (s.size() < 17 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto date = Date::Parse(s.substr(0, 10));
  if (!date) return std::nullopt;
  std::string_view rest = s.substr(11);
  int hh = 0, mm = 0, ss = 0;
  if (rest.size() < 5 || rest[2] != ':' || !ParseInt(rest.substr(0, 2), hh) || !ParseInt(rest.substr(3, 2), mm))
    return std::nullopt;
  rest.remove_prefix(5);
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !ParseInt(rest.substr(1, 2), ss)) return std::nullopt;
    rest.remove_prefix(3);
  }
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  int offset = 0;
  if (rest == "Z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int oh = 0, om = 0;
    if (!ParseInt(rest.substr(1, 2), oh) || !ParseInt(rest.substr(4, 2), om) || oh > 14 || om > 59)
      return std::nullopt;
    offset = (oh * 3600 + om * 60) * (rest[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return date->DaysSinceEpoch() * 86400 + hh * 3600 + mm * 60 + ss - offset;
}

std::string NowIso() {
  int64_t t = NowUnix();
  Date d = Date::FromDaysSinceEpoch(t / 86400);
  int64_t s = t % 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.ToString().c_str(),
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
  return buf;
}

Date Today() { return LocalDateAt(NowUnix()); }

}  // namespace parkhq
