// Plans of the management loop: which plan is current, copying a plan to a new year, editing a plan.
#include <algorithm>

#include "domain/task/task_service.h"

namespace parkhq::task {

std::optional<int64_t> CurrentPlanId(const std::vector<Plan>& plans, int year) {
  const Plan* best = nullptr;
  // Rank: plans up to `year` before later ones; among those the latest, among later ones the earliest.
  auto rank = [year](const Plan& p) { return p.year <= year ? std::pair{0, -p.year} : std::pair{1, p.year}; };
  for (const auto& p : plans)
    if (!best || rank(p) < rank(*best)) best = &p;
  if (!best) return std::nullopt;
  return best->id;
}

namespace {

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;

void CheckTexts(const TaskService::PlanInput& in, std::vector<FieldError>& errors) {
  if (in.title && (in.title->empty() || in.title->size() > 300)) errors.push_back({"title", "标题不能为空，且不超过300字节"});
  if (in.doc_no && in.doc_no->size() > 100) errors.push_back({"doc_no", "文号不超过100字节"});
}

}  // namespace

StatusOr<Plan> TaskService::CopyPlan(const Scope& s, int64_t plan_id, const PlanInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto from, repo_.FindPlan(plan_id));
  if (!from || !s.CanReadPark(from->park_id)) return Status::NotFound("计划不存在");
  if (s.read_only || !s.CanAdminPark(from->park_id))
    return Status::PermissionDenied("只有园区管理员可以复制年度计划");
  std::vector<FieldError> errors;
  if (!in.year) errors.push_back({"year", "请填写年度"});
  else if (*in.year < kMinYear || *in.year > kMaxYear) errors.push_back({"year", "年度应在2000至2100之间"});
  else if (*in.year == from->year) errors.push_back({"year", "新年度不能与原计划相同"});
  CheckTexts(in, errors);
  if (!errors.empty()) return Status::Validation("年度计划信息有误", errors);
  PARKHQ_ASSIGN_OR_RETURN(auto plans, repo_.ListPlans({from->park_id}));
  if (std::any_of(plans.begin(), plans.end(), [&](const Plan& p) { return p.year == *in.year; }))
    return Status::Conflict("该园区已有这一年度的计划", {{"year", "该年度已有计划"}});
  Plan to = *from;
  to.year = *in.year;
  to.title = in.title.value_or(from->title);
  to.doc_no = in.doc_no.value_or("");
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CopyPlan(*from, to, s));
  org_.InvalidateTasks(from->park_id);
  to.id = id;
  to.is_current = false;
  return to;
}

StatusOr<Plan> TaskService::UpdatePlan(const Scope& s, int64_t plan_id, const PlanInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.FindPlan(plan_id));
  if (!p || !s.CanReadPark(p->park_id)) return Status::NotFound("计划不存在");
  if (s.read_only || !s.CanAdminPark(p->park_id)) return Status::PermissionDenied("只有园区管理员可以修改年度计划");
  std::vector<FieldError> errors;
  if (in.year && *in.year != p->year) errors.push_back({"year", "年度不能修改，请复制为新年度计划"});
  CheckTexts(in, errors);
  if (!errors.empty()) return Status::Validation("年度计划信息有误", errors);
  if (in.title) p->title = *in.title;
  if (in.doc_no) p->doc_no = *in.doc_no;
  PARKHQ_RETURN_IF_ERROR(repo_.UpdatePlan(*p, s));
  return *p;
}

}  // namespace parkhq::task
