// Use cases of the land module: parcels (with boundaries and GeoJSON import), 标准地 contracts, the
// five kinds of inefficient land at a date, the park's rule settings and disposal records.
//
// Access: park staff (sysadmin, the park's admins) write; departments and leaders read the parks in
// their scope; enterprise users are refused (403). Parks outside the scope answer 404 so existence
// does not leak. Thread-safe (no mutable state).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/land/land_repository.h"
#include "domain/land/standard_land_calc.h"
#include "domain/org/org_repository.h"

namespace parkhq::land {

// A parcel with what is derived from it at a date.
struct ParcelView {
  ParcelRecord record;
  ParcelStage stage = ParcelStage::kPlanned;
  StandardStatus standard = StandardStatus::kNone;
  std::vector<InefficiencyKind> kinds;           // inefficiency kinds at the date
  std::optional<AreaComparison> area_check;      // recorded vs computed from the boundary
};

struct ParcelFilter {
  std::optional<int64_t> park_id;                // one sub-park (or the park itself only)
  std::string q;                                 // code, name or holder contains
  std::string land_use;
  std::optional<ParcelStage> stage;
  std::optional<StandardStatus> standard;
  std::optional<InefficiencyKind> kind;
  std::optional<int64_t> holder_enterprise_id;
  std::optional<Date> date;                      // default today
  int64_t offset = 0;
  int64_t limit = 20;                            // 0 = all
};

struct ParcelPage {
  std::vector<ParcelView> items;
  int64_t total = 0;
  double total_area_mu = 0;                      // of every matching parcel
};

struct ContractView {
  ContractRecord contract;
  Parcel parcel;
  ContractCheck check;                           // against ActualsFor(contract, parcel)
  ActualValues actual{};
  StandardStatus status = StandardStatus::kNone;
};

struct InefficiencyView {
  Date date;
  InefficiencyRules rules;
  InefficiencyReport report;
  std::vector<ParcelRecord> parcels;             // the parcels of the listed findings and gaps
  std::vector<Disposal> disposals;               // of the listed parcels
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  std::vector<ParcelView> items;                 // in feature order
};

class LandService {
 public:
  LandService(LandRepository& repo, OrgRepository& org) : repo_(repo), org_(org) {}

  // Parcels of the park and its sub-parks, filtered, sorted by park and code.
  StatusOr<ParcelPage> ListParcels(const Scope& s, int64_t park_id, const ParcelFilter& f) const;
  // Parcels with a boundary, for the map (geometry_json set).
  StatusOr<std::vector<ParcelView>> MapParcels(const Scope& s, int64_t park_id, Date date) const;
  // Every parcel of the park tree by code (for merging an import onto existing parcels).
  StatusOr<std::vector<ParcelRecord>> ParcelsForImport(const Scope& s, int64_t park_id) const;
  StatusOr<ParcelView> GetParcel(const Scope& s, int64_t id) const;
  // `in.parcel.park_id` 0 = park_id; else a sub-park of it. area_mu 0 with a boundary = the
  // boundary's area. 422 with every problem, 409 for a duplicate code.
  StatusOr<ParcelView> CreateParcel(const Scope& s, int64_t park_id, ParcelRecord in) const;
  // `in` is the full new state (the handler merges a patch onto GetParcel's record).
  StatusOr<ParcelView> UpdateParcel(const Scope& s, int64_t id, ParcelRecord in, const std::string& reason) const;
  Status DeleteParcel(const Scope& s, int64_t id, const std::string& reason) const;
  // All or nothing: `records` (id set = update) are validated together with `parse_errors` (from the
  // HTTP layer, fields "features[i]...."); any problem → 422 listing them all, nothing written.
  StatusOr<ImportResult> ImportParcels(const Scope& s, int64_t park_id, std::vector<ParcelRecord> records,
                                       std::vector<FieldError> parse_errors) const;

  // The 标准地 contracts of the park and its sub-parks with their check at `date`, by park and parcel.
  StatusOr<std::vector<ContractView>> ListContracts(const Scope& s, int64_t park_id, Date date) const;
  StatusOr<ContractView> GetContract(const Scope& s, int64_t parcel_id) const;
  // Creates or replaces the contract; `deadlines` carries agreed_start/completion/production for
  // the parcel (nullopt fields keep the parcel's values when keep_* is set by the handler).
  StatusOr<ContractView> PutContract(const Scope& s, int64_t parcel_id, ContractRecord c,
                                     const Parcel& deadlines) const;
  Status DeleteContract(const Scope& s, int64_t parcel_id) const;

  // GET /parks/{id}/inefficient-land: the five kinds at `date` with the park's rules.
  StatusOr<InefficiencyView> InefficientLand(const Scope& s, int64_t park_id, Date date,
                                             std::optional<InefficiencyKind> kind) const;
  StatusOr<InefficiencyRules> GetRules(const Scope& s, int64_t park_id) const;
  StatusOr<InefficiencyRules> PutRules(const Scope& s, int64_t park_id, const InefficiencyRules& r) const;

  StatusOr<std::vector<Disposal>> ListDisposals(const Scope& s, int64_t park_id, std::optional<int64_t> parcel_id,
                                                const std::string& status) const;
  StatusOr<Disposal> GetDisposal(const Scope& s, int64_t id) const;
  StatusOr<Disposal> CreateDisposal(const Scope& s, int64_t park_id, Disposal d) const;
  StatusOr<Disposal> UpdateDisposal(const Scope& s, int64_t id, Disposal d) const;
  Status DeleteDisposal(const Scope& s, int64_t id) const;

 private:
  // The park and its sub-parks; 403 for enterprise users, 404 outside the scope.
  StatusOr<std::vector<int64_t>> ReadTree(const Scope& s, int64_t park_id) const;
  // Same, and the caller must be park staff of the park (403 otherwise).
  // The park's tree when the caller may write it: park staff, or with `register_code` also the
  // departments keeping that register in the park (issue 11 item 7).
  StatusOr<std::vector<int64_t>> WriteTree(const Scope& s, int64_t park_id, const char* register_code = nullptr) const;
  // The top-level park of a park (its rules apply to the sub-parks).
  StatusOr<int64_t> RootOf(int64_t park_id) const;
  StatusOr<InefficiencyRules> RulesFor(int64_t park_id) const;
  // Validates, fills area_mu/geometry_area_m2, returns the field errors (prefixed).
  std::vector<FieldError> Check(ParcelRecord& r, const std::vector<int64_t>& tree, const std::string& prefix) const;
  StatusOr<ParcelView> View(ParcelRecord r, Date date) const;
  ParcelView MakeView(ParcelRecord r, const ContractRecord* c, const InefficiencyRules& rules, Date date) const;
  StatusOr<ParcelRecord> ParcelForWrite(const Scope& s, int64_t id) const;

  LandRepository& repo_;
  OrgRepository& org_;
};

}  // namespace parkhq::land
