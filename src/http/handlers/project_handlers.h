// Handlers of the project pipeline (issue 4): projects, stage changes, monthly investment,
// milestones / approvals / problems, and a park's rates, lights, warnings and analytics.
// Each parses and checks input, calls the ProjectService and renders JSON.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> CreateProject(RequestContext& ctx, const Services& s);
StatusOr<Response> ListProjects(RequestContext& ctx, const Services& s);
StatusOr<Response> GetProject(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateProject(RequestContext& ctx, const Services& s);
StatusOr<Response> ChangeProjectStage(RequestContext& ctx, const Services& s);
StatusOr<Response> ChangeProjectFlag(RequestContext& ctx, const Services& s);
StatusOr<Response> GetProjectStageLog(RequestContext& ctx, const Services& s);
StatusOr<Response> PutProjectInvestment(RequestContext& ctx, const Services& s);

StatusOr<Response> ListProjectMilestones(RequestContext& ctx, const Services& s);
StatusOr<Response> SaveProjectMilestone(RequestContext& ctx, const Services& s);
StatusOr<Response> ListProjectApprovals(RequestContext& ctx, const Services& s);
StatusOr<Response> SaveProjectApproval(RequestContext& ctx, const Services& s);
StatusOr<Response> ListProjectProblems(RequestContext& ctx, const Services& s);
StatusOr<Response> SaveProjectProblem(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteProjectMilestone(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteProjectApproval(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteProjectProblem(RequestContext& ctx, const Services& s);

StatusOr<Response> GetProjectRates(RequestContext& ctx, const Services& s);
StatusOr<Response> GetRegionProjectRates(RequestContext& ctx, const Services& s);
// Light thresholds and stuck limits of a park: GET, PUT (park admins).
StatusOr<Response> GetProjectSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> PutProjectSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> GetProjectLights(RequestContext& ctx, const Services& s);
StatusOr<Response> GetProjectWarnings(RequestContext& ctx, const Services& s);
StatusOr<Response> GetProjectAnalytics(RequestContext& ctx, const Services& s);

// 重点项目台账: export (?format=xlsx|csv&date=), the import template, the import (file as body).
StatusOr<Response> ExportProjectLedger(RequestContext& ctx, const Services& s);
StatusOr<Response> ProjectLedgerTemplate(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportProjectLedger(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
