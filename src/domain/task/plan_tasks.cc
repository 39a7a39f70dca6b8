// The tasks of a plan (实施方案的任务): edited one by one by the park's admins, or imported as a whole
// new year's plan from XLSX (all or nothing, errors by row).
#include <algorithm>
#include <map>
#include <set>

#include "domain/task/task_service.h"

namespace parkhq::task {

namespace {

constexpr int kMaxTaskNo = 999;
constexpr size_t kMaxTasks = 500;

void CheckText(const std::optional<std::string>& v, const std::string& field, size_t max, bool required,
               std::vector<FieldError>& e) {
  if (!v) return;
  if (required && v->empty()) e.push_back({field, "必填"});
  else if (v->size() > max) e.push_back({field, "不超过" + std::to_string(max) + "字节"});
}

}  // namespace

StatusOr<PlanTask> TaskService::CheckPlanTask(const PlanTaskInput& in, PlanTask t, const std::string& at,
                                              std::vector<FieldError>& e) const {
  const size_t before = e.size();
  if (in.no && (*in.no < 1 || *in.no > kMaxTaskNo)) e.push_back({at + "no", "任务序号应为 1–999 的整数"});
  CheckText(in.group, at + "group", 200, true, e);
  CheckText(in.title, at + "title", 1000, true, e);
  CheckText(in.content, at + "content", 5000, false, e);
  CheckText(in.note, at + "note", 1000, false, e);
  if (in.no) t.no = *in.no;
  if (in.group) t.group = *in.group;
  if (in.title) t.title = *in.title;
  if (in.content) t.content = *in.content;
  if (in.note) t.note = *in.note;
  if (in.lead_units) {
    PARKHQ_ASSIGN_OR_RETURN(t.lead_unit_ids, ResolveUnits(*in.lead_units, at + "lead_units", e));
  }
  if (in.responsible_units) {
    PARKHQ_ASSIGN_OR_RETURN(t.responsible_unit_ids, ResolveUnits(*in.responsible_units, at + "responsible_units", e));
  }
  // Required members, each reported once (a field already named above is not named again).
  const auto named = [&](const std::string& f) {
    return std::any_of(e.begin() + static_cast<std::ptrdiff_t>(before), e.end(),
                       [&](const FieldError& x) { return x.field == at + f; });
  };
  if (t.no == 0 && !named("no")) e.push_back({at + "no", "必填"});
  if (t.title.empty() && !named("title")) e.push_back({at + "title", "必填"});
  if (t.group.empty() && !named("group")) e.push_back({at + "group", "必填"});
  if (t.lead_unit_ids.empty() && t.responsible_unit_ids.empty() && !named("lead_units") && !named("responsible_units"))
    e.push_back({at + "lead_units", "至少需要一个牵头或责任单位"});
  return t;
}

StatusOr<TaskService::PlanTaskView> TaskService::PlanTaskViewOf(PlanTask t) const {
  PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
  PlanTaskView v;
  for (int64_t id : t.lead_unit_ids) v.lead_units.push_back(names.count(id) ? names.at(id) : std::to_string(id));
  for (int64_t id : t.responsible_unit_ids)
    v.responsible_units.push_back(names.count(id) ? names.at(id) : std::to_string(id));
  v.task = std::move(t);
  return v;
}

StatusOr<Plan> TaskService::FindPlan(const Scope& s, int64_t plan_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.FindPlan(plan_id));
  if (!p || !s.CanReadPark(p->park_id)) return Status::NotFound("计划不存在");
  return *p;
}

StatusOr<std::vector<TaskService::PlanTaskView>> TaskService::ListPlanTasks(const Scope& s, int64_t plan_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto plan, FindPlan(s, plan_id));
  PARKHQ_ASSIGN_OR_RETURN(auto tasks, repo_.ListPlanTasks(plan.id));
  std::vector<PlanTaskView> out;
  for (auto& t : tasks) {
    PARKHQ_ASSIGN_OR_RETURN(auto v, PlanTaskViewOf(std::move(t)));
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<TaskService::PlanTaskView> TaskService::CreatePlanTask(const Scope& s, int64_t plan_id,
                                                                const PlanTaskInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto plan, FindPlan(s, plan_id));
  if (s.read_only || !s.CanAdminPark(plan.park_id)) return Status::PermissionDenied("只有园区管理员可以修改年度计划");
  std::vector<FieldError> e;
  PlanTask base;
  base.plan_id = plan.id;
  base.park_id = plan.park_id;
  PARKHQ_ASSIGN_OR_RETURN(auto t, CheckPlanTask(in, base, "", e));
  if (!e.empty()) return Status::Validation("任务信息有误", e);
  PARKHQ_ASSIGN_OR_RETURN(auto existing, repo_.ListPlanTasks(plan.id));
  if (std::any_of(existing.begin(), existing.end(), [&](const PlanTask& x) { return x.no == t.no; }))
    return Status::Conflict("该计划已有这个任务序号", {{"no", "序号已被占用"}});
  PARKHQ_ASSIGN_OR_RETURN(t.id, repo_.CreatePlanTask(t, s));
  org_.InvalidateTasks(t.park_id);
  return PlanTaskViewOf(std::move(t));
}

StatusOr<TaskService::PlanTaskView> TaskService::UpdatePlanTask(const Scope& s, int64_t task_id,
                                                                const PlanTaskInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindPlanTask(task_id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("任务不存在");
  if (s.read_only || !s.CanAdminPark(old->park_id)) return Status::PermissionDenied("只有园区管理员可以修改年度计划");
  std::vector<FieldError> e;
  PARKHQ_ASSIGN_OR_RETURN(auto t, CheckPlanTask(in, *old, "", e));
  if (!e.empty()) return Status::Validation("任务信息有误", e);
  if (t.no != old->no) {
    PARKHQ_ASSIGN_OR_RETURN(auto existing, repo_.ListPlanTasks(old->plan_id));
    if (std::any_of(existing.begin(), existing.end(), [&](const PlanTask& x) { return x.no == t.no; }))
      return Status::Conflict("该计划已有这个任务序号", {{"no", "序号已被占用"}});
  }
  PARKHQ_RETURN_IF_ERROR(repo_.UpdatePlanTask(t, s));
  org_.InvalidateTasks(t.park_id);
  return PlanTaskViewOf(std::move(t));
}

Status TaskService::DeletePlanTask(const Scope& s, int64_t task_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindPlanTask(task_id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("任务不存在");
  if (s.read_only || !s.CanAdminPark(old->park_id)) return Status::PermissionDenied("只有园区管理员可以修改年度计划");
  PARKHQ_ASSIGN_OR_RETURN(int64_t items, repo_.CountTaskItems(task_id));
  if (items > 0) return Status::Conflict("该任务已有考核指标，不能删除（请先删除其考核指标）");
  PARKHQ_RETURN_IF_ERROR(repo_.DeletePlanTask(task_id, s));
  org_.InvalidateTasks(old->park_id);
  return Status::Ok();
}

StatusOr<Plan> TaskService::ImportPlan(const Scope& s, std::optional<int64_t> park_id, const PlanInput& in,
                                       const std::vector<std::pair<int, PlanTaskInput>>& rows) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  if (s.read_only || !s.CanAdminPark(park)) return Status::PermissionDenied("只有园区管理员可以导入年度计划");
  std::vector<FieldError> e;
  if (!in.year) e.push_back({"year", "请填写年度"});
  else if (*in.year < 2000 || *in.year > 2100) e.push_back({"year", "年度应在2000至2100之间"});
  if (!in.title || in.title->empty() || in.title->size() > 300) e.push_back({"title", "标题不能为空，且不超过300字节"});
  if (in.doc_no && in.doc_no->size() > 100) e.push_back({"doc_no", "文号不超过100字节"});
  if (rows.empty()) e.push_back({"file", "没有数据行"});
  if (rows.size() > kMaxTasks) e.push_back({"file", "任务过多（最多 500 个）"});
  std::vector<PlanTask> tasks;
  std::map<int, int> seen;  // task no → first row
  for (const auto& [row, input] : rows) {
    if (e.size() > 200 || tasks.size() >= kMaxTasks) break;
    const std::string at = "rows[" + std::to_string(row) + "].";
    PlanTask base;
    base.park_id = park;
    PARKHQ_ASSIGN_OR_RETURN(auto t, CheckPlanTask(input, base, at, e));
    if (t.no > 0) {
      auto [it, fresh] = seen.emplace(t.no, row);
      if (!fresh) e.push_back({at + "no", "与第 " + std::to_string(it->second) + " 行的任务序号重复"});
    }
    tasks.push_back(std::move(t));
  }
  if (!e.empty()) return Status::Validation("导入文件有错误，未创建计划", e);
  PARKHQ_ASSIGN_OR_RETURN(auto plans, repo_.ListPlans({park}));
  if (std::any_of(plans.begin(), plans.end(), [&](const Plan& p) { return p.year == *in.year; }))
    return Status::Conflict("该园区已有这一年度的计划", {{"year", "该年度已有计划"}});
  Plan p;
  p.park_id = park;
  p.year = *in.year;
  p.title = *in.title;
  p.doc_no = in.doc_no.value_or("");
  PARKHQ_ASSIGN_OR_RETURN(p.id, repo_.CreatePlanWithTasks(p, tasks, s));
  org_.InvalidateTasks(park);
  return p;
}

}  // namespace parkhq::task
