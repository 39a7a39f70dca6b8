#include "http/handlers/parks_handlers.h"

#include <cmath>
#include <cstdio>

#include "domain/parks/parks_service.h"
#include "http/handlers/parks_module.h"
#include "http/handlers/services.h"
#include "http/json/json_util.h"
#include "http/handlers/xlsx_file.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

const RoleSet kParksReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};

namespace {

namespace p = parkhq::parks;

p::ParksService& Svc(const Services& s) { return *s.parks->service; }

StatusOr<int> YearParam(const RequestContext& ctx) {
  auto it = ctx.params.find("year");
  const std::string y = it == ctx.params.end() ? "" : it->second;
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
    return Status::Validation("年份有误", {{"year", "年份应为四位数字"}});
  return std::stoi(y);
}

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string SchemeParam(const RequestContext& ctx) { return ctx.request.Query("scheme").value_or("plan8"); }

json::object SchemeJson(const p::EvalScheme& x) {
  json::array cats, inds;
  for (const auto& c : x.categories) cats.push_back(json::value(c));
  for (const auto& i : x.indicators)
    inds.push_back(json::object{{"code", i.code},
                                {"name", i.name},
                                {"category", i.category},
                                {"unit", i.unit},
                                {"source", i.source},
                                {"formula", i.formula},
                                {"direction", i.higher_is_better ? "higher" : "lower"},
                                {"weight", i.weight},
                                {"method", p::ScoringMethodCode(i.method)},
                                {"benchmark", OptJson(i.benchmark)}});
  return {{"code", x.code}, {"name", x.name}, {"note", x.note}, {"categories", cats}, {"indicators", inds}};
}

const p::EvalIndicator* FindIndicator(const p::EvalScheme& s, const std::string& code) {
  for (const auto& i : s.indicators)
    if (i.code == code) return &i;
  return nullptr;
}

json::object ParkJson(const p::RegionEvaluation& r, const p::ParkEvaluation& e) {
  json::object cats, inds, vars;
  for (const auto& [name, v] : e.result.categories) cats[name] = v;
  for (const auto& [code, v] : e.result.indicators)
    inds[code] = json::object{{"value", OptJson(v.value)}, {"score", v.score}, {"max", v.max}};
  for (const auto& [code, v] : e.variables) vars[code] = v;
  json::array lost;
  for (const auto& [code, pts] : e.lost) {
    const auto* i = FindIndicator(r.scheme, code);
    lost.push_back(json::object{{"code", code}, {"name", i ? i->name : code}, {"points", pts}});
  }
  json::value change = nullptr;
  if (e.previous_score) change = std::round((e.result.score - *e.previous_score) * 100) / 100;
  return {{"park_id", e.park_id},
          {"park_name", e.park_name},
          {"is_demo", e.is_demo},
          {"score", e.result.score},
          {"rank", e.result.rank},
          {"previous_score", OptJson(e.previous_score)},
          {"previous_rank", e.previous_rank ? json::value(int64_t{*e.previous_rank}) : json::value(nullptr)},
          {"change", change},
          {"categories", cats},
          {"indicators", inds},
          {"lost", lost},
          {"variables", vars}};
}

json::object ItemJson(const p::ChemItem& x) {
  auto date = [](const std::optional<Date>& d) { return d ? json::value(d->ToString()) : json::value(nullptr); };
  const auto next = p::NextReview(x);
  return {{"id", x.id},
          {"park_id", x.park_id},
          {"category", x.category},
          {"no", x.no},
          {"requirement", x.requirement},
          {"units", x.units},
          {"deadline", date(x.deadline)},
          {"status", p::ChemStatusCode(x.status)},
          {"status_zh", p::ChemStatusNameZh(x.status)},
          {"evidence", x.evidence},
          {"score", OptJson(x.score)},
          {"review_years", x.review_years},
          {"last_review", date(x.last_review)},
          {"next_review", date(next)},
          {"review_due", next.has_value() && !(Today() < *next)},
          {"overdue", x.status != p::ChemStatus::kMet && x.deadline.has_value() && *x.deadline < Today()},
          {"tracked", x.tracked},
          {"is_demo", x.is_demo},
          {"updated_at", x.updated_at},
          {"updated_by", x.updated_by}};
}

StatusOr<p::ChemItem> ReadItem(const Request& req) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(req));
  FieldReader f(body);
  p::ChemItem x;
  x.category = f.String("category", true, 100).value_or("");
  x.no = f.Int("no", false).value_or(0);
  x.requirement = f.String("requirement", true, 3000).value_or("");
  x.units = f.String("units", false, 600).value_or("");
  if (auto d = f.DateString("deadline", false)) x.deadline = Date::Parse(*d);
  if (auto st = f.String("status", true, 20)) {
    if (auto parsed = p::ParseChemStatus(*st)) x.status = *parsed;
    else f.AddError("status", "状态只能是 met（达标）、unmet（未达标）或 rectifying（整改中）");
  }
  x.evidence = f.String("evidence", false, 6000).value_or("");
  x.score = f.Number("score", false, 100);
  x.review_years = f.Int("review_years", false).value_or(3);
  if (auto d = f.DateString("last_review", false)) x.last_review = Date::Parse(*d);
  x.tracked = f.String("tracked", false, 40).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish());
  return x;
}

}  // namespace

StatusOr<Response> ListParkEvalSchemes(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListSchemes(ctx.caller()));
  json::array items;
  for (const auto& x : list) items.push_back(SchemeJson(x));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> GetRegionParkEvaluation(RequestContext& ctx, const Services& s) {
  auto region_id = ctx.IdParam("region_id");
  if (!region_id) return Status::NotFound("地区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto r, Svc(s).EvaluateRegion(ctx.caller(), *region_id, year, SchemeParam(ctx)));
  json::array parks;
  for (const auto& e : r.parks) parks.push_back(ParkJson(r, e));
  return Json(json::object{{"region_id", r.region_id},
                           {"region_name", r.region_name},
                           {"year", r.year},
                           {"scheme", SchemeJson(r.scheme)},
                           {"parks", parks}});
}

StatusOr<Response> ExportRegionParkEvaluation(RequestContext& ctx, const Services& s) {
  auto region_id = ctx.IdParam("region_id");
  if (!region_id) return Status::NotFound("地区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto r, Svc(s).EvaluateRegion(ctx.caller(), *region_id, year, SchemeParam(ctx)));
  io::Sheet rank;
  rank.name = "排名";
  rank.title = r.region_name + std::to_string(year) + "年园区综合评价（" + r.scheme.name + "）";
  rank.columns = {{"排名", 8, io::ColumnKind::kInteger}, {"园区", 28}, {"总分", 10, io::ColumnKind::kNumber},
                  {"上年得分", 10, io::ColumnKind::kNumber}, {"同比变化", 10, io::ColumnKind::kNumber}};
  for (const auto& c : r.scheme.categories) rank.columns.push_back({c, 12, io::ColumnKind::kNumber});
  rank.columns.push_back({"失分最多的指标", 40});
  io::Sheet detail;
  detail.name = "指标明细";
  detail.columns = {{"园区", 28}, {"类别", 14}, {"指标", 20}, {"单位", 12}, {"指标值", 14, io::ColumnKind::kNumber},
                    {"得分", 10, io::ColumnKind::kNumber}, {"满分", 10, io::ColumnKind::kNumber}};
  bool demo = false;
  for (const auto& e : r.parks) {
    demo = demo || e.is_demo;
    std::vector<io::CellValue> row = {double(e.result.rank), e.park_name, e.result.score};
    row.push_back(e.previous_score ? io::CellValue(*e.previous_score) : io::CellValue());
    row.push_back(e.previous_score ? io::CellValue(e.result.score - *e.previous_score) : io::CellValue());
    for (const auto& c : r.scheme.categories) row.push_back(e.result.categories.count(c) ? e.result.categories.at(c) : 0.0);
    std::string lost;
    for (const auto& [code, pts] : e.lost) {
      const auto* i = FindIndicator(r.scheme, code);
      lost += (lost.empty() ? "" : "；") + (i ? i->name : code) + " -" + Fixed2(pts);
    }
    row.push_back(lost);
    rank.rows.push_back(std::move(row));
    for (const auto& i : r.scheme.indicators) {
      const auto& ir = e.result.indicators.at(i.code);
      detail.rows.push_back({e.park_name, i.category, i.name, i.unit,
                             ir.value ? io::CellValue(*ir.value) : io::CellValue(), ir.score, ir.max});
    }
  }
  if (demo) rank.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({rank, detail}));
  return XlsxFile(std::move(bytes), "园区综合评价_" + std::to_string(year) + "_" + r.scheme.code + ".xlsx");
}

StatusOr<Response> GetParkEvalEntries(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListEntries(ctx.caller(), *park_id, year));
  json::array items;
  for (const auto& v : p::EnteredVariables()) {
    json::object o{{"code", v.code}, {"name", v.name}, {"unit", v.unit}, {"value", nullptr}, {"evidence", ""},
                   {"updated_at", nullptr}, {"updated_by", nullptr}};
    for (const auto& e : list)
      if (e.code == v.code) {
        o["value"] = e.value;
        o["evidence"] = e.evidence;
        o["updated_at"] = e.updated_at;
        o["updated_by"] = e.updated_by;
      }
    items.push_back(std::move(o));
  }
  const auto n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> PutParkEvalEntries(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  const json::value* raw = body.if_contains("entries");
  if (!raw || !raw->is_array()) return Status::Validation("输入有误", {{"entries", "请提供填报数据列表"}});
  std::vector<p::EvalEntry> entries;
  FieldReader outer(body);
  size_t i = 0;
  for (const auto& v : raw->as_array()) {
    const std::string at = "entries[" + std::to_string(i++) + "].";
    if (!v.is_object()) {
      outer.AddError(at.substr(0, at.size() - 1), "应为对象");
      continue;
    }
    FieldReader f(v.as_object(), at);
    p::EvalEntry e;
    e.code = f.String("code", true, 40).value_or("");
    e.value = f.Number("value", true).value_or(0);
    e.evidence = f.String("evidence", true, 1500).value_or("");
    for (const auto& err : f.errors()) outer.AddError(err.field, err.message);
    entries.push_back(std::move(e));
    if (i > 50) break;
  }
  PARKHQ_RETURN_IF_ERROR(outer.Finish());
  PARKHQ_RETURN_IF_ERROR(Svc(s).PutEntries(ctx.caller(), *park_id, year, entries));
  return GetParkEvalEntries(ctx, s);
}

StatusOr<Response> GetChemLedger(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto groups, Svc(s).ChemLedger(ctx.caller(), *park_id));
  json::array cats;
  int64_t done = 0, total = 0;
  for (const auto& g : groups) {
    json::array items;
    for (const auto& x : g.items) items.push_back(ItemJson(x));
    cats.push_back(json::object{{"name", g.name}, {"items", items}, {"done", g.done}, {"total", g.total}});
    done += g.done;
    total += g.total;
  }
  return Json(json::object{{"park_id", *park_id}, {"categories", cats}, {"done", done}, {"total", total}});
}

StatusOr<Response> ExportChemLedger(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto groups, Svc(s).ChemLedger(ctx.caller(), *park_id));
  io::Sheet sh;
  sh.name = "化工园区认定台账";
  sh.title = "化工园区认定台账（清单式推进、台账化管理）";
  sh.columns = {{"类别", 14}, {"序号", 8, io::ColumnKind::kInteger}, {"认定要求", 48}, {"责任单位", 24},
                {"完成时限", 12}, {"状态", 10}, {"得分", 8, io::ColumnKind::kNumber}, {"复核周期（年）", 10, io::ColumnKind::kInteger},
                {"上次复核", 12}, {"下次复核", 12}, {"佐证材料", 40}};
  bool demo = false;
  for (const auto& g : groups) {
    for (const auto& x : g.items) {
      demo = demo || x.is_demo;
      const auto next = p::NextReview(x);
      sh.rows.push_back({x.category, double(x.no), x.requirement, x.units, x.deadline ? x.deadline->ToString() : "",
                         std::string(p::ChemStatusNameZh(x.status)), x.score ? io::CellValue(*x.score) : io::CellValue(),
                         double(x.review_years), x.last_review ? x.last_review->ToString() : "",
                         next ? next->ToString() : "", x.evidence});
    }
    sh.notes.push_back(g.name + "：达标 " + std::to_string(g.done) + " / " + std::to_string(g.total));
  }
  if (demo) sh.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sh}));
  return XlsxFile(std::move(bytes), "化工园区认定台账.xlsx");
}

StatusOr<Response> CreateChemItem(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto item, ReadItem(ctx.request));
  item.park_id = *park_id;
  PARKHQ_ASSIGN_OR_RETURN(auto stored, Svc(s).CreateChemItem(ctx.caller(), std::move(item)));
  return Json(ItemJson(stored), 201);
}

StatusOr<Response> UpdateChemItem(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("认定事项不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto item, ReadItem(ctx.request));
  item.id = *id;
  PARKHQ_ASSIGN_OR_RETURN(auto stored, Svc(s).UpdateChemItem(ctx.caller(), std::move(item)));
  return Json(ItemJson(stored));
}

// PUT /park-evaluation-schemes/{code}/indicators/{indicator} {"name","category","unit"?,"source"?,
// "formula","direction"?,"weight","method","benchmark"?}: adds or replaces one indicator (sysadmin).
StatusOr<Response> PutParkEvalIndicator(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  p::EvalIndicator ind;
  ind.code = ctx.params["indicator"];
  ind.name = f.String("name", true, 200).value_or("");
  ind.category = f.String("category", true, 200).value_or("");
  ind.unit = f.String("unit", false, 40).value_or("");
  ind.source = f.String("source", false, 20).value_or("formula");
  ind.formula = f.String("formula", true, 1000).value_or("");
  const std::string direction = f.String("direction", false, 10).value_or("higher");
  if (direction != "higher" && direction != "lower") f.AddError("direction", "应为 higher 或 lower");
  ind.higher_is_better = direction == "higher";
  ind.weight = f.Number("weight", true).value_or(0);
  const std::string method = f.String("method", true, 20).value_or("");
  if (auto m = p::ParseScoringMethod(method)) ind.method = *m;
  else if (!method.empty()) f.AddError("method", "应为 ratio、efficacy 或 rank");
  if (const json::value* b = f.Raw("benchmark"); b && !b->is_null()) ind.benchmark = f.Number("benchmark", false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("评价指标有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto scheme, Svc(s).PutSchemeIndicator(ctx.caller(), ctx.params["code"], std::move(ind)));
  return Json(SchemeJson(scheme));
}

// DELETE /park-evaluation-schemes/{code}/indicators/{indicator} (sysadmin): the scheme after it.
StatusOr<Response> DeleteParkEvalIndicator(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto scheme,
                          Svc(s).DeleteSchemeIndicator(ctx.caller(), ctx.params["code"], ctx.params["indicator"]));
  return Json(SchemeJson(scheme));
}

StatusOr<Response> DeleteChemItem(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("认定事项不存在或无权访问");
  PARKHQ_RETURN_IF_ERROR(Svc(s).DeleteChemItem(ctx.caller(), *id));
  return NoContent();
}

}  // namespace parkhq::http::handlers
