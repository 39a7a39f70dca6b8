// LandRepository in portable SQL (land_parcels, land_contracts, land_contract_indicators,
// land_inefficiency_rules, land_disposals). Every write and its audit row share one transaction.
#pragma once
#include "domain/land/land_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlLandRepository final : public land::LandRepository {
 public:
  explicit SqlLandRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<land::ParcelRecord>> ListParcels(const std::vector<int64_t>& park_ids,
                                                        bool with_geometry) override;
  StatusOr<std::optional<land::ParcelRecord>> FindParcel(int64_t id) override;
  StatusOr<int64_t> CreateParcel(const land::ParcelRecord& r, const Scope& who) override;
  Status UpdateParcel(const land::ParcelRecord& r, const std::string& reason, const Scope& who) override;
  Status DeleteParcel(int64_t id, const std::string& reason, const Scope& who) override;
  StatusOr<std::vector<int64_t>> SaveParcels(const std::vector<land::ParcelRecord>& rs, const Scope& who) override;

  StatusOr<std::vector<land::ContractRecord>> ListContracts(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<land::ContractRecord>> FindContract(int64_t parcel_id) override;
  StatusOr<int64_t> PutContract(const land::ContractRecord& c, const std::vector<std::optional<bool>>& passed,
                                const land::Parcel& deadlines, const Scope& who) override;
  Status DeleteContract(int64_t parcel_id, const Scope& who) override;

  StatusOr<std::optional<land::InefficiencyRules>> FindRules(int64_t park_id) override;
  Status PutRules(int64_t park_id, const land::InefficiencyRules& r, const Scope& who) override;

  StatusOr<std::vector<land::Disposal>> ListDisposals(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<land::Disposal>> FindDisposal(int64_t id) override;
  StatusOr<int64_t> CreateDisposal(const land::Disposal& d, const Scope& who) override;
  Status UpdateDisposal(const land::Disposal& d, const Scope& who) override;
  Status DeleteDisposal(int64_t id, const Scope& who) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
