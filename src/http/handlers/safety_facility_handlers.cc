// Shared facilities (公共设施): register, operating records, limit and permit warnings, export.
#include <algorithm>

#include "domain/safety/safety_service.h"
#include "http/handlers/safety_handlers.h"
#include "http/handlers/safety_json.h"

namespace parkhq::http::handlers {

namespace sj = safety_json;

namespace {

StatusOr<int64_t> FacilityId(const RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("设施不存在或无权访问");
  return *id;
}

// Reads a facility's fields; on PATCH absent fields keep `base`.
StatusOr<safety::Facility> ReadFacility(const Request& req, safety::Facility base, bool create) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(req));
  FieldReader f(body);
  if (auto v = f.String("name", create, 100)) base.name = *v;
  if (auto v = f.String("kind", create, 50)) base.kind = *v;
  if (auto v = f.String("operator", false, 100)) base.op = *v;
  if (auto v = f.String("unit", false, 20)) base.unit = *v;
  if (f.Raw("capacity")) base.capacity = f.Has("capacity") ? f.NonNegative("capacity", false, 1e9) : std::nullopt;
  if (f.Raw("discharge_limit"))
    base.discharge_limit = f.Has("discharge_limit") ? f.NonNegative("discharge_limit", false, 1e9) : std::nullopt;
  if (auto v = f.String("permit_no", false, 100)) base.permit_no = *v;
  if (f.Raw("permit_expiry")) {
    auto d = f.DateString("permit_expiry", false);
    base.permit_expiry = d ? Date::Parse(*d) : std::nullopt;
  }
  if (f.Has("warn_pct"))
    if (auto v = f.Number("warn_pct", false, 100)) base.warn_pct = *v;
  if (f.Has("permit_warn_days"))
    if (auto v = f.Int("permit_warn_days", false)) base.permit_warn_days = static_cast<int>(std::clamp<int64_t>(*v, -1, 100000));
  PARKHQ_RETURN_IF_ERROR(f.Finish("设施信息有误"));
  return base;
}

}  // namespace

StatusOr<Response> ListFacilities(RequestContext& ctx, const Services& s) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListFacilities(ctx.caller(), *park));
  json::array a;
  for (const auto& v : list) a.push_back(sj::FacilityJson(v));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

// POST /parks/{park_id}/facilities {"name","kind","operator"?,"unit"?,"capacity"?,"discharge_limit"?,
// "permit_no"?,"permit_expiry"?,"warn_pct"?,"permit_warn_days"?}
StatusOr<Response> CreateFacility(RequestContext& ctx, const Services& s) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  safety::Facility base;
  base.park_id = *park;
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadFacility(ctx.request, base, true));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.safety->SaveFacility(ctx.caller(), std::nullopt, in));
  return Json(sj::FacilityJson(v), 201);
}

StatusOr<Response> GetFacility(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, FacilityId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.safety->GetFacility(ctx.caller(), id));
  return Json(sj::FacilityJson(v));
}

StatusOr<Response> UpdateFacility(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, FacilityId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto old, s.safety->GetFacility(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadFacility(ctx.request, old.f, false));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.safety->SaveFacility(ctx.caller(), id, in));
  return Json(sj::FacilityJson(v));
}

StatusOr<Response> ListFacilityRecords(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, FacilityId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto f, s.safety->GetFacility(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListRecords(ctx.caller(), id));
  json::array a;
  for (const auto& r : list) a.push_back(sj::RecordJson(r, f.f));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

// POST /facilities/{id}/records {"recorded_on","load","discharge"?,"note"?}
StatusOr<Response> AddFacilityRecord(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, FacilityId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  safety::FacilityRecord r;
  auto on = f.DateString("recorded_on", true);
  auto load = f.NonNegative("load", true, 1e9);
  r.discharge = f.NonNegative("discharge", false, 1e9);
  r.note = f.String("note", false, 500).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("运行记录有误"));
  r.recorded_on = *Date::Parse(*on);
  r.load = *load;
  PARKHQ_ASSIGN_OR_RETURN(auto fac, s.safety->GetFacility(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, s.safety->AddRecord(ctx.caller(), id, r));
  return Json(sj::RecordJson(saved, fac.f), 201);
}

StatusOr<Response> FacilityWarnings(RequestContext& ctx, const Services& s) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->Warnings(ctx.caller(), *park));
  json::array a;
  for (const auto& w : list)
    a.push_back({{"facility_id", w.facility_id}, {"facility", w.facility}, {"kind", w.kind}, {"level", w.level},
                 {"message", w.message}});
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> ExportFacilityRecords(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, FacilityId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto f, s.safety->GetFacility(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListRecords(ctx.caller(), id));
  return sj::RecordsXlsx(f.f, list);
}

StatusOr<Response> ExportFacilities(RequestContext& ctx, const Services& s) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListFacilities(ctx.caller(), *park));
  return sj::FacilitiesXlsx(list);
}

}  // namespace parkhq::http::handlers
