// Risk profiles (issue 14 item 3) and emergency resources (item 4): one record type, risk_items.
#include "http/handlers/risk_handlers.h"

#include <map>

#include "domain/risk/risk_service.h"
#include "http/handlers/risk_http.h"
#include "http/handlers/risk_module.h"

namespace parkhq::http::handlers {

using namespace risk_http;  // NOLINT(google-build-using-namespace): this module's own helpers

namespace {

const risk::RiskService& Svc(const Services& s) { return *s.risk->service; }

json::object ItemJson(const risk::RiskItem& it, Date today) {
  json::object o{{"id", it.id},
                 {"park_id", it.park_id},
                 {"enterprise_id", OptJson(it.enterprise_id)},
                 {"enterprise_name", it.enterprise_name},
                 {"kind", it.kind},
                 {"kind_name", risk::KindNameZh(it.kind)},
                 {"name", it.name},
                 {"quantity", OptJson(it.quantity)},
                 {"unit", it.unit},
                 {"level", it.level},
                 {"location", it.location},
                 {"contact_name", it.contact_name},
                 {"contact_phone", it.contact_phone},
                 {"event_date", DateJson(it.event_date)},
                 {"expiry_date", DateJson(it.expiry_date)},
                 {"revised_on", DateJson(it.revised_on)},
                 {"amount", OptJson(it.amount)},
                 {"veto", it.veto},
                 {"note", it.note},
                 {"is_demo", it.is_demo},
                 {"created_at", it.created_at},
                 {"created_by", it.created_by},
                 {"updated_at", it.updated_at}};
  o["expiry_state"] = risk::ExpiryState(it, today);
  o["days_to_expiry"] = OptJson(risk::DaysToExpiry(it, today));
  o["revision_due"] = risk::PlanRevisionDue(it, today);
  return o;
}

// Reads the writable fields of a record (all of them: PUT replaces the record).
Status ReadItem(const json::object& body, risk::RiskItem& it, bool create) {
  FieldReader f(body);
  if (create) {
    it.kind = f.String("kind", true, 40).value_or("");
    if (f.Has("enterprise_id")) it.enterprise_id = f.Int("enterprise_id", false);
  }
  it.name = f.String("name", true, 200).value_or("");
  it.quantity = f.Has("quantity") ? f.NonNegative("quantity", false, 1e9) : std::nullopt;
  it.amount = f.Has("amount") ? f.NonNegative("amount", false, 1e9) : std::nullopt;
  const auto text = [&](const char* k, std::string& out, size_t max) {
    out = f.Has(k) ? f.String(k, false, max).value_or("") : "";
  };
  text("unit", it.unit, 20);
  text("level", it.level, 40);
  text("location", it.location, 200);
  text("contact_name", it.contact_name, 60);
  text("contact_phone", it.contact_phone, 40);
  text("note", it.note, 2000);
  for (auto [key, slot] : {std::pair{"event_date", &it.event_date}, std::pair{"expiry_date", &it.expiry_date},
                           std::pair{"revised_on", &it.revised_on}}) {
    slot->reset();
    if (f.Has(key))
      if (auto v = f.DateString(key, false)) *slot = Date::Parse(*v);
  }
  it.veto = f.Has("veto") && f.Bool("veto", false).value_or(false);
  return f.Finish("记录有误");
}

StatusOr<risk::ItemFilter> ReadFilter(const Request& r) {
  risk::ItemFilter f;
  if (auto k = r.Query("kind"); k && !k->empty()) {
    f.kinds = risk::KindsOf(*k);
    if (f.kinds.empty()) return Status::Validation("查询条件有误", {{"kind", "未知的类型"}});
  }
  if (auto e = r.Query("enterprise_id"); e && !e->empty()) {
    int64_t v = 0;
    for (char c : *e) {
      if (c < '0' || c > '9' || v > 1'000'000'000'000) return Status::Validation("查询条件有误", {{"enterprise_id", "应为企业编号"}});
      v = v * 10 + (c - '0');
    }
    f.enterprise_id = v;
  }
  return f;
}

json::object ProfileJson(const risk::ProfileSummary& p) {
  return {{"enterprise_id", p.profile.enterprise_id},
          {"enterprise_name", p.profile.enterprise_name},
          {"park_id", p.profile.park_id},
          {"state", risk::ProfileStateName(p.profile.state)},
          {"review_note", p.profile.review_note},
          {"submitted_at", OptJson(p.profile.submitted_at)},
          {"reviewed_at", OptJson(p.profile.reviewed_at)},
          {"reviewed_by", OptJson(p.profile.reviewed_by)},
          {"chemicals", p.chemicals},
          {"hazard_sources", p.hazard_sources},
          {"major_sources", p.major_sources},
          {"permits", p.permits},
          {"permits_expiring", p.permits_expiring},
          {"permits_expired", p.permits_expired},
          {"accidents", p.accidents},
          {"penalties", p.penalties},
          {"vetoes", p.vetoes},
          {"plans", p.plans},
          {"drills", p.drills},
          {"last_drill", DateJson(p.last_drill)}};
}

StatusOr<int64_t> EnterpriseParam(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("企业不存在或无权访问");
  return *id;
}

}  // namespace

StatusOr<Response> ListRiskItems(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto filter, ReadFilter(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto items, Svc(s).ListItems(ctx.caller(), park_id, filter));
  json::array a;
  const Date today = Today();
  for (const auto& it : items) a.push_back(ItemJson(it, today));
  return JsonList(std::move(a), static_cast<int64_t>(items.size()));
}

StatusOr<Response> RiskItemsXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto filter, ReadFilter(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto items, Svc(s).ListItems(ctx.caller(), park_id, filter));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "风险档案与应急资源";
  sheet.title = "企业风险档案与应急资源台账";
  sheet.columns = {Column{"类型", 14},     Column{"企业", 26},         Column{"名称", 28},
                   Column{"数量", 10, ColumnKind::kNumber},           Column{"单位", 8},
                   Column{"等级/类别", 12}, Column{"地点", 22},         Column{"联系人", 10},
                   Column{"联系电话", 16}, Column{"日期", 12},         Column{"有效期至", 12},
                   Column{"修订日期", 12}, Column{"金额(万元)", 11, ColumnKind::kNumber},
                   Column{"一票否决", 9},  Column{"备注", 30}};
  bool demo = false;
  for (const auto& it : items) {
    demo = demo || it.is_demo;
    sheet.rows.push_back({Txt(risk::KindNameZh(it.kind)), Txt(it.enterprise_name), Txt(it.name), Num(it.quantity),
                          Txt(it.unit), Txt(it.level), Txt(it.location), Txt(it.contact_name), Txt(it.contact_phone),
                          DateCell(it.event_date), DateCell(it.expiry_date), DateCell(it.revised_on), Num(it.amount),
                          Txt(it.veto ? "是" : ""), Txt(it.note)});
  }
  return XlsxResponse(std::move(sheet), demo, "风险档案与应急资源.xlsx");
}

StatusOr<Response> CreateRiskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  risk::RiskItem it;
  PARKHQ_RETURN_IF_ERROR(ReadItem(body, it, true));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, Svc(s).CreateItem(ctx.caller(), park_id, std::move(it)));
  return Json(ItemJson(stored, Today()), 201);
}

StatusOr<Response> UpdateRiskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, IdParam(ctx, "id"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  risk::RiskItem it;
  PARKHQ_RETURN_IF_ERROR(ReadItem(body, it, false));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, Svc(s).UpdateItem(ctx.caller(), id, std::move(it)));
  return Json(ItemJson(stored, Today()));
}

StatusOr<Response> DeleteRiskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, IdParam(ctx, "id"));
  PARKHQ_RETURN_IF_ERROR(Svc(s).DeleteItem(ctx.caller(), id));
  return NoContent();
}

StatusOr<Response> ListRiskProfiles(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListProfiles(ctx.caller(), park_id));
  json::array a;
  for (const auto& p : rows) a.push_back(ProfileJson(p));
  return JsonList(std::move(a), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> RiskProfilesXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListProfiles(ctx.caller(), park_id));
  static const std::map<std::string, std::string> kState = {
      {"draft", "填报中"}, {"submitted", "已报送"}, {"approved", "已审核"}, {"returned", "已退回"}};
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "企业风险档案";
  sheet.title = "企业风险档案一览";
  sheet.columns = {Column{"企业", 28},   Column{"状态", 10},
                   Column{"危险化学品", 11, ColumnKind::kInteger}, Column{"重大危险源", 11, ColumnKind::kInteger},
                   Column{"其中一二级", 11, ColumnKind::kInteger}, Column{"许可证", 9, ColumnKind::kInteger},
                   Column{"即将到期", 9, ColumnKind::kInteger},   Column{"已过期", 9, ColumnKind::kInteger},
                   Column{"事故", 8, ColumnKind::kInteger},       Column{"处罚", 8, ColumnKind::kInteger},
                   Column{"一票否决", 9, ColumnKind::kInteger},   Column{"应急预案", 9, ColumnKind::kInteger},
                   Column{"演练", 8, ColumnKind::kInteger},       Column{"最近演练", 12}, Column{"审核意见", 30}};
  bool demo = false;
  for (const auto& p : rows) {
    demo = demo || p.profile.enterprise_name.find("（演示）") != std::string::npos;
    auto n = [](int64_t v) { return io::CellValue(static_cast<double>(v)); };
    sheet.rows.push_back({Txt(p.profile.enterprise_name), Txt(kState.at(risk::ProfileStateName(p.profile.state))),
                          n(p.chemicals), n(p.hazard_sources), n(p.major_sources), n(p.permits),
                          n(p.permits_expiring), n(p.permits_expired), n(p.accidents), n(p.penalties), n(p.vetoes),
                          n(p.plans), n(p.drills), DateCell(p.last_drill), Txt(p.profile.review_note)});
  }
  return XlsxResponse(std::move(sheet), demo, "企业风险档案.xlsx");
}

StatusOr<Response> SubmitRiskProfile(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).SubmitProfile(ctx.caller(), id));
  return Json(ProfileJson(p));
}

StatusOr<Response> ReviewRiskProfile(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string result = f.String("result", true, 20).value_or("");
  const std::string note = f.Has("note") ? f.String("note", false, 1000).value_or("") : "";
  PARKHQ_RETURN_IF_ERROR(f.Finish("审核意见有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).ReviewProfile(ctx.caller(), id, result, note));
  return Json(ProfileJson(p));
}

StatusOr<Response> ListRiskVetoes(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, QueryYear(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListVetoes(ctx.caller(), park_id, year));
  json::array a;
  for (const auto& r : rows) {
    json::array ids;
    for (int64_t i : r.item_ids) ids.push_back(i);
    a.push_back(json::object{{"enterprise_id", r.enterprise_id}, {"enterprise_name", r.enterprise_name},
                             {"reason", r.reason},           {"item_ids", ids},
                             {"status", r.status},           {"current_reason", OptJson(r.current_reason)},
                             {"year", year}});
  }
  return JsonList(std::move(a), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> ApplyRiskVetoes(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const int64_t year = f.Int("year", true).value_or(0);
  if (f.ok() && (year < 2000 || year > 2100)) f.AddError("year", "应为四位年份");
  PARKHQ_RETURN_IF_ERROR(f.Finish("年份有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ApplyVetoes(ctx.caller(), park_id, static_cast<int>(year)));
  int64_t applied = 0;
  json::array a;
  for (const auto& r : rows) {
    if (r.status == "applied") ++applied;
    a.push_back(json::object{{"enterprise_id", r.enterprise_id}, {"enterprise_name", r.enterprise_name},
                             {"reason", r.reason}, {"status", r.status}});
  }
  return Json(json::object{{"year", year}, {"applied", applied}, {"items", a}});
}

}  // namespace parkhq::http::handlers
