// Dispatch meetings (调度会).
#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/task/sql_task_repository.h"

namespace parkhq::storage {

namespace {

const char kCols[] = "SELECT id, park_id, title, held_on, chair, units, agenda, minutes, created_by, created_at, is_demo "
                     "FROM meetings ";
const char kSnapshot[] = "SELECT * FROM meetings WHERE id = ?";

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
  return out;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  const std::string sep = "、";
  size_t pos = 0;
  while (pos < s.size()) {
    size_t at = s.find(sep, pos);
    if (at == std::string::npos) at = s.size();
    if (at > pos) out.push_back(s.substr(pos, at - pos));
    pos = at + sep.size();
  }
  return out;
}

task::Meeting ToMeeting(const Row& r) {
  task::Meeting m;
  m.id = r.Int(0);
  m.park_id = r.Int(1);
  m.title = r.Text(2);
  m.held_on = Date::Parse(r.Text(3)).value_or(Date{2000, 1, 1});
  m.chair = r.Text(4);
  m.units = Split(r.Text(5));
  m.agenda = r.Text(6);
  m.minutes = r.Text(7);
  m.created_by = r.Text(8);
  m.created_at = r.Text(9);
  m.is_demo = r.Bool(10);
  return m;
}

}  // namespace

StatusOr<std::vector<task::Meeting>> SqlTaskRepository::ListMeetings(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = TaskInList(park_ids, p, "park_id");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kCols) + "WHERE " + where + " ORDER BY held_on DESC, id DESC", p));
  std::vector<task::Meeting> out;
  for (const auto& r : rows) out.push_back(ToMeeting(r));
  return out;
}

StatusOr<std::optional<task::Meeting>> SqlTaskRepository::FindMeeting(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kCols) + "WHERE id = ?", {id}));
  if (!row) return std::optional<task::Meeting>();
  return std::optional<task::Meeting>(ToMeeting(*row));
}

StatusOr<int64_t> SqlTaskRepository::CreateMeeting(const task::Meeting& m, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO meetings(park_id, title, held_on, chair, units, agenda, "
                                                  "minutes, created_by, created_at, is_demo) "
                                                  "VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
                                                  {m.park_id, m.title, m.held_on.ToString(), m.chair, Join(m.units),
                                                   m.agenda, m.minutes, m.created_by, NowIso(), int64_t{m.is_demo}}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "meeting", std::to_string(id), m.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTaskRepository::UpdateMeeting(const task::Meeting& m, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnapshot, {m.id}));
  if (before.empty()) return Status::NotFound("会议不存在");
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE meetings SET title = ?, held_on = ?, chair = ?, units = ?, agenda = ?, "
                                 "minutes = ? WHERE id = ?",
                                 {m.title, m.held_on.ToString(), m.chair, Join(m.units), m.agenda, m.minutes, m.id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnapshot, {m.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "meeting", std::to_string(m.id), m.park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
