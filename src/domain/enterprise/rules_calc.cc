#include "domain/enterprise/rules_calc.h"

#include <cmath>
#include <set>

namespace parkhq::enterprise {
namespace {

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string FirstCurrentField(const Expr& a, const Expr& b) {
  for (const Expr* e : {&a, &b})
    for (const FieldRef& r : e->refs())
      if (r.period == PeriodRef::kCurrent) return r.field;
  return "";
}

}  // namespace

StatusOr<std::vector<CompiledRule>> CompileRules(const std::vector<ValidationRule>& rules,
                                                 const std::vector<ReportField>& fields) {
  std::vector<FieldError> errors;
  std::vector<CompiledRule> out;
  std::set<std::string> codes;
  for (size_t i = 0; i < rules.size(); ++i) {
    const ValidationRule& r = rules[i];
    const std::string prefix = "rules[" + std::to_string(i) + "].";
    auto add = [&errors, &prefix](const std::string& attr, std::string msg) {
      errors.push_back({prefix + attr, std::move(msg)});
    };
    auto add_status = [&errors](const Status& st) {
      for (const FieldError& e : st.details()) errors.push_back(e);
    };
    if (r.code.empty()) add("code", "规则代码不能为空");
    else if (!codes.insert(r.code).second) add("code", "规则代码重复：" + r.code);
    if (r.name.empty()) add("name", "规则名称不能为空");
    if (r.message.empty()) add("message", "提示信息不能为空");
    if (r.op == RuleOperator::kWithinPct && !(r.threshold_pct >= 0 && std::isfinite(r.threshold_pct)))
      add("threshold_pct", "百分比阈值须为不小于0的数");
    if (!r.field.empty() && FindField(fields, r.field) == nullptr) add("field", "未知字段“" + r.field + "”");
    CompiledRule c{r, std::nullopt, Expr(), Expr(), r.field};
    bool parsed = true;
    if (!r.when.empty()) {
      StatusOr<Condition> when = Condition::Parse(r.when, &fields, prefix + "when");
      if (when.ok()) c.when = std::move(when).value();
      else { add_status(when.status()); parsed = false; }
    }
    StatusOr<Expr> left = Expr::Parse(r.left, &fields, prefix + "left");
    if (left.ok()) c.left = std::move(left).value();
    else { add_status(left.status()); parsed = false; }
    StatusOr<Expr> right = Expr::Parse(r.right, &fields, prefix + "right");
    if (right.ok()) c.right = std::move(right).value();
    else { add_status(right.status()); parsed = false; }
    if (!parsed) continue;
    if (c.field.empty()) c.field = FirstCurrentField(c.left, c.right);
    if (c.field.empty()) add("field", "规则未引用本期字段时须指定提示字段");
    if (r.enabled) out.push_back(std::move(c));
  }
  if (!errors.empty()) return Status::Validation("校验规则有错误", std::move(errors));
  return out;
}

Status ReportCheck::ToStatus() const {
  if (errors.empty()) return Status::Ok();
  std::vector<FieldError> details;
  for (const Finding& f : errors) details.push_back({f.field, f.message});
  return Status::Validation("月报有" + std::to_string(errors.size()) + "处错误", std::move(details));
}

ReportCheck CheckReport(const ReportInput& input, const std::vector<ReportField>& fields,
                        const std::vector<CompiledRule>& rules) {
  ReportCheck check;
  // One lookup per configured field; values for codes outside the list are looked for only when
  // some value was not matched (the common case has none).
  size_t matched = 0;
  for (const ReportField& f : fields) {
    auto it = input.values.find(f.code);
    if (it != input.values.end()) {
      ++matched;
      if (!std::isfinite(it->second)) check.errors.push_back({"", "values." + f.code, "数值无效"});
    } else if (f.required) {
      check.errors.push_back({"", "values." + f.code, f.name_zh + "为必填项"});
    }
  }
  if (matched != input.values.size())
    for (const auto& [code, value] : input.values)
      if (FindField(fields, code) == nullptr) check.errors.push_back({"", "values." + code, "未知字段“" + code + "”"});

  EvalContext ctx{&input.values, input.last_month, input.last_year};
  std::set<std::string> explanation_missing;  // one error per field
  for (const CompiledRule& c : rules) {
    if (c.when) {
      std::optional<bool> applies = c.when->Evaluate(ctx);
      if (!applies) { check.skipped_rules.push_back(c.rule.code); continue; }
      if (!*applies) continue;
    }
    std::optional<double> l = c.left.Evaluate(ctx);
    std::optional<double> r = c.right.Evaluate(ctx);
    std::optional<bool> holds;
    if (l && r) holds = CompareValues(c.rule.op, *l, *r, c.rule.threshold_pct);
    if (!holds) { check.skipped_rules.push_back(c.rule.code); continue; }
    if (*holds) continue;
    if (c.rule.severity == Severity::kError) {
      check.errors.push_back({c.rule.code, "values." + c.field, c.rule.message});
      continue;
    }
    Warning w{c.rule.code, c.field, c.rule.message, std::nullopt};
    auto it = input.explanations.find(c.field);
    if (it != input.explanations.end() && !IsBlank(it->second)) w.explanation = it->second;
    else if (explanation_missing.insert(c.field).second)
      check.errors.push_back({c.rule.code, "explanations." + c.field, "需要填写说明：" + c.rule.message});
    check.warnings.push_back(std::move(w));
  }
  return check;
}

}  // namespace parkhq::enterprise
