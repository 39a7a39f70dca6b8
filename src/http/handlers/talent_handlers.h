// Handlers of the talent-demand database and rewards (issue 13 items 3 and 4; docs/talent.md).
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

extern const RoleSet kTalentReaders;  // sysadmin, park admin, department, leader
extern const RoleSet kTalentWriters;  // sysadmin, park admin, department, enterprise

StatusOr<Response> ListTalentPosts(RequestContext& ctx, const Services& s);
StatusOr<Response> TalentPostsXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateTalentPost(RequestContext& ctx, const Services& s);
StatusOr<Response> GetTalentPost(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateTalentPost(RequestContext& ctx, const Services& s);
StatusOr<Response> TalentDemand(RequestContext& ctx, const Services& s);
StatusOr<Response> ListTalentCandidates(RequestContext& ctx, const Services& s);
StatusOr<Response> TalentCandidatesXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateTalentCandidate(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateTalentCandidate(RequestContext& ctx, const Services& s);
StatusOr<Response> ListTalentMatches(RequestContext& ctx, const Services& s);
StatusOr<Response> TalentMatchesXlsx(RequestContext& ctx, const Services& s);

StatusOr<Response> ListRewardTypes(RequestContext& ctx, const Services& s);
StatusOr<Response> RewardTypesXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateRewardType(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateRewardType(RequestContext& ctx, const Services& s);
StatusOr<Response> ListRewardApplications(RequestContext& ctx, const Services& s);
StatusOr<Response> RewardApplicationsXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateRewardApplication(RequestContext& ctx, const Services& s);
StatusOr<Response> GetRewardApplication(RequestContext& ctx, const Services& s);
StatusOr<Response> ReviewRewardApplication(RequestContext& ctx, const Services& s);
StatusOr<Response> ListRewardFiles(RequestContext& ctx, const Services& s);
StatusOr<Response> AddRewardFile(RequestContext& ctx, const Services& s);
StatusOr<Response> DownloadRewardFile(RequestContext& ctx, const Services& s);
StatusOr<Response> RewardYear(RequestContext& ctx, const Services& s);
StatusOr<Response> RewardYearXlsx(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
