// EnterpriseRepository in portable SQL (SQLite and PostgreSQL). Thread-safe: each call borrows a
// connection from the pool.
#pragma once
#include "domain/enterprise/enterprise_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlEnterpriseRepository : public enterprise::EnterpriseRepository {
 public:
  explicit SqlEnterpriseRepository(Database& db) : db_(db) {}

  StatusOr<std::optional<enterprise::Enterprise>> Find(int64_t id) override;
  StatusOr<std::optional<int64_t>> FindIdByUscc(const std::string& uscc) override;
  StatusOr<enterprise::EnterprisePage> List(const enterprise::EnterpriseFilter& f) override;
  StatusOr<int64_t> Create(const enterprise::Enterprise& e, const Scope& who) override;
  Status CreateMany(const std::vector<enterprise::Enterprise>& items, const Scope& who) override;
  Status Update(const enterprise::Enterprise& e, const Scope& who, const std::string& reason) override;

  StatusOr<std::optional<enterprise::StoredReport>> FindReport(int64_t enterprise_id, Period period) override;
  StatusOr<std::vector<enterprise::StoredReport>> ListReports(int64_t enterprise_id, Period from, Period to) override;
  StatusOr<std::vector<enterprise::StoredReport>> ListParkReports(const std::vector<int64_t>& park_ids,
                                                                  std::optional<Period> period,
                                                                  std::optional<enterprise::ReportState> state,
                                                                  bool with_values) override;
  StatusOr<enterprise::StoredReport> SaveReport(const enterprise::StoredReport& r, const Scope& who,
                                                const std::string& action, const std::string& reason) override;
  StatusOr<std::vector<enterprise::Revision>> ListRevisions(int64_t enterprise_id,
                                                            std::optional<Period> period) override;
  StatusOr<std::optional<Date>> FindException(int64_t enterprise_id, Period period) override;
  Status GrantException(int64_t park_id, int64_t enterprise_id, Period period, Date until,
                        const std::string& reason, const Scope& who) override;
  StatusOr<int> DeadlineDay(int64_t park_id) override;

  StatusOr<std::optional<std::vector<enterprise::ValidationRule>>> ListRules(int64_t park_id) override;
  Status ReplaceRules(int64_t park_id, const std::vector<enterprise::ValidationRule>& rules,
                      const Scope& who) override;

  StatusOr<std::map<int64_t, std::array<std::optional<double>, 12>>> ApprovedMonthlyTotals(
      const std::string& field, const std::vector<int64_t>& park_ids, int year) override;
  StatusOr<std::vector<enterprise::ApprovedValue>> ApprovedValues(const std::vector<int64_t>& park_ids,
                                                                  const std::string& field, Period from,
                                                                  Period to) override;

  StatusOr<std::unique_ptr<enterprise::ReportImportSink>> BeginReportImport(int64_t park_id,
                                                                            const Scope& who) override;

  StatusOr<std::vector<enterprise::PoolMember>> ListPoolMembers(int64_t park_id) override;
  StatusOr<int64_t> AddPoolMember(const enterprise::PoolMember& m, const Scope& who) override;
  StatusOr<std::vector<enterprise::DisposalRecord>> ListDisposals(int64_t park_id) override;
  StatusOr<int64_t> AddDisposal(const enterprise::DisposalRecord& d, const Scope& who) override;
  StatusOr<std::optional<enterprise::DisposalRecord>> FindDisposal(int64_t id) override;
  Status UpdateDisposal(const enterprise::DisposalRecord& d, const Scope& who) override;

  StatusOr<std::optional<std::vector<enterprise::ReportField>>> FindReportFields(int64_t park_id) override;
  Status SaveReportFields(int64_t park_id, const std::vector<enterprise::ReportField>& fields,
                          const Scope& who) override;
  Status SaveDeadlineDay(int64_t park_id, int day, const Scope& who) override;
  StatusOr<std::optional<enterprise::PoolsConfig>> FindPoolsConfig(int64_t park_id) override;
  Status SavePoolsConfig(int64_t park_id, const enterprise::PoolsConfig& config, const Scope& who) override;
  StatusOr<std::optional<std::vector<enterprise::LeadingGroupRule>>> FindLeadingGroupRules(int64_t park_id) override;
  Status SaveLeadingGroupRules(int64_t park_id, const std::vector<enterprise::LeadingGroupRule>& rules,
                               const Scope& who) override;
  StatusOr<std::optional<int>> FindZombieMonths(int64_t park_id) override;
  Status SaveZombieMonths(int64_t park_id, int months, const Scope& who) override;
  StatusOr<std::optional<std::string>> FindIndustryTable() override;
  Status SaveIndustryTable(const std::optional<std::string>& csv, const enterprise::IndustryTableDiff& diff,
                           const Scope& who) override;
  StatusOr<std::map<std::string, std::vector<std::string>>> IndustryCodesInUse() override;

  // Writes a whole report (one row with its values) without revisions or audit: the demo seed and bulk
  // imports, inside the caller's transaction.
  static Status InsertReportRaw(Connection& c, const enterprise::StoredReport& r);

 private:
  StatusOr<std::optional<std::string>> GetSetting(int64_t park_id, const std::string& key);
  // Upserts settings(park_id, key) and writes the audit row in the same transaction.
  Status PutSetting(int64_t park_id, const std::string& key, const std::string& value, const Scope& who);
  Database& db_;
};

}  // namespace parkhq::storage
