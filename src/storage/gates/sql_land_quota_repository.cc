#include "storage/gates/sql_land_quota_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {

using gates::LandAllocation;
using gates::LandQuota;

namespace {

StatusOr<std::vector<LandAllocation>> LoadAllocations(Connection& c, int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT a.id, a.park_id, a.year, a.project_id, p.name, a.title, a.area_mu, "
                                             "a.allocated_on, a.exception_reason, a.created_by, a.is_demo "
                                             "FROM land_quota_allocations a LEFT JOIN projects p ON p.id = a.project_id "
                                             "WHERE a.park_id = ? AND a.year = ? ORDER BY a.allocated_on, a.id",
                                             {park_id, int64_t{year}}));
  std::vector<LandAllocation> out;
  for (const auto& r : rows) {
    LandAllocation a;
    a.id = r.Int(0);
    a.park_id = r.Int(1);
    a.year = static_cast<int>(r.Int(2));
    a.project_id = r.OptInt(3);
    a.project_name = r.Text(4);
    a.title = r.Text(5);
    a.area_mu = r.Double(6);
    a.allocated_on = Date::Parse(r.Text(7)).value_or(Date{});
    a.exception_reason = r.Text(8);
    a.created_by = r.Text(9);
    a.is_demo = r.Bool(10);
    out.push_back(std::move(a));
  }
  return out;
}

StatusOr<std::optional<LandQuota>> LoadQuota(Connection& c, int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT quota_mu, note, is_demo FROM land_quotas WHERE park_id = ? AND "
                                               "year = ?",
                                               {park_id, int64_t{year}}));
  if (!row) return std::optional<LandQuota>();
  return std::optional<LandQuota>(LandQuota{park_id, year, row->Double(0), row->Text(1), row->Bool(2)});
}

const char kQuotaSnap[] = "SELECT * FROM land_quotas WHERE park_id = ? AND year = ?";

}  // namespace

StatusOr<std::optional<LandQuota>> SqlLandQuotaRepository::FindQuota(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return LoadQuota(*c, park_id, year);
}

Status SqlLandQuotaRepository::InsertQuota(Connection& c, const LandQuota& q) {
  return c.Exec("INSERT INTO land_quotas (park_id, year, quota_mu, note, is_demo, updated_at) VALUES (?,?,?,?,?,?)",
                {q.park_id, int64_t{q.year}, q.quota_mu, q.note, int64_t{q.is_demo ? 1 : 0}, NowIso()})
      .status();
}

Status SqlLandQuotaRepository::SaveQuota(const LandQuota& q, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::vector<Value> key = {q.park_id, int64_t{q.year}};
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kQuotaSnap, key));
  if (before.empty()) {
    PARKHQ_RETURN_IF_ERROR(InsertQuota(*c, q));
  } else {
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE land_quotas SET quota_mu = ?, note = ?, updated_at = ? WHERE park_id = ? "
                                   "AND year = ?",
                                   {q.quota_mu, q.note, NowIso(), q.park_id, int64_t{q.year}})
                               .status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kQuotaSnap, key));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "land_quota",
                                    std::to_string(q.park_id) + ":" + std::to_string(q.year), q.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<LandAllocation>> SqlLandQuotaRepository::Allocations(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return LoadAllocations(*c, park_id, year);
}

StatusOr<int64_t> SqlLandQuotaRepository::InsertAllocation(Connection& c, const LandAllocation& a) {
  return c.InsertId(
      "INSERT INTO land_quota_allocations (park_id, year, project_id, title, area_mu, allocated_on, exception_reason, "
      "created_by, is_demo, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
      {a.park_id, int64_t{a.year}, a.project_id ? Value(*a.project_id) : Value(), a.title, a.area_mu,
       a.allocated_on.ToString(), a.exception_reason, a.created_by, int64_t{a.is_demo ? 1 : 0}, NowIso()});
}

StatusOr<int64_t> SqlLandQuotaRepository::AddAllocation(const LandAllocation& a, bool by_admin, Date today,
                                                         const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  // Touching the quota row first serializes concurrent allocations of one park and year
  // (a row lock on PostgreSQL; SQLite has one writer), so the check below sees every earlier one.
  PARKHQ_ASSIGN_OR_RETURN(int64_t touched, c->Exec("UPDATE land_quotas SET updated_at = updated_at WHERE park_id = ? "
                                                   "AND year = ?",
                                                   {a.park_id, int64_t{a.year}}));
  PARKHQ_ASSIGN_OR_RETURN(auto quota, LoadQuota(*c, a.park_id, a.year));
  if (touched == 0 || !quota)
    return Status::Conflict("规则「先下达指标再安排用地」：" + std::to_string(a.year) + "年尚未设定用地计划单列指标");
  PARKHQ_ASSIGN_OR_RETURN(auto existing, LoadAllocations(*c, a.park_id, a.year));
  PARKHQ_RETURN_IF_ERROR(gates::CheckAllocation(gates::ComputeQuotaUse(*quota, existing), a, by_admin, today));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertAllocation(*c, a));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM land_quota_allocations WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, a.exception_reason.empty() ? "create" : "create_exception",
                                    "land_quota_allocation", std::to_string(id), a.park_id, "", after,
                                    a.exception_reason));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::optional<std::pair<int64_t, std::string>>> SqlLandQuotaRepository::Project(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT park_id, name FROM projects WHERE id = ?", {project_id}));
  if (!row) return std::optional<std::pair<int64_t, std::string>>();
  return std::optional<std::pair<int64_t, std::string>>(std::make_pair(row->Int(0), row->Text(1)));
}

}  // namespace parkhq::storage
