// What the talent and rewards services need from storage (storage/talent/sql_talent_repository.*).
// Every write commits with its audit row in one transaction.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/talent/talent.h"

namespace parkhq::talent {

// An enterprise as the services need it: its park and name.
struct EnterpriseRef {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;
};

class TalentRepository {
 public:
  virtual ~TalentRepository() = default;
  virtual StatusOr<std::optional<EnterpriseRef>> FindEnterprise(int64_t id) = 0;
  // Does the unit exist and serve the park?
  virtual StatusOr<bool> UnitServesPark(int64_t unit_id, int64_t park_id) = 0;

  // Posts of a park (nullopt enterprise: all), newest first, with the enterprise's name, group and
  // high-tech flag as valid on the day the post was made.
  virtual StatusOr<std::vector<Post>> ListPosts(int64_t park_id, std::optional<int64_t> enterprise_id) = 0;
  virtual StatusOr<std::optional<Post>> FindPost(int64_t id) = 0;
  virtual StatusOr<int64_t> CreatePost(const Post& p, const Scope& who) = 0;
  virtual Status UpdatePost(const Post& after, const Scope& who) = 0;

  virtual StatusOr<std::vector<Candidate>> ListCandidates(int64_t park_id) = 0;
  virtual StatusOr<std::optional<Candidate>> FindCandidate(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateCandidate(const Candidate& c, const Scope& who) = 0;
  virtual Status UpdateCandidate(const Candidate& after, const Scope& who) = 0;

  virtual StatusOr<std::vector<RewardType>> ListRewardTypes(int64_t park_id) = 0;
  virtual StatusOr<std::optional<RewardType>> FindRewardType(int64_t id) = 0;
  // Conflict when the code is taken in the park.
  virtual StatusOr<int64_t> CreateRewardType(const RewardType& t, const Scope& who) = 0;
  virtual Status UpdateRewardType(const RewardType& after, const Scope& who) = 0;

  // Applications of a park (filters optional), with the flags the enterprise held during the
  // application's year and its class in the latest published evaluation of that year or before.
  virtual StatusOr<std::vector<RewardApplication>> ListApplications(int64_t park_id, std::optional<int64_t> year,
                                                                    std::optional<int64_t> enterprise_id) = 0;
  virtual StatusOr<std::optional<RewardApplication>> FindApplication(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateApplication(const RewardApplication& a, const Scope& who) = 0;
  // action: "review" and the like; before → after in the audit row.
  virtual Status UpdateApplication(const RewardApplication& after, const std::string& action, const Scope& who) = 0;

  virtual StatusOr<std::vector<RewardFile>> ListFiles(int64_t application_id) = 0;
  virtual StatusOr<std::optional<RewardFile>> FindFile(int64_t id) = 0;
  virtual StatusOr<int64_t> AddFile(const RewardFile& f, const std::string& bytes, const Scope& who) = 0;
  virtual StatusOr<std::string> FileBytes(int64_t id) = 0;
};

}  // namespace parkhq::talent
