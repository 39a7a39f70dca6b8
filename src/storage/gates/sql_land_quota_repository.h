// LandQuotaRepository in portable SQL (tables of migration 0152_gates_land_quota.sql).
#pragma once
#include "domain/gates/land_quota_service.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlLandQuotaRepository final : public gates::LandQuotaRepository {
 public:
  explicit SqlLandQuotaRepository(Database& db) : db_(db) {}
  StatusOr<std::optional<gates::LandQuota>> FindQuota(int64_t park_id, int year) override;
  Status SaveQuota(const gates::LandQuota& q, const Scope& who) override;
  StatusOr<std::vector<gates::LandAllocation>> Allocations(int64_t park_id, int year) override;
  StatusOr<int64_t> AddAllocation(const gates::LandAllocation& a, bool by_admin, Date today, const Scope& who) override;
  StatusOr<std::optional<std::pair<int64_t, std::string>>> Project(int64_t project_id) override;

  // Inside the caller's transaction (demo seed): no check, no audit row.
  static Status InsertQuota(Connection& c, const gates::LandQuota& q);
  static StatusOr<int64_t> InsertAllocation(Connection& c, const gates::LandAllocation& a);

 private:
  Database& db_;
};

}  // namespace parkhq::storage
