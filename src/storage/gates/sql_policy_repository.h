// PolicyRepository in portable SQL (tables of migration 0151_gates_policies.sql).
#pragma once
#include "domain/gates/policy_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlPolicyRepository final : public gates::PolicyRepository {
 public:
  explicit SqlPolicyRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<gates::Policy>> ListPolicies(const std::vector<int64_t>& park_ids, bool all) override;
  StatusOr<std::optional<gates::Policy>> FindPolicy(int64_t id) override;
  StatusOr<int64_t> SavePolicy(const gates::Policy& p, const Scope& who) override;
  StatusOr<std::vector<gates::EnterpriseFacts>> Facts(int64_t park_id, std::optional<int64_t> enterprise_id,
                                                      int year) override;
  StatusOr<std::optional<int64_t>> EnterprisePark(int64_t enterprise_id) override;
  StatusOr<std::vector<int64_t>> EnterpriseUsers(const std::vector<int64_t>& enterprise_ids) override;
  StatusOr<std::vector<gates::Application>> ListApplications(const std::vector<int64_t>& park_ids, bool all,
                                                             std::optional<int64_t> enterprise_id,
                                                             std::optional<int64_t> policy_id) override;
  StatusOr<std::optional<gates::Application>> FindApplication(int64_t id) override;
  StatusOr<int64_t> SaveApplication(const gates::Application& a, const Scope& who) override;
  Status AuditNotice(const gates::Policy& p, int enterprises, int64_t notified, const Scope& who) override;

  // Inserts inside the caller's transaction (demo seed): no audit row.
  static StatusOr<int64_t> InsertPolicy(Connection& c, const gates::Policy& p);
  static StatusOr<int64_t> InsertApplication(Connection& c, const gates::Application& a);

 private:
  Database& db_;
};

}  // namespace parkhq::storage
