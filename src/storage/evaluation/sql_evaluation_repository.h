// EvaluationRepository in portable SQL (tables of migration 0050_evaluation.sql).
#pragma once
#include "domain/evaluation/evaluation_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlEvaluationRepository final : public evaluation::EvaluationRepository {
 public:
  explicit SqlEvaluationRepository(Database& db) : db_(db) {}
  StatusOr<bool> ParkExists(int64_t park_id) override;
  StatusOr<std::optional<evaluation::Scheme>> GetScheme(int64_t park_id, int year) override;
  Status SaveScheme(int64_t park_id, int year, const evaluation::Scheme& s, const Scope& who) override;
  StatusOr<std::vector<evaluation::InputRecord>> LoadInputs(int64_t park_id, int year,
                                                            std::optional<int64_t> enterprise_id) override;
  StatusOr<std::vector<evaluation::EnterpriseInput>> LoadScoringInputs(int64_t park_id, int year) override;
  Status UpsertInputs(int64_t park_id, int year, const std::vector<evaluation::InputRecord>& rows,
                      const Scope& who) override;
  Status ConfirmInput(int64_t park_id, int year, int64_t enterprise_id, const Scope& who) override;
  StatusOr<int64_t> SaveRun(int64_t park_id, int year, const evaluation::Scheme& scheme,
                            const std::vector<evaluation::ResultRecord>& results, const Scope& who) override;
  StatusOr<std::optional<evaluation::RunInfo>> LatestRun(int64_t park_id, int year) override;
  StatusOr<std::vector<evaluation::ResultRecord>> LoadResults(int64_t park_id, int64_t run_id,
                                                              std::optional<int64_t> enterprise_id) override;
  Status Publish(int64_t park_id, int64_t run_id, const std::string& start, const std::string& end,
                 const Scope& who) override;
  StatusOr<std::map<int64_t, std::vector<std::pair<int, evaluation::EvalClass>>>> ClassHistory(
      int64_t park_id, int up_to_year) override;
  StatusOr<int64_t> CreateAppeal(const evaluation::Appeal& a, const Scope& who) override;
  StatusOr<std::vector<evaluation::Appeal>> ListAppeals(int64_t park_id, int year,
                                                        std::optional<int64_t> enterprise_id) override;
  StatusOr<std::optional<evaluation::Appeal>> FindAppeal(int64_t park_id, int64_t appeal_id) override;
  Status DecideAppeal(const evaluation::Appeal& decided, const Scope& who) override;
  // sql_evaluation_policies.cc: the park's policy configuration in `settings`.
  StatusOr<std::optional<int64_t>> TopPark(int64_t park_id) override;
  StatusOr<std::optional<evaluation::PolicyConfig>> GetPolicyConfig(int64_t park_id) override;
  Status SavePolicyConfig(int64_t park_id, const evaluation::PolicyConfig& c, const Scope& who) override;
  Status DeletePolicyConfig(int64_t park_id, const Scope& who) override;

  // Writes inputs in one transaction without audit rows per enterprise (one summary audit row):
  // used by the demo seed and the benchmark, where thousands of rows are loaded at once.
  static Status InsertInputsBulk(Connection& c, int64_t park_id, int year,
                                 const std::vector<evaluation::InputRecord>& rows);

 private:
  Database& db_;
};

}  // namespace parkhq::storage
