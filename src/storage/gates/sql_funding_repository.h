// FundingRepository in portable SQL (migration 0154_gates_funding.sql).
#pragma once
#include "domain/gates/funding_service.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlFundingRepository final : public gates::FundingRepository {
 public:
  explicit SqlFundingRepository(Database& db) : db_(db) {}
  StatusOr<std::optional<gates::FundedProject>> Project(int64_t project_id) override;
  StatusOr<std::vector<gates::FundedProject>> ParkProjects(int64_t park_id) override;
  StatusOr<std::vector<gates::FundingRecord>> ProjectRecords(int64_t project_id, int year) override;
  StatusOr<std::vector<gates::FundingRecord>> ParkRecords(int64_t park_id, int year) override;
  Status Save(int64_t park_id, const gates::FundingRecord& r, const Scope& who) override;

  // Demo seed, inside the caller's transaction (no audit row).
  static Status InsertDemo(Connection& c, int64_t park_id, const gates::FundingRecord& r);

 private:
  Database& db_;
};

}  // namespace parkhq::storage
