#include "common/toml_lite.h"

#include <cctype>
#include <cstdint>
#include <set>

namespace parkhq {

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : t_(text) {}

  StatusOr<std::map<std::string, TomlEntry>> Run() {
    while (!AtEnd()) {
      SkipSpace();
      if (AtEnd()) break;
      char c = t_[i_];
      if (c == '#' || c == '\n' || c == '\r') {
        SkipComment();
        if (!EndOfLine()) return Error("unexpected text");
        continue;
      }
      if (c == '[') {
        PARKHQ_RETURN_IF_ERROR(Table());
      } else {
        PARKHQ_RETURN_IF_ERROR(KeyValue());
      }
      SkipSpace();
      SkipComment();
      if (!EndOfLine()) return Error("expected the end of the line");
    }
    return std::move(out_);
  }

 private:
  bool AtEnd() const { return i_ >= t_.size(); }
  void SkipSpace() {
    while (!AtEnd() && (t_[i_] == ' ' || t_[i_] == '\t')) ++i_;
  }
  void SkipComment() {
    if (!AtEnd() && t_[i_] == '#')
      while (!AtEnd() && t_[i_] != '\n') ++i_;
  }
  // Consumes a line end (or accepts the end of the text).
  bool EndOfLine() {
    if (AtEnd()) return true;
    if (t_[i_] == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n') ++i_;
    if (t_[i_] == '\n') {
      ++i_;
      ++line_;
      return true;
    }
    return false;
  }
  // Whitespace, comments and newlines (inside arrays).
  void SkipBlank() {
    for (;;) {
      SkipSpace();
      SkipComment();
      if (AtEnd() || (t_[i_] != '\n' && t_[i_] != '\r')) return;
      if (!EndOfLine()) ++i_;
    }
  }
  Status Error(const std::string& what) const {
    return Status::InvalidArgument("line " + std::to_string(line_) + ": " + what);
  }
  static bool BareChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
  StatusOr<std::string> Key() {
    std::string key;
    for (;;) {
      SkipSpace();
      size_t start = i_;
      while (!AtEnd() && BareChar(t_[i_])) ++i_;
      if (i_ == start) return Error("expected a key (letters, digits, _ or -)");
      key += std::string(t_.substr(start, i_ - start));
      SkipSpace();
      if (AtEnd() || t_[i_] != '.') return key;
      ++i_;
      key += '.';
    }
  }
  Status Table() {
    ++i_;  // [
    if (!AtEnd() && t_[i_] == '[') return Error("arrays of tables are not supported");
    PARKHQ_ASSIGN_OR_RETURN(std::string name, Key());
    if (AtEnd() || t_[i_] != ']') return Error("expected ] after the table name");
    ++i_;
    if (!tables_.insert(name).second) return Error("table [" + name + "] defined twice");
    table_ = name;
    return Status::Ok();
  }
  Status KeyValue() {
    const int line = line_;
    PARKHQ_ASSIGN_OR_RETURN(std::string key, Key());
    if (AtEnd() || t_[i_] != '=') return Error("expected = after " + key);
    ++i_;
    SkipSpace();
    PARKHQ_ASSIGN_OR_RETURN(TomlValue v, Value());
    std::string full = table_.empty() ? key : table_ + "." + key;
    if (out_.count(full)) return Error("key " + full + " defined twice");
    out_[full] = TomlEntry{std::move(v), line};
    return Status::Ok();
  }
  StatusOr<TomlValue> Value() {
    if (AtEnd()) return Error("expected a value");
    char c = t_[i_];
    if (c == '"' || c == '\'') {
      PARKHQ_ASSIGN_OR_RETURN(std::string s, String());
      return TomlValue(std::move(s));
    }
    if (c == '[') return Array();
    if (t_.substr(i_, 4) == "true" && (i_ + 4 == t_.size() || !BareChar(t_[i_ + 4]))) {
      i_ += 4;
      return TomlValue(true);
    }
    if (t_.substr(i_, 5) == "false" && (i_ + 5 == t_.size() || !BareChar(t_[i_ + 5]))) {
      i_ += 5;
      return TomlValue(false);
    }
    return Integer();
  }
  StatusOr<TomlValue> Integer() {
    size_t start = i_;
    bool neg = false;
    if (t_[i_] == '+' || t_[i_] == '-') neg = t_[i_++] == '-';
    int64_t v = 0;
    int digits = 0;
    bool last_underscore = false;
    while (!AtEnd() && (std::isdigit(static_cast<unsigned char>(t_[i_])) || t_[i_] == '_')) {
      if (t_[i_] == '_') {
        if (digits == 0 || last_underscore) return Error("misplaced _ in a number");
        last_underscore = true;
      } else {
        last_underscore = false;
        int d = t_[i_] - '0';
        if (v > (INT64_MAX - d) / 10) return Error("integer out of range");
        v = v * 10 + d;
        ++digits;
      }
      ++i_;
    }
    if (digits == 0 || last_underscore || (!AtEnd() && (BareChar(t_[i_]) || t_[i_] == '.'))) {
      i_ = start;
      return Error("expected a string in quotes, an integer, true, false or an array of strings");
    }
    return TomlValue(neg ? -v : v);
  }
  StatusOr<std::string> String() {
    const char quote = t_[i_++];
    std::string s;
    for (;;) {
      if (AtEnd() || t_[i_] == '\n') return Error("unterminated string");
      char c = t_[i_++];
      if (c == quote) return s;
      if (quote == '\'' || c != '\\') {
        s += c;
        continue;
      }
      if (AtEnd()) return Error("unterminated string");
      char e = t_[i_++];
      switch (e) {
        case '"': s += '"'; break;
        case '\\': s += '\\'; break;
        case 'n': s += '\n'; break;
        case 't': s += '\t'; break;
        case 'r': s += '\r'; break;
        case 'u': {
          if (i_ + 4 > t_.size()) return Error("bad \\u escape");
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = t_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= h - '0';
            else if (h >= 'a' && h <= 'f') cp |= h - 'a' + 10;
            else if (h >= 'A' && h <= 'F') cp |= h - 'A' + 10;
            else return Error("bad \\u escape");
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) return Error("bad \\u escape");
          if (cp < 0x80) {
            s += static_cast<char>(cp);
          } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: return Error(std::string("unknown escape \\") + e);
      }
    }
  }
  StatusOr<TomlValue> Array() {
    ++i_;  // [
    std::vector<std::string> items;
    for (;;) {
      SkipBlank();
      if (AtEnd()) return Error("unterminated array");
      if (t_[i_] == ']') {
        ++i_;
        return TomlValue(std::move(items));
      }
      if (t_[i_] != '"' && t_[i_] != '\'') return Error("only arrays of strings are supported");
      PARKHQ_ASSIGN_OR_RETURN(std::string s, String());
      items.push_back(std::move(s));
      SkipBlank();
      if (AtEnd()) return Error("unterminated array");
      if (t_[i_] == ',') {
        ++i_;
      } else if (t_[i_] != ']') {
        return Error("expected , or ] in the array");
      }
    }
  }

  std::string_view t_;
  size_t i_ = 0;
  int line_ = 1;
  std::string table_;
  std::set<std::string> tables_;
  std::map<std::string, TomlEntry> out_;
};

}  // namespace

StatusOr<std::map<std::string, TomlEntry>> ParseToml(std::string_view text) { return Parser(text).Run(); }

const char* TomlTypeName(const TomlValue& v) {
  switch (v.index()) {
    case 0: return "string";
    case 1: return "integer";
    case 2: return "boolean";
    default: return "array of strings";
  }
}

}  // namespace parkhq
