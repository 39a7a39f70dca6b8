// Parcels, their GeoJSON import, the map, and 标准地 contracts.
#include <map>

#include "common/limits.h"
#include "domain/land/land_service.h"
#include "domain/org/org_service.h"
#include "http/handlers/land_handlers.h"
#include "http/handlers/land_json.h"
#include "io/xlsx_writer.h"
#include "domain/land/standard_land_calc.h"

namespace parkhq::http::handlers {

namespace lj = land_json;
using parkhq::land::LandService;

namespace {

StatusOr<int64_t> ParkParam(RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

std::optional<std::string> NonEmpty(const Request& req, const char* k) {
  auto v = req.Query(k);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

// Reads the parcel body (fields + optional geometry/crs) onto `r`; 422 with every problem.
Status ReadParcelBody(const json::object& body, land::ParcelRecord& r) {
  std::vector<FieldError> errs;
  lj::ApplyParcelFields(body, r, "", errs);
  auto crs = lj::ReadCrs(body.if_contains("crs"), "crs", errs);
  if (const json::value* g = body.if_contains("geometry")) lj::ApplyGeometry(*g, crs, r, "geometry", errs);
  else if (crs && r.geometry_json) {
    // The coordinate system changed without a new boundary: re-read the stored one.
    boost::system::error_code ec;
    json::value stored = json::parse(*r.geometry_json, ec);
    if (!ec) lj::ApplyGeometry(stored, crs, r, "geometry", errs);
  }
  if (!errs.empty()) return Status::Validation(errs.size() == 1 ? errs[0].message : "地块信息有误", errs);
  return Status::Ok();
}

// Parses the stored boundary so the service can validate and measure it again.
void ReparseStored(land::ParcelRecord& r) {
  if (!r.geometry_json || r.geometry) return;
  boost::system::error_code ec;
  json::value v = json::parse(*r.geometry_json, ec);
  if (ec) return;
  std::vector<FieldError> ignored;
  r.geometry = lj::ParseGeometry(v, r.crs, "geometry", ignored, nullptr);
}

}  // namespace

namespace {

// Filters shared by the list and its export (query parameters as in the list).
StatusOr<land::ParcelFilter> ReadParcelFilter(const Request& req) {
  land::ParcelFilter f;
  std::vector<FieldError> errs;
  const auto id = [&](const char* k, std::optional<int64_t>& out) {
    if (auto v = NonEmpty(req, k)) {
      try {
        out = std::stoll(*v);
      } catch (const std::exception&) {
        errs.push_back({k, "应为整数"});
      }
    }
  };
  id("sub_park_id", f.park_id);
  id("holder_enterprise_id", f.holder_enterprise_id);
  f.q = NonEmpty(req, "q").value_or("");
  f.land_use = NonEmpty(req, "land_use").value_or("");
  if (auto v = NonEmpty(req, "stage")) {
    f.stage = land::ParseStage(*v);
    if (!f.stage) errs.push_back({"stage", "未知的地块阶段"});
  }
  if (auto v = NonEmpty(req, "standard_status")) {
    for (auto st : {land::StandardStatus::kNone, land::StandardStatus::kPending, land::StandardStatus::kPassed,
                    land::StandardStatus::kFailed})
      if (*v == land::StandardStatusCode(st)) f.standard = st;
    if (!f.standard) errs.push_back({"standard_status", "应为 none、pending、passed 或 failed"});
  }
  if (auto v = NonEmpty(req, "kind")) {
    f.kind = land::ParseKind(*v);
    if (!f.kind) errs.push_back({"kind", "未知的低效用地类型"});
  }
  auto date = lj::QueryDate(req);
  if (!date.ok()) errs.push_back({"date", "日期格式应为 YYYY-MM-DD"});
  if (!errs.empty()) return Status::Validation("查询条件有误", errs);
  f.date = *date;
  return f;
}

std::string StageZh(land::ParcelStage s) { return land::StageNameZh(s); }
std::string StandardZh(land::StandardStatus s) {
  switch (s) {
    case land::StandardStatus::kNone: return "非标准地";
    case land::StandardStatus::kPending: return "待复核";
    case land::StandardStatus::kPassed: return "达标";
    case land::StandardStatus::kFailed: return "未达标";
  }
  return "";
}

}  // namespace

StatusOr<Response> ListParcels(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(land::ParcelFilter f, ReadParcelFilter(ctx.request));
  const bool all = NonEmpty(ctx.request, "all").value_or("") == "1";
  f.offset = all ? 0 : page.offset();
  f.limit = all ? 0 : page.page_size;
  PARKHQ_ASSIGN_OR_RETURN(auto result, s.land->ListParcels(ctx.caller(), park_id, f));
  json::array items;
  for (const auto& v : result.items) items.push_back(lj::ParcelJson(v, false));
  return Json(json::object{{"items", std::move(items)}, {"total", result.total}, {"total_area_mu", result.total_area_mu}});
}

// GET /parks/{park_id}/parcels/export?format=xlsx|csv (+ the list's filters): the whole list.
StatusOr<Response> ExportParcels(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(land::ParcelFilter f, ReadParcelFilter(ctx.request));
  const std::string format = NonEmpty(ctx.request, "format").value_or("xlsx");
  if (format != "xlsx" && format != "csv") return Status::Validation("导出格式有误", {{"format", "应为 xlsx 或 csv"}});
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto result, s.land->ListParcels(ctx.caller(), park_id, f));
  PARKHQ_ASSIGN_OR_RETURN(auto parks, s.org->ListParks(ctx.caller()));
  std::map<int64_t, std::string> names;
  for (const auto& p : parks) names[p.id] = p.name;
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "地块";
  sheet.title = names[park_id] + " 地块台账（" + f.date->ToString() + "）";
  sheet.columns = {Column{"地块编号", 18},           Column{"地块名称", 28},
                   Column{"所属园区", 20},           Column{"面积(亩)", 11, ColumnKind::kNumber},
                   Column{"用地性质", 12},           Column{"用地单位", 28},
                   Column{"阶段", 12},               Column{"标准地", 10},
                   Column{"低效类型", 20},           Column{"批准", 12, ColumnKind::kDate},
                   Column{"供地", 12, ColumnKind::kDate}, Column{"约定动工", 12, ColumnKind::kDate},
                   Column{"实际动工", 12, ColumnKind::kDate}, Column{"竣工", 12, ColumnKind::kDate},
                   Column{"投产", 12, ColumnKind::kDate}, Column{"容积率", 9, ColumnKind::kNumber},
                   Column{"建筑系数(%)", 11, ColumnKind::kNumber}, Column{"投资强度(万元/亩)", 14, ColumnKind::kNumber}};
  const auto date = [](const std::optional<Date>& d) { return d ? io::CellValue(d->ToString()) : io::CellValue(); };
  const auto num = [](const std::optional<double>& v, double k = 1) { return v ? io::CellValue(*v * k) : io::CellValue(); };
  bool demo = false;
  for (const auto& v : result.items) {
    const land::Parcel& p = v.record.parcel;
    demo = demo || v.record.is_demo;
    std::string kinds;
    for (auto k : v.kinds) kinds += (kinds.empty() ? "" : "、") + std::string(land::KindNameZh(k));
    sheet.rows.push_back({p.code, v.record.name, names[p.park_id], p.area_mu, p.land_use, v.record.holder_name,
                          StageZh(v.stage), StandardZh(v.standard), kinds, date(p.approved), date(p.supplied),
                          date(p.agreed_start), date(p.actual_start), date(p.completed), date(p.production),
                          num(land::FloorAreaRatio(p.floor_area_m2, p.AreaM2())),
                          num(land::BuildingCoverage(p.footprint_m2, p.AreaM2()), 100),
                          num(land::InvestmentIntensity(p.invested, p.area_mu))});
  }
  sheet.notes.push_back("合计 " + std::to_string(result.total) + " 块；面积单位：亩（1亩=666.67平方米）");
  if (demo) sheet.notes.push_back("含演示数据（DEMO）");
  Response r;
  const std::string filename = "地块台账-" + f.date->ToString() + "." + format;
  if (format == "csv") {
    r.body = io::WriteCsv(sheet);
    r.content_type = "text/csv; charset=utf-8";
  } else {
    PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sheet}));
    r.content_type = io::kXlsxContentType;
  }
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(filename));
  return r;
}

StatusOr<Response> CreateParcel(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  land::ParcelRecord r;
  PARKHQ_RETURN_IF_ERROR(ReadParcelBody(body, r));
  if (r.parcel.code.empty()) return Status::Validation("地块编号不能为空", {{"code", "必填"}});
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->CreateParcel(ctx.caller(), park_id, std::move(r)));
  return Json(lj::ParcelJson(v, true), 201);
}

StatusOr<Response> GetParcel(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("地块不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->GetParcel(ctx.caller(), *id));
  return Json(lj::ParcelJson(v, true));
}

StatusOr<Response> UpdateParcel(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("地块不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto current, s.land->GetParcel(ctx.caller(), *id));
  land::ParcelRecord r = std::move(current.record);
  ReparseStored(r);
  PARKHQ_RETURN_IF_ERROR(ReadParcelBody(body, r));
  std::string reason;
  if (const json::value* v = body.if_contains("reason"); v && v->is_string()) reason = std::string(v->as_string());
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->UpdateParcel(ctx.caller(), *id, std::move(r), reason));
  return Json(lj::ParcelJson(v, true));
}

StatusOr<Response> DeleteParcel(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("地块不存在");
  PARKHQ_RETURN_IF_ERROR(s.land->DeleteParcel(ctx.caller(), *id, NonEmpty(ctx.request, "reason").value_or("")));
  return NoContent();
}

// POST /parks/{park_id}/parcels/import: a GeoJSON FeatureCollection; each feature's properties are
// parcel fields (code required; an existing code updates that parcel). All or nothing.
StatusOr<Response> ImportParcels(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  std::vector<FieldError> errs;
  const json::value* type = body.if_contains("type");
  const json::value* features = body.if_contains("features");
  if (!type || !type->is_string() || type->as_string() != "FeatureCollection" || !features || !features->is_array())
    return Status::Validation("导入文件应为 GeoJSON FeatureCollection", {{"type", "应为 FeatureCollection，且含 features 数组"}});
  std::optional<land::CoordinateSystem> crs = lj::ReadCrs(body.if_contains("crs"), "crs", errs);
  if (auto q = NonEmpty(ctx.request, "crs")) {
    crs = land::ParseCrs(*q);
    if (!crs) errs.push_back({"crs", "坐标系应为 lonlat 或 projected"});
  }
  PARKHQ_ASSIGN_OR_RETURN(auto existing, s.land->ParcelsForImport(ctx.caller(), park_id));
  std::map<std::string, land::ParcelRecord*> by_code;
  for (auto& e : existing) by_code[e.parcel.code] = &e;
  PARKHQ_ASSIGN_OR_RETURN(auto parks, s.org->ListParks(ctx.caller()));
  std::vector<land::ParcelRecord> records;
  const auto& list = features->as_array();
  size_t request_points = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "features[" + std::to_string(i) + "].";
    land::ParcelRecord r;
    if (!list[i].is_object()) {
      errs.push_back({prefix.substr(0, prefix.size() - 1), "应为 GeoJSON Feature 对象"});
      records.push_back(std::move(r));
      continue;
    }
    const auto& feat = list[i].as_object();
    const json::value* props = feat.if_contains("properties");
    json::object p = props && props->is_object() ? props->as_object() : json::object{};
    std::string code;
    for (const char* k : {"code", "地块编号", "编号"})
      if (const json::value* c = p.if_contains(k); c && c->is_string()) code = std::string(c->as_string());
    if (code.empty()) errs.push_back({prefix + "properties.code", "缺少地块编号"});
    if (auto it = by_code.find(code); !code.empty() && it != by_code.end()) {
      r = *it->second;
      ReparseStored(r);
    } else {
      r.crs = crs.value_or(land::CoordinateSystem::kLonLat);
    }
    // A sub-park may be named instead of given by id.
    if (const json::value* sp = p.if_contains("sub_park"); sp && sp->is_string() && !sp->as_string().empty()) {
      const std::string want(sp->as_string());
      bool found = false;
      for (const auto& park : parks) {
        if (park.name == want || park.name == want + "（演示）") {
          r.parcel.park_id = park.id;
          found = true;
        }
      }
      if (!found) errs.push_back({prefix + "properties.sub_park", "未找到子园区：" + want});
      p.erase("sub_park");
    }
    lj::ApplyParcelFields(p, r, prefix + "properties.", errs);
    const json::value* g = feat.if_contains("geometry");
    if (!g || g->is_null()) errs.push_back({prefix + "geometry", "缺少地块边界"});
    else lj::ApplyGeometry(*g, crs, r, prefix + "geometry", errs);
    if (r.geometry) {
      for (const auto& poly : r.geometry->polygons)
        for (const auto& ring : poly.rings) request_points += ring.size();
      if (request_points > GetLimits().geojson_request_points)
        return Status(StatusCode::kPayloadTooLarge,
                      "导入文件的坐标点总数超过上限（" + std::to_string(GetLimits().geojson_request_points) + " 个）");
    }
    records.push_back(std::move(r));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto result, s.land->ImportParcels(ctx.caller(), park_id, std::move(records), std::move(errs)));
  json::array items;
  for (const auto& v : result.items) items.push_back(lj::ParcelJson(v, false));
  return Json(json::object{{"created", result.created}, {"updated", result.updated}, {"items", std::move(items)}});
}

// GET /parks/{park_id}/land-map?date=: a FeatureCollection of the parcels with a boundary.
StatusOr<Response> LandMap(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date date, lj::QueryDate(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto views, s.land->MapParcels(ctx.caller(), park_id, date));
  // One coordinate system per map: the parcels in the majority's; the others are counted as skipped
  // (a park whose boundaries mix lon/lat and projected metres needs them converted first).
  size_t lonlat = 0;
  for (const auto& v : views) lonlat += v.record.crs == land::CoordinateSystem::kLonLat ? 1 : 0;
  const auto crs = lonlat * 2 >= views.size() && lonlat > 0 ? land::CoordinateSystem::kLonLat
                                                             : land::CoordinateSystem::kProjectedMetres;
  json::array features;
  int64_t skipped = 0;
  for (const auto& v : views) {
    if (v.record.crs != crs) {
      ++skipped;
      continue;
    }
    json::object props = lj::ParcelJson(v, true);
    json::value geometry = props["geometry"];
    props.erase("geometry");
    features.push_back({{"type", "Feature"}, {"id", v.record.parcel.id}, {"properties", std::move(props)},
                        {"geometry", std::move(geometry)}});
  }
  return Json(json::object{{"type", "FeatureCollection"}, {"date", date.ToString()}, {"crs", land::CrsName(crs)},
                           {"skipped", skipped}, {"features", std::move(features)}});
}

// GET /parks/{park_id}/land-contracts?date=: every 标准地 contract of the park tree with its check.
StatusOr<Response> ListLandContracts(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date date, lj::QueryDate(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.land->ListContracts(ctx.caller(), park_id, date));
  json::array items;
  for (const auto& v : list) {
    json::object o = lj::ContractJson(v);
    o["parcel_code"] = v.parcel.code;
    o["area_mu"] = v.parcel.area_mu;
    items.push_back(std::move(o));
  }
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> GetLandContract(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("地块不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->GetContract(ctx.caller(), *id));
  return Json(lj::ContractJson(v));
}

// PUT /parcels/{id}/contract: {"contract_no","signed_on","agreed_start","agreed_completion",
// "agreed_production","production_check","checked_on","note","indicators":[{"code","agreed","actual"}]}
StatusOr<Response> PutLandContract(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("地块不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto current, s.land->GetParcel(ctx.caller(), *id));
  FieldReader f(body);
  land::ContractRecord c;
  c.contract_no = f.String("contract_no", false, 100).value_or("");
  c.note = f.String("note", false, 2000).value_or("");
  const auto date = [&](const char* k, std::optional<Date>& out) {
    if (auto d = f.DateString(k, false)) out = Date::Parse(*d);
  };
  date("signed_on", c.signed_on);
  date("production_check", c.production_check);
  date("checked_on", c.checked_on);
  land::Parcel deadlines = current.record.parcel;
  // Absent keys keep the parcel's agreed dates; null clears them.
  for (auto [key, slot] : {std::pair{"agreed_start", &deadlines.agreed_start},
                           std::pair{"agreed_completion", &deadlines.agreed_completion},
                           std::pair{"agreed_production", &deadlines.agreed_production}}) {
    if (!body.contains(key)) continue;
    slot->reset();
    date(key, *slot);
  }
  const json::value* list = f.Raw("indicators");
  if (!list || !list->is_array()) {
    f.AddError("indicators", "请填写约定控制指标（数组）");
  } else {
    const auto& a = list->as_array();
    for (size_t i = 0; i < a.size(); ++i) {
      const std::string pre = "indicators[" + std::to_string(i) + "].";
      if (!a[i].is_object()) {
        f.AddError(pre.substr(0, pre.size() - 1), "应为对象");
        continue;
      }
      FieldReader item(a[i].as_object(), pre);
      land::ContractIndicator ind;
      auto code = item.String("code", true, 50);
      auto agreed = item.Number("agreed", true);
      ind.actual = item.Number("actual", false);
      for (const auto& e : item.errors()) f.AddError(e.field, e.message);
      if (code) {
        auto parsed = evaluation::ParseIndicatorCode(*code);
        if (!parsed) f.AddError(pre + "code", "未知指标：" + *code);
        else ind.code = *parsed;
      }
      ind.agreed = agreed.value_or(0);
      c.indicators.push_back(ind);
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("标准地合同有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->PutContract(ctx.caller(), *id, std::move(c), deadlines));
  return Json(lj::ContractJson(v));
}

StatusOr<Response> DeleteLandContract(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("地块不存在");
  PARKHQ_RETURN_IF_ERROR(s.land->DeleteContract(ctx.caller(), *id));
  return NoContent();
}

}  // namespace parkhq::http::handlers
