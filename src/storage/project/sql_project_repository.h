// ProjectRepository in portable SQL (tables of migration 0020_projects.sql).
#pragma once
#include "domain/project/project_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlProjectRepository final : public project::ProjectRepository {
 public:
  explicit SqlProjectRepository(Database& db) : db_(db) {}

  StatusOr<int64_t> Create(const project::ProjectRecord& p, const Scope& who) override;
  StatusOr<std::optional<project::ProjectRecord>> Find(int64_t id) override;
  Status Update(const project::ProjectRecord& p, const Scope& who) override;
  StatusOr<project::ProjectPage> List(const project::ProjectFilter& f) override;
  StatusOr<std::vector<project::Project>> LoadForRates(const std::vector<int64_t>& park_ids,
                                                       std::optional<int64_t> sub_park_id) override;
  Status SaveStageChange(const project::Project& after, const project::StageLogEntry& log,
                         const Scope& who) override;
  StatusOr<std::vector<project::StageLogEntry>> StageLog(int64_t project_id) override;
  Status UpsertMonthly(int64_t project_id, int64_t park_id, const project::MonthlyInvestment& m,
                       const Scope& who) override;
  StatusOr<std::optional<double>> FundsInPlaceTarget(const std::vector<int64_t>& park_ids, int year) override;
  StatusOr<project::MonthlyByPark> MonthlyCompletedInvestment(const std::vector<int64_t>& park_ids,
                                                              int year) override;
  StatusOr<std::vector<project::Milestone>> Milestones(int64_t project_id) override;
  StatusOr<int64_t> SaveMilestone(int64_t park_id, const project::Milestone& m, const Scope& who) override;
  StatusOr<std::vector<project::ApprovalItem>> Approvals(int64_t project_id) override;
  StatusOr<int64_t> SaveApproval(int64_t park_id, const project::ApprovalItem& a, const Scope& who) override;
  StatusOr<std::vector<project::Problem>> Problems(int64_t project_id) override;
  StatusOr<int64_t> SaveProblem(int64_t park_id, const project::Problem& p, const Scope& who) override;
  Status ImportProjects(const std::vector<project::ProjectRecord>& creates,
                        const std::vector<project::ProjectRecord>& updates, const Scope& who) override;
  StatusOr<std::map<std::string, double>> Settings(int64_t park_id) override;
  Status SaveSettings(int64_t park_id, const std::map<std::string, double>& values, const Scope& who) override;
  Status DeleteChild(const std::string& entity, int64_t project_id, int64_t id, const Scope& who) override;
  // sql_project_admissions.cc
  StatusOr<int64_t> SaveAdmission(const project::Admission& a, const Scope& who) override;
  StatusOr<std::vector<project::Admission>> Admissions(int64_t project_id) override;
  // Inserts a decision inside the caller's transaction (demo seed): no audit row.
  static StatusOr<int64_t> InsertAdmission(Connection& c, const project::Admission& a);

  // Inserts a project inside the caller's transaction (demo seed, import): no audit row.
  static StatusOr<int64_t> InsertProject(Connection& c, const project::ProjectRecord& p, const std::string& username,
                                         std::optional<int64_t> user_id);

 private:
  Database& db_;
};

}  // namespace parkhq::storage
