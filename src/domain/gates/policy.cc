#include "domain/gates/policy.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "domain/enterprise/enterprise.h"

namespace parkhq::gates {
namespace {

bool IsFieldCode(const std::string& s) {
  if (s.empty() || s.size() > 40 || !std::islower(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool IsPrefix(const std::string& s) {
  if (s.empty() || s.size() > 10) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

void CheckCriterion(const Criterion& c, const std::string& f, std::vector<FieldError>& errs) {
  const auto& flags = enterprise::KnownFlags();
  switch (c.kind) {
    case CriterionKind::kFlag:
      if (std::find(flags.begin(), flags.end(), c.code) == flags.end())
        errs.push_back({f + ".code", "未知的企业认定类别"});
      return;
    case CriterionKind::kAboveScale: return;
    case CriterionKind::kRatio:
      if (!IsFieldCode(c.code2)) errs.push_back({f + ".code2", "比值的分母应为报表字段代码"});
      [[fallthrough]];
    case CriterionKind::kFigure:
      if (!IsFieldCode(c.code)) errs.push_back({f + ".code", "应为报表字段代码（小写字母开头）"});
      break;
    case CriterionKind::kIndustry:
      if (c.prefixes.empty() || c.prefixes.size() > 50 || !std::all_of(c.prefixes.begin(), c.prefixes.end(), IsPrefix))
        errs.push_back({f + ".prefixes", "行业代码前缀应为1至50个字母数字代码"});
      return;
    case CriterionKind::kEmployees: break;
  }
  if (!std::isfinite(c.value) || std::fabs(c.value) > 1e9) errs.push_back({f + ".value", "阈值应为有限数值"});
}

}  // namespace

const char* CriterionKindCode(CriterionKind k) {
  switch (k) {
    case CriterionKind::kFlag: return "flag";
    case CriterionKind::kAboveScale: return "above_scale";
    case CriterionKind::kFigure: return "figure";
    case CriterionKind::kRatio: return "ratio";
    case CriterionKind::kIndustry: return "industry";
    case CriterionKind::kEmployees: return "employees";
  }
  return "flag";
}

std::optional<CriterionKind> ParseCriterionKind(std::string_view s) {
  for (auto k : {CriterionKind::kFlag, CriterionKind::kAboveScale, CriterionKind::kFigure, CriterionKind::kRatio,
                 CriterionKind::kIndustry, CriterionKind::kEmployees})
    if (s == CriterionKindCode(k)) return k;
  return std::nullopt;
}

const char* CompareOpCode(CompareOp op) {
  switch (op) {
    case CompareOp::kGe: return "ge";
    case CompareOp::kGt: return "gt";
    case CompareOp::kLe: return "le";
    case CompareOp::kLt: return "lt";
  }
  return "ge";
}

const char* CompareOpSymbol(CompareOp op) {
  switch (op) {
    case CompareOp::kGe: return "≥";
    case CompareOp::kGt: return ">";
    case CompareOp::kLe: return "≤";
    case CompareOp::kLt: return "<";
  }
  return "≥";
}

std::optional<CompareOp> ParseCompareOp(std::string_view s) {
  for (auto op : {CompareOp::kGe, CompareOp::kGt, CompareOp::kLe, CompareOp::kLt})
    if (s == CompareOpCode(op)) return op;
  return std::nullopt;
}

bool Compare(double lhs, CompareOp op, double rhs) {
  constexpr double kEps = 1e-9;
  switch (op) {
    case CompareOp::kGe: return lhs >= rhs - kEps;
    case CompareOp::kGt: return lhs > rhs + kEps;
    case CompareOp::kLe: return lhs <= rhs + kEps;
    case CompareOp::kLt: return lhs < rhs - kEps;
  }
  return false;
}

Status ValidatePolicy(const Policy& p) {
  std::vector<FieldError> errs;
  if (p.title.empty() || p.title.size() > 600) errs.push_back({"title", "政策名称不能为空且不超过200字"});
  if (p.issuer.size() > 300) errs.push_back({"issuer", "发布单位过长"});
  static const char* const kCategories[] = {"tax", "subsidy", "finance", "talent", "other"};
  if (std::find_if(std::begin(kCategories), std::end(kCategories), [&](const char* c) { return p.category == c; }) ==
      std::end(kCategories))
    errs.push_back({"category", "应为 tax、subsidy、finance、talent 或 other"});
  if (p.benefit.size() > 6000) errs.push_back({"benefit", "支持内容过长"});
  if (p.how_to_apply.size() > 6000) errs.push_back({"how_to_apply", "申报方式过长"});
  if (p.valid_from && p.valid_until && *p.valid_until < *p.valid_from)
    errs.push_back({"valid_until", "有效期止不能早于有效期起"});
  if (p.figures_year && (*p.figures_year < 2000 || *p.figures_year > 2100))
    errs.push_back({"figures_year", "数据年度应在2000至2100之间"});
  if (p.criteria.size() > kMaxCriteria) errs.push_back({"criteria", "条件过多"});
  for (size_t i = 0; i < p.criteria.size() && i < kMaxCriteria; ++i)
    CheckCriterion(p.criteria[i], "criteria[" + std::to_string(i) + "]", errs);
  if (!errs.empty()) return Status::Validation("政策信息有误，请检查标出的字段", std::move(errs));
  return Status::Ok();
}

Status ValidateApplication(const Application& a, Date today) {
  std::vector<FieldError> errs;
  static const char* const kStatuses[] = {"applied", "approved", "rejected", "paid"};
  if (std::find_if(std::begin(kStatuses), std::end(kStatuses), [&](const char* c) { return a.status == c; }) ==
      std::end(kStatuses))
    errs.push_back({"status", "应为 applied、approved、rejected 或 paid"});
  if (a.applied_on > today) errs.push_back({"applied_on", "申报日期不能晚于今天"});
  if (a.amount && (!std::isfinite(*a.amount) || *a.amount < 0 || *a.amount > 1e7))
    errs.push_back({"amount", "兑现金额应在0至10000000万元之间"});
  if (a.status == "paid") {
    if (!a.amount) errs.push_back({"amount", "已兑现须填写兑现金额"});
    if (!a.paid_on) errs.push_back({"paid_on", "已兑现须填写兑现日期"});
  }
  if (a.paid_on && (*a.paid_on < a.applied_on || *a.paid_on > today))
    errs.push_back({"paid_on", "兑现日期应在申报日期与今天之间"});
  if (a.note.size() > 1000) errs.push_back({"note", "备注过长"});
  if (!errs.empty()) return Status::Validation("申报信息有误，请检查标出的字段", std::move(errs));
  return Status::Ok();
}

std::vector<PolicyYearSum> SumByPolicyYear(const std::vector<Application>& apps) {
  std::map<std::pair<int64_t, int>, PolicyYearSum> sums;
  auto at = [&](const Application& a, int year) -> PolicyYearSum& {
    auto& s = sums[{a.policy_id, year}];
    s.policy_id = a.policy_id;
    s.policy_title = a.policy_title;
    s.year = year;
    return s;
  };
  for (const auto& a : apps) {
    at(a, a.applied_on.year).applications++;
    if (a.status == "paid" && a.paid_on) {
      auto& s = at(a, a.paid_on->year);
      s.paid++;
      s.amount += a.amount.value_or(0);
    }
  }
  std::vector<PolicyYearSum> out;
  for (auto& [k, v] : sums) out.push_back(std::move(v));
  return out;
}

}  // namespace parkhq::gates
