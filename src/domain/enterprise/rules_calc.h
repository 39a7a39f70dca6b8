// Checking a monthly report against its field list and validation rules.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"
#include "domain/enterprise/report.h"
#include "domain/enterprise/rule_expr.h"

namespace parkhq::enterprise {

// A rule with its expressions parsed. Build with CompileRules; immutable afterwards.
struct CompiledRule {
  ValidationRule rule;
  std::optional<Condition> when;
  Expr left;
  Expr right;
  std::string field;  // where findings are shown: rule.field, or the first current-period field
};

// Validates and parses a rule set against a field list: code non-empty and unique, name and message
// non-empty, threshold_pct >= 0 for within_pct, `field` (when set) a known field, expressions parse
// and reference only known fields. Failure: Status::Validation with details "rules[N].<attribute>"
// (N 0-based; parse errors name the character position). Disabled rules are validated but left out.
StatusOr<std::vector<CompiledRule>> CompileRules(const std::vector<ValidationRule>& rules,
                                                 const std::vector<ReportField>& fields);

// One message shown next to a field.
struct Finding {
  std::string rule_code;  // "" for field-list checks (required, unknown field, not finite)
  std::string field;      // API field path: "values.output" or "explanations.revenue"
  std::string message;    // Chinese
};

struct Warning {
  std::string rule_code;
  std::string field;                       // field code, e.g. "revenue"
  std::string message;
  std::optional<std::string> explanation;  // the reporter's written explanation, when given
};

struct ReportCheck {
  std::vector<Finding> errors;    // block submission
  std::vector<Warning> warnings;  // every warning, explained or not
  std::vector<std::string> skipped_rules;  // rule codes not applied because an operand was missing
  bool CanSubmit() const { return errors.empty(); }
  // OK when submittable; otherwise Status::Validation("月报有N处错误", details from errors).
  Status ToStatus() const;
};

// The report being checked and the reports it is compared with.
struct ReportInput {
  FieldValues values;                       // this period's values
  std::map<std::string, std::string> explanations;  // field code -> written explanation
  const FieldValues* last_month = nullptr;  // previous month's report, if any
  const FieldValues* last_year = nullptr;   // same month last year, if any
};

// Checks a report:
//  1. a value for a code not in `fields`          -> error values.<code> "未知字段"
//  2. a value that is not a finite number          -> error values.<code> "数值无效"
//  3. a required field without a value             -> error values.<code> "<name>为必填项"
//  4. each rule (in order): when `when` is false the rule does not apply; when any operand of
//     `when`, left or right is undefined (missing value, division by zero, within_pct against 0)
//     the rule is skipped and listed in skipped_rules; when `left op right` does not hold:
//       error   -> errors   values.<field>        rule message
//       warning -> warnings; and if explanations[field] is missing or blank, also
//                  an error explanations.<field> "需要填写说明：" + rule message.
// A field with several warnings needs one explanation.
ReportCheck CheckReport(const ReportInput& input, const std::vector<ReportField>& fields,
                        const std::vector<CompiledRule>& rules);

}  // namespace parkhq::enterprise
