// JSON in and out for handlers: parse a body, read typed fields collecting per-field errors,
// and build responses. Only http/ uses Boost.JSON; domain code gets plain values.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/limits.h"
#include "common/status_or.h"
#include "common/time.h"
#include "http/request.h"

namespace parkhq::http {

namespace json = boost::json;

// Parses the request body as a JSON object. 400 (bad_request) for malformed JSON or a non-object.
StatusOr<json::object> ParseBody(const Request& req);

// Reads fields of one JSON object, collecting field errors (Chinese messages) instead of failing
// at the first. Finish() returns 422 with all of them, or OK.
class FieldReader {
 public:
  explicit FieldReader(const json::object& obj, std::string prefix = "")
      : obj_(obj), prefix_(std::move(prefix)) {}

  std::optional<std::string> String(const char* key, bool required, size_t max_len = 200);
  // Finite numbers with |x| <= max_abs (default kMaxAbsNumber); else a field error.
  std::optional<double> Number(const char* key, bool required, double max_abs = kMaxAbsNumber);
  std::optional<double> NonNegative(const char* key, bool required, double max_abs = kMaxAbsNumber);
  std::optional<int64_t> Int(const char* key, bool required);
  std::optional<bool> Bool(const char* key, bool required);
  // A "YYYY-MM-DD" date string.
  std::optional<std::string> DateString(const char* key, bool required);
  const json::value* Raw(const char* key) const { return obj_.if_contains(key); }
  bool Has(const char* key) const;  // present and not null

  void AddError(const std::string& field, const std::string& message);
  bool ok() const { return errors_.empty(); }
  Status Finish(const std::string& message = "输入有误，请检查标出的字段") const;
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  const json::value* Get(const char* key, bool required);
  std::string Name(const char* key) const { return prefix_ + key; }
  const json::object& obj_;
  std::string prefix_;
  std::vector<FieldError> errors_;
};

// Serializes like json::serialize, but writes doubles the way people read them (71.43, not
// 7.143E1; 31400 as 31400) with up to 15 significant digits; NaN and infinities become null.
std::string WriteJson(const json::value& v);

// 200 (or status) with a JSON body.
Response Json(const json::value& v, int status = 200);
Response NoContent();
// {"items":[...],"total":N}
Response JsonList(json::array items, int64_t total);
json::value OptJson(const std::optional<double>& v);
json::value OptJson(const std::optional<int64_t>& v);
json::value OptJson(const std::optional<std::string>& v);
// "YYYY-MM-DD" or null.
json::value DateJson(const std::optional<Date>& d);

// Page and page size from the query (defaults 1 and 20; page_size at most 500).
struct PageParams {
  int64_t page = 1;
  int64_t page_size = 20;
  int64_t offset() const { return (page - 1) * page_size; }
};
StatusOr<PageParams> ParsePage(const Request& req);

}  // namespace parkhq::http
