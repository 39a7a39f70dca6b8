// DelegatedPowerRepository in portable SQL (tables of migration 0153_gates_delegated_powers.sql).
#pragma once
#include "domain/gates/delegated_power.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlDelegatedPowerRepository final : public gates::DelegatedPowerRepository {
 public:
  explicit SqlDelegatedPowerRepository(Database& db) : db_(db) {}
  StatusOr<std::vector<gates::DelegatedPower>> List(int64_t park_id) override;
  StatusOr<std::optional<gates::DelegatedPower>> Find(int64_t id) override;
  StatusOr<int64_t> Save(const gates::DelegatedPower& p, const std::string& changes, const std::string& reason,
                         const Scope& who) override;
  StatusOr<std::vector<gates::PowerCount>> Counts(int64_t power_id) override;
  Status SaveCount(const gates::DelegatedPower& p, const gates::PowerCount& c, const Scope& who) override;
  StatusOr<std::vector<gates::PowerLogEntry>> Log(int64_t park_id) override;

  // Demo seed, inside the caller's transaction: the item, its "add" log row and its counts.
  static StatusOr<int64_t> InsertDemo(Connection& c, const gates::DelegatedPower& p,
                                      const std::vector<gates::PowerCount>& counts);

 private:
  Database& db_;
};

}  // namespace parkhq::storage
