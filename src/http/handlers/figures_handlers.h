// Handlers of issue 11 (one set of figures everyone trusts): the registers departments keep and
// reconciliation (对账) between sources.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

// GET|PUT /api/v1/parks/{park_id}/registers
StatusOr<Response> GetRegisters(RequestContext& ctx, const Services& s);
StatusOr<Response> PutRegisters(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers

namespace parkhq::http::handlers {

// GET /api/v1/parks/{park_id}/reconciliation?period=YYYY-MM
StatusOr<Response> GetReconciliation(RequestContext& ctx, const Services& s);
// PUT /api/v1/parks/{park_id}/reconciliation/explanations {"period","indicator","text"}
StatusOr<Response> PutReconciliationExplanation(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
