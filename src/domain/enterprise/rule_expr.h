// The small, safe expression language of the report validation rules.
//
//   condition := expr compare expr                 compare: < <= == != >= >
//   expr      := term   (('+' | '-') term)*
//   term      := unary  (('*' | '/') unary)*
//   unary     := '-' unary | primary
//   primary   := number | ref | 'abs' '(' expr ')' | '(' expr ')'
//   ref       := field | 'last_month' '.' field | 'last_year' '.' field
//   number    := digits ['.' digits]
//
// `field` is a report field code; `last_month.x` is x in the previous month's report and
// `last_year.x` in the same month of last year. No other names, functions, loops or side effects.
// Expressions evaluate to a number, or to "undefined" when a referenced value is missing or a
// division by zero occurs; a rule with an undefined operand is skipped (docs/enterprises.md).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"
#include "domain/enterprise/report.h"

namespace parkhq::enterprise {

enum class PeriodRef { kCurrent, kLastMonth, kLastYear };

struct FieldRef {
  PeriodRef period = PeriodRef::kCurrent;
  std::string field;
  bool operator==(const FieldRef&) const = default;
};

// The values an expression reads. A null pointer means that period has no report.
struct EvalContext {
  const FieldValues* current = nullptr;
  const FieldValues* last_month = nullptr;
  const FieldValues* last_year = nullptr;
};

inline constexpr size_t kMaxExpressionLength = 1000;
inline constexpr int kMaxExpressionDepth = 50;

// A parsed expression: an immutable, copyable value.
class Expr {
 public:
  // Parses `text`. When `fields` is not null every referenced field must be in it. On failure
  // returns Status::FieldInvalid(error_field, "第N个字符处：...") with N the 1-based character
  // position of the problem (or a message for an empty / too long / too deeply nested text).
  static StatusOr<Expr> Parse(std::string_view text, const std::vector<ReportField>* fields,
                              const std::string& error_field);

  // The value, or nullopt when a referenced value is missing, a division by zero occurs, or the
  // result is not finite.
  std::optional<double> Evaluate(const EvalContext& ctx) const;

  // Every field reference, in order of appearance (duplicates kept).
  const std::vector<FieldRef>& refs() const { return refs_; }

 private:
  friend class ExprParser;
  enum class Kind { kNumber, kRef, kNeg, kAbs, kAdd, kSub, kMul, kDiv };
  struct Node {
    Kind kind = Kind::kNumber;
    double number = 0;  // kNumber
    int ref = -1;       // kRef: index into refs_
    int a = -1, b = -1; // operands: node indices
  };
  std::optional<double> EvalNode(int index, const EvalContext& ctx) const;

  std::vector<Node> nodes_;
  std::vector<FieldRef> refs_;
  int root_ = -1;
};

// The six comparisons (no within_pct), as used in a rule's `when`.
struct Condition {
  Expr left;
  RuleOperator op = RuleOperator::kGt;
  Expr right;

  // Parses "expr compare expr"; errors as Expr::Parse.
  static StatusOr<Condition> Parse(std::string_view text, const std::vector<ReportField>* fields,
                                   const std::string& error_field);
  // nullopt when either side is undefined.
  std::optional<bool> Evaluate(const EvalContext& ctx) const;
};

// Does `left op right` hold? Comparisons allow a relative tolerance of 1e-9 * max(1, |l|, |r|) so
// that decimal amounts compare as written (0.1 + 0.2 == 0.3). kWithinPct holds when
// |l - r| <= threshold_pct / 100 * |r|; it is undefined (nullopt) when r == 0.
std::optional<bool> CompareValues(RuleOperator op, double left, double right, double threshold_pct);

}  // namespace parkhq::enterprise
