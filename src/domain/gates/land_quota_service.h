// Use cases of 用地计划单列: the park's yearly quota, allocations to projects (checked against
// what is left, atomically in storage), use and remainder.
// Access: readers of the park read (404 outside the scope); park admins set the quota and allocate
// (403 otherwise); an exception beyond the quota needs a park admin and a reason (409).
#pragma once
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/gates/land_quota.h"

namespace parkhq::gates {

class LandQuotaRepository {
 public:
  virtual ~LandQuotaRepository() = default;
  virtual StatusOr<std::optional<LandQuota>> FindQuota(int64_t park_id, int year) = 0;
  virtual Status SaveQuota(const LandQuota& q, const Scope& who) = 0;  // upsert + audit
  virtual StatusOr<std::vector<LandAllocation>> Allocations(int64_t park_id, int year) = 0;
  // In one transaction: reads the quota and the allocations, runs CheckAllocation, inserts with
  // the audit row. NotFound-free: Conflict when the year has no quota.
  virtual StatusOr<int64_t> AddAllocation(const LandAllocation& a, bool by_admin, Date today, const Scope& who) = 0;
  // The park and name of a project; nullopt when unknown.
  virtual StatusOr<std::optional<std::pair<int64_t, std::string>>> Project(int64_t project_id) = 0;
};

struct QuotaYear {
  int64_t park_id = 0;
  int year = 0;
  std::optional<LandQuota> quota;
  QuotaUse use;
  std::vector<LandAllocation> allocations;
};

class LandQuotaService {
 public:
  explicit LandQuotaService(LandQuotaRepository& repo) : repo_(repo) {}
  StatusOr<QuotaYear> Get(const Scope& s, int64_t park_id, int year) const;
  StatusOr<QuotaYear> SetQuota(const Scope& s, int64_t park_id, int year, LandQuota q) const;
  // 422 "project_id" when the project is not of the park.
  StatusOr<QuotaYear> Allocate(const Scope& s, int64_t park_id, int year, LandAllocation a) const;

 private:
  LandQuotaRepository& repo_;
};

}  // namespace parkhq::gates
