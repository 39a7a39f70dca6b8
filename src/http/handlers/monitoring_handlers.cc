#include "http/handlers/monitoring_handlers.h"

#include <cmath>

#include "domain/monitoring/monitoring_service.h"
#include "common/limits.h"
#include "http/json/json_util.h"
#include "http/json/render_cache.h"
#include "http/handlers/monitoring_sheet.h"
#include "http/handlers/xlsx_file.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

const RoleSet kMonitoringReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};

namespace {

namespace mon = parkhq::monitoring;

StatusOr<int64_t> ParkIdParam(const RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

StatusOr<int> YearParam(std::optional<std::string> s) {
  if (!s || s->size() != 4) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  try {
    const int y = std::stoi(*s);
    if (y >= 1900 && y <= 2999) return y;
  } catch (const std::exception&) {
  }
  return Status::Validation("年份有误", {{"year", "应为四位年份"}});
}

StatusOr<Period> PeriodQuery(const Request& req) {
  auto q = req.Query("period");
  if (!q || q->empty()) return Status::Validation("请指定期间", {{"period", "必填，格式 YYYY-MM"}});
  auto p = Period::Parse(*q);
  if (!p) return Status::Validation("期间格式有误", {{"period", "格式应为 YYYY-MM，如 2023-06"}});
  return *p;
}

StatusOr<mon::Basis> BasisQuery(const Request& req) {
  auto q = req.Query("basis");
  if (!q || q->empty() || *q == "all") return mon::Basis::kAll;
  if (*q == "approved") return mon::Basis::kApproved;
  return Status::Validation("数据口径有误", {{"basis", "应为 all 或 approved"}});
}

// A figure rounded to 6 decimal places (drops binary noise such as 13411.189999999999).
json::value Fig(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 1e6) / 1e6;
}

json::value Series(const mon::MonthlySeries& s) {
  json::array a;
  for (const auto& v : s) a.push_back(Fig(v));
  return a;
}

json::object IndicatorJson(const mon::Indicator& i) {
  return {{"code", i.code},         {"name", i.name_zh},
          {"name_zh", i.name_zh},   {"name_en", i.name_en},
          {"unit", i.unit},         {"kind", mon::IndicatorKindName(i.kind)},
          {"higher_is_better", i.higher_is_better}, {"decimals", i.decimals}};
}

json::object RowJson(const mon::ComputedRow& r, bool with_series) {
  const auto& f = r.figures;
  json::object o = IndicatorJson(r.indicator);
  o["source"] = r.source;
  o["month"] = Fig(f.month);
  o["month_last_year"] = Fig(f.month_last_year);
  o["ytd"] = Fig(f.ytd);
  o["ytd_complete"] = f.ytd_complete;
  o["ytd_last_year"] = Fig(f.ytd_last_year);
  o["yoy_pct"] = OptJson(f.yoy_pct);
  o["month_yoy_pct"] = OptJson(f.month_yoy_pct);
  o["target"] = Fig(f.target);
  o["completion_pct"] = OptJson(f.completion_pct);
  o["time_progress"] = f.time_progress;
  o["gap"] = OptJson(f.gap);
  o["status"] = mon::ProgressStatusName(f.status);
  o["status_zh"] = mon::ProgressStatusNameZh(f.status);
  o["completion_status"] = mon::ProgressStatusName(f.completion_status);
  o["growth_target_pct"] = OptJson(f.growth_target_pct);
  o["growth_met"] = f.growth_met ? json::value(*f.growth_met) : json::value(nullptr);
  o["growth_gap"] = OptJson(f.growth_gap);
  o["growth_status"] = mon::ProgressStatusName(f.growth_status);
  json::array failing;
  if (f.failing.completion) failing.push_back("completion");
  if (f.failing.growth) failing.push_back("growth");
  o["failing"] = std::move(failing);
  json::array missing;
  for (int m : f.missing_months) missing.push_back(m);
  o["missing_months"] = std::move(missing);
  o["projected_year_end"] = Fig(f.projected_year_end);
  o["required_monthly_avg"] = Fig(f.required_monthly_avg);
  if (with_series) o["series"] = {{"this_year", Series(r.this_year)}, {"last_year", Series(r.last_year)}};
  return o;
}

json::object TableJson(const mon::MonitoringTable& t, bool with_series) {
  json::array rows;
  for (const auto& r : t.rows) rows.push_back(RowJson(r, with_series));
  json::array ids;
  for (int64_t id : t.park_ids) ids.push_back(id);
  json::object o = {{"period", t.period.ToString()},
                    {"time_progress", t.time_progress},
                    {"kind", t.kind},
                    {"name", t.name},
                    {"is_demo", t.is_demo},
                    {"basis", t.basis == mon::Basis::kApproved ? "approved" : "all"},
                    {"state", mon::SubmissionStateName(t.state)},
                    {"park_ids", std::move(ids)},
                    {"indicators", std::move(rows)}};
  o[t.kind == "park" ? "park_id" : "region_id"] = t.id;
  return o;
}

json::object DashboardJson(const mon::Dashboard& d) {
  json::object o = TableJson(d.table, true);
  json::array subs;
  for (const auto& sp : d.sub_parks) {
    json::array rows;
    for (const auto& r : sp.rows) {
      const auto& f = r.figures;
      rows.push_back({{"code", r.indicator.code}, {"month", Fig(f.month)}, {"ytd", Fig(f.ytd)},
                      {"ytd_last_year", Fig(f.ytd_last_year)}, {"yoy_pct", OptJson(f.yoy_pct)},
                      {"target", OptJson(f.target)}, {"completion_pct", OptJson(f.completion_pct)},
                      {"gap", OptJson(f.gap)}, {"status", mon::ProgressStatusName(f.status)},
                      {"growth_target_pct", OptJson(f.growth_target_pct)},
                      {"growth_met", f.growth_met ? json::value(*f.growth_met) : json::value(nullptr)}});
    }
    subs.push_back({{"park_id", sp.park_id}, {"name", sp.name}, {"state", mon::SubmissionStateName(sp.state)},
                    {"indicators", std::move(rows)}});
  }
  o["sub_parks"] = std::move(subs);
  json::array warnings;
  for (const auto& lw : d.warnings) {
    const auto& w = lw.warning;
    warnings.push_back({{"kind", mon::WarningKindName(w.kind)},
                        {"indicator_code", w.indicator_code},
                        {"period", w.period.ToString()},
                        {"severity", mon::SeverityName(w.severity)},
                        {"message", w.message},
                        {"responsible_unit", w.responsible_unit},
                        {"park_id", lw.park_id},
                        {"park_name", lw.park_name}});
  }
  o["warnings"] = std::move(warnings);
  return o;
}

json::object MonthJson(const mon::MonthState& m) {
  return {{"period", m.period.ToString()},      {"state", mon::SubmissionStateName(m.state)},
          {"state_zh", mon::SubmissionStateNameZh(m.state)},
          {"submitted_at", OptJson(m.submitted_at)}, {"submitted_by", OptJson(m.submitted_by)},
          {"approved_at", OptJson(m.approved_at)},   {"approved_by", OptJson(m.approved_by)},
          {"reason", OptJson(m.reason)}};
}

json::object GridJson(const mon::YearGrid& g) {
  json::array months;
  for (const auto& m : g.months) months.push_back(MonthJson(m));
  json::array inds;
  for (const auto& i : g.indicators) {
    json::object o = IndicatorJson(i);
    auto it = g.values.find(i.code);
    const mon::MonthlySeries s = it == g.values.end() ? mon::MonthlySeries{} : it->second;
    o["values"] = Series(s);
    o["cumulative"] = Series(mon::MonthlyToCumulative(i.kind, s));
    auto src = g.sources.find(i.code);
    o["source"] = src == g.sources.end() ? "direct" : src->second;
    inds.push_back(std::move(o));
  }
  return {{"park_id", g.park_id}, {"year", g.year}, {"months", std::move(months)}, {"indicators", std::move(inds)}};
}

json::object TargetsJson(const mon::TargetsView& v) {
  json::array items;
  for (const auto& r : v.items)
    items.push_back({{"code", r.indicator.code}, {"name", r.indicator.name_zh}, {"name_en", r.indicator.name_en},
                     {"unit", r.indicator.unit}, {"target", OptJson(r.target.target)},
                     {"growth_pct", OptJson(r.target.growth_pct)}, {"base", OptJson(r.target.base)},
                     {"effective", OptJson(r.effective)}});
  return {{"year", v.year}, {"park_id", v.park_id}, {"items", std::move(items)}};
}

StatusOr<mon::Indicator> ReadIndicator(const json::object& body, std::string code) {
  FieldReader f(body);
  mon::Indicator i;
  i.code = std::move(code);
  i.name_zh = f.String("name_zh", true, 200).value_or("");
  i.name_en = f.String("name_en", true, 200).value_or("");
  i.unit = f.String("unit", true, 64).value_or("");
  const std::string kind = f.String("kind", true, 16).value_or("flow");
  if (auto k = mon::ParseIndicatorKind(kind)) i.kind = *k;
  else if (f.Has("kind")) f.AddError("kind", "应为 flow 或 stock");
  i.higher_is_better = f.Bool("higher_is_better", false).value_or(true);
  i.decimals = static_cast<int>(f.Int("decimals", false).value_or(2));
  PARKHQ_RETURN_IF_ERROR(f.Finish("指标信息有误"));
  return i;
}

StatusOr<Response> MonthAction(RequestContext& ctx, const Services& s, mon::MonthAction action) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  auto period = Period::Parse(ctx.params["period"]);
  if (!period) return Status::Validation("期间格式有误", {{"period", "格式应为 YYYY-MM"}});
  std::string reason;
  if (!ctx.request.body.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
    FieldReader f(body);
    reason = f.String("reason", false, 500).value_or("");
    PARKHQ_RETURN_IF_ERROR(f.Finish());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto m, s.monitoring->Act(ctx.caller(), park_id, *period, action, reason));
  return Json(MonthJson(m));
}

}  // namespace

StatusOr<Response> ListIndicators(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.monitoring->ListIndicators(ctx.caller()));
  json::array items;
  for (const auto& i : list) items.push_back(IndicatorJson(i));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> CreateIndicator(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string code = f.String("code", true, 64).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("指标信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto ind, ReadIndicator(body, code));
  PARKHQ_ASSIGN_OR_RETURN(auto created, s.monitoring->CreateIndicator(ctx.caller(), ind));
  return Json(IndicatorJson(created), 201);
}

StatusOr<Response> UpdateIndicator(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto ind, ReadIndicator(body, ctx.params["code"]));
  PARKHQ_ASSIGN_OR_RETURN(auto updated, s.monitoring->UpdateIndicator(ctx.caller(), ind));
  return Json(IndicatorJson(updated));
}

StatusOr<Response> GetTargets(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx.params["year"]));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.monitoring->GetTargets(ctx.caller(), park_id, year));
  return Json(TargetsJson(v));
}

StatusOr<Response> PutTargets(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx.params["year"]));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  mon::YearTargets targets;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : body) {
    const std::string code(key);
    if (!value.is_object()) {
      errors.push_back({code, "应为对象，如 {\"target\":31400,\"growth_pct\":10,\"base\":28545}"});
      continue;
    }
    FieldReader f(value.as_object(), code + ".");
    mon::AnnualTarget t;
    t.target = f.Number("target", false);
    t.growth_pct = f.Number("growth_pct", false);
    t.base = f.Number("base", false);
    for (const auto& e : f.errors()) errors.push_back(e);
    targets[code] = t;
  }
  if (!errors.empty()) return Status::Validation("年度目标有误", std::move(errors));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.monitoring->PutTargets(ctx.caller(), park_id, year, targets));
  return Json(TargetsJson(v));
}

StatusOr<Response> GetIndicatorValues(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx.request.Query("year")));
  PARKHQ_ASSIGN_OR_RETURN(auto g, s.monitoring->GetYear(ctx.caller(), park_id, year));
  return Json(GridJson(g));
}

StatusOr<Response> PutIndicatorValues(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  mon::ValueEntry e;
  if (auto p = f.String("period", true, 16)) {
    if (auto parsed = Period::Parse(*p)) e.period = *parsed;
    else f.AddError("period", "格式应为 YYYY-MM，如 2023-06");
  }
  const std::string mode = f.String("mode", false, 16).value_or("month");
  if (mode == "cumulative") e.cumulative = true;
  else if (mode != "month") f.AddError("mode", "应为 month（当月数）或 cumulative（1-N月累计）");
  e.reason = f.String("reason", false, 500).value_or("");
  const json::value* values = f.Raw("values");
  if (!values || !values->is_object()) {
    f.AddError("values", "应为对象，如 {\"fai\":1234.5}");
  } else {
    for (const auto& [key, v] : values->as_object()) {
      const std::string code(key);
      if (v.is_null()) e.values[code] = std::nullopt;
      else if (v.is_double() || v.is_int64() || v.is_uint64()) {
        const double d = v.to_number<double>();
        if (std::string bad = NumberProblem(d); !bad.empty()) f.AddError("values." + code, bad);
        else e.values[code] = d;
      } else f.AddError("values." + code, "应为数字");
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("填报数据有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto g, s.monitoring->PutValues(ctx.caller(), park_id, e));
  return Json(GridJson(g));
}

StatusOr<Response> ImportIndicatorValues(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  mon::ImportSheet sheet;
  const std::string mode = ctx.request.Query("mode").value_or("month");
  if (mode == "cumulative") sheet.cumulative = true;
  else if (mode != "month") return Status::Validation("录入方式有误", {{"mode", "应为 month 或 cumulative"}});
  sheet.reason = ctx.request.Query("reason").value_or("");
  if (ctx.request.body.empty()) return Status::Validation("请上传文件", {{"file", "请上传 XLSX 或 CSV 文件"}});
  Status read = io::ReadTable(ctx.request.body, [&](const io::InputRow& r) {
    if (sheet.headers.empty()) {
      sheet.headers = r.cells;
      return true;
    }
    mon::ImportSheet::Row row{r.row, r.cells};
    // Excel may have turned "2023-06" into a date serial.
    if (!row.cells.empty() && !row.cells[0].empty() && !Period::Parse(row.cells[0])) {
      const std::string d = io::NormalizeDateCell(row.cells[0]);
      if (!d.empty()) row.cells[0] = d.substr(0, 7);
    }
    sheet.rows.push_back(std::move(row));
    return sheet.rows.size() <= 10000;
  });
  if (!read.ok()) return Status::Validation("文件无法读取", {{"file", read.message()}});
  if (sheet.rows.size() > 10000) return Status::Validation("文件过大", {{"file", "最多 10000 行"}});
  PARKHQ_ASSIGN_OR_RETURN(auto result, s.monitoring->ImportValues(ctx.caller(), park_id, sheet));
  return Json({{"months", result.months}, {"values", result.values}});
}

StatusOr<Response> IndicatorValueHistory(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  mon::HistoryFilter filter;
  if (auto q = ctx.request.Query("period"); q && !q->empty()) {
    filter.period = Period::Parse(*q);
    if (!filter.period) return Status::Validation("期间格式有误", {{"period", "格式应为 YYYY-MM"}});
  }
  if (auto q = ctx.request.Query("indicator"); q && !q->empty()) filter.code = *q;
  filter.offset = page.offset();
  filter.limit = page.page_size;
  PARKHQ_ASSIGN_OR_RETURN(auto h, s.monitoring->History(ctx.caller(), park_id, filter));
  json::array items;
  for (const auto& e : h.items)
    items.push_back({{"id", e.id}, {"period", e.period.ToString()}, {"code", e.code},
                     {"old_value", OptJson(e.old_value)}, {"new_value", OptJson(e.new_value)},
                     {"entered", OptJson(e.entered)}, {"mode", e.mode}, {"at", e.at}, {"username", e.username},
                     {"reason", e.reason}});
  return JsonList(std::move(items), h.total);
}

StatusOr<Response> SubmitMonth(RequestContext& ctx, const Services& s) {
  return MonthAction(ctx, s, mon::MonthAction::kSubmit);
}
StatusOr<Response> ApproveMonth(RequestContext& ctx, const Services& s) {
  return MonthAction(ctx, s, mon::MonthAction::kApprove);
}
StatusOr<Response> ReturnMonth(RequestContext& ctx, const Services& s) {
  return MonthAction(ctx, s, mon::MonthAction::kReturn);
}
StatusOr<Response> UnlockMonth(RequestContext& ctx, const Services& s) {
  return MonthAction(ctx, s, mon::MonthAction::kUnlock);
}

StatusOr<Response> LatestPeriod(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto p, s.monitoring->LatestPeriod(ctx.caller(), park_id));
  return Json({{"park_id", park_id}, {"period", p ? json::value(p->ToString()) : json::value(nullptr)}});
}

StatusOr<Response> ParkMonitoring(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto basis, BasisQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.monitoring->ParkMonitoring(ctx.caller(), park_id, period, basis));
  return Json(TableJson(t, false));
}

StatusOr<Response> ParkMonitoringXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto basis, BasisQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.monitoring->ParkMonitoring(ctx.caller(), park_id, period, basis));
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, MonitoringXlsx(t));
  return XlsxFile(std::move(bytes), MonitoringXlsxFileName(t));
}

StatusOr<Response> ParkDashboard(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto basis, BasisQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto d, s.monitoring->ParkDashboard(ctx.caller(), park_id, period, basis));
  return Json(DashboardJson(d));
}

StatusOr<Response> RegionMonitoring(RequestContext& ctx, const Services& s) {
  auto region_id = ctx.IdParam("region_id");
  if (!region_id) return Status::NotFound("地区不存在");
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto basis, BasisQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.monitoring->RegionMonitoring(ctx.caller(), *region_id, period, basis));
  return Json(TableJson(t, false));
}

StatusOr<Response> RegionMonitoringXlsx(RequestContext& ctx, const Services& s) {
  auto region_id = ctx.IdParam("region_id");
  if (!region_id) return Status::NotFound("地区不存在");
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto basis, BasisQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.monitoring->RegionMonitoring(ctx.caller(), *region_id, period, basis));
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, MonitoringXlsx(t));
  return XlsxFile(std::move(bytes), MonitoringXlsxFileName(t));
}

StatusOr<Response> RegionDashboard(RequestContext& ctx, const Services& s) {
  auto region_id = ctx.IdParam("region_id");
  if (!region_id) return Status::NotFound("地区不存在");
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto basis, BasisQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto d, s.monitoring->RegionDashboard(ctx.caller(), *region_id, period, basis));
  // The service returns the same immutable dashboard until its data changes: its ~200 KB of JSON
  // (100 parks) is rendered once, not per request.
  static RenderCache rendered;
  Response r;
  r.body = *rendered.Get(d, [](const mon::Dashboard& x) { return WriteJson(DashboardJson(x)); });
  return r;
}

namespace {
json::object SettingsJson(const mon::MonitoringSettings& st) {
  json::object sources, units;
  for (const auto& [k, v] : st.sources) sources[k] = v;
  for (const auto& [k, v] : st.units.by_indicator) units[k] = v;
  return {{"yellow_band", st.thresholds.yellow_band},
          {"deadline_day", st.warnings.deadline_day},
          {"swing_threshold_pct", st.warnings.swing_threshold_pct},
          {"include_yellow", st.warnings.include_yellow},
          {"default_unit", st.units.default_unit},
          {"sources", std::move(sources)},
          {"responsible_units", std::move(units)}};
}
}  // namespace

StatusOr<Response> GetMonitoringSettings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto st, s.monitoring->GetSettings(ctx.caller(), park_id));
  return Json(SettingsJson(st));
}

StatusOr<Response> PutMonitoringSettings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkIdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto st, s.monitoring->GetSettings(ctx.caller(), park_id));
  FieldReader f(body);
  if (auto v = f.Number("yellow_band", false)) st.thresholds.yellow_band = *v;
  if (auto v = f.Int("deadline_day", false)) st.warnings.deadline_day = static_cast<int>(*v);
  if (auto v = f.Number("swing_threshold_pct", false)) st.warnings.swing_threshold_pct = *v;
  if (auto v = f.Bool("include_yellow", false)) st.warnings.include_yellow = *v;
  if (auto v = f.String("default_unit", false, 100)) st.units.default_unit = *v;
  for (const char* key : {"sources", "responsible_units"}) {
    const json::value* obj = f.Raw(key);
    if (!obj || obj->is_null()) continue;
    if (!obj->is_object()) {
      f.AddError(key, "应为对象");
      continue;
    }
    for (const auto& [k, v] : obj->as_object()) {
      if (!v.is_string()) {
        f.AddError(std::string(key) + "." + std::string(k), "应为文本");
        continue;
      }
      auto& target = std::string_view(key) == "sources" ? st.sources : st.units.by_indicator;
      target[std::string(k)] = std::string(v.as_string());
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("监测设置有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, s.monitoring->PutSettings(ctx.caller(), park_id, st));
  return Json(SettingsJson(saved));
}

}  // namespace parkhq::http::handlers
