// CrmRepository (investors, leads, follow-ups, industry chains) in portable SQL.
#pragma once
#include "domain/project/crm_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlCrmRepository final : public project::CrmRepository {
 public:
  explicit SqlCrmRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<project::Investor>> ListInvestors(const std::vector<int64_t>& park_ids,
                                                         const std::string& q) override;
  StatusOr<std::optional<project::Investor>> FindInvestor(int64_t id) override;
  StatusOr<int64_t> SaveInvestor(const project::Investor& i, const Scope& who) override;
  StatusOr<int64_t> AddContact(int64_t park_id, const project::Contact& c, const Scope& who) override;
  StatusOr<std::vector<project::Lead>> ListLeads(const std::vector<int64_t>& park_ids,
                                                 std::optional<project::LeadStage> stage) override;
  StatusOr<std::optional<project::Lead>> FindLead(int64_t id) override;
  StatusOr<int64_t> SaveLead(const project::Lead& l, const Scope& who) override;
  Status MoveLead(const project::Lead& after, const Scope& who) override;
  StatusOr<int64_t> SignLead(const project::Lead& after, const project::ProjectRecord& p, const Scope& who) override;
  StatusOr<int64_t> AddFollowUp(int64_t park_id, const project::FollowUp& f, const Scope& who) override;
  StatusOr<std::vector<project::FollowUp>> FollowUps(int64_t lead_id) override;
  StatusOr<std::vector<project::Chain>> ListChains(int64_t park_id) override;
  StatusOr<std::optional<project::Chain>> FindChain(int64_t id) override;
  StatusOr<std::optional<project::ChainLink>> FindLink(int64_t id) override;
  StatusOr<int64_t> SaveChain(const project::Chain& c, const Scope& who) override;
  StatusOr<int64_t> SaveLink(const project::ChainLink& l, const Scope& who) override;
  Status DeleteLink(const project::ChainLink& l, const Scope& who) override;
  StatusOr<project::LinkMembers> Members(int64_t park_id) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
