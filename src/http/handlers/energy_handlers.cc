// Energy and emission accounts, the park summary against targets, retrofits (issue 14 item 5).
#include <map>

#include "domain/risk/energy_calc.h"
#include "domain/risk/risk_service.h"
#include "http/handlers/risk_handlers.h"
#include "http/handlers/risk_http.h"
#include "http/handlers/risk_module.h"

namespace parkhq::http::handlers {

using namespace risk_http;  // NOLINT(google-build-using-namespace): this module's own helpers

namespace {

const risk::RiskService& Svc(const Services& s) { return *s.risk->service; }

json::object MapJson(const std::map<std::string, double>& m) {
  json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

json::object AccountJson(const risk::AccountRow& r) {
  return {{"enterprise_id", r.account.enterprise_id},
          {"enterprise_name", r.account.enterprise_name},
          {"year", r.account.year},
          {"energy", MapJson(r.account.energy)},
          {"emissions", MapJson(r.account.emissions)},
          {"energy_tce", r.tce},
          {"emissions_t", r.emissions_t},
          {"value_added", OptJson(r.value_added)},
          {"reported_tce", OptJson(r.reported_tce)},
          {"intensity", OptJson(r.intensity)},
          {"open_retrofits", r.open_retrofits},
          {"is_demo", r.account.is_demo},
          {"updated_at", r.account.updated_at}};
}

// {"energy":{"electricity":…},"emissions":{"so2":…}}: every value a finite number ≥ 0.
Status ReadAccount(const json::object& body, risk::EnergyAccount& a) {
  FieldReader f(body);
  for (auto [key, into] : {std::pair{"energy", &a.energy}, std::pair{"emissions", &a.emissions}}) {
    const json::value* v = f.Raw(key);
    if (!v || v->is_null()) continue;
    if (!v->is_object()) {
      f.AddError(key, "应为对象");
      continue;
    }
    if (v->as_object().size() > 50) {
      f.AddError(key, "条目过多");
      continue;
    }
    FieldReader inner(v->as_object(), std::string(key) + ".");
    for (const auto& [k, x] : v->as_object()) {
      const std::string code(k);
      if (code.size() > 40) {
        f.AddError(std::string(key) + "." + code.substr(0, 40), "代码过长");
        continue;
      }
      if (auto n = inner.NonNegative(code.c_str(), true, 1e9)) (*into)[code] = *n;
    }
    for (const auto& e : inner.errors()) f.AddError(e.field, e.message);
  }
  return f.Finish("能源消费台账有误");
}

json::object RetrofitJson(const risk::Retrofit& r, Date today) {
  return {{"id", r.id},
          {"park_id", r.park_id},
          {"enterprise_id", r.enterprise_id},
          {"enterprise_name", r.enterprise_name},
          {"kind", r.kind},
          {"name", r.name},
          {"status", r.status},
          {"investment", OptJson(r.investment)},
          {"saving_tce", OptJson(r.saving_tce)},
          {"deadline", DateJson(r.deadline)},
          {"completed_on", DateJson(r.completed_on)},
          {"overdue", risk::RetrofitOverdue(r, today)},
          {"note", r.note},
          {"is_demo", r.is_demo},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

Status ReadRetrofit(const json::object& body, risk::Retrofit& r, bool create) {
  FieldReader f(body);
  if (create) r.enterprise_id = f.Int("enterprise_id", true).value_or(0);
  r.kind = f.String("kind", true, 40).value_or("");
  r.name = f.String("name", true, 200).value_or("");
  r.status = f.Has("status") ? f.String("status", false, 40).value_or("") : "flagged";
  r.investment = f.Has("investment") ? f.NonNegative("investment", false, 1e9) : std::nullopt;
  r.saving_tce = f.Has("saving_tce") ? f.NonNegative("saving_tce", false, 1e9) : std::nullopt;
  r.note = f.Has("note") ? f.String("note", false, 2000).value_or("") : "";
  for (auto [key, slot] : {std::pair{"deadline", &r.deadline}, std::pair{"completed_on", &r.completed_on}}) {
    slot->reset();
    if (f.Has(key))
      if (auto v = f.DateString(key, false)) *slot = Date::Parse(*v);
  }
  return f.Finish("改造项目有误");
}

const char* KindZh(const std::string& k) { return k == "elimination" ? "高耗能落后设备淘汰" : "清洁生产改造"; }
const char* StatusZh(const std::string& s) {
  if (s == "flagged") return "已列入";
  if (s == "in_progress") return "改造中";
  if (s == "completed") return "已完成";
  return "已撤销";
}

}  // namespace

StatusOr<Response> EnergyFactors(RequestContext&, const Services&) {
  json::array a;
  for (const auto& f : risk::EnergyFactors())
    a.push_back(json::object{{"code", f.code}, {"name", f.name_zh}, {"unit", f.unit},
                             {"tce_per_unit", f.tce_per_unit}, {"basis", f.basis}});
  json::array p;
  for (const auto& x : risk::Pollutants()) p.push_back(json::object{{"code", x.code}, {"name", x.name_zh}});
  return Json(json::object{{"standard", "GB/T 2589-2020 综合能耗计算通则 附录A"}, {"items", a}, {"pollutants", p}});
}

StatusOr<Response> ListEnergyAccounts(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, QueryYear(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListAccounts(ctx.caller(), park_id, year));
  json::array a;
  for (const auto& r : rows) a.push_back(AccountJson(r));
  return JsonList(std::move(a), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> EnergyAccountsXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, QueryYear(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListAccounts(ctx.caller(), park_id, year));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "能源消费与排放";
  sheet.title = std::to_string(year) + " 年企业能源消费与主要污染物排放（折标系数：GB/T 2589-2020 附录A）";
  sheet.columns = {Column{"企业", 28}};
  for (const auto& f : risk::EnergyFactors())
    sheet.columns.push_back(Column{std::string(f.name_zh) + "(" + f.unit + ")", 12, ColumnKind::kNumber});
  sheet.columns.push_back(Column{"综合能耗(吨标准煤)", 14, ColumnKind::kNumber});
  sheet.columns.push_back(Column{"月报综合能耗(吨标准煤)", 14, ColumnKind::kNumber});
  for (const auto& p : risk::Pollutants())
    sheet.columns.push_back(Column{std::string(p.name_zh) + "(吨)", 11, ColumnKind::kNumber, 3});
  sheet.columns.push_back(Column{"工业增加值(万元)", 13, ColumnKind::kNumber});
  sheet.columns.push_back(Column{"单位增加值能耗(吨标准煤/万元)", 16, ColumnKind::kNumber, 4});
  bool demo = false;
  for (const auto& r : rows) {
    demo = demo || r.account.is_demo;
    std::vector<io::CellValue> row = {Txt(r.account.enterprise_name)};
    auto get = [](const std::map<std::string, double>& m, const char* k) {
      auto it = m.find(k);
      return it == m.end() ? io::CellValue() : io::CellValue(it->second);
    };
    for (const auto& f : risk::EnergyFactors()) row.push_back(get(r.account.energy, f.code));
    row.push_back(r.tce);
    row.push_back(Num(r.reported_tce));
    for (const auto& p : risk::Pollutants()) row.push_back(get(r.account.emissions, p.code));
    row.push_back(Num(r.value_added));
    row.push_back(Num(r.intensity));
    sheet.rows.push_back(std::move(row));
  }
  return XlsxResponse(std::move(sheet), demo, "能源消费台账-" + std::to_string(year) + ".xlsx");
}

StatusOr<Response> PutEnergyAccount(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, IdParam(ctx, "id"));
  auto year = ctx.IdParam("year");
  if (!year || *year < 2000 || *year > 2100) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  risk::EnergyAccount a;
  a.year = static_cast<int>(*year);
  PARKHQ_RETURN_IF_ERROR(ReadAccount(body, a));
  PARKHQ_ASSIGN_OR_RETURN(auto row, Svc(s).PutAccount(ctx.caller(), id, std::move(a)));
  return Json(AccountJson(row));
}

StatusOr<Response> EnergySummary(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, QueryYear(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).Summary(ctx.caller(), park_id, year));
  const risk::EnergySummary& m = v.summary;
  return Json(json::object{
      {"park_id", park_id},
      {"year", year},
      {"enterprises", m.enterprises},
      {"energy_tce", m.energy_tce},
      {"reported_tce", v.reported_tce},
      {"tce_by_kind", MapJson(m.tce_by_kind)},
      {"emissions_t", m.emissions_t},
      {"emissions_by_pollutant", MapJson(m.emissions_by_pollutant)},
      {"value_added", m.value_added},
      {"intensity", OptJson(m.intensity)},
      {"emission_intensity", OptJson(m.emission_intensity)},
      {"targets", json::object{{"energy_cap_tce", OptJson(v.targets.energy_cap_tce)},
                               {"intensity_target", OptJson(v.targets.intensity_target)},
                               {"emissions_cap_t", OptJson(v.targets.emissions_cap_t)}}},
      {"energy_cap_used_pct", OptJson(m.energy_cap_used_pct)},
      {"intensity_vs_target_pct", OptJson(m.intensity_vs_target_pct)},
      {"emissions_cap_used_pct", OptJson(m.emissions_cap_used_pct)},
      {"energy_over", m.energy_over},
      {"intensity_over", m.intensity_over},
      {"emissions_over", m.emissions_over}});
}

StatusOr<Response> PutEnergyTargets(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  auto year = ctx.IdParam("year");
  if (!year || *year < 2000 || *year > 2100) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  risk::EnergyTargets t;
  t.energy_cap_tce = f.Has("energy_cap_tce") ? f.Number("energy_cap_tce", false, 1e9) : std::nullopt;
  t.intensity_target = f.Has("intensity_target") ? f.Number("intensity_target", false, 1e9) : std::nullopt;
  t.emissions_cap_t = f.Has("emissions_cap_t") ? f.Number("emissions_cap_t", false, 1e9) : std::nullopt;
  PARKHQ_RETURN_IF_ERROR(f.Finish("目标有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).PutTargets(ctx.caller(), park_id, static_cast<int>(*year), t));
  return Json(json::object{{"energy_cap_tce", OptJson(saved.energy_cap_tce)},
                           {"intensity_target", OptJson(saved.intensity_target)},
                           {"emissions_cap_t", OptJson(saved.emissions_cap_t)}});
}

StatusOr<Response> ListRetrofits(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListRetrofits(ctx.caller(), park_id));
  json::array a;
  const Date today = Today();
  for (const auto& r : rows) a.push_back(RetrofitJson(r, today));
  return JsonList(std::move(a), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> RetrofitsXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListRetrofits(ctx.caller(), park_id));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "淘汰与清洁生产改造";
  sheet.title = "高耗能设备淘汰与清洁生产改造项目";
  sheet.columns = {Column{"企业", 28},  Column{"类型", 18}, Column{"项目", 30}, Column{"状态", 10},
                   Column{"投资(万元)", 11, ColumnKind::kNumber}, Column{"预计年节能(吨标准煤)", 14, ColumnKind::kNumber},
                   Column{"完成期限", 12}, Column{"完成日期", 12}, Column{"逾期", 7}, Column{"备注", 30}};
  bool demo = false;
  const Date today = Today();
  for (const auto& r : rows) {
    demo = demo || r.is_demo;
    sheet.rows.push_back({Txt(r.enterprise_name), Txt(KindZh(r.kind)), Txt(r.name), Txt(StatusZh(r.status)),
                          Num(r.investment), Num(r.saving_tce), DateCell(r.deadline), DateCell(r.completed_on),
                          Txt(risk::RetrofitOverdue(r, today) ? "是" : ""), Txt(r.note)});
  }
  return XlsxResponse(std::move(sheet), demo, "节能改造项目.xlsx");
}

StatusOr<Response> CreateRetrofit(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  risk::Retrofit r;
  PARKHQ_RETURN_IF_ERROR(ReadRetrofit(body, r, true));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, Svc(s).CreateRetrofit(ctx.caller(), park_id, std::move(r)));
  return Json(RetrofitJson(stored, Today()), 201);
}

StatusOr<Response> UpdateRetrofit(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, IdParam(ctx, "id"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  risk::Retrofit r;
  PARKHQ_RETURN_IF_ERROR(ReadRetrofit(body, r, false));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, Svc(s).UpdateRetrofit(ctx.caller(), id, std::move(r)));
  return Json(RetrofitJson(stored, Today()));
}

}  // namespace parkhq::http::handlers
