#include "domain/org/org_service.h"
#include "http/handlers/core_handlers.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {

namespace {
json::object ParkJson(const Park& p) {
  return {{"id", p.id}, {"name", p.name}, {"region_id", p.region_id}, {"parent_id", OptJson(p.parent_id)},
          {"is_demo", p.is_demo}};
}
json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::string(s));
  return a;
}
}  // namespace

StatusOr<Response> ListRegions(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto regions, s.org->ListRegions(ctx.caller()));
  json::array items;
  for (const auto& r : regions)
    items.push_back({{"id", r.id}, {"name", r.name}, {"parent_id", OptJson(r.parent_id)}, {"level", r.level}});
  return JsonList(std::move(items), static_cast<int64_t>(regions.size()));
}

StatusOr<Response> ListParks(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, s.org->ListParks(ctx.caller()));
  json::array items;
  for (const auto& p : parks) items.push_back(ParkJson(p));
  return JsonList(std::move(items), static_cast<int64_t>(parks.size()));
}

StatusOr<Response> CreatePark(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  NewPark in;
  in.name = f.String("name", true, 100).value_or("");
  in.region_id = f.Int("region_id", false);
  in.parent_id = f.Int("parent_id", false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("园区信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto p, s.org->CreatePark(ctx.caller(), in));
  return Json(ParkJson(p), 201);
}

StatusOr<Response> ListUnits(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto units, s.org->ListUnits(ctx.caller()));
  json::array items;
  for (const auto& u : units)
    items.push_back({{"id", u.id}, {"name", u.name}, {"kind", u.kind}, {"region_id", u.region_id}});
  return JsonList(std::move(items), static_cast<int64_t>(units.size()));
}

StatusOr<Response> ListTasks(RequestContext& ctx, const Services& s) {
  std::optional<int64_t> park_id;
  if (auto q = ctx.request.Query("park_id"); q && !q->empty()) {
    try {
      park_id = std::stoll(*q);
    } catch (const std::exception&) {
      return Status::Validation("参数有误", {{"park_id", "应为整数"}});
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(auto tasks, s.org->ListTasks(ctx.caller(), park_id));
  json::array items;
  for (const auto& t : tasks)
    items.push_back({{"id", t.id}, {"park_id", t.park_id}, {"no", t.no}, {"group", t.group}, {"title", t.title},
                     {"lead_units", Strings(t.lead_units)}, {"responsible_units", Strings(t.responsible_units)},
                     {"note", t.note}});
  return JsonList(std::move(items), static_cast<int64_t>(tasks.size()));
}

}  // namespace parkhq::http::handlers
