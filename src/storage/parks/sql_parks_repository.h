// ParksRepository over portable SQL (both engines): the schemes and ledger tables of migration
// 0110, and read-only sums over monitoring's indicator_values, land_parcels and the enterprises'
// approved reports (docs/parks.md). Thread-safe (one connection per call).
#pragma once
#include "domain/parks/parks_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlParksRepository final : public parks::ParksRepository {
 public:
  explicit SqlParksRepository(Database& db) : db_(db) {}
  StatusOr<std::vector<parks::EvalScheme>> ListSchemes() override;
  StatusOr<std::map<std::string, double, std::less<>>> PlatformVariables(int64_t park_id,
                                                                         const std::vector<int64_t>& park_ids,
                                                                         int year) override;
  StatusOr<std::vector<parks::EvalEntry>> ListEntries(int64_t park_id, int year) override;
  Status PutEntries(const Scope& who, int64_t park_id, int year, const std::vector<parks::EvalEntry>& entries) override;
  Status PutSchemeIndicator(const Scope& who, const std::string& scheme, const parks::EvalIndicator& ind) override;
  Status DeleteSchemeIndicator(const Scope& who, const std::string& scheme, const std::string& code) override;
  StatusOr<std::vector<std::string>> ChemCategories() override;
  StatusOr<std::vector<parks::ChemItem>> ListChemItems(int64_t park_id) override;
  StatusOr<std::optional<parks::ChemItem>> FindChemItem(int64_t id) override;
  StatusOr<int64_t> CreateChemItem(const Scope& who, const parks::ChemItem& item) override;
  Status UpdateChemItem(const Scope& who, const parks::ChemItem& item) override;
  Status DeleteChemItem(const Scope& who, int64_t id) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
