// What the enterprises module needs from storage. Implemented once in portable SQL
// (storage/enterprise/sql_enterprise_repository.*). Every write writes its audit row (and, for
// reports, its revision rows) in the same transaction. Thread-safe.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"
#include "domain/enterprise/enterprise.h"
#include "domain/enterprise/industry.h"
#include "domain/enterprise/pools_calc.h"
#include "domain/enterprise/report.h"
#include "domain/enterprise/report_state.h"
#include "domain/enterprise/zombie_calc.h"

namespace parkhq::enterprise {

struct EnterpriseFilter {
  std::vector<int64_t> park_ids;  // an enterprise matches when its park_id or sub_park_id is listed
  std::optional<int64_t> only_id;  // enterprise users: their own enterprise
  std::string q;                   // name or USCC contains
  std::optional<LeadingGroup> leading_group;
  std::optional<bool> above_scale;
  std::optional<EnterpriseStatus> status;
  std::string flag;
  int64_t offset = 0;
  int64_t limit = 20;              // <= 0: all
};
struct EnterprisePage {
  std::vector<Enterprise> items;
  int64_t total = 0;
};

struct StoredReport {
  int64_t id = 0;  // 0: not stored yet
  int64_t park_id = 0;
  int64_t enterprise_id = 0;
  Period period;
  ReportState state = ReportState::kDraft;
  FieldValues values;
  std::map<std::string, std::string> explanations;
  std::optional<Date> first_submitted_on;
  std::string submitted_at, reviewed_at, reviewed_by, return_reason, updated_at;
  bool is_demo = false;
};

struct Revision {
  int64_t id = 0;
  Period period;
  std::string at, username, field, reason;
  std::optional<std::string> old_value, new_value;
};

struct ApprovedValue {
  int64_t enterprise_id = 0;
  Period period;
  double value = 0;
};

struct PoolMember {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string pool_code;
  int64_t enterprise_id = 0;
  Date since;
  std::string status = "active";
  std::string note, accepted_by;
};

struct DisposalRecord {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t enterprise_id = 0;
  ZombieDisposal disposal;
  std::string note, created_at;
};

// Receives the rows of an import inside one transaction (see BeginReportImport).
class ReportImportSink {
 public:
  virtual ~ReportImportSink() = default;
  // The stored report of the enterprise for the period, if there is one (read inside the import's
  // transaction).
  virtual StatusOr<std::optional<StoredReport>> Existing(int64_t enterprise_id, Period period) = 0;
  // Adds one report; `replaces` is what Existing returned for it (then the row is rewritten and
  // one revision written per changed value and for the state).
  virtual Status Add(const StoredReport& r, const StoredReport* replaces) = 0;
  // Writes one audit row for the whole import and commits. Without Commit nothing is kept.
  virtual Status Commit(const std::string& summary) = 0;
};

class EnterpriseRepository {
 public:
  virtual ~EnterpriseRepository() = default;

  // --- registry ---
  virtual StatusOr<std::optional<Enterprise>> Find(int64_t id) = 0;
  virtual StatusOr<std::optional<int64_t>> FindIdByUscc(const std::string& uscc) = 0;
  virtual StatusOr<EnterprisePage> List(const EnterpriseFilter& f) = 0;
  // Inserts the record with its flags; Conflict when the USCC exists. Returns the new id.
  virtual StatusOr<int64_t> Create(const Enterprise& e, const Scope& who) = 0;
  // Inserts all records in one transaction (all or nothing); Conflict on any existing USCC.
  virtual Status CreateMany(const std::vector<Enterprise>& items, const Scope& who) = 0;
  // Replaces every registry field and the flags; Conflict when the USCC belongs to another record.
  virtual Status Update(const Enterprise& e, const Scope& who, const std::string& reason) = 0;

  // --- monthly reports ---
  virtual StatusOr<std::optional<StoredReport>> FindReport(int64_t enterprise_id, Period period) = 0;
  // Reports of one enterprise with from <= period <= to, ordered by period.
  virtual StatusOr<std::vector<StoredReport>> ListReports(int64_t enterprise_id, Period from, Period to) = 0;
  // Reports of enterprises in these parks (park_id or sub_park_id) for one period, optionally in
  // one state; values are not loaded when with_values is false.
  virtual StatusOr<std::vector<StoredReport>> ListParkReports(const std::vector<int64_t>& park_ids,
                                                              std::optional<Period> period,
                                                              std::optional<ReportState> state,
                                                              bool with_values) = 0;
  // Inserts or replaces the report (header and values). Writes one revision row per changed value,
  // explanation or state (who, when, old, new, why) and an audit row, in one transaction.
  // Returns the stored report.
  virtual StatusOr<StoredReport> SaveReport(const StoredReport& r, const Scope& who, const std::string& action,
                                            const std::string& reason) = 0;
  virtual StatusOr<std::vector<Revision>> ListRevisions(int64_t enterprise_id, std::optional<Period> period) = 0;
  virtual StatusOr<std::optional<Date>> FindException(int64_t enterprise_id, Period period) = 0;
  virtual Status GrantException(int64_t park_id, int64_t enterprise_id, Period period, Date until,
                                const std::string& reason, const Scope& who) = 0;
  // 报送截止日 day of the park (settings key enterprise.report_deadline_day; default 10).
  virtual StatusOr<int> DeadlineDay(int64_t park_id) = 0;

  // --- rules ---
  // The park's stored rules in order; nullopt when the park has none stored (defaults apply).
  virtual StatusOr<std::optional<std::vector<ValidationRule>>> ListRules(int64_t park_id) = 0;
  virtual Status ReplaceRules(int64_t park_id, const std::vector<ValidationRule>& rules, const Scope& who) = 0;

  // --- report once, use everywhere ---
  // Approved monthly sums of `field` per requested park for `year` (index 0 = January). A park's
  // sum covers enterprises whose park_id OR sub_park_id is that park, so a park includes its
  // sub-parks. A month without any approved report is nullopt. Every requested park is in the map.
  virtual StatusOr<std::map<int64_t, std::array<std::optional<double>, 12>>> ApprovedMonthlyTotals(
      const std::string& field, const std::vector<int64_t>& park_ids, int year) = 0;
  // Approved values of one field for the enterprises of these parks, from <= period <= to.
  virtual StatusOr<std::vector<ApprovedValue>> ApprovedValues(const std::vector<int64_t>& park_ids,
                                                              const std::string& field, Period from,
                                                              Period to) = 0;

  // Opens one write transaction for a bulk import into the park by `who` (rolled back unless
  // committed).
  virtual StatusOr<std::unique_ptr<ReportImportSink>> BeginReportImport(int64_t park_id, const Scope& who) = 0;

  // --- pools and zombies ---
  virtual StatusOr<std::vector<PoolMember>> ListPoolMembers(int64_t park_id) = 0;
  // Conflict when the enterprise is already an active member of the pool.
  virtual StatusOr<int64_t> AddPoolMember(const PoolMember& m, const Scope& who) = 0;
  virtual StatusOr<std::vector<DisposalRecord>> ListDisposals(int64_t park_id) = 0;
  virtual StatusOr<int64_t> AddDisposal(const DisposalRecord& d, const Scope& who) = 0;
  virtual StatusOr<std::optional<DisposalRecord>> FindDisposal(int64_t id) = 0;
  // Replaces measure, unit, due, status, completed_on and note; audited.
  virtual Status UpdateDisposal(const DisposalRecord& d, const Scope& who) = 0;

  // --- per-park configuration (settings table; every write audited in the same transaction) ---
  // nullopt when the park has nothing stored (the defaults apply).
  virtual StatusOr<std::optional<std::vector<ReportField>>> FindReportFields(int64_t park_id) = 0;
  virtual Status SaveReportFields(int64_t park_id, const std::vector<ReportField>& fields, const Scope& who) = 0;
  virtual Status SaveDeadlineDay(int64_t park_id, int day, const Scope& who) = 0;
  virtual StatusOr<std::optional<PoolsConfig>> FindPoolsConfig(int64_t park_id) = 0;
  virtual Status SavePoolsConfig(int64_t park_id, const PoolsConfig& config, const Scope& who) = 0;
  virtual StatusOr<std::optional<std::vector<LeadingGroupRule>>> FindLeadingGroupRules(int64_t park_id) = 0;
  virtual Status SaveLeadingGroupRules(int64_t park_id, const std::vector<LeadingGroupRule>& rules,
                                       const Scope& who) = 0;
  // 僵尸企业 N (settings key enterprise.zombie_months); nullopt when nothing stored.
  virtual StatusOr<std::optional<int>> FindZombieMonths(int64_t park_id) = 0;
  virtual Status SaveZombieMonths(int64_t park_id, int months, const Scope& who) = 0;

  // --- the GB/T 4754 table of the installation (settings park_id 0, key enterprise.industry_table:
  // the table as CSV text) ---
  virtual StatusOr<std::optional<std::string>> FindIndustryTable() = 0;
  // Stores the CSV (nullopt: removes it, back to the embedded table); one audit row with the diff
  // (entity "industry_table"), in the same transaction.
  virtual Status SaveIndustryTable(const std::optional<std::string>& csv, const IndustryTableDiff& diff,
                                   const Scope& who) = 0;
  // industry_code -> the names of the enterprises (all parks, any status) using it, by id.
  virtual StatusOr<std::map<std::string, std::vector<std::string>>> IndustryCodesInUse() = 0;
};

}  // namespace parkhq::enterprise
