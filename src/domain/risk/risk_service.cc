#include "domain/risk/risk_service.h"

#include <algorithm>
#include <map>

#include "domain/evaluation/evaluation_service.h"

namespace parkhq::risk {

namespace {
constexpr char kHidden[] = "记录不存在或无权访问";
bool IsEnterpriseUser(const Scope& s) { return s.role == Role::kEnterprise; }
}  // namespace

Status RiskService::RequireRead(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(bool exists, repo_.ParkExists(park_id));
  if (!exists || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return Status::Ok();
}

Status RiskService::RequireAdmin(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理人员可以进行此操作");
  return Status::Ok();
}

StatusOr<EnterpriseRef> RiskService::EnterpriseFor(const Scope& s, int64_t enterprise_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.FindEnterprise(enterprise_id));
  if (!e || !s.CanReadPark(e->park_id) ||
      (IsEnterpriseUser(s) && (!s.enterprise_id || *s.enterprise_id != enterprise_id)))
    return Status::NotFound("企业不存在或无权访问");
  return *e;
}

StatusOr<std::vector<RiskItem>> RiskService::ListItems(const Scope& s, int64_t park_id, const ItemFilter& f) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  std::vector<std::string> kinds = f.kinds;
  if (kinds.empty()) {
    kinds = KindsOf("profile");
    for (auto& k : KindsOf("emergency")) kinds.push_back(std::move(k));
  }
  if (IsEnterpriseUser(s)) {
    if (!s.enterprise_id) return std::vector<RiskItem>{};
    return repo_.ListItems(park_id, kinds, s.enterprise_id, true);
  }
  return repo_.ListItems(park_id, kinds, f.enterprise_id, !f.enterprise_id);
}

StatusOr<RiskItem> RiskService::CreateItem(const Scope& s, int64_t park_id, RiskItem item) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  item.park_id = park_id;
  if (!IsKnownKind(item.kind)) return Status::Validation("记录有误", {{"kind", "未知的类型"}});
  if (IsEmergencyKind(item.kind) && !s.CanAdminPark(park_id))
    return Status::PermissionDenied("应急资源只能由园区管理人员维护");
  if (IsProfileKind(item.kind) && item.enterprise_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.FindEnterprise(*item.enterprise_id));
    if (!e || e->park_id != park_id) return Status::Validation("记录有误", {{"enterprise_id", "该园区没有这家企业"}});
    if (!s.CanActForEnterprise(e->id, e->park_id)) return Status::PermissionDenied("只能维护本企业的风险档案");
  } else if (item.enterprise_id && !s.CanAdminPark(park_id)) {
    return Status::PermissionDenied("只能维护本企业的风险档案");
  }
  if (item.veto && !s.CanAdminPark(park_id)) return Status::PermissionDenied("一票否决只能由园区管理人员认定");
  PARKHQ_RETURN_IF_ERROR(ValidateItem(item));
  if (!IsProfileKind(item.kind) && item.enterprise_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.FindEnterprise(*item.enterprise_id));
    if (!e || e->park_id != park_id) return Status::Validation("记录有误", {{"enterprise_id", "该园区没有这家企业"}});
  }
  item.is_demo = false;
  PARKHQ_ASSIGN_OR_RETURN(item.id, repo_.CreateItem(item, s));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindItem(item.id));
  if (!stored) return Status::Internal("记录保存后读取失败");
  return *stored;
}

StatusOr<RiskItem> RiskService::UpdateItem(const Scope& s, int64_t id, RiskItem after) const {
  PARKHQ_ASSIGN_OR_RETURN(auto before, repo_.FindItem(id));
  if (!before || !s.CanReadPark(before->park_id)) return Status::NotFound(kHidden);
  if (IsEnterpriseUser(s) && (!before->enterprise_id || before->enterprise_id != s.enterprise_id))
    return Status::NotFound(kHidden);
  const bool admin = s.CanAdminPark(before->park_id);
  if (IsEmergencyKind(before->kind) && !admin) return Status::PermissionDenied("应急资源只能由园区管理人员维护");
  if (IsProfileKind(before->kind) && !admin && !s.CanActForEnterprise(*before->enterprise_id, before->park_id))
    return Status::PermissionDenied("只能维护本企业的风险档案");
  if (!admin && (before->veto || after.veto))
    return Status::PermissionDenied("一票否决只能由园区管理人员认定，已认定的记录企业不能修改");
  after.id = before->id;
  after.park_id = before->park_id;
  after.enterprise_id = before->enterprise_id;
  after.kind = before->kind;
  after.is_demo = before->is_demo;
  after.created_at = before->created_at;
  after.created_by = before->created_by;
  PARKHQ_RETURN_IF_ERROR(ValidateItem(after));
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateItem(after, s));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindItem(id));
  if (!stored) return Status::NotFound(kHidden);
  return *stored;
}

Status RiskService::DeleteItem(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto before, repo_.FindItem(id));
  if (!before || !s.CanReadPark(before->park_id)) return Status::NotFound(kHidden);
  if (IsEnterpriseUser(s) && (!before->enterprise_id || before->enterprise_id != s.enterprise_id))
    return Status::NotFound(kHidden);
  const bool admin = s.CanAdminPark(before->park_id);
  if (IsEmergencyKind(before->kind) && !admin) return Status::PermissionDenied("应急资源只能由园区管理人员维护");
  if (IsProfileKind(before->kind) && !admin && !s.CanActForEnterprise(*before->enterprise_id, before->park_id))
    return Status::PermissionDenied("只能维护本企业的风险档案");
  if (!admin && before->veto) return Status::PermissionDenied("一票否决只能由园区管理人员认定，已认定的记录企业不能修改");
  return repo_.DeleteItem(id, s);
}

StatusOr<ProfileSummary> RiskService::ProfileOf(int64_t park_id, int64_t enterprise_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto profiles, repo_.ListProfiles(park_id));
  auto it = std::find_if(profiles.begin(), profiles.end(),
                         [&](const Profile& p) { return p.enterprise_id == enterprise_id; });
  if (it == profiles.end()) return Status::NotFound("企业不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto items, repo_.ListItems(park_id, KindsOf("profile"), enterprise_id, false));
  return SummarizeProfile(*it, items, Today());
}

StatusOr<std::vector<ProfileSummary>> RiskService::ListProfiles(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto profiles, repo_.ListProfiles(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto items, repo_.ListItems(park_id, KindsOf("profile"), std::nullopt, false));
  std::map<int64_t, std::vector<RiskItem>> by_firm;
  for (auto& it : items) by_firm[*it.enterprise_id].push_back(std::move(it));
  std::vector<ProfileSummary> out;
  const Date today = Today();
  for (const auto& p : profiles) {
    if (IsEnterpriseUser(s) && s.enterprise_id != p.enterprise_id) continue;
    out.push_back(SummarizeProfile(p, by_firm[p.enterprise_id], today));
  }
  return out;
}

StatusOr<ProfileSummary> RiskService::SubmitProfile(const Scope& s, int64_t enterprise_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, EnterpriseFor(s, enterprise_id));
  if (!s.CanActForEnterprise(e.id, e.park_id)) return Status::PermissionDenied("只能报送本企业的风险档案");
  PARKHQ_ASSIGN_OR_RETURN(auto cur, ProfileOf(e.park_id, e.id));
  Profile p = cur.profile;
  if (p.state == ProfileState::kSubmitted || p.state == ProfileState::kApproved)
    return Status::Conflict("风险档案已报送或已审核，修改记录后才能再次报送");
  p.state = ProfileState::kSubmitted;
  p.submitted_at = NowIso();
  p.updated_at = *p.submitted_at;
  PARKHQ_RETURN_IF_ERROR(repo_.SaveProfile(p, "submit", s));
  return ProfileOf(e.park_id, e.id);
}

StatusOr<ProfileSummary> RiskService::ReviewProfile(const Scope& s, int64_t enterprise_id, const std::string& result,
                                                    const std::string& note) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, EnterpriseFor(s, enterprise_id));
  if (!s.CanAdminPark(e.park_id)) return Status::PermissionDenied("只有园区管理人员可以审核风险档案");
  if (result != "approved" && result != "returned")
    return Status::Validation("审核意见有误", {{"result", "应为 approved 或 returned"}});
  if (result == "returned" && note.empty()) return Status::Validation("审核意见有误", {{"note", "退回须说明原因"}});
  PARKHQ_ASSIGN_OR_RETURN(auto cur, ProfileOf(e.park_id, e.id));
  Profile p = cur.profile;
  if (p.state != ProfileState::kSubmitted) return Status::Conflict("只有已报送的风险档案可以审核");
  p.state = result == "approved" ? ProfileState::kApproved : ProfileState::kReturned;
  p.review_note = note;
  p.reviewed_at = NowIso();
  p.reviewed_by = s.username;
  p.updated_at = *p.reviewed_at;
  PARKHQ_RETURN_IF_ERROR(repo_.SaveProfile(p, result == "approved" ? "approve" : "return", s));
  return ProfileOf(e.park_id, e.id);
}

StatusOr<std::vector<VetoRow>> RiskService::ListVetoes(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterpriseUser(s)) return Status::PermissionDenied("企业用户不能查看一票否决清单");
  PARKHQ_ASSIGN_OR_RETURN(auto items, repo_.ListItems(park_id, {"accident", "penalty"}, std::nullopt, false));
  std::map<int64_t, VetoRow> rows;
  for (const auto& it : items) {
    if (!it.veto || !it.event_date || it.event_date->year != year) continue;
    VetoRow& r = rows[*it.enterprise_id];
    r.enterprise_id = *it.enterprise_id;
    r.enterprise_name = it.enterprise_name;
    r.item_ids.push_back(it.id);
    r.reason += (r.reason.empty() ? "" : "；") + std::string(KindNameZh(it.kind)) + "：" + it.name + "（" +
                it.event_date->ToString() + "）";
  }
  std::map<int64_t, std::optional<std::string>> inputs;  // enterprise → veto_reason
  if (evaluation_) {
    auto listed = evaluation_->ListInputs(s, park_id, year);
    if (listed.ok())
      for (const auto& in : *listed) inputs[in.input.enterprise_id] = in.input.veto_reason;
  }
  std::vector<VetoRow> out;
  for (auto& [id, r] : rows) {
    r.reason = "一票否决：" + r.reason;
    auto in = inputs.find(id);
    if (in == inputs.end()) r.status = "no_input";
    else if (in->second && !in->second->empty()) r.status = *in->second == r.reason ? "applied" : "already";
    else r.status = "pending";
    if (in != inputs.end()) r.current_reason = in->second;
    out.push_back(std::move(r));
  }
  return out;
}

StatusOr<std::vector<VetoRow>> RiskService::ApplyVetoes(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  if (!evaluation_) return Status::Internal("评价模块未配置");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, ListVetoes(s, park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto inputs, evaluation_->ListInputs(s, park_id, year));
  std::vector<evaluation::InputRecord> writes;
  for (auto& r : rows) {
    if (r.status != "pending") continue;
    for (const auto& in : inputs) {
      if (in.input.enterprise_id != r.enterprise_id) continue;
      evaluation::InputRecord w = in;
      w.input.veto_reason = r.reason;
      writes.push_back(std::move(w));
    }
    r.status = "applied";
    r.current_reason = r.reason;
  }
  if (!writes.empty()) PARKHQ_RETURN_IF_ERROR(evaluation_->PutInputs(s, park_id, year, writes).status());
  return rows;
}

}  // namespace parkhq::risk
