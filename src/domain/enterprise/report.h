// 企业月报 the enterprise monthly report: its field list and its validation rules, both as data.
//
// The field list and the rules are configuration (stored per park, edited by park admins); the
// defaults below are the seed. Values are plain numbers in each field's unit; a field that is not
// in a FieldValues map was not reported (which is different from 0).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace parkhq::enterprise {

struct ReportField {
  std::string code;     // API name, e.g. "value_added" (lower-case identifier)
  std::string name_zh;  // 工业增加值
  std::string unit;     // 万元
  bool required = false;      // must be reported before submission
  bool non_negative = false;  // the seeded rules add "<code> >= 0" for these
};

// The default fields (issue 5 item 2): output 工业总产值 万元, revenue 营业收入 万元, value_added
// 工业增加值 万元, tax 税收 万元, profit 利润 万元 (may be negative), energy 综合能耗 吨标准煤,
// electricity 用电量 万千瓦时, employees 从业人员 人, rnd R&D经费 万元, emissions 主要污染物排放 吨.
// All required except rnd and emissions; all non-negative except profit.
std::vector<ReportField> DefaultReportFields();

// Checks a field list: codes are identifiers ([a-z][a-z0-9_]*, at most 40 characters), unique, not
// a reserved word of the rule language (last_month, last_year, abs); names non-empty. Failure:
// Status::Validation with details "fields[N].code" / "fields[N].name_zh" (N 0-based).
Status ValidateReportFields(const std::vector<ReportField>& fields);

// The field with that code, or nullptr.
const ReportField* FindField(const std::vector<ReportField>& fields, std::string_view code);

using FieldValues = std::map<std::string, double, std::less<>>;

// --- validation rules (DHIS2-like) ---------------------------------------------------------------

// The comparison a rule requires to HOLD for valid data. kWithinPct: |left - right| <= threshold_pct
// percent of |right|, i.e. the rule is violated when the change from right to left exceeds
// threshold_pct percent ("pct_change_gt" read as the violation).
enum class RuleOperator { kLt, kLe, kEq, kNe, kGe, kGt, kWithinPct };
enum class Severity { kError, kWarning };

// "<" "<=" "==" "!=" ">=" ">" "within_pct"
const char* RuleOperatorSymbol(RuleOperator op);
std::optional<RuleOperator> ParseRuleOperator(std::string_view s);
// "error" | "warning"
const char* SeverityName(Severity s);
std::optional<Severity> ParseSeverity(std::string_view s);

struct ValidationRule {
  std::string code;     // unique key, e.g. "value_added_le_output"
  std::string name;     // 工业增加值不大于工业总产值
  std::string when;     // optional precondition "expr cmp expr"; the rule applies only when it holds
  std::string left;     // expression, e.g. "value_added"
  RuleOperator op = RuleOperator::kLe;
  std::string right;    // expression, e.g. "output"
  double threshold_pct = 0;  // only for kWithinPct
  Severity severity = Severity::kError;
  std::string message;  // Chinese text shown to the reporter
  std::string field;    // field the message is shown next to; empty = first field in left, then right
  bool enabled = true;
};

// The seeded rules for a field list (docs/enterprises.md):
//   value_added_le_output  value_added <= output                                  error
//   non_negative.<code>    <code> >= 0, one per non_negative field                error
//   revenue_yoy_50         revenue within_pct 50 of last_year.revenue             warning
//   energy_when_output     when output > 0: energy > 0                            warning
// Rules whose fields are not in `fields` are left out.
std::vector<ValidationRule> DefaultValidationRules(const std::vector<ReportField>& fields);

}  // namespace parkhq::enterprise
