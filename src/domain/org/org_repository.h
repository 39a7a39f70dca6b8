// What the org module needs from storage.
#pragma once
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/org/org.h"

namespace parkhq {

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;
  virtual StatusOr<std::vector<Region>> ListRegions() = 0;
  virtual StatusOr<std::vector<Park>> ListParks() = 0;
  virtual StatusOr<std::optional<Park>> FindPark(int64_t id) = 0;
  virtual StatusOr<std::optional<Region>> FindRegion(int64_t id) = 0;
  // Inserts the park and its audit row in one transaction; returns the new id.
  virtual StatusOr<int64_t> CreatePark(const Park& p, const Scope& who) = 0;
  virtual StatusOr<std::vector<Unit>> ListUnits() = 0;
  virtual StatusOr<std::optional<Unit>> FindUnitByName(const std::string& name) = 0;
  // Parks a unit serves.
  virtual StatusOr<std::vector<int64_t>> ParksServedByUnit(int64_t unit_id) = 0;
  // Tasks of these parks, ordered by park and number.
  virtual StatusOr<std::vector<Task>> ListTasks(const std::vector<int64_t>& park_ids) = 0;
};

// Expands parks to include every descendant sub-park (pure; parks is the whole list).
std::vector<int64_t> WithSubParks(const std::vector<Park>& parks, const std::vector<int64_t>& roots);

}  // namespace parkhq
