// Status: the result of an operation that can fail in an expected way.
// Modelled on LevelDB/Abseil: cheap when OK, carries a code, a message and, for validation
// failures, per-field details. Map to HTTP in exactly one place (http/error_response.cc).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace parkhq {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // malformed request (400)
  kUnauthenticated,    // no or bad credentials (401)
  kPermissionDenied,   // authenticated but not allowed (403)
  kNotFound,           // 404
  kMethodNotAllowed,   // 405
  kConflict,           // duplicate or refused state transition (409)
  kPayloadTooLarge,    // 413
  kValidation,         // well-formed but invalid values (422)
  kLocked,             // account locked out (423)
  kTooManyRequests,    // 429
  kInternal,           // 500
  kUnavailable,        // 503
};

// All codes, so a test can check each has an HTTP mapping.
inline constexpr StatusCode kAllStatusCodes[] = {
    StatusCode::kOk,        StatusCode::kInvalidArgument, StatusCode::kUnauthenticated,
    StatusCode::kPermissionDenied, StatusCode::kNotFound, StatusCode::kMethodNotAllowed,
    StatusCode::kConflict,  StatusCode::kPayloadTooLarge, StatusCode::kValidation,
    StatusCode::kLocked,    StatusCode::kTooManyRequests, StatusCode::kInternal,
    StatusCode::kUnavailable};

struct FieldError {
  std::string field;    // e.g. "password", "values.fai", "rows[3].uscc"
  std::string message;  // human text (Chinese by default)
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message, std::vector<FieldError> details = {})
      : code_(code), message_(std::move(message)), details_(std::move(details)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m, std::vector<FieldError> d = {}) {
    return {StatusCode::kInvalidArgument, std::move(m), std::move(d)};
  }
  static Status Unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Conflict(std::string m, std::vector<FieldError> d = {}) {
    return {StatusCode::kConflict, std::move(m), std::move(d)};
  }
  static Status Validation(std::string m, std::vector<FieldError> d = {}) {
    return {StatusCode::kValidation, std::move(m), std::move(d)};
  }
  // A single-field validation failure.
  static Status FieldInvalid(std::string field, std::string m) {
    std::string top = m;
    return {StatusCode::kValidation, std::move(top), {{std::move(field), std::move(m)}}};
  }
  static Status Locked(std::string m) { return {StatusCode::kLocked, std::move(m)}; }
  static Status TooManyRequests(std::string m) { return {StatusCode::kTooManyRequests, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  bool IsNotFound() const { return code_ == StatusCode::kNotFound; }
  bool IsConflict() const { return code_ == StatusCode::kConflict; }
  bool IsValidation() const { return code_ == StatusCode::kValidation; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& details() const { return details_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> details_;
};

// Stable English word for a code, used as error.code in the API ("not_found", ...).
const char* StatusCodeName(StatusCode code);

#define PARKHQ_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::parkhq::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

}  // namespace parkhq
