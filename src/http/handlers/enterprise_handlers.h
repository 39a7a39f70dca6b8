// Handlers of the enterprises module (issue 5): registry, monthly reports and their review,
// park-level reporting status, rules, breakdowns, movement, cultivation pools and zombies.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> ListEnterprises(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportEnterprises(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateEnterprise(RequestContext& ctx, const Services& s);
StatusOr<Response> GetEnterprise(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateEnterprise(RequestContext& ctx, const Services& s);
StatusOr<Response> ListIndustries(RequestContext& ctx, const Services& s);
StatusOr<Response> ReportFields(RequestContext& ctx, const Services& s);

StatusOr<Response> GetReport(RequestContext& ctx, const Services& s);
StatusOr<Response> PutReport(RequestContext& ctx, const Services& s);
StatusOr<Response> SubmitReport(RequestContext& ctx, const Services& s);
StatusOr<Response> ReviewReport(RequestContext& ctx, const Services& s);
StatusOr<Response> UnlockReport(RequestContext& ctx, const Services& s);
StatusOr<Response> GrantReportException(RequestContext& ctx, const Services& s);
StatusOr<Response> ReportRevisions(RequestContext& ctx, const Services& s);
StatusOr<Response> ListEnterpriseReports(RequestContext& ctx, const Services& s);
StatusOr<Response> ReportQueue(RequestContext& ctx, const Services& s);
StatusOr<Response> AddZombieDisposal(RequestContext& ctx, const Services& s);

StatusOr<Response> ParkReviewQueue(RequestContext& ctx, const Services& s);
StatusOr<Response> ParkReportingStatus(RequestContext& ctx, const Services& s);
StatusOr<Response> GetReportRules(RequestContext& ctx, const Services& s);
StatusOr<Response> PutReportRules(RequestContext& ctx, const Services& s);
StatusOr<Response> EnterpriseBreakdown(RequestContext& ctx, const Services& s);
StatusOr<Response> EnterpriseMovement(RequestContext& ctx, const Services& s);
StatusOr<Response> ParkCultivation(RequestContext& ctx, const Services& s);
StatusOr<Response> AcceptPoolCandidate(RequestContext& ctx, const Services& s);
StatusOr<Response> ParkZombies(RequestContext& ctx, const Services& s);
StatusOr<Response> ApprovedTotals(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportReports(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportReports(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportEnterprises(RequestContext& ctx, const Services& s);

// Per-park configuration (enterprise_config_handlers.cc).
StatusOr<Response> GetParkReportFields(RequestContext& ctx, const Services& s);
StatusOr<Response> PutParkReportFields(RequestContext& ctx, const Services& s);
StatusOr<Response> GetReportSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> PutReportSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> GetPoolRules(RequestContext& ctx, const Services& s);
StatusOr<Response> PutPoolRules(RequestContext& ctx, const Services& s);
StatusOr<Response> GetLeadingGroupMapping(RequestContext& ctx, const Services& s);
StatusOr<Response> PutLeadingGroupMapping(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateZombieDisposal(RequestContext& ctx, const Services& s);
StatusOr<Response> GetZombieSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> PutZombieSettings(RequestContext& ctx, const Services& s);

// The GB/T 4754 table (enterprise_industry_handlers.cc; ListIndustries above lives there too).
StatusOr<Response> IndustryTableInfo(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportIndustryTable(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportIndustryTable(RequestContext& ctx, const Services& s);
StatusOr<Response> ResetIndustryTable(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
