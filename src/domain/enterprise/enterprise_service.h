// Use cases of the enterprises module: the registry (一企一档), the monthly report with its review
// and deadlines, reporting status, rules as data, breakdowns, 同口径 / why-did-it-move, cultivation
// pools and zombie candidates. Every call takes the caller's Scope:
//   - enterprise users read and write only their own enterprise (403 for another one) and never
//     park-level lists (403);
//   - park admins and sysadmins write and review within their parks;
//   - departments and leaders read within their parks; read-only callers never write (403);
//   - an enterprise or park outside the caller's parks is 404 (no existence leak).
// Thread-safe: no mutable state; the clock is injected for tests.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/enterprise/contribution_calc.h"
#include "domain/enterprise/pools_calc.h"
#include "domain/enterprise/enterprise_repository.h"
#include "domain/enterprise/report_import.h"
#include "domain/enterprise/reporting_calc.h"
#include "domain/enterprise/rules_calc.h"
#include "domain/org/org_repository.h"

namespace parkhq::enterprise {

// A report as the reporter and the reviewer see it.
struct ReportView {
  int64_t enterprise_id = 0;
  std::string enterprise_name;
  Period period;
  bool exists = false;                 // false: nothing saved yet (an empty draft)
  StoredReport report;
  std::optional<FieldValues> last_month;  // reference values (any state)
  std::optional<FieldValues> last_year;
  ReportCheck check;                   // CheckReport against the park's fields and rules
  QueueItem queue;
  std::optional<Date> exception_until;
  bool editable = false;               // may the caller edit it now?
  std::vector<ReportField> fields;     // the park's configured field list (report.values may also
                                       // hold values of removed fields: kept, not shown)
};

struct QueueEntry {
  Period period;
  std::optional<ReportState> state;
  QueueItem item;
};

struct ParkReportingStatus {
  ReportingStatus status;
  Date deadline;
  std::vector<std::pair<int64_t, std::string>> missing_names;  // 催报 list: id, name
};

struct ReviewItem {
  StoredReport report;
  std::string enterprise_name;
  std::vector<Warning> warnings;
};

struct BreakdownRow {
  std::string key;      // leading group code or "above" / "below"
  std::string name_zh;
  int enterprises = 0;
  double total = 0;
};
struct Breakdown {
  std::string field;
  int year = 0;
  std::vector<BreakdownRow> by_group, by_scale;
};

struct MovementResult {
  MovementAnalysis analysis;
  std::map<int64_t, std::string> names;
  Period from, to;  // this year's compared months (1-N月 when ytd)
};

struct PoolView {
  std::string code, name_zh;
  std::vector<PoolMember> members;
  std::vector<Suggestion> candidates;
};
struct Cultivation {
  std::vector<PoolView> pools;
  std::map<int64_t, std::string> names;
  YearCounts year_counts;
  int year = 0;
};

struct ZombieRow {
  int64_t enterprise_id = 0;
  std::string name;
  ZombieAssessment assessment;
  std::vector<DisposalRecord> disposals;
};

class EnterpriseService {
 public:
  EnterpriseService(EnterpriseRepository& repo, OrgRepository& org, IndustryTable industries,
                    std::function<Date()> today = Today);

  // The GB/T 4754 table in use: the embedded one, or the one a sysadmin imported (a snapshot: an
  // import swaps in a new table; holders of the old one keep a valid table).
  std::shared_ptr<const IndustryTable> industries() const;
  bool industries_imported() const;
  // The defaults (a park's own configuration: the *Of methods below).
  const LeadingGroupMapping& mapping() const { return mapping_; }
  const std::vector<ReportField>& fields() const { return fields_; }

  // --- registry ---
  // Park staff. `e.park_id` may name a sub-park: it becomes sub_park_id and its park park_id.
  // The leading group comes from the mapping unless leading_group_manual. 422 / 409 on errors.
  StatusOr<Enterprise> Create(const Scope& s, Enterprise e) const;
  StatusOr<Enterprise> Get(const Scope& s, int64_t id) const;
  // `e` is the complete new record (the handler merges a PATCH into Get()). Enterprise users may
  // change only legal_rep, address, contact_phone and employees of their own enterprise.
  StatusOr<Enterprise> Update(const Scope& s, Enterprise e, const std::string& reason) const;
  StatusOr<EnterprisePage> List(const Scope& s, EnterpriseFilter f, std::optional<int64_t> park_id) const;

  // --- monthly reports ---
  StatusOr<ReportView> GetReport(const Scope& s, int64_t enterprise_id, Period period) const;
  // Saves values and explanations (a draft; unknown fields and non-finite values are 422).
  StatusOr<ReportView> SaveReport(const Scope& s, int64_t enterprise_id, Period period, FieldValues values,
                                  std::map<std::string, std::string> explanations) const;
  StatusOr<ReportView> Submit(const Scope& s, int64_t enterprise_id, Period period) const;
  // decision "approve" | "return" (return needs a reason).
  StatusOr<ReportView> Review(const Scope& s, int64_t enterprise_id, Period period, const std::string& decision,
                              const std::string& reason) const;
  StatusOr<ReportView> Unlock(const Scope& s, int64_t enterprise_id, Period period, const std::string& reason) const;
  Status GrantException(const Scope& s, int64_t enterprise_id, Period period, Date until,
                        const std::string& reason) const;
  // The work queue: the last `months` periods up to last month, newest first.
  StatusOr<std::vector<QueueEntry>> Queue(const Scope& s, int64_t enterprise_id, int months = 12) const;
  StatusOr<std::vector<StoredReport>> ListReports(const Scope& s, int64_t enterprise_id, Period from,
                                                  Period to) const;
  StatusOr<std::vector<Revision>> Revisions(const Scope& s, int64_t enterprise_id,
                                            std::optional<Period> period) const;

  // Imports monthly reports of the park's enterprises from CSV (report_import.h): park staff only.
  // One streaming pass validates every row (enterprise known in the park, period, numbers, the
  // field list and the error rules; rows of one enterprise in ascending period order, so duplicates
  // are found in bounded memory; approved reports are locked) and, while no row has failed, writes
  // it into one transaction that commits only when the whole file is valid. A replaced report keeps
  // the values of fields the file has no column for (MergeImportedValues).
  StatusOr<ImportResult> ImportReports(const Scope& s, int64_t park_id, std::istream& in,
                                       const ImportOptions& opt) const;

  // Registers enterprises from CSV (columns uscc, name, industry_code, and optionally sub_park (name
  // or id), legal_rep, address, contact_phone, land_parcels, above_scale (1/0/是/否), employees,
  // founded_on, moved_in_on, status, flags (codes separated by ; or 、); Chinese headers accepted).
  // Every row is validated (ValidateEnterprise, USCC not yet registered nor twice in the file); any
  // error → the row report and nothing written; else all rows in one transaction. Park staff.
  StatusOr<ImportResult> ImportEnterprises(const Scope& s, int64_t park_id, std::istream& in) const;

  // Reports of the park's enterprises for from..to (at most 60 months), ordered by period and
  // enterprise, with the enterprises' USCCs: the import file's format.
  StatusOr<std::vector<std::pair<std::string, StoredReport>>> ExportReports(const Scope& s, int64_t park_id,
                                                                            Period from, Period to) const;

  // --- park level (park staff, departments, leaders; not enterprises) ---
  StatusOr<std::vector<ReviewItem>> ReviewQueue(const Scope& s, int64_t park_id) const;
  StatusOr<ParkReportingStatus> ReportingStatusOf(const Scope& s, int64_t park_id, Period period) const;
  StatusOr<std::vector<ValidationRule>> Rules(const Scope& s, int64_t park_id) const;
  Status ReplaceRules(const Scope& s, int64_t park_id, const std::vector<ValidationRule>& rules) const;
  StatusOr<Breakdown> BreakdownOf(const Scope& s, int64_t park_id, const std::string& field, int year) const;
  // This year's period (or 1-N月 when ytd) against the same months of last year.
  StatusOr<MovementResult> Movement(const Scope& s, int64_t park_id, const std::string& field, Period period,
                                    bool ytd, int top_n) const;
  // Approved monthly sums of a field for the park (with its sub-parks), index 0 = January.
  StatusOr<std::array<std::optional<double>, 12>> ApprovedTotals(const Scope& s, int64_t park_id,
                                                                 const std::string& field, int year) const;
  StatusOr<Cultivation> CultivationOf(const Scope& s, int64_t park_id, std::optional<Period> as_of) const;
  StatusOr<int64_t> AcceptCandidate(const Scope& s, int64_t park_id, const std::string& pool_code,
                                    int64_t enterprise_id, const std::string& note) const;
  // consecutive_months nullopt: the park's setting (ZombieMonthsOf).
  StatusOr<std::vector<ZombieRow>> Zombies(const Scope& s, int64_t park_id, std::optional<Period> as_of,
                                           std::optional<int> consecutive_months) const;
  StatusOr<int64_t> AddDisposal(const Scope& s, int64_t enterprise_id, const ZombieDisposal& d,
                                const std::string& note) const;
  StatusOr<DisposalRecord> GetDisposal(const Scope& s, int64_t id) const;
  // `r` is the complete new record (the handler merges a PATCH into GetDisposal()). Park admins.
  StatusOr<DisposalRecord> UpdateDisposal(const Scope& s, const DisposalRecord& r) const;

  // --- per-park configuration (stored under the top-level park; a sub-park uses its park's) ---
  // Reads: park staff, departments, leaders of the park (enterprise users may read the field list
  // of their own park); writes: park admins (403 others, 404 parks outside the scope). Audited.
  StatusOr<std::vector<ReportField>> ReportFieldsOf(const Scope& s, int64_t park_id) const;
  // ValidateReportFields, at least one field, and the park's stored rules must still compile
  // (details "fields"). Removing a field keeps the stored values (hidden).
  Status SetReportFields(const Scope& s, int64_t park_id, const std::vector<ReportField>& fields) const;
  StatusOr<int> DeadlineDayOf(const Scope& s, int64_t park_id) const;
  Status SetDeadlineDay(const Scope& s, int64_t park_id, int day) const;  // 1..28, details "deadline_day"
  StatusOr<PoolsConfig> PoolsConfigOf(const Scope& s, int64_t park_id) const;
  Status SetPoolsConfig(const Scope& s, int64_t park_id, const PoolsConfig& config) const;
  StatusOr<std::vector<LeadingGroupRule>> LeadingGroupRulesOf(const Scope& s, int64_t park_id) const;
  // Validated by LeadingGroupMapping::Create against the industry table. Applies to enterprises
  // created or edited afterwards (whose group is not set by hand).
  Status SetLeadingGroupRules(const Scope& s, int64_t park_id, const std::vector<LeadingGroupRule>& rules) const;
  // 僵尸企业 consecutive months N (setting enterprise.zombie_months; default 6). Reads: as above;
  // writes: park admins, 1..60 (details "months"). Zombies() uses it when no N is given.
  StatusOr<int> ZombieMonthsOf(const Scope& s, int64_t park_id) const;
  Status SetZombieMonths(const Scope& s, int64_t park_id, int months) const;

  // --- the GB/T 4754 table (one per installation; industry_service.cc) ---
  // Uses the table stored by an earlier import, if any (called once at start; a stored table that
  // no longer parses is ignored and the embedded one stays).
  Status LoadStoredIndustries() const;
  // Sysadmins only (403 others). The rows of an uploaded CSV/XLSX, header first: validated by
  // IndustryTable::FromRows (422 rows[N].<column>); a table that drops a code still used by an
  // enterprise is refused (422, one detail "rows" per code naming the firms). Then stored
  // (audited with the diff) and used at once. Returns what changed.
  StatusOr<IndustryTableDiff> ImportIndustryTable(const Scope& s, const std::vector<IndustryInputRow>& rows) const;
  // Sysadmins: back to the embedded table (same in-use check).
  StatusOr<IndustryTableDiff> ResetIndustryTable(const Scope& s) const;
  // The mapping that labels GET /industries: the park's (404 outside the scope; enterprise users
  // only their own park), else the caller's only park's, else the default.
  StatusOr<LeadingGroupMapping> IndustryMappingFor(const Scope& s, std::optional<int64_t> park_id) const;

 private:
  // 404 unknown / outside the parks; 403 another enterprise for an enterprise user.
  StatusOr<Enterprise> Readable(const Scope& s, int64_t id) const;
  // 403 for enterprise users; 404 for a park outside the scope or unknown.
  StatusOr<Park> ReadablePark(const Scope& s, int64_t park_id) const;
  StatusOr<std::vector<CompiledRule>> CompiledRulesFor(int64_t park_id) const;
  StatusOr<ReportView> BuildView(const Scope& s, const Enterprise& e, Period period) const;
  Status CheckAction(const Scope& s, const Enterprise& e, ReportAction a, const ReportView& v,
                     const std::string& reason) const;
  std::string NameOf(int64_t id) const;
  // The top-level park of a park (itself when it has no parent); 404 when unknown.
  StatusOr<int64_t> TopPark(int64_t park_id) const;
  // Park admin of the park (403 enterprise / department / leader / read-only, 404 outside): the top park.
  StatusOr<int64_t> AdminPark(const Scope& s, int64_t park_id) const;
  // A park's configuration (defaults when none stored); park_id may be a sub-park.
  StatusOr<std::vector<ReportField>> FieldsFor(int64_t park_id) const;
  StatusOr<LeadingGroupMapping> MappingFor(int64_t park_id) const;
  StatusOr<PoolsConfig> PoolsFor(int64_t park_id) const;
  Period LastClosedMonth() const;
  StatusOr<int> ZombieMonthsFor(int64_t park_id) const;
  // Refuses (422) a table without a code some enterprise uses; stores and swaps it in.
  StatusOr<IndustryTableDiff> ReplaceIndustries(const Scope& s, std::shared_ptr<const IndustryTable> next,
                                                bool embedded) const;

  EnterpriseRepository& repo_;
  OrgRepository& org_;
  const std::shared_ptr<const IndustryTable> embedded_industries_;
  mutable std::mutex industries_mu_;      // guards industries_ and industries_imported_
  mutable std::mutex industries_write_mu_;  // one import at a time (check, store, swap)
  mutable std::shared_ptr<const IndustryTable> industries_;
  mutable bool industries_imported_ = false;
  const LeadingGroupMapping mapping_;
  const std::vector<ReportField> fields_;
  const std::function<Date()> today_;
};

}  // namespace parkhq::enterprise
