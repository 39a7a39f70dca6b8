#include "domain/project/crm.h"

namespace parkhq::project {

const char* const kLeadSources[] = {"以商招商", "产业链招商", "飞地经济", "展会", "上级推介", "其他", nullptr};

const char* LeadStageCode(LeadStage s) {
  switch (s) {
    case LeadStage::kLead: return "lead";
    case LeadStage::kContact: return "contact";
    case LeadStage::kNegotiation: return "negotiation";
    case LeadStage::kSigned: return "signed";
    case LeadStage::kAbandoned: return "abandoned";
  }
  return "lead";
}

const char* LeadStageNameZh(LeadStage s) {
  switch (s) {
    case LeadStage::kLead: return "线索";
    case LeadStage::kContact: return "接洽";
    case LeadStage::kNegotiation: return "洽谈";
    case LeadStage::kSigned: return "签约";
    case LeadStage::kAbandoned: return "放弃";
  }
  return "";
}

std::optional<LeadStage> ParseLeadStage(std::string_view code) {
  for (LeadStage s : {LeadStage::kLead, LeadStage::kContact, LeadStage::kNegotiation, LeadStage::kSigned,
                      LeadStage::kAbandoned})
    if (code == LeadStageCode(s)) return s;
  return std::nullopt;
}

Status ValidateLead(const Lead& l) {
  std::vector<FieldError> errs;
  if (l.title.empty()) errs.push_back({"title", "意向项目名称不能为空"});
  if (l.title.size() > 300) errs.push_back({"title", "意向项目名称过长"});
  if (l.investor_id <= 0) errs.push_back({"investor_id", "请选择客商"});
  if (l.intent != "high" && l.intent != "medium" && l.intent != "low")
    errs.push_back({"intent", "意向程度应为 high、medium 或 low"});
  if (l.planned_investment < 0) errs.push_back({"planned_investment", "意向投资不能为负数"});
  if (!errs.empty()) return Status::Validation("线索信息有误", errs);
  return Status::Ok();
}

Status ValidateFollowUp(const FollowUp& f, Date today) {
  std::vector<FieldError> errs;
  if (f.kind != "visit" && f.kind != "talk" && f.kind != "phone")
    errs.push_back({"kind", "方式应为 visit（走访）、talk（洽谈）或 phone（电话）"});
  if (f.content.empty()) errs.push_back({"content", "跟进内容不能为空"});
  if (f.date > today) errs.push_back({"date", "跟进日期不能晚于今天"});
  if (f.next_date && *f.next_date < f.date) errs.push_back({"next_date", "下次跟进日期不能早于本次"});
  if (!errs.empty()) return Status::Validation("跟进记录有误", errs);
  return Status::Ok();
}

Status CheckLeadMove(const Lead& l, LeadStage to, const std::string& reason) {
  if (l.stage == LeadStage::kSigned || l.stage == LeadStage::kAbandoned)
    return Status::Conflict(std::string("线索已") + LeadStageNameZh(l.stage) + "，不能再变更");
  if (to == LeadStage::kAbandoned) {
    if (reason.empty()) return Status::Validation("放弃须说明原因", {{"reason", "请填写放弃原因"}});
    return Status::Ok();
  }
  if (static_cast<int>(to) <= static_cast<int>(l.stage))
    return Status::Conflict(std::string("线索只能向前推进（当前「") + LeadStageNameZh(l.stage) + "」）");
  return Status::Ok();
}

ProjectRecord ProjectFromLead(const Lead& l, Date date) {
  ProjectRecord p;
  p.core.park_id = l.park_id;
  p.core.name = l.title;
  p.core.kind = Kind::kNew;
  p.core.stage = Stage::kSigned;
  p.core.actual[Stage::kReserve] = date;
  p.core.actual[Stage::kSigned] = date;
  p.core.planned[Stage::kSigned] = date;
  p.core.total_investment = l.planned_investment;
  p.core.contracted_investment = l.planned_investment;
  p.investor = l.investor_name;
  p.lead_id = l.id;
  p.chain_link_id = l.chain_link_id;
  p.responsible_team = l.team;
  p.is_demo = l.is_demo;
  return p;
}

}  // namespace parkhq::project
