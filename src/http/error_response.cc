#include "http/error_response.h"

#include <boost/json.hpp>

namespace parkhq::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kMethodNotAllowed: return 405;
    case StatusCode::kConflict: return 409;
    case StatusCode::kPayloadTooLarge: return 413;
    case StatusCode::kValidation: return 422;
    case StatusCode::kLocked: return 423;
    case StatusCode::kTooManyRequests: return 429;
    case StatusCode::kInternal: return 500;
    case StatusCode::kUnavailable: return 503;
  }
  return 500;
}

namespace {
// Error texts may quote what the client sent (an import's column header, a value): never more than
// `max` bytes of it go back (cut at a UTF-8 boundary), so a 20 MiB header is not echoed.
std::string Clip(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "…";
}
}  // namespace

Response ErrorResponse(const Status& status, const std::string& request_id, Language language) {
  boost::json::object err;
  err["code"] = StatusCodeName(status.code());
  const bool internal = status.code() == StatusCode::kInternal;
  err["message"] = Clip(Localize(internal ? "服务器内部错误，请稍后重试" : status.message(), language), 1000);
  boost::json::array details;
  if (!internal) {
    for (const auto& d : status.details())
      details.push_back({{"field", Clip(d.field, 200)}, {"message", Clip(Localize(d.message, language), 500)}});
  }
  err["details"] = std::move(details);
  if (!request_id.empty()) err["request_id"] = request_id;
  Response r;
  r.status = HttpStatusFor(status.code());
  r.body = boost::json::serialize(boost::json::object{{"error", std::move(err)}});
  return r;
}

}  // namespace parkhq::http
