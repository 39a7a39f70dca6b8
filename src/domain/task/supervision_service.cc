// Supervision (督查督办): 立项交办 → 签收 → 分办 → 跟踪 → 办结报告 → 销号 or 退回, extension requests,
// lights before and after the deadline, and leaders' instructions (批示) as a source.
#include <algorithm>

#include "domain/task/task_service.h"

namespace parkhq::task {

namespace {

constexpr int kYellowDays = 3;  // yellow light this many days before the deadline

bool ValidSource(const std::string& k) {
  return k.empty() || k == "task_item" || k == "warning" || k == "project" || k == "meeting" || k == "instruction";
}

}  // namespace

StatusOr<SupervisionView> TaskService::SupView(const Supervision& s) const {
  SupervisionView v;
  v.s = s;
  PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
  for (const auto& u : s.units) v.unit_names[u.unit_id] = names[u.unit_id];
  v.days_left = static_cast<int>(s.deadline.DaysSinceEpoch() - Today().DaysSinceEpoch());
  if (s.state == "closed") v.light = "none";
  else if (v.days_left < 0) v.light = "red";
  else if (v.days_left <= kYellowDays) v.light = "yellow";
  else v.light = "green";
  return v;
}

StatusOr<SupervisionView> TaskService::IssueSupervision(const Scope& s, const NewSupervision& in) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, in.park_id));
  if (!s.CanAdminPark(park)) return Status::PermissionDenied("只有园区管理员可以交办督办事项");
  std::vector<FieldError> e;
  if (in.title.empty()) e.push_back({"title", "必填"});
  if (in.title.size() > 300) e.push_back({"title", "过长"});
  if (in.content.size() > 5000) e.push_back({"content", "过长"});
  if (in.source_text.size() > 2000 || in.source_id.size() > 100) e.push_back({"source", "过长"});
  const auto deadline = Date::Parse(in.deadline);
  if (!deadline) e.push_back({"deadline", "日期格式应为 YYYY-MM-DD"});
  if (!ValidSource(in.source_kind)) e.push_back({"source.kind", "应为 task_item、warning、project、meeting 或 instruction"});
  if (in.units.empty()) e.push_back({"units", "至少交办给一个单位"});
  PARKHQ_ASSIGN_OR_RETURN(auto units, ResolveUnits(in.units, "units", e));
  if (in.source_kind == "task_item") {
    const auto id = in.source_id.empty() ? 0 : std::atoll(in.source_id.c_str());
    PARKHQ_ASSIGN_OR_RETURN(auto item, repo_.FindItem(id));
    if (!item || item->park_id != park) e.push_back({"source.id", "考核指标不存在"});
  }
  if (!e.empty()) return Status::Validation("督办单有误", e);
  Supervision sv;
  sv.park_id = park;
  sv.title = in.title;
  sv.content = in.content;
  sv.deadline = *deadline;
  sv.source_kind = in.source_kind;
  sv.source_id = in.source_id;
  sv.source_text = in.source_text;
  sv.issued_by = s.username;
  for (int64_t u : units) {
    SupervisionUnit su;
    su.unit_id = u;
    sv.units.push_back(su);
  }
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateSupervision(sv, s));
  return GetSupervision(s, id);
}

StatusOr<std::vector<SupervisionView>> TaskService::ListSupervisions(const Scope& s,
                                                                     std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto list, repo_.ListSupervisions(parks));
  std::vector<SupervisionView> out;
  for (const auto& sv : list) {
    PARKHQ_ASSIGN_OR_RETURN(auto v, SupView(sv));
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<SupervisionView> TaskService::GetSupervision(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sv, repo_.FindSupervision(id));
  if (!sv || !s.CanReadPark(sv->park_id)) return Status::NotFound("督办单不存在");
  return SupView(*sv);
}

StatusOr<SupervisionView> TaskService::UnitStep(const Scope& s, int64_t id, const std::string& kind,
                                                const std::string& text, const std::string& evidence,
                                                const std::string& new_deadline) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sv, repo_.FindSupervision(id));
  if (!sv || !s.CanReadPark(sv->park_id)) return Status::NotFound("督办单不存在");
  auto it = std::find_if(sv->units.begin(), sv->units.end(),
                         [&](const SupervisionUnit& u) { return s.unit_id && u.unit_id == *s.unit_id; });
  if (s.read_only || it == sv->units.end()) return Status::PermissionDenied("只有承办单位可以办理该督办事项");
  if (sv->state != "open") return Status::Conflict("督办事项已办结销号");
  if (text.size() > 5000 || evidence.size() > 2000) return Status::FieldInvalid("text", "过长");
  SupervisionStep step;
  step.supervision_id = id;
  step.unit_id = it->unit_id;
  step.event_kind = kind;
  step.event_text = text;
  SupervisionUnit u = *it;
  const std::string now = NowIso();
  const bool finished = u.state == "done" || u.state == "confirmed";
  if (kind == "receive") {
    if (u.state != "assigned") return Status::Conflict("已签收");
    u.state = "received";
    u.received_at = now;
  } else if (kind == "assign") {
    if (text.empty()) return Status::FieldInvalid("assignee", "必填");
    if (finished) return Status::Conflict("该单位已报告办结");
    if (u.received_at.empty()) u.received_at = now;
    if (u.state == "assigned") u.state = "received";
    u.assignee = text;
  } else if (kind == "progress") {
    if (text.empty()) return Status::FieldInvalid("text", "必填");
    if (finished) return Status::Conflict("该单位已报告办结");
  } else if (kind == "done") {
    if (text.empty()) return Status::FieldInvalid("text", "必填");
    if (finished) return Status::Conflict("该单位已报告办结");
    if (u.received_at.empty()) u.received_at = now;
    u.state = "done";
    u.done_at = now;
    u.done_text = text;
    u.evidence = evidence;
  } else if (kind == "extension") {
    const auto d = Date::Parse(new_deadline);
    std::vector<FieldError> e;
    if (!d) e.push_back({"deadline", "日期格式应为 YYYY-MM-DD"});
    else if (*d <= sv->deadline) e.push_back({"deadline", "延期后的日期应晚于原截止日期"});
    if (text.empty()) e.push_back({"reason", "必填"});
    if (!e.empty()) return Status::Validation("延期申请有误", e);
    if (finished) return Status::Conflict("该单位已报告办结");
    if (Today() > sv->deadline) return Status::Conflict("已超过截止日期，不能申请延期");
    if (sv->ext_deadline) return Status::Conflict("已有待审批的延期申请");
    Supervision o = *sv;
    o.ext_deadline = d;
    o.ext_reason = text;
    o.ext_unit_id = it->unit_id;
    step.order = o;
    step.event_text = d->ToString() + "：" + text;
  } else {
    return Status::NotFound("未知的办理步骤");
  }
  step.unit = u;
  PARKHQ_RETURN_IF_ERROR(repo_.ApplySupervisionStep(step, s));
  return GetSupervision(s, id);
}

StatusOr<SupervisionView> TaskService::IssuerStep(const Scope& s, int64_t id, const std::string& kind,
                                                  const std::string& unit, const std::string& text) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sv, repo_.FindSupervision(id));
  if (!sv || !s.CanReadPark(sv->park_id)) return Status::NotFound("督办单不存在");
  if (!s.CanAdminPark(sv->park_id)) return Status::PermissionDenied("只有交办方可以销号、退回或审批延期");
  if (sv->state != "open") return Status::Conflict("督办事项已办结销号");
  if (text.size() > 2000) return Status::FieldInvalid("reason", "过长");
  if (kind == "extension_approve" || kind == "extension_refuse") {
    if (!sv->ext_deadline) return Status::Conflict("没有待审批的延期申请");
    Supervision o = *sv;
    const bool approve = kind == "extension_approve";
    if (approve) o.deadline = *sv->ext_deadline;
    o.ext_deadline.reset();
    o.ext_reason.clear();
    o.ext_unit_id.reset();
    SupervisionStep step{id, std::nullopt, std::nullopt, o, kind,
                         (approve ? "同意延期至 " + sv->ext_deadline->ToString() : std::string("不同意延期")) +
                             (text.empty() ? "" : "：" + text)};
    PARKHQ_RETURN_IF_ERROR(repo_.ApplySupervisionStep(step, s));
    return GetSupervision(s, id);
  }
  if (kind != "confirm" && kind != "return") return Status::NotFound("未知的办理步骤");
  if (kind == "return" && text.empty()) return Status::FieldInvalid("reason", "退回时请填写理由");
  std::optional<int64_t> only;
  if (!unit.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
    for (const auto& u : sv->units)
      if (names[u.unit_id] == unit) only = u.unit_id;
    if (!only) return Status::FieldInvalid("unit", "该单位不是承办单位");
  }
  int changed = 0;
  const std::string now = NowIso();
  for (size_t k = 0; k < sv->units.size(); ++k) {
    SupervisionUnit u = sv->units[k];
    if (u.state != "done" || (only && u.unit_id != *only)) continue;
    u.state = kind == "confirm" ? "confirmed" : "returned";
    if (kind == "confirm") u.confirmed_at = now;
    sv->units[k] = u;
    SupervisionStep step{id, u.unit_id, u, std::nullopt, kind, text};
    const bool all = std::all_of(sv->units.begin(), sv->units.end(),
                                 [](const SupervisionUnit& x) { return x.state == "confirmed"; });
    if (kind == "confirm" && all) {
      Supervision o = *sv;
      o.state = "closed";
      o.closed_at = now;
      step.order = o;
    }
    PARKHQ_RETURN_IF_ERROR(repo_.ApplySupervisionStep(step, s));
    ++changed;
  }
  if (changed == 0) return Status::Conflict("没有已报告办结的承办单位");
  return GetSupervision(s, id);
}

StatusOr<Instruction> TaskService::AddInstruction(const Scope& s, std::optional<int64_t> park_id,
                                                  const Instruction& in) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  // The one write a leader makes; park admins may record a leader's instruction too.
  if (!(s.role == Role::kLeader || s.CanAdminPark(park)))
    return Status::PermissionDenied("只有领导或园区管理员可以批示");
  std::vector<FieldError> e;
  if (in.text.empty()) e.push_back({"text", "必填"});
  if (in.text.size() > 5000) e.push_back({"text", "过长"});
  const auto& k = in.target_kind;
  if (k != "warning" && k != "project" && k != "task_item" && k != "report")
    e.push_back({"target.kind", "应为 warning、project、task_item 或 report"});
  if (in.target_id.empty() || in.target_id.size() > 100) e.push_back({"target.id", "必填"});
  if (!e.empty()) return Status::Validation("批示有误", e);
  Instruction i = in;
  i.park_id = park;
  i.created_by = s.username;
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateInstruction(i, s));
  i.id = id;
  i.created_at = NowIso();
  return i;
}

StatusOr<std::vector<Instruction>> TaskService::ListInstructions(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  return repo_.ListInstructions(parks);
}

}  // namespace parkhq::task
