// Use cases of the policy library (惠企政策): policies, their matches and the notice to the
// matched enterprises, applications and 兑现 with the sums per policy and year.
//
// Access: staff who may read the policy's park read policies, matches and applications (404
// outside the scope); park admins (CanAdminPark) write policies, notify and decide applications
// (403 for other readers). An enterprise user sees only the policies that fit its enterprise
// (others are 404) and only its own applications, and applies only for itself.
// Thread safety: const after construction.
#pragma once
#include <optional>
#include <vector>

#include "domain/gates/policy_repository.h"

namespace parkhq::notify {
class Notifier;
}

namespace parkhq::gates {

class PolicyService {
 public:
  PolicyService(PolicyRepository& repo, const notify::Notifier* notifier) : repo_(repo), notifier_(notifier) {}

  // Staff: the policies of the park (or every park in scope); enterprise users: those that fit.
  StatusOr<std::vector<Policy>> List(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<Policy> Get(const Scope& s, int64_t id) const;
  // 422 with the fields of ValidatePolicy; "park_id" when the park is unknown or not the caller's.
  StatusOr<Policy> Create(const Scope& s, Policy p) const;
  StatusOr<Policy> Update(const Scope& s, int64_t id, Policy p) const;
  // The enterprises of the policy's park the policy fits, with reasons (staff readers only).
  StatusOr<std::vector<PolicyMatch>> Matches(const Scope& s, int64_t id) const;
  // Notifies the users of every matched enterprise (once per policy: dedup key); park admins.
  struct NotifyResult {
    int enterprises = 0;
    int64_t notified = 0;
  };
  StatusOr<NotifyResult> NotifyMatched(const Scope& s, int64_t id) const;

  StatusOr<std::vector<Application>> Applications(const Scope& s, std::optional<int64_t> park_id,
                                                  std::optional<int64_t> policy_id) const;
  // An enterprise user applies for its own enterprise (the policy must fit it: 409 otherwise);
  // a park admin records an application of any enterprise of the policy's park (422 "enterprise_id").
  StatusOr<Application> Apply(const Scope& s, int64_t policy_id, Application a) const;
  // Park admins: status / amount / paid_on / note (兑现).
  StatusOr<Application> UpdateApplication(const Scope& s, int64_t id, Application a) const;
  StatusOr<std::vector<PolicyYearSum>> Sums(const Scope& s, int64_t park_id) const;

 private:
  StatusOr<Policy> Readable(const Scope& s, int64_t id) const;
  StatusOr<bool> Fits(const Policy& p, int64_t enterprise_id) const;

  PolicyRepository& repo_;
  const notify::Notifier* notifier_;
};

}  // namespace parkhq::gates
