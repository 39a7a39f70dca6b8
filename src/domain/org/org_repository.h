// What the org module needs from storage.
#pragma once
#include <map>
#include <optional>
#include <string>
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
  // Registers (台账) assigned away from the plan's default, per park: park → register code → the
  // keeping units' ids (an empty list: only park staff). Parks without overrides are absent.
  virtual StatusOr<std::map<int64_t, std::map<std::string, std::vector<int64_t>>>> RegisterOverrides(
      const std::vector<int64_t>& park_ids) = 0;
  // Replaces the park's assignment of these registers (one settings row each) and writes one audit
  // row (entity park_registers, before/after) in the same transaction.
  virtual Status PutRegisterOverrides(int64_t park_id, const std::map<std::string, std::vector<int64_t>>& units,
                                      const std::string& before, const std::string& after, const Scope& who) = 0;
  // Tasks of these parks, ordered by park and number.
  virtual StatusOr<std::vector<Task>> ListTasks(const std::vector<int64_t>& park_ids) = 0;
  // Drops what ListTasks may keep of a park's tasks (after a plan or its tasks changed).
  virtual void InvalidateTasks(int64_t /*park_id*/) {}
};

// Expands parks to include every descendant sub-park (pure; parks is the whole list).
std::vector<int64_t> WithSubParks(const std::vector<Park>& parks, const std::vector<int64_t>& roots);

}  // namespace parkhq
