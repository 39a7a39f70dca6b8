// 惠企政策 (issue 15): a policy library whose conditions are structured criteria over an
// enterprise's flags and figures; applications and 兑现 (benefit received) per enterprise.
// Plain values and their validation. Matching is in policy_match_calc.h. docs/gates.md "惠企政策".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::gates {

// The criterion kinds (每类条件):
//  flag        持有认定 `code` (high_tech, tech_sme, specialized_sme, ...) valid in the figures year
//  above_scale 规上 (expect = true) or 规下 (expect = false)
//  figure      the year's approved sum of report field `code` (rnd, revenue, tax, output ...) op value
//  ratio       100 × sum(code) / sum(code2) op value (e.g. R&D经费/营业收入 ≥ 3 %)
//  industry    GB/T 4754 industry code starting with one of `prefixes`
//  employees   从业人员 of the registry record op value
enum class CriterionKind { kFlag, kAboveScale, kFigure, kRatio, kIndustry, kEmployees };
const char* CriterionKindCode(CriterionKind k);
std::optional<CriterionKind> ParseCriterionKind(std::string_view s);

enum class CompareOp { kGe, kGt, kLe, kLt };
const char* CompareOpCode(CompareOp op);    // ge | gt | le | lt
const char* CompareOpSymbol(CompareOp op);  // ≥ > ≤ <
std::optional<CompareOp> ParseCompareOp(std::string_view s);
bool Compare(double lhs, CompareOp op, double rhs);

struct Criterion {
  CriterionKind kind = CriterionKind::kFlag;
  std::string code;                   // flag code; figure field; ratio numerator field
  std::string code2;                  // ratio denominator field
  std::vector<std::string> prefixes;  // industry code prefixes
  bool expect = true;                 // above_scale
  CompareOp op = CompareOp::kGe;
  double value = 0;                   // 万元 (figure), % (ratio), persons (employees)
};

inline constexpr size_t kMaxCriteria = 20;

struct Policy {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string title;
  std::string issuer;                 // 发布单位
  std::string category = "subsidy";   // tax | subsidy | finance | talent | other
  std::string benefit;                // 支持内容
  std::string how_to_apply;           // 申报方式
  std::optional<Date> valid_from, valid_until;
  std::optional<int> figures_year;    // the year whose figures the criteria read (default: last year)
  std::vector<Criterion> criteria;    // all must hold
  bool is_demo = false;
  std::string created_at, updated_at;
};

// Field checks (422): "title" (1..200), "issuer" (..100), "category", "benefit"/"how_to_apply"
// (..2000), "valid_until" not before "valid_from", "figures_year" in 2000..2100, and per criterion
// "criteria[i].kind|code|code2|prefixes|value" (known flag codes; field codes lower-case
// identifiers; finite values with |v| ≤ 1e9; at most kMaxCriteria criteria).
Status ValidatePolicy(const Policy& p);

// Applications (申报) and 兑现: applied → approved | rejected; approved → paid (amount, date).
struct Application {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t policy_id = 0;
  int64_t enterprise_id = 0;
  std::string policy_title, enterprise_name;  // read only (joined)
  Date applied_on;
  std::string status = "applied";  // applied | approved | rejected | paid
  std::optional<double> amount;    // 兑现金额, 万元
  std::optional<Date> paid_on;     // 兑现日期
  std::string note;
  bool is_demo = false;
  std::string created_at, updated_at;
};

// "status" known; paid needs "amount" (finite, 0..1e7 万元) and "paid_on" (not before applied_on,
// not after today); "applied_on" not after today; "note" ≤ 1000.
Status ValidateApplication(const Application& a, Date today);

// 兑现 summed per policy and year (the year of paid_on; applications by applied_on's year).
struct PolicyYearSum {
  int64_t policy_id = 0;
  std::string policy_title;
  int year = 0;
  int applications = 0;
  int paid = 0;
  double amount = 0;  // 万元
};
std::vector<PolicyYearSum> SumByPolicyYear(const std::vector<Application>& apps);

}  // namespace parkhq::gates
