// Every route of the API in one table: method, path, who may call it, handler.
// A test enumerates this table (every non-public route refuses an anonymous caller).
#include "http/handlers/core_handlers.h"
#include "http/handlers/crm_handlers.h"
#include "http/handlers/project_handlers.h"
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
  {
    // Project data: staff read and write (services check the park and the project's unit);
    // leaders read; enterprise users are refused.
    static const RoleSet kProjectReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    const std::string p = "/api/v1/projects/{id}";
    r.insert(r.end(), {
        {"POST", "/api/v1/projects", kParkStaff, h::CreateProject},
        {"GET", "/api/v1/projects", kProjectReaders, h::ListProjects},
        {"GET", p, kProjectReaders, h::GetProject},
        {"PATCH", p, kStaff, h::UpdateProject},
        {"POST", p + "/stage", kStaff, h::ChangeProjectStage},
        {"POST", p + "/flags", kStaff, h::ChangeProjectFlag},
        {"GET", p + "/stage-log", kProjectReaders, h::GetProjectStageLog},
        {"PUT", p + "/investment", kStaff, h::PutProjectInvestment},
        {"GET", p + "/milestones", kProjectReaders, h::ListProjectMilestones},
        {"POST", p + "/milestones", kStaff, h::SaveProjectMilestone},
        {"PUT", p + "/milestones/{item_id}", kStaff, h::SaveProjectMilestone},
        {"DELETE", p + "/milestones/{item_id}", kStaff, h::DeleteProjectMilestone},
        {"GET", p + "/approvals", kProjectReaders, h::ListProjectApprovals},
        {"POST", p + "/approvals", kStaff, h::SaveProjectApproval},
        {"PUT", p + "/approvals/{item_id}", kStaff, h::SaveProjectApproval},
        {"DELETE", p + "/approvals/{item_id}", kStaff, h::DeleteProjectApproval},
        {"GET", p + "/problems", kProjectReaders, h::ListProjectProblems},
        {"POST", p + "/problems", kStaff, h::SaveProjectProblem},
        {"PUT", p + "/problems/{item_id}", kStaff, h::SaveProjectProblem},
        {"DELETE", p + "/problems/{item_id}", kStaff, h::DeleteProjectProblem},
        {"GET", "/api/v1/parks/{park_id}/project-rates", kProjectReaders, h::GetProjectRates},
        {"GET", "/api/v1/regions/{region_id}/project-rates", kProjectReaders, h::GetRegionProjectRates},
        {"GET", "/api/v1/parks/{park_id}/project-settings", kProjectReaders, h::GetProjectSettings},
        {"PUT", "/api/v1/parks/{park_id}/project-settings", kParkStaff, h::PutProjectSettings},
        {"GET", "/api/v1/parks/{park_id}/project-lights", kProjectReaders, h::GetProjectLights},
        {"GET", "/api/v1/parks/{park_id}/project-warnings", kProjectReaders, h::GetProjectWarnings},
        {"GET", "/api/v1/parks/{park_id}/project-analytics", kProjectReaders, h::GetProjectAnalytics},
        {"GET", "/api/v1/parks/{park_id}/project-ledger", kProjectReaders, h::ExportProjectLedger},
        {"GET", "/api/v1/project-ledger/template", kProjectReaders, h::ProjectLedgerTemplate},
        {"POST", "/api/v1/parks/{park_id}/project-ledger/import", kParkStaff, h::ImportProjectLedger, true},
        // Investor CRM (客商信息库) and the industry-chain map.
        {"GET", "/api/v1/investors", kProjectReaders, h::ListInvestors},
        {"POST", "/api/v1/investors", kStaff, h::SaveInvestor},
        {"GET", "/api/v1/investors/{id}", kProjectReaders, h::GetInvestor},
        {"PATCH", "/api/v1/investors/{id}", kStaff, h::SaveInvestor},
        {"POST", "/api/v1/investors/{id}/contacts", kStaff, h::AddInvestorContact},
        {"GET", "/api/v1/leads", kProjectReaders, h::ListLeads},
        {"POST", "/api/v1/leads", kStaff, h::SaveLead},
        {"GET", "/api/v1/leads/{id}", kProjectReaders, h::GetLead},
        {"PATCH", "/api/v1/leads/{id}", kStaff, h::SaveLead},
        {"POST", "/api/v1/leads/{id}/stage", kStaff, h::MoveLead},
        {"POST", "/api/v1/leads/{id}/followups", kStaff, h::AddLeadFollowUp},
        {"GET", "/api/v1/parks/{park_id}/lead-reminders", kProjectReaders, h::GetLeadReminders},
        {"GET", "/api/v1/parks/{park_id}/chains", kProjectReaders, h::GetChainMap},
        {"POST", "/api/v1/parks/{park_id}/chains", kParkStaff, h::SaveChain},
        {"PATCH", "/api/v1/chains/{id}", kParkStaff, h::SaveChain},
        {"POST", "/api/v1/chains/{id}/links", kParkStaff, h::SaveChainLink},
        {"PATCH", "/api/v1/chain-links/{link_id}", kParkStaff, h::SaveChainLink},
        {"DELETE", "/api/v1/chain-links/{link_id}", kParkStaff, h::DeleteChainLink},
    });
  }

  // -- enterprises (issue 5) --

  // -- land and evaluation (issue 6) --

  return r;
}

}  // namespace parkhq::http
