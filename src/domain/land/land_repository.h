// What the land module needs from storage. Every write runs in one transaction with its audit row.
// Lists take the park ids the service has already checked against the caller's scope.
#pragma once
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/land/land_records.h"

namespace parkhq::land {

class LandRepository {
 public:
  virtual ~LandRepository() = default;

  // Parcels of these parks ordered by park and code; geometry text only when with_geometry.
  virtual StatusOr<std::vector<ParcelRecord>> ListParcels(const std::vector<int64_t>& park_ids,
                                                          bool with_geometry) = 0;
  virtual StatusOr<std::optional<ParcelRecord>> FindParcel(int64_t id) = 0;
  // Inserts; returns the id. Conflict (field "code") when the code exists in that park.
  virtual StatusOr<int64_t> CreateParcel(const ParcelRecord& r, const Scope& who) = 0;
  // Replaces every field; moves the parcel's contract and disposals with it when park_id changes.
  virtual Status UpdateParcel(const ParcelRecord& r, const std::string& reason, const Scope& who) = 0;
  // Deletes the parcel with its contract and disposal records.
  virtual Status DeleteParcel(int64_t id, const std::string& reason, const Scope& who) = 0;
  // Creates (id == 0) or updates every record in one transaction: all or nothing.
  virtual StatusOr<std::vector<int64_t>> SaveParcels(const std::vector<ParcelRecord>& rs, const Scope& who) = 0;

  virtual StatusOr<std::vector<ContractRecord>> ListContracts(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<ContractRecord>> FindContract(int64_t parcel_id) = 0;
  // Creates or replaces the parcel's contract (with its indicators and check results) and writes the
  // agreed dates onto the parcel, in one transaction. Returns the contract id.
  virtual StatusOr<int64_t> PutContract(const ContractRecord& c, const std::vector<std::optional<bool>>& passed,
                                        const Parcel& deadlines, const Scope& who) = 0;
  virtual Status DeleteContract(int64_t parcel_id, const Scope& who) = 0;

  virtual StatusOr<std::optional<InefficiencyRules>> FindRules(int64_t park_id) = 0;
  virtual Status PutRules(int64_t park_id, const InefficiencyRules& r, const Scope& who) = 0;

  virtual StatusOr<std::vector<Disposal>> ListDisposals(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Disposal>> FindDisposal(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateDisposal(const Disposal& d, const Scope& who) = 0;
  virtual Status UpdateDisposal(const Disposal& d, const Scope& who) = 0;
  virtual Status DeleteDisposal(int64_t id, const Scope& who) = 0;
};

}  // namespace parkhq::land
