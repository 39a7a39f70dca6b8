// 承接事项清单 (issue 15 item 4): the approval items the city delegates to the park — name, legal
// basis, delegating unit, date, status 已承接/承接中/未承接 — with handling counts per month and a
// dynamic adjustment log (清单化管理: every addition and change is logged with who, when, why).
// Plain values, validation and the use cases. docs/gates.md "承接事项清单".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"

namespace parkhq::gates {

struct DelegatedPower {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;             // 事项名称
  std::string legal_basis;      // 法律依据
  std::string delegating_unit;  // 下放单位
  std::optional<Date> delegated_on;
  std::string status = "in_progress";  // accepted 已承接 | in_progress 承接中 | not_accepted 未承接
  std::string note;
  bool is_demo = false;
  int64_t handled_total = 0;  // read only: Σ monthly handling counts
  std::string updated_at;
};

struct PowerCount {
  Period period;
  int64_t handled = 0;  // 办件量
};

struct PowerLogEntry {
  int64_t id = 0;
  int64_t power_id = 0;
  std::string power_name;
  std::string at, username;
  std::string action;  // add | update
  std::string changes;  // "status: 承接中 → 已承接; ..." (Chinese, for people)
  std::string reason;
};

const char* PowerStatusNameZh(const std::string& status);  // 已承接 | 承接中 | 未承接 | ""

// 422: "name" (1..200 chars), "legal_basis"/"delegating_unit" (..500), "status", "delegated_on"
// not after today, "note" (..1000).
Status ValidatePower(const DelegatedPower& p, Date today);
// The human-readable differences between two versions (empty when nothing changed).
std::string PowerChanges(const DelegatedPower& before, const DelegatedPower& after);

class DelegatedPowerRepository {
 public:
  virtual ~DelegatedPowerRepository() = default;
  virtual StatusOr<std::vector<DelegatedPower>> List(int64_t park_id) = 0;
  virtual StatusOr<std::optional<DelegatedPower>> Find(int64_t id) = 0;
  // Inserts or updates with the adjustment log row and the audit row in one transaction.
  virtual StatusOr<int64_t> Save(const DelegatedPower& p, const std::string& changes, const std::string& reason,
                                 const Scope& who) = 0;
  virtual StatusOr<std::vector<PowerCount>> Counts(int64_t power_id) = 0;
  virtual Status SaveCount(const DelegatedPower& p, const PowerCount& c, const Scope& who) = 0;
  virtual StatusOr<std::vector<PowerLogEntry>> Log(int64_t park_id) = 0;
};

// Access: readers of the park (staff, leaders) read (404 outside, enterprise users 404); park
// admins write (403 otherwise). Every change needs a reason when it edits an existing item.
class DelegatedPowerService {
 public:
  explicit DelegatedPowerService(DelegatedPowerRepository& repo) : repo_(repo) {}
  StatusOr<std::vector<DelegatedPower>> List(const Scope& s, int64_t park_id) const;
  StatusOr<DelegatedPower> Get(const Scope& s, int64_t id) const;
  StatusOr<DelegatedPower> Create(const Scope& s, int64_t park_id, DelegatedPower p) const;
  // 422 "reason" when missing; 409 when nothing changed.
  StatusOr<DelegatedPower> Update(const Scope& s, int64_t id, DelegatedPower p, const std::string& reason) const;
  // 办件量 of a month: 0..1e6, the month not after the current one (422 "period" / "handled").
  StatusOr<std::vector<PowerCount>> SetCount(const Scope& s, int64_t id, PowerCount c) const;
  StatusOr<std::vector<PowerCount>> Counts(const Scope& s, int64_t id) const;
  StatusOr<std::vector<PowerLogEntry>> Log(const Scope& s, int64_t park_id) const;

 private:
  StatusOr<DelegatedPower> Writable(const Scope& s, int64_t id) const;
  DelegatedPowerRepository& repo_;
};

}  // namespace parkhq::gates
