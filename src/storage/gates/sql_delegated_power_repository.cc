#include "storage/gates/sql_delegated_power_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {

using gates::DelegatedPower;
using gates::PowerCount;
using gates::PowerLogEntry;
using sql_dates::DateValue;
using sql_dates::OptDate;

namespace {

const char kSelect[] =
    "SELECT p.id, p.park_id, p.name, p.legal_basis, p.delegating_unit, p.delegated_on, p.status, p.note, p.is_demo, "
    "p.updated_at, COALESCE((SELECT SUM(c.handled) FROM delegated_power_counts c WHERE c.power_id = p.id), 0) "
    "FROM delegated_powers p";

DelegatedPower FromRow(const Row& r) {
  DelegatedPower p;
  p.id = r.Int(0);
  p.park_id = r.Int(1);
  p.name = r.Text(2);
  p.legal_basis = r.Text(3);
  p.delegating_unit = r.Text(4);
  p.delegated_on = OptDate(r, 5);
  p.status = r.Text(6);
  p.note = r.Text(7);
  p.is_demo = r.Bool(8);
  p.updated_at = r.Text(9);
  p.handled_total = r.Int(10);
  return p;
}

StatusOr<int64_t> Insert(Connection& c, const DelegatedPower& p, const std::string& now) {
  return c.InsertId(
      "INSERT INTO delegated_powers (park_id, name, legal_basis, delegating_unit, delegated_on, status, note, is_demo, "
      "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
      {p.park_id, p.name, p.legal_basis, p.delegating_unit, DateValue(p.delegated_on), p.status, p.note,
       int64_t{p.is_demo ? 1 : 0}, now, now});
}

Status AddLog(Connection& c, int64_t park_id, int64_t power_id, const std::string& now, const std::string& username,
              const std::string& action, const std::string& changes, const std::string& reason) {
  return c.Exec("INSERT INTO delegated_power_log (park_id, power_id, at, username, action, changes, reason) VALUES "
                "(?,?,?,?,?,?,?)",
                {park_id, power_id, now, username, action, changes, reason})
      .status();
}

}  // namespace

StatusOr<std::vector<DelegatedPower>> SqlDelegatedPowerRepository::List(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kSelect) + " WHERE p.park_id = ? ORDER BY p.id", {park_id}));
  std::vector<DelegatedPower> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

StatusOr<std::optional<DelegatedPower>> SqlDelegatedPowerRepository::Find(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kSelect) + " WHERE p.id = ?", {id}));
  if (!row) return std::optional<DelegatedPower>();
  return std::optional<DelegatedPower>(FromRow(*row));
}

StatusOr<int64_t> SqlDelegatedPowerRepository::Save(const DelegatedPower& p, const std::string& changes,
                                                    const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  const char kSnap[] = "SELECT * FROM delegated_powers WHERE id = ?";
  int64_t id = p.id;
  std::string before;
  if (id == 0) {
    PARKHQ_ASSIGN_OR_RETURN(id, Insert(*c, p, now));
  } else {
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, kSnap, {id}));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE delegated_powers SET name = ?, legal_basis = ?, delegating_unit = ?, "
                                   "delegated_on = ?, status = ?, note = ?, updated_at = ? WHERE id = ?",
                                   {p.name, p.legal_basis, p.delegating_unit, DateValue(p.delegated_on), p.status,
                                    p.note, now, id})
                               .status());
  }
  PARKHQ_RETURN_IF_ERROR(AddLog(*c, p.park_id, id, now, who.username, before.empty() ? "add" : "update", changes, reason));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "delegated_power",
                                    std::to_string(id), p.park_id, before, after, reason));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<PowerCount>> SqlDelegatedPowerRepository::Counts(int64_t power_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT period, handled FROM delegated_power_counts WHERE power_id = ? "
                                              "ORDER BY period",
                                              {power_id}));
  std::vector<PowerCount> out;
  for (const auto& r : rows)
    if (auto per = Period::Parse(r.Text(0))) out.push_back({*per, r.Int(1)});
  return out;
}

Status SqlDelegatedPowerRepository::SaveCount(const DelegatedPower& p, const PowerCount& pc, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM delegated_power_counts WHERE power_id = ? AND period = ?";
  const std::vector<Value> key = {p.id, pc.period.ToString()};
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM delegated_power_counts WHERE power_id = ? AND period = ?", key).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO delegated_power_counts (park_id, power_id, period, handled) VALUES "
                                 "(?,?,?,?)",
                                 {p.park_id, p.id, pc.period.ToString(), pc.handled})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "count", "delegated_power", std::to_string(p.id), p.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<PowerLogEntry>> SqlDelegatedPowerRepository::Log(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT l.id, l.power_id, p.name, l.at, l.username, l.action, l.changes, "
                                              "l.reason FROM delegated_power_log l JOIN delegated_powers p ON "
                                              "p.id = l.power_id WHERE l.park_id = ? ORDER BY l.id DESC",
                                              {park_id}));
  std::vector<PowerLogEntry> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  return out;
}

StatusOr<int64_t> SqlDelegatedPowerRepository::InsertDemo(Connection& c, const DelegatedPower& p,
                                                          const std::vector<PowerCount>& counts) {
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Insert(c, p, now));
  PARKHQ_RETURN_IF_ERROR(AddLog(c, p.park_id, id, now, "parkadmin", "add", "新增事项：" + p.name, "清单初始化（演示）"));
  for (const auto& pc : counts)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO delegated_power_counts (park_id, power_id, period, handled) VALUES "
                                  "(?,?,?,?)",
                                  {p.park_id, id, pc.period.ToString(), pc.handled})
                               .status());
  return id;
}

}  // namespace parkhq::storage
