// The safety module's repository in portable SQL (SQLite and PostgreSQL): facilities and records
// here, inspections, hazards and photos in sql_hazards.cc.
#pragma once
#include "domain/safety/safety_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlSafetyRepository final : public safety::SafetyRepository {
 public:
  explicit SqlSafetyRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<safety::Facility>> ListFacilities(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<safety::Facility>> FindFacility(int64_t id) override;
  StatusOr<int64_t> SaveFacility(const safety::Facility& f, const Scope& who) override;
  StatusOr<std::vector<safety::FacilityRecord>> ListRecords(int64_t facility_id, int limit) override;
  StatusOr<int64_t> AddRecord(const safety::FacilityRecord& r, const Scope& who) override;

  // sql_hazards.cc
  StatusOr<std::vector<safety::Inspection>> ListInspections(const std::vector<int64_t>& park_ids) override;
  StatusOr<int64_t> CreateInspection(const safety::Inspection& i, const std::vector<safety::Hazard>& hazards,
                                     const Scope& who) override;
  StatusOr<std::optional<safety::Inspection>> FindInspection(int64_t id) override;
  Status CompleteInspection(const safety::Inspection& i, const std::vector<safety::Hazard>& hazards,
                            const Scope& who) override;
  StatusOr<std::vector<safety::Hazard>> ListHazards(const std::vector<int64_t>& park_ids,
                                                    std::optional<int64_t> enterprise_id) override;
  StatusOr<std::optional<safety::Hazard>> FindHazard(int64_t id) override;
  StatusOr<int64_t> CreateHazard(const safety::Hazard& h, const Scope& who) override;
  Status UpdateHazard(const safety::Hazard& h, safety::HazardState expected, const std::string& action,
                      const Scope& who) override;
  StatusOr<std::optional<int64_t>> EnterprisePark(int64_t enterprise_id) override;
  StatusOr<int64_t> AddHazardFile(const safety::HazardFile& f, const std::string& bytes, const Scope& who) override;
  StatusOr<std::vector<safety::HazardFile>> ListHazardFiles(int64_t hazard_id) override;
  StatusOr<std::optional<std::pair<safety::HazardFile, std::string>>> LoadHazardFile(int64_t id) override;

 private:
  Database& db_;
};

// "park_id IN (?,?)" over ids, appending them to params ("1=0" when empty).
std::string SafetyInList(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* col);

}  // namespace parkhq::storage
