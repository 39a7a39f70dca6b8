// The breakdown (考核指标任务分解表) as an XLSX template and its import (all rows checked first, then
// created in one transaction).
#include <cmath>
#include <cstdlib>

#include "domain/task/task_service.h"
#include "http/handlers/task_handlers.h"
#include "http/handlers/task_json.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

namespace tj = task_json;

namespace {

// The columns, in the order of the export and the template.
const char* const kHeader[] = {"任务序号", "考核指标", "目标值", "单位",     "节点目标", "分值",
                               "牵头单位", "责任单位", "截止日期", "报送频次", "佐证材料"};
constexpr size_t kColumns = sizeof(kHeader) / sizeof(kHeader[0]);
constexpr size_t kMaxRows = 2000;

std::string Frequency(const std::string& s) {
  if (s == "每月" || s == "月" || s == "monthly") return "monthly";
  if (s == "每季度" || s == "季度" || s == "quarterly") return "quarterly";
  if (s == "一次性" || s == "一次" || s == "once") return "once";
  return s;
}

}  // namespace

// GET /task-items/template: an empty breakdown sheet with the import's columns.
StatusOr<Response> TaskItemsTemplate(RequestContext& ctx, const Services& s) {
  io::Sheet sh;
  sh.name = "考核指标任务分解表";
  for (const char* h : kHeader) sh.columns.push_back(io::Column{h, 14});
  sh.rows.push_back({3.0, std::string("示例：新增规上企业5户"), 5.0, std::string("户"), std::string(), 8.0,
                     std::string("工业园区、工信局"), std::string("招商服务中心"), std::string("2023-12-31"),
                     std::string("每月"), std::string("入规企业名单")});
  sh.notes.push_back("报送频次：每月、每季度或一次性；单位名称用“、”分隔，须与系统中的单位名称一致；删除示例行后填写");
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sh}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("考核指标任务分解表-模板.xlsx"));
  return r;
}

// POST /task-items/import?park_id=: the body is an .xlsx or .csv file with the template's columns
// (rows above the header row, such as the export's title, are skipped).
StatusOr<Response> ImportTaskItems(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  if (ctx.request.body.empty()) return Status::Validation("请上传 Excel 或 CSV 文件", {{"file", "文件为空"}});
  std::vector<std::pair<int, std::pair<int, task::ItemInput>>> rows;
  std::vector<FieldError> errors;
  bool header = false;
  Status read = io::ReadTable(ctx.request.body, [&](const io::InputRow& row) {
    if (!header) {
      header = row.at(0) == kHeader[0] && row.at(1) == kHeader[1];
      return true;
    }
    bool blank = true;
    for (size_t i = 0; i < kColumns; ++i) blank = blank && row.at(i).empty();
    if (blank) return true;
    if (rows.size() >= kMaxRows) {
      errors.push_back({"file", "行数过多（最多 2000 行）"});
      return false;
    }
    const std::string at = "rows[" + std::to_string(row.row) + "].";
    task::ItemInput in;
    char* end = nullptr;
    const long no = std::strtol(row.at(0).c_str(), &end, 10);
    if (row.at(0).empty() || (end && *end && *end != '.')) errors.push_back({at + "task_no", "应为任务序号"});
    in.content = row.at(1);
    const auto number = [&](const std::string& cell, const char* field) -> std::optional<double> {
      if (cell.empty()) return std::nullopt;
      char* e = nullptr;
      const double v = std::strtod(cell.c_str(), &e);
      if (!e || *e || !std::isfinite(v)) {
        errors.push_back({at + field, "应为数字"});
        return std::nullopt;
      }
      return v;
    };
    in.target_value = number(row.at(2), "target.value");
    in.target_unit = row.at(3);
    in.milestone = row.at(4);
    in.weight = number(row.at(5), "weight");
    in.lead_units = tj::SplitNames(row.at(6));
    in.responsible_units = tj::SplitNames(row.at(7));
    in.deadline = io::NormalizeDateCell(row.at(8));
    if (in.deadline.empty()) in.deadline = row.at(8);
    in.frequency = Frequency(row.at(9));
    in.evidence = row.at(10);
    rows.push_back({row.row, {static_cast<int>(no), std::move(in)}});
    return true;
  });
  PARKHQ_RETURN_IF_ERROR(read);
  if (!header) errors.push_back({"file", "没有找到表头（任务序号、考核指标……）"});
  if (!errors.empty()) return Status::Validation("导入文件有错误，未导入任何考核指标", errors);
  PARKHQ_ASSIGN_OR_RETURN(int64_t n, s.tasks->ImportItems(ctx.caller(), park, rows));
  return Json(json::object{{"created", n}});
}

}  // namespace parkhq::http::handlers
