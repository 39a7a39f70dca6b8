#include "domain/gates/delegated_power.h"

namespace parkhq::gates {
namespace {

const char kNotFound[] = "承接事项不存在或无权访问";

Status ReadablePark(const Scope& s, int64_t park_id) {
  if (s.role == Role::kEnterprise || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return Status::Ok();
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : "—"; }

}  // namespace

const char* PowerStatusNameZh(const std::string& status) {
  if (status == "accepted") return "已承接";
  if (status == "in_progress") return "承接中";
  if (status == "not_accepted") return "未承接";
  return "";
}

Status ValidatePower(const DelegatedPower& p, Date today) {
  std::vector<FieldError> errs;
  if (p.name.empty() || p.name.size() > 600) errs.push_back({"name", "事项名称不能为空且不超过200字"});
  if (p.legal_basis.size() > 1500) errs.push_back({"legal_basis", "法律依据过长"});
  if (p.delegating_unit.size() > 1500) errs.push_back({"delegating_unit", "下放单位过长"});
  if (*PowerStatusNameZh(p.status) == '\0') errs.push_back({"status", "应为 accepted、in_progress 或 not_accepted"});
  if (p.delegated_on && *p.delegated_on > today) errs.push_back({"delegated_on", "下放日期不能晚于今天"});
  if (p.note.size() > 1000) errs.push_back({"note", "备注过长"});
  if (!errs.empty()) return Status::Validation("承接事项信息有误，请检查标出的字段", std::move(errs));
  return Status::Ok();
}

std::string PowerChanges(const DelegatedPower& a, const DelegatedPower& b) {
  std::string out;
  auto diff = [&](const char* label, const std::string& x, const std::string& y) {
    if (x == y) return;
    out += (out.empty() ? "" : "；") + std::string(label) + "：" + (x.empty() ? "—" : x) + " → " + (y.empty() ? "—" : y);
  };
  diff("事项名称", a.name, b.name);
  diff("法律依据", a.legal_basis, b.legal_basis);
  diff("下放单位", a.delegating_unit, b.delegating_unit);
  diff("下放日期", DateText(a.delegated_on), DateText(b.delegated_on));
  diff("状态", PowerStatusNameZh(a.status), PowerStatusNameZh(b.status));
  diff("备注", a.note, b.note);
  return out;
}

StatusOr<std::vector<DelegatedPower>> DelegatedPowerService::List(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id));
  return repo_.List(park_id);
}

StatusOr<DelegatedPower> DelegatedPowerService::Create(const Scope& s, int64_t park_id, DelegatedPower p) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id));
  if (s.read_only || !s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以维护承接事项清单");
  p.id = 0;
  p.park_id = park_id;
  PARKHQ_RETURN_IF_ERROR(ValidatePower(p, Today()));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.Save(p, "新增事项：" + p.name, "", s));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.Find(id));
  if (!saved) return Status::NotFound(kNotFound);
  return *saved;
}

StatusOr<DelegatedPower> DelegatedPowerService::Writable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.Find(id));
  if (!p || s.role == Role::kEnterprise || !s.CanReadPark(p->park_id)) return Status::NotFound(kNotFound);
  if (s.read_only || !s.CanAdminPark(p->park_id)) return Status::PermissionDenied("只有园区管理员可以维护承接事项清单");
  return *p;
}

StatusOr<DelegatedPower> DelegatedPowerService::Update(const Scope& s, int64_t id, DelegatedPower p,
                                                       const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, Writable(s, id));
  p.id = id;
  p.park_id = old.park_id;
  p.is_demo = old.is_demo;
  PARKHQ_RETURN_IF_ERROR(ValidatePower(p, Today()));
  if (reason.empty()) return Status::FieldInvalid("reason", "调整清单须说明理由");
  const std::string changes = PowerChanges(old, p);
  if (changes.empty()) return Status::Conflict("没有需要调整的内容");
  PARKHQ_RETURN_IF_ERROR(repo_.Save(p, changes, reason, s).status());
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.Find(id));
  if (!saved) return Status::NotFound(kNotFound);
  return *saved;
}

StatusOr<std::vector<PowerCount>> DelegatedPowerService::SetCount(const Scope& s, int64_t id, PowerCount c) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  const Date today = Today();
  if (c.period > Period{today.year, today.month}) return Status::FieldInvalid("period", "不能填报未来月份");
  if (c.handled < 0 || c.handled > 1000000) return Status::FieldInvalid("handled", "办件量应在0至1000000之间");
  PARKHQ_RETURN_IF_ERROR(repo_.SaveCount(p, c, s));
  return repo_.Counts(id);
}

StatusOr<DelegatedPower> DelegatedPowerService::Get(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.Find(id));
  if (!p || s.role == Role::kEnterprise || !s.CanReadPark(p->park_id)) return Status::NotFound(kNotFound);
  return *p;
}

StatusOr<std::vector<PowerCount>> DelegatedPowerService::Counts(const Scope& s, int64_t id) const {
  PARKHQ_RETURN_IF_ERROR(Get(s, id).status());
  return repo_.Counts(id);
}

StatusOr<std::vector<PowerLogEntry>> DelegatedPowerService::Log(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id));
  return repo_.Log(park_id);
}

}  // namespace parkhq::gates
