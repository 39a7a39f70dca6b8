// Status → HTTP, in one place: the status code table and the one JSON error shape
// {"error":{"code","message","details":[{"field","message"}]}}.
#pragma once
#include "common/status.h"
#include "http/messages_en.h"
#include "http/request.h"

namespace parkhq::http {

// The HTTP status for a StatusCode (every code has one; a test enumerates them).
int HttpStatusFor(StatusCode code);
// The error response for a non-OK status, its message and detail messages in `language` (the
// status carries Chinese; English comes from the message catalog). Internal errors never leak
// their message: the body carries only the request id, and the caller logs the details.
Response ErrorResponse(const Status& status, const std::string& request_id = "",
                       Language language = Language::kChinese);

}  // namespace parkhq::http
