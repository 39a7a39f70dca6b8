#include "domain/enterprise/report.h"

#include <set>

namespace parkhq::enterprise {
namespace {

bool IsIdentifier(std::string_view s) {
  if (s.empty() || s.size() > 40 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool HasField(const std::vector<ReportField>& fields, std::string_view code) {
  return FindField(fields, code) != nullptr;
}

}  // namespace

std::vector<ReportField> DefaultReportFields() {
  return {
      {"output", "工业总产值", "万元", true, true},
      {"revenue", "营业收入", "万元", true, true},
      {"value_added", "工业增加值", "万元", true, true},
      {"tax", "税收", "万元", true, true},
      {"profit", "利润", "万元", true, false},  // losses are negative
      {"energy", "综合能耗", "吨标准煤", true, true},
      {"electricity", "用电量", "万千瓦时", true, true},
      {"employees", "从业人员", "人", true, true},
      {"rnd", "R&D经费", "万元", false, true},
      {"emissions", "主要污染物排放", "吨", false, true},
  };
}

Status ValidateReportFields(const std::vector<ReportField>& fields) {
  static const std::set<std::string, std::less<>> kReserved = {"last_month", "last_year", "abs"};
  std::vector<FieldError> errors;
  std::set<std::string, std::less<>> seen;
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string prefix = "fields[" + std::to_string(i) + "].";
    const ReportField& f = fields[i];
    if (!IsIdentifier(f.code))
      errors.push_back({prefix + "code", "字段代码须以小写字母开头，仅含小写字母、数字和下划线，不超过40个字符"});
    else if (kReserved.count(f.code))
      errors.push_back({prefix + "code", "字段代码“" + f.code + "”是规则语言的保留字"});
    else if (!seen.insert(f.code).second)
      errors.push_back({prefix + "code", "字段代码重复：" + f.code});
    if (f.name_zh.empty()) errors.push_back({prefix + "name_zh", "字段名称不能为空"});
  }
  if (fields.empty()) errors.push_back({"fields", "至少需要一个字段"});
  if (!errors.empty()) return Status::Validation("月报字段配置有错误", std::move(errors));
  return Status::Ok();
}

const ReportField* FindField(const std::vector<ReportField>& fields, std::string_view code) {
  for (const ReportField& f : fields)
    if (f.code == code) return &f;
  return nullptr;
}

const char* RuleOperatorSymbol(RuleOperator op) {
  switch (op) {
    case RuleOperator::kLt: return "<";
    case RuleOperator::kLe: return "<=";
    case RuleOperator::kEq: return "==";
    case RuleOperator::kNe: return "!=";
    case RuleOperator::kGe: return ">=";
    case RuleOperator::kGt: return ">";
    case RuleOperator::kWithinPct: return "within_pct";
  }
  return "";
}

std::optional<RuleOperator> ParseRuleOperator(std::string_view s) {
  for (RuleOperator op : {RuleOperator::kLt, RuleOperator::kLe, RuleOperator::kEq, RuleOperator::kNe,
                          RuleOperator::kGe, RuleOperator::kGt, RuleOperator::kWithinPct})
    if (s == RuleOperatorSymbol(op)) return op;
  return std::nullopt;
}

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

std::optional<Severity> ParseSeverity(std::string_view s) {
  if (s == "error") return Severity::kError;
  if (s == "warning") return Severity::kWarning;
  return std::nullopt;
}

std::vector<ValidationRule> DefaultValidationRules(const std::vector<ReportField>& fields) {
  std::vector<ValidationRule> rules;
  if (HasField(fields, "value_added") && HasField(fields, "output"))
    rules.push_back({"value_added_le_output", "工业增加值不大于工业总产值", "", "value_added",
                     RuleOperator::kLe, "output", 0, Severity::kError, "工业增加值不能大于工业总产值",
                     "value_added", true});
  for (const ReportField& f : fields) {
    if (!f.non_negative) continue;
    rules.push_back({"non_negative." + f.code, f.name_zh + "不能为负数", "", f.code, RuleOperator::kGe,
                     "0", 0, Severity::kError, f.name_zh + "不能为负数", f.code, true});
  }
  if (HasField(fields, "revenue"))
    rules.push_back({"revenue_yoy_50", "营业收入同比变化不超过50%", "", "revenue", RuleOperator::kWithinPct,
                     "last_year.revenue", 50, Severity::kWarning,
                     "营业收入与上年同月相比变化超过50%，请核实并说明原因", "revenue", true});
  if (HasField(fields, "energy") && HasField(fields, "output"))
    rules.push_back({"energy_when_output", "有产值时综合能耗应大于0", "output > 0", "energy",
                     RuleOperator::kGt, "0", 0, Severity::kWarning,
                     "本月有工业总产值但综合能耗为0，请核实并说明原因", "energy", true});
  return rules;
}

}  // namespace parkhq::enterprise
