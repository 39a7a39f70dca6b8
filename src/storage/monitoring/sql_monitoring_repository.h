// MonitoringRepository in portable SQL (tables of 0001_core.sql and 0010_monitoring.sql).
#pragma once
#include "domain/monitoring/monitoring_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlMonitoringRepository final : public monitoring::MonitoringRepository {
 public:
  explicit SqlMonitoringRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<monitoring::Indicator>> ListIndicators() override;
  Status CreateIndicator(const monitoring::Indicator& ind, const Scope& who) override;
  Status UpdateIndicator(const monitoring::Indicator& ind, const Scope& who) override;
  StatusOr<std::map<int64_t, monitoring::YearTargets>> ListTargets(const std::vector<int64_t>& park_ids,
                                                                   int year) override;
  Status PutTargets(int64_t park_id, int year, const monitoring::YearTargets& targets, const Scope& who) override;
  StatusOr<std::vector<monitoring::StoredValue>> ListValues(const std::vector<int64_t>& park_ids, int from_year,
                                                            int to_year) override;
  StatusOr<std::map<int64_t, std::vector<monitoring::MonthState>>> ListMonthStates(
      const std::vector<int64_t>& park_ids, int from_year, int to_year) override;
  Status WriteValues(int64_t park_id, Period period, const std::vector<monitoring::ValueChange>& changes,
                     const std::string& reason, const Scope& who) override;
  Status WriteMonths(int64_t park_id, const std::vector<monitoring::MonthChanges>& months, const std::string& reason,
                     const Scope& who) override;
  StatusOr<monitoring::MonthState> SetMonthState(int64_t park_id, Period period,
                                                 const std::vector<monitoring::SubmissionState>& from,
                                                 monitoring::SubmissionState next, const std::string& action,
                                                 const std::string& reason, const Scope& who) override;
  StatusOr<std::optional<Period>> LatestPeriod(const std::vector<int64_t>& park_ids) override;
  StatusOr<monitoring::HistoryPage> ListHistory(int64_t park_id, const monitoring::HistoryFilter& f) override;
  StatusOr<std::map<std::string, std::string>> GetSettings(int64_t park_id) override;
  Status PutSettings(int64_t park_id, const std::map<std::string, std::string>& kv, const Scope& who) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
