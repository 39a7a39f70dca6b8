// 用地计划单列 (issue 15 item 3): the park's yearly new construction-land quota in 亩, its
// allocations to projects, use and remainder. The rule: an allocation may not take the use above
// the quota (the remainder below zero) unless a park admin records an exception with a reason.
// Pure values and rules; docs/gates.md "用地计划单列".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::gates {

struct LandQuota {
  int64_t park_id = 0;
  int year = 0;
  double quota_mu = 0;  // 年度新增建设用地计划指标, 亩
  std::string note;
  bool is_demo = false;
};

struct LandAllocation {
  int64_t id = 0;
  int64_t park_id = 0;
  int year = 0;
  std::optional<int64_t> project_id;
  std::string project_name;  // read only (joined)
  std::string title;         // 用地项目 / 地块
  double area_mu = 0;
  Date allocated_on;
  std::string exception_reason;  // non-empty: allocated beyond the quota by a recorded exception
  std::string created_by;
  bool is_demo = false;
};

struct QuotaUse {
  double quota_mu = 0;
  double allocated_mu = 0;
  double remaining_mu = 0;  // quota − allocated (negative only through exceptions)
  double use_pct = 0;       // 100 × allocated / quota (0 when the quota is 0)
  int exceptions = 0;
};

QuotaUse ComputeQuotaUse(const LandQuota& q, const std::vector<LandAllocation>& allocations);

// "quota_mu" finite, 0..1e6; "note" ≤ 1000.
Status ValidateQuota(const LandQuota& q);

// Checks a new allocation against the year's use: 422 "area_mu" (finite, > 0, ≤ 1e5), "title"
// (1..200), "allocated_on" (in the quota's year, not after today); 409 when the remainder would go
// below zero and no exception reason is given, or when an exception is asked by a non-admin.
Status CheckAllocation(const QuotaUse& use, const LandAllocation& a, bool by_admin, Date today);

}  // namespace parkhq::gates
