// RiskRepository in portable SQL (tables risk_items, risk_profiles, energy_accounts,
// energy_targets, retrofits; migration 0140). Every write commits with its audit row, whose
// before/after are row snapshots.
#pragma once
#include "domain/risk/risk_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlRiskRepository final : public risk::RiskRepository {
 public:
  explicit SqlRiskRepository(Database& db) : db_(db) {}
  StatusOr<bool> ParkExists(int64_t park_id) override;
  StatusOr<std::optional<risk::EnterpriseRef>> FindEnterprise(int64_t id) override;
  StatusOr<std::vector<risk::EnterpriseRef>> ParkEnterprises(int64_t park_id) override;

  StatusOr<std::vector<risk::RiskItem>> ListItems(int64_t park_id, const std::vector<std::string>& kinds,
                                                  std::optional<int64_t> enterprise_id, bool with_park_level) override;
  StatusOr<std::optional<risk::RiskItem>> FindItem(int64_t id) override;
  StatusOr<int64_t> CreateItem(const risk::RiskItem& item, const Scope& who) override;
  Status UpdateItem(const risk::RiskItem& after, const Scope& who) override;
  Status DeleteItem(int64_t id, const Scope& who) override;

  StatusOr<std::vector<risk::Profile>> ListProfiles(int64_t park_id) override;
  Status SaveProfile(const risk::Profile& after, const std::string& action, const Scope& who) override;

  StatusOr<std::vector<risk::EnergyAccount>> ListAccounts(int64_t park_id, int year) override;
  Status SaveAccount(int64_t park_id, const risk::EnergyAccount& a, const Scope& who) override;
  StatusOr<risk::EnergyTargets> GetTargets(int64_t park_id, int year) override;
  Status SaveTargets(int64_t park_id, int year, const risk::EnergyTargets& t, const Scope& who) override;

  StatusOr<std::vector<risk::Retrofit>> ListRetrofits(int64_t park_id, std::optional<int64_t> enterprise_id) override;
  StatusOr<std::optional<risk::Retrofit>> FindRetrofit(int64_t id) override;
  StatusOr<int64_t> CreateRetrofit(const risk::Retrofit& r, const Scope& who) override;
  Status UpdateRetrofit(const risk::Retrofit& after, const Scope& who) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
