// 用地计划单列: the park's yearly land quota, allocations, use and remainder (issue 15 item 3).
#include <cmath>

#include "domain/gates/land_quota_service.h"
#include "http/handlers/gates_handlers.h"
#include "http/handlers/gates_module.h"
#include "http/json/json_util.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

const gates::LandQuotaService& Svc(const Services& s) { return *s.gates->land_quota; }

double R2(double v) { return std::round(v * 100) / 100; }

struct ParkYear {
  int64_t park_id = 0;
  int year = 0;
};

StatusOr<ParkYear> ReadPath(const RequestContext& ctx) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  auto year = ctx.IdParam("year");
  if (!year || *year < 2000 || *year > 2100) return Status::FieldInvalid("year", "年度应在2000至2100之间");
  return ParkYear{*park, static_cast<int>(*year)};
}

Response QuotaJson(const gates::QuotaYear& q, int status = 200) {
  json::array items;
  for (const auto& a : q.allocations) {
    json::object o{{"id", a.id},
                   {"title", a.title},
                   {"project_name", a.project_name},
                   {"area_mu", a.area_mu},
                   {"allocated_on", a.allocated_on.ToString()},
                   {"exception_reason", a.exception_reason},
                   {"created_by", a.created_by},
                   {"is_demo", a.is_demo}};
    o["project_id"] = OptJson(a.project_id);
    items.push_back(std::move(o));
  }
  json::object out{{"park_id", q.park_id},
                   {"year", q.year},
                   {"allocated_mu", R2(q.use.allocated_mu)},
                   {"remaining_mu", R2(q.use.remaining_mu)},
                   {"use_pct", R2(q.use.use_pct)},
                   {"exceptions", q.use.exceptions},
                   {"note", q.quota ? q.quota->note : ""},
                   {"is_demo", q.quota && q.quota->is_demo},
                   {"total", static_cast<int64_t>(q.allocations.size())}};
  out["quota_mu"] = q.quota ? json::value(q.quota->quota_mu) : json::value(nullptr);
  out["items"] = std::move(items);
  return Json(out, status);
}

}  // namespace

StatusOr<Response> GetLandQuota(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadPath(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto q, Svc(s).Get(ctx.caller(), py.park_id, py.year));
  return QuotaJson(q);
}

StatusOr<Response> PutLandQuota(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadPath(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  gates::LandQuota q;
  q.quota_mu = f.Number("quota_mu", true, 1e6).value_or(0);
  q.note = f.String("note", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("用地计划信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto out, Svc(s).SetQuota(ctx.caller(), py.park_id, py.year, q));
  return QuotaJson(out);
}

StatusOr<Response> AddLandAllocation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadPath(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  gates::LandAllocation a;
  if (auto pid = f.Int("project_id", false)) a.project_id = *pid;
  a.title = f.String("title", false, 600).value_or("");
  a.area_mu = f.Number("area_mu", true, 1e9).value_or(0);
  if (auto d = f.DateString("allocated_on", false)) {
    if (auto date = Date::Parse(*d)) a.allocated_on = *date;
  }
  a.exception_reason = f.String("exception_reason", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("用地安排信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto out, Svc(s).Allocate(ctx.caller(), py.park_id, py.year, std::move(a)));
  return QuotaJson(out, 201);
}

StatusOr<Response> ExportLandQuota(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadPath(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto q, Svc(s).Get(ctx.caller(), py.park_id, py.year));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "用地计划单列";
  sheet.title = std::to_string(py.year) + "年用地计划单列";
  sheet.columns = {Column{"用地项目", 36}, Column{"关联项目", 30}, Column{"面积(亩)", 12, ColumnKind::kNumber},
                   Column{"安排日期", 12}, Column{"超指标例外理由", 36}};
  bool demo = q.quota && q.quota->is_demo;
  for (const auto& a : q.allocations) {
    demo = demo || a.is_demo;
    sheet.rows.push_back({a.title, a.project_name, a.area_mu, a.allocated_on.ToString(), a.exception_reason});
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, "年度指标 %.2f 亩；已安排 %.2f 亩；剩余 %.2f 亩", q.quota ? q.quota->quota_mu : 0.0,
                q.use.allocated_mu, q.use.remaining_mu);
  sheet.notes.push_back(buf);
  if (demo) sheet.notes.push_back("含演示数据（DEMO）");
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sheet}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("用地计划单列-" + std::to_string(py.year) + ".xlsx"));
  return r;
}

}  // namespace parkhq::http::handlers
