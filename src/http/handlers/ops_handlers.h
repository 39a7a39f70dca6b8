// Operations (issue 17): the OpenAPI document and the system status page.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> OpenApiDocument(RequestContext& ctx, const Services& s);
StatusOr<Response> SystemStatus(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
