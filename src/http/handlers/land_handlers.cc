// The five kinds of inefficient land, the park's rule settings, disposal records.
#include "http/handlers/land_handlers.h"

#include <algorithm>
#include <map>

#include "domain/land/land_service.h"
#include "domain/org/org_service.h"
#include "http/handlers/land_json.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

namespace lj = land_json;

namespace {

StatusOr<int64_t> ParkParam(RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

// Reads a disposal body onto `d` (members absent keep their value).
Status ReadDisposal(const json::object& body, land::Disposal& d, bool create) {
  FieldReader f(body);
  if (create) d.parcel_id = f.Int("parcel_id", true).value_or(0);
  const auto text = [&](const char* k, std::string& out, bool required, size_t max) {
    if (!f.Has(k) && !required) return;
    if (auto v = f.String(k, required, max)) out = *v;
  };
  text("kind", d.kind, create, 40);
  text("method", d.method, create, 40);
  text("unit", d.unit, false, 200);
  text("status", d.status, false, 40);
  text("note", d.note, false, 2000);
  for (auto [key, slot] : {std::pair{"deadline", &d.deadline}, std::pair{"completed_on", &d.completed_on}}) {
    if (!body.contains(key)) continue;
    slot->reset();
    if (auto v = f.DateString(key, false)) *slot = Date::Parse(*v);
  }
  if (f.Has("audited")) d.audited = f.Bool("audited", false).value_or(false);
  return f.Finish("处置记录有误");
}

}  // namespace

// GET /parks/{park_id}/inefficient-land?date=YYYY-MM-DD[&kind=…] (the Contract endpoint of issue 6).
StatusOr<Response> InefficientLand(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date date, lj::QueryDate(ctx.request));
  std::optional<land::InefficiencyKind> kind;
  if (auto k = ctx.request.Query("kind"); k && !k->empty()) {
    kind = land::ParseKind(*k);
    if (!kind) return Status::Validation("查询条件有误", {{"kind", "未知的低效用地类型"}});
  }
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->InefficientLand(ctx.caller(), park_id, date, kind));
  std::map<int64_t, const land::ParcelRecord*> parcels;
  for (const auto& p : v.parcels) parcels[p.parcel.id] = &p;
  std::map<int64_t, json::array> disposals;
  for (const auto& d : v.disposals) disposals[d.parcel_id].push_back(lj::DisposalJson(d));
  json::array items;
  for (const auto& f : v.report.items) {
    json::object o = lj::FindingJson(f);
    if (auto it = parcels.find(f.parcel_id); it != parcels.end()) {
      o["parcel_name"] = it->second->name;
      o["park_id"] = it->second->parcel.park_id;
      o["holder_name"] = it->second->holder_name;
      o["holder_enterprise_id"] = OptJson(it->second->parcel.holder_enterprise_id);
    }
    json::array mine;
    if (auto it = disposals.find(f.parcel_id); it != disposals.end())
      for (const auto& d : it->second)
        if (d.as_object().at("kind") == json::value(land::KindCode(f.kind))) mine.push_back(d);
    o["disposals"] = std::move(mine);
    items.push_back(std::move(o));
  }
  json::array gaps;
  for (const auto& g : v.report.gaps) {
    auto it = parcels.find(g.parcel_id);
    gaps.push_back({{"parcel_id", g.parcel_id},
                    {"parcel_code", it == parcels.end() ? "" : it->second->parcel.code},
                    {"rule", g.rule},
                    {"message", g.message}});
  }
  return Json(json::object{{"park_id", park_id},
                           {"date", date.ToString()},
                           {"items", std::move(items)},
                           {"total", static_cast<int64_t>(v.report.items.size())},
                           {"totals_mu", lj::TotalsJson(v.report.totals_mu)},
                           {"total_distinct_mu", v.report.total_distinct_mu},
                           {"gaps", std::move(gaps)},
                           {"rules", lj::RulesJson(v.rules)}});
}

// GET /parks/{park_id}/inefficient-land/export?date=&format=xlsx|csv: the items (with reasons and
// disposal records) and, in XLSX, a sheet of the totals by kind.
StatusOr<Response> ExportInefficientLand(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Date date, lj::QueryDate(ctx.request));
  const std::string format = ctx.request.Query("format").value_or("xlsx");
  if (format != "xlsx" && format != "csv") return Status::Validation("导出格式有误", {{"format", "应为 xlsx 或 csv"}});
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.land->InefficientLand(ctx.caller(), park_id, date, std::nullopt));
  PARKHQ_ASSIGN_OR_RETURN(auto parks, s.org->ListParks(ctx.caller()));
  std::map<int64_t, std::string> names;
  for (const auto& p : parks) names[p.id] = p.name;
  std::map<int64_t, const land::ParcelRecord*> parcels;
  for (const auto& p : v.parcels) parcels[p.parcel.id] = &p;
  static const std::map<std::string, std::string> kMethod = {
      {"reclaim", "收回"}, {"transfer", "转让"}, {"joint_development", "合作开发"},
      {"rectify", "整改"}, {"idle_fee", "征缴闲置费"}, {"other", "其他"}};
  static const std::map<std::string, std::string> kStatus = {
      {"planned", "计划"}, {"in_progress", "推进中"}, {"completed", "已完成"}, {"cancelled", "已撤销"}};
  using io::Column;
  using io::ColumnKind;
  io::Sheet items;
  items.name = "低效用地明细";
  items.title = names[park_id] + " 低效用地（认定日期 " + date.ToString() + "）";
  items.columns = {Column{"类型", 12},     Column{"地块编号", 18}, Column{"地块名称", 26},
                   Column{"所属园区", 20}, Column{"用地单位", 26}, Column{"面积(亩)", 11, ColumnKind::kNumber},
                   Column{"认定依据", 60}, Column{"处置记录", 50}};
  bool demo = false;
  for (const auto& f : v.report.items) {
    const land::ParcelRecord* p = parcels.count(f.parcel_id) ? parcels[f.parcel_id] : nullptr;
    demo = demo || (p && p->is_demo);
    std::string reasons, disposals;
    for (const auto& r : f.reasons) reasons += (reasons.empty() ? "" : "；") + r;
    for (const auto& d : v.disposals) {
      if (d.parcel_id != f.parcel_id || d.kind != land::KindCode(f.kind)) continue;
      disposals += (disposals.empty() ? "" : "；") + kMethod.at(d.method) + "/" + d.unit + "/" +
                   (d.deadline ? d.deadline->ToString() : "") + "/" + kStatus.at(d.status);
    }
    items.rows.push_back({std::string(land::KindNameZh(f.kind)), f.parcel_code, p ? p->name : "",
                          p ? names[p->parcel.park_id] : "", p ? p->holder_name : "", f.area_mu, reasons, disposals});
  }
  if (demo) items.notes.push_back("含演示数据（DEMO）");
  Response r;
  const std::string filename = "低效用地-" + date.ToString() + "." + format;
  if (format == "csv") {
    r.body = io::WriteCsv(items);
    r.content_type = "text/csv; charset=utf-8";
  } else {
    io::Sheet totals;
    totals.name = "按类型汇总";
    totals.title = "五类低效用地面积（亩）";
    totals.columns = {Column{"类型", 14}, Column{"面积(亩)", 12, ColumnKind::kNumber}};
    for (size_t i = 0; i < land::kInefficiencyKindCount; ++i)
      totals.rows.push_back({std::string(land::KindNameZh(static_cast<land::InefficiencyKind>(i))), v.report.totals_mu[i]});
    totals.rows.push_back({std::string("涉及地块(去重)"), v.report.total_distinct_mu});
    PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({totals, items}));
    r.content_type = io::kXlsxContentType;
  }
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(filename));
  return r;
}

StatusOr<Response> GetInefficiencyRules(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.land->GetRules(ctx.caller(), park_id));
  return Json(lj::RulesJson(r));
}

// PUT /parks/{park_id}/inefficiency-rules: every member optional; absent members keep their value.
StatusOr<Response> PutInefficiencyRules(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(land::InefficiencyRules r, s.land->GetRules(ctx.caller(), park_id));
  FieldReader f(body);
  const auto years = [&](const char* k, int& out) {
    if (auto v = f.Int(k, false)) out = static_cast<int>(std::clamp<int64_t>(*v, -1, 1000));
  };
  const auto share = [&](const char* k, double& out) {
    if (auto v = f.Number(k, false)) out = *v;
  };
  const auto opt_share = [&](const char* k, std::optional<double>& out) {
    if (!body.contains(k)) return;
    out = f.Number(k, false);
  };
  years("approved_not_supplied_years", r.approved_not_supplied_years);
  years("idle_years_after_agreed_start", r.idle_years_after_agreed_start);
  years("halted_years", r.halted_years);
  years("idle_fee_after_years", r.idle_fee_after_years);
  years("reclaim_after_years", r.reclaim_after_years);
  share("min_developed_share", r.min_developed_share);
  share("min_invested_share", r.min_invested_share);
  share("national_min_coverage", r.national_min_coverage);
  share("idle_fee_share", r.idle_fee_share);
  opt_share("national_min_far", r.national_min_far);
  opt_share("max_undeveloped_share", r.max_undeveloped_share);
  PARKHQ_RETURN_IF_ERROR(f.Finish("低效用地认定规则有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, s.land->PutRules(ctx.caller(), park_id, r));
  return Json(lj::RulesJson(saved));
}

StatusOr<Response> ListLandDisposals(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  std::optional<int64_t> parcel_id;
  if (auto q = ctx.request.Query("parcel_id"); q && !q->empty()) {
    try {
      parcel_id = std::stoll(*q);
    } catch (const std::exception&) {
      return Status::Validation("查询条件有误", {{"parcel_id", "应为整数"}});
    }
  }
  const std::string status = ctx.request.Query("status").value_or("");
  if (!status.empty() && !land::IsDisposalStatus(status))
    return Status::Validation("查询条件有误", {{"status", "应为 planned、in_progress、completed 或 cancelled"}});
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.land->ListDisposals(ctx.caller(), park_id, parcel_id, status));
  json::array items;
  for (const auto& d : list) items.push_back(lj::DisposalJson(d));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> CreateLandDisposal(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  land::Disposal d;
  PARKHQ_RETURN_IF_ERROR(ReadDisposal(body, d, true));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, s.land->CreateDisposal(ctx.caller(), park_id, std::move(d)));
  return Json(lj::DisposalJson(saved), 201);
}

StatusOr<Response> GetLandDisposal(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("处置记录不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto d, s.land->GetDisposal(ctx.caller(), *id));
  return Json(lj::DisposalJson(d));
}

StatusOr<Response> UpdateLandDisposal(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("处置记录不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto d, s.land->GetDisposal(ctx.caller(), *id));
  PARKHQ_RETURN_IF_ERROR(ReadDisposal(body, d, false));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, s.land->UpdateDisposal(ctx.caller(), *id, std::move(d)));
  return Json(lj::DisposalJson(saved));
}

StatusOr<Response> DeleteLandDisposal(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("处置记录不存在");
  PARKHQ_RETURN_IF_ERROR(s.land->DeleteDisposal(ctx.caller(), *id));
  return NoContent();
}

}  // namespace parkhq::http::handlers
