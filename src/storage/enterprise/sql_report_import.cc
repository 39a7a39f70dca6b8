// SqlEnterpriseRepository, part three: the bulk monthly-report import sink (one transaction, cached
// multi-row INSERTs). Split from sql_enterprise_repository.cc.
#include <memory>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {

using enterprise::ReportState;
using enterprise::StoredReport;
using sql_dates::DateValue;

namespace {

// One transaction on one borrowed connection for the whole import. Each report is one header row
// and one multi-row INSERT of its values (statements are prepared once per shape and cached).
class SqlReportImportSink : public enterprise::ReportImportSink {
 public:
  SqlReportImportSink(ConnectionHandle conn, int64_t park_id) : conn_(std::move(conn)), park_id_(park_id) {
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
  Status status() const { return tx_->status(); }

  Status Add(const StoredReport& r, bool replace) override {
    Connection& c = *conn_;
    const std::string period = r.period.ToString();
    if (replace) {
      PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM enterprise_report_values WHERE enterprise_id = ? AND period = ?",
                                    {r.enterprise_id, period})
                                 .status());
      PARKHQ_RETURN_IF_ERROR(
          c.Exec("DELETE FROM enterprise_reports WHERE enterprise_id = ? AND period = ?", {r.enterprise_id, period})
              .status());
    }
    PARKHQ_RETURN_IF_ERROR(
        c.Exec("INSERT INTO enterprise_reports(park_id, enterprise_id, period, state, explanations_json, "
               "first_submitted_on, submitted_at, reviewed_at, reviewed_by, return_reason, is_demo, updated_at) "
               "VALUES (?,?,?,?,'{}',?,?,?,?,'',0,?)",
               {r.park_id, r.enterprise_id, period, std::string(enterprise::ReportStateName(r.state)),
                DateValue(r.first_submitted_on), r.submitted_at, r.reviewed_at, r.reviewed_by, r.updated_at})
            .status());
    if (r.values.empty()) return Status::Ok();
    std::string sql = "INSERT INTO enterprise_report_values(park_id, enterprise_id, period, field, value) VALUES ";
    std::vector<Value> params;
    params.reserve(r.values.size() * 5);
    bool first = true;
    for (const auto& [field, value] : r.values) {
      sql += first ? "(?,?,?,?,?)" : ",(?,?,?,?,?)";
      first = false;
      params.insert(params.end(), {r.park_id, r.enterprise_id, period, field, value});
    }
    ++rows_;
    return c.Exec(sql, params).status();
  }

  Status Commit(const Scope& who, const std::string& summary) override {
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*conn_, who, "import", "enterprise_report", "", park_id_, "",
                                      "{\"rows\":" + std::to_string(rows_) + "}", summary));
    return tx_->Commit();
  }

 private:
  ConnectionHandle conn_;
  std::unique_ptr<Transaction> tx_;
  int64_t park_id_;
  int64_t rows_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<enterprise::ReportImportSink>> SqlEnterpriseRepository::BeginReportImport(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  auto sink = std::make_unique<SqlReportImportSink>(std::move(c), park_id);
  PARKHQ_RETURN_IF_ERROR(sink->status());
  return std::unique_ptr<enterprise::ReportImportSink>(std::move(sink));
}

}  // namespace parkhq::storage
