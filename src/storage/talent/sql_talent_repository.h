// TalentRepository in portable SQL (tables talent_posts, talent_candidates, reward_types,
// reward_applications, reward_files; migration 0120). Every write commits with its audit row.
#pragma once
#include "domain/talent/talent_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlTalentRepository final : public talent::TalentRepository {
 public:
  explicit SqlTalentRepository(Database& db) : db_(db) {}

  StatusOr<std::optional<talent::EnterpriseRef>> FindEnterprise(int64_t id) override;
  StatusOr<bool> UnitServesPark(int64_t unit_id, int64_t park_id) override;

  StatusOr<std::vector<talent::Post>> ListPosts(int64_t park_id, std::optional<int64_t> enterprise_id) override;
  StatusOr<std::optional<talent::Post>> FindPost(int64_t id) override;
  StatusOr<int64_t> CreatePost(const talent::Post& p, const Scope& who) override;
  Status UpdatePost(const talent::Post& after, const Scope& who) override;

  StatusOr<std::vector<talent::Candidate>> ListCandidates(int64_t park_id) override;
  StatusOr<std::optional<talent::Candidate>> FindCandidate(int64_t id) override;
  StatusOr<int64_t> CreateCandidate(const talent::Candidate& c, const Scope& who) override;
  Status UpdateCandidate(const talent::Candidate& after, const Scope& who) override;

  StatusOr<std::vector<talent::RewardType>> ListRewardTypes(int64_t park_id) override;
  StatusOr<std::optional<talent::RewardType>> FindRewardType(int64_t id) override;
  StatusOr<int64_t> CreateRewardType(const talent::RewardType& t, const Scope& who) override;
  Status UpdateRewardType(const talent::RewardType& after, const Scope& who) override;

  StatusOr<std::vector<talent::RewardApplication>> ListApplications(int64_t park_id, std::optional<int64_t> year,
                                                                    std::optional<int64_t> enterprise_id) override;
  StatusOr<std::optional<talent::RewardApplication>> FindApplication(int64_t id) override;
  StatusOr<int64_t> CreateApplication(const talent::RewardApplication& a, const Scope& who) override;
  Status UpdateApplication(const talent::RewardApplication& after, const std::string& action,
                           const Scope& who) override;

  StatusOr<std::vector<talent::RewardFile>> ListFiles(int64_t application_id) override;
  StatusOr<std::optional<talent::RewardFile>> FindFile(int64_t id) override;
  StatusOr<int64_t> AddFile(const talent::RewardFile& f, const std::string& bytes, const Scope& who) override;
  StatusOr<std::string> FileBytes(int64_t id) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
