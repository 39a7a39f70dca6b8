// Every route of the API in one table: method, path, who may call it, handler.
// A test enumerates this table (every non-public route refuses an anonymous caller).
#include "http/handlers/core_handlers.h"
#include "http/handlers/land_handlers.h"
#include "http/router.h"

namespace parkhq::http {

std::vector<Route> AllRoutes() {
  namespace h = handlers;
  std::vector<Route> r = {
      // Foundation
      {"GET", "/api/v1/health", {}, h::Health},
      {"POST", "/api/v1/auth/login", {}, h::Login},
      {"POST", "/api/v1/auth/logout", kAnyRole, h::Logout, false, true},
      {"GET", "/api/v1/me", kAnyRole, h::Me},
      {"GET", "/api/v1/regions", kAnyRole, h::ListRegions},
      {"GET", "/api/v1/parks", kAnyRole, h::ListParks},
      {"POST", "/api/v1/parks", kSysadmin, h::CreatePark},
      {"GET", "/api/v1/units", kAnyRole, h::ListUnits},
      {"GET", "/api/v1/tasks", kAnyRole, h::ListTasks},
      {"GET", "/api/v1/parks/{park_id}/targets/{year}", kAnyRole, h::GetTargets},
      {"GET", "/api/v1/users", kSysadmin, h::ListUsers},
      {"POST", "/api/v1/users", kSysadmin, h::CreateUser},
      {"PATCH", "/api/v1/users/{id}", kSysadmin, h::UpdateUser},
      {"POST", "/api/v1/users/{id}/password", kAnyRole, h::SetPassword, false, true},
      {"GET", "/api/v1/tokens", kParkStaff, h::ListTokens},
      {"POST", "/api/v1/tokens", kParkStaff, h::CreateToken},
      {"DELETE", "/api/v1/tokens/{id}", kParkStaff, h::RevokeToken},
      {"GET", "/api/v1/audit", kSysadmin, h::ListAudit},
  };
  // Each module appends its routes below its own marker (keeps merges clean).

  // -- monitoring (issue 3) --

  // -- projects (issue 4) --

  // -- enterprises (issue 5) --

  // -- land and evaluation (issue 6) --
  // land: staff and leaders read, park staff write, enterprise users are refused.
  {
    const RoleSet land_readers = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    r.insert(r.end(), {
        {"GET", "/api/v1/parks/{park_id}/parcels", land_readers, h::ListParcels},
        {"GET", "/api/v1/parks/{park_id}/parcels/export", land_readers, h::ExportParcels},
        {"POST", "/api/v1/parks/{park_id}/parcels", kParkStaff, h::CreateParcel},
        {"POST", "/api/v1/parks/{park_id}/parcels/import", kParkStaff, h::ImportParcels, true},
        {"GET", "/api/v1/parks/{park_id}/land-map", land_readers, h::LandMap},
        {"GET", "/api/v1/parcels/{id}", land_readers, h::GetParcel},
        {"PATCH", "/api/v1/parcels/{id}", kParkStaff, h::UpdateParcel},
        {"DELETE", "/api/v1/parcels/{id}", kParkStaff, h::DeleteParcel},
        {"GET", "/api/v1/parks/{park_id}/land-contracts", land_readers, h::ListLandContracts},
        {"GET", "/api/v1/parcels/{id}/contract", land_readers, h::GetLandContract},
        {"PUT", "/api/v1/parcels/{id}/contract", kParkStaff, h::PutLandContract},
        {"DELETE", "/api/v1/parcels/{id}/contract", kParkStaff, h::DeleteLandContract},
        {"GET", "/api/v1/parks/{park_id}/inefficient-land", land_readers, h::InefficientLand},
        {"GET", "/api/v1/parks/{park_id}/inefficient-land/export", land_readers, h::ExportInefficientLand},
        {"GET", "/api/v1/parks/{park_id}/inefficiency-rules", land_readers, h::GetInefficiencyRules},
        {"PUT", "/api/v1/parks/{park_id}/inefficiency-rules", kParkStaff, h::PutInefficiencyRules},
        {"GET", "/api/v1/parks/{park_id}/land-disposals", land_readers, h::ListLandDisposals},
        {"POST", "/api/v1/parks/{park_id}/land-disposals", kParkStaff, h::CreateLandDisposal},
        {"GET", "/api/v1/land-disposals/{id}", land_readers, h::GetLandDisposal},
        {"PATCH", "/api/v1/land-disposals/{id}", kParkStaff, h::UpdateLandDisposal},
        {"DELETE", "/api/v1/land-disposals/{id}", kParkStaff, h::DeleteLandDisposal},
    });
  }

  return r;
}

}  // namespace parkhq::http
