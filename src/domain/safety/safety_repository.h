// What the safety service needs from storage (storage/safety/sql_safety_repository.*). Every write
// records its audit row in the same transaction.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/safety/safety.h"

namespace parkhq::safety {

class SafetyRepository {
 public:
  virtual ~SafetyRepository() = default;

  virtual StatusOr<std::vector<Facility>> ListFacilities(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Facility>> FindFacility(int64_t id) = 0;
  // Creates (id 0) or updates a facility; returns its id.
  virtual StatusOr<int64_t> SaveFacility(const Facility& f, const Scope& who) = 0;
  // A facility's records, newest first (at most `limit`).
  virtual StatusOr<std::vector<FacilityRecord>> ListRecords(int64_t facility_id, int limit) = 0;
  virtual StatusOr<int64_t> AddRecord(const FacilityRecord& r, const Scope& who) = 0;

  virtual StatusOr<std::vector<Inspection>> ListInspections(const std::vector<int64_t>& park_ids) = 0;
  // The inspection and the hazards found on it, in one transaction; returns the inspection's id.
  virtual StatusOr<int64_t> CreateInspection(const Inspection& i, const std::vector<Hazard>& hazards,
                                             const Scope& who) = 0;
  virtual StatusOr<std::optional<Inspection>> FindInspection(int64_t id) = 0;
  // A planned inspection carried out: its fields and status done, the hazards found, one
  // transaction; 409 when it is no longer planned.
  virtual Status CompleteInspection(const Inspection& i, const std::vector<Hazard>& hazards, const Scope& who) = 0;

  // Hazards of the parks, optionally of one enterprise, newest first.
  virtual StatusOr<std::vector<Hazard>> ListHazards(const std::vector<int64_t>& park_ids,
                                                    std::optional<int64_t> enterprise_id) = 0;
  virtual StatusOr<std::optional<Hazard>> FindHazard(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateHazard(const Hazard& h, const Scope& who) = 0;
  // Writes the hazard's flow fields (state, rectification, re-check, deadline, supervision) when its
  // state is still `expected` (409 otherwise: a concurrent step won); audit action `action`.
  virtual Status UpdateHazard(const Hazard& h, HazardState expected, const std::string& action,
                              const Scope& who) = 0;

  // The park of an enterprise, nullopt when there is none.
  virtual StatusOr<std::optional<int64_t>> EnterprisePark(int64_t enterprise_id) = 0;

  virtual StatusOr<int64_t> AddHazardFile(const HazardFile& f, const std::string& bytes, const Scope& who) = 0;
  virtual StatusOr<std::vector<HazardFile>> ListHazardFiles(int64_t hazard_id) = 0;
  virtual StatusOr<std::optional<std::pair<HazardFile, std::string>>> LoadHazardFile(int64_t id) = 0;
};

}  // namespace parkhq::safety
