// A park's project rates, lights, warnings and pipeline analytics at a date.
#include "domain/project/project_service.h"
#include "http/handlers/project_handlers.h"
#include "http/handlers/project_json.h"
#include "http/handlers/project_module.h"

namespace parkhq::http::handlers {
namespace {

const project::ProjectService& Svc(const Services& s) { return *s.projects->projects; }

json::array Ids(const std::vector<int64_t>& v) {
  json::array a;
  for (int64_t id : v) a.push_back(id);
  return a;
}

json::value OptPcts(const std::optional<double>& v) { return RoundOpt(v, 2); }

StatusOr<int64_t> ParkId(const RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在或无权访问");
  return *id;
}

}  // namespace

namespace {
json::object RatesJson(const project::ParkRates& r) {
  json::array rates;
  for (const auto& x : r.rates) {
    const bool money = x.code == project::RateCode::kFaiCompletion || x.code == project::RateCode::kFundsInPlace;
    rates.push_back({{"code", project::RateCodeName(x.code)},
                     {"name", project::RateNameZh(x.code)},
                     {"unit", money ? "万元" : "个"},
                     {"value_pct", OptPcts(x.value_pct)},
                     {"numerator", Round(x.numerator, 4)},
                     {"denominator", Round(x.denominator, 4)},
                     {"project_ids", {{"numerator", Ids(x.numerator_ids)}, {"denominator", Ids(x.denominator_ids)}}}});
  }
  return {{"date", r.date.ToString()}, {"rates", std::move(rates)}};
}
}  // namespace

StatusOr<Response> GetProjectRates(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, Svc(s).Rates(ctx.caller(), park_id, d));
  json::object o = RatesJson(r);
  o["park_id"] = park_id;
  return Json(o);
}

StatusOr<Response> GetRegionProjectRates(RequestContext& ctx, const Services& s) {
  auto region_id = ctx.IdParam("region_id");
  if (!region_id) return Status::NotFound("地区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, Svc(s).RegionRates(ctx.caller(), *region_id, d));
  json::object o = RatesJson(r);
  o["region_id"] = *region_id;
  return Json(o);
}

StatusOr<Response> GetProjectSettings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto l, Svc(s).GetLightSettings(ctx.caller(), park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto st, Svc(s).GetStuckSettings(ctx.caller(), park_id));
  json::object limits;
  for (project::Stage x : project::kAllStages)
    if (x != project::Stage::kProduction) limits[project::StageCode(x)] = st.limit_days[project::StageIndex(x)];
  return Json({{"start_red_after_months", l.start_red_after_months},
               {"progress_yellow_points", l.progress_yellow_points},
               {"progress_red_points", l.progress_red_points},
               {"limit_days", std::move(limits)}});
}

StatusOr<Response> PutProjectSettings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto l, Svc(s).GetLightSettings(ctx.caller(), park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto st, Svc(s).GetStuckSettings(ctx.caller(), park_id));
  FieldReader f(body);
  if (auto v = f.Int("start_red_after_months", false)) l.start_red_after_months = static_cast<int>(*v);
  if (auto v = f.Number("progress_yellow_points", false)) l.progress_yellow_points = *v;
  if (auto v = f.Number("progress_red_points", false)) l.progress_red_points = *v;
  if (const auto* lim = body.if_contains("limit_days"); lim && lim->is_object()) {
    FieldReader sub(lim->as_object(), "limit_days.");
    for (project::Stage x : project::kAllStages)
      if (x != project::Stage::kProduction)
        if (auto v = sub.Int(project::StageCode(x), false)) st.limit_days[project::StageIndex(x)] = static_cast<int>(*v);
    for (const auto& e : sub.errors()) f.AddError(e.field, e.message);
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("阈值设置有误"));
  PARKHQ_RETURN_IF_ERROR(Svc(s).SaveSettings(ctx.caller(), park_id, l, st));
  return GetProjectSettings(ctx, s);
}

StatusOr<Response> GetProjectLights(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  PARKHQ_ASSIGN_OR_RETURN(auto lights, Svc(s).Lights(ctx.caller(), park_id, d));
  json::array items;
  std::map<std::string, int> start_counts, progress_counts;
  for (const auto& l : lights) {
    items.push_back(LightsJson(l));
    ++start_counts[project::LightCode(l.start.light)];
    ++progress_counts[project::LightCode(l.progress.light)];
  }
  auto counts = [](const std::map<std::string, int>& m) {
    json::object o;
    for (const char* k : {"green", "yellow", "red", "none"}) {
      auto it = m.find(k);
      o[k] = it == m.end() ? 0 : it->second;
    }
    return o;
  };
  PARKHQ_ASSIGN_OR_RETURN(auto st, Svc(s).GetLightSettings(ctx.caller(), park_id));
  return Json({{"date", d.ToString()},
               {"settings",
                {{"start_red_after_months", st.start_red_after_months},
                 {"progress_yellow_points", st.progress_yellow_points},
                 {"progress_red_points", st.progress_red_points}}},
               {"counts", {{"start", counts(start_counts)}, {"progress", counts(progress_counts)}}},
               {"items", std::move(items)},
               {"total", static_cast<int64_t>(lights.size())}});
}

StatusOr<Response> GetProjectWarnings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  PARKHQ_ASSIGN_OR_RETURN(auto warnings, Svc(s).Warnings(ctx.caller(), park_id, d));
  json::array items;
  for (const auto& w : warnings)
    items.push_back({{"project_id", w.project_id},
                     {"project_name", w.project_name},
                     {"kind", w.kind},
                     {"message", w.message},
                     {"due", DateJson(w.due)}});
  return JsonList(std::move(items), static_cast<int64_t>(warnings.size()));
}

StatusOr<Response> GetProjectAnalytics(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  PARKHQ_ASSIGN_OR_RETURN(auto a, Svc(s).Analytics(ctx.caller(), park_id, d));
  json::array cohorts, durations, stuck;
  for (const auto& c : a.cohorts) {
    json::array reached, step, from;
    for (int v : c.reached) reached.push_back(v);
    for (const auto& v : c.step_pct) step.push_back(OptPcts(v));
    for (const auto& v : c.from_signed_pct) from.push_back(OptPcts(v));
    cohorts.push_back({{"year", c.year},
                       {"reached", std::move(reached)},
                       {"terminated", c.terminated},
                       {"step_pct", std::move(step)},
                       {"from_signed_pct", std::move(from)},
                       {"project_ids", Ids(c.project_ids)}});
  }
  for (const auto& x : a.durations)
    durations.push_back({{"stage", project::StageCode(x.stage)},
                         {"count", x.count},
                         {"median_days", RoundOpt(x.median_days, 1)},
                         {"project_ids", Ids(x.project_ids)}});
  for (const auto& x : a.stuck)
    stuck.push_back({{"project_id", x.project_id},
                     {"stage", project::StageCode(x.stage)},
                     {"since", x.since.ToString()},
                     {"days_in_stage", x.days_in_stage},
                     {"limit_days", x.limit_days},
                     {"suspended", x.suspended}});
  const auto& b = a.batches;
  return Json({{"date", d.ToString()},
               {"stages", {"signed", "landed", "started", "completed", "production"}},
               {"cohorts", std::move(cohorts)},
               {"durations", std::move(durations)},
               {"stuck", std::move(stuck)},
               {"batches",
                {{"year", b.year},
                 {"reserved", Ids(b.reserved)},
                 {"in_reserve", Ids(b.in_reserve)},
                 {"started", Ids(b.started)},
                 {"under_construction", Ids(b.under_construction)}}}});
}

}  // namespace parkhq::http::handlers
