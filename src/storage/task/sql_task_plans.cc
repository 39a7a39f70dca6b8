// Plans of the management loop: finding, copying to another year (tasks, units, items; audited) and editing.
#include <map>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/task/sql_task_repository.h"

namespace parkhq::storage {

namespace {

const char kPlanSnapshot[] = "SELECT * FROM task_plans WHERE id = ?";

// A date moved by whole years (29 February becomes 28 February in a common year); bad text is kept.
std::string ShiftYears(const std::string& text, int years) {
  auto d = Date::Parse(text);
  return d ? d->AddYears(years).ToString() : text;
}

}  // namespace

StatusOr<std::optional<task::Plan>> SqlTaskRepository::FindPlan(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT id, park_id, year, title, doc_no, is_current FROM task_plans "
                                              "WHERE id = ?", {id}));
  if (!r) return std::optional<task::Plan>();
  return std::optional<task::Plan>(
      task::Plan{r->Int(0), r->Int(1), static_cast<int>(r->Int(2)), r->Text(3), r->Text(4), r->Bool(5)});
}

StatusOr<int64_t> SqlTaskRepository::CopyPlan(const task::Plan& from, const task::Plan& to, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  const int shift = to.year - from.year;
  PARKHQ_ASSIGN_OR_RETURN(int64_t plan_id,
                          c.InsertId("INSERT INTO task_plans(park_id, year, title, doc_no, is_current, created_at) "
                                     "VALUES (?, ?, ?, ?, 0, ?) RETURNING id",
                                     {from.park_id, int64_t{to.year}, to.title, to.doc_no, now}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kPlanSnapshot, {plan_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "copy", "task_plan", std::to_string(plan_id), from.park_id, "", after,
                                    "复制自计划 " + std::to_string(from.id)));

  // Tasks and their units.
  std::map<int64_t, int64_t> task_ids;  // old → new
  PARKHQ_ASSIGN_OR_RETURN(auto tasks, c.Query("SELECT id, no, group_name, title, note, content FROM tasks "
                                              "WHERE plan_id = ? ORDER BY no", {from.id}));
  for (const auto& t : tasks) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO tasks(park_id, no, group_name, title, note, plan_id, "
                                                   "content) VALUES (?,?,?,?,?,?,?) RETURNING id",
                                                   {from.park_id, t.Int(1), t.Text(2), t.Text(3), t.Text(4), plan_id,
                                                    t.Text(5)}));
    task_ids[t.Int(0)] = id;
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_units(park_id, task_id, unit_id, role, sort) SELECT park_id, ?, "
                                  "unit_id, role, sort FROM task_units WHERE task_id = ?", {id, t.Int(0)})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(auto snap, Snapshot(c, "SELECT * FROM tasks WHERE id = ?", {id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "task", std::to_string(id), from.park_id, "", snap));
  }

  // Breakdown items and their units (no reports), dates moved by the year difference.
  PARKHQ_ASSIGN_OR_RETURN(auto items, c.Query("SELECT i.id, i.task_id, i.content, i.target_value, i.target_unit, "
                                              "i.milestone, i.weight, i.start_date, i.deadline, i.frequency, "
                                              "i.evidence, i.link_kind, i.link_ref, i.link_park_id, i.sort, i.is_demo "
                                              "FROM task_items i JOIN tasks t ON t.id = i.task_id WHERE t.plan_id = ? "
                                              "ORDER BY i.id", {from.id}));
  for (const auto& i : items) {
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t id,
        c.InsertId("INSERT INTO task_items(park_id, task_id, content, target_value, target_unit, milestone, weight, "
                   "start_date, deadline, frequency, evidence, link_kind, link_ref, link_park_id, sort, is_demo, "
                   "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                   {from.park_id, task_ids.at(i.Int(1)), i.Text(2), Opt(i.OptDouble(3)), i.Text(4), i.Text(5),
                    i.Double(6), ShiftYears(i.Text(7), shift), ShiftYears(i.Text(8), shift), i.Text(9), i.Text(10),
                    i.Text(11), i.Text(12), Opt(i.OptInt(13)), i.Int(14), i.Int(15), now, now}));
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_item_units(park_id, item_id, unit_id, role, sort) SELECT park_id, "
                                  "?, unit_id, role, sort FROM task_item_units WHERE item_id = ?", {id, i.Int(0)})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(auto snap, Snapshot(c, "SELECT * FROM task_items WHERE id = ?", {id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "task_item", std::to_string(id), from.park_id, "", snap));
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return plan_id;
}

Status SqlTaskRepository::UpdatePlan(const task::Plan& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kPlanSnapshot, {p.id}));
  if (before.empty()) return Status::NotFound("计划不存在");
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE task_plans SET title = ?, doc_no = ? WHERE id = ?", {p.title, p.doc_no, p.id}).status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kPlanSnapshot, {p.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "task_plan", std::to_string(p.id), p.park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
