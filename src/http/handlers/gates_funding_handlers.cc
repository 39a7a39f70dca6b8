// 资金来源: a project's funding by month and source, the park's totals by source and the
// bond-funded projects (issue 15 item 2).
#include <cmath>

#include "domain/gates/funding_service.h"
#include "domain/project/project.h"
#include "http/handlers/gates_handlers.h"
#include "http/handlers/gates_module.h"
#include "http/json/json_util.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

const gates::FundingService& Svc(const Services& s) { return *s.gates->funding; }

double R4(double v) { return std::round(v * 10000) / 10000; }

StatusOr<int64_t> Param(const RequestContext& ctx, const char* name, const char* not_found) {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound(not_found);
  return *id;
}

// ?year= (default: this year); 422 "year" when malformed.
StatusOr<int> Year(const RequestContext& ctx) {
  auto q = ctx.request.Query("year");
  if (!q || q->empty()) return Today().year;
  if (q->size() != 4 || q->find_first_not_of("0123456789") != std::string::npos)
    return Status::FieldInvalid("year", "年度应在2000至2100之间");
  return std::stoi(*q);
}

Response RecordsJson(const std::vector<gates::FundingRecord>& records, int year) {
  json::array items, totals;
  for (const auto& r : records)
    items.push_back(json::object{{"period", r.period.ToString()},
                                 {"source", r.source},
                                 {"source_name", gates::FundingSourceNameZh(r.source)},
                                 {"planned", R4(r.planned)},
                                 {"in_place", R4(r.in_place)}});
  for (const auto& t : gates::TotalsBySource(records, year))
    totals.push_back(json::object{{"source", t.source}, {"source_name", gates::FundingSourceNameZh(t.source)},
                                  {"planned", R4(t.planned)}, {"in_place", R4(t.in_place)},
                                  {"in_place_pct", std::round(t.in_place_pct * 100) / 100}});
  return Json(json::object{{"year", year},
                           {"items", std::move(items)},
                           {"total", static_cast<int64_t>(records.size())},
                           {"totals", std::move(totals)}});
}

}  // namespace

StatusOr<Response> GetProjectFunding(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Param(ctx, "id", "项目不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(int year, Year(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto records, Svc(s).ProjectFunding(ctx.caller(), id, year));
  return RecordsJson(records, year);
}

StatusOr<Response> PutProjectFunding(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Param(ctx, "id", "项目不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  gates::FundingRecord r;
  if (auto per = f.String("period", true, 7)) {
    if (auto p = Period::Parse(*per)) r.period = *p;
    else f.AddError("period", "月份格式应为 YYYY-MM");
  }
  r.source = f.String("source", true, 20).value_or("");
  r.planned = f.Number("planned", false).value_or(0);
  r.in_place = f.Number("in_place", false).value_or(0);
  PARKHQ_RETURN_IF_ERROR(f.Finish("资金信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto records, Svc(s).Save(ctx.caller(), id, r));
  return RecordsJson(records, r.period.year);
}

StatusOr<Response> GetParkFundingTotals(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(int year, Year(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto totals, Svc(s).ParkTotals(ctx.caller(), park, year));
  json::array items;
  for (const auto& t : totals)
    items.push_back(json::object{{"source", t.source}, {"source_name", gates::FundingSourceNameZh(t.source)},
                                 {"planned", R4(t.planned)}, {"in_place", R4(t.in_place)},
                                 {"in_place_pct", std::round(t.in_place_pct * 100) / 100}});
  return JsonList(std::move(items), static_cast<int64_t>(totals.size()));
}

StatusOr<Response> GetParkBondProjects(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(int year, Year(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ParkBondProjects(ctx.caller(), park, year));
  json::array items;
  for (const auto& r : rows) {
    json::array draws;
    for (const auto& [p, v] : r.bond.drawdowns) draws.push_back(json::object{{"period", p.ToString()}, {"amount", R4(v)}});
    const auto stage = project::ParseStage(r.project.stage);
    items.push_back(json::object{{"project_id", r.project.id},
                                 {"project_name", r.project.name},
                                 {"stage", r.project.stage},
                                 {"stage_name", stage ? project::StageNameZh(*stage) : ""},
                                 {"total_investment", r.project.total_investment},
                                 {"bond_planned", R4(r.bond.bond_planned)},
                                 {"bond_drawn", R4(r.bond.bond_drawn)},
                                 {"drawn_pct", std::round(r.bond.drawn_pct * 100) / 100},
                                 {"drawdowns", std::move(draws)}});
  }
  return JsonList(std::move(items), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> ExportParkBondProjects(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(int year, Year(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, Svc(s).ParkBondProjects(ctx.caller(), park, year));
  PARKHQ_ASSIGN_OR_RETURN(auto totals, Svc(s).ParkTotals(ctx.caller(), park, year));
  using io::Column;
  using io::ColumnKind;
  io::Sheet bonds;
  bonds.name = "专项债券项目";
  bonds.title = std::to_string(year) + "年专项债券（含债贷组合）支持项目";
  bonds.columns = {Column{"项目", 36}, Column{"阶段", 10}, Column{"总投资(万元)", 14, ColumnKind::kNumber},
                   Column{"债券资金(万元)", 14, ColumnKind::kNumber}, Column{"已拨付(万元)", 14, ColumnKind::kNumber},
                   Column{"拨付率(%)", 10, ColumnKind::kNumber}};
  for (const auto& r : rows) {
    const auto stage = project::ParseStage(r.project.stage);
    bonds.rows.push_back({r.project.name, stage ? project::StageNameZh(*stage) : "", r.project.total_investment,
                          r.bond.bond_planned, r.bond.bond_drawn, std::round(r.bond.drawn_pct * 100) / 100});
  }
  io::Sheet sums;
  sums.name = "资金来源汇总";
  sums.columns = {Column{"资金来源", 16}, Column{"计划(万元)", 14, ColumnKind::kNumber},
                  Column{"到位(万元)", 14, ColumnKind::kNumber}, Column{"到位率(%)", 10, ColumnKind::kNumber}};
  for (const auto& t : totals)
    sums.rows.push_back({gates::FundingSourceNameZh(t.source), t.planned, t.in_place,
                         std::round(t.in_place_pct * 100) / 100});
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({bonds, sums}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("专项债券项目-" + std::to_string(year) + ".xlsx"));
  return r;
}

}  // namespace parkhq::http::handlers
