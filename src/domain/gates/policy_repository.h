// What the policy module (惠企政策) needs from storage. Every write records its audit row in the
// same transaction. Implemented once in portable SQL (storage/gates/).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/gates/policy.h"
#include "domain/gates/policy_match_calc.h"

namespace parkhq::gates {

class PolicyRepository {
 public:
  virtual ~PolicyRepository() = default;
  // Policies of these parks (all parks when `all`), newest first.
  virtual StatusOr<std::vector<Policy>> ListPolicies(const std::vector<int64_t>& park_ids, bool all) = 0;
  virtual StatusOr<std::optional<Policy>> FindPolicy(int64_t id) = 0;
  // Inserts (id 0) or replaces a policy; returns its id.
  virtual StatusOr<int64_t> SavePolicy(const Policy& p, const Scope& who) = 0;
  // The matching facts of the enterprises of a park (one enterprise when given), figures = the
  // sums of `year`'s approved reports.
  virtual StatusOr<std::vector<EnterpriseFacts>> Facts(int64_t park_id, std::optional<int64_t> enterprise_id,
                                                       int year) = 0;
  // The park of an enterprise; nullopt when unknown.
  virtual StatusOr<std::optional<int64_t>> EnterprisePark(int64_t enterprise_id) = 0;
  // Enabled user accounts of these enterprises.
  virtual StatusOr<std::vector<int64_t>> EnterpriseUsers(const std::vector<int64_t>& enterprise_ids) = 0;
  // Applications of these parks (all when `all`), optionally of one enterprise / policy; newest first.
  virtual StatusOr<std::vector<Application>> ListApplications(const std::vector<int64_t>& park_ids, bool all,
                                                              std::optional<int64_t> enterprise_id,
                                                              std::optional<int64_t> policy_id) = 0;
  virtual StatusOr<std::optional<Application>> FindApplication(int64_t id) = 0;
  virtual StatusOr<int64_t> SaveApplication(const Application& a, const Scope& who) = 0;
  // The audit row of a notice sent to the matched enterprises' users.
  virtual Status AuditNotice(const Policy& p, int enterprises, int64_t notified, const Scope& who) = 0;
};

}  // namespace parkhq::gates
