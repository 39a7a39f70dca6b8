// Data a breakdown item can be linked to besides indicators and projects: cultivation pools and parcels.
#include "common/time.h"
#include "storage/task/sql_task_repository.h"

namespace parkhq::storage {

StatusOr<int64_t> SqlTaskRepository::PoolMemberCount(int64_t park_id, const std::string& pool_code) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT COUNT(*) FROM enterprise_pool_members WHERE park_id = ? AND "
                                              "pool_code = ? AND status = 'active'", {park_id, pool_code}));
  return r ? r->Int(0) : 0;
}

StatusOr<bool> SqlTaskRepository::PoolKnown(int64_t park_id, const std::string& pool_code) {
  if (pool_code == "reserve" || pool_code == "watch") return true;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT 1 FROM enterprise_pool_members WHERE park_id = ? AND "
                                              "pool_code = ? LIMIT 1", {park_id, pool_code}));
  return r.has_value();
}

StatusOr<std::optional<task::ParcelFacts>> SqlTaskRepository::FindParcel(int64_t parcel_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT park_id, approved, supplied, actual_start, halted_since, "
                                              "completed, production FROM land_parcels WHERE id = ?", {parcel_id}));
  if (!r) return std::optional<task::ParcelFacts>();
  auto date = [&](int col) { return r->IsNull(col) ? std::nullopt : Date::Parse(r->Text(col)); };
  task::ParcelFacts f{r->Int(0), date(1), date(2), date(3), date(4), date(5), date(6)};
  return std::optional<task::ParcelFacts>(f);
}

}  // namespace parkhq::storage
