#include "http/handlers/evaluation_handlers.h"
#include "http/handlers/evaluation_handlers_internal.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <variant>

#include "domain/evaluation/evaluation_service.h"
#include "domain/org/org_service.h"
#include "http/json/json_util.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"
#include "storage/evaluation/evaluation_json.h"

namespace parkhq::http::handlers {

using namespace parkhq::evaluation;  // NOLINT

namespace eval_internal {

StatusOr<ParkYear> ReadParkYear(const RequestContext& ctx) {
  auto park_id = ctx.IdParam("park_id");
  auto year = ctx.IdParam("year");
  if (!park_id) return Status::NotFound("园区不存在");
  if (!year || *year < 1900 || *year > 2999) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  return ParkYear{*park_id, static_cast<int>(*year)};
}

EvaluationService& Svc(const Services& s) { return *s.evaluation; }

}  // namespace eval_internal

using eval_internal::ParkYear;
using eval_internal::ReadParkYear;
using eval_internal::Svc;

namespace {

// ---- exports (src/io: XLSX with Chinese headers, CSV with BOM) ------------------------------------
using Cell = io::CellValue;
struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

Cell OptCell(const std::optional<double>& v) { return v ? Cell(*v) : Cell(); }
Cell OptCell(const std::optional<std::string>& v) { return v ? Cell(*v) : Cell(); }

io::Sheet ToSheet(const Table& t) {
  io::Sheet sh;
  sh.name = "Sheet1";
  sh.title = t.title;
  for (size_t c = 0; c < t.header.size(); ++c) {
    io::Column col;
    col.header = t.header[c];
    col.width = c < 4 ? 18 : 14;
    bool numeric = !t.rows.empty();
    for (const auto& r : t.rows)
      if (c < r.size() && std::holds_alternative<std::string>(r[c])) numeric = false;
    col.kind = numeric ? io::ColumnKind::kNumber : io::ColumnKind::kText;
    col.decimals = 4;
    sh.columns.push_back(std::move(col));
  }
  sh.rows = t.rows;
  return sh;
}

// Renders the table when ?format=csv|xlsx; nullopt for JSON.
StatusOr<std::optional<Response>> MaybeExport(const RequestContext& ctx, const Table& t, const std::string& name) {
  auto f = ctx.request.Query("format");
  if (!f || f->empty() || *f == "json") return std::optional<Response>();
  Response r;
  if (*f == "csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = io::WriteCsv(ToSheet(t));
    r.AddHeader("Content-Disposition", io::AttachmentDisposition(name + ".csv"));
    return std::optional<Response>(std::move(r));
  }
  if (*f == "xlsx") {
    PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({ToSheet(t)}));
    r.content_type = io::kXlsxContentType;
    r.AddHeader("Content-Disposition", io::AttachmentDisposition(name + ".xlsx"));
    return std::optional<Response>(std::move(r));
  }
  return Status::Validation("导出格式有误", {{"format", "应为 csv 或 xlsx"}});
}

bool WantsExport(const RequestContext& ctx) {
  auto f = ctx.request.Query("format");
  return f && !f->empty() && *f != "json";
}

const char* ClassZh(EvalClass c) {
  switch (c) {
    case EvalClass::kA: return "A类";
    case EvalClass::kB: return "B类";
    case EvalClass::kC: return "C类";
    case EvalClass::kD: return "D类";
    case EvalClass::kT: return "不定等级";
  }
  return "";
}
const char* GroupZh(Group g) { return g == Group::kAboveScale ? "规上企业" : "规下企业"; }

// ---- JSON --------------------------------------------------------------------------------------
json::value OptStr(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object SchemeViewJson(const SchemeView& v, const ParkYear& py) {
  json::object o = SchemeToJson(v.scheme);
  o["park_id"] = py.park_id;
  o["year"] = py.year;
  o["is_default"] = v.is_default;
  return o;
}

const char* kInputFields[] = {"land_mu", "tax", "value_added", "revenue", "output", "energy_tce",
                              "emissions_t", "employees_avg", "rnd", "electricity_kwh"};

std::optional<double> InputField(const InputRecord& r, std::string_view f) {
  const EnterpriseInput& in = r.input;
  if (f == "land_mu") return in.land_mu;
  if (f == "tax") return in.tax;
  if (f == "value_added") return in.value_added;
  if (f == "revenue") return in.revenue;
  if (f == "output") return r.output;
  if (f == "energy_tce") return in.energy_tce;
  if (f == "emissions_t") return in.emissions_t;
  if (f == "employees_avg") return in.employees_avg;
  if (f == "rnd") return in.rnd;
  if (f == "electricity_kwh") return in.electricity_kwh;
  return std::nullopt;
}

json::array StringArray(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::string(s));
  return a;
}

json::object InputJson(const InputRecord& r) {
  json::object o{{"enterprise_id", r.input.enterprise_id},
                 {"enterprise_name", OptStr(r.enterprise_name)},
                 {"group", GroupCode(r.input.group)},
                 {"sub_park_id", OptJson(r.sub_park_id)},
                 {"industry", OptStr(r.industry)}};
  for (const char* f : kInputFields) o[f] = OptJson(InputField(r, f));
  json::object src;
  for (const auto& [k, v] : r.sources) src[k] = v;
  o["sources"] = std::move(src);
  o["excluded_reason"] = OptStr(r.input.excluded_reason);
  o["veto_reason"] = OptStr(r.input.veto_reason);
  o["d_exempt_reason"] = OptStr(r.input.d_exempt_reason);
  o["bonuses"] = StringArray(r.input.bonuses);
  o["deductions"] = StringArray(r.input.deductions);
  o["confirmed"] = r.confirmed_at.has_value();
  o["confirmed_at"] = OptStr(r.confirmed_at);
  return o;
}

json::object RunJson(const RunInfo& r) {
  return {{"id", r.id},
          {"year", r.year},
          {"run_at", r.run_at},
          {"enterprises", r.enterprises},
          {"status", r.status},
          {"published_at", OptStr(r.published_at)},
          {"publicity_start", OptStr(r.publicity_start)},
          {"publicity_end", OptStr(r.publicity_end)}};
}

json::object ResultJson(const ResultRecord& rr) {
  const auto& r = rr.r;
  json::array flags;
  if (r.quota_adjusted) flags.push_back("quota");
  if (r.vetoed) flags.push_back("veto");
  if (r.d_exempted) flags.push_back("d_exempt");
  if (rr.appeal_changed) flags.push_back("appeal");
  return {{"enterprise_id", r.enterprise_id},
          {"enterprise_name", OptStr(rr.enterprise_name)},
          {"group", GroupCode(r.group)},
          {"indicators", IndicatorValuesJson(r)},
          {"indicator_scores", IndicatorScoresJson(r)},
          {"imputed", ImputedJson(r)},
          {"bonus", r.bonus},
          {"deduction", r.deduction},
          {"score", r.cls == EvalClass::kT ? json::value(nullptr) : json::value(r.score)},
          {"class", ClassCode(r.cls)},
          {"class_by_rank", ClassCode(r.class_by_rank)},
          {"rank", r.rank ? json::value(*r.rank) : json::value(nullptr)},
          {"ranked_in_group", r.ranked_in_group},
          {"flags", std::move(flags)}};
}

StatusOr<Response> RenderRun(const RequestContext& ctx, const RunView& v, const ParkYear& py) {
  if (WantsExport(ctx)) {
    Table t;
    t.title = std::to_string(py.year) + "年度亩均效益评价结果";
    t.header = {"分组", "排名", "企业编号", "企业名称", "综合得分", "等级"};
    for (size_t k = 0; k < kEvaluationIndicatorCount; ++k)
      t.header.push_back(std::string(Info(static_cast<IndicatorCode>(k)).name_zh) + "（" +
                         std::string(Info(static_cast<IndicatorCode>(k)).unit) + "）");
    for (const auto& rr : v.items) {
      const auto& r = rr.r;
      std::vector<Cell> row = {std::string(GroupZh(r.group)), r.rank ? Cell(double(*r.rank)) : Cell(),
                               double(r.enterprise_id), OptCell(rr.enterprise_name),
                               r.cls == EvalClass::kT ? Cell() : Cell(r.score), std::string(ClassZh(r.cls))};
      for (size_t k = 0; k < kEvaluationIndicatorCount; ++k) row.push_back(OptCell(r.Indicator(static_cast<IndicatorCode>(k))));
      t.rows.push_back(std::move(row));
    }
    PARKHQ_ASSIGN_OR_RETURN(auto out, MaybeExport(ctx, t, "evaluation-" + std::to_string(py.year)));
    return std::move(*out);
  }
  json::array items;
  std::array<std::array<int, 5>, kGroupCount> counts{};
  for (const auto& rr : v.items) {
    items.push_back(ResultJson(rr));
    ++counts[static_cast<int>(rr.r.group)][static_cast<int>(rr.r.cls)];
  }
  json::object dist;
  for (Group g : {Group::kAboveScale, Group::kBelowScale}) {
    json::object c;
    for (EvalClass k : {EvalClass::kA, EvalClass::kB, EvalClass::kC, EvalClass::kD, EvalClass::kT})
      c[ClassCode(k)] = counts[static_cast<int>(g)][static_cast<int>(k)];
    dist[GroupCode(g)] = std::move(c);
  }
  json::object o{{"park_id", py.park_id},
                 {"year", py.year},
                 {"run", v.run ? json::value(RunJson(*v.run)) : json::value(nullptr)},
                 {"total", static_cast<int64_t>(v.items.size())},
                 {"unconfirmed", v.unconfirmed},
                 {"distribution", std::move(dist)},
                 {"items", std::move(items)}};
  return Json(o);
}

StatusOr<Scheme> ReadScheme(const json::value& v) {
  std::vector<FieldError> errs;
  Scheme s = SchemeFromJson(v, errs);
  if (!errs.empty()) return Status::Validation("评价方案有误，请检查标出的字段", errs);
  return s;
}

json::object AppealJson(const Appeal& a) {
  return {{"id", a.id},
          {"year", a.year},
          {"run_id", a.run_id},
          {"enterprise_id", a.enterprise_id},
          {"enterprise_name", OptStr(a.enterprise_name)},
          {"reason", a.reason},
          {"status", a.status},
          {"class_before", a.class_before},
          {"class_after", OptStr(a.class_after)},
          {"decision_note", OptStr(a.decision_note)},
          {"created_at", a.created_at},
          {"decided_at", OptStr(a.decided_at)}};
}

json::object PerMuJson(const PerMuFigure& f) {
  return {{"key", f.key},
          {"name", f.name},
          {"enterprises", f.enterprises},
          {"land_mu", f.land_mu},
          {"tax", f.tax},
          {"output", f.output},
          {"value_added", f.value_added},
          {"tax_per_mu", OptJson(f.tax_per_mu)},
          {"output_per_mu", OptJson(f.output_per_mu)},
          {"value_added_per_mu", OptJson(f.value_added_per_mu)}};
}

}  // namespace

StatusOr<Response> GetEvalScheme(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).GetScheme(ctx.caller(), py.park_id, py.year));
  return Json(SchemeViewJson(v, py));
}

StatusOr<Response> PutEvalScheme(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto scheme, ReadScheme(body));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).PutScheme(ctx.caller(), py.park_id, py.year, scheme));
  return Json(SchemeViewJson(v, py));
}

StatusOr<Response> GetEvalInputs(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ListInputs(ctx.caller(), py.park_id, py.year));
  if (WantsExport(ctx)) {
    Table t;
    t.title = std::to_string(py.year) + "年度亩均效益评价数据（一企一单）";
    t.header = {"企业编号", "企业名称", "分组", "用地面积（亩）", "实缴税收（万元）", "工业增加值（万元）",
                "营业收入（万元）", "工业总产值（万元）", "综合能耗（吨标准煤）", "主要污染物排放（吨）",
                "年平均从业人员（人）", "研发经费（万元）", "用电量（千瓦时）", "企业确认"};
    for (const auto& r : rows) {
      std::vector<Cell> row = {double(r.input.enterprise_id), OptCell(r.enterprise_name),
                               std::string(GroupZh(r.input.group))};
      for (const char* f : kInputFields) row.push_back(OptCell(InputField(r, f)));
      row.push_back(std::string(r.confirmed_at ? "已确认" : "未确认"));
      t.rows.push_back(std::move(row));
    }
    PARKHQ_ASSIGN_OR_RETURN(auto out, MaybeExport(ctx, t, "evaluation-inputs-" + std::to_string(py.year)));
    return std::move(*out);
  }
  json::array items;
  for (const auto& r : rows) items.push_back(InputJson(r));
  return JsonList(std::move(items), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> PutEvalInputs(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader top(body);
  const std::string default_source = top.String("source", false, 40).value_or("manual");
  const json::value* items_v = body.if_contains("items");
  if (!items_v || !items_v->is_array())
    return Status::Validation("评价数据有误", {{"items", items_v ? "应为数组" : "必填"}});
  const json::array& arr = items_v->as_array();
  std::vector<InputRecord> items;
  items.reserve(arr.size());
  std::vector<FieldError> errs = top.errors();
  for (size_t i = 0; i < arr.size(); ++i) {
    const std::string p = "items[" + std::to_string(i) + "]";
    if (!arr[i].is_object()) {
      errs.push_back({p, "应为对象"});
      continue;
    }
    const json::object& o = arr[i].as_object();
    FieldReader f(o, p + ".");
    InputRecord rec;
    EnterpriseInput& in = rec.input;
    in.enterprise_id = f.Int("enterprise_id", true).value_or(0);
    rec.enterprise_name = f.String("enterprise_name", false, 200);
    rec.sub_park_id = f.Int("sub_park_id", false);
    rec.industry = f.String("industry", false, 100);
    if (auto g = f.String("group", true, 40)) {
      if (auto pg = ParseGroup(*g)) in.group = *pg;
      else f.AddError(p + ".group", "未知分组，应为 above_scale（规上）或 below_scale（规下）");
    }
    in.land_mu = f.Number("land_mu", false);
    in.tax = f.Number("tax", false);
    in.value_added = f.Number("value_added", false);
    in.revenue = f.Number("revenue", false);
    rec.output = f.Number("output", false);
    in.energy_tce = f.Number("energy_tce", false);
    in.emissions_t = f.Number("emissions_t", false);
    in.employees_avg = f.Number("employees_avg", false);
    in.rnd = f.Number("rnd", false);
    in.electricity_kwh = f.Number("electricity_kwh", false);
    if (rec.output && *rec.output < 0) f.AddError(p + ".output", "工业总产值不能为负数");
    in.excluded_reason = f.String("excluded_reason", false, 200);
    in.veto_reason = f.String("veto_reason", false, 200);
    in.d_exempt_reason = f.String("d_exempt_reason", false, 200);
    for (const char* key : {"bonuses", "deductions"}) {
      if (const json::value* a = f.Raw(key); a && !a->is_null()) {
        if (!a->is_array()) {
          f.AddError(p + "." + key, "应为数组");
          continue;
        }
        for (const auto& x : a->as_array())
          if (x.is_string()) (key[0] == 'b' ? in.bonuses : in.deductions).emplace_back(x.as_string());
          else f.AddError(p + "." + key, "应为文本数组");
      }
    }
    const std::string item_source = f.String("source", false, 40).value_or(default_source);
    for (const char* field : kInputFields)
      if (f.Has(field)) rec.sources[field] = item_source;
    if (const json::value* sv = f.Raw("sources"); sv && !sv->is_null()) {
      if (!sv->is_object()) f.AddError(p + ".sources", "应为对象，如 {\"tax\":\"tax_bureau\"}");
      else
        for (const auto& [k, v] : sv->as_object()) {
          if (!v.is_string()) f.AddError(p + ".sources." + std::string(k), "应为文本");
          else rec.sources[std::string(k)] = std::string(v.as_string());
        }
    }
    for (const auto& e : f.errors()) errs.push_back(e);
    items.push_back(std::move(rec));
  }
  if (!errs.empty()) return Status::Validation("评价数据有误，请检查标出的字段", errs);
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).PutInputs(ctx.caller(), py.park_id, py.year, items));
  json::array out;
  for (const auto& r : saved) out.push_back(InputJson(r));
  return JsonList(std::move(out), static_cast<int64_t>(saved.size()));
}

StatusOr<Response> ConfirmEvalInput(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  auto eid = ctx.IdParam("enterprise_id");
  if (!eid) return Status::NotFound("企业不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto r, Svc(s).ConfirmInput(ctx.caller(), py.park_id, py.year, *eid));
  return Json(InputJson(r));
}

StatusOr<Response> EvalInputsFromPlatform(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).InputsFromPlatform(ctx.caller(), py.park_id, py.year));
  json::array skipped;
  for (const auto& k : v.skipped) skipped.push_back(
        json::object{{"enterprise_id", k.enterprise_id}, {"enterprise_name", k.enterprise_name}, {"reason", k.reason}});
  return Json({{"enterprises", v.enterprises}, {"updated", v.updated}, {"skipped", std::move(skipped)}});
}

StatusOr<Response> RunEvaluation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).Run(ctx.caller(), py.park_id, py.year));
  return RenderRun(ctx, v, py);
}

StatusOr<Response> GetEvaluation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).Results(ctx.caller(), py.park_id, py.year));
  return RenderRun(ctx, v, py);
}

StatusOr<Response> EvalWhatIf(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  const json::value* sv = body.if_contains("scheme");
  PARKHQ_ASSIGN_OR_RETURN(auto scheme, ReadScheme(sv ? *sv : json::value(body)));
  auto r = Svc(s).WhatIf(ctx.caller(), py.park_id, py.year, scheme);
  if (!r.ok() && r.status().IsValidation() && sv) {
    // Field names of the proposed scheme are under "scheme." in this body.
    std::vector<FieldError> d;
    for (const auto& e : r.status().details()) d.push_back({"scheme." + e.field, e.message});
    return Status::Validation(r.status().message(), d);
  }
  PARKHQ_RETURN_IF_ERROR(r.status());
  std::map<int64_t, std::optional<std::string>> names;
  PARKHQ_ASSIGN_OR_RETURN(auto inputs, Svc(s).ListInputs(ctx.caller(), py.park_id, py.year));
  for (const auto& i : inputs) names[i.input.enterprise_id] = i.enterprise_name;
  json::array changes;
  for (const auto& c : r->changes)
    changes.push_back({{"enterprise_id", c.enterprise_id},
                       {"enterprise_name", OptStr(names[c.enterprise_id])},
                       {"group", GroupCode(c.group)},
                       {"class_before", ClassCode(c.before)},
                       {"class_after", ClassCode(c.after)},
                       {"score_before", c.score_before},
                       {"score_after", c.score_after},
                       {"rank_before", c.rank_before ? json::value(*c.rank_before) : json::value(nullptr)},
                       {"rank_after", c.rank_after ? json::value(*c.rank_after) : json::value(nullptr)}});
  auto dist = [](const std::array<std::array<int32_t, 5>, kGroupCount>& d) {
    json::object o;
    for (Group g : {Group::kAboveScale, Group::kBelowScale}) {
      json::object c;
      for (EvalClass k : {EvalClass::kA, EvalClass::kB, EvalClass::kC, EvalClass::kD, EvalClass::kT})
        c[ClassCode(k)] = d[static_cast<int>(g)][static_cast<int>(k)];
      o[GroupCode(g)] = std::move(c);
    }
    return o;
  };
  return Json({{"park_id", py.park_id},
               {"year", py.year},
               {"saved", false},
               {"enterprises", r->enterprises},
               {"total", static_cast<int64_t>(r->changes.size())},
               {"changes", std::move(changes)},
               {"distribution_before", dist(r->before)},
               {"distribution_after", dist(r->after)}});
}

StatusOr<Response> GetEvalMigration(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).Migration(ctx.caller(), py.park_id, py.year));
  const EvalClass all[] = {EvalClass::kA, EvalClass::kB, EvalClass::kC, EvalClass::kD, EvalClass::kT};
  json::object matrix, entered, left;
  for (EvalClass from : all) {
    json::object row;
    for (EvalClass to : all) row[ClassCode(to)] = v.matrix.counts[static_cast<int>(from)][static_cast<int>(to)];
    matrix[ClassCode(from)] = std::move(row);
    entered[ClassCode(from)] = v.matrix.entered[static_cast<int>(from)];
    left[ClassCode(from)] = v.matrix.left[static_cast<int>(from)];
  }
  return Json({{"park_id", py.park_id},
               {"year", py.year},
               {"from_year", py.year - 1},
               {"has_last_year", v.has_last_year},
               {"matrix", std::move(matrix)},
               {"entered", std::move(entered)},
               {"left", std::move(left)},
               {"upgraded", v.matrix.upgraded},
               {"downgraded", v.matrix.downgraded}});
}

StatusOr<Response> GetEvalPolicies(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto view, Svc(s).Policies(ctx.caller(), py.park_id, py.year));
  const auto& rows = view.rows;
  if (WantsExport(ctx)) {
    Table t;
    t.title = std::to_string(py.year) + "年度资源要素差别化配置清单";
    t.header = {"企业编号", "企业名称", "等级", "资源要素", "措施", "标准", "单位", "连续D类年数",
                "差别化电价加价（元/千瓦时）", "加价金额（万元）"};
    for (const auto& p : rows) {
      for (const auto& m : p.measures)
        t.rows.push_back({double(p.enterprise_id), OptCell(p.enterprise_name), std::string(ClassZh(p.cls)),
                          std::string(eval_internal::ResourceZh(m.resource)), m.measure, OptCell(m.rate), m.unit, double(p.years_in_d),
                          OptCell(p.surcharge_rate), OptCell(p.surcharge_amount)});
      if (p.measures.empty())
        t.rows.push_back({double(p.enterprise_id), OptCell(p.enterprise_name), std::string(ClassZh(p.cls)), Cell(),
                          Cell(), Cell(), Cell(), double(p.years_in_d), OptCell(p.surcharge_rate),
                          OptCell(p.surcharge_amount)});
    }
    PARKHQ_ASSIGN_OR_RETURN(auto out, MaybeExport(ctx, t, "evaluation-policies-" + std::to_string(py.year)));
    return std::move(*out);
  }
  json::array items;
  for (const auto& p : rows) {
    json::array measures;
    for (const auto& m : p.measures)
      measures.push_back({{"resource", m.resource}, {"measure", m.measure}, {"rate", OptJson(m.rate)}, {"unit", m.unit}});
    items.push_back({{"enterprise_id", p.enterprise_id},
                     {"enterprise_name", OptStr(p.enterprise_name)},
                     {"class", ClassCode(p.cls)},
                     {"measures", std::move(measures)},
                     {"years_in_d", p.years_in_d},
                     {"surcharge_yuan_per_kwh", OptJson(p.surcharge_rate)},
                     {"surcharge_amount", OptJson(p.surcharge_amount)}});
  }
  // The park's configuration the rows were built from: "policies" (the list), "surcharge", "is_default".
  json::object config = eval_internal::PolicyConfigViewJson(view.config);
  return Json({{"items", std::move(items)}, {"total", static_cast<int64_t>(rows.size())},
               {"policies", config["items"]}, {"surcharge", config["surcharge"]}, {"is_default", config["is_default"]}});
}

StatusOr<Response> GetEvalPerMu(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  std::vector<std::pair<int64_t, std::string>> subs;
  if (auto parks = s.org->ListParks(ctx.caller()); parks.ok())
    for (const auto& p : *parks) subs.emplace_back(p.id, p.name);
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).PerMu(ctx.caller(), py.park_id, py.year, subs));
  json::array a, b, c;
  for (const auto& f : v.by_sub_park) a.push_back(PerMuJson(f));
  for (const auto& f : v.by_industry) b.push_back(PerMuJson(f));
  for (const auto& f : v.by_group) c.push_back(PerMuJson(f));
  return Json({{"park_id", py.park_id},
               {"year", py.year},
               {"park", PerMuJson(v.park)},
               {"by_sub_park", std::move(a)},
               {"by_industry", std::move(b)},
               {"by_group", std::move(c)}});
}

StatusOr<Response> PublishEvaluation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  json::object body;
  if (!ctx.request.body.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(body, ParseBody(ctx.request));
  }
  FieldReader f(body);
  auto days = f.Int("publicity_days", false).value_or(7);
  PARKHQ_RETURN_IF_ERROR(f.Finish("公示信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto run, Svc(s).Publish(ctx.caller(), py.park_id, py.year, static_cast<int>(days)));
  return Json(RunJson(run));
}

StatusOr<Response> ListEvalAppeals(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListAppeals(ctx.caller(), py.park_id, py.year));
  json::array items;
  for (const auto& a : list) items.push_back(AppealJson(a));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> CreateEvalAppeal(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto eid = f.Int("enterprise_id", true);
  auto reason = f.String("reason", true, 2000);
  PARKHQ_RETURN_IF_ERROR(f.Finish("异议信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto a, Svc(s).CreateAppeal(ctx.caller(), py.park_id, py.year, *eid, *reason));
  return Json(AppealJson(a), 201);
}

StatusOr<Response> DecideEvalAppeal(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  auto id = ctx.IdParam("id");
  if (!park_id || !id) return Status::NotFound("异议不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  // Values are checked together in the service so that every field error shows at once.
  auto decision = f.String("decision", false, 20);
  auto cls = f.String("class", false, 2);
  auto note = f.String("note", false, 2000);
  PARKHQ_RETURN_IF_ERROR(f.Finish("处理意见有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto a, Svc(s).DecideAppeal(ctx.caller(), *park_id, *id, decision.value_or(""), cls,
                                                      note.value_or("")));
  return Json(AppealJson(a));
}

}  // namespace parkhq::http::handlers
