// Every route of the API in one table: method, path, who may call it, handler.
// A test enumerates this table (every non-public route refuses an anonymous caller).
#include "http/handlers/core_handlers.h"
#include "http/handlers/evaluation_handlers.h"
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
  // evaluation (亩均效益评价): roles are checked again per park / enterprise in the service.
  r.insert(r.end(), {
      {"GET", "/api/v1/parks/{park_id}/evaluation-schemes/{year}", kAnyRole, h::GetEvalScheme},
      {"PUT", "/api/v1/parks/{park_id}/evaluation-schemes/{year}", kParkStaff, h::PutEvalScheme},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}/inputs", kAnyRole, h::GetEvalInputs},
      {"PUT", "/api/v1/parks/{park_id}/evaluations/{year}/inputs", kParkStaff, h::PutEvalInputs, true},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/inputs/import", kParkStaff, h::ImportEvalInputs, true},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/inputs/{enterprise_id}/confirm", kAnyRole,
       h::ConfirmEvalInput},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/run", kParkStaff, h::RunEvaluation},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}", kAnyRole, h::GetEvaluation},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/what-if", kStaff, h::EvalWhatIf},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}/migration", kAnyRole, h::GetEvalMigration},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}/policies", kAnyRole, h::GetEvalPolicies},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}/per-mu", kAnyRole, h::GetEvalPerMu},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/publish", kParkStaff, h::PublishEvaluation},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}/appeals", kAnyRole, h::ListEvalAppeals},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/appeals", kAnyRole, h::CreateEvalAppeal},
      {"POST", "/api/v1/parks/{park_id}/evaluation-appeals/{id}/decision", kParkStaff, h::DecideEvalAppeal},
  });

  return r;
}

}  // namespace parkhq::http
