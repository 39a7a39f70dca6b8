// Every route of the API in one table: method, path, who may call it, handler.
// A test enumerates this table (every non-public route refuses an anonymous caller).
#include "http/handlers/core_handlers.h"
#include "http/handlers/enterprise_handlers.h"
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
  r.insert(r.end(), {
      {"GET", "/api/v1/enterprises", kAnyRole, h::ListEnterprises},
      {"GET", "/api/v1/enterprise-export", kAnyRole, h::ExportEnterprises},
      {"POST", "/api/v1/enterprises", kParkStaff, h::CreateEnterprise},
      {"GET", "/api/v1/enterprises/{id}", kAnyRole, h::GetEnterprise},
      {"PATCH", "/api/v1/enterprises/{id}", kReporters, h::UpdateEnterprise},
      {"GET", "/api/v1/industries", kAnyRole, h::ListIndustries},
      {"GET", "/api/v1/report-fields", kAnyRole, h::ReportFields},
      {"GET", "/api/v1/enterprises/{id}/report-queue", kAnyRole, h::ReportQueue},
      {"GET", "/api/v1/enterprises/{id}/reports", kAnyRole, h::ListEnterpriseReports},
      {"GET", "/api/v1/enterprises/{id}/revisions", kAnyRole, h::ReportRevisions},
      {"GET", "/api/v1/enterprises/{id}/reports/{period}", kAnyRole, h::GetReport},
      {"PUT", "/api/v1/enterprises/{id}/reports/{period}", kReporters, h::PutReport},
      {"POST", "/api/v1/enterprises/{id}/reports/{period}/submit", kReporters, h::SubmitReport},
      {"POST", "/api/v1/enterprises/{id}/reports/{period}/review", kParkStaff, h::ReviewReport},
      {"POST", "/api/v1/enterprises/{id}/reports/{period}/unlock", kParkStaff, h::UnlockReport},
      {"POST", "/api/v1/enterprises/{id}/reports/{period}/exception", kParkStaff, h::GrantReportException},
      {"GET", "/api/v1/enterprises/{id}/reports/{period}/revisions", kAnyRole, h::ReportRevisions},
      {"POST", "/api/v1/enterprises/{id}/disposals", kParkStaff, h::AddZombieDisposal},
      {"GET", "/api/v1/parks/{park_id}/review-queue", kStaff, h::ParkReviewQueue},
      {"GET", "/api/v1/parks/{park_id}/reporting-status", kAnyRole, h::ParkReportingStatus},
      {"GET", "/api/v1/parks/{park_id}/report-rules", kAnyRole, h::GetReportRules},
      {"PUT", "/api/v1/parks/{park_id}/report-rules", kParkStaff, h::PutReportRules},
      {"GET", "/api/v1/parks/{park_id}/enterprise-totals", kAnyRole, h::ApprovedTotals},
      {"GET", "/api/v1/parks/{park_id}/enterprise-breakdown", kAnyRole, h::EnterpriseBreakdown},
      {"GET", "/api/v1/parks/{park_id}/enterprise-movement", kAnyRole, h::EnterpriseMovement},
      {"GET", "/api/v1/parks/{park_id}/cultivation", kAnyRole, h::ParkCultivation},
      {"POST", "/api/v1/parks/{park_id}/cultivation/{pool}/members", kParkStaff, h::AcceptPoolCandidate},
      {"GET", "/api/v1/parks/{park_id}/zombies", kAnyRole, h::ParkZombies},
      {"POST", "/api/v1/parks/{park_id}/report-imports", kParkStaff, h::ImportReports, true},
      {"GET", "/api/v1/parks/{park_id}/report-export", kStaff, h::ExportReports},
      {"POST", "/api/v1/parks/{park_id}/enterprise-imports", kParkStaff, h::ImportEnterprises, true},
  });

  // -- land and evaluation (issue 6) --

  return r;
}

}  // namespace parkhq::http
