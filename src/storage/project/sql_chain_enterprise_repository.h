// ChainEnterpriseRepository (enterprises placed on industry-chain links) in portable SQL. Reads the
// enterprise module's enterprises table for names, statuses and parks.
#pragma once
#include "domain/project/crm_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlChainEnterpriseRepository final : public project::ChainEnterpriseRepository {
 public:
  explicit SqlChainEnterpriseRepository(Database& db) : db_(db) {}

  StatusOr<std::map<int64_t, std::vector<project::LinkMember>>> EnterprisesByLink(int64_t park_id) override;
  StatusOr<std::vector<project::LinkEnterprise>> ListLinkEnterprises(int64_t link_id) override;
  StatusOr<std::optional<project::ChainEnterpriseRef>> FindEnterprise(int64_t id) override;
  Status Attach(const project::LinkEnterprise& e, const Scope& who) override;
  Status Detach(int64_t park_id, int64_t link_id, int64_t enterprise_id, const Scope& who) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
