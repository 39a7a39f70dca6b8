// SqlProjectRepository, part two: a project's milestones, approval checklist, problem list and the
// park's project settings (split from sql_project_repository.cc).
#include <map>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/sql_dates.h"
#include "storage/project/sql_project_repository.h"

namespace parkhq::storage {

using project::ApprovalItem;
using project::Milestone;
using project::Problem;
using sql_dates::DateValue;
using sql_dates::OptDate;

StatusOr<std::vector<Milestone>> SqlProjectRepository::Milestones(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, project_id, title, planned_date, actual_date, note, sort "
                                              "FROM project_milestones WHERE project_id = ? ORDER BY sort, id",
                                              {project_id}));
  std::vector<Milestone> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), OptDate(r, 3), OptDate(r, 4), r.Text(5), static_cast<int>(r.Int(6))});
  return out;
}

namespace {
// Inserts (id == 0) or updates one child row with its audit row. `cols` are the assigned columns
// in the order of `values`.
StatusOr<int64_t> SaveChild(Database& db, const char* table, const char* entity, int64_t park_id, int64_t project_id,
                            int64_t id, const std::vector<std::string>& cols, std::vector<Value> values,
                            const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap = std::string("SELECT * FROM ") + table + " WHERE id = ?";
  std::string before;
  if (id == 0) {
    std::string names = "park_id, project_id", marks = "?,?";
    for (const auto& col : cols) {
      names += ", " + col;
      marks += ",?";
    }
    values.insert(values.begin(), {park_id, project_id});
    PARKHQ_ASSIGN_OR_RETURN(id, c->InsertId(std::string("INSERT INTO ") + table + "(" + names + ") VALUES (" + marks +
                                                ") RETURNING id",
                                            values));
  } else {
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, snap + " AND project_id = ?", {id, project_id}));
    if (before.empty()) return Status::NotFound("记录不存在");
    std::string sets;
    for (const auto& col : cols) sets += (sets.empty() ? "" : ", ") + col + " = ?";
    values.push_back(id);
    PARKHQ_RETURN_IF_ERROR(c->Exec(std::string("UPDATE ") + table + " SET " + sets + " WHERE id = ?", values).status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, before.empty() ? "create" : "update", entity, std::to_string(id), park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}
}  // namespace

StatusOr<int64_t> SqlProjectRepository::SaveMilestone(int64_t park_id, const Milestone& m, const Scope& who) {
  return SaveChild(db_, "project_milestones", "project_milestone", park_id, m.project_id, m.id,
                   {"title", "planned_date", "actual_date", "note", "sort"},
                   {m.title, DateValue(m.planned_date), DateValue(m.actual_date), m.note, int64_t{m.sort}}, who);
}

StatusOr<std::vector<ApprovalItem>> SqlProjectRepository::Approvals(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows,
                          c->Query("SELECT id, project_id, item, status, deadline, done_on, tolerance_acceptance, "
                                   "commitment, agent, note, sort FROM project_approvals WHERE project_id = ? "
                                   "ORDER BY sort, id",
                                   {project_id}));
  std::vector<ApprovalItem> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), OptDate(r, 4), OptDate(r, 5), r.Bool(6), r.Bool(7),
                   r.Text(8), r.Text(9), static_cast<int>(r.Int(10))});
  return out;
}

StatusOr<int64_t> SqlProjectRepository::SaveApproval(int64_t park_id, const ApprovalItem& a, const Scope& who) {
  return SaveChild(db_, "project_approvals", "project_approval", park_id, a.project_id, a.id,
                   {"item", "status", "deadline", "done_on", "tolerance_acceptance", "commitment", "agent", "note",
                    "sort"},
                   {a.item, a.status, DateValue(a.deadline), DateValue(a.done_on), int64_t{a.tolerance_acceptance},
                    int64_t{a.commitment}, a.agent, a.note, int64_t{a.sort}},
                   who);
}

StatusOr<std::vector<Problem>> SqlProjectRepository::Problems(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, project_id, issue, raised_on, responsible_unit, deadline, "
                                              "status, resolution, resolved_on FROM project_problems "
                                              "WHERE project_id = ? ORDER BY id",
                                              {project_id}));
  std::vector<Problem> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), OptDate(r, 3).value_or(Date{}), r.Text(4), OptDate(r, 5),
                   r.Text(6), r.Text(7), OptDate(r, 8)});
  return out;
}

StatusOr<int64_t> SqlProjectRepository::SaveProblem(int64_t park_id, const Problem& p, const Scope& who) {
  return SaveChild(db_, "project_problems", "project_problem", park_id, p.project_id, p.id,
                   {"issue", "raised_on", "responsible_unit", "deadline", "status", "resolution", "resolved_on"},
                   {p.issue, p.raised_on.ToString(), p.responsible_unit, DateValue(p.deadline), p.status,
                    p.resolution, DateValue(p.resolved_on)},
                   who);
}

Status SqlProjectRepository::DeleteChild(const std::string& entity, int64_t project_id, int64_t id, const Scope& who) {
  static const std::map<std::string, std::string> kTables = {
      {"milestone", "project_milestones"}, {"approval", "project_approvals"}, {"problem", "project_problems"}};
  auto it = kTables.find(entity);
  if (it == kTables.end()) return Status::NotFound("记录不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before,
                          Snapshot(*c, "SELECT * FROM " + it->second + " WHERE id = ? AND project_id = ?", {id, project_id}));
  if (before.empty()) return Status::NotFound("记录不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto park, c->QueryOne("SELECT park_id FROM projects WHERE id = ?", {project_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM " + it->second + " WHERE id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "project_" + entity, std::to_string(id),
                                    park ? std::optional<int64_t>(park->Int(0)) : std::nullopt, before, ""));
  return tx.Commit();
}

StatusOr<std::map<std::string, double>> SqlProjectRepository::Settings(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::map<std::string, double> out;
  // Park 0 first, then the park's own values override.
  PARKHQ_RETURN_IF_ERROR(c->ForEach("SELECT park_id, key, value FROM settings WHERE park_id IN (0, ?) AND key LIKE "
                                    "'projects.%' ORDER BY park_id",
                                    {park_id}, [&](const Row& r) {
                                      try {
                                        out[r.Text(1).substr(9)] = std::stod(r.Text(2));
                                      } catch (const std::exception&) {
                                      }
                                      return true;
                                    }));
  return out;
}

Status SqlProjectRepository::SaveSettings(int64_t park_id, const std::map<std::string, double>& values,
                                          const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::string before = "{", after = "{";
  for (const auto& [k, v] : values) {
    const std::string key = "projects." + k;
    PARKHQ_ASSIGN_OR_RETURN(auto old, c->QueryOne("SELECT value FROM settings WHERE park_id = ? AND key = ?", {park_id, key}));
    if (old) before += (before.size() > 1 ? "," : "") + ("\"" + k + "\":" + old->Text(0));
    PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM settings WHERE park_id = ? AND key = ?", {park_id, key}).status());
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("INSERT INTO settings(park_id, key, value) VALUES (?,?,?)", {park_id, key, std::string(buf)}).status());
    after += (after.size() > 1 ? "," : "") + ("\"" + k + "\":" + std::string(buf));
  }
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "project_settings", std::to_string(park_id), park_id,
                                    before + "}", after + "}"));
  return tx.Commit();
}

}  // namespace parkhq::storage
