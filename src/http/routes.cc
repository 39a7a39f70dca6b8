// Every route of the API in one table: method, path, who may call it, handler.
// A test enumerates this table (every non-public route refuses an anonymous caller).
#include "http/handlers/core_handlers.h"
#include "http/handlers/monitoring_handlers.h"
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
  r.insert(r.end(), {
      {"GET", "/api/v1/indicators", kAnyRole, h::ListIndicators},
      {"POST", "/api/v1/indicators", kSysadmin, h::CreateIndicator},
      {"PUT", "/api/v1/indicators/{code}", kSysadmin, h::UpdateIndicator},
      {"GET", "/api/v1/parks/{park_id}/targets/{year}", kAnyRole, h::GetTargets},
      {"PUT", "/api/v1/parks/{park_id}/targets/{year}", kParkStaff, h::PutTargets},
      {"GET", "/api/v1/parks/{park_id}/indicator-values", h::kMonitoringReaders, h::GetIndicatorValues},
      {"PUT", "/api/v1/parks/{park_id}/indicator-values", kParkStaff, h::PutIndicatorValues},
      {"GET", "/api/v1/parks/{park_id}/indicator-values/history", h::kMonitoringReaders, h::IndicatorValueHistory},
      {"POST", "/api/v1/parks/{park_id}/indicator-values/import", kParkStaff, h::ImportIndicatorValues, true},
      {"POST", "/api/v1/parks/{park_id}/monitoring/months/{period}/submit", kParkStaff, h::SubmitMonth},
      {"POST", "/api/v1/parks/{park_id}/monitoring/months/{period}/approve", kParkStaff, h::ApproveMonth},
      {"POST", "/api/v1/parks/{park_id}/monitoring/months/{period}/return", kParkStaff, h::ReturnMonth},
      {"POST", "/api/v1/parks/{park_id}/monitoring/months/{period}/unlock", kParkStaff, h::UnlockMonth},
      {"GET", "/api/v1/parks/{park_id}/monitoring", h::kMonitoringReaders, h::ParkMonitoring},
      {"GET", "/api/v1/parks/{park_id}/monitoring/latest", h::kMonitoringReaders, h::LatestPeriod},
      {"GET", "/api/v1/parks/{park_id}/monitoring.xlsx", h::kMonitoringReaders, h::ParkMonitoringXlsx},
      {"GET", "/api/v1/parks/{park_id}/dashboard", h::kMonitoringReaders, h::ParkDashboard},
      {"GET", "/api/v1/parks/{park_id}/monitoring/settings", h::kMonitoringReaders, h::GetMonitoringSettings},
      {"PUT", "/api/v1/parks/{park_id}/monitoring/settings", kParkStaff, h::PutMonitoringSettings},
      {"GET", "/api/v1/regions/{region_id}/monitoring", h::kMonitoringReaders, h::RegionMonitoring},
      {"GET", "/api/v1/regions/{region_id}/monitoring.xlsx", h::kMonitoringReaders, h::RegionMonitoringXlsx},
      {"GET", "/api/v1/regions/{region_id}/dashboard", h::kMonitoringReaders, h::RegionDashboard},
  });

  // -- projects (issue 4) --

  // -- enterprises (issue 5) --

  // -- land and evaluation (issue 6) --

  return r;
}

}  // namespace parkhq::http
