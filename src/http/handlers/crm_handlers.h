// Handlers of the investor CRM (客商信息库) and the industry-chain map (产业链图谱), issue 4.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> ListInvestors(RequestContext& ctx, const Services& s);
StatusOr<Response> GetInvestor(RequestContext& ctx, const Services& s);
StatusOr<Response> SaveInvestor(RequestContext& ctx, const Services& s);  // POST (create) and PATCH
StatusOr<Response> AddInvestorContact(RequestContext& ctx, const Services& s);
StatusOr<Response> ListLeads(RequestContext& ctx, const Services& s);
StatusOr<Response> GetLead(RequestContext& ctx, const Services& s);
StatusOr<Response> SaveLead(RequestContext& ctx, const Services& s);  // POST (create) and PATCH
StatusOr<Response> MoveLead(RequestContext& ctx, const Services& s);
StatusOr<Response> AddLeadFollowUp(RequestContext& ctx, const Services& s);
StatusOr<Response> GetLeadReminders(RequestContext& ctx, const Services& s);
StatusOr<Response> GetChainMap(RequestContext& ctx, const Services& s);
StatusOr<Response> SaveChain(RequestContext& ctx, const Services& s);      // POST park chains, PATCH chain
StatusOr<Response> SaveChainLink(RequestContext& ctx, const Services& s);  // POST chain links, PATCH link
StatusOr<Response> DeleteChainLink(RequestContext& ctx, const Services& s);
StatusOr<Response> ListLinkEnterprises(RequestContext& ctx, const Services& s);
StatusOr<Response> AttachLinkEnterprise(RequestContext& ctx, const Services& s);
StatusOr<Response> DetachLinkEnterprise(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
