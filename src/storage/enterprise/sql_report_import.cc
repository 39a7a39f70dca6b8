// SqlEnterpriseRepository, part three: the bulk monthly-report import sink — one transaction on one
// borrowed connection; new reports (values as one JSON column) written by multi-row INSERTs,
// existing ones merged and revised one by one.
#include <algorithm>
#include <memory>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/report_values_json.h"
#include "storage/enterprise/sql_enterprise_internal.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {

using enterprise::ReportState;
using enterprise::StoredReport;
using sql_dates::DateValue;

namespace {

// The columns every report of one import shares are bound once per statement; each report adds
// (enterprise_id, period, values_json) to the VALUES list (column1..3 in both engines).
constexpr char kInsertHead[] =
    "INSERT INTO enterprise_reports(park_id, enterprise_id, period, state, values_json, explanations_json, "
    "first_submitted_on, submitted_at, reviewed_at, reviewed_by, return_reason, is_demo, updated_at) "
    "SELECT CAST(? AS BIGINT), v.column1, v.column2, ?, v.column3, '{}', ?, ?, ?, ?, '', 0, ? FROM (VALUES ";
constexpr size_t kSharedParams = 7;
constexpr size_t kParamsPerRow = 3;
constexpr size_t kBatchRows = 128;  // reports per INSERT statement
constexpr char kReason[] = "导入月报";

uint64_t Key(int64_t enterprise_id, Period p) {
  return (static_cast<uint64_t>(enterprise_id) << 20) | static_cast<uint64_t>(p.Index());
}

std::string InsertSql(size_t rows) {
  std::string sql = kInsertHead;
  for (size_t i = 0; i < rows; ++i) sql += i ? ",(?,?,?)" : "(CAST(? AS BIGINT),?,?)";
  return sql + ") AS v";
}

// New reports are buffered and written kBatchRows per multi-row INSERT (one statement, one
// bind/step/reset per batch instead of per report); reports that already exist (their keys are
// read when the transaction begins) are rewritten one by one.
class SqlReportImportSink : public enterprise::ReportImportSink {
 public:
  SqlReportImportSink(ConnectionHandle conn, int64_t park_id, Scope who)
      : conn_(std::move(conn)), park_id_(park_id), who_(std::move(who)) {
    // A bulk import is one large transaction: on SQLite a larger page cache for its duration keeps
    // dirty index pages from spilling to the WAL and being read back (engine tuning, not SQL
    // semantics; restored when the sink ends). Bounded: 64 MiB whatever the file size.
    if (conn_->engine() == Engine::kSqlite) (void)conn_->ExecScript("PRAGMA cache_size = -65536");
    tx_ = std::make_unique<Transaction>(*conn_);
  }
  ~SqlReportImportSink() override {
    tx_.reset();
    if (conn_->engine() == Engine::kSqlite) (void)conn_->ExecScript("PRAGMA cache_size = -2000");
  }

  // The keys of the park's existing reports (8 bytes each), read inside the transaction.
  Status Start() {
    PARKHQ_RETURN_IF_ERROR(tx_->status());
    std::vector<Value> params;
    enterprise_sql::AddParkParams(params, {park_id_});
    PARKHQ_RETURN_IF_ERROR(conn_->ForEach("SELECT r.enterprise_id, r.period FROM enterprise_reports r JOIN "
                                          "enterprises e ON e.id = r.enterprise_id WHERE " +
                                              enterprise_sql::ParkClause("e", 1),
                                          params, [&](const Row& row) {
                                            if (auto p = Period::Parse(row.Text(1))) existing_.push_back(Key(row.Int(0), *p));
                                            return true;
                                          }));
    std::sort(existing_.begin(), existing_.end());
    batch_.reserve(kSharedParams + kBatchRows * kParamsPerRow);
    return Status::Ok();
  }

  StatusOr<std::optional<StoredReport>> Existing(int64_t enterprise_id, Period period) override {
    if (!std::binary_search(existing_.begin(), existing_.end(), Key(enterprise_id, period)))
      return std::optional<StoredReport>();
    PARKHQ_ASSIGN_OR_RETURN(auto row, conn_->QueryOne(std::string("SELECT ") + enterprise_sql::kReportColumns +
                                                          " FROM enterprise_reports r WHERE r.enterprise_id = ? "
                                                          "AND r.period = ?",
                                                      {enterprise_id, period.ToString()}));
    if (!row) return std::optional<StoredReport>();
    return std::optional<StoredReport>(enterprise_sql::ToReport(*row));
  }

  Status Add(const StoredReport& r, const StoredReport* replaces) override {
    ++rows_;
    if (replaces) {
      ++replaced_;
      PARKHQ_RETURN_IF_ERROR(enterprise_sql::UpdateReportRow(*conn_, r, r.updated_at));
      return enterprise_sql::WriteRevisions(*conn_, replaces, r, who_, r.updated_at, kReason);
    }
    if (!r.explanations.empty() || !r.return_reason.empty() || r.is_demo)
      return Status::Internal("import: new reports are written without explanations, return reason or demo flag");
    if (!batch_.empty() && !SameShared(r)) PARKHQ_RETURN_IF_ERROR(Flush());
    if (batch_.empty()) {
      shared_ = r;
      shared_.values.clear();
      batch_.insert(batch_.end(), {r.park_id, std::string(enterprise::ReportStateName(r.state)),
                                   DateValue(r.first_submitted_on), r.submitted_at, r.reviewed_at, r.reviewed_by,
                                   r.updated_at});
    }
    std::string json;
    json.reserve(16 + r.values.size() * 24);
    AppendReportValues(r.values, json);
    batch_.insert(batch_.end(), {r.enterprise_id, r.period.ToString(), std::move(json)});
    if (batch_.size() == kSharedParams + kBatchRows * kParamsPerRow) PARKHQ_RETURN_IF_ERROR(Flush());
    return Status::Ok();
  }

  Status Commit(const std::string& summary) override {
    PARKHQ_RETURN_IF_ERROR(Flush());
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*conn_, who_, "import", "enterprise_report", "", park_id_, "",
                                      "{\"rows\":" + std::to_string(rows_) + ",\"replaced\":" +
                                          std::to_string(replaced_) + "}",
                                      summary));
    return tx_->Commit();
  }

 private:
  // Whether r shares the batch's common columns (always, for the reports of one import).
  bool SameShared(const StoredReport& r) const {
    return r.park_id == shared_.park_id && r.state == shared_.state &&
           r.first_submitted_on == shared_.first_submitted_on && r.submitted_at == shared_.submitted_at &&
           r.reviewed_at == shared_.reviewed_at && r.reviewed_by == shared_.reviewed_by &&
           r.updated_at == shared_.updated_at;
  }

  Status Flush() {
    if (batch_.empty()) return Status::Ok();
    const size_t rows = (batch_.size() - kSharedParams) / kParamsPerRow;
    if (rows == kBatchRows && full_batch_sql_.empty()) full_batch_sql_ = InsertSql(kBatchRows);
    Status s = conn_->Exec(rows == kBatchRows ? full_batch_sql_ : InsertSql(rows), batch_).status();
    batch_.clear();
    return s;
  }

  ConnectionHandle conn_;
  std::unique_ptr<Transaction> tx_;
  int64_t park_id_;
  Scope who_;
  std::vector<uint64_t> existing_;  // sorted Key()s
  std::vector<Value> batch_;        // the kSharedParams, then kParamsPerRow per buffered report
  StoredReport shared_;             // the shared columns of the buffered reports
  std::string full_batch_sql_;
  int64_t rows_ = 0, replaced_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<enterprise::ReportImportSink>> SqlEnterpriseRepository::BeginReportImport(
    int64_t park_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  auto sink = std::make_unique<SqlReportImportSink>(std::move(c), park_id, who);
  PARKHQ_RETURN_IF_ERROR(sink->Start());
  return std::unique_ptr<enterprise::ReportImportSink>(std::move(sink));
}

}  // namespace parkhq::storage
