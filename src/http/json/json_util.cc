#include "http/json/json_util.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "common/limits.h"
#include "common/text_check.h"
#include "common/time.h"

namespace parkhq::http {

StatusOr<json::object> ParseBody(const Request& req) {
  if (req.body.empty()) return Status::InvalidArgument("请求体为空，需要 JSON 对象");
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = GetLimits().json_depth;
  json::value v = json::parse(req.body, ec, {}, opts);
  if (ec) return Status::InvalidArgument("请求体不是合法的 JSON：" + ec.message());
  if (!v.is_object()) return Status::InvalidArgument("请求体必须是 JSON 对象");
  return std::move(v.as_object());
}

bool FieldReader::Has(const char* key) const {
  const json::value* v = obj_.if_contains(key);
  return v && !v->is_null();
}

void FieldReader::AddError(const std::string& field, const std::string& message) {
  errors_.push_back({field, message});
}

Status FieldReader::Finish(const std::string& message) const {
  if (errors_.empty()) return Status::Ok();
  return Status::Validation(message, errors_);
}

const json::value* FieldReader::Get(const char* key, bool required) {
  const json::value* v = obj_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) AddError(Name(key), "必填");
    return nullptr;
  }
  return v;
}

std::optional<std::string> FieldReader::String(const char* key, bool required, size_t max_len) {
  const json::value* v = Get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    AddError(Name(key), "应为文本");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (required && s.empty()) {
    AddError(Name(key), "必填");
    return std::nullopt;
  }
  if (s.size() > max_len) {
    AddError(Name(key), "过长（最多 " + std::to_string(max_len) + " 字节）");
    return std::nullopt;
  }
  // Long text (notes, descriptions) may have tabs and line breaks; names and codes may not.
  if (std::string bad = BadTextReason(s, max_len > 200); !bad.empty()) {
    AddError(Name(key), bad);
    return std::nullopt;
  }
  return s;
}

std::optional<double> FieldReader::Number(const char* key, bool required, double max_abs) {
  const json::value* v = Get(key, required);
  if (!v) return std::nullopt;
  double d = 0;
  if (v->is_double()) d = v->as_double();
  else if (v->is_int64()) d = static_cast<double>(v->as_int64());
  else if (v->is_uint64()) d = static_cast<double>(v->as_uint64());
  else {
    AddError(Name(key), "应为数字");
    return std::nullopt;
  }
  if (std::string bad = NumberProblem(d, max_abs); !bad.empty()) {
    AddError(Name(key), bad);
    return std::nullopt;
  }
  return d;
}

std::optional<double> FieldReader::NonNegative(const char* key, bool required, double max_abs) {
  auto n = Number(key, required, max_abs);
  if (n && *n < 0) {
    AddError(Name(key), "不能为负数");
    return std::nullopt;
  }
  return n;
}

std::optional<int64_t> FieldReader::Int(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() < (1ull << 62)) return static_cast<int64_t>(v->as_uint64());
  // A whole double within ±2^62 (the cast of a larger or non-finite double is undefined; found by
  // the json_body fuzz target).
  if (v->is_double() && std::abs(v->as_double()) < 4.6e18 && v->as_double() == std::trunc(v->as_double()))
    return static_cast<int64_t>(v->as_double());
  AddError(Name(key), "应为整数");
  return std::nullopt;
}

std::optional<bool> FieldReader::Bool(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    AddError(Name(key), "应为 true 或 false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::string> FieldReader::DateString(const char* key, bool required) {
  auto s = String(key, required, 10);
  if (!s) return std::nullopt;
  if (!Date::Parse(*s)) {
    AddError(Name(key), "日期格式应为 YYYY-MM-DD");
    return std::nullopt;
  }
  return s;
}

namespace {

// A JSON string: quotes, backslash and control characters escaped as Boost.JSON does; UTF-8 as is.
void WriteString(std::string_view s, std::string& out) {
  out += '"';
  size_t run = 0;  // start of the pending unescaped run
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

template <typename T>
void WriteInteger(T n, std::string& out) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

void Write(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        WriteString(kv.key(), out);
        out += ':';
        Write(kv.value(), out);
      }
      out += '}';
      break;
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out += ',';
        first = false;
        Write(e, out);
      }
      out += ']';
      break;
    }
    case json::kind::double_: {
      // 15 significant digits, as people read figures (printf %.15g; to_chars avoids printf's cost).
      const double d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";
        break;
      }
      char buf[40];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 15).ptr);
      break;
    }
    case json::kind::string: WriteString(v.get_string(), out); break;
    case json::kind::int64: WriteInteger(v.get_int64(), out); break;
    case json::kind::uint64: WriteInteger(v.get_uint64(), out); break;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case json::kind::null: out += "null"; break;
  }
}

}  // namespace

std::string WriteJson(const json::value& v) {
  std::string out;
  out.reserve(256);
  Write(v, out);
  return out;
}

Response Json(const json::value& v, int status) {
  Response r;
  r.status = status;
  r.body = WriteJson(v);
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response JsonList(json::array items, int64_t total) {
  return Json(json::object{{"items", std::move(items)}, {"total", total}});
}

json::value OptJson(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OptJson(const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OptJson(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value DateJson(const std::optional<Date>& d) {
  return d ? json::value(d->ToString()) : json::value(nullptr);
}

StatusOr<PageParams> ParsePage(const Request& req) {
  PageParams p;
  std::vector<FieldError> errs;
  auto read = [&](const char* name, int64_t& out, int64_t max) {
    auto q = req.Query(name);
    if (!q || q->empty()) return;
    try {
      size_t used = 0;
      long long v = std::stoll(*q, &used);
      if (used != q->size() || v < 1 || v > max) throw std::out_of_range(name);
      out = v;
    } catch (const std::exception&) {
      errs.push_back({name, "应为 1 到 " + std::to_string(max) + " 之间的整数"});
    }
  };
  read("page", p.page, 1000000);
  read("page_size", p.page_size, 500);
  if (!errs.empty()) return Status::Validation("分页参数有误", errs);
  return p;
}

}  // namespace parkhq::http
