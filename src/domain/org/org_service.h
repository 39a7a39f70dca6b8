// Use cases of the organization: what a caller may see of regions, parks, units and tasks, and
// creating parks. Thread-safe (no mutable state).
#pragma once
#include "domain/org/org_repository.h"
#include "domain/access/registers.h"

namespace parkhq {

// One register of a park with its keepers (effective) and the plan's default keepers.
struct RegisterKeepers {
  const RegisterInfo* info = nullptr;
  std::vector<Unit> units;
  std::vector<Unit> default_units;
  bool is_default = true;
};

class OrgService {
 public:
  explicit OrgService(OrgRepository& repo) : repo_(repo) {}

  StatusOr<std::vector<Region>> ListRegions(const Scope& s) const;
  // The parks and sub-parks in the caller's scope.
  StatusOr<std::vector<Park>> ListParks(const Scope& s) const;
  // 404 when the park does not exist or is outside the caller's scope (no existence leak).
  StatusOr<Park> GetPark(const Scope& s, int64_t park_id) const;
  // Sysadmin only. 422 for a missing name, an unknown region or parent; the region defaults to the
  // parent's, or to the first region.
  StatusOr<Park> CreatePark(const Scope& s, const NewPark& p) const;
  StatusOr<std::vector<Unit>> ListUnits(const Scope& s) const;
  // Tasks of the parks in scope, or of one park when park_id is set (404 outside the scope).
  StatusOr<std::vector<Task>> ListTasks(const Scope& s, std::optional<int64_t> park_id) const;

  // Registers (台账) and their keepers in a top-level park (issue 11 item 7; org_registers.cc).
  // Readers: anyone who reads the park (404 otherwise).
  StatusOr<std::vector<RegisterKeepers>> Registers(const Scope& s, int64_t park_id) const;
  // Park staff (403 otherwise) replace the keepers of the registers named in `units`; 422 with
  // field "registers.<code>" for an unknown register, an unknown unit, a unit of the park
  // committee, or one that does not serve the park; "park_id" for a sub-park. Audited.
  StatusOr<std::vector<RegisterKeepers>> PutRegisters(const Scope& s, int64_t park_id,
                                                      const std::map<std::string, std::vector<int64_t>>& units) const;

 private:
  OrgRepository& repo_;
};

}  // namespace parkhq
