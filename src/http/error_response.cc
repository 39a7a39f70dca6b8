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

Response ErrorResponse(const Status& status, const std::string& request_id, Language language) {
  boost::json::object err;
  err["code"] = StatusCodeName(status.code());
  const bool internal = status.code() == StatusCode::kInternal;
  err["message"] = Localize(internal ? "服务器内部错误，请稍后重试" : status.message(), language);
  boost::json::array details;
  if (!internal) {
    for (const auto& d : status.details())
      details.push_back({{"field", d.field}, {"message", Localize(d.message, language)}});
  }
  err["details"] = std::move(details);
  if (!request_id.empty()) err["request_id"] = request_id;
  Response r;
  r.status = HttpStatusFor(status.code());
  r.body = boost::json::serialize(boost::json::object{{"error", std::move(err)}});
  return r;
}

}  // namespace parkhq::http
