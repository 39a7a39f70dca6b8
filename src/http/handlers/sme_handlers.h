// The SME park (中小企业创业园, issue 16): space and occupancy, leases, bills, repairs. Services::sme
// points at an SmeModule (one pointer below the "sme" marker of services.h).
#pragma once
#include "common/status_or.h"
#include "http/request.h"
#include "http/router.h"

namespace parkhq::storage {
class SmeStore;
}

namespace parkhq::http {

struct SmeModule {
  storage::SmeStore* store = nullptr;
};

struct Services;

namespace handlers {

// Readers of space and occupancy: staff and leaders (tenants see their own leases, not the park's).
extern const RoleSet kSmeReaders;

// Space
StatusOr<Response> GetOccupancy(RequestContext& ctx, const Services& s);
StatusOr<Response> ListSmeBuildings(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateSmeBuilding(RequestContext& ctx, const Services& s);
StatusOr<Response> GetSmeFloorPlan(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateSmeUnit(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateSmeUnit(RequestContext& ctx, const Services& s);
// Leases
StatusOr<Response> ListLeases(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportRentRoll(RequestContext& ctx, const Services& s);
StatusOr<Response> ListExpiringLeases(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateLease(RequestContext& ctx, const Services& s);
StatusOr<Response> GetLease(RequestContext& ctx, const Services& s);
StatusOr<Response> EndLease(RequestContext& ctx, const Services& s);
StatusOr<Response> RenewLease(RequestContext& ctx, const Services& s);
StatusOr<Response> GraduateLease(RequestContext& ctx, const Services& s);
// Bills
StatusOr<Response> GenerateSmeBills(RequestContext& ctx, const Services& s);
StatusOr<Response> ListSmeBills(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportSmeBills(RequestContext& ctx, const Services& s);
StatusOr<Response> AddSmePayment(RequestContext& ctx, const Services& s);
StatusOr<Response> GetSmeArrears(RequestContext& ctx, const Services& s);
StatusOr<Response> GetSmeIncome(RequestContext& ctx, const Services& s);
// Repairs
StatusOr<Response> ListSmeRepairs(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportSmeRepairs(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateSmeRepair(RequestContext& ctx, const Services& s);
StatusOr<Response> AssignSmeRepair(RequestContext& ctx, const Services& s);
StatusOr<Response> CloseSmeRepair(RequestContext& ctx, const Services& s);
StatusOr<Response> AddSmeRepairPhoto(RequestContext& ctx, const Services& s);
StatusOr<Response> ListSmeRepairPhotos(RequestContext& ctx, const Services& s);
StatusOr<Response> DownloadSmeRepairPhoto(RequestContext& ctx, const Services& s);
// Refurbishment projects
StatusOr<Response> ListSmeRefurbishments(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportSmeRefurbishments(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateSmeRefurbishment(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateSmeRefurbishment(RequestContext& ctx, const Services& s);
// Financing needs
StatusOr<Response> ListFinancingNeeds(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportFinancingNeeds(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateFinancingNeed(RequestContext& ctx, const Services& s);
StatusOr<Response> MoveFinancingNeed(RequestContext& ctx, const Services& s);
StatusOr<Response> GetFinancingTotals(RequestContext& ctx, const Services& s);

}  // namespace handlers
}  // namespace parkhq::http
