// Registry and monthly-report handlers of the enterprises module.
#include "http/handlers/enterprise_handlers.h"
#include "common/limits.h"

#include "domain/enterprise/enterprise_service.h"
#include "http/handlers/enterprise_json.h"
#include "http/messages_en.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

using namespace parkhq::enterprise;


json::object EnterpriseJson(const Enterprise& e, const IndustryTable& t) {
  json::array flags;
  for (const auto& f : e.flags)
    flags.push_back({{"code", f.code}, {"name", FlagNameZh(f.code)}, {"since", DateJson(f.since)},
                     {"until", DateJson(f.until)}});
  const IndustryCode* ic = t.Find(e.industry_code);
  return {{"id", e.id},
          {"park_id", e.park_id},
          {"sub_park_id", OptJson(e.sub_park_id)},
          {"uscc", e.uscc},
          {"name", e.name},
          {"legal_rep", e.legal_rep},
          {"address", e.address},
          {"contact_phone", e.contact_phone},
          {"land_parcels", e.land_parcels},
          {"industry_code", e.industry_code},
          {"industry_name", ic ? ic->name : ""},
          {"leading_group", LeadingGroupCode(e.leading_group)},
          {"leading_group_name", LeadingGroupNameZh(e.leading_group)},
          {"leading_group_manual", e.leading_group_manual},
          {"above_scale", e.above_scale},
          {"scale_changed_on", DateJson(e.scale_changed_on)},
          {"employees", OptJson(e.employees)},
          {"founded_on", DateJson(e.founded_on)},
          {"moved_in_on", DateJson(e.moved_in_on)},
          {"status", EnterpriseStatusName(e.status)},
          {"status_name", EnterpriseStatusNameZh(e.status)},
          {"status_changed_on", DateJson(e.status_changed_on)},
          {"tax_arrears", e.tax_arrears},
          {"is_demo", e.is_demo},
          {"flags", std::move(flags)},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

json::object ValuesJson(const FieldValues& v) {
  json::object o;
  for (const auto& [k, x] : v) o[k] = x;
  return o;
}

json::object ReportViewJson(const ReportView& v, const Request& req) {
  // Only the park's configured fields are shown (values of removed fields stay stored).
  json::object expl;
  for (const auto& [k, x] : v.report.explanations)
    if (FindField(v.fields, k)) expl[k] = x;
  FieldValues visible;
  for (const auto& [k, x] : v.report.values)
    if (FindField(v.fields, k)) visible.emplace(k, x);
  json::array fields;
  for (const auto& f : v.fields)
    fields.push_back({{"code", f.code}, {"name", f.name_zh}, {"unit", f.unit}, {"required", f.required},
                      {"non_negative", f.non_negative}});
  json::array errors, warnings;
  // The check's messages in the caller's language, like error responses.
  for (const auto& f : v.check.errors)
    errors.push_back({{"field", f.field}, {"message", Localize(req, f.message)}, {"rule", f.rule_code}});
  for (const auto& w : v.check.warnings)
    warnings.push_back({{"field", w.field}, {"message", Localize(req, w.message)}, {"rule", w.rule_code},
                        {"explanation", OptJson(w.explanation)}});
  auto opt_text = [](const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); };
  return {{"enterprise_id", v.enterprise_id},
          {"enterprise_name", v.enterprise_name},
          {"period", v.period.ToString()},
          {"exists", v.exists},
          {"state", ReportStateName(v.report.state)},
          {"state_name", ReportStateNameZh(v.report.state)},
          {"values", ValuesJson(visible)},
          {"explanations", std::move(expl)},
          {"fields", std::move(fields)},
          {"reference",
           {{"last_month", v.last_month ? json::value(ValuesJson(*v.last_month)) : json::value(nullptr)},
            {"last_year", v.last_year ? json::value(ValuesJson(*v.last_year)) : json::value(nullptr)}}},
          {"check", {{"can_submit", v.check.CanSubmit()}, {"errors", std::move(errors)}, {"warnings", std::move(warnings)}}},
          {"deadline", v.queue.deadline.ToString()},
          {"days_left", v.queue.days_left},
          {"queue_status", QueueStatusName(v.queue.status)},
          {"exception_until", DateJson(v.exception_until)},
          {"editable", v.editable},
          {"first_submitted_on", DateJson(v.report.first_submitted_on)},
          {"submitted_at", opt_text(v.report.submitted_at)},
          {"reviewed_at", opt_text(v.report.reviewed_at)},
          {"reviewed_by", opt_text(v.report.reviewed_by)},
          {"return_reason", opt_text(v.report.return_reason)}};
}

StatusOr<Period> ParsePeriodParam(const std::optional<std::string>& s, const char* name) {
  if (!s || s->empty()) return Status::FieldInvalid(name, "请指定月份（YYYY-MM）");
  auto p = Period::Parse(*s);
  if (!p) return Status::FieldInvalid(name, "月份格式应为 YYYY-MM");
  return *p;
}

namespace {

StatusOr<int64_t> EnterpriseId(const RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("企业不存在");
  return *id;
}

std::optional<Date> ReadDate(FieldReader& f, const char* key, const std::optional<Date>& keep, bool patch) {
  if (patch && !f.Raw(key)) return keep;
  auto s = f.DateString(key, false);
  return s ? Date::Parse(*s) : std::nullopt;
}

// Applies the JSON fields present in `body` to `e` (all of them for a create).
void ReadEnterprise(FieldReader& f, Enterprise& e, bool patch) {
  auto text = [&](const char* key, std::string& out, bool required, size_t max) {
    if (patch && !f.Raw(key)) return;
    out = f.String(key, required && !patch, max).value_or("");
  };
  text("uscc", e.uscc, true, 40);
  text("name", e.name, true, 200);
  text("legal_rep", e.legal_rep, false, 100);
  text("address", e.address, false, 300);
  text("contact_phone", e.contact_phone, false, 50);
  text("land_parcels", e.land_parcels, false, 500);
  text("industry_code", e.industry_code, true, 10);
  if (!patch) e.park_id = f.Int("park_id", true).value_or(0);
  if (!patch || f.Raw("sub_park_id")) e.sub_park_id = f.Int("sub_park_id", false);
  if (f.Has("leading_group")) {
    auto g = ParseLeadingGroup(f.String("leading_group", false, 40).value_or(""));
    if (!g) f.AddError("leading_group", "主导产业应为 coal_chemical、power、metallurgy、building_materials 或 other");
    else {
      e.leading_group = *g;
      e.leading_group_manual = true;
    }
  }
  if (f.Has("leading_group_manual")) e.leading_group_manual = f.Bool("leading_group_manual", false).value_or(false);
  if (f.Has("above_scale")) e.above_scale = f.Bool("above_scale", false).value_or(false);
  e.scale_changed_on = ReadDate(f, "scale_changed_on", e.scale_changed_on, patch);
  if (!patch || f.Raw("employees")) {
    e.employees = f.Int("employees", false);
  }
  e.founded_on = ReadDate(f, "founded_on", e.founded_on, patch);
  e.moved_in_on = ReadDate(f, "moved_in_on", e.moved_in_on, patch);
  if (f.Has("status")) {
    auto st = ParseEnterpriseStatus(f.String("status", false, 20).value_or(""));
    if (!st) f.AddError("status", "状态应为 operating（在营）、stopped（停产）或 closed（注销）");
    else e.status = *st;
  }
  e.status_changed_on = ReadDate(f, "status_changed_on", e.status_changed_on, patch);
  if (f.Has("tax_arrears")) e.tax_arrears = f.Bool("tax_arrears", false).value_or(false);
  if (const json::value* flags = f.Raw("flags"); flags && !flags->is_null()) {
    if (!flags->is_array()) {
      f.AddError("flags", "应为数组");
      return;
    }
    e.flags.clear();
    size_t i = 0;
    for (const auto& item : flags->as_array()) {
      const std::string at = "flags[" + std::to_string(i++) + "].";
      if (item.is_string()) {
        e.flags.push_back({std::string(item.as_string()), std::nullopt, std::nullopt});
        continue;
      }
      if (!item.is_object()) {
        f.AddError(at + "code", "应为对象");
        continue;
      }
      FieldReader fr(item.as_object(), at);
      EnterpriseFlag fl;
      fl.code = fr.String("code", true, 40).value_or("");
      if (auto d = fr.DateString("since", false)) fl.since = Date::Parse(*d);
      if (auto d = fr.DateString("until", false)) fl.until = Date::Parse(*d);
      for (const auto& err : fr.errors()) f.AddError(err.field, err.message);
      e.flags.push_back(fl);
    }
  }
}

}  // namespace

namespace {
struct ListQuery {
  EnterpriseFilter filter;
  std::optional<int64_t> park_id;
};
StatusOr<ListQuery> ParseListQuery(const RequestContext& ctx) {
  ListQuery lq;
  EnterpriseFilter& f = lq.filter;
  std::vector<FieldError> errs;
  if (auto q = ctx.request.Query("park_id"); q && !q->empty()) {
    try {
      lq.park_id = std::stoll(*q);
    } catch (const std::exception&) {
      errs.push_back({"park_id", "应为整数"});
    }
  }
  f.q = ctx.request.Query("q").value_or("");
  if (auto g = ctx.request.Query("leading_group"); g && !g->empty()) {
    f.leading_group = ParseLeadingGroup(*g);
    if (!f.leading_group) errs.push_back({"leading_group", "未知的主导产业"});
  }
  if (auto a = ctx.request.Query("above_scale"); a && !a->empty()) f.above_scale = (*a == "1" || *a == "true");
  if (auto st = ctx.request.Query("status"); st && !st->empty()) {
    f.status = ParseEnterpriseStatus(*st);
    if (!f.status) errs.push_back({"status", "未知的企业状态"});
  }
  f.flag = ctx.request.Query("flag").value_or("");
  if (!errs.empty()) return Status::Validation("查询条件有误", errs);
  return lq;
}
}  // namespace

StatusOr<Response> ListEnterprises(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto lq, ParseListQuery(ctx));
  lq.filter.offset = page.offset();
  lq.filter.limit = page.page_size;
  PARKHQ_ASSIGN_OR_RETURN(auto result, s.enterprises->List(ctx.caller(), lq.filter, lq.park_id));
  json::array items;
  for (const auto& e : result.items) items.push_back(EnterpriseJson(e, *s.enterprises->industries()));
  return JsonList(std::move(items), result.total);
}

StatusOr<Response> ExportEnterprises(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto lq, ParseListQuery(ctx));
  lq.filter.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto result, s.enterprises->List(ctx.caller(), lq.filter, lq.park_id));
  io::Sheet sheet;
  sheet.name = "企业名录";
  sheet.title = "企业名录（一企一档）";
  sheet.columns = {{"统一社会信用代码", 22}, {"企业名称", 34},     {"行业代码", 10},     {"所属行业", 24},
                   {"主导产业", 12},         {"规模", 8},          {"经营状态", 10},     {"从业人员", 10, io::ColumnKind::kInteger},
                   {"成立日期", 12, io::ColumnKind::kDate}, {"入园日期", 12, io::ColumnKind::kDate}, {"企业标识", 30}};
  bool demo = false;
  for (const auto& e : result.items) {
    const IndustryCode* ic = s.enterprises->industries()->Find(e.industry_code);
    std::string flags;
    for (const auto& fl : e.flags) flags += (flags.empty() ? "" : "、") + FlagNameZh(fl.code);
    sheet.rows.push_back({e.uscc, e.name, e.industry_code, ic ? ic->name : "", std::string(LeadingGroupNameZh(e.leading_group)),
                          std::string(e.above_scale ? "规上" : "规下"), std::string(EnterpriseStatusNameZh(e.status)),
                          e.employees ? io::CellValue(static_cast<double>(*e.employees)) : io::CellValue(),
                          e.founded_on ? io::CellValue(e.founded_on->ToString()) : io::CellValue(),
                          e.moved_in_on ? io::CellValue(e.moved_in_on->ToString()) : io::CellValue(), flags});
    demo = demo || e.is_demo;
  }
  if (demo) sheet.notes.push_back("含演示数据（名称以“（演示）”结尾）");
  Response resp;
  if (ctx.request.Query("format").value_or("xlsx") == "csv") {
    resp.content_type = "text/csv; charset=utf-8";
    resp.body = io::WriteCsv(sheet);
    resp.AddHeader("Content-Disposition", io::AttachmentDisposition("企业名录.csv"));
    return resp;
  }
  PARKHQ_ASSIGN_OR_RETURN(resp.body, io::WriteXlsx({sheet}));
  resp.content_type = io::kXlsxContentType;
  resp.AddHeader("Content-Disposition", io::AttachmentDisposition("企业名录.xlsx"));
  return resp;
}

StatusOr<Response> CreateEnterprise(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  Enterprise e;
  ReadEnterprise(f, e, false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("企业信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto created, s.enterprises->Create(ctx.caller(), e));
  return Json(EnterpriseJson(created, *s.enterprises->industries()), 201);
}

StatusOr<Response> GetEnterprise(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto e, s.enterprises->Get(ctx.caller(), id));
  return Json(EnterpriseJson(e, *s.enterprises->industries()));
}

StatusOr<Response> UpdateEnterprise(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto e, s.enterprises->Get(ctx.caller(), id));
  FieldReader f(body);
  ReadEnterprise(f, e, true);
  const std::string reason = f.String("reason", false, 500).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("企业信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto updated, s.enterprises->Update(ctx.caller(), e, reason));
  return Json(EnterpriseJson(updated, *s.enterprises->industries()));
}

StatusOr<Response> ReportFields(RequestContext& ctx, const Services& s) {
  if (ctx.request.Query("park_id")) {  // the park's configured list
    ctx.params["park_id"] = *ctx.request.Query("park_id");
    return GetParkReportFields(ctx, s);
  }
  json::array items;
  for (const auto& f : s.enterprises->fields())
    items.push_back({{"code", f.code}, {"name", f.name_zh}, {"unit", f.unit}, {"required", f.required},
                     {"non_negative", f.non_negative}});
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

namespace {
struct ReportKey {
  int64_t id;
  Period period;
};
StatusOr<ReportKey> Key(const RequestContext& ctx) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  auto it = ctx.params.find("period");
  auto p = Period::Parse(it == ctx.params.end() ? "" : it->second);
  if (!p) return Status::FieldInvalid("period", "月份格式应为 YYYY-MM");
  return ReportKey{id, *p};
}
}  // namespace

StatusOr<Response> GetReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto k, Key(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.enterprises->GetReport(ctx.caller(), k.id, k.period));
  return Json(ReportViewJson(v, ctx.request));
}

StatusOr<Response> PutReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto k, Key(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldValues values;
  std::map<std::string, std::string> explanations;
  std::vector<FieldError> errs;
  if (const json::value* v = body.if_contains("values"); v && !v->is_null()) {
    if (!v->is_object()) errs.push_back({"values", "应为对象"});
    else
      for (const auto& [key, x] : v->as_object()) {
        const std::string k2(key);
        if (x.is_null()) continue;
        if (x.is_double() || x.is_int64() || x.is_uint64()) {
          const double d = x.to_number<double>();
          if (std::string bad = NumberProblem(d); !bad.empty()) errs.push_back({"values." + k2, bad});
          else values[k2] = d;
        } else errs.push_back({"values." + k2, "应为数字"});
      }
  } else {
    errs.push_back({"values", "请填写月报数据"});
  }
  if (const json::value* v = body.if_contains("explanations"); v && !v->is_null()) {
    if (!v->is_object()) errs.push_back({"explanations", "应为对象"});
    else
      for (const auto& [key, x] : v->as_object()) {
        if (x.is_string()) explanations[std::string(key)] = std::string(x.as_string());
        else if (!x.is_null()) errs.push_back({"explanations." + std::string(key), "应为文字"});
      }
  }
  if (!errs.empty()) return Status::Validation("月报数据有误", errs);
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.enterprises->SaveReport(ctx.caller(), k.id, k.period, std::move(values),
                                                            std::move(explanations)));
  return Json(ReportViewJson(v, ctx.request));
}

StatusOr<Response> SubmitReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto k, Key(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.enterprises->Submit(ctx.caller(), k.id, k.period));
  return Json(ReportViewJson(v, ctx.request));
}

StatusOr<Response> ReviewReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto k, Key(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto decision = f.String("decision", true, 20);
  auto reason = f.String("reason", false, 1000);
  PARKHQ_RETURN_IF_ERROR(f.Finish("审核信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.enterprises->Review(ctx.caller(), k.id, k.period, decision.value_or(""),
                                                        reason.value_or("")));
  return Json(ReportViewJson(v, ctx.request));
}

StatusOr<Response> UnlockReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto k, Key(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto reason = f.String("reason", false, 1000);
  PARKHQ_RETURN_IF_ERROR(f.Finish("解锁信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.enterprises->Unlock(ctx.caller(), k.id, k.period, reason.value_or("")));
  return Json(ReportViewJson(v, ctx.request));
}

StatusOr<Response> GrantReportException(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto k, Key(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto until = f.DateString("until", true);
  auto reason = f.String("reason", true, 500);
  PARKHQ_RETURN_IF_ERROR(f.Finish("补报设置有误"));
  PARKHQ_RETURN_IF_ERROR(s.enterprises->GrantException(ctx.caller(), k.id, k.period,
                                                       Date::Parse(*until).value_or(Date{}), *reason));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.enterprises->GetReport(ctx.caller(), k.id, k.period));
  return Json(ReportViewJson(v, ctx.request));
}

StatusOr<Response> ReportRevisions(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  std::optional<Period> period;
  if (auto it = ctx.params.find("period"); it != ctx.params.end()) {
    PARKHQ_ASSIGN_OR_RETURN(period, ParsePeriodParam(it->second, "period"));
  } else if (auto q = ctx.request.Query("period"); q && !q->empty()) {
    PARKHQ_ASSIGN_OR_RETURN(period, ParsePeriodParam(q, "period"));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto revs, s.enterprises->Revisions(ctx.caller(), id, period));
  json::array items;
  for (const auto& r : revs)
    items.push_back({{"id", r.id}, {"period", r.period.ToString()}, {"at", r.at}, {"username", r.username},
                     {"field", r.field}, {"old", OptJson(r.old_value)}, {"new", OptJson(r.new_value)},
                     {"reason", r.reason}});
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> ListEnterpriseReports(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto from, ParsePeriodParam(ctx.request.Query("from"), "from"));
  PARKHQ_ASSIGN_OR_RETURN(auto to, ParsePeriodParam(ctx.request.Query("to"), "to"));
  PARKHQ_ASSIGN_OR_RETURN(auto reports, s.enterprises->ListReports(ctx.caller(), id, from, to));
  json::array items;
  for (const auto& r : reports)
    items.push_back({{"period", r.period.ToString()}, {"state", ReportStateName(r.state)},
                     {"values", ValuesJson(r.values)}, {"is_demo", r.is_demo}});
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> ReportQueue(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto q, s.enterprises->Queue(ctx.caller(), id, 12));
  json::array items;
  for (const auto& e : q)
    items.push_back({{"period", e.period.ToString()},
                     {"state", e.state ? json::value(ReportStateName(*e.state)) : json::value(nullptr)},
                     {"status", QueueStatusName(e.item.status)},
                     {"deadline", e.item.deadline.ToString()},
                     {"days_left", e.item.days_left}});
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> AddZombieDisposal(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, EnterpriseId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  ZombieDisposal d;
  d.measure = f.String("measure", false, 200).value_or("");
  d.responsible_unit = f.String("responsible_unit", false, 200).value_or("");
  if (auto x = f.DateString("due", false)) d.due = Date::Parse(*x);
  if (auto x = f.DateString("completed_on", false)) d.completed_on = Date::Parse(*x);
  if (auto st = f.String("status", false, 20)) {
    auto p = ParseDisposalStatus(*st);
    if (!p) f.AddError("status", "状态应为 planned、in_progress、done 或 cancelled");
    else d.status = *p;
  }
  const std::string note = f.String("note", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("处置记录有误"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t rid, s.enterprises->AddDisposal(ctx.caller(), id, d, note));
  return Json(json::object{{"id", rid}}, 201);
}

}  // namespace parkhq::http::handlers
