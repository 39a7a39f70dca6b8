// SME park: refurbishment projects (维修改造, issue 16 item 4): list, XLSX, create, update progress.
#include "http/handlers/services.h"
#include "http/handlers/sme_handlers.h"
#include "http/handlers/sme_json.h"
#include "io/xlsx_writer.h"
#include "storage/sme/sme_store.h"

namespace parkhq::http::handlers {

namespace sj = sme_json;

namespace {

json::object RefurbJson(const sme::Refurbishment& f) {
  return {{"id", f.id},         {"park_id", f.park_id},   {"building_id", f.building_id},
          {"building", f.building_name}, {"title", f.title}, {"status", f.status},
          {"start_on", f.start_on}, {"end_on", f.end_on}, {"note", f.note},
          {"budget", f.budget}, {"spent", f.spent},       {"progress_pct", f.progress_pct},
          {"created_by", f.created_by}, {"created_at", f.created_at}, {"is_demo", f.is_demo}};
}

StatusOr<storage::SmeStore::RefurbishmentInput> ReadInput(const Request& req) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(req));
  FieldReader f(body);
  storage::SmeStore::RefurbishmentInput in;
  in.title = f.String("title", true, 200).value_or("");
  in.status = f.String("status", false, 20).value_or("planned");
  in.start_on = f.DateString("start_on", true).value_or("");
  in.end_on = f.DateString("end_on", true).value_or("");
  in.note = f.String("note", false, 2000).value_or("");
  in.budget = f.Number("budget", true, 1e7).value_or(0);
  in.spent = f.Number("spent", false, 1e7).value_or(0);
  in.progress_pct = f.Number("progress_pct", false, 1e7).value_or(0);
  PARKHQ_RETURN_IF_ERROR(f.Finish("维修改造项目有误"));
  return in;
}

const char* StatusZh(const std::string& s) {
  if (s == "planned") return "计划";
  if (s == "in_progress") return "实施中";
  if (s == "done") return "已完工";
  return "";
}

}  // namespace

StatusOr<Response> ListSmeRefurbishments(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListRefurbishments(ctx.caller(), sj::ParkParam(ctx)));
  json::array a;
  for (const auto& f : list) a.push_back(RefurbJson(f));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> ExportSmeRefurbishments(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListRefurbishments(ctx.caller(), sj::ParkParam(ctx)));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "维修改造";
  sh.title = "创业园维修改造项目";
  sh.columns = {Column{"楼宇", 18}, Column{"项目", 28}, Column{"状态", 9}, Column{"预算(万元)", 12, ColumnKind::kNumber},
                Column{"已支出(万元)", 12, ColumnKind::kNumber}, Column{"进度(%)", 9, ColumnKind::kNumber},
                Column{"开始", 12}, Column{"结束", 12}};
  for (const auto& f : list)
    sh.rows.push_back({f.building_name, f.title, std::string(StatusZh(f.status)), f.budget, f.spent, f.progress_pct,
                       f.start_on, f.end_on});
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sh}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("维修改造项目.xlsx"));
  return r;
}

// POST /sme-buildings/{id}/refurbishments {"title","budget","start_on","end_on","spent"?,"progress_pct"?,"status"?,"note"?}
StatusOr<Response> CreateSmeRefurbishment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadInput(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto f, s.sme->store->CreateRefurbishment(ctx.caller(), id, in));
  return Json(RefurbJson(f), 201);
}

// PUT /sme-refurbishments/{id}: the whole project (as POST).
StatusOr<Response> UpdateSmeRefurbishment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadInput(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto f, s.sme->store->UpdateRefurbishment(ctx.caller(), id, in));
  return Json(RefurbJson(f));
}

}  // namespace parkhq::http::handlers
