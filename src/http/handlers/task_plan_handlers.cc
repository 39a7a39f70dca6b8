// Plans of the management loop: copying a plan to a new year, editing a plan's title and number, its
// tasks one by one, and a new year's plan imported from XLSX (template and export in the same columns).
#include <algorithm>
#include <cstdlib>

#include "domain/task/task_service.h"
#include "http/handlers/task_handlers.h"
#include "http/handlers/task_json.h"
#include "http/json/json_util.h"
#include "http/handlers/xlsx_file.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

namespace {

StatusOr<int64_t> PlanId(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("计划不存在");
  return *id;
}

json::object PlanJson(const task::Plan& p) {
  return {{"id", p.id},       {"park_id", p.park_id}, {"year", p.year},
          {"title", p.title}, {"doc_no", p.doc_no},   {"is_current", p.is_current}};
}

StatusOr<task::TaskService::PlanInput> ReadPlan(const json::object& body, bool year_required) {
  FieldReader f(body);
  task::TaskService::PlanInput in;
  if (auto y = f.Int("year", year_required)) in.year = static_cast<int>(std::clamp<int64_t>(*y, -1, 100000));
  in.title = f.String("title", false, 300);
  in.doc_no = f.String("doc_no", false, 100);
  PARKHQ_RETURN_IF_ERROR(f.Finish("年度计划信息有误"));
  return in;
}

namespace tj = task_json;
using PlanTaskInput = task::TaskService::PlanTaskInput;

// The columns of the plan's task list, in the order of the template, the export and the import.
const char* const kTaskHeader[] = {"任务序号", "任务分组", "任务名称", "任务内容", "牵头单位", "责任单位", "备注"};
constexpr size_t kTaskColumns = sizeof(kTaskHeader) / sizeof(kTaskHeader[0]);
constexpr size_t kMaxImportRows = 500;

json::object TaskJson(const task::TaskService::PlanTaskView& v) {
  const auto& t = v.task;
  return {{"id", t.id},       {"plan_id", t.plan_id},   {"park_id", t.park_id},
          {"no", t.no},       {"group", t.group},       {"title", t.title},
          {"content", t.content}, {"note", t.note},     {"lead_units", tj::Strings(v.lead_units)},
          {"responsible_units", tj::Strings(v.responsible_units)}};
}

StatusOr<PlanTaskInput> ReadTask(const json::object& body) {
  FieldReader f(body);
  PlanTaskInput in;
  if (auto n = f.Int("no", false)) in.no = static_cast<int>(std::clamp<int64_t>(*n, -1, 100000));
  in.group = f.String("group", false, 200);
  in.title = f.String("title", false, 1000);
  in.content = f.String("content", false, 5000);
  in.note = f.String("note", false, 1000);
  for (auto [key, out] : {std::pair{"lead_units", &in.lead_units}, std::pair{"responsible_units", &in.responsible_units}}) {
    if (!f.Raw(key) || f.Raw(key)->is_null()) continue;
    std::vector<std::string> names;
    tj::ReadNames(f, key, names, false);
    *out = std::move(names);
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("任务信息有误"));
  return in;
}

StatusOr<int64_t> TaskId(RequestContext& ctx) {
  auto id = ctx.IdParam("task_id");
  if (!id) return Status::NotFound("任务不存在");
  return *id;
}

io::Sheet TaskSheet(const std::string& title) {
  io::Sheet sh;
  sh.name = "年度计划任务";
  sh.title = title;
  const double widths[] = {8, 18, 36, 48, 20, 24, 16};
  for (size_t i = 0; i < kTaskColumns; ++i)
    sh.columns.push_back(io::Column{kTaskHeader[i], widths[i], i == 0 ? io::ColumnKind::kInteger : io::ColumnKind::kText});
  sh.notes.push_back("任务序号为1–999的整数且不重复；单位名称用“、”分隔，须与系统中的单位名称一致；"
                     "每个任务至少一个牵头或责任单位");
  return sh;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "、") + x;
  return out;
}

}  // namespace

// GET /task-plans/{id}/tasks: the plan's tasks by number.
StatusOr<Response> ListPlanTasks(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto tasks, s.tasks->ListPlanTasks(ctx.caller(), id));
  json::array a;
  for (const auto& t : tasks) a.push_back(TaskJson(t));
  return JsonList(std::move(a), static_cast<int64_t>(tasks.size()));
}

// POST /task-plans/{id}/tasks {"no","group","title","content"?,"note"?,"lead_units","responsible_units"?}
StatusOr<Response> CreatePlanTask(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadTask(body));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.tasks->CreatePlanTask(ctx.caller(), id, in));
  return Json(TaskJson(t), 201);
}

// PATCH /tasks/{task_id}: members absent keep their value.
StatusOr<Response> UpdatePlanTask(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, TaskId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadTask(body));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.tasks->UpdatePlanTask(ctx.caller(), id, in));
  return Json(TaskJson(t));
}

// DELETE /tasks/{task_id}: 204; 409 while the task has breakdown items.
StatusOr<Response> DeletePlanTask(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, TaskId(ctx));
  PARKHQ_RETURN_IF_ERROR(s.tasks->DeletePlanTask(ctx.caller(), id));
  return NoContent();
}

// GET /task-plans/template: the import's columns with one example row.
StatusOr<Response> TaskPlanTemplate(RequestContext&, const Services&) {
  io::Sheet sh = TaskSheet("");
  sh.rows.push_back({1.0, std::string("示例：一、强化招商引资"), std::string("示例：精准开展产业链招商"),
                     std::string("围绕主导产业链开展以商招商、驻点招商"), std::string("招商服务中心"),
                     std::string("工信局、工业园区"), std::string("删除示例行后填写")});
  PARKHQ_ASSIGN_OR_RETURN(auto body, io::WriteXlsx({sh}));
  return XlsxFile(std::move(body), "年度计划任务-模板.xlsx");
}

// GET /task-plans/{id}/export: the plan's tasks in the template's columns (edit, then import as a new year).
StatusOr<Response> ExportTaskPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto plan, s.tasks->FindPlan(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto tasks, s.tasks->ListPlanTasks(ctx.caller(), id));
  io::Sheet sh = TaskSheet(std::to_string(plan.year) + " 年 " + plan.title + (plan.doc_no.empty() ? "" : "（" + plan.doc_no + "）"));
  for (const auto& v : tasks)
    sh.rows.push_back({static_cast<double>(v.task.no), v.task.group, v.task.title, v.task.content, Join(v.lead_units),
                       Join(v.responsible_units), v.task.note});
  PARKHQ_ASSIGN_OR_RETURN(auto body, io::WriteXlsx({sh}));
  return XlsxFile(std::move(body), "年度计划任务-" + std::to_string(plan.year) + ".xlsx");
}

// POST /task-plans/import?year=&title=&doc_no=&park_id=: the body is an .xlsx or .csv file with the
// template's columns; a new plan of that year with its tasks, all or nothing (201).
StatusOr<Response> ImportTaskPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  task::TaskService::PlanInput plan;
  std::vector<FieldError> errors;
  if (auto y = ctx.request.Query("year"); y && !y->empty()) {
    char* end = nullptr;
    const long v = std::strtol(y->c_str(), &end, 10);
    if (!end || *end || v < 2000 || v > 2100) errors.push_back({"year", "年度应在2000至2100之间"});
    else plan.year = static_cast<int>(v);
  }
  plan.title = ctx.request.Query("title");
  if (auto d = ctx.request.Query("doc_no"); d && !d->empty()) plan.doc_no = *d;
  if (ctx.request.body.empty()) errors.push_back({"file", "文件为空"});
  if (!errors.empty()) return Status::Validation("导入参数有误", errors);
  std::vector<std::pair<int, PlanTaskInput>> rows;
  bool header = false;
  Status read = io::ReadTable(ctx.request.body, [&](const io::InputRow& row) {
    if (!header) {
      header = row.at(0) == kTaskHeader[0] && row.at(1) == kTaskHeader[1];
      return true;
    }
    bool rest_blank = true;  // a row with only its first cell is a note (the export's notes below the table)
    for (size_t i = 1; i < kTaskColumns; ++i) rest_blank = rest_blank && row.at(i).empty();
    if (rest_blank) return true;
    if (rows.size() >= kMaxImportRows) {
      errors.push_back({"file", "行数过多（最多 500 行）"});
      return false;
    }
    PlanTaskInput in;
    // The number is checked with the rest of the row by the service: empty → required, not a whole
    // number → out of range.
    if (!row.at(0).empty()) {
      char* end = nullptr;
      const long no = std::strtol(row.at(0).c_str(), &end, 10);
      const bool whole = end && end != row.at(0).c_str() && (!*end || std::string(end) == ".0");
      in.no = whole ? static_cast<int>(std::clamp<long>(no, -1, 100000)) : -1;
    }
    in.group = row.at(1);
    in.title = row.at(2);
    in.content = row.at(3);
    in.lead_units = tj::SplitNames(row.at(4));
    in.responsible_units = tj::SplitNames(row.at(5));
    in.note = row.at(6);
    rows.push_back({row.row, std::move(in)});
    return true;
  });
  PARKHQ_RETURN_IF_ERROR(read);
  if (!header) errors.push_back({"file", "没有找到表头（任务序号、任务分组……）"});
  if (!errors.empty()) return Status::Validation("导入文件有错误，未创建计划", errors);
  PARKHQ_ASSIGN_OR_RETURN(auto p, s.tasks->ImportPlan(ctx.caller(), park, plan, rows));
  json::object o = PlanJson(p);
  o["tasks"] = static_cast<int64_t>(rows.size());
  return Json(o, 201);
}

// POST /task-plans/{id}/copy {"year", "title"?, "doc_no"?}: the copy, 201.
StatusOr<Response> CopyTaskPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadPlan(body, true));
  PARKHQ_ASSIGN_OR_RETURN(auto plan, s.tasks->CopyPlan(ctx.caller(), id, in));
  return Json(PlanJson(plan), 201);
}

// PATCH /task-plans/{id} {"title"?, "doc_no"?}
StatusOr<Response> UpdateTaskPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadPlan(body, false));
  PARKHQ_ASSIGN_OR_RETURN(auto plan, s.tasks->UpdatePlan(ctx.caller(), id, in));
  return Json(PlanJson(plan));
}

}  // namespace parkhq::http::handlers
