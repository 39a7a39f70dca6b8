// The monthly-report part of EnterpriseService: view, save, submit, review, unlock, exceptions,
// the work queue, revisions and the park's rules.
#include <algorithm>
#include <cmath>

#include "domain/enterprise/enterprise_service.h"

namespace parkhq::enterprise {

Period EnterpriseService::LastClosedMonth() const { return today_().period().AddMonths(-1); }

StatusOr<std::vector<CompiledRule>> EnterpriseService::CompiledRulesFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.ListRules(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto fields, FieldsFor(park_id));
  return CompileRules(stored ? *stored : DefaultValidationRules(fields), fields);
}

namespace {
// Only the values of configured fields (values of removed fields are kept in storage, not shown).
FieldValues Visible(const FieldValues& v, const std::vector<ReportField>& fields) {
  FieldValues out;
  for (const auto& [k, x] : v)
    if (FindField(fields, k)) out.emplace(k, x);
  return out;
}
std::map<std::string, std::string> VisibleText(const std::map<std::string, std::string>& v,
                                               const std::vector<ReportField>& fields) {
  std::map<std::string, std::string> out;
  for (const auto& [k, x] : v)
    if (FindField(fields, k)) out.emplace(k, x);
  return out;
}
}  // namespace

StatusOr<ReportView> EnterpriseService::BuildView(const Scope& s, const Enterprise& e, Period period) const {
  ReportView v;
  v.enterprise_id = e.id;
  v.enterprise_name = e.name;
  v.period = period;
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindReport(e.id, period));
  if (stored) {
    v.exists = true;
    v.report = *stored;
  } else {
    v.report.park_id = e.park_id;
    v.report.enterprise_id = e.id;
    v.report.period = period;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto lm, repo_.FindReport(e.id, period.AddMonths(-1)));
  PARKHQ_ASSIGN_OR_RETURN(auto ly, repo_.FindReport(e.id, period.AddMonths(-12)));
  PARKHQ_ASSIGN_OR_RETURN(v.fields, FieldsFor(e.park_id));
  if (lm) v.last_month = Visible(lm->values, v.fields);
  if (ly) v.last_year = Visible(ly->values, v.fields);
  PARKHQ_ASSIGN_OR_RETURN(v.exception_until, repo_.FindException(e.id, period));
  PARKHQ_ASSIGN_OR_RETURN(int day, repo_.DeadlineDay(e.park_id));
  const DeadlinePolicy policy{day};
  PARKHQ_ASSIGN_OR_RETURN(auto rules, CompiledRulesFor(e.park_id));
  ReportInput in;
  in.values = Visible(v.report.values, v.fields);
  in.explanations = VisibleText(v.report.explanations, v.fields);
  in.last_month = v.last_month ? &*v.last_month : nullptr;
  in.last_year = v.last_year ? &*v.last_year : nullptr;
  v.check = CheckReport(in, v.fields, rules);
  const Date today = today_();
  v.queue = ClassifyForQueue(stored ? std::optional(stored->state) : std::nullopt, period, today, policy,
                             v.exception_until);
  ReportContext ctx{v.report.state, period, today, policy, v.exception_until};
  v.editable = !s.read_only && s.CanActForEnterprise(e.id, e.park_id) &&
               CheckReportAction(s.role, ReportAction::kEdit, ctx, "").ok();
  return v;
}

Status EnterpriseService::CheckAction(const Scope& s, const Enterprise& e, ReportAction a, const ReportView& v,
                                      const std::string& reason) const {
  if (s.read_only) return Status::PermissionDenied("只读账号不能修改月报");
  if (s.role == Role::kDepartment || s.role == Role::kLeader)
    return Status::PermissionDenied(std::string(RoleNameZh(s.role)) + "只能查看企业月报");
  if (!s.CanActForEnterprise(e.id, e.park_id)) return Status::PermissionDenied("无权操作该企业的月报");
  PARKHQ_ASSIGN_OR_RETURN(int day, repo_.DeadlineDay(e.park_id));
  ReportContext ctx{v.report.state, v.period, today_(), DeadlinePolicy{day}, v.exception_until};
  return CheckReportAction(s.role, a, ctx, reason);
}

StatusOr<ReportView> EnterpriseService::GetReport(const Scope& s, int64_t enterprise_id, Period period) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  return BuildView(s, e, period);
}

StatusOr<ReportView> EnterpriseService::SaveReport(const Scope& s, int64_t enterprise_id, Period period,
                                                   FieldValues values,
                                                   std::map<std::string, std::string> explanations) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  PARKHQ_ASSIGN_OR_RETURN(auto v, BuildView(s, e, period));
  PARKHQ_RETURN_IF_ERROR(CheckAction(s, e, ReportAction::kEdit, v, ""));
  std::vector<FieldError> errs;
  for (const auto& [code, value] : values) {
    if (!FindField(v.fields, code)) errs.push_back({"values." + code, "未知字段"});
    else if (!std::isfinite(value)) errs.push_back({"values." + code, "数值无效"});
  }
  for (auto it = explanations.begin(); it != explanations.end();) {
    if (!FindField(v.fields, it->first)) errs.push_back({"explanations." + it->first, "未知字段"});
    else if (it->second.size() > 2000) errs.push_back({"explanations." + it->first, "说明过长（最多 2000 字节）"});
    if (it->second.find_first_not_of(" \t\r\n") == std::string::npos) it = explanations.erase(it);
    else ++it;
  }
  if (!errs.empty()) return Status::Validation("月报数据有误", errs);
  // Values and explanations of fields removed from the configuration are kept.
  for (const auto& [k, x] : v.report.values)
    if (!FindField(v.fields, k)) values.emplace(k, x);
  for (const auto& [k, x] : v.report.explanations)
    if (!FindField(v.fields, k)) explanations.emplace(k, x);
  v.report.values = std::move(values);
  v.report.explanations = std::move(explanations);
  PARKHQ_ASSIGN_OR_RETURN(v.report.state, NextReportState(v.report.state, ReportAction::kEdit));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveReport(v.report, s, "edit", "").status());
  return BuildView(s, e, period);
}

StatusOr<ReportView> EnterpriseService::Submit(const Scope& s, int64_t enterprise_id, Period period) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  PARKHQ_ASSIGN_OR_RETURN(auto v, BuildView(s, e, period));
  PARKHQ_RETURN_IF_ERROR(CheckAction(s, e, ReportAction::kSubmit, v, ""));
  if (!v.exists) return Status::Conflict("尚未填写该期月报，请先保存数据");
  PARKHQ_RETURN_IF_ERROR(v.check.ToStatus());
  PARKHQ_ASSIGN_OR_RETURN(v.report.state, NextReportState(v.report.state, ReportAction::kSubmit));
  if (!v.report.first_submitted_on) v.report.first_submitted_on = today_();
  v.report.submitted_at = NowIso();
  v.report.return_reason.clear();
  PARKHQ_RETURN_IF_ERROR(repo_.SaveReport(v.report, s, "submit", "").status());
  return BuildView(s, e, period);
}

StatusOr<ReportView> EnterpriseService::Review(const Scope& s, int64_t enterprise_id, Period period,
                                               const std::string& decision, const std::string& reason) const {
  ReportAction a;
  if (decision == "approve") a = ReportAction::kApprove;
  else if (decision == "return") a = ReportAction::kReturn;
  else return Status::FieldInvalid("decision", "审核结论应为 approve（通过）或 return（退回）");
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  PARKHQ_ASSIGN_OR_RETURN(auto v, BuildView(s, e, period));
  PARKHQ_RETURN_IF_ERROR(CheckAction(s, e, a, v, reason));
  PARKHQ_ASSIGN_OR_RETURN(v.report.state, NextReportState(v.report.state, a));
  v.report.reviewed_at = NowIso();
  v.report.reviewed_by = s.username;
  v.report.return_reason = a == ReportAction::kReturn ? reason : "";
  PARKHQ_RETURN_IF_ERROR(repo_.SaveReport(v.report, s, decision, reason).status());
  return BuildView(s, e, period);
}

StatusOr<ReportView> EnterpriseService::Unlock(const Scope& s, int64_t enterprise_id, Period period,
                                               const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  PARKHQ_ASSIGN_OR_RETURN(auto v, BuildView(s, e, period));
  PARKHQ_RETURN_IF_ERROR(CheckAction(s, e, ReportAction::kUnlock, v, reason));
  PARKHQ_ASSIGN_OR_RETURN(v.report.state, NextReportState(v.report.state, ReportAction::kUnlock));
  v.report.return_reason = reason;
  PARKHQ_RETURN_IF_ERROR(repo_.SaveReport(v.report, s, "unlock", reason).status());
  return BuildView(s, e, period);
}

Status EnterpriseService::GrantException(const Scope& s, int64_t enterprise_id, Period period, Date until,
                                         const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  if (!s.CanAdminPark(e.park_id)) return Status::PermissionDenied("只有园区管理员可以开放补报");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::FieldInvalid("reason", "请填写开放补报的原因");
  if (until < today_()) return Status::FieldInvalid("until", "补报截止日期不能早于今天");
  return repo_.GrantException(e.park_id, e.id, period, until, reason, s);
}

StatusOr<std::vector<QueueEntry>> EnterpriseService::Queue(const Scope& s, int64_t enterprise_id, int months) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  const Period last = LastClosedMonth();
  const Period first = last.AddMonths(-(months - 1));
  PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ListReports(e.id, first, last));
  PARKHQ_ASSIGN_OR_RETURN(int day, repo_.DeadlineDay(e.park_id));
  std::map<Period, ReportState> states;
  for (const auto& r : reports) states[r.period] = r.state;
  std::vector<QueueEntry> out;
  const Date today = today_();
  for (Period p = last; p >= first; p = p.AddMonths(-1)) {
    if (e.moved_in_on && Date{p.year, p.month, DaysInMonth(p.year, p.month)} < *e.moved_in_on) break;
    auto it = states.find(p);
    std::optional<ReportState> st = it == states.end() ? std::nullopt : std::optional(it->second);
    PARKHQ_ASSIGN_OR_RETURN(auto ex, repo_.FindException(e.id, p));
    out.push_back({p, st, ClassifyForQueue(st, p, today, DeadlinePolicy{day}, ex)});
  }
  return out;
}

StatusOr<std::vector<StoredReport>> EnterpriseService::ListReports(const Scope& s, int64_t enterprise_id,
                                                                   Period from, Period to) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, enterprise_id).status());
  if (to < from) return Status::FieldInvalid("to", "结束月份不能早于开始月份");
  if (to.Index() - from.Index() > 120) return Status::FieldInvalid("from", "一次最多查询 120 个月");
  return repo_.ListReports(enterprise_id, from, to);
}

StatusOr<std::vector<Revision>> EnterpriseService::Revisions(const Scope& s, int64_t enterprise_id,
                                                             std::optional<Period> period) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, enterprise_id).status());
  return repo_.ListRevisions(enterprise_id, period);
}

StatusOr<std::vector<ValidationRule>> EnterpriseService::Rules(const Scope& s, int64_t park_id) const {
  if (s.role != Role::kEnterprise) PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  else if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.ListRules(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto fields, FieldsFor(park_id));
  return stored ? *stored : DefaultValidationRules(fields);
}

Status EnterpriseService::ReplaceRules(const Scope& s, int64_t park_id, const std::vector<ValidationRule>& rules) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以修改校验规则");
  PARKHQ_ASSIGN_OR_RETURN(auto fields, FieldsFor(park_id));
  PARKHQ_RETURN_IF_ERROR(CompileRules(rules, fields).status());
  return repo_.ReplaceRules(park_id, rules, s);
}

}  // namespace parkhq::enterprise
