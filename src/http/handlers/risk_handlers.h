// Handlers of enterprise risk profiles, emergency resources and energy/emission accounts
// (issue 14 items 3-5). Each list has an .xlsx twin built from the same service call.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::risk {
class RiskService;
}

namespace parkhq::http::handlers {

StatusOr<Response> ListRiskItems(RequestContext& ctx, const Services& s);
StatusOr<Response> RiskItemsXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateRiskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateRiskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteRiskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> ListRiskProfiles(RequestContext& ctx, const Services& s);
StatusOr<Response> RiskProfilesXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> SubmitRiskProfile(RequestContext& ctx, const Services& s);
StatusOr<Response> ReviewRiskProfile(RequestContext& ctx, const Services& s);
StatusOr<Response> ListRiskVetoes(RequestContext& ctx, const Services& s);
StatusOr<Response> ApplyRiskVetoes(RequestContext& ctx, const Services& s);

StatusOr<Response> EnergyFactors(RequestContext& ctx, const Services& s);
StatusOr<Response> ListEnergyAccounts(RequestContext& ctx, const Services& s);
StatusOr<Response> EnergyAccountsXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> PutEnergyAccount(RequestContext& ctx, const Services& s);
StatusOr<Response> EnergySummary(RequestContext& ctx, const Services& s);
StatusOr<Response> PutEnergyTargets(RequestContext& ctx, const Services& s);
StatusOr<Response> ListRetrofits(RequestContext& ctx, const Services& s);
StatusOr<Response> RetrofitsXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateRetrofit(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateRetrofit(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
