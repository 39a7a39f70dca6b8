// The tasks of a plan: listed, created, edited and deleted one by one, or inserted with a new plan
// (an imported year). Every write is audited with the task row and its units.
#include <string>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/task/sql_task_repository.h"

namespace parkhq::storage {

namespace {

const char kTaskCols[] = "SELECT id, plan_id, park_id, no, group_name, title, content, note FROM tasks ";

std::string Ids(const std::vector<int64_t>& ids) {
  std::string s = "[";
  for (size_t i = 0; i < ids.size(); ++i) s += (i ? "," : "") + std::to_string(ids[i]);
  return s + "]";
}

// The task row as JSON with its unit ids ("" when there is no such task).
StatusOr<std::string> TaskSnapshot(Connection& c, const task::PlanTask& t) {
  PARKHQ_ASSIGN_OR_RETURN(std::string s, Snapshot(c, "SELECT * FROM tasks WHERE id = ?", {t.id}));
  if (s.size() < 2) return s;
  s.pop_back();
  return s + ",\"lead_unit_ids\":" + Ids(t.lead_unit_ids) + ",\"responsible_unit_ids\":" +
         Ids(t.responsible_unit_ids) + "}";
}

Status WriteUnits(Connection& c, const task::PlanTask& t) {
  PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM task_units WHERE task_id = ?", {t.id}).status());
  int64_t sort = 0;
  for (const auto& [role, ids] : {std::pair{"lead", &t.lead_unit_ids}, std::pair{"responsible", &t.responsible_unit_ids}})
    for (int64_t u : *ids)
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_units(park_id, task_id, unit_id, role, sort) VALUES (?,?,?,?,?)",
                                    {t.park_id, t.id, u, std::string(role), sort++})
                                 .status());
  return Status::Ok();
}

StatusOr<std::vector<task::PlanTask>> Load(Connection& c, const std::string& where, const std::vector<Value>& params) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kTaskCols) + where + " ORDER BY no", params));
  std::vector<task::PlanTask> out;
  for (const auto& r : rows) {
    task::PlanTask t;
    t.id = r.Int(0);
    t.plan_id = r.IsNull(1) ? 0 : r.Int(1);
    t.park_id = r.Int(2);
    t.no = static_cast<int>(r.Int(3));
    t.group = r.Text(4);
    t.title = r.Text(5);
    t.content = r.Text(6);
    t.note = r.Text(7);
    PARKHQ_ASSIGN_OR_RETURN(auto units, c.Query("SELECT unit_id, role FROM task_units WHERE task_id = ? ORDER BY sort",
                                                {t.id}));
    for (const auto& u : units) (u.Text(1) == "lead" ? t.lead_unit_ids : t.responsible_unit_ids).push_back(u.Int(0));
    out.push_back(std::move(t));
  }
  return out;
}

StatusOr<int64_t> Insert(Connection& c, task::PlanTask t, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(t.id, c.InsertId("INSERT INTO tasks(park_id, no, group_name, title, note, plan_id, content) "
                                           "VALUES (?,?,?,?,?,?,?) RETURNING id",
                                           {t.park_id, int64_t{t.no}, t.group, t.title, t.note, t.plan_id, t.content}));
  PARKHQ_RETURN_IF_ERROR(WriteUnits(c, t));
  PARKHQ_ASSIGN_OR_RETURN(auto after, TaskSnapshot(c, t));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "task", std::to_string(t.id), t.park_id, "", after));
  return t.id;
}

}  // namespace

StatusOr<std::vector<task::PlanTask>> SqlTaskRepository::ListPlanTasks(int64_t plan_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return Load(*c, "WHERE plan_id = ?", {plan_id});
}

StatusOr<std::optional<task::PlanTask>> SqlTaskRepository::FindPlanTask(int64_t task_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto v, Load(*c, "WHERE id = ?", {task_id}));
  if (v.empty()) return std::optional<task::PlanTask>();
  return std::optional<task::PlanTask>(std::move(v.front()));
}

StatusOr<int64_t> SqlTaskRepository::CountTaskItems(int64_t task_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT COUNT(*) FROM task_items WHERE task_id = ?", {task_id}));
  return r ? r->Int(0) : 0;
}

StatusOr<int64_t> SqlTaskRepository::CreatePlanTask(const task::PlanTask& t, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Insert(*c, t, who));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTaskRepository::UpdatePlanTask(const task::PlanTask& t, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto old, Load(*c, "WHERE id = ?", {t.id}));
  if (old.empty()) return Status::NotFound("任务不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto before, TaskSnapshot(*c, old.front()));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE tasks SET no = ?, group_name = ?, title = ?, content = ?, note = ? WHERE id = ?",
                                 {int64_t{t.no}, t.group, t.title, t.content, t.note, t.id})
                             .status());
  PARKHQ_RETURN_IF_ERROR(WriteUnits(*c, t));
  PARKHQ_ASSIGN_OR_RETURN(auto after, TaskSnapshot(*c, t));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "task", std::to_string(t.id), t.park_id, before, after));
  return tx.Commit();
}

Status SqlTaskRepository::DeletePlanTask(int64_t task_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto old, Load(*c, "WHERE id = ?", {task_id}));
  if (old.empty()) return Status::NotFound("任务不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto before, TaskSnapshot(*c, old.front()));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM task_units WHERE task_id = ?", {task_id}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM tasks WHERE id = ?", {task_id}).status());
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "delete", "task", std::to_string(task_id), old.front().park_id, before, ""));
  return tx.Commit();
}

StatusOr<int64_t> SqlTaskRepository::CreatePlanWithTasks(const task::Plan& p, const std::vector<task::PlanTask>& tasks,
                                                         const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t plan_id,
                          c->InsertId("INSERT INTO task_plans(park_id, year, title, doc_no, is_current, created_at) "
                                      "VALUES (?, ?, ?, ?, 0, ?) RETURNING id",
                                      {p.park_id, int64_t{p.year}, p.title, p.doc_no, NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM task_plans WHERE id = ?", {plan_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "import", "task_plan", std::to_string(plan_id), p.park_id, "", after,
                                    std::to_string(tasks.size()) + " 个任务"));
  for (auto t : tasks) {
    t.plan_id = plan_id;
    t.park_id = p.park_id;
    PARKHQ_RETURN_IF_ERROR(Insert(*c, t, who).status());
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return plan_id;
}

}  // namespace parkhq::storage
