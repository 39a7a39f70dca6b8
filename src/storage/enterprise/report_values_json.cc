#include "storage/enterprise/report_values_json.h"

#include <charconv>
#include <cmath>

namespace parkhq::storage {
namespace {

// A forward reader over a flat JSON object whose keys need no unescaping beyond \" and \\.
class FlatObjectReader {
 public:
  explicit FlatObjectReader(std::string_view s) : s_(s) {}

  // Positions after '{'. False when the text is not an object.
  bool Open() {
    SkipSpace();
    if (i_ >= s_.size() || s_[i_] != '{') return false;
    ++i_;
    return true;
  }

  // Reads the next member; false at the end of the object or on malformed text. `number` is
  // nullopt when the member's value is not a number (it is skipped).
  bool Next(std::string& key, std::optional<double>& number) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == ',') {
      ++i_;
      SkipSpace();
    }
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    if (!ReadString(&key)) return false;
    SkipSpace();
    if (i_ >= s_.size() || s_[i_] != ':') return false;
    ++i_;
    SkipSpace();
    number.reset();
    if (i_ < s_.size() && (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9'))) {
      double v = 0;
      auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + s_.size(), v);
      if (ec != std::errc()) return false;
      i_ = static_cast<size_t>(p - s_.data());
      if (std::isfinite(v)) number = v;
      return true;
    }
    return SkipValue();
  }

 private:
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool ReadString(std::string* out) {  // at '"'
    ++i_;
    if (out) out->clear();
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
      if (out) out->push_back(s_[i_]);
      ++i_;
    }
    if (i_ >= s_.size()) return false;
    ++i_;
    return true;
  }
  // Skips a string, literal or nested value up to the next ',' or '}' at this level.
  bool SkipValue() {
    int depth = 0;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '"') {
        if (!ReadString(nullptr)) return false;
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (depth == 0) return true;
        --depth;
      }
      if (c == ',' && depth == 0) return true;
      ++i_;
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

// Writes v in a form that reads back as exactly v. Figures with at most two decimals (nearly every
// reported amount) take a short integer path: with k = round(v * 100), k / 100.0 is the double
// nearest to the decimal k/100 (IEEE division rounds correctly), so when it equals v the decimal
// text of k/100 parses back to v. Everything else uses the shortest round-trip form.
char* WriteNumber(char* p, char* end, double v) {
  if (std::fabs(v) < 1e13) {
    const long long k = std::llround(v * 100);
    if (static_cast<double>(k) / 100 == v) {
      unsigned long long a = k < 0 ? static_cast<unsigned long long>(-k) : static_cast<unsigned long long>(k);
      if (k < 0) *p++ = '-';
      p = std::to_chars(p, end, a / 100).ptr;
      const unsigned frac = static_cast<unsigned>(a % 100);
      if (frac != 0) {
        *p++ = '.';
        *p++ = static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0) *p++ = static_cast<char>('0' + frac % 10);
      }
      return p;
    }
  }
  auto [q, ec] = std::to_chars(p, end, std::isfinite(v) ? v : 0.0);
  return ec == std::errc() ? q : p;
}

}  // namespace

void AppendReportValues(const enterprise::FieldValues& values, std::string& out) {
  out.push_back('{');
  bool first = true;
  char buf[32];
  for (const auto& [code, value] : values) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    for (char c : code) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    out += "\":";
    out.append(buf, WriteNumber(buf, buf + sizeof buf, value));
  }
  out.push_back('}');
}

std::string EncodeReportValues(const enterprise::FieldValues& values) {
  std::string out;
  out.reserve(16 + values.size() * 24);
  AppendReportValues(values, out);
  return out;
}

enterprise::FieldValues DecodeReportValues(std::string_view json) {
  enterprise::FieldValues out;
  FlatObjectReader r(json);
  if (!r.Open()) return out;
  std::string key;
  std::optional<double> v;
  while (r.Next(key, v))
    if (v) out[key] = *v;
  return out;
}

std::optional<double> FindReportValue(std::string_view json, std::string_view field) {
  FlatObjectReader r(json);
  if (!r.Open()) return std::nullopt;
  std::string key;
  std::optional<double> v;
  while (r.Next(key, v))
    if (key == field) return v;
  return std::nullopt;
}

}  // namespace parkhq::storage
