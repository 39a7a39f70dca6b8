// Parks compared (issue 13 items 1 and 2): the region's park evaluation and the chemical-park
// recognition ledger. Routes and roles: http/routes.cc ("parks" marker); docs/parks.md.
#pragma once
#include "http/router.h"

namespace parkhq::http::handlers {

extern const RoleSet kParksReaders;  // sysadmin, park_admin, department, leader

StatusOr<Response> ListParkEvalSchemes(RequestContext& ctx, const Services& s);
StatusOr<Response> GetRegionParkEvaluation(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportRegionParkEvaluation(RequestContext& ctx, const Services& s);
StatusOr<Response> GetParkEvalEntries(RequestContext& ctx, const Services& s);
StatusOr<Response> PutParkEvalEntries(RequestContext& ctx, const Services& s);
StatusOr<Response> GetChemLedger(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportChemLedger(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateChemItem(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateChemItem(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteChemItem(RequestContext& ctx, const Services& s);
StatusOr<Response> PutParkEvalIndicator(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteParkEvalIndicator(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
