// Handlers of economic-operation monitoring (issue 3): the indicator catalog, targets, monthly
// values and their workflow, the computed monitoring table (JSON and XLSX), dashboards and settings.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

// Who may read monitoring figures: every role but enterprise users.
extern const RoleSet kMonitoringReaders;

StatusOr<Response> ListIndicators(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateIndicator(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateIndicator(RequestContext& ctx, const Services& s);

StatusOr<Response> GetTargets(RequestContext& ctx, const Services& s);
StatusOr<Response> PutTargets(RequestContext& ctx, const Services& s);

StatusOr<Response> GetIndicatorValues(RequestContext& ctx, const Services& s);
StatusOr<Response> PutIndicatorValues(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportIndicatorValues(RequestContext& ctx, const Services& s);
StatusOr<Response> IndicatorValueHistory(RequestContext& ctx, const Services& s);
StatusOr<Response> SubmitMonth(RequestContext& ctx, const Services& s);
StatusOr<Response> ApproveMonth(RequestContext& ctx, const Services& s);
StatusOr<Response> ReturnMonth(RequestContext& ctx, const Services& s);
StatusOr<Response> UnlockMonth(RequestContext& ctx, const Services& s);

StatusOr<Response> LatestPeriod(RequestContext& ctx, const Services& s);
StatusOr<Response> ParkMonitoring(RequestContext& ctx, const Services& s);
StatusOr<Response> ParkMonitoringXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> ParkDashboard(RequestContext& ctx, const Services& s);
StatusOr<Response> RegionMonitoring(RequestContext& ctx, const Services& s);
StatusOr<Response> RegionMonitoringXlsx(RequestContext& ctx, const Services& s);
StatusOr<Response> RegionDashboard(RequestContext& ctx, const Services& s);

StatusOr<Response> GetMonitoringSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> PutMonitoringSettings(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
