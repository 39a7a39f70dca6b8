// Value types of the monitoring use cases: monthly entries, the monthly report's state, the
// change history and the per-park settings. Plain values only.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "domain/monitoring/monitoring_calc.h"
#include "domain/monitoring/target.h"
#include "domain/monitoring/warnings_calc.h"

namespace parkhq::monitoring {

// "not_started" | "draft" | "submitted" | "approved" | "returned"
const char* SubmissionStateName(SubmissionState s);
// 未填报 | 填报中 | 已提交 | 已审核 | 已退回
const char* SubmissionStateNameZh(SubmissionState s);
std::optional<SubmissionState> ParseSubmissionState(std::string_view s);
// Values of a month may be changed (not started, draft, returned); submitted and approved are locked.
bool IsEditable(SubmissionState s);

// A park's monthly report (月报) and where it stands in 填报 → 提交 → 审核.
struct MonthState {
  Period period;
  SubmissionState state = SubmissionState::kNotStarted;
  std::optional<std::string> submitted_at, submitted_by, approved_at, approved_by;
  std::optional<std::string> reason;  // why it was returned or unlocked
};

// What a caller does to a month.
enum class MonthAction { kSubmit, kApprove, kReturn, kUnlock };
// "submit" | "approve" | "return" | "unlock"
std::optional<MonthAction> ParseMonthAction(std::string_view s);

// One stored monthly value.
struct StoredValue {
  int64_t park_id = 0;
  Period period;
  std::string code;
  double value = 0;
};

// The body of PUT indicator-values: figures of one month, as the month's amount or 1-N月累计.
// A value of nullopt clears the month's figure.
struct ValueEntry {
  Period period;
  bool cumulative = false;
  std::map<std::string, std::optional<double>, std::less<>> values;
  std::string reason;
};

// One change to write: old and new stored monthly value, and the figure as typed.
struct ValueChange {
  std::string code;
  std::optional<double> old_value;
  std::optional<double> new_value;  // nullopt deletes
  std::string mode;                 // month | cumulative
  std::optional<double> entered;
};

struct HistoryEntry {
  int64_t id = 0;
  Period period;
  std::string code;
  std::optional<double> old_value, new_value, entered;
  std::string mode;
  std::string at;
  std::string username;
  std::string reason;
};

struct HistoryFilter {
  std::optional<Period> period;
  std::optional<std::string> code;
  int64_t offset = 0;
  int64_t limit = 50;
};

struct HistoryPage {
  std::vector<HistoryEntry> items;
  int64_t total = 0;
};

// A table of monthly figures to import (XLSX/CSV, months × indicators): column 0 is the period
// (YYYY-MM), the other columns are headed by an indicator's code or name (a trailing "(unit)" or
// "（unit）" is ignored); a column headed 月报状态/状态 is ignored; empty cells are not imported.
struct ImportSheet {
  std::vector<std::string> headers;
  struct Row {
    int row = 0;  // 1-based row number in the file
    std::vector<std::string> cells;
  };
  std::vector<Row> rows;
  bool cumulative = false;
  std::string reason;
};

struct ImportResult {
  int months = 0;  // months written
  int values = 0;  // values changed
};

// One month's changes (a batch of a multi-month write).
struct MonthChanges {
  Period period;
  std::vector<ValueChange> changes;
};

// Per-park settings of the module (stored as key/value settings; park 0 holds the defaults).
struct MonitoringSettings {
  StatusThresholds thresholds;
  WarningSettings warnings;
  // "monitoring.source.<code>": direct | enterprise_reports | projects (default direct)
  std::map<std::string, std::string, std::less<>> sources;
  ResponsibleUnits units;
};

// Reads settings from key/value pairs (unknown keys ignored, malformed numbers keep the default).
MonitoringSettings SettingsFromPairs(const std::map<std::string, std::string>& kv);
// Checks a settings change; Validation with fields yellow_band, deadline_day, swing_threshold_pct,
// sources.<code>.
Status ValidateSettings(const MonitoringSettings& s, const std::vector<Indicator>& catalog);
// The key/value pairs of `s` (the inverse of SettingsFromPairs).
std::map<std::string, std::string> SettingsToPairs(const MonitoringSettings& s);

}  // namespace parkhq::monitoring
