// Handlers of the gates-and-money module (issue 15): project admission review (项目准入评审),
// policies matched to enterprises (惠企政策) and their applications. Each parses and checks
// input, calls the service and renders JSON. docs/gates.md.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

// POST /projects/{id}/admission {"decision","reasons","scores",...} → 200 {"current",..,"items"}.
StatusOr<Response> PostProjectAdmission(RequestContext& ctx, const Services& s);
// GET /projects/{id}/admission → {"current": decision or null, "items": [history]}.
StatusOr<Response> GetProjectAdmission(RequestContext& ctx, const Services& s);
// GET /parks/{park_id}/admissions: the park's projects with their current decision; /export as XLSX.
StatusOr<Response> ListParkAdmissions(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportParkAdmissions(RequestContext& ctx, const Services& s);

// 惠企政策: GET/POST /policies (?park_id=), GET/PATCH /policies/{id}, GET /policies/{id}/matches
// {"items":[{"enterprise_id","enterprise_name","reasons":[..]}]}, POST /policies/{id}/notify,
// GET /policies/export (XLSX).
StatusOr<Response> ListPolicies(RequestContext& ctx, const Services& s);
StatusOr<Response> CreatePolicy(RequestContext& ctx, const Services& s);
StatusOr<Response> GetPolicy(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdatePolicy(RequestContext& ctx, const Services& s);
StatusOr<Response> GetPolicyMatches(RequestContext& ctx, const Services& s);
StatusOr<Response> NotifyPolicyMatches(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportPolicies(RequestContext& ctx, const Services& s);
// Applications and 兑现: GET /policy-applications (?park_id=&policy_id=), POST
// /policies/{id}/applications, PATCH /policy-applications/{id}, GET /policy-applications/export,
// GET /parks/{park_id}/policy-sums.
StatusOr<Response> ListPolicyApplications(RequestContext& ctx, const Services& s);
StatusOr<Response> CreatePolicyApplication(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdatePolicyApplication(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportPolicyApplications(RequestContext& ctx, const Services& s);
StatusOr<Response> GetPolicySums(RequestContext& ctx, const Services& s);

// 用地计划单列: GET/PUT /parks/{park_id}/land-quotas/{year}, POST .../allocations (409 beyond the
// remainder without a park admin's exception), GET .../export (XLSX).
StatusOr<Response> GetLandQuota(RequestContext& ctx, const Services& s);
StatusOr<Response> PutLandQuota(RequestContext& ctx, const Services& s);
StatusOr<Response> AddLandAllocation(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportLandQuota(RequestContext& ctx, const Services& s);
// 承接事项清单: GET/POST /parks/{park_id}/delegated-powers, PATCH /delegated-powers/{id} (with a
// reason; logged), GET/PUT /delegated-powers/{id}/counts (办件量 by month), GET
// /parks/{park_id}/delegated-powers/log, GET /parks/{park_id}/delegated-powers/export (XLSX).
StatusOr<Response> ListDelegatedPowers(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateDelegatedPower(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateDelegatedPower(RequestContext& ctx, const Services& s);
StatusOr<Response> ListDelegatedPowerCounts(RequestContext& ctx, const Services& s);
StatusOr<Response> PutDelegatedPowerCount(RequestContext& ctx, const Services& s);
StatusOr<Response> ListDelegatedPowerLog(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportDelegatedPowers(RequestContext& ctx, const Services& s);
// 资金来源: GET/PUT /projects/{id}/funding (?year=), GET /parks/{park_id}/funding-totals (?year=),
// GET /parks/{park_id}/bond-projects (?year=) and its /export (XLSX).
StatusOr<Response> GetProjectFunding(RequestContext& ctx, const Services& s);
StatusOr<Response> PutProjectFunding(RequestContext& ctx, const Services& s);
StatusOr<Response> GetParkFundingTotals(RequestContext& ctx, const Services& s);
StatusOr<Response> GetParkBondProjects(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportParkBondProjects(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
