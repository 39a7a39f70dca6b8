// Inspections and hidden hazards (隐患排查治理): record, rectify, re-check, escalate, statistics,
// photos and XLSX exports.
#include <map>

#include "domain/safety/safety_service.h"
#include "http/handlers/safety_handlers.h"
#include "http/handlers/safety_json.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

const RoleSet kSafetyReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
const RoleSet kHazardRectifiers = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise};

namespace sj = safety_json;

namespace {

StatusOr<int64_t> HazardId(const RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("隐患不存在或无权访问");
  return *id;
}

// The body as an object; an empty body reads as {}.
StatusOr<json::object> OptionalBody(const Request& r) {
  if (r.body.empty()) return json::object{};
  return ParseBody(r);
}

void ReadHazard(FieldReader& f, safety::HazardInput& in) {
  if (auto e = f.Int("enterprise_id", false)) in.enterprise_id = *e;
  if (auto x = f.Int("facility_id", false)) in.facility_id = *x;
  in.responsible = f.String("responsible", false, 100).value_or("");
  in.level = f.String("level", false, 20).value_or("");  // required: checked by the service with the rest
  in.category = f.String("category", false, 50).value_or("");
  in.description = f.String("description", false, 2000).value_or("");
  in.measures = f.String("measures", false, 2000).value_or("");
  in.deadline = f.DateString("deadline", true).value_or("");
  in.found_on = f.DateString("found_on", false).value_or("");
}

}  // namespace

// GET /inspections?park_id=
StatusOr<Response> ListInspections(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, sj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListInspections(ctx.caller(), park));
  json::array a;
  for (const auto& i : list) a.push_back(sj::InspectionJson(i));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

// The fields of an inspection (create and complete); hazards as an array of hazard objects.
static void ReadInspection(FieldReader& f, safety::InspectionInput& in, bool need_all) {
  in.inspected_on = f.DateString("inspected_on", true).value_or("");
  in.inspector = f.String("inspector", need_all, 100).value_or("");
  in.place = f.String("place", false, 200).value_or("");
  if (auto e = f.Int("enterprise_id", false)) in.enterprise_id = *e;
  if (auto x = f.Int("facility_id", false)) in.facility_id = *x;
  in.checklist = f.String("checklist", false, 200).value_or("");
  in.provider = f.String("provider", false, 200).value_or("");
  in.notes = f.String("notes", false, 5000).value_or("");
  if (const json::value* hs = f.Raw("hazards"); hs && !hs->is_null()) {
    if (!hs->is_array() || hs->as_array().size() > 50) {
      f.AddError("hazards", "应为隐患数组（最多 50 条）");
      return;
    }
    size_t k = 0;
    for (const auto& h : hs->as_array()) {
      const std::string prefix = "hazards[" + std::to_string(k++) + "].";
      if (!h.is_object()) {
        f.AddError(prefix.substr(0, prefix.size() - 1), "应为对象");
        continue;
      }
      FieldReader hf(h.as_object(), prefix);
      safety::HazardInput hi;
      ReadHazard(hf, hi);
      for (const auto& e : hf.errors()) f.AddError(e.field, e.message);
      in.hazards.push_back(std::move(hi));
    }
  }
}

// POST /inspections {"park_id","inspected_on","inspector","place"?,"enterprise_id"?,"facility_id"?,
// "checklist"?,"provider"?,"notes"?,"planned"?,"hazards":[{"level","description","deadline",...}]?}
StatusOr<Response> CreateInspection(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  safety::InspectionInput in;
  in.park_id = f.Int("park_id", true);
  in.planned = f.Bool("planned", false).value_or(false);
  ReadInspection(f, in, true);
  PARKHQ_RETURN_IF_ERROR(f.Finish("检查记录有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto i, s.safety->CreateInspection(ctx.caller(), in));
  return Json(sj::InspectionJson(i), 201);
}

// POST /inspections/{id}/complete {"inspected_on","inspector"?,…,"hazards"?}: a plan carried out.
StatusOr<Response> CompleteInspection(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("检查记录不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  safety::InspectionInput in;
  ReadInspection(f, in, false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("检查记录有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto i, s.safety->CompleteInspection(ctx.caller(), *id, in));
  return Json(sj::InspectionJson(i));
}

// GET /hazards?park_id=&state=&level=&enterprise_id=&overdue=1
StatusOr<Response> ListHazards(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, sj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListHazards(ctx.caller(), park));
  const auto& q = ctx.request;
  const std::string state = q.Query("state").value_or(""), level = q.Query("level").value_or("");
  const std::string ent = q.Query("enterprise_id").value_or("");
  const bool overdue = q.Query("overdue").value_or("") == "1";
  const Date today = Today();
  json::array a;
  for (const auto& h : list) {
    if (!state.empty() && state != safety::StateName(h.state)) continue;
    if (!level.empty() && level != safety::LevelName(h.level)) continue;
    if (!ent.empty() && (!h.enterprise_id || std::to_string(*h.enterprise_id) != ent)) continue;
    if (overdue && !safety::IsOverdue(h.state, h.deadline, today)) continue;
    a.push_back(sj::HazardJson(h, today));
  }
  const auto n = static_cast<int64_t>(a.size());
  return JsonList(std::move(a), n);
}

StatusOr<Response> CreateHazard(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  safety::HazardInput in;
  in.park_id = f.Int("park_id", true);
  ReadHazard(f, in);
  PARKHQ_RETURN_IF_ERROR(f.Finish("隐患信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto h, s.safety->CreateHazard(ctx.caller(), in));
  return Json(sj::HazardJson(h, Today()), 201);
}

StatusOr<Response> GetHazard(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, HazardId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto h, s.safety->GetHazard(ctx.caller(), id));
  return Json(sj::HazardJson(h, Today()));
}

// POST /hazards/{id}/rectify {"text"?}: the rectification done (整改情况).
StatusOr<Response> RectifyHazard(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, HazardId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, OptionalBody(ctx.request));
  FieldReader f(body);
  const std::string text = f.String("text", false, 5000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("整改情况有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto h, s.safety->Rectify(ctx.caller(), id, text));
  return Json(sj::HazardJson(h, Today()));
}

// POST /hazards/{id}/recheck {"result":"closed"|"reopened","comment"?,"deadline"?}
StatusOr<Response> RecheckHazard(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, HazardId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string result = f.String("result", true, 20).value_or("");
  const std::string comment = f.String("comment", false, 2000).value_or("");
  const std::string deadline = f.DateString("deadline", false).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("复查结果有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto h, s.safety->Recheck(ctx.caller(), id, result, comment, deadline));
  return Json(sj::HazardJson(h, Today()));
}

// POST /hazards/{id}/escalate {"units":[names],"deadline"?}: an overdue hazard becomes a 督办单.
StatusOr<Response> EscalateHazard(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, HazardId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  std::vector<std::string> units;
  if (const json::value* u = f.Raw("units"); u && u->is_array() && !u->as_array().empty() && u->as_array().size() <= 30) {
    for (const auto& x : u->as_array()) {
      if (!x.is_string() || x.as_string().empty() || x.as_string().size() > 100) {
        f.AddError("units", "应为单位名称的数组");
        break;
      }
      units.push_back(std::string(x.as_string()));
    }
  } else {
    f.AddError("units", "应为单位名称的数组（1 到 30 个）");
  }
  const std::string deadline = f.DateString("deadline", false).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("督办信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto h, s.safety->Escalate(ctx.caller(), id, units, deadline));
  return Json(sj::HazardJson(h, Today()));
}

// GET /parks/{park_id}/hazard-stats?year=2023
StatusOr<Response> HazardStats(RequestContext& ctx, const Services& s) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  int year = Today().year;
  if (auto y = ctx.request.Query("year")) {
    if (y->size() != 4 || y->find_first_not_of("0123456789") != std::string::npos)
      return Status::FieldInvalid("year", "应为四位年份");
    year = std::stoi(*y);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto st, s.safety->Stats(ctx.caller(), *park, year));
  return Json(sj::StatsJson(st, *park, year));
}

StatusOr<Response> ExportHazards(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, sj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListHazards(ctx.caller(), park));
  return sj::HazardsXlsx(list, Today());
}

StatusOr<Response> ExportInspections(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, sj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListInspections(ctx.caller(), park));
  return sj::InspectionsXlsx(list);
}

// POST /hazards/{id}/photos?filename=…: the photo as the raw body (png, jpg; at most 10 MiB).
StatusOr<Response> AddHazardPhoto(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, HazardId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto f, s.safety->AddPhoto(ctx.caller(), id, ctx.request.Query("filename").value_or(""),
                                                     ctx.request.body));
  return Json(sj::PhotoJson(f), 201);
}

StatusOr<Response> ListHazardPhotos(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, HazardId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.safety->ListPhotos(ctx.caller(), id));
  json::array a;
  for (const auto& x : list) a.push_back(sj::PhotoJson(x));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> DownloadHazardPhoto(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("照片不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto got, s.safety->DownloadPhoto(ctx.caller(), *id));
  Response r;
  r.content_type = got.first.content_type;
  r.body = std::move(got.second);
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(got.first.filename));
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

}  // namespace parkhq::http::handlers
