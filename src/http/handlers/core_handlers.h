// Handlers of the foundation: health, auth, me, org (regions, parks, units, tasks),
// users, API tokens and the audit log. Each parses and checks input, calls one service and
// renders JSON; domain work stays in the services.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> Health(RequestContext& ctx, const Services& s);
StatusOr<Response> Login(RequestContext& ctx, const Services& s);
StatusOr<Response> Logout(RequestContext& ctx, const Services& s);
StatusOr<Response> Me(RequestContext& ctx, const Services& s);
StatusOr<Response> ListMySessions(RequestContext& ctx, const Services& s);
StatusOr<Response> RevokeMySession(RequestContext& ctx, const Services& s);

StatusOr<Response> ListRegions(RequestContext& ctx, const Services& s);
StatusOr<Response> ListParks(RequestContext& ctx, const Services& s);
StatusOr<Response> CreatePark(RequestContext& ctx, const Services& s);
StatusOr<Response> ListUnits(RequestContext& ctx, const Services& s);
StatusOr<Response> ListTasks(RequestContext& ctx, const Services& s);

StatusOr<Response> ListUsers(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateUser(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateUser(RequestContext& ctx, const Services& s);
StatusOr<Response> SetPassword(RequestContext& ctx, const Services& s);

StatusOr<Response> ListTokens(RequestContext& ctx, const Services& s);
StatusOr<Response> ListTokenUses(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateToken(RequestContext& ctx, const Services& s);
StatusOr<Response> RevokeToken(RequestContext& ctx, const Services& s);

StatusOr<Response> ListAudit(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
