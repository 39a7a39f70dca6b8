// Use cases of the organization: what a caller may see of regions, parks, units and tasks, and
// creating parks. Thread-safe (no mutable state).
#pragma once
#include "domain/org/org_repository.h"

namespace parkhq {

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

 private:
  OrgRepository& repo_;
};

}  // namespace parkhq
