// What the risk module needs from storage (storage/risk/sql_risk_repository.*). Every write
// commits together with its audit row; `who` is the caller recorded there.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/risk/energy_calc.h"
#include "domain/risk/retrofit.h"
#include "domain/risk/risk.h"

namespace parkhq::risk {

struct EnterpriseRef {
  int64_t id = 0;
  int64_t park_id = 0;  // the enterprise's (top) park
  std::string name;
};

class RiskRepository {
 public:
  virtual ~RiskRepository() = default;
  virtual StatusOr<bool> ParkExists(int64_t park_id) = 0;
  virtual StatusOr<std::optional<EnterpriseRef>> FindEnterprise(int64_t id) = 0;
  // The park's enterprises (park_id or sub_park_id), ordered by id.
  virtual StatusOr<std::vector<EnterpriseRef>> ParkEnterprises(int64_t park_id) = 0;

  // Items of the park whose kind is in `kinds`; only those of `enterprise_id` when set, and, with
  // with_park_level, also the park-level ones (enterprise_id NULL).
  virtual StatusOr<std::vector<RiskItem>> ListItems(int64_t park_id, const std::vector<std::string>& kinds,
                                                    std::optional<int64_t> enterprise_id, bool with_park_level) = 0;
  virtual StatusOr<std::optional<RiskItem>> FindItem(int64_t id) = 0;
  // Creating, changing or deleting a profile record puts the enterprise's profile back to draft.
  virtual StatusOr<int64_t> CreateItem(const RiskItem& item, const Scope& who) = 0;
  virtual Status UpdateItem(const RiskItem& after, const Scope& who) = 0;
  virtual Status DeleteItem(int64_t id, const Scope& who) = 0;

  // Every enterprise of the park with its profile (draft when none is stored).
  virtual StatusOr<std::vector<Profile>> ListProfiles(int64_t park_id) = 0;
  virtual Status SaveProfile(const Profile& after, const std::string& action, const Scope& who) = 0;

  virtual StatusOr<std::vector<EnergyAccount>> ListAccounts(int64_t park_id, int year) = 0;
  // Replaces the enterprise-year's account (both categories) with `a`.
  virtual Status SaveAccount(int64_t park_id, const EnergyAccount& a, const Scope& who) = 0;
  virtual StatusOr<EnergyTargets> GetTargets(int64_t park_id, int year) = 0;
  virtual Status SaveTargets(int64_t park_id, int year, const EnergyTargets& t, const Scope& who) = 0;

  virtual StatusOr<std::vector<Retrofit>> ListRetrofits(int64_t park_id, std::optional<int64_t> enterprise_id) = 0;
  virtual StatusOr<std::optional<Retrofit>> FindRetrofit(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateRetrofit(const Retrofit& r, const Scope& who) = 0;
  virtual Status UpdateRetrofit(const Retrofit& after, const Scope& who) = 0;
};

}  // namespace parkhq::risk
