// What the parks-compared module needs from storage: the schemes, each park's variables for a
// year (from monitoring, parcels, approved reports and the registry), entered values, and the
// chemical-park ledger. Writes record their audit row in the same transaction.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/parks/park_eval_calc.h"
#include "domain/parks/parks.h"

namespace parkhq::parks {

class ParksRepository {
 public:
  virtual ~ParksRepository() = default;
  virtual StatusOr<std::vector<EvalScheme>> ListSchemes() = 0;
  // The platform variables of `park_ids` (a park and its sub-parks) for `year`, by variable code;
  // a variable without data is absent (docs/parks.md lists them).
  virtual StatusOr<std::map<std::string, double, std::less<>>> PlatformVariables(
      int64_t park_id, const std::vector<int64_t>& park_ids, int year) = 0;
  virtual StatusOr<std::vector<EvalEntry>> ListEntries(int64_t park_id, int year) = 0;
  // Upserts the entries (value + evidence) with one audit row (entity park_eval_entries).
  virtual Status PutEntries(const Scope& who, int64_t park_id, int year, const std::vector<EvalEntry>& entries) = 0;

  // Inserts or replaces one indicator of a scheme / removes it, with its audit row (entity
  // park_eval_indicator, id "<scheme>/<code>").
  virtual Status PutSchemeIndicator(const Scope& who, const std::string& scheme, const EvalIndicator& ind) = 0;
  virtual Status DeleteSchemeIndicator(const Scope& who, const std::string& scheme, const std::string& code) = 0;

  virtual StatusOr<std::vector<std::string>> ChemCategories() = 0;
  virtual StatusOr<std::vector<ChemItem>> ListChemItems(int64_t park_id) = 0;
  virtual StatusOr<std::optional<ChemItem>> FindChemItem(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateChemItem(const Scope& who, const ChemItem& item) = 0;
  virtual Status UpdateChemItem(const Scope& who, const ChemItem& item) = 0;
  virtual Status DeleteChemItem(const Scope& who, int64_t id) = 0;
};

}  // namespace parkhq::parks
