#include "domain/gates/policy_service.h"

#include <algorithm>

#include "domain/notify/notification_service.h"

namespace parkhq::gates {
namespace {

const char kNotFound[] = "政策不存在或无权访问";
const char kAppNotFound[] = "申报记录不存在或无权访问";

bool IsEnterprise(const Scope& s) { return s.role == Role::kEnterprise; }

}  // namespace

StatusOr<bool> PolicyService::Fits(const Policy& p, int64_t enterprise_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto facts, repo_.Facts(p.park_id, enterprise_id, FiguresYear(p, Today())));
  return !MatchPolicy(p, facts, Today()).empty();
}

StatusOr<Policy> PolicyService::Readable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.FindPolicy(id));
  if (!p) return Status::NotFound(kNotFound);
  if (IsEnterprise(s)) {
    if (!s.enterprise_id) return Status::NotFound(kNotFound);
    PARKHQ_ASSIGN_OR_RETURN(bool fits, Fits(*p, *s.enterprise_id));
    if (!fits) return Status::NotFound(kNotFound);
    return *p;
  }
  if (!s.CanReadPark(p->park_id)) return Status::NotFound(kNotFound);
  return *p;
}

StatusOr<std::vector<Policy>> PolicyService::List(const Scope& s, std::optional<int64_t> park_id) const {
  if (IsEnterprise(s)) {
    if (!s.enterprise_id) return std::vector<Policy>{};
    PARKHQ_ASSIGN_OR_RETURN(auto park, repo_.EnterprisePark(*s.enterprise_id));
    if (!park) return std::vector<Policy>{};
    PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.ListPolicies({*park}, false));
    std::vector<Policy> out;
    for (auto& p : all) {
      PARKHQ_ASSIGN_OR_RETURN(bool fits, Fits(p, *s.enterprise_id));
      if (fits) out.push_back(std::move(p));
    }
    return out;
  }
  if (park_id) {
    if (!s.CanReadPark(*park_id)) return Status::NotFound("园区不存在或无权访问");
    return repo_.ListPolicies({*park_id}, false);
  }
  return repo_.ListPolicies(s.park_ids, s.all_parks);
}

StatusOr<Policy> PolicyService::Get(const Scope& s, int64_t id) const { return Readable(s, id); }

StatusOr<Policy> PolicyService::Create(const Scope& s, Policy p) const {
  if (s.read_only || IsEnterprise(s)) return Status::PermissionDenied("无权维护政策库");
  if (!s.CanAdminPark(p.park_id)) {
    if (s.role == Role::kDepartment) return Status::PermissionDenied("只有园区管理员可以维护政策库");
    return Status::FieldInvalid("park_id", "园区不存在或无权维护");
  }
  PARKHQ_RETURN_IF_ERROR(ValidatePolicy(p));
  p.id = 0;
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.SavePolicy(p, s));
  return Readable(s, id);
}

StatusOr<Policy> PolicyService::Update(const Scope& s, int64_t id, Policy p) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, Readable(s, id));
  if (s.read_only || !s.CanAdminPark(old.park_id)) return Status::PermissionDenied("只有园区管理员可以维护政策库");
  p.id = id;
  p.park_id = old.park_id;
  p.is_demo = old.is_demo;
  PARKHQ_RETURN_IF_ERROR(ValidatePolicy(p));
  PARKHQ_RETURN_IF_ERROR(repo_.SavePolicy(p, s).status());
  return Readable(s, id);
}

StatusOr<std::vector<PolicyMatch>> PolicyService::Matches(const Scope& s, int64_t id) const {
  if (IsEnterprise(s)) return Status::PermissionDenied("企业用户不能查看政策匹配名单");
  PARKHQ_ASSIGN_OR_RETURN(auto p, Readable(s, id));
  PARKHQ_ASSIGN_OR_RETURN(auto facts, repo_.Facts(p.park_id, std::nullopt, FiguresYear(p, Today())));
  return MatchPolicy(p, facts, Today());
}

StatusOr<PolicyService::NotifyResult> PolicyService::NotifyMatched(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Readable(s, id));
  if (s.read_only || !s.CanAdminPark(p.park_id)) return Status::PermissionDenied("只有园区管理员可以推送政策");
  PARKHQ_ASSIGN_OR_RETURN(auto matches, Matches(s, id));
  NotifyResult r;
  r.enterprises = static_cast<int>(matches.size());
  std::vector<int64_t> ids;
  for (const auto& m : matches) ids.push_back(m.enterprise_id);
  PARKHQ_ASSIGN_OR_RETURN(auto users, repo_.EnterpriseUsers(ids));
  if (notifier_ && !users.empty()) {
    notify::Notification n;
    n.park_id = p.park_id;
    n.kind = "notice";
    n.category = "policy";
    n.title = "惠企政策：" + p.title;
    n.body = p.benefit.substr(0, 500);
    n.link = "/gates/policies?id=" + std::to_string(p.id);
    n.dedup_key = "policy:" + std::to_string(p.id) + ":" + p.updated_at;
    PARKHQ_ASSIGN_OR_RETURN(r.notified, notifier_->Notify(users, n));
  }
  PARKHQ_RETURN_IF_ERROR(repo_.AuditNotice(p, r.enterprises, r.notified, s));
  return r;
}

StatusOr<std::vector<Application>> PolicyService::Applications(const Scope& s, std::optional<int64_t> park_id,
                                                               std::optional<int64_t> policy_id) const {
  if (IsEnterprise(s)) {
    if (!s.enterprise_id) return std::vector<Application>{};
    PARKHQ_ASSIGN_OR_RETURN(auto park, repo_.EnterprisePark(*s.enterprise_id));
    if (!park) return std::vector<Application>{};
    return repo_.ListApplications({*park}, false, s.enterprise_id, policy_id);
  }
  if (park_id) {
    if (!s.CanReadPark(*park_id)) return Status::NotFound("园区不存在或无权访问");
    return repo_.ListApplications({*park_id}, false, std::nullopt, policy_id);
  }
  return repo_.ListApplications(s.park_ids, s.all_parks, std::nullopt, policy_id);
}

StatusOr<Application> PolicyService::Apply(const Scope& s, int64_t policy_id, Application a) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Readable(s, policy_id));
  if (s.read_only) return Status::PermissionDenied("只读用户不能申报");
  if (IsEnterprise(s)) {
    a.enterprise_id = *s.enterprise_id;  // Readable: the policy fits this enterprise
    a.status = "applied";
    a.amount.reset();
    a.paid_on.reset();
  } else {
    if (!s.CanAdminPark(p.park_id)) return Status::PermissionDenied("只有园区管理员可以登记申报");
    PARKHQ_ASSIGN_OR_RETURN(auto park, repo_.EnterprisePark(a.enterprise_id));
    if (!park || *park != p.park_id) return Status::FieldInvalid("enterprise_id", "企业不存在或不属于政策所在园区");
  }
  a.id = 0;
  a.policy_id = p.id;
  a.park_id = p.park_id;
  if (a.applied_on == Date{}) a.applied_on = Today();
  PARKHQ_RETURN_IF_ERROR(ValidateApplication(a, Today()));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.SaveApplication(a, s));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.FindApplication(id));
  if (!saved) return Status::Internal("申报记录写入后读取失败");
  return *saved;
}

StatusOr<Application> PolicyService::UpdateApplication(const Scope& s, int64_t id, Application a) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindApplication(id));
  if (!old) return Status::NotFound(kAppNotFound);
  if (IsEnterprise(s)) {
    if (s.enterprise_id != old->enterprise_id) return Status::NotFound(kAppNotFound);
    return Status::PermissionDenied("申报结果与兑现由园区管理员登记");
  }
  if (!s.CanReadPark(old->park_id)) return Status::NotFound(kAppNotFound);
  if (s.read_only || !s.CanAdminPark(old->park_id)) return Status::PermissionDenied("申报结果与兑现由园区管理员登记");
  Application next = *old;
  next.status = a.status;
  next.amount = a.amount;
  next.paid_on = a.paid_on;
  next.note = a.note;
  PARKHQ_RETURN_IF_ERROR(ValidateApplication(next, Today()));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveApplication(next, s).status());
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.FindApplication(id));
  if (!saved) return Status::NotFound(kAppNotFound);
  return *saved;
}

StatusOr<std::vector<PolicyYearSum>> PolicyService::Sums(const Scope& s, int64_t park_id) const {
  if (IsEnterprise(s)) return Status::PermissionDenied("企业用户不能查看政策兑现汇总");
  PARKHQ_ASSIGN_OR_RETURN(auto apps, Applications(s, park_id, std::nullopt));
  return SumByPolicyYear(apps);
}

}  // namespace parkhq::gates
