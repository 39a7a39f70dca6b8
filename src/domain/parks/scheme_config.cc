// The park evaluation schemes as configuration: a sysadmin adds, changes or removes an indicator of a
// scheme; every change is checked here and audited by the repository.
#include <algorithm>
#include <cmath>

#include "domain/enterprise/rule_expr.h"
#include "domain/parks/parks_service.h"

namespace parkhq::parks {

namespace {

bool IsCode(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

StatusOr<EvalScheme> FindScheme(ParksRepository& repo, const std::string& code) {
  PARKHQ_ASSIGN_OR_RETURN(auto schemes, repo.ListSchemes());
  for (auto& s : schemes)
    if (s.code == code) return std::move(s);
  return Status::NotFound("评价方案不存在");
}

Status Sysadmin(const Scope& s) {
  if (!s.IsSysadmin() || s.read_only) return Status::PermissionDenied("只有系统管理员可以修改评价方案");
  return Status::Ok();
}

}  // namespace

StatusOr<EvalScheme> ParksService::PutSchemeIndicator(const Scope& s, const std::string& scheme_code,
                                                      EvalIndicator ind) const {
  PARKHQ_RETURN_IF_ERROR(Sysadmin(s));
  PARKHQ_ASSIGN_OR_RETURN(auto scheme, FindScheme(repo_, scheme_code));
  std::vector<FieldError> e;
  if (!IsCode(ind.code)) e.push_back({"code", "指标代码应为 1–40 个小写字母、数字或下划线"});
  if (ind.name.empty() || ind.name.size() > 200) e.push_back({"name", "名称不能为空，且不超过200字节"});
  if (std::find(scheme.categories.begin(), scheme.categories.end(), ind.category) == scheme.categories.end())
    e.push_back({"category", "应为该方案的类别之一"});
  if (ind.unit.size() > 40) e.push_back({"unit", "单位不超过40字节"});
  if (ind.source == "formula") {
    if (ind.formula.empty() || ind.formula.size() > 1000) e.push_back({"formula", "公式不能为空，且不超过1000字节"});
    else if (auto x = enterprise::Expr::Parse(ind.formula, nullptr, "formula"); !x.ok())
      e.push_back({"formula", "公式无法解析"});
  } else if (ind.source == "entered") {
    if (!IsCode(ind.formula)) e.push_back({"formula", "填报指标的变量代码应为小写字母、数字或下划线"});
  } else {
    e.push_back({"source", "应为 formula 或 entered"});
  }
  if (!std::isfinite(ind.weight) || ind.weight <= 0 || ind.weight > 100) e.push_back({"weight", "权重应大于0且不超过100"});
  if (ind.method == ScoringMethod::kRatio && (!ind.benchmark || !std::isfinite(*ind.benchmark) || *ind.benchmark <= 0))
    e.push_back({"benchmark", "比值法需要大于0的标杆值"});
  if (ind.benchmark && (!std::isfinite(*ind.benchmark) || std::fabs(*ind.benchmark) > 1e12))
    e.push_back({"benchmark", "标杆值无效"});
  if (!e.empty()) return Status::Validation("评价指标有误", e);
  auto old = std::find_if(scheme.indicators.begin(), scheme.indicators.end(),
                          [&](const EvalIndicator& x) { return x.code == ind.code; });
  if (old != scheme.indicators.end()) ind.sort = old->sort;
  else
    for (const auto& x : scheme.indicators) ind.sort = std::max(ind.sort, x.sort + 1);
  PARKHQ_RETURN_IF_ERROR(repo_.PutSchemeIndicator(s, scheme_code, ind));
  return FindScheme(repo_, scheme_code);
}

StatusOr<EvalScheme> ParksService::DeleteSchemeIndicator(const Scope& s, const std::string& scheme_code,
                                                         const std::string& code) const {
  PARKHQ_RETURN_IF_ERROR(Sysadmin(s));
  PARKHQ_ASSIGN_OR_RETURN(auto scheme, FindScheme(repo_, scheme_code));
  const bool known = std::any_of(scheme.indicators.begin(), scheme.indicators.end(),
                                 [&](const EvalIndicator& x) { return x.code == code; });
  if (!known) return Status::NotFound("评价指标不存在");
  if (scheme.indicators.size() == 1) return Status::Conflict("方案至少保留一个指标");
  PARKHQ_RETURN_IF_ERROR(repo_.DeleteSchemeIndicator(s, scheme_code, code));
  return FindScheme(repo_, scheme_code);
}

}  // namespace parkhq::parks
