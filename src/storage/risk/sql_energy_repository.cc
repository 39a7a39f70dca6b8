// SqlRiskRepository: energy accounts, targets and retrofits.
#include <boost/json.hpp>
#include <map>

#include "storage/audit_store.h"
#include "storage/risk/sql_risk_repository.h"

namespace parkhq::storage {

using risk::EnergyAccount;
using risk::Retrofit;

namespace {

Value OptDate(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }
std::optional<Date> ParseOptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}

// The account as one JSON object for the audit row.
StatusOr<std::string> AccountJson(Connection& c, int64_t enterprise_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT category, item, amount FROM energy_accounts WHERE "
                                             "enterprise_id = ? AND year = ? ORDER BY category, item",
                                             {enterprise_id, int64_t{year}}));
  if (rows.empty()) return std::string();
  boost::json::object energy, emissions;
  for (const auto& r : rows) (r.Text(0) == "energy" ? energy : emissions)[r.Text(1)] = r.Double(2);
  return boost::json::serialize(boost::json::object{{"enterprise_id", enterprise_id}, {"year", year},
                                                    {"energy", energy}, {"emissions", emissions}});
}

const char kRetrofitCols[] =
    "SELECT r.id, r.park_id, r.enterprise_id, e.name, r.kind, r.name, r.status, r.investment, r.saving_tce, "
    "r.deadline, r.completed_on, r.note, r.is_demo, r.created_at, r.updated_at FROM retrofits r "
    "JOIN enterprises e ON e.id = r.enterprise_id ";

Retrofit ToRetrofit(const Row& r) {
  Retrofit x;
  x.id = r.Int(0);
  x.park_id = r.Int(1);
  x.enterprise_id = r.Int(2);
  x.enterprise_name = r.Text(3);
  x.kind = r.Text(4);
  x.name = r.Text(5);
  x.status = r.Text(6);
  x.investment = r.OptDouble(7);
  x.saving_tce = r.OptDouble(8);
  x.deadline = ParseOptDate(r, 9);
  x.completed_on = ParseOptDate(r, 10);
  x.note = r.Text(11);
  x.is_demo = r.Bool(12);
  x.created_at = r.Text(13);
  x.updated_at = r.Text(14);
  return x;
}

}  // namespace

StatusOr<std::vector<EnergyAccount>> SqlRiskRepository::ListAccounts(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT a.enterprise_id, e.name, a.category, a.item, a.amount, a.is_demo, a.updated_at "
                          "FROM energy_accounts a JOIN enterprises e ON e.id = a.enterprise_id "
                          "WHERE a.park_id = ? AND a.year = ? ORDER BY a.enterprise_id, a.category, a.item",
                          {park_id, int64_t{year}}));
  std::vector<EnergyAccount> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().enterprise_id != r.Int(0)) {
      EnergyAccount a;
      a.enterprise_id = r.Int(0);
      a.enterprise_name = r.Text(1);
      a.year = year;
      out.push_back(std::move(a));
    }
    EnergyAccount& a = out.back();
    (r.Text(2) == "energy" ? a.energy : a.emissions)[r.Text(3)] = r.Double(4);
    a.is_demo = a.is_demo || r.Bool(5);
    if (r.Text(6) > a.updated_at) a.updated_at = r.Text(6);
  }
  return out;
}

Status SqlRiskRepository::SaveAccount(int64_t park_id, const EnergyAccount& a, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(const std::string before, AccountJson(*c, a.enterprise_id, a.year));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM energy_accounts WHERE enterprise_id = ? AND year = ?",
                                 {a.enterprise_id, int64_t{a.year}})
                             .status());
  const std::string now = NowIso();
  for (const auto& [cat, m] : {std::pair{"energy", &a.energy}, std::pair{"emission", &a.emissions}})
    for (const auto& [item, amount] : *m)
      PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO energy_accounts(park_id, enterprise_id, year, category, item, amount, "
                                     "is_demo, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                                     {park_id, a.enterprise_id, int64_t{a.year}, std::string(cat), item, amount,
                                      int64_t{a.is_demo ? 1 : 0}, now})
                                 .status());
  PARKHQ_ASSIGN_OR_RETURN(const std::string after, AccountJson(*c, a.enterprise_id, a.year));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "energy_account",
                                    std::to_string(a.enterprise_id) + ":" + std::to_string(a.year), park_id, before,
                                    after));
  return tx.Commit();
}

StatusOr<risk::EnergyTargets> SqlRiskRepository::GetTargets(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT energy_cap_tce, intensity_target, emissions_cap_t FROM "
                                                "energy_targets WHERE park_id = ? AND year = ?",
                                                {park_id, int64_t{year}}));
  risk::EnergyTargets t;
  if (row) t = {row->OptDouble(0), row->OptDouble(1), row->OptDouble(2)};
  return t;
}

Status SqlRiskRepository::SaveTargets(int64_t park_id, int year, const risk::EnergyTargets& t, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM energy_targets WHERE park_id = ? AND year = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {park_id, int64_t{year}}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM energy_targets WHERE park_id = ? AND year = ?", {park_id, int64_t{year}}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO energy_targets(park_id, year, energy_cap_tce, intensity_target, "
                                 "emissions_cap_t, updated_at) VALUES (?,?,?,?,?,?)",
                                 {park_id, int64_t{year}, Opt(t.energy_cap_tce), Opt(t.intensity_target),
                                  Opt(t.emissions_cap_t), NowIso()})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {park_id, int64_t{year}}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "energy_targets",
                                    std::to_string(park_id) + ":" + std::to_string(year), park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<Retrofit>> SqlRiskRepository::ListRetrofits(int64_t park_id,
                                                                  std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params = {park_id};
  std::string sql = std::string(kRetrofitCols) + "WHERE r.park_id = ?";
  if (enterprise_id) {
    sql += " AND r.enterprise_id = ?";
    params.push_back(*enterprise_id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql + " ORDER BY r.id", params));
  std::vector<Retrofit> out;
  for (const auto& r : rows) out.push_back(ToRetrofit(r));
  return out;
}

StatusOr<std::optional<Retrofit>> SqlRiskRepository::FindRetrofit(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kRetrofitCols) + "WHERE r.id = ?", {id}));
  if (!row) return std::optional<Retrofit>();
  return std::optional<Retrofit>(ToRetrofit(*row));
}

StatusOr<int64_t> SqlRiskRepository::CreateRetrofit(const Retrofit& x, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c->InsertId("INSERT INTO retrofits(park_id, enterprise_id, kind, name, status, investment, saving_tce, "
                  "deadline, completed_on, note, is_demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                  "RETURNING id",
                  {x.park_id, x.enterprise_id, x.kind, x.name, x.status, Opt(x.investment), Opt(x.saving_tce),
                   OptDate(x.deadline), OptDate(x.completed_on), x.note, int64_t{x.is_demo ? 1 : 0}, now, now}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM retrofits WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "retrofit", std::to_string(id), x.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlRiskRepository::UpdateRetrofit(const Retrofit& x, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM retrofits WHERE id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {x.id}));
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t n, c->Exec("UPDATE retrofits SET kind = ?, name = ?, status = ?, investment = ?, saving_tce = ?, "
                         "deadline = ?, completed_on = ?, note = ?, updated_at = ? WHERE id = ?",
                         {x.kind, x.name, x.status, Opt(x.investment), Opt(x.saving_tce), OptDate(x.deadline),
                          OptDate(x.completed_on), x.note, NowIso(), x.id}));
  if (n != 1) return Status::NotFound("改造项目不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {x.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "retrofit", std::to_string(x.id), x.park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
