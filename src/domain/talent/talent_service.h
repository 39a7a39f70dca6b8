// The talent database and rewards use cases (issue 13 items 3 and 4), with their role and data
// scope rules:
//  - posts (人才需求): an enterprise user reads and writes its own enterprise's posts only (another
//    enterprise's post is 404); the talent keepers (park admin, sysadmin, a department keeping the
//    "talent" register — 人社局 by default) read and write every post of the park; other readers
//    of the park (departments, leaders) read them.
//  - the demand summary, the talent pool (candidates) and suggested matches: keepers and leaders
//    (403 for other departments; enterprise users are refused by the route table).
//  - award types: readers of the park read; park admins write.
//  - applications: an enterprise user applies for, reads and adds evidence to its own only (404
//    otherwise); park admins may enter them for an enterprise of the park; the unit named by the
//    award type (or a park admin) reviews.
// Failures: NotFound for objects and parks outside the scope, PermissionDenied for a role that may
// read but not write, Validation naming the field (nothing written), Conflict for a wrong state.
// Thread-safe: immutable after construction.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"
#include "domain/talent/talent.h"
#include "domain/talent/talent_calc.h"
#include "domain/talent/talent_repository.h"

namespace parkhq::talent {

struct DemandView {
  int64_t year = 0;
  std::string as_of;                   // today: open posts are those not past their until date
  DemandSummary open;                 // open posts not past their until date
  std::vector<ProgramShare> programs;  // posts created in `year`
};

struct MatchRow {
  Match match;
  Post post;
  Candidate candidate;
};

struct RewardYearView {
  int64_t year = 0;
  std::vector<RewardApplication> approved;
  RewardYear totals;
};

class TalentService {
 public:
  explicit TalentService(TalentRepository& repo, std::function<Date()> today = Today)
      : repo_(repo), today_(std::move(today)) {}

  StatusOr<std::vector<Post>> ListPosts(const Scope& s, int64_t park_id) const;
  StatusOr<Post> GetPost(const Scope& s, int64_t id) const;
  // Enterprise users post for their own enterprise (p.enterprise_id is set to it); keepers name it.
  StatusOr<Post> CreatePost(const Scope& s, int64_t park_id, Post p) const;
  // `p` is the complete new value (the handler merges a PATCH onto GetPost).
  StatusOr<Post> UpdatePost(const Scope& s, int64_t id, Post p) const;
  StatusOr<DemandView> Demand(const Scope& s, int64_t park_id, std::optional<int64_t> year) const;

  StatusOr<std::vector<Candidate>> ListCandidates(const Scope& s, int64_t park_id) const;
  StatusOr<Candidate> GetCandidate(const Scope& s, int64_t id) const;
  StatusOr<Candidate> CreateCandidate(const Scope& s, int64_t park_id, Candidate c) const;
  StatusOr<Candidate> UpdateCandidate(const Scope& s, int64_t id, Candidate c) const;
  StatusOr<std::vector<MatchRow>> Matches(const Scope& s, int64_t park_id) const;

  StatusOr<std::vector<RewardType>> ListRewardTypes(const Scope& s, int64_t park_id) const;
  StatusOr<RewardType> GetRewardType(const Scope& s, int64_t id) const;
  StatusOr<RewardType> CreateRewardType(const Scope& s, int64_t park_id, RewardType t) const;
  StatusOr<RewardType> UpdateRewardType(const Scope& s, int64_t id, RewardType t) const;

  StatusOr<std::vector<RewardApplication>> ListApplications(const Scope& s, int64_t park_id,
                                                            std::optional<int64_t> year) const;
  StatusOr<RewardApplication> GetApplication(const Scope& s, int64_t id) const;
  StatusOr<RewardApplication> CreateApplication(const Scope& s, int64_t park_id, RewardApplication a) const;
  // decision "approve" (amount_approved: given, else the type's amount, else the amount requested)
  // or "reject" (reason required). Only submitted applications (409 otherwise).
  StatusOr<RewardApplication> Review(const Scope& s, int64_t id, const std::string& decision,
                                     std::optional<double> amount, const std::string& reason) const;
  StatusOr<RewardYearView> RewardYearList(const Scope& s, int64_t park_id, int64_t year) const;

  StatusOr<std::vector<RewardFile>> ListFiles(const Scope& s, int64_t application_id) const;
  // Submitted applications only; pdf/png/jpg/docx/xlsx up to 10 MiB (domain/task/attachments.h).
  StatusOr<RewardFile> AddFile(const Scope& s, int64_t application_id, const std::string& filename,
                               const std::string& bytes) const;
  StatusOr<std::pair<RewardFile, std::string>> DownloadFile(const Scope& s, int64_t id) const;

  // May the caller write posts for enterprises of the park (not only its own)?
  static bool KeepsTalent(const Scope& s, int64_t park_id);

 private:
  Status ReadTalentPool(const Scope& s, int64_t park_id) const;
  StatusOr<Post> FillPost(const Scope& s, int64_t park_id, Post p) const;
  std::string TodayText() const { return today_().ToString(); }

  TalentRepository& repo_;
  std::function<Date()> today_;
};

}  // namespace parkhq::talent
