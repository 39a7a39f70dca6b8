// OrgRepository in portable SQL. The park list (read on every request to build scopes) is cached
// for a few seconds and dropped on every park write made through this repository; parks created by
// another process (the CLI) show within the TTL.
#pragma once
#include <chrono>
#include <map>
#include <mutex>

#include "domain/org/org_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlOrgRepository final : public OrgRepository {
 public:
  explicit SqlOrgRepository(Database& db) : db_(db) {}
  StatusOr<std::vector<Region>> ListRegions() override;
  StatusOr<std::vector<Park>> ListParks() override;
  StatusOr<std::optional<Park>> FindPark(int64_t id) override;
  StatusOr<std::optional<Region>> FindRegion(int64_t id) override;
  StatusOr<int64_t> CreatePark(const Park& p, const Scope& who) override;
  StatusOr<std::vector<Unit>> ListUnits() override;
  StatusOr<std::optional<Unit>> FindUnitByName(const std::string& name) override;
  StatusOr<std::vector<int64_t>> ParksServedByUnit(int64_t unit_id) override;
  StatusOr<std::map<int64_t, std::map<std::string, std::vector<int64_t>>>> RegisterOverrides(
      const std::vector<int64_t>& park_ids) override;
  Status PutRegisterOverrides(int64_t park_id, const std::map<std::string, std::vector<int64_t>>& units,
                              const std::string& before, const std::string& after, const Scope& who) override;
  StatusOr<std::vector<Task>> ListTasks(const std::vector<int64_t>& park_ids) override;
  void InvalidateTasks(int64_t park_id) override;

 private:
  StatusOr<std::vector<Task>> LoadTasks(const std::vector<int64_t>& park_ids);  // uncached
  Database& db_;
  std::mutex mu_;
  std::vector<Park> parks_cache_;                         // guarded by mu_
  std::chrono::steady_clock::time_point parks_cached_at_;  // guarded by mu_
  bool parks_cached_ = false;                              // guarded by mu_
  // Tasks per park (seeded with the plan, not edited through the API): same TTL as the parks.
  std::map<int64_t, std::pair<std::chrono::steady_clock::time_point, std::vector<Task>>> tasks_cache_;  // guarded by mu_
};

}  // namespace parkhq::storage
