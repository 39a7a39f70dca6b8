// Supervision orders (督办单) with their units and steps, and leaders' instructions (批示).
#include <map>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/task/sql_task_repository.h"

namespace parkhq::storage {

using task::Supervision;
using task::SupervisionUnit;

namespace {

const char kSupCols[] =
    "SELECT id, park_id, no, title, content, deadline, source_kind, source_id, source_text, state, issued_by, "
    "issued_at, closed_at, ext_deadline, ext_reason, ext_unit_id, is_demo FROM supervisions ";
const char kSupSnapshot[] = "SELECT * FROM supervisions WHERE id = ?";
const char kUnitSnapshot[] = "SELECT * FROM supervision_units WHERE supervision_id = ? AND unit_id = ?";

Value TextOrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }

}  // namespace

StatusOr<std::vector<Supervision>> SqlTaskRepository::LoadSupervisions(Connection& c, const std::string& where,
                                                                       const std::vector<Value>& params, bool events) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kSupCols) + "WHERE " + where + " ORDER BY id DESC", params));
  std::vector<Supervision> out;
  std::map<int64_t, size_t> at;
  std::vector<int64_t> ids;
  for (const auto& r : rows) {
    Supervision s;
    s.id = r.Int(0);
    s.park_id = r.Int(1);
    s.no = r.Text(2);
    s.title = r.Text(3);
    s.content = r.Text(4);
    s.deadline = Date::Parse(r.Text(5)).value_or(Date{2000, 1, 1});
    s.source_kind = r.Text(6);
    s.source_id = r.Text(7);
    s.source_text = r.Text(8);
    s.state = r.Text(9);
    s.issued_by = r.Text(10);
    s.issued_at = r.Text(11);
    s.closed_at = r.Text(12);
    if (auto d = r.OptText(13)) s.ext_deadline = Date::Parse(*d);
    s.ext_reason = r.Text(14);
    s.ext_unit_id = r.OptInt(15);
    s.is_demo = r.Bool(16);
    at[s.id] = out.size();
    ids.push_back(s.id);
    out.push_back(std::move(s));
  }
  if (ids.empty()) return out;
  std::vector<Value> p;
  const std::string in = TaskInList(ids, p, "supervision_id");
  PARKHQ_ASSIGN_OR_RETURN(auto units, c.Query("SELECT supervision_id, unit_id, state, received_at, assignee, done_at, "
                                              "done_text, evidence, confirmed_at FROM supervision_units WHERE " + in +
                                                  " ORDER BY supervision_id, unit_id", p));
  for (const auto& u : units)
    out[at[u.Int(0)]].units.push_back({u.Int(1), u.Text(2), u.Text(3), u.Text(4), u.Text(5), u.Text(6), u.Text(7),
                                       u.Text(8)});
  if (!events) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto ev, c.Query("SELECT supervision_id, id, unit_id, kind, text, at, username FROM "
                                           "supervision_events WHERE " + in + " ORDER BY id", p));
  for (const auto& e : ev)
    out[at[e.Int(0)]].events.push_back({e.Int(1), e.OptInt(2), e.Text(3), e.Text(4), e.Text(5), e.Text(6)});
  return out;
}

StatusOr<std::vector<Supervision>> SqlTaskRepository::ListSupervisions(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = TaskInList(park_ids, p, "park_id");
  return LoadSupervisions(*c, where, p, false);
}

StatusOr<std::optional<Supervision>> SqlTaskRepository::FindSupervision(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto v, LoadSupervisions(*c, "id = ?", {id}, true));
  if (v.empty()) return std::optional<Supervision>();
  return std::optional<Supervision>(v.front());
}

StatusOr<int64_t> SqlTaskRepository::CreateSupervision(const Supervision& s, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  const std::string year = now.substr(0, 4);
  PARKHQ_ASSIGN_OR_RETURN(auto n, c->QueryOne("SELECT COUNT(*) FROM supervisions WHERE park_id = ? AND issued_at >= ?",
                                              {s.park_id, year + "-01-01"}));
  const std::string no = "督办〔" + year + "〕" + std::to_string(n->Int(0) + 1) + "号";
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO supervisions(park_id, no, title, content, deadline, "
                                                  "source_kind, source_id, source_text, state, issued_by, issued_at, "
                                                  "is_demo) VALUES (?,?,?,?,?,?,?,?,'open',?,?,?) RETURNING id",
                                                  {s.park_id, no, s.title, s.content, s.deadline.ToString(),
                                                   s.source_kind, s.source_id, s.source_text, s.issued_by, now,
                                                   int64_t{s.is_demo}}));
  for (const auto& u : s.units)
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO supervision_units(park_id, supervision_id, unit_id, state) "
                                   "VALUES (?,?,?,'assigned')", {s.park_id, id, u.unit_id})
                               .status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO supervision_events(park_id, supervision_id, unit_id, kind, text, at, "
                                 "username) VALUES (?,?,NULL,'issue',?,?,?)", {s.park_id, id, s.title, now, who.username})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSupSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "supervision", std::to_string(id), s.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTaskRepository::ApplySupervisionStep(const task::SupervisionStep& step, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const int64_t id = step.supervision_id;
  PARKHQ_ASSIGN_OR_RETURN(auto park, c->QueryOne("SELECT park_id FROM supervisions WHERE id = ?", {id}));
  if (!park) return Status::NotFound("督办单不存在");
  const int64_t park_id = park->Int(0);
  std::string before, after;
  if (step.order) {
    const Supervision& o = *step.order;
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, kSupSnapshot, {id}));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE supervisions SET state = ?, deadline = ?, closed_at = ?, ext_deadline = ?, "
                                   "ext_reason = ?, ext_unit_id = ? WHERE id = ?",
                                   {o.state, o.deadline.ToString(), TextOrNull(o.closed_at),
                                    o.ext_deadline ? Value(o.ext_deadline->ToString()) : Value(),
                                    TextOrNull(o.ext_reason), storage::Opt(o.ext_unit_id), id})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(after, Snapshot(*c, kSupSnapshot, {id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, step.event_kind, "supervision", std::to_string(id), park_id, before,
                                      after, step.event_text));
  }
  if (step.unit_id && step.unit) {
    const SupervisionUnit& u = *step.unit;
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, kUnitSnapshot, {id, *step.unit_id}));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE supervision_units SET state = ?, received_at = ?, assignee = ?, done_at = ?, "
                                   "done_text = ?, evidence = ?, confirmed_at = ? WHERE supervision_id = ? AND unit_id = ?",
                                   {u.state, TextOrNull(u.received_at), u.assignee, TextOrNull(u.done_at), u.done_text,
                                    u.evidence, TextOrNull(u.confirmed_at), id, *step.unit_id})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(after, Snapshot(*c, kUnitSnapshot, {id, *step.unit_id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, step.event_kind, "supervision_unit",
                                      std::to_string(id) + "/" + std::to_string(*step.unit_id), park_id, before, after,
                                      step.event_text));
  }
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO supervision_events(park_id, supervision_id, unit_id, kind, text, at, "
                                 "username) VALUES (?,?,?,?,?,?,?)",
                                 {park_id, id, storage::Opt(step.unit_id), step.event_kind, step.event_text, NowIso(),
                                  who.username})
                             .status());
  return tx.Commit();
}

StatusOr<int64_t> SqlTaskRepository::CreateInstruction(const task::Instruction& i, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO instructions(park_id, target_kind, target_id, text, "
                                                  "created_by, created_at) VALUES (?,?,?,?,?,?) RETURNING id",
                                                  {i.park_id, i.target_kind, i.target_id, i.text, i.created_by, NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM instructions WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "instruction", std::to_string(id), i.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<task::Instruction>> SqlTaskRepository::ListInstructions(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = TaskInList(park_ids, p, "park_id");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, target_kind, target_id, text, created_by, created_at "
                                              "FROM instructions WHERE " + where + " ORDER BY id DESC", p));
  std::vector<task::Instruction> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
  return out;
}

}  // namespace parkhq::storage
