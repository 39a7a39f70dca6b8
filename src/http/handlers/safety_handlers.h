// Handlers of safety and environment (issue 14, items 1 and 2): shared facilities with operating
// records and warnings (safety_facility_handlers.cc), inspections and hidden hazards
// (safety_hazard_handlers.cc).
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

extern const RoleSet kSafetyReaders;     // sysadmin, park_admin, department, leader
extern const RoleSet kHazardRectifiers;  // sysadmin, park_admin, department, enterprise

StatusOr<Response> ListFacilities(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateFacility(RequestContext& ctx, const Services& s);
StatusOr<Response> GetFacility(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateFacility(RequestContext& ctx, const Services& s);
StatusOr<Response> ListFacilityRecords(RequestContext& ctx, const Services& s);
StatusOr<Response> AddFacilityRecord(RequestContext& ctx, const Services& s);
StatusOr<Response> FacilityWarnings(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportFacilities(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportFacilityRecords(RequestContext& ctx, const Services& s);

StatusOr<Response> ListInspections(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateInspection(RequestContext& ctx, const Services& s);
StatusOr<Response> CompleteInspection(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportInspections(RequestContext& ctx, const Services& s);
StatusOr<Response> ListHazards(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportHazards(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateHazard(RequestContext& ctx, const Services& s);
StatusOr<Response> GetHazard(RequestContext& ctx, const Services& s);
StatusOr<Response> RectifyHazard(RequestContext& ctx, const Services& s);
StatusOr<Response> RecheckHazard(RequestContext& ctx, const Services& s);
StatusOr<Response> EscalateHazard(RequestContext& ctx, const Services& s);
StatusOr<Response> HazardStats(RequestContext& ctx, const Services& s);
StatusOr<Response> AddHazardPhoto(RequestContext& ctx, const Services& s);
StatusOr<Response> ListHazardPhotos(RequestContext& ctx, const Services& s);
StatusOr<Response> DownloadHazardPhoto(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
