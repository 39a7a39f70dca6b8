// Plans, breakdown items (考核指标), progress reports (台账) and the unit's work queue (待办).
#include "http/handlers/task_handlers.h"

#include "domain/org/org_service.h"
#include "domain/task/task_service.h"
#include "http/handlers/task_json.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

const RoleSet kLoopReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};

namespace tj = task_json;

namespace task_json {

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::value(s));
  return a;
}

std::vector<std::string> SplitNames(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  const auto flush = [&] {
    while (!cur.empty() && cur.back() == ' ') cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "、") == 0) { flush(); i += 3; continue; }
    if (s.compare(i, 3, "，") == 0) { flush(); i += 3; continue; }
    if (s[i] == ',' || s[i] == ';') { flush(); ++i; continue; }
    if (cur.empty() && s[i] == ' ') { ++i; continue; }
    cur += s[i++];
  }
  flush();
  return out;
}

void ReadNames(FieldReader& f, const char* key, std::vector<std::string>& out, bool required) {
  const json::value* v = f.Raw(key);
  if (!v || v->is_null()) {
    if (required) f.AddError(key, "必填");
    return;
  }
  if (!v->is_array() || v->as_array().size() > 30) {
    f.AddError(key, "应为单位名称的数组");
    return;
  }
  for (const auto& x : v->as_array()) {
    if (!x.is_string() || x.as_string().size() > 100) {
      f.AddError(key, "应为单位名称的数组");
      return;
    }
    out.push_back(std::string(x.as_string()));
  }
}

StatusOr<std::optional<int64_t>> QueryPark(const Request& r) {
  auto q = r.Query("park_id");
  if (!q || q->empty()) return std::optional<int64_t>();
  char* end = nullptr;
  const long long v = std::strtoll(q->c_str(), &end, 10);
  if (!end || *end || v <= 0) return Status::Validation("查询条件有误", {{"park_id", "应为正整数"}});
  return std::optional<int64_t>(v);
}

json::object ReportJson(const task::Report& r, const std::map<int64_t, std::string>& names) {
  return {{"id", r.id},
          {"item_id", r.item_id},
          {"unit_id", r.unit_id},
          {"unit", names.count(r.unit_id) ? names.at(r.unit_id) : ""},
          {"period", r.period},
          {"text", r.text},
          {"value", OptJson(r.value)},
          {"progress_pct", OptJson(r.progress_pct)},
          {"state", task::ReportStateCode(r.state)},
          {"review_comment", r.review_comment},
          {"reviewed_by", r.reviewed_by},
          {"created_by", r.created_by},
          {"created_at", r.created_at},
          {"is_demo", r.is_demo}};
}

json::object ItemJson(const task::ItemView& v, bool with_reports) {
  const auto& i = v.item;
  json::value target = nullptr;
  if (i.target_value) target = json::object{{"value", *i.target_value}, {"unit", i.target_unit}};
  json::value link = nullptr;
  if (!i.link_kind.empty())
    link = json::object{{"kind", i.link_kind}, {"code", i.link_ref}, {"park_id", OptJson(i.link_park_id)}};
  std::map<int64_t, std::string> names;
  for (size_t k = 0; k < i.lead_unit_ids.size() && k < v.lead_units.size(); ++k) names[i.lead_unit_ids[k]] = v.lead_units[k];
  for (size_t k = 0; k < i.responsible_unit_ids.size() && k < v.responsible_units.size(); ++k)
    names[i.responsible_unit_ids[k]] = v.responsible_units[k];
  json::object o{{"id", i.id},
                 {"park_id", i.park_id},
                 {"task_id", i.task_id},
                 {"task_no", i.task_no},
                 {"content", i.content},
                 {"target", target},
                 {"milestone", i.milestone},
                 {"weight", i.weight},
                 {"lead_units", tj::Strings(v.lead_units)},
                 {"responsible_units", tj::Strings(v.responsible_units)},
                 {"start", i.start.ToString()},
                 {"deadline", i.deadline.ToString()},
                 {"frequency", task::FrequencyCode(i.frequency)},
                 {"evidence", i.evidence},
                 {"link", link},
                 {"progress_pct", v.progress ? json::value(*v.progress * 100) : json::value(nullptr)},
                 {"current_value", OptJson(v.current_value)},
                 {"progress_source", v.progress_source},
                 {"parcel_stage", v.parcel_stage},
                 {"status", task::ItemStatusCode(v.status.status)},
                 {"status_name", task::ItemStatusNameZh(v.status.status)},
                 {"status_reason", v.status.reason},
                 {"time_share_pct", v.status.time_share * 100},
                 {"missed_periods", tj::Strings(v.missed_periods)},
                 {"overdue", v.overdue},
                 {"returned_reports", v.returned_reports},
                 {"report_count", static_cast<int64_t>(v.reports.size())},
                 {"is_demo", i.is_demo}};
  if (!v.reports.empty()) o["last_report"] = ReportJson(v.reports.front(), names);
  if (with_reports) {
    json::array a;
    for (const auto& r : v.reports) a.push_back(ReportJson(r, names));
    o["reports"] = std::move(a);
  }
  return o;
}

}  // namespace task_json

namespace {

StatusOr<int64_t> PathId(RequestContext& ctx, const char* name, const char* what) {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound(what);
  return *id;
}

// Reads an item body (the Contract's shape, plus milestone, start, evidence and link).
StatusOr<task::ItemInput> ReadItem(const json::object& body) {
  FieldReader f(body);
  task::ItemInput in;
  in.content = f.String("content", true, 2000).value_or("");
  if (const json::value* t = f.Raw("target"); t && !t->is_null()) {
    if (!t->is_object()) {
      f.AddError("target", "应为对象（含 value、unit）");
    } else {
      FieldReader tf(t->as_object(), "target.");
      in.target_value = tf.Number("value", true);
      in.target_unit = tf.String("unit", false, 40).value_or("");
      for (const auto& e : tf.errors()) f.AddError(e.field, e.message);
    }
  }
  in.milestone = f.String("milestone", false, 500).value_or("");
  in.weight = f.Number("weight", true);
  if (in.weight && *in.weight < 0) f.AddError("weight", "分值不能为负数");
  for (auto [key, out] : {std::pair{"lead_units", &in.lead_units}, std::pair{"responsible_units", &in.responsible_units}}) {
    const json::value* v = f.Raw(key);
    if (!v || v->is_null()) continue;
    if (!v->is_array() || v->as_array().size() > 30) {
      f.AddError(key, "应为单位名称的数组");
      continue;
    }
    for (const auto& x : v->as_array()) {
      if (!x.is_string() || x.as_string().size() > 100) {
        f.AddError(key, "应为单位名称的数组");
        break;
      }
      out->push_back(std::string(x.as_string()));
    }
  }
  in.start = f.DateString("start", false).value_or("");
  in.deadline = f.DateString("deadline", true).value_or("");
  in.frequency = f.String("frequency", true, 20).value_or("");
  in.evidence = f.String("evidence", false, 1000).value_or("");
  if (const json::value* l = f.Raw("link"); l && !l->is_null()) {
    if (!l->is_object()) {
      f.AddError("link", "应为对象（含 kind、code、park_id）");
    } else {
      FieldReader lf(l->as_object(), "link.");
      in.link_kind = lf.String("kind", true, 40).value_or("");
      in.link_ref = lf.String("code", true, 80).value_or("");
      in.link_park_id = lf.Int("park_id", false);
      for (const auto& e : lf.errors()) f.AddError(e.field, e.message);
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("考核指标有误"));
  if (in.deadline.empty()) return Status::FieldInvalid("deadline", "必填");
  return in;
}

}  // namespace

StatusOr<Response> ListTaskPlans(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto plans, s.tasks->ListPlans(ctx.caller()));
  json::array a;
  for (const auto& p : plans)
    a.push_back({{"id", p.id}, {"park_id", p.park_id}, {"year", p.year}, {"title", p.title}, {"doc_no", p.doc_no},
                 {"is_current", p.is_current}});
  return JsonList(std::move(a), static_cast<int64_t>(plans.size()));
}

// GET /task-items?park_id=&task_id=&unit=&status=: items with their computed status, and counts by status.
StatusOr<Response> ListTaskItems(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  std::optional<int64_t> task_id;
  if (auto t = ctx.request.Query("task_id"); t && !t->empty()) task_id = std::atoll(t->c_str());
  const std::string status = ctx.request.Query("status").value_or("");
  if (!status.empty() && status != "not_started" && status != "in_progress" && status != "completed" && status != "behind")
    return Status::Validation("查询条件有误", {{"status", "未知的状态"}});
  PARKHQ_ASSIGN_OR_RETURN(auto items, s.tasks->ListItems(ctx.caller(), park, task_id,
                                                         ctx.request.Query("unit").value_or(""), status));
  json::array a;
  json::object counts{{"not_started", 0}, {"in_progress", 0}, {"completed", 0}, {"behind", 0}};
  for (const auto& v : items) {
    a.push_back(tj::ItemJson(v, false));
    auto& c = counts[task::ItemStatusCode(v.status.status)];
    c = c.as_int64() + 1;
  }
  return Json(json::object{{"items", std::move(a)}, {"total", static_cast<int64_t>(items.size())}, {"counts", counts}});
}

// GET /task-items/export?park_id=: the breakdown (考核指标任务分解表) as XLSX.
StatusOr<Response> ExportTaskItems(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto items, s.tasks->ListItems(ctx.caller(), park, std::nullopt, "", ""));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "考核指标任务分解表";
  sh.title = "华亭工业园区高质量发展考核指标任务分解表";
  sh.columns = {Column{"任务序号", 8, ColumnKind::kNumber}, Column{"考核指标", 40}, Column{"目标值", 10, ColumnKind::kNumber},
                Column{"单位", 8}, Column{"节点目标", 24}, Column{"分值", 8, ColumnKind::kNumber},
                Column{"牵头单位", 20}, Column{"责任单位", 30}, Column{"截止日期", 12}, Column{"报送频次", 10},
                Column{"佐证材料", 24}, Column{"完成率(%)", 10, ColumnKind::kNumber}, Column{"状态", 8},
                Column{"状态说明", 36}};
  static const std::map<std::string, std::string> kFreq = {{"monthly", "每月"}, {"quarterly", "每季度"}, {"once", "一次性"}};
  const auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : "、") + x;
    return out;
  };
  bool demo = false;
  for (const auto& v : items) {
    const auto& i = v.item;
    demo = demo || i.is_demo;
    sh.rows.push_back({static_cast<double>(i.task_no), i.content,
                       i.target_value ? io::CellValue(*i.target_value) : io::CellValue(), i.target_unit, i.milestone,
                       i.weight, join(v.lead_units), join(v.responsible_units), i.deadline.ToString(),
                       kFreq.at(task::FrequencyCode(i.frequency)), i.evidence,
                       v.progress ? io::CellValue(*v.progress * 100) : io::CellValue(),
                       std::string(task::ItemStatusNameZh(v.status.status)), v.status.reason});
  }
  if (demo) sh.notes.push_back("含演示数据（DEMO）");
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sh}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("考核指标任务分解表.xlsx"));
  return r;
}

StatusOr<Response> CreateTaskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t task_id, PathId(ctx, "task_id", "任务不存在"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadItem(body));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->CreateItem(ctx.caller(), task_id, in));
  return Json(tj::ItemJson(v, true), 201);
}

StatusOr<Response> GetTaskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "考核指标不存在"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->GetItem(ctx.caller(), id));
  return Json(tj::ItemJson(v, true));
}

StatusOr<Response> UpdateTaskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "考核指标不存在"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadItem(body));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->UpdateItem(ctx.caller(), id, in));
  return Json(tj::ItemJson(v, true));
}

StatusOr<Response> DeleteTaskItem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "考核指标不存在"));
  PARKHQ_RETURN_IF_ERROR(s.tasks->DeleteItem(ctx.caller(), id));
  return NoContent();
}

// POST /task-items/{id}/reports {"text","value"?,"progress_pct"?,"period"?}
StatusOr<Response> AddTaskReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "考核指标不存在"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  task::ReportInput in;
  in.text = f.String("text", true, 5000).value_or("");
  in.value = f.Number("value", false);
  in.progress_pct = f.Number("progress_pct", false);
  in.period = f.String("period", false, 10).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("进展报送有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.tasks->AddReport(ctx.caller(), id, in));
  PARKHQ_ASSIGN_OR_RETURN(auto units, s.org->ListUnits(ctx.caller()));
  std::map<int64_t, std::string> names;
  for (const auto& u : units) names[u.id] = u.name;
  return Json(tj::ReportJson(r, names), 201);
}

// POST /task-reports/{id}/review {"decision":"accept"|"return","comment"}
StatusOr<Response> ReviewTaskReport(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "进展报告不存在"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string decision = f.String("decision", true, 20).value_or("");
  const std::string comment = f.String("comment", false, 2000).value_or("");
  if (!decision.empty() && decision != "accept" && decision != "return") f.AddError("decision", "应为 accept 或 return");
  PARKHQ_RETURN_IF_ERROR(f.Finish("审核意见有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.tasks->ReviewReport(ctx.caller(), id, decision == "accept", comment));
  PARKHQ_ASSIGN_OR_RETURN(auto units, s.org->ListUnits(ctx.caller()));
  std::map<int64_t, std::string> names;
  for (const auto& u : units) names[u.id] = u.name;
  return Json(tj::ReportJson(r, names));
}

// GET /my-queue: the caller's unit's 待办 with counts (the department user's home page).
StatusOr<Response> TaskWorkQueue(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto q, s.tasks->Queue(ctx.caller()));
  const auto items = [](const std::vector<task::ItemView>& v) {
    json::array a;
    for (const auto& i : v) a.push_back(tj::ItemJson(i, false));
    return a;
  };
  PARKHQ_ASSIGN_OR_RETURN(auto units, s.org->ListUnits(ctx.caller()));
  std::map<int64_t, std::string> names;
  for (const auto& u : units) names[u.id] = u.name;
  json::array returned, sups;
  for (const auto& r : q.returned) returned.push_back(tj::ReportJson(r, names));
  for (const auto& sv : q.supervision) sups.push_back(tj::SupervisionJson(sv, false));
  const auto n = [](const auto& v) { return static_cast<int64_t>(v.size()); };
  json::object counts{{"due", n(q.due)},           {"overdue", n(q.overdue)},         {"returned", n(q.returned)},
                      {"to_review", n(q.to_review)}, {"supervision", n(q.supervision)},
                      {"total", n(q.due) + n(q.overdue) + n(q.returned) + n(q.to_review) + n(q.supervision)}};
  const auto& sc = ctx.caller();
  return Json(json::object{{"unit_id", OptJson(sc.unit_id)},
                           {"unit", sc.unit_id && names.count(*sc.unit_id) ? json::value(names[*sc.unit_id]) : json::value(nullptr)},
                           {"due", items(q.due)},
                           {"overdue", items(q.overdue)},
                           {"returned", std::move(returned)},
                           {"to_review", items(q.to_review)},
                           {"supervision", std::move(sups)},
                           {"counts", counts}});
}

}  // namespace parkhq::http::handlers
