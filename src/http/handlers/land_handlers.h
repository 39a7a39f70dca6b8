// Handlers of the land module (issue 6): parcels and their GeoJSON import, the parcel map, 标准地
// contracts, the five kinds of inefficient land, the park's rules and disposal records.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> ListParcels(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportParcels(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateParcel(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportParcels(RequestContext& ctx, const Services& s);
StatusOr<Response> LandMap(RequestContext& ctx, const Services& s);
StatusOr<Response> GetParcel(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateParcel(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteParcel(RequestContext& ctx, const Services& s);

StatusOr<Response> ListLandContracts(RequestContext& ctx, const Services& s);
StatusOr<Response> GetLandContract(RequestContext& ctx, const Services& s);
StatusOr<Response> PutLandContract(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteLandContract(RequestContext& ctx, const Services& s);

StatusOr<Response> InefficientLand(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportInefficientLand(RequestContext& ctx, const Services& s);
StatusOr<Response> GetInefficiencyRules(RequestContext& ctx, const Services& s);
StatusOr<Response> PutInefficiencyRules(RequestContext& ctx, const Services& s);

StatusOr<Response> ListLandDisposals(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateLandDisposal(RequestContext& ctx, const Services& s);
StatusOr<Response> GetLandDisposal(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateLandDisposal(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteLandDisposal(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
