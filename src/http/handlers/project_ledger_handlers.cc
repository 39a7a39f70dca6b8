// 重点项目台账 export (XLSX/CSV), the import template, and the all-or-nothing import.
#include <algorithm>

#include "domain/project/project_service.h"
#include "http/handlers/project_handlers.h"
#include "http/handlers/project_json.h"
#include "http/handlers/project_module.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

const project::ProjectService& Svc(const Services& s) { return *s.projects->projects; }

StatusOr<Response> FileResponse(const io::Sheet& sheet, const std::string& base, bool csv) {
  Response r;
  if (csv) {
    r.body = io::WriteCsv(sheet);
    r.content_type = "text/csv; charset=utf-8";
  } else {
    PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sheet}));
    r.content_type = io::kXlsxContentType;
  }
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(base + (csv ? ".csv" : ".xlsx")));
  return r;
}

}  // namespace

StatusOr<Response> ExportProjectLedger(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  const bool csv = ctx.request.Query("format").value_or("xlsx") == "csv";
  PARKHQ_ASSIGN_OR_RETURN(auto projects, Svc(s).AllProjects(ctx.caller(), *park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto settings, Svc(s).GetLightSettings(ctx.caller(), *park_id));
  io::Sheet sheet;
  sheet.name = "重点项目台账";
  sheet.title = "重点项目台账（" + d.ToString() + "）";
  sheet.columns = project::LedgerColumns(true);
  for (const auto& p : projects) {
    auto lights = project::ComputeLights(p.core, d, settings);
    sheet.rows.push_back(project::LedgerRow(p, d.year, project::LightNameZh(lights.start.light),
                                            project::LightNameZh(lights.progress.light),
                                            project::CompletedYtd(p.core, d)));
  }
  bool demo = std::any_of(projects.begin(), projects.end(), [](const auto& p) { return p.is_demo; });
  sheet.notes.push_back("金额单位：万元；灯色按 " + d.ToString() + " 计算。");
  if (demo) sheet.notes.push_back("含演示数据（DEMO 演示数据），数字仅供演示。");
  return FileResponse(sheet, "重点项目台账", csv);
}

StatusOr<Response> ProjectLedgerTemplate(RequestContext& ctx, const Services& s) {
  io::Sheet sheet;
  sheet.name = "导入模板";
  sheet.columns = project::LedgerColumns(false);
  std::vector<io::CellValue> example = {std::string("示例：某某新材料项目"), std::string("某某集团有限公司"),
                                        std::string("新建"), std::string("签约"), 10000.0, 8000.0, 2023.0, 1200.0,
                                        std::string("2023-01-10"), std::string("2023-02-28"), std::string("2023-04-15"),
                                        std::string("2023-10-31"), std::string("2023-12-31"), std::string("2023-01-10")};
  example.resize(sheet.columns.size());
  example[sheet.columns.size() - 5] = std::string("包抓领导姓名");
  sheet.rows.push_back(example);
  sheet.notes = {"必填列：项目名称、性质（新建/续建）、总投资（万元）。日期格式 YYYY-MM-DD，金额单位万元。",
                 "按项目名称匹配：园区内已有的项目更新其信息、计划日期和年度计划；其余新建。阶段与实际日期仅用于新建项目。",
                 "导入为全部或全不：任一行有误时不导入，并返回逐行错误清单。请删除本示例行后再导入。"};
  return FileResponse(sheet, "重点项目台账导入模板", ctx.request.Query("format").value_or("xlsx") == "csv");
}

StatusOr<Response> ImportProjectLedger(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  if (ctx.request.body.empty()) return Status::Validation("请上传文件", {{"file", "文件为空"}});
  std::vector<io::InputRow> rows;
  Status read = io::ReadTable(ctx.request.body, [&](const io::InputRow& r) {
    rows.push_back(r);
    return rows.size() <= 20001;
  });
  if (!read.ok()) return Status::Validation("无法读取文件：" + read.message(), {{"file", read.message()}});
  if (rows.size() > 20001) return Status::Validation("一次最多导入 20000 行", {{"file", "行数过多"}});
  PARKHQ_ASSIGN_OR_RETURN(auto result, Svc(s).ImportLedger(ctx.caller(), *park_id, rows));
  return Json({{"created", result.created}, {"updated", result.updated}});
}

}  // namespace parkhq::http::handlers
