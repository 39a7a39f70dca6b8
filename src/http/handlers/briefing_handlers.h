// Handlers of briefings, notifications and scheduled jobs (issue 12).
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

extern const RoleSet kBriefingReaders;  // sysadmin, park admin, department, leader

StatusOr<Response> CreateBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> ListBriefings(RequestContext& ctx, const Services& s);
StatusOr<Response> GetBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> EditBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> RefreshBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> ApproveBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> IssueBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> ReopenBriefing(RequestContext& ctx, const Services& s);
StatusOr<Response> BriefingDocx(RequestContext& ctx, const Services& s);
StatusOr<Response> BriefingHtml(RequestContext& ctx, const Services& s);

StatusOr<Response> ListNotifications(RequestContext& ctx, const Services& s);
StatusOr<Response> ReadNotification(RequestContext& ctx, const Services& s);
StatusOr<Response> ReadAllNotifications(RequestContext& ctx, const Services& s);
StatusOr<Response> RemindLateReporters(RequestContext& ctx, const Services& s);

StatusOr<Response> ListJobs(RequestContext& ctx, const Services& s);
StatusOr<Response> RunJob(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
