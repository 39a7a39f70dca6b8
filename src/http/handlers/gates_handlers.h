// Handlers of the gates-and-money module (issue 15): project admission review (项目准入评审),
// policies matched to enterprises (惠企政策) and their applications. Each parses and checks
// input, calls the service and renders JSON. docs/gates.md.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

// POST /projects/{id}/admission {"decision","reasons","scores",...} → 200 {"current",..,"items"}.
StatusOr<Response> PostProjectAdmission(RequestContext& ctx, const Services& s);
// GET /projects/{id}/admission → {"current": decision or null, "items": [history]}.
StatusOr<Response> GetProjectAdmission(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
