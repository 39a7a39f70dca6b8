#include "domain/gates/land_quota.h"

#include <cmath>
#include <cstdio>

namespace parkhq::gates {
namespace {

std::string Mu(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

QuotaUse ComputeQuotaUse(const LandQuota& q, const std::vector<LandAllocation>& allocations) {
  QuotaUse u;
  u.quota_mu = q.quota_mu;
  for (const auto& a : allocations) {
    u.allocated_mu += a.area_mu;
    if (!a.exception_reason.empty()) ++u.exceptions;
  }
  u.remaining_mu = u.quota_mu - u.allocated_mu;
  u.use_pct = u.quota_mu > 0 ? 100.0 * u.allocated_mu / u.quota_mu : 0;
  return u;
}

Status ValidateQuota(const LandQuota& q) {
  std::vector<FieldError> errs;
  if (!std::isfinite(q.quota_mu) || q.quota_mu < 0 || q.quota_mu > 1e6)
    errs.push_back({"quota_mu", "年度用地指标应在0至1000000亩之间"});
  if (q.note.size() > 1000) errs.push_back({"note", "备注过长"});
  if (!errs.empty()) return Status::Validation("用地计划信息有误，请检查标出的字段", std::move(errs));
  return Status::Ok();
}

Status CheckAllocation(const QuotaUse& use, const LandAllocation& a, bool by_admin, Date today) {
  std::vector<FieldError> errs;
  if (!std::isfinite(a.area_mu) || a.area_mu <= 0 || a.area_mu > 1e5)
    errs.push_back({"area_mu", "用地面积应大于0且不超过100000亩"});
  if (a.title.empty() || a.title.size() > 600) errs.push_back({"title", "用地项目名称不能为空且不超过200字"});
  if (a.allocated_on.year != a.year || a.allocated_on > today)
    errs.push_back({"allocated_on", "安排日期应在指标年度内且不晚于今天"});
  if (a.exception_reason.size() > 1000) errs.push_back({"exception_reason", "例外理由过长"});
  if (!errs.empty()) return Status::Validation("用地安排信息有误，请检查标出的字段", std::move(errs));
  // Compare in hundredths of a mu so that 0.1 + 0.2 fits a 0.3 remainder.
  const double after = std::round((use.remaining_mu - a.area_mu) * 100) / 100;
  if (after >= 0) return Status::Ok();
  if (a.exception_reason.empty())
    return Status::Conflict("规则「用地指标不得超用」：本次安排" + Mu(a.area_mu) + "亩，年度剩余" +
                            Mu(use.remaining_mu) + "亩（可由园区管理员登记例外并说明理由）");
  if (!by_admin) return Status::Conflict("只有园区管理员可以登记超出用地指标的例外");
  return Status::Ok();
}

}  // namespace parkhq::gates
