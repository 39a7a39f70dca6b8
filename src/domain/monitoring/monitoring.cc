#include "domain/monitoring/monitoring.h"

#include <cmath>
#include <cstdlib>

#include "domain/monitoring/figures_source.h"

namespace parkhq::monitoring {
namespace {

constexpr std::string_view kSourcePrefix = "monitoring.source.";
constexpr std::string_view kUnitPrefix = "monitoring.unit.";

std::optional<double> ParseDouble(const std::string& s) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string FormatDouble(double v) {
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

const char* SubmissionStateName(SubmissionState s) {
  switch (s) {
    case SubmissionState::kNotStarted: return "not_started";
    case SubmissionState::kDraft: return "draft";
    case SubmissionState::kReturned: return "returned";
    case SubmissionState::kSubmitted: return "submitted";
    case SubmissionState::kApproved: return "approved";
  }
  return "not_started";
}

const char* SubmissionStateNameZh(SubmissionState s) {
  switch (s) {
    case SubmissionState::kNotStarted: return "未填报";
    case SubmissionState::kDraft: return "填报中";
    case SubmissionState::kReturned: return "已退回";
    case SubmissionState::kSubmitted: return "已提交";
    case SubmissionState::kApproved: return "已审核";
  }
  return "";
}

std::optional<SubmissionState> ParseSubmissionState(std::string_view s) {
  for (auto st : {SubmissionState::kNotStarted, SubmissionState::kDraft, SubmissionState::kReturned,
                  SubmissionState::kSubmitted, SubmissionState::kApproved})
    if (s == SubmissionStateName(st)) return st;
  return std::nullopt;
}

bool IsEditable(SubmissionState s) {
  return s == SubmissionState::kNotStarted || s == SubmissionState::kDraft ||
         s == SubmissionState::kReturned;
}

std::optional<MonthAction> ParseMonthAction(std::string_view s) {
  if (s == "submit") return MonthAction::kSubmit;
  if (s == "approve") return MonthAction::kApprove;
  if (s == "return") return MonthAction::kReturn;
  if (s == "unlock") return MonthAction::kUnlock;
  return std::nullopt;
}

MonitoringSettings SettingsFromPairs(const std::map<std::string, std::string>& kv) {
  MonitoringSettings s;
  s.units.default_unit = "工业园区";
  for (const auto& [k, v] : kv) {
    if (k == "monitoring.yellow_band") {
      if (auto d = ParseDouble(v)) s.thresholds.yellow_band = *d;
    } else if (k == "monitoring.deadline_day") {
      if (auto d = ParseDouble(v)) s.warnings.deadline_day = static_cast<int>(*d);
    } else if (k == "monitoring.swing_threshold_pct") {
      if (auto d = ParseDouble(v)) s.warnings.swing_threshold_pct = *d;
    } else if (k == "monitoring.include_yellow") {
      s.warnings.include_yellow = v != "0" && v != "false";
    } else if (k == "monitoring.unit") {
      if (!v.empty()) s.units.default_unit = v;
    } else if (StartsWith(k, kSourcePrefix)) {
      s.sources[k.substr(kSourcePrefix.size())] = v;
    } else if (StartsWith(k, kUnitPrefix)) {
      if (!v.empty()) s.units.by_indicator[k.substr(kUnitPrefix.size())] = v;
    }
  }
  return s;
}

Status ValidateSettings(const MonitoringSettings& s, const std::vector<Indicator>& catalog) {
  std::vector<FieldError> errors;
  if (!ValidateThresholds(s.thresholds).ok()) errors.push_back({"yellow_band", "黄色区间须为不小于0的数字"});
  const Status warning_status = ValidateWarningSettings(s.warnings);
  for (const auto& d : warning_status.details()) errors.push_back(d);
  for (const auto& [code, src] : s.sources) {
    if (!FindIndicator(catalog, code)) errors.push_back({"sources." + code, "未知指标：" + code});
    else if (src != kSourceDirect && src != kSourceEnterpriseReports && src != kSourceProjects)
      errors.push_back({"sources." + code, "数据来源须为 direct、enterprise_reports 或 projects"});
  }
  for (const auto& [code, unit] : s.units.by_indicator)
    if (!FindIndicator(catalog, code)) errors.push_back({"responsible_units." + code, "未知指标：" + code});
  if (s.units.default_unit.empty() || s.units.default_unit.size() > 100)
    errors.push_back({"default_unit", "请填写责任单位（最多100字节）"});
  if (errors.empty()) return Status::Ok();
  return Status::Validation("监测设置有误", std::move(errors));
}

std::map<std::string, std::string> SettingsToPairs(const MonitoringSettings& s) {
  std::map<std::string, std::string> kv;
  kv["monitoring.yellow_band"] = FormatDouble(s.thresholds.yellow_band);
  kv["monitoring.deadline_day"] = std::to_string(s.warnings.deadline_day);
  kv["monitoring.swing_threshold_pct"] = FormatDouble(s.warnings.swing_threshold_pct);
  kv["monitoring.include_yellow"] = s.warnings.include_yellow ? "1" : "0";
  kv["monitoring.unit"] = s.units.default_unit;
  for (const auto& [code, src] : s.sources) kv[std::string(kSourcePrefix) + code] = src;
  for (const auto& [code, unit] : s.units.by_indicator) kv[std::string(kUnitPrefix) + code] = unit;
  return kv;
}

}  // namespace parkhq::monitoring
