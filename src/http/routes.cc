// Every route of the API in one table: method, path, who may call it, handler.
// A test enumerates this table (every non-public route refuses an anonymous caller).
#include "http/handlers/briefing_handlers.h"
#include "http/handlers/core_handlers.h"
#include "http/handlers/land_handlers.h"
#include "http/handlers/evaluation_handlers.h"
#include "http/handlers/figures_handlers.h"
#include "http/handlers/monitoring_handlers.h"
#include "http/handlers/enterprise_handlers.h"
#include "http/handlers/crm_handlers.h"
#include "http/handlers/project_handlers.h"
#include "http/handlers/task_handlers.h"  // management loop (issue 19)
#include "http/handlers/talent_handlers.h"  // talent and rewards (issue 13)
#include "http/handlers/ops_handlers.h"
#include "http/handlers/sme_handlers.h"  // SME park (issue 16)
#include "http/handlers/safety_handlers.h"  // safety (issue 14)
#include "http/handlers/gates_handlers.h"  // gates and money (issue 15)
#include "http/handlers/parks_handlers.h"  // parks compared (issue 13)
#include "http/handlers/risk_handlers.h"  // risk (issue 14)
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
      {"GET", "/api/v1/me/sessions", kAnyRole, h::ListMySessions},
      {"DELETE", "/api/v1/me/sessions/{id}", kAnyRole, h::RevokeMySession, false, true},
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
      {"GET", "/api/v1/tokens/{id}/uses", kParkStaff, h::ListTokenUses},
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
  {
    // Project data: staff read and write (services check the park and the project's unit);
    // leaders read; enterprise users are refused.
    static const RoleSet kProjectReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    const std::string p = "/api/v1/projects/{id}";
    r.insert(r.end(), {
        {"POST", "/api/v1/projects", kStaff, h::CreateProject},  // departments: reserve-project keepers
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
        // Enterprises of the park placed on chain links (龙头/配套).
        {"GET", "/api/v1/parks/{park_id}/chain-links/{link_id}/enterprises", kProjectReaders, h::ListLinkEnterprises},
        {"POST", "/api/v1/parks/{park_id}/chain-links/{link_id}/enterprises", kParkStaff, h::AttachLinkEnterprise},
        {"DELETE", "/api/v1/parks/{park_id}/chain-links/{link_id}/enterprises/{enterprise_id}", kParkStaff,
         h::DetachLinkEnterprise},
    });
  }

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
      {"POST", "/api/v1/parks/{park_id}/cultivation/{pool}/members", kStaff, h::AcceptPoolCandidate},
      {"GET", "/api/v1/parks/{park_id}/zombies", kAnyRole, h::ParkZombies},
      {"POST", "/api/v1/parks/{park_id}/report-imports", kParkStaff, h::ImportReports, true},
      {"GET", "/api/v1/parks/{park_id}/report-export", kStaff, h::ExportReports},
      {"POST", "/api/v1/parks/{park_id}/enterprise-imports", kParkStaff, h::ImportEnterprises, true},
      {"GET", "/api/v1/parks/{park_id}/report-fields", kAnyRole, h::GetParkReportFields},
      {"PUT", "/api/v1/parks/{park_id}/report-fields", kAnyRole, h::PutParkReportFields},
      {"GET", "/api/v1/parks/{park_id}/report-settings", kAnyRole, h::GetReportSettings},
      {"PUT", "/api/v1/parks/{park_id}/report-settings", kAnyRole, h::PutReportSettings},
      {"GET", "/api/v1/parks/{park_id}/cultivation/rules", kAnyRole, h::GetPoolRules},
      {"PUT", "/api/v1/parks/{park_id}/cultivation/rules", kAnyRole, h::PutPoolRules},
      {"GET", "/api/v1/parks/{park_id}/leading-group-mapping", kAnyRole, h::GetLeadingGroupMapping},
      {"PUT", "/api/v1/parks/{park_id}/leading-group-mapping", kAnyRole, h::PutLeadingGroupMapping},
      {"PATCH", "/api/v1/disposals/{id}", kAnyRole, h::UpdateZombieDisposal},
      {"GET", "/api/v1/parks/{park_id}/zombie-settings", kAnyRole, h::GetZombieSettings},
      {"PUT", "/api/v1/parks/{park_id}/zombie-settings", kAnyRole, h::PutZombieSettings},
      {"GET", "/api/v1/industries/table", kAnyRole, h::IndustryTableInfo},
      {"GET", "/api/v1/industries/export", kAnyRole, h::ExportIndustryTable},
      {"POST", "/api/v1/industries/import", kSysadmin, h::ImportIndustryTable, true},
      {"DELETE", "/api/v1/industries/table", kSysadmin, h::ResetIndustryTable},
  });

  // -- land and evaluation (issue 6) --
  // land: staff and leaders read, park staff write, enterprise users are refused.
  {
    const RoleSet land_readers = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    r.insert(r.end(), {
        {"GET", "/api/v1/parks/{park_id}/parcels", land_readers, h::ListParcels},
        {"GET", "/api/v1/parks/{park_id}/parcels/export", land_readers, h::ExportParcels},
        {"POST", "/api/v1/parks/{park_id}/parcels", kStaff, h::CreateParcel},  // + parcels keepers
        {"POST", "/api/v1/parks/{park_id}/parcels/import", kParkStaff, h::ImportParcels, true},
        {"GET", "/api/v1/parks/{park_id}/land-map", land_readers, h::LandMap},
        {"GET", "/api/v1/parcels/{id}", land_readers, h::GetParcel},
        {"PATCH", "/api/v1/parcels/{id}", kStaff, h::UpdateParcel},
        {"DELETE", "/api/v1/parcels/{id}", kParkStaff, h::DeleteParcel},
        {"GET", "/api/v1/parks/{park_id}/land-contracts", land_readers, h::ListLandContracts},
        {"GET", "/api/v1/parcels/{id}/contract", land_readers, h::GetLandContract},
        {"PUT", "/api/v1/parcels/{id}/contract", kStaff, h::PutLandContract},
        {"DELETE", "/api/v1/parcels/{id}/contract", kStaff, h::DeleteLandContract},
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
  // evaluation (亩均效益评价): roles are checked again per park / enterprise in the service.
  r.insert(r.end(), {
      {"GET", "/api/v1/parks/{park_id}/evaluation-schemes/{year}", kAnyRole, h::GetEvalScheme},
      {"PUT", "/api/v1/parks/{park_id}/evaluation-schemes/{year}", kParkStaff, h::PutEvalScheme},
      {"GET", "/api/v1/parks/{park_id}/evaluations/{year}/inputs", kAnyRole, h::GetEvalInputs},
      {"PUT", "/api/v1/parks/{park_id}/evaluations/{year}/inputs", kParkStaff, h::PutEvalInputs, true},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/inputs/import", kParkStaff, h::ImportEvalInputs, true},
      {"POST", "/api/v1/parks/{park_id}/evaluations/{year}/inputs/from-platform", kParkStaff, h::EvalInputsFromPlatform},
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
      {"GET", "/api/v1/parks/{park_id}/evaluation-policies", kAnyRole, h::GetEvalPolicyConfig},
      {"PUT", "/api/v1/parks/{park_id}/evaluation-policies", kParkStaff, h::PutEvalPolicyConfig},
      {"DELETE", "/api/v1/parks/{park_id}/evaluation-policies", kParkStaff, h::DeleteEvalPolicyConfig},
  });

  // -- management loop (issue 19) --
  // Reading: staff and leaders (not enterprises); services check the park and the caller's unit.
  // Writing: items by park admins and the task's lead units, reports by the item's units, 督办 steps
  // by the assigned units, issuing/confirming/returning by the park's admins; 批示 is the one write a
  // leader makes (allowed for read-only callers, checked in the service).
  {
    const RoleSet& rd = h::kLoopReaders;
    const std::string sv = "/api/v1/supervision/{id}";
    r.insert(r.end(), {
        {"GET", "/api/v1/task-plans", rd, h::ListTaskPlans},
        {"POST", "/api/v1/task-plans/{id}/copy", kParkStaff, h::CopyTaskPlan},
        {"PATCH", "/api/v1/task-plans/{id}", kParkStaff, h::UpdateTaskPlan},
        {"GET", "/api/v1/task-plans/template", rd, h::TaskPlanTemplate},
        {"POST", "/api/v1/task-plans/import", kParkStaff, h::ImportTaskPlan, true},
        {"GET", "/api/v1/task-plans/{id}/tasks", rd, h::ListPlanTasks},
        {"POST", "/api/v1/task-plans/{id}/tasks", kParkStaff, h::CreatePlanTask},
        {"GET", "/api/v1/task-plans/{id}/export", rd, h::ExportTaskPlan},
        {"PATCH", "/api/v1/tasks/{task_id}", kParkStaff, h::UpdatePlanTask},
        {"DELETE", "/api/v1/tasks/{task_id}", kParkStaff, h::DeletePlanTask},
        {"GET", "/api/v1/task-items", rd, h::ListTaskItems},
        {"GET", "/api/v1/task-items/export", rd, h::ExportTaskItems},
        {"GET", "/api/v1/task-items/template", rd, h::TaskItemsTemplate},
        {"POST", "/api/v1/task-items/import", kParkStaff, h::ImportTaskItems, true},
        {"POST", "/api/v1/tasks/{task_id}/items", kStaff, h::CreateTaskItem},
        {"GET", "/api/v1/task-items/{id}", rd, h::GetTaskItem},
        {"PATCH", "/api/v1/task-items/{id}", kStaff, h::UpdateTaskItem},
        {"DELETE", "/api/v1/task-items/{id}", kParkStaff, h::DeleteTaskItem},
        {"POST", "/api/v1/task-items/{id}/reports", kStaff, h::AddTaskReport},
        {"POST", "/api/v1/task-reports/{id}/review", kStaff, h::ReviewTaskReport},
        {"POST", "/api/v1/task-reports/{id}/attachments", kStaff, h::AddTaskAttachment, true},
        {"GET", "/api/v1/task-reports/{id}/attachments", rd, h::ListTaskAttachments},
        {"GET", "/api/v1/task-attachments/{id}", rd, h::DownloadTaskAttachment},
        {"GET", "/api/v1/my-queue", rd, h::TaskWorkQueue},
        {"POST", "/api/v1/supervision", kParkStaff, h::IssueSupervision},
        {"GET", "/api/v1/supervision", rd, h::ListSupervision},
        {"GET", sv, rd, h::GetSupervision},
        {"POST", sv + "/receive", kStaff, h::SupervisionUnitStep},
        {"POST", sv + "/assign", kStaff, h::SupervisionUnitStep},
        {"POST", sv + "/progress", kStaff, h::SupervisionUnitStep},
        {"POST", sv + "/done", kStaff, h::SupervisionUnitStep},
        {"POST", sv + "/extension", kStaff, h::SupervisionUnitStep},
        {"POST", sv + "/extension/decision", kParkStaff, h::SupervisionExtensionDecision},
        {"POST", sv + "/confirm", kParkStaff, h::SupervisionConfirm},
        {"POST", sv + "/return", kParkStaff, h::SupervisionReturn},
        {"GET", "/api/v1/meetings", rd, h::ListMeetings},
        {"POST", "/api/v1/meetings", kParkStaff, h::CreateMeeting},
        {"GET", "/api/v1/meeting-agenda", rd, h::MeetingAgenda},
        {"GET", "/api/v1/meetings/{id}", rd, h::GetMeeting},
        {"PATCH", "/api/v1/meetings/{id}", kParkStaff, h::UpdateMeeting},
        {"POST", "/api/v1/meetings/{id}/decisions", kParkStaff, h::AddMeetingDecision},
        {"GET", "/api/v1/meetings/{id}/minutes.docx", rd, h::MeetingMinutesDocx},
        {"GET", "/api/v1/instructions", rd, h::ListInstructions},
        {"POST", "/api/v1/instructions", rd, h::AddInstruction, false, true},
        {"GET", "/api/v1/assessment/{year}", rd, h::GetAssessment},
        {"GET", "/api/v1/assessment/{year}/export", rd, h::ExportAssessment},
        {"GET", "/api/v1/assessment/{year}/settings", rd, h::GetAssessmentSettings},
        {"PUT", "/api/v1/assessment/{year}/settings", kParkStaff, h::PutAssessmentSettings},
        {"POST", "/api/v1/assessment/{year}/bonuses", kParkStaff, h::AddAssessmentBonus},
        {"POST", "/api/v1/assessment/{year}/publish", kParkStaff, h::PublishAssessment},
    });
  }
  // -- operations (issue 17) --
  r.insert(r.end(), {
      {"GET", "/api/v1/openapi.json", {}, h::OpenApiDocument},
      {"GET", "/api/v1/system/status", kSysadmin, h::SystemStatus},
  });

  // -- briefings (issue 12) --
  // Briefings: park staff generate, edit, approve and issue; departments and leaders read.
  // Notifications: every caller sees only their own. Jobs: sysadmin and park admins.
  r.insert(r.end(), {
      {"POST", "/api/v1/parks/{park_id}/briefings", kParkStaff, h::CreateBriefing},
      {"GET", "/api/v1/briefings", h::kBriefingReaders, h::ListBriefings},
      {"GET", "/api/v1/briefings/{id}.docx", h::kBriefingReaders, h::BriefingDocx},
      {"GET", "/api/v1/briefings/{id}.html", h::kBriefingReaders, h::BriefingHtml},
      {"GET", "/api/v1/briefings/{id}", h::kBriefingReaders, h::GetBriefing},
      {"PATCH", "/api/v1/briefings/{id}", kParkStaff, h::EditBriefing},
      {"POST", "/api/v1/briefings/{id}/refresh", kParkStaff, h::RefreshBriefing},
      {"POST", "/api/v1/briefings/{id}/approve", kParkStaff, h::ApproveBriefing},
      {"POST", "/api/v1/briefings/{id}/issue", kParkStaff, h::IssueBriefing},
      {"POST", "/api/v1/briefings/{id}/reopen", kParkStaff, h::ReopenBriefing},
      {"GET", "/api/v1/notifications", kAnyRole, h::ListNotifications},
      {"POST", "/api/v1/notifications/read-all", kAnyRole, h::ReadAllNotifications, false, true},
      {"POST", "/api/v1/notifications/{id}/read", kAnyRole, h::ReadNotification, false, true},
      {"POST", "/api/v1/parks/{park_id}/reporting-reminders", kParkStaff, h::RemindLateReporters},
      {"GET", "/api/v1/jobs", kParkStaff, h::ListJobs},
      {"POST", "/api/v1/jobs/{name}/run", kParkStaff, h::RunJob},
  });
  // -- figures (issue 11): registers departments keep; reconciliation between sources --
  {
    static const RoleSet kFigureReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    r.insert(r.end(), {
        {"GET", "/api/v1/parks/{park_id}/registers", kFigureReaders, h::GetRegisters},
        {"PUT", "/api/v1/parks/{park_id}/registers", kParkStaff, h::PutRegisters},
        {"GET", "/api/v1/parks/{park_id}/reconciliation", kFigureReaders, h::GetReconciliation},
        {"PUT", "/api/v1/parks/{park_id}/reconciliation/explanations", kStaff, h::PutReconciliationExplanation},
    });
  }

  // -- parks: parks compared: region evaluation, chemical-park ledger (issue 13) --
  {
    const RoleSet& rd = h::kParksReaders;
    r.insert(r.end(), {
        {"GET", "/api/v1/park-evaluation-schemes", rd, h::ListParkEvalSchemes},
        {"PUT", "/api/v1/park-evaluation-schemes/{code}/indicators/{indicator}", kSysadmin, h::PutParkEvalIndicator},
        {"DELETE", "/api/v1/park-evaluation-schemes/{code}/indicators/{indicator}", kSysadmin,
         h::DeleteParkEvalIndicator},
        {"GET", "/api/v1/regions/{region_id}/park-evaluation/{year}", rd, h::GetRegionParkEvaluation},
        {"GET", "/api/v1/regions/{region_id}/park-evaluation/{year}/export", rd, h::ExportRegionParkEvaluation},
        {"GET", "/api/v1/parks/{park_id}/park-evaluation-entries/{year}", rd, h::GetParkEvalEntries},
        {"PUT", "/api/v1/parks/{park_id}/park-evaluation-entries/{year}", kParkStaff, h::PutParkEvalEntries},
        {"GET", "/api/v1/parks/{park_id}/chemical-park", rd, h::GetChemLedger},
        {"GET", "/api/v1/parks/{park_id}/chemical-park/export", rd, h::ExportChemLedger},
        {"POST", "/api/v1/parks/{park_id}/chemical-park/items", kParkStaff, h::CreateChemItem},
        {"PUT", "/api/v1/chemical-park-items/{id}", kParkStaff, h::UpdateChemItem},
        {"DELETE", "/api/v1/chemical-park-items/{id}", kParkStaff, h::DeleteChemItem},
    });
  }
  // (end parks)

  // -- talent: talent demand and rewards (issue 13) --
  {
    const RoleSet& rd = h::kTalentReaders;   // staff and leaders
    const RoleSet& wr = h::kTalentWriters;   // staff and enterprises (the service checks which)
    r.insert(r.end(), {
        {"GET", "/api/v1/parks/{park_id}/talent-posts", kAnyRole, h::ListTalentPosts},
        {"GET", "/api/v1/parks/{park_id}/talent-posts.xlsx", kAnyRole, h::TalentPostsXlsx},
        {"POST", "/api/v1/parks/{park_id}/talent-posts", wr, h::CreateTalentPost},
        {"GET", "/api/v1/talent-posts/{id}", kAnyRole, h::GetTalentPost},
        {"PATCH", "/api/v1/talent-posts/{id}", wr, h::UpdateTalentPost},
        {"GET", "/api/v1/parks/{park_id}/talent-demand", rd, h::TalentDemand},
        {"GET", "/api/v1/parks/{park_id}/talent-candidates", rd, h::ListTalentCandidates},
        {"GET", "/api/v1/parks/{park_id}/talent-candidates.xlsx", rd, h::TalentCandidatesXlsx},
        {"POST", "/api/v1/parks/{park_id}/talent-candidates", kStaff, h::CreateTalentCandidate},
        {"PATCH", "/api/v1/talent-candidates/{id}", kStaff, h::UpdateTalentCandidate},
        {"GET", "/api/v1/parks/{park_id}/talent-matches", rd, h::ListTalentMatches},
        {"GET", "/api/v1/parks/{park_id}/talent-matches.xlsx", rd, h::TalentMatchesXlsx},
        {"GET", "/api/v1/parks/{park_id}/reward-types", kAnyRole, h::ListRewardTypes},
        {"GET", "/api/v1/parks/{park_id}/reward-types.xlsx", kAnyRole, h::RewardTypesXlsx},
        {"POST", "/api/v1/parks/{park_id}/reward-types", kParkStaff, h::CreateRewardType},
        {"PATCH", "/api/v1/reward-types/{id}", kParkStaff, h::UpdateRewardType},
        {"GET", "/api/v1/parks/{park_id}/reward-applications", kAnyRole, h::ListRewardApplications},
        {"GET", "/api/v1/parks/{park_id}/reward-applications.xlsx", kAnyRole, h::RewardApplicationsXlsx},
        {"POST", "/api/v1/parks/{park_id}/reward-applications", kReporters, h::CreateRewardApplication},
        {"GET", "/api/v1/reward-applications/{id}", kAnyRole, h::GetRewardApplication},
        {"POST", "/api/v1/reward-applications/{id}/review", kStaff, h::ReviewRewardApplication},
        {"GET", "/api/v1/reward-applications/{id}/files", kAnyRole, h::ListRewardFiles},
        {"POST", "/api/v1/reward-applications/{id}/files", kReporters, h::AddRewardFile, true},
        {"GET", "/api/v1/reward-files/{id}", kAnyRole, h::DownloadRewardFile},
        {"GET", "/api/v1/parks/{park_id}/rewards/{year}.xlsx", rd, h::RewardYearXlsx},
        {"GET", "/api/v1/parks/{park_id}/rewards/{year}", rd, h::RewardYear},
    });
  }
  // (end talent)

  // -- safety: safety: facilities, inspections, hazards (issue 14) --
  // Facilities: staff and leaders read, park admins keep the register, staff record operations.
  // Hazards: enterprise users see and rectify their own; staff record and re-check; park admins escalate.
  r.insert(r.end(), {
      {"GET", "/api/v1/parks/{park_id}/facilities", h::kSafetyReaders, h::ListFacilities},
      {"POST", "/api/v1/parks/{park_id}/facilities", kParkStaff, h::CreateFacility},
      {"GET", "/api/v1/parks/{park_id}/facility-warnings", h::kSafetyReaders, h::FacilityWarnings},
      {"GET", "/api/v1/parks/{park_id}/facility-export", h::kSafetyReaders, h::ExportFacilities},
      {"GET", "/api/v1/facilities/{id}", h::kSafetyReaders, h::GetFacility},
      {"PATCH", "/api/v1/facilities/{id}", kParkStaff, h::UpdateFacility},
      {"GET", "/api/v1/facilities/{id}/records", h::kSafetyReaders, h::ListFacilityRecords},
      {"GET", "/api/v1/facilities/{id}/records/export", h::kSafetyReaders, h::ExportFacilityRecords},
      {"POST", "/api/v1/facilities/{id}/records", kStaff, h::AddFacilityRecord},
      {"GET", "/api/v1/inspections", h::kSafetyReaders, h::ListInspections},
      {"POST", "/api/v1/inspections", kStaff, h::CreateInspection},
      {"POST", "/api/v1/inspections/{id}/complete", kStaff, h::CompleteInspection},
      {"GET", "/api/v1/inspection-export", h::kSafetyReaders, h::ExportInspections},
      {"GET", "/api/v1/hazards", kAnyRole, h::ListHazards},
      {"POST", "/api/v1/hazards", kStaff, h::CreateHazard},
      {"GET", "/api/v1/hazard-export", kAnyRole, h::ExportHazards},
      {"GET", "/api/v1/hazards/{id}", kAnyRole, h::GetHazard},
      {"POST", "/api/v1/hazards/{id}/rectify", h::kHazardRectifiers, h::RectifyHazard},
      {"POST", "/api/v1/hazards/{id}/recheck", kStaff, h::RecheckHazard},
      {"POST", "/api/v1/hazards/{id}/escalate", kParkStaff, h::EscalateHazard},
      {"GET", "/api/v1/hazards/{id}/photos", kAnyRole, h::ListHazardPhotos},
      {"POST", "/api/v1/hazards/{id}/photos", h::kHazardRectifiers, h::AddHazardPhoto, true},
      {"GET", "/api/v1/hazard-photos/{id}", kAnyRole, h::DownloadHazardPhoto},
      {"GET", "/api/v1/parks/{park_id}/hazard-stats", h::kSafetyReaders, h::HazardStats},
  });
  // (end safety)

  // -- risk: risk profiles, emergency resources, energy (issue 14) --
  // Profiles: the enterprise keeps its own, park staff review them and set vetoes. Emergency
  // resources, targets and retrofits: park staff write, everyone of the park reads (enterprises
  // their own records and the park-level resources). The service checks the rest.
  {
    static const RoleSet kRiskReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    r.insert(r.end(), {
        {"GET", "/api/v1/parks/{park_id}/risk-items", kAnyRole, h::ListRiskItems},
        {"GET", "/api/v1/parks/{park_id}/risk-items.xlsx", kAnyRole, h::RiskItemsXlsx},
        {"POST", "/api/v1/parks/{park_id}/risk-items", kReporters, h::CreateRiskItem},
        {"PUT", "/api/v1/risk-items/{id}", kReporters, h::UpdateRiskItem},
        {"DELETE", "/api/v1/risk-items/{id}", kReporters, h::DeleteRiskItem},
        {"GET", "/api/v1/parks/{park_id}/risk-profiles", kAnyRole, h::ListRiskProfiles},
        {"GET", "/api/v1/parks/{park_id}/risk-profiles.xlsx", kAnyRole, h::RiskProfilesXlsx},
        {"POST", "/api/v1/enterprises/{id}/risk-profile/submit", kReporters, h::SubmitRiskProfile},
        {"POST", "/api/v1/enterprises/{id}/risk-profile/review", kParkStaff, h::ReviewRiskProfile},
        {"GET", "/api/v1/parks/{park_id}/risk-vetoes", kRiskReaders, h::ListRiskVetoes},
        {"POST", "/api/v1/parks/{park_id}/risk-vetoes/apply", kParkStaff, h::ApplyRiskVetoes},
        {"GET", "/api/v1/energy-factors", kAnyRole, h::EnergyFactors},
        {"GET", "/api/v1/parks/{park_id}/energy-accounts", kAnyRole, h::ListEnergyAccounts},
        {"GET", "/api/v1/parks/{park_id}/energy-accounts.xlsx", kAnyRole, h::EnergyAccountsXlsx},
        {"PUT", "/api/v1/enterprises/{id}/energy-accounts/{year}", kReporters, h::PutEnergyAccount},
        {"GET", "/api/v1/parks/{park_id}/energy-summary", kRiskReaders, h::EnergySummary},
        {"PUT", "/api/v1/parks/{park_id}/energy-targets/{year}", kParkStaff, h::PutEnergyTargets},
        {"GET", "/api/v1/parks/{park_id}/retrofits", kAnyRole, h::ListRetrofits},
        {"GET", "/api/v1/parks/{park_id}/retrofits.xlsx", kAnyRole, h::RetrofitsXlsx},
        {"POST", "/api/v1/parks/{park_id}/retrofits", kParkStaff, h::CreateRetrofit},
        {"PUT", "/api/v1/retrofits/{id}", kParkStaff, h::UpdateRetrofit},
    });
  }
  // (end risk)

  // -- gates: gates and money: admission, funding, land quota, powers, policies (issue 15) --
  {
    // 项目准入评审 on the project routes (object gate /projects/{id}); the service lets park admins
    // decide (403 for other staff) and the project readers read.
    static const RoleSet kAdmissionReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
    r.insert(r.end(), {
        {"POST", "/api/v1/projects/{id}/admission", kStaff, h::PostProjectAdmission},
        {"GET", "/api/v1/projects/{id}/admission", kAdmissionReaders, h::GetProjectAdmission},
        {"GET", "/api/v1/parks/{park_id}/admissions", kAdmissionReaders, h::ListParkAdmissions},
        {"GET", "/api/v1/parks/{park_id}/admissions/export", kAdmissionReaders, h::ExportParkAdmissions},
    });
    // 惠企政策: everyone signed in reads (enterprise users only what fits them: the service);
    // park admins write; the match list and sums are for staff and leaders.
    static const RoleSet kPolicyApplicants = {Role::kSysadmin, Role::kParkAdmin, Role::kEnterprise};
    r.insert(r.end(), {
        {"GET", "/api/v1/policies", kAnyRole, h::ListPolicies},
        {"POST", "/api/v1/policies", kParkStaff, h::CreatePolicy},
        {"GET", "/api/v1/policies/export", kAnyRole, h::ExportPolicies},
        {"GET", "/api/v1/policies/{id}", kAnyRole, h::GetPolicy},
        {"PATCH", "/api/v1/policies/{id}", kParkStaff, h::UpdatePolicy},
        {"GET", "/api/v1/policies/{id}/matches", kAdmissionReaders, h::GetPolicyMatches},
        {"POST", "/api/v1/policies/{id}/notify", kParkStaff, h::NotifyPolicyMatches},
        {"POST", "/api/v1/policies/{id}/applications", kPolicyApplicants, h::CreatePolicyApplication},
        {"GET", "/api/v1/policy-applications", kAnyRole, h::ListPolicyApplications},
        {"GET", "/api/v1/policy-applications/export", kAnyRole, h::ExportPolicyApplications},
        {"PATCH", "/api/v1/policy-applications/{id}", kParkStaff, h::UpdatePolicyApplication},
        {"GET", "/api/v1/parks/{park_id}/policy-sums", kAdmissionReaders, h::GetPolicySums},
        // 用地计划单列
        {"GET", "/api/v1/parks/{park_id}/land-quotas/{year}", kAdmissionReaders, h::GetLandQuota},
        {"PUT", "/api/v1/parks/{park_id}/land-quotas/{year}", kParkStaff, h::PutLandQuota},
        {"POST", "/api/v1/parks/{park_id}/land-quotas/{year}/allocations", kParkStaff, h::AddLandAllocation},
        {"GET", "/api/v1/parks/{park_id}/land-quotas/{year}/export", kAdmissionReaders, h::ExportLandQuota},
        // 承接事项清单
        {"GET", "/api/v1/parks/{park_id}/delegated-powers", kAdmissionReaders, h::ListDelegatedPowers},
        {"POST", "/api/v1/parks/{park_id}/delegated-powers", kParkStaff, h::CreateDelegatedPower},
        {"GET", "/api/v1/parks/{park_id}/delegated-powers/log", kAdmissionReaders, h::ListDelegatedPowerLog},
        {"GET", "/api/v1/parks/{park_id}/delegated-powers/export", kAdmissionReaders, h::ExportDelegatedPowers},
        {"PATCH", "/api/v1/delegated-powers/{id}", kParkStaff, h::UpdateDelegatedPower},
        {"GET", "/api/v1/delegated-powers/{id}/counts", kAdmissionReaders, h::ListDelegatedPowerCounts},
        {"PUT", "/api/v1/delegated-powers/{id}/counts", kParkStaff, h::PutDelegatedPowerCount},
        // 资金来源
        {"GET", "/api/v1/projects/{id}/funding", kAdmissionReaders, h::GetProjectFunding},
        {"PUT", "/api/v1/projects/{id}/funding", kParkStaff, h::PutProjectFunding},
        {"GET", "/api/v1/parks/{park_id}/funding-totals", kAdmissionReaders, h::GetParkFundingTotals},
        {"GET", "/api/v1/parks/{park_id}/bond-projects", kAdmissionReaders, h::GetParkBondProjects},
        {"GET", "/api/v1/parks/{park_id}/bond-projects/export", kAdmissionReaders, h::ExportParkBondProjects},
    });
  }
  // (end gates)

  // -- sme: SME park: space, leases, bills, repairs, financing (issue 16) --
  // Space and occupancy: staff and leaders read (enterprises see their own leases instead); the
  // park's admins and the operating company's unit manage (SmeStore checks the building's unit).
  // Leases, bills and repairs: every role reaches the route, the store shows tenants their own only.
  r.insert(r.end(), {
      {"GET", "/api/v1/parks/{park_id}/occupancy", h::kSmeReaders, h::GetOccupancy},
      {"GET", "/api/v1/parks/{park_id}/sme-buildings", h::kSmeReaders, h::ListSmeBuildings},
      {"POST", "/api/v1/parks/{park_id}/sme-buildings", kParkStaff, h::CreateSmeBuilding},
      {"GET", "/api/v1/sme-buildings/{id}/floor-plan", h::kSmeReaders, h::GetSmeFloorPlan},
      {"POST", "/api/v1/sme-buildings/{id}/units", kStaff, h::CreateSmeUnit},
      {"PATCH", "/api/v1/sme-units/{id}", kStaff, h::UpdateSmeUnit},
      {"GET", "/api/v1/parks/{park_id}/leases", kAnyRole, h::ListLeases},
      {"GET", "/api/v1/parks/{park_id}/leases.xlsx", kAnyRole, h::ExportRentRoll},
      {"GET", "/api/v1/parks/{park_id}/expiring-leases", kAnyRole, h::ListExpiringLeases},
      {"POST", "/api/v1/leases", kStaff, h::CreateLease},
      {"GET", "/api/v1/leases/{id}", kAnyRole, h::GetLease},
      {"POST", "/api/v1/leases/{id}/end", kStaff, h::EndLease},
      {"POST", "/api/v1/leases/{id}/renew", kStaff, h::RenewLease},
      {"POST", "/api/v1/leases/{id}/graduate", kStaff, h::GraduateLease},
      {"POST", "/api/v1/parks/{park_id}/sme-bills/generate", kStaff, h::GenerateSmeBills},
      {"GET", "/api/v1/parks/{park_id}/sme-bills", kAnyRole, h::ListSmeBills},
      {"GET", "/api/v1/parks/{park_id}/sme-bills.xlsx", kAnyRole, h::ExportSmeBills},
      {"POST", "/api/v1/sme-bills/{id}/payments", kStaff, h::AddSmePayment},
      {"GET", "/api/v1/parks/{park_id}/sme-arrears", kAnyRole, h::GetSmeArrears},
      {"GET", "/api/v1/parks/{park_id}/sme-income/{year}", h::kSmeReaders, h::GetSmeIncome},
      {"GET", "/api/v1/parks/{park_id}/sme-repairs", kAnyRole, h::ListSmeRepairs},
      {"GET", "/api/v1/parks/{park_id}/sme-repairs.xlsx", kAnyRole, h::ExportSmeRepairs},
      {"POST", "/api/v1/sme-repairs", kAnyRole, h::CreateSmeRepair},
      {"POST", "/api/v1/sme-repairs/{id}/assign", kStaff, h::AssignSmeRepair},
      {"POST", "/api/v1/sme-repairs/{id}/close", kStaff, h::CloseSmeRepair},
      {"POST", "/api/v1/sme-repairs/{id}/photos", kAnyRole, h::AddSmeRepairPhoto, true},
      {"GET", "/api/v1/sme-repairs/{id}/photos", kAnyRole, h::ListSmeRepairPhotos},
      {"GET", "/api/v1/sme-repair-photos/{id}", kAnyRole, h::DownloadSmeRepairPhoto},
      {"GET", "/api/v1/parks/{park_id}/sme-refurbishments", h::kSmeReaders, h::ListSmeRefurbishments},
      {"GET", "/api/v1/parks/{park_id}/sme-refurbishments.xlsx", h::kSmeReaders, h::ExportSmeRefurbishments},
      {"POST", "/api/v1/sme-buildings/{id}/refurbishments", kStaff, h::CreateSmeRefurbishment},
      {"PUT", "/api/v1/sme-refurbishments/{id}", kStaff, h::UpdateSmeRefurbishment},
      // Financing needs: enterprises post their own; 金融办 and park admins match and grant (store checks).
      {"GET", "/api/v1/parks/{park_id}/financing-needs", kAnyRole, h::ListFinancingNeeds},
      {"GET", "/api/v1/parks/{park_id}/financing-needs.xlsx", kAnyRole, h::ExportFinancingNeeds},
      {"GET", "/api/v1/parks/{park_id}/financing-totals", h::kSmeReaders, h::GetFinancingTotals},
      {"POST", "/api/v1/financing-needs", kAnyRole, h::CreateFinancingNeed},
      {"POST", "/api/v1/financing-needs/{id}/status", kStaff, h::MoveFinancingNeed},
  });
  // (end sme)

  // -- scale: scale (issue 18) --
  // (end scale)

  return r;
}

}  // namespace parkhq::http
