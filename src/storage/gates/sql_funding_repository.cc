#include "storage/gates/sql_funding_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {

using gates::FundedProject;
using gates::FundingRecord;

namespace {

const char kProjectCols[] = "SELECT id, park_id, name, stage, total_investment FROM projects";

FundedProject ProjectFromRow(const Row& r) { return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Double(4)}; }

StatusOr<std::vector<FundingRecord>> Records(Connection& c, const char* where, int64_t id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT project_id, period, source, planned, in_place FROM "
                                                         "project_funding WHERE ") +
                                                 where + " AND period >= ? AND period <= ? ORDER BY period, source",
                                             {id, std::to_string(year) + "-01", std::to_string(year) + "-12"}));
  std::vector<FundingRecord> out;
  for (const auto& r : rows)
    if (auto p = Period::Parse(r.Text(1))) out.push_back({r.Int(0), *p, r.Text(2), r.Double(3), r.Double(4)});
  return out;
}

}  // namespace

StatusOr<std::optional<FundedProject>> SqlFundingRepository::Project(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kProjectCols) + " WHERE id = ?", {project_id}));
  if (!row) return std::optional<FundedProject>();
  return std::optional<FundedProject>(ProjectFromRow(*row));
}

StatusOr<std::vector<FundedProject>> SqlFundingRepository::ParkProjects(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kProjectCols) + " WHERE park_id = ? ORDER BY id", {park_id}));
  std::vector<FundedProject> out;
  for (const auto& r : rows) out.push_back(ProjectFromRow(r));
  return out;
}

StatusOr<std::vector<FundingRecord>> SqlFundingRepository::ProjectRecords(int64_t project_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return Records(*c, "project_id = ?", project_id, year);
}

StatusOr<std::vector<FundingRecord>> SqlFundingRepository::ParkRecords(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return Records(*c, "park_id = ?", park_id, year);
}

Status SqlFundingRepository::InsertDemo(Connection& c, int64_t park_id, const FundingRecord& r) {
  return c.Exec("INSERT INTO project_funding (park_id, project_id, period, source, planned, in_place, is_demo, "
                "updated_at) VALUES (?,?,?,?,?,?,1,?)",
                {park_id, r.project_id, r.period.ToString(), r.source, r.planned, r.in_place, NowIso()})
      .status();
}

Status SqlFundingRepository::Save(int64_t park_id, const FundingRecord& r, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM project_funding WHERE project_id = ? AND period = ? AND source = ?";
  const std::vector<Value> key = {r.project_id, r.period.ToString(), r.source};
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM project_funding WHERE project_id = ? AND period = ? AND source = ?", key).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO project_funding (park_id, project_id, period, source, planned, in_place, "
                                 "is_demo, updated_at) VALUES (?,?,?,?,?,?,0,?)",
                                 {park_id, r.project_id, r.period.ToString(), r.source, r.planned, r.in_place, NowIso()})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "funding", "project", std::to_string(r.project_id), park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
