// Plans of the management loop: copying a plan to a new year and editing a plan's title and number.
#include <algorithm>

#include "domain/task/task_service.h"
#include "http/handlers/task_handlers.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {

namespace {

StatusOr<int64_t> PlanId(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("计划不存在");
  return *id;
}

json::object PlanJson(const task::Plan& p) {
  return {{"id", p.id},       {"park_id", p.park_id}, {"year", p.year},
          {"title", p.title}, {"doc_no", p.doc_no},   {"is_current", p.is_current}};
}

StatusOr<task::TaskService::PlanInput> ReadPlan(const json::object& body, bool year_required) {
  FieldReader f(body);
  task::TaskService::PlanInput in;
  if (auto y = f.Int("year", year_required)) in.year = static_cast<int>(std::clamp<int64_t>(*y, -1, 100000));
  in.title = f.String("title", false, 300);
  in.doc_no = f.String("doc_no", false, 100);
  PARKHQ_RETURN_IF_ERROR(f.Finish("年度计划信息有误"));
  return in;
}

}  // namespace

// POST /task-plans/{id}/copy {"year", "title"?, "doc_no"?}: the copy, 201.
StatusOr<Response> CopyTaskPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadPlan(body, true));
  PARKHQ_ASSIGN_OR_RETURN(auto plan, s.tasks->CopyPlan(ctx.caller(), id, in));
  return Json(PlanJson(plan), 201);
}

// PATCH /task-plans/{id} {"title"?, "doc_no"?}
StatusOr<Response> UpdateTaskPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PlanId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadPlan(body, false));
  PARKHQ_ASSIGN_OR_RETURN(auto plan, s.tasks->UpdatePlan(ctx.caller(), id, in));
  return Json(PlanJson(plan));
}

}  // namespace parkhq::http::handlers
