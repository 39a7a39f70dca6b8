#include "domain/project/crm_service.h"

#include "domain/access/registers.h"

#include <algorithm>

namespace parkhq::project {
namespace {
const char kNoPark[] = "园区不存在或无权访问";
}

Status CrmService::CheckRead(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound(kNoPark);
  return Status::Ok();
}

Status CrmService::CheckWrite(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(CheckRead(s, park_id));
  if (s.read_only) return Status::PermissionDenied("只读账号不能修改");
  if (s.CanKeepRegister(kRegisterCrm, park_id)) return Status::Ok();
  return Status::PermissionDenied("无权修改客商信息（园区管理员或客商库的责任部门可以修改）");
}

StatusOr<std::vector<int64_t>> CrmService::Parks(const Scope& s, std::optional<int64_t> park_id) const {
  std::vector<int64_t> ids;
  if (park_id) {
    PARKHQ_RETURN_IF_ERROR(CheckRead(s, *park_id));
    ids.push_back(*park_id);
    return ids;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  for (const auto& p : parks)
    if (!p.parent_id && s.CanReadPark(p.id)) ids.push_back(p.id);
  return ids;
}

StatusOr<std::vector<Investor>> CrmService::ListInvestors(const Scope& s, std::optional<int64_t> park_id,
                                                          const std::string& q) const {
  PARKHQ_ASSIGN_OR_RETURN(auto ids, Parks(s, park_id));
  if (ids.empty()) return std::vector<Investor>{};
  return repo_.ListInvestors(ids, q);
}

StatusOr<Investor> CrmService::GetInvestor(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto i, repo_.FindInvestor(id));
  if (!i || !s.CanReadPark(i->park_id)) return Status::NotFound("客商不存在或无权访问");
  return std::move(*i);
}

StatusOr<Investor> CrmService::SaveInvestor(const Scope& s, Investor in) const {
  if (in.id) {
    PARKHQ_ASSIGN_OR_RETURN(auto cur, GetInvestor(s, in.id));
    in.park_id = cur.park_id;
  } else {
    PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(in.park_id));
    if (!park || !s.CanReadPark(in.park_id))
      return Status::Validation("园区不存在", {{"park_id", "园区不存在"}});
  }
  PARKHQ_RETURN_IF_ERROR(CheckWrite(s, in.park_id));
  std::vector<FieldError> errs;
  if (in.name.empty()) errs.push_back({"name", "客商名称不能为空"});
  if (in.name.size() > 300) errs.push_back({"name", "客商名称过长"});
  if (!errs.empty()) return Status::Validation("客商信息有误", errs);
  PARKHQ_ASSIGN_OR_RETURN(in.id, repo_.SaveInvestor(in, s));
  return GetInvestor(s, in.id);
}

StatusOr<Contact> CrmService::AddContact(const Scope& s, int64_t investor_id, Contact c) const {
  PARKHQ_ASSIGN_OR_RETURN(auto inv, GetInvestor(s, investor_id));
  PARKHQ_RETURN_IF_ERROR(CheckWrite(s, inv.park_id));
  if (c.name.empty()) return Status::Validation("联系人信息有误", {{"name", "联系人姓名不能为空"}});
  c.investor_id = investor_id;
  PARKHQ_ASSIGN_OR_RETURN(c.id, repo_.AddContact(inv.park_id, c, s));
  return c;
}

StatusOr<std::vector<Lead>> CrmService::ListLeads(const Scope& s, std::optional<int64_t> park_id,
                                                  std::optional<LeadStage> st) const {
  PARKHQ_ASSIGN_OR_RETURN(auto ids, Parks(s, park_id));
  if (ids.empty()) return std::vector<Lead>{};
  return repo_.ListLeads(ids, st);
}

StatusOr<Lead> CrmService::GetLead(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto l, repo_.FindLead(id));
  if (!l || !s.CanReadPark(l->park_id)) return Status::NotFound("线索不存在或无权访问");
  return std::move(*l);
}

StatusOr<Lead> CrmService::SaveLead(const Scope& s, Lead in) const {
  if (in.id) {
    PARKHQ_ASSIGN_OR_RETURN(auto cur, GetLead(s, in.id));
    in.park_id = cur.park_id;
    in.stage = cur.stage;
    in.abandon_reason = cur.abandon_reason;
    in.project_id = cur.project_id;
    in.is_demo = cur.is_demo;
  }
  PARKHQ_RETURN_IF_ERROR(ValidateLead(in));
  auto inv = repo_.FindInvestor(in.investor_id);
  PARKHQ_RETURN_IF_ERROR(inv.status());
  if (!*inv || !s.CanReadPark((*inv)->park_id))
    return Status::Validation("线索信息有误", {{"investor_id", "客商不存在"}});
  if (!in.id) in.park_id = (*inv)->park_id;
  if ((*inv)->park_id != in.park_id)
    return Status::Validation("线索信息有误", {{"investor_id", "客商不属于该园区"}});
  if (in.chain_link_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto link, repo_.FindLink(*in.chain_link_id));
    if (!link || link->park_id != in.park_id)
      return Status::Validation("线索信息有误", {{"chain_link_id", "产业链环节不存在"}});
  }
  PARKHQ_RETURN_IF_ERROR(CheckWrite(s, in.park_id));
  PARKHQ_ASSIGN_OR_RETURN(in.id, repo_.SaveLead(in, s));
  return GetLead(s, in.id);
}

StatusOr<Lead> CrmService::MoveLead(const Scope& s, int64_t id, LeadStage to, Date date,
                                    const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto l, GetLead(s, id));
  PARKHQ_RETURN_IF_ERROR(CheckWrite(s, l.park_id));
  PARKHQ_RETURN_IF_ERROR(CheckLeadMove(l, to, reason));
  if (date > Today()) return Status::Validation("日期有误", {{"date", "日期不能晚于今天"}});
  l.stage = to;
  if (to == LeadStage::kAbandoned) l.abandon_reason = reason;
  if (to != LeadStage::kSigned) {
    PARKHQ_RETURN_IF_ERROR(repo_.MoveLead(l, s));
    return GetLead(s, id);
  }
  ProjectRecord p = ProjectFromLead(l, date);
  if (s.role == Role::kDepartment && s.unit_id) p.responsible_unit_id = s.unit_id;
  PARKHQ_RETURN_IF_ERROR(ValidateProject(p.core, Today()));
  PARKHQ_RETURN_IF_ERROR(repo_.SignLead(l, p, s).status());
  return GetLead(s, id);
}

StatusOr<FollowUp> CrmService::AddFollowUp(const Scope& s, int64_t lead_id, FollowUp f) const {
  PARKHQ_ASSIGN_OR_RETURN(auto l, GetLead(s, lead_id));
  PARKHQ_RETURN_IF_ERROR(CheckWrite(s, l.park_id));
  PARKHQ_RETURN_IF_ERROR(ValidateFollowUp(f, Today()));
  f.lead_id = lead_id;
  f.username = s.username;
  PARKHQ_ASSIGN_OR_RETURN(f.id, repo_.AddFollowUp(l.park_id, f, s));
  return f;
}

StatusOr<std::vector<FollowUp>> CrmService::FollowUps(const Scope& s, int64_t lead_id) const {
  PARKHQ_RETURN_IF_ERROR(GetLead(s, lead_id).status());
  return repo_.FollowUps(lead_id);
}

StatusOr<std::vector<LeadReminder>> CrmService::Reminders(const Scope& s, int64_t park_id, Date date,
                                                          int within_days) const {
  PARKHQ_RETURN_IF_ERROR(CheckRead(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto leads, repo_.ListLeads({park_id}, std::nullopt));
  std::vector<LeadReminder> out;
  for (auto& l : leads) {
    if (l.stage == LeadStage::kSigned || l.stage == LeadStage::kAbandoned || !l.next_date) continue;
    const int64_t left = l.next_date->DaysSinceEpoch() - date.DaysSinceEpoch();
    if (left <= within_days) out.push_back({std::move(l), left});
  }
  std::sort(out.begin(), out.end(), [](const LeadReminder& a, const LeadReminder& b) {
    return a.days_left != b.days_left ? a.days_left < b.days_left : a.lead.id < b.lead.id;
  });
  return out;
}

StatusOr<std::vector<ChainView>> CrmService::ChainMap(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(CheckRead(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto chains, repo_.ListChains(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto members, repo_.Members(park_id));
  std::map<int64_t, std::vector<LinkMember>> ents;
  if (enterprises_) {
    PARKHQ_ASSIGN_OR_RETURN(ents, enterprises_->EnterprisesByLink(park_id));
  }
  std::vector<ChainView> out;
  for (auto& c : chains) {
    ChainView v;
    for (auto& l : c.links) {
      LinkView lv;
      lv.link = l;
      lv.projects = members.projects[l.id];
      lv.investors = members.investors[l.id];
      lv.enterprises = ents[l.id];
      const bool built = std::any_of(lv.projects.begin(), lv.projects.end(), [](const LinkMember& m) {
        return m.status == "started" || m.status == "completed" || m.status == "production";
      });
      const bool firms = std::any_of(lv.enterprises.begin(), lv.enterprises.end(),
                                     [](const LinkMember& m) { return m.status != "closed"; });
      lv.gap = !built && !firms;
      v.links.push_back(std::move(lv));
    }
    c.links.clear();
    v.chain = std::move(c);
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<Chain> CrmService::SaveChain(const Scope& s, Chain c) const {
  if (c.id) {
    PARKHQ_ASSIGN_OR_RETURN(auto cur, repo_.FindChain(c.id));
    if (!cur || !s.CanReadPark(cur->park_id)) return Status::NotFound("产业链不存在或无权访问");
    c.park_id = cur->park_id;
  } else if (!s.CanReadPark(c.park_id)) {
    return Status::NotFound(kNoPark);
  }
  if (s.read_only || !s.CanAdminPark(c.park_id)) return Status::PermissionDenied("只有园区管理员可以编辑产业链");
  if (c.name.empty()) return Status::Validation("产业链信息有误", {{"name", "产业链名称不能为空"}});
  PARKHQ_ASSIGN_OR_RETURN(c.id, repo_.SaveChain(c, s));
  return c;
}

StatusOr<ChainLink> CrmService::SaveLink(const Scope& s, ChainLink l) const {
  if (l.id) {
    PARKHQ_ASSIGN_OR_RETURN(auto cur, repo_.FindLink(l.id));
    if (!cur || !s.CanReadPark(cur->park_id)) return Status::NotFound("产业链环节不存在或无权访问");
    l.chain_id = cur->chain_id;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto chain, repo_.FindChain(l.chain_id));
  if (!chain || !s.CanReadPark(chain->park_id)) return Status::NotFound("产业链不存在或无权访问");
  l.park_id = chain->park_id;
  if (s.read_only || !s.CanAdminPark(l.park_id)) return Status::PermissionDenied("只有园区管理员可以编辑产业链");
  std::vector<FieldError> errs;
  if (l.name.empty()) errs.push_back({"name", "环节名称不能为空"});
  if (l.position != "up" && l.position != "mid" && l.position != "down")
    errs.push_back({"position", "位置应为 up、mid 或 down"});
  if (!errs.empty()) return Status::Validation("环节信息有误", errs);
  PARKHQ_ASSIGN_OR_RETURN(l.id, repo_.SaveLink(l, s));
  return l;
}

Status CrmService::DeleteLink(const Scope& s, int64_t link_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto cur, repo_.FindLink(link_id));
  if (!cur || !s.CanReadPark(cur->park_id)) return Status::NotFound("产业链环节不存在或无权访问");
  if (s.read_only || !s.CanAdminPark(cur->park_id)) return Status::PermissionDenied("只有园区管理员可以编辑产业链");
  return repo_.DeleteLink(*cur, s);
}

StatusOr<ChainLink> CrmService::LinkOfPark(const Scope& s, int64_t park_id, int64_t link_id) const {
  PARKHQ_RETURN_IF_ERROR(CheckRead(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto l, repo_.FindLink(link_id));
  if (!l || l->park_id != park_id) return Status::NotFound("产业链环节不存在或无权访问");
  return std::move(*l);
}

StatusOr<ChainEnterpriseRepository*> CrmService::ChainEnterprises() const {
  if (!chain_enterprises_) return Status::Unavailable("产业链企业功能未启用");
  return chain_enterprises_;
}

StatusOr<std::vector<LinkEnterprise>> CrmService::LinkEnterprises(const Scope& s, int64_t park_id,
                                                                  int64_t link_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto link, LinkOfPark(s, park_id, link_id));
  PARKHQ_ASSIGN_OR_RETURN(auto* r, ChainEnterprises());
  return r->ListLinkEnterprises(link.id);
}

StatusOr<LinkEnterprise> CrmService::AttachEnterprise(const Scope& s, LinkEnterprise e) const {
  PARKHQ_ASSIGN_OR_RETURN(auto link, LinkOfPark(s, e.park_id, e.link_id));
  if (s.read_only || !s.CanAdminPark(link.park_id)) return Status::PermissionDenied("只有园区管理员可以编辑产业链");
  PARKHQ_ASSIGN_OR_RETURN(auto* r, ChainEnterprises());
  std::vector<FieldError> errs;
  if (e.role.size() > 60) errs.push_back({"role", "角色过长"});
  if (e.note.size() > 2000) errs.push_back({"note", "备注过长"});
  std::optional<ChainEnterpriseRef> ent;
  if (e.enterprise_id > 0) {
    PARKHQ_ASSIGN_OR_RETURN(ent, r->FindEnterprise(e.enterprise_id));
  }
  if (!ent || (ent->park_id != link.park_id && ent->sub_park_id != link.park_id))
    errs.push_back({"enterprise_id", "企业不存在或不属于本园区"});
  if (!errs.empty()) return Status::Validation("环节企业信息有误", errs);
  PARKHQ_RETURN_IF_ERROR(r->Attach(e, s));
  e.name = ent->name;
  e.status = ent->status;
  return e;
}

Status CrmService::DetachEnterprise(const Scope& s, int64_t park_id, int64_t link_id, int64_t enterprise_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto link, LinkOfPark(s, park_id, link_id));
  if (s.read_only || !s.CanAdminPark(link.park_id)) return Status::PermissionDenied("只有园区管理员可以编辑产业链");
  PARKHQ_ASSIGN_OR_RETURN(auto* r, ChainEnterprises());
  return r->Detach(link.park_id, link.id, enterprise_id, s);
}

}  // namespace parkhq::project
