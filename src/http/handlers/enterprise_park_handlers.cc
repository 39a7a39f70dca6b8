// Park-level handlers of the enterprises module: review queue, reporting status, rules,
// breakdowns, movement, cultivation pools, zombies, approved totals.
#include "domain/enterprise/enterprise_service.h"
#include "http/handlers/enterprise_handlers.h"
#include "http/handlers/enterprise_json.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"
#include "http/messages_en.h"

namespace parkhq::http::handlers {

using namespace parkhq::enterprise;

json::object RuleJson(const ValidationRule& r) {
  return {{"code", r.code},          {"name", r.name},
          {"when", r.when},          {"left", r.left},
          {"op", RuleOperatorSymbol(r.op)}, {"right", r.right},
          {"threshold_pct", r.threshold_pct}, {"severity", SeverityName(r.severity)},
          {"message", r.message},    {"field", r.field},
          {"enabled", r.enabled}};
}

namespace {

StatusOr<int64_t> ParkId(const RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

std::optional<Period> OptPeriod(const RequestContext& ctx, const char* name, std::vector<FieldError>& errs) {
  auto q = ctx.request.Query(name);
  if (!q || q->empty()) return std::nullopt;
  auto p = Period::Parse(*q);
  if (!p) errs.push_back({name, "月份格式应为 YYYY-MM"});
  return p;
}

json::value Pct(const std::optional<double>& v) { return OptJson(v); }

json::object EffectJson(const Effect& e) {
  return {{"count", e.count}, {"delta", e.delta}, {"pull_pp", Pct(e.pull_pp)}};
}

}  // namespace

StatusOr<Response> ParkReviewQueue(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto items, s.enterprises->ReviewQueue(ctx.caller(), park_id));
  json::array out;
  for (const auto& it : items) {
    json::array warnings;
    for (const auto& w : it.warnings)
      warnings.push_back({{"field", w.field}, {"message", w.message}, {"explanation", OptJson(w.explanation)}});
    out.push_back({{"enterprise_id", it.report.enterprise_id}, {"enterprise_name", it.enterprise_name},
                   {"period", it.report.period.ToString()}, {"state", ReportStateName(it.report.state)},
                   {"submitted_at", it.report.submitted_at}, {"values", ValuesJson(it.report.values)},
                   {"warnings", std::move(warnings)}});
  }
  const int64_t n = static_cast<int64_t>(out.size());
  return JsonList(std::move(out), n);
}

StatusOr<Response> ParkReportingStatus(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto period, ParsePeriodParam(ctx.request.Query("period"), "period"));
  PARKHQ_ASSIGN_OR_RETURN(auto st, s.enterprises->ReportingStatusOf(ctx.caller(), park_id, period));
  json::array missing, names;
  for (int64_t id : st.status.missing) missing.push_back(id);
  for (const auto& [id, name] : st.missing_names) names.push_back({{"id", id}, {"name", name}});
  return Json(json::object{{"park_id", park_id},
                           {"period", period.ToString()},
                           {"deadline", st.deadline.ToString()},
                           {"expected", st.status.expected},
                           {"submitted", st.status.submitted},
                           {"on_time", st.status.on_time},
                           {"approved", st.status.approved},
                           {"completeness_pct", Pct(st.status.completeness_pct)},
                           {"timeliness_pct", Pct(st.status.timeliness_pct)},
                           {"missing", std::move(missing)},
                           {"missing_enterprises", std::move(names)}});
}

StatusOr<Response> GetReportRules(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rules, s.enterprises->Rules(ctx.caller(), park_id));
  json::array items;
  for (const auto& r : rules) items.push_back(RuleJson(r));
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> PutReportRules(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  const json::value* list = body.if_contains("rules");
  if (!list || !list->is_array()) return Status::FieldInvalid("rules", "请提供规则列表");
  std::vector<ValidationRule> rules;
  std::vector<FieldError> errs;
  size_t i = 0;
  for (const auto& item : list->as_array()) {
    const std::string at = "rules[" + std::to_string(i++) + "].";
    if (!item.is_object()) {
      errs.push_back({at + "code", "应为对象"});
      continue;
    }
    FieldReader f(item.as_object(), at);
    ValidationRule r;
    r.code = f.String("code", true, 80).value_or("");
    r.name = f.String("name", true, 200).value_or("");
    r.when = f.String("when", false, 1000).value_or("");
    r.left = f.String("left", true, 1000).value_or("");
    r.right = f.String("right", true, 1000).value_or("");
    if (auto op = f.String("op", true, 20)) {
      auto p = ParseRuleOperator(*op);
      if (!p) f.AddError(at + "op", "运算符应为 < <= == != >= > 或 within_pct");
      else r.op = *p;
    }
    r.threshold_pct = f.Number("threshold_pct", false).value_or(0);
    if (auto sev = f.String("severity", true, 20)) {
      auto p = ParseSeverity(*sev);
      if (!p) f.AddError(at + "severity", "严重程度应为 error 或 warning");
      else r.severity = *p;
    }
    r.message = f.String("message", true, 500).value_or("");
    r.field = f.String("field", false, 40).value_or("");
    r.enabled = f.Bool("enabled", false).value_or(true);
    for (const auto& e : f.errors()) errs.push_back(e);
    rules.push_back(std::move(r));
  }
  if (!errs.empty()) return Status::Validation("校验规则有误", errs);
  PARKHQ_RETURN_IF_ERROR(s.enterprises->ReplaceRules(ctx.caller(), park_id, rules));
  return GetReportRules(ctx, s);
}

StatusOr<Response> EnterpriseBreakdown(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  const std::string field = ctx.request.Query("field").value_or("output");
  int year = 0;
  try {
    year = std::stoi(ctx.request.Query("year").value_or(""));
  } catch (const std::exception&) {
  }
  if (year < 1900 || year > 2999) return Status::FieldInvalid("year", "应为四位年份");
  PARKHQ_ASSIGN_OR_RETURN(auto b, s.enterprises->BreakdownOf(ctx.caller(), park_id, field, year));
  auto rows = [](const std::vector<BreakdownRow>& v) {
    json::array a;
    for (const auto& r : v)
      a.push_back({{"key", r.key}, {"name", r.name_zh}, {"enterprises", r.enterprises}, {"total", r.total}});
    return a;
  };
  return Json(json::object{{"park_id", park_id}, {"field", b.field}, {"year", b.year},
                           {"by_group", rows(b.by_group)}, {"by_scale", rows(b.by_scale)}});
}

StatusOr<Response> EnterpriseMovement(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto period, ParsePeriodParam(ctx.request.Query("period"), "period"));
  const std::string field = ctx.request.Query("field").value_or("output");
  const bool ytd = ctx.request.Query("ytd").value_or("1") != "0";
  int top = 10;
  try {
    top = std::stoi(ctx.request.Query("top").value_or("10"));
  } catch (const std::exception&) {
    return Status::FieldInvalid("top", "应为整数");
  }
  PARKHQ_ASSIGN_OR_RETURN(auto m, s.enterprises->Movement(ctx.caller(), park_id, field, period, ytd, top));
  const auto& a = m.analysis;
  auto contribs = [&](const std::vector<Contribution>& v) {
    json::array arr;
    for (const auto& c : v)
      arr.push_back({{"enterprise_id", c.id}, {"name", m.names[c.id]}, {"change", ScopeChangeName(c.change)},
                     {"delta", c.delta}, {"pull_pp", Pct(c.pull_pp)}, {"share_pct", Pct(c.share_pct)}});
    return arr;
  };
  return Json(json::object{
      {"park_id", park_id}, {"field", field}, {"from", m.from.ToString()}, {"to", m.to.ToString()},
      {"total_last", a.total_last}, {"total_this", a.total_this}, {"change", a.change}, {"yoy_pct", Pct(a.yoy_pct)},
      {"comparable_last", a.comparable_last}, {"comparable_yoy_pct", Pct(a.comparable_yoy_pct)},
      {"effects",
       {{"continuing", EffectJson(a.continuing)}, {"entered", EffectJson(a.entered)},
        {"scale_up", EffectJson(a.scale_up)}, {"left", EffectJson(a.left)}, {"scale_down", EffectJson(a.scale_down)}}},
      {"top_increases", contribs(a.top_increases)}, {"top_decreases", contribs(a.top_decreases)},
      {"missing_values", a.missing_values}});
}

StatusOr<Response> ParkCultivation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  std::vector<FieldError> errs;
  auto as_of = OptPeriod(ctx, "as_of", errs);
  if (!errs.empty()) return Status::Validation("参数有误", errs);
  PARKHQ_ASSIGN_OR_RETURN(auto c, s.enterprises->CultivationOf(ctx.caller(), park_id, as_of));
  json::array pools;
  for (const auto& p : c.pools) {
    json::array members, candidates;
    for (const auto& m : p.members)
      members.push_back({{"id", m.id}, {"enterprise_id", m.enterprise_id}, {"name", c.names[m.enterprise_id]},
                         {"since", m.since.ToString()}, {"status", m.status}, {"note", m.note},
                         {"accepted_by", m.accepted_by}});
    for (const auto& sg : p.candidates)
      candidates.push_back({{"enterprise_id", sg.enterprise_id}, {"name", c.names[sg.enterprise_id]},
                            {"reason", sg.reason}, {"ttm_revenue", OptJson(sg.ttm_revenue)},
                            {"growth_pct", OptJson(sg.growth_pct)}});
    pools.push_back({{"code", p.code}, {"name", p.name_zh}, {"members", std::move(members)},
                     {"candidates", std::move(candidates)}});
  }
  return Json(json::object{{"park_id", park_id},
                           {"year", c.year},
                           {"pools", std::move(pools)},
                           {"year_counts",
                            {{"newly_above_scale", c.year_counts.newly_above_scale},
                             {"newly_moved_in", c.year_counts.newly_moved_in},
                             {"target_above_scale", 5},
                             {"target_moved_in", 5}}}});
}

StatusOr<Response> AcceptPoolCandidate(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  auto it = ctx.params.find("pool");
  const std::string pool = it == ctx.params.end() ? "" : it->second;
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto eid = f.Int("enterprise_id", true);
  auto note = f.String("note", false, 500);
  PARKHQ_RETURN_IF_ERROR(f.Finish("参数有误"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, s.enterprises->AcceptCandidate(ctx.caller(), park_id, pool, *eid,
                                                                     note.value_or("")));
  return Json(json::object{{"id", id}}, 201);
}

StatusOr<Response> ParkZombies(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkId(ctx));
  std::vector<FieldError> errs;
  auto as_of = OptPeriod(ctx, "as_of", errs);
  std::optional<int> months;  // none: the park's setting (GET/PUT .../zombie-settings)
  if (auto q = ctx.request.Query("months"); q && !q->empty()) {
    try {
      size_t used = 0;
      months = std::stoi(*q, &used);
      if (used != q->size()) throw std::invalid_argument("months");
      if (*months < 1 || *months > 60) errs.push_back({"months", "连续月数应为 1 到 60 之间的整数"});
    } catch (const std::exception&) {
      errs.push_back({"months", "应为整数"});
    }
  }
  if (!errs.empty()) return Status::Validation("参数有误", errs);
  int n = 0;
  if (months) {
    n = *months;
  } else {
    PARKHQ_ASSIGN_OR_RETURN(n, s.enterprises->ZombieMonthsOf(ctx.caller(), park_id));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, s.enterprises->Zombies(ctx.caller(), park_id, as_of, n));
  json::array items;
  for (const auto& r : rows) {
    json::array disposals;
    for (const auto& d : r.disposals)
      disposals.push_back({{"id", d.id}, {"measure", d.disposal.measure},
                           {"responsible_unit", d.disposal.responsible_unit}, {"due", DateJson(d.disposal.due)},
                           {"status", DisposalStatusName(d.disposal.status)},
                           {"completed_on", DateJson(d.disposal.completed_on)}, {"note", d.note}});
    items.push_back({{"enterprise_id", r.enterprise_id}, {"name", r.name}, {"candidate", r.assessment.candidate},
                     {"inactive_months", r.assessment.inactive_months},
                     {"stopped_with_arrears", r.assessment.stopped_with_arrears}, {"reason", r.assessment.reason},
                     {"disposals", std::move(disposals)}});
  }
  const int64_t n2 = static_cast<int64_t>(items.size());
  return Json(json::object{{"items", std::move(items)}, {"total", n2}, {"months", n}});
}

}  // namespace parkhq::http::handlers

namespace parkhq::http::handlers {

StatusOr<Response> ApprovedTotals(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在");
  const std::string field = ctx.request.Query("field").value_or("output");
  int year = 0;
  try {
    year = std::stoi(ctx.request.Query("year").value_or(""));
  } catch (const std::exception&) {
  }
  if (year < 1900 || year > 2999) return Status::FieldInvalid("year", "应为四位年份");
  PARKHQ_ASSIGN_OR_RETURN(auto months, s.enterprises->ApprovedTotals(ctx.caller(), *park_id, field, year));
  json::array arr;
  double total = 0;
  for (const auto& m : months) {
    arr.push_back(OptJson(m));
    total += m.value_or(0);
  }
  return Json(json::object{{"park_id", *park_id}, {"field", field}, {"year", year}, {"months", std::move(arr)},
                           {"total", total}});
}

}  // namespace parkhq::http::handlers

namespace parkhq::http::handlers {

namespace {
std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
std::string CsvNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}
}  // namespace

// An uploaded table as CSV text: XLSX (first worksheet, via src/io) is converted, CSV passes through.
StatusOr<std::string> UploadAsCsv(const std::string& body) {
  if (body.rfind("PK\x03\x04", 0) != 0) return body;
  std::string out;
  PARKHQ_RETURN_IF_ERROR(io::ReadXlsx(body, [&](const io::InputRow& row) {
    for (size_t i = 0; i < row.cells.size(); ++i) out += (i ? "," : "") + CsvCell(row.cells[i]);
    out += "\n";
    return true;
  }));
  return out;
}

StatusOr<Response> ImportReports(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在");
  enterprise::ImportOptions opt;
  opt.approve = ctx.request.Query("approve").value_or("0") == "1";
  PARKHQ_ASSIGN_OR_RETURN(auto text, UploadAsCsv(ctx.request.body));
  std::istringstream in(text);
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.enterprises->ImportReports(ctx.caller(), *park_id, in, opt));
  json::array errors, details;
  for (const auto& e : r.errors) {
    const std::string message = Localize(ctx.request, e.message);  // the row report in the caller's language
    errors.push_back({{"row", e.row}, {"column", e.column}, {"message", message}});
    details.push_back({{"field", "rows[" + std::to_string(e.row) + "]" + (e.column.empty() ? "" : "." + e.column)},
                       {"message", message}});
  }
  json::object body{{"rows", r.rows}, {"imported", r.imported}, {"replaced", r.replaced}, {"warnings", r.warnings},
                    {"errors", std::move(errors)}, {"truncated", r.truncated}};
  if (r.errors.empty()) return Json(body);
  body["error"] = {{"code", "validation"},
                   {"message", Localize(ctx.request, "导入失败：共 " + std::to_string(r.errors.size()) +
                                                         (r.truncated ? "+" : "") + " 处错误，未导入任何数据")},
                   {"details", std::move(details)}};
  return Json(body, 422);
}

StatusOr<Response> ExportReports(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto from, ParsePeriodParam(ctx.request.Query("from"), "from"));
  PARKHQ_ASSIGN_OR_RETURN(auto to, ParsePeriodParam(ctx.request.Query("to"), "to"));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, s.enterprises->ExportReports(ctx.caller(), *park_id, from, to));
  PARKHQ_ASSIGN_OR_RETURN(const auto fields, s.enterprises->ReportFieldsOf(ctx.caller(), *park_id));
  if (ctx.request.Query("format").value_or("csv") == "xlsx") {
    io::Sheet sheet;
    sheet.name = "企业月报";
    sheet.columns = {{"uscc", 22}, {"period", 10}, {"state", 10}};
    for (const auto& f : fields) sheet.columns.push_back({f.code, 14, io::ColumnKind::kNumber, 2});
    for (const auto& [uscc, r] : rows) {
      std::vector<io::CellValue> cells = {uscc, r.period.ToString(), std::string(enterprise::ReportStateName(r.state))};
      for (const auto& f : fields) {
        auto it = r.values.find(f.code);
        cells.push_back(it == r.values.end() ? io::CellValue() : io::CellValue(it->second));
      }
      sheet.rows.push_back(std::move(cells));
    }
    PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sheet}));
    Response resp;
    resp.content_type = io::kXlsxContentType;
    resp.body = std::move(bytes);
    resp.AddHeader("Content-Disposition", io::AttachmentDisposition("企业月报-" + from.ToString() + "-" + to.ToString() + ".xlsx"));
    return resp;
  }
  std::string out = "\xEF\xBB\xBFuscc,period,state";
  for (const auto& f : fields) out += "," + f.code;
  out += "\r\n";
  for (const auto& [uscc, r] : rows) {
    out += CsvCell(uscc) + "," + r.period.ToString() + "," + enterprise::ReportStateName(r.state);
    for (const auto& f : fields) {
      auto it = r.values.find(f.code);
      out += ",";
      if (it != r.values.end()) out += CsvNumber(it->second);
    }
    out += "\r\n";
  }
  Response resp;
  resp.content_type = "text/csv; charset=utf-8";
  resp.body = std::move(out);
  resp.AddHeader("Content-Disposition", "attachment; filename=\"reports-" + from.ToString() + "-" + to.ToString() + ".csv\"");
  return resp;
}

}  // namespace parkhq::http::handlers

namespace parkhq::http::handlers {

StatusOr<Response> ImportEnterprises(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto text, UploadAsCsv(ctx.request.body));
  std::istringstream in(text);
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.enterprises->ImportEnterprises(ctx.caller(), *park_id, in));
  json::array errors, details;
  for (const auto& e : r.errors) {
    const std::string message = Localize(ctx.request, e.message);  // the row report in the caller's language
    errors.push_back({{"row", e.row}, {"column", e.column}, {"message", message}});
    details.push_back({{"field", "rows[" + std::to_string(e.row) + "]" + (e.column.empty() ? "" : "." + e.column)},
                       {"message", message}});
  }
  json::object body{{"rows", r.rows}, {"imported", r.imported}, {"errors", std::move(errors)}, {"truncated", r.truncated}};
  if (r.errors.empty()) return Json(body, 201);
  body["error"] = {{"code", "validation"},
                   {"message", Localize(ctx.request, "导入失败：共 " + std::to_string(r.errors.size()) +
                                                         " 处错误，未导入任何企业")},
                   {"details", std::move(details)}};
  return Json(body, 422);
}

}  // namespace parkhq::http::handlers
