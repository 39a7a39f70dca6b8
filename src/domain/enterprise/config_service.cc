// The per-park configuration part of EnterpriseService: the report field list, the filing
// deadline day, the cultivation pool rules, the leading-group mapping and the zombie months; and
// disposal updates.
#include <algorithm>

#include "domain/enterprise/enterprise_service.h"

namespace parkhq::enterprise {

StatusOr<int64_t> EnterpriseService::TopPark(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, org_.FindPark(park_id));
  if (!p) return Status::NotFound("园区不存在或无权访问");
  return p->parent_id.value_or(p->id);
}

StatusOr<int64_t> EnterpriseService::AdminPark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, ReadablePark(s, park_id));
  if (s.read_only || !s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以修改园区配置");
  return park.parent_id.value_or(park.id);
}

StatusOr<std::vector<ReportField>> EnterpriseService::FieldsFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, TopPark(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindReportFields(top));
  return stored && !stored->empty() ? *stored : fields_;
}

StatusOr<LeadingGroupMapping> EnterpriseService::MappingFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, TopPark(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindLeadingGroupRules(top));
  if (!stored) return mapping_;
  auto m = LeadingGroupMapping::Create(*stored, nullptr);
  return m.ok() ? *m : mapping_;
}

StatusOr<PoolsConfig> EnterpriseService::PoolsFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, TopPark(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindPoolsConfig(top));
  if (stored && ValidatePoolsConfig(*stored).ok()) return *stored;
  return DefaultPoolsConfig();
}

StatusOr<std::vector<ReportField>> EnterpriseService::ReportFieldsOf(const Scope& s, int64_t park_id) const {
  if (s.role != Role::kEnterprise) PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  else if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return FieldsFor(park_id);
}

Status EnterpriseService::SetReportFields(const Scope& s, int64_t park_id, const std::vector<ReportField>& fields) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, AdminPark(s, park_id));
  if (fields.empty()) return Status::FieldInvalid("fields", "至少需要一个填报字段");
  PARKHQ_RETURN_IF_ERROR(ValidateReportFields(fields));
  PARKHQ_ASSIGN_OR_RETURN(auto rules, repo_.ListRules(top));
  if (rules) {
    auto compiled = CompileRules(*rules, fields);
    if (!compiled.ok())
      return Status::Validation("园区校验规则仍引用被删除的字段，请先修改校验规则",
                                {{"fields", "校验规则引用了不在字段表中的字段：" + compiled.status().message()}});
  }
  return repo_.SaveReportFields(top, fields, s);
}

StatusOr<int> EnterpriseService::DeadlineDayOf(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, TopPark(park_id));
  return repo_.DeadlineDay(top);
}

Status EnterpriseService::SetDeadlineDay(const Scope& s, int64_t park_id, int day) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, AdminPark(s, park_id));
  if (day < 1 || day > 28) return Status::FieldInvalid("deadline_day", "报送截止日应为 1 到 28 之间的整数");
  return repo_.SaveDeadlineDay(top, day, s);
}

StatusOr<PoolsConfig> EnterpriseService::PoolsConfigOf(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  return PoolsFor(park_id);
}

Status EnterpriseService::SetPoolsConfig(const Scope& s, int64_t park_id, const PoolsConfig& config) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, AdminPark(s, park_id));
  PARKHQ_RETURN_IF_ERROR(ValidatePoolsConfig(config));
  for (size_t i = 0; i < config.flag_pools.size(); ++i)
    if (config.flag_pools[i].code == "reserve" || config.flag_pools[i].code == "watch")
      return Status::FieldInvalid("flag_pools[" + std::to_string(i) + "].code", "培育库代码与内置培育库重复");
  return repo_.SavePoolsConfig(top, config, s);
}

StatusOr<std::vector<LeadingGroupRule>> EnterpriseService::LeadingGroupRulesOf(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto m, MappingFor(park_id));
  return m.rules();
}

Status EnterpriseService::SetLeadingGroupRules(const Scope& s, int64_t park_id,
                                               const std::vector<LeadingGroupRule>& rules) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, AdminPark(s, park_id));
  PARKHQ_RETURN_IF_ERROR(LeadingGroupMapping::Create(rules, industries().get()).status());
  return repo_.SaveLeadingGroupRules(top, rules, s);
}

StatusOr<int> EnterpriseService::ZombieMonthsFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, TopPark(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindZombieMonths(top));
  ZombieRule rule;
  if (stored) rule.consecutive_months = *stored;
  return ValidateZombieRule(rule).ok() ? rule.consecutive_months : ZombieRule{}.consecutive_months;
}

StatusOr<int> EnterpriseService::ZombieMonthsOf(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  return ZombieMonthsFor(park_id);
}

Status EnterpriseService::SetZombieMonths(const Scope& s, int64_t park_id, int months) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, AdminPark(s, park_id));
  if (months < 1 || months > 60) return Status::FieldInvalid("months", "连续月数应为 1 到 60 之间的整数");
  return repo_.SaveZombieMonths(top, months, s);
}

StatusOr<DisposalRecord> EnterpriseService::GetDisposal(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto d, repo_.FindDisposal(id));
  if (!d) return Status::NotFound("处置记录不存在或无权访问");
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户不能查看处置记录");
  if (!s.CanReadPark(d->park_id)) return Status::NotFound("处置记录不存在或无权访问");
  return *d;
}

StatusOr<DisposalRecord> EnterpriseService::UpdateDisposal(const Scope& s, const DisposalRecord& r) const {
  PARKHQ_ASSIGN_OR_RETURN(auto cur, GetDisposal(s, r.id));
  if (s.read_only || !s.CanAdminPark(cur.park_id)) return Status::PermissionDenied("只有园区管理员可以修改处置措施");
  PARKHQ_RETURN_IF_ERROR(ValidateDisposal(r.disposal));
  DisposalRecord next = cur;
  next.disposal = r.disposal;
  next.note = r.note;
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateDisposal(next, s));
  return GetDisposal(s, r.id);
}

}  // namespace parkhq::enterprise
