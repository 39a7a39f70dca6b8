// What the monitoring module needs from storage. Every write records its audit row (and, for
// values, its history rows) in the same transaction.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/monitoring/indicator.h"
#include "domain/monitoring/monitoring.h"
#include "domain/monitoring/target.h"

namespace parkhq::monitoring {

class MonitoringRepository {
 public:
  virtual ~MonitoringRepository() = default;

  // The catalog in display order.
  virtual StatusOr<std::vector<Indicator>> ListIndicators() = 0;
  // Conflict (field "code") when the code exists.
  virtual Status CreateIndicator(const Indicator& ind, const Scope& who) = 0;
  // NotFound when the code does not exist.
  virtual Status UpdateIndicator(const Indicator& ind, const Scope& who) = 0;

  // Targets of these parks for `year`, keyed by park id (parks without targets are absent).
  virtual StatusOr<std::map<int64_t, YearTargets>> ListTargets(const std::vector<int64_t>& park_ids,
                                                               int year) = 0;
  // Upserts each code given (other codes are kept).
  virtual Status PutTargets(int64_t park_id, int year, const YearTargets& targets, const Scope& who) = 0;

  // Stored values of these parks in years from_year..to_year.
  virtual StatusOr<std::vector<StoredValue>> ListValues(const std::vector<int64_t>& park_ids,
                                                        int from_year, int to_year) = 0;
  // Month states of these parks in years from_year..to_year, keyed by park id (no row = not started).
  virtual StatusOr<std::map<int64_t, std::vector<MonthState>>> ListMonthStates(
      const std::vector<int64_t>& park_ids, int from_year, int to_year) = 0;
  // Writes the changes with their history rows and audit row, and moves a not-started month to
  // draft, in one transaction. Validation (field "period") when the month is no longer editable.
  virtual Status WriteValues(int64_t park_id, Period period, const std::vector<ValueChange>& changes,
                             const std::string& reason, const Scope& who) = 0;
  // The same for several months in ONE transaction (imports: all or nothing).
  virtual Status WriteMonths(int64_t park_id, const std::vector<MonthChanges>& months, const std::string& reason,
                             const Scope& who) = 0;
  // Moves the month to `next` when its current state is one of `from` (Conflict otherwise), with
  // the audit row (action = `action`).
  virtual StatusOr<MonthState> SetMonthState(int64_t park_id, Period period,
                                             const std::vector<SubmissionState>& from,
                                             SubmissionState next, const std::string& action,
                                             const std::string& reason, const Scope& who) = 0;
  // The latest month with a stored value among these parks, nullopt when none.
  virtual StatusOr<std::optional<Period>> LatestPeriod(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<HistoryPage> ListHistory(int64_t park_id, const HistoryFilter& f) = 0;

  // Settings of the park with the defaults (park 0) underneath.
  virtual StatusOr<std::map<std::string, std::string>> GetSettings(int64_t park_id) = 0;
  // Replaces the park's monitoring.* settings with `kv`.
  virtual Status PutSettings(int64_t park_id, const std::map<std::string, std::string>& kv,
                             const Scope& who) = 0;
};

}  // namespace parkhq::monitoring
