#include "http/handlers/project_handlers.h"
#include <algorithm>
#include <map>

#include "domain/project/project_service.h"
#include "http/handlers/project_json.h"
#include "http/handlers/project_module.h"

namespace parkhq::http::handlers {
namespace {

using project::ProjectRecord;

const project::ProjectService& Svc(const Services& s) { return *s.projects->projects; }

StatusOr<int64_t> Id(const RequestContext& ctx, const char* name = "id") {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound("项目不存在或无权访问");
  return *id;
}

// The park's light thresholds (defaults when they cannot be read).
project::LightSettings SettingsFor(const RequestContext& ctx, const Services& s, int64_t park_id) {
  auto st = Svc(s).GetLightSettings(ctx.caller(), park_id);
  return st.ok() ? *st : project::LightSettings{};
}

// The project with its lights at today and its per-project funds rate.
json::object ProjectDetailJson(const RequestContext& ctx, const Services& s, const ProjectRecord& p) {
  json::object o = ProjectJson(p);
  const Date today = Today();
  o["lights"] = LightsJson(project::ComputeLights(p.core, today, SettingsFor(ctx, s, p.core.park_id)));
  auto funds = project::ProjectFundsInPlaceRate(p.core, today);
  o["funds_in_place_total"] = Round(funds.funds_in_place, 4);
  o["funds_in_place_pct"] = RoundOpt(funds.value_pct, 2);
  return o;
}

std::optional<Date> ReadDate(FieldReader& f, const char* key, bool required) {
  auto s = f.DateString(key, required);
  return s ? Date::Parse(*s) : std::nullopt;
}

}  // namespace

StatusOr<Response> CreateProject(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  ProjectRecord p;
  p.core.park_id = f.Int("park_id", true).value_or(0);
  f.String("name", true, 300);
  ReadProjectFields(f, body, p);
  if (auto st = f.String("stage", false, 20)) {
    if (auto stage = project::ParseStage(*st)) p.core.stage = *stage;
    else f.AddError("stage", "未知阶段");
  }
  project::StageDates actual;
  {
    // Actual dates are accepted on creation (projects entered mid-pipeline).
    json::object only;
    if (auto* v = body.if_contains("actual")) only["planned"] = *v;
    FieldReader tmp(only);
    ProjectRecord probe;
    ReadProjectFields(tmp, only, probe);
    for (const auto& e : tmp.errors()) f.AddError("actual" + e.field.substr(std::min<size_t>(7, e.field.size())), e.message);
    p.core.actual = probe.core.planned;
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("项目信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto created, Svc(s).Create(ctx.caller(), std::move(p)));
  return Json(ProjectDetailJson(ctx, s, created), 201);
}

StatusOr<Response> ListProjects(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  project::ProjectFilter f;
  std::optional<int64_t> park_id;
  std::vector<FieldError> errs;
  auto int_param = [&](const char* name) -> std::optional<int64_t> {
    auto q = ctx.request.Query(name);
    if (!q || q->empty()) return std::nullopt;
    try {
      return std::stoll(*q);
    } catch (const std::exception&) {
      errs.push_back({name, "应为整数"});
      return std::nullopt;
    }
  };
  park_id = int_param("park_id");
  f.chain_link_id = int_param("chain_link_id");
  f.responsible_unit_id = int_param("responsible_unit_id");
  if (auto y = int_param("plan_year")) f.plan_year = static_cast<int>(*y);
  if (auto q = ctx.request.Query("stage"); q && !q->empty()) {
    f.stage = project::ParseStage(*q);
    if (!f.stage) errs.push_back({"stage", "未知阶段"});
  }
  if (auto q = ctx.request.Query("kind"); q && !q->empty()) {
    f.kind = project::ParseKind(*q);
    if (!f.kind) errs.push_back({"kind", "应为 new 或 continuing"});
  }
  if (auto q = ctx.request.Query("suspended"); q && !q->empty()) f.suspended = *q == "true" || *q == "1";
  if (auto q = ctx.request.Query("terminated"); q && !q->empty()) f.terminated = *q == "true" || *q == "1";
  f.q = ctx.request.Query("q").value_or("");
  f.sort = ctx.request.Query("sort").value_or("id");
  if (!errs.empty()) return Status::Validation("查询参数有误", errs);
  f.offset = page.offset();
  f.limit = page.page_size;
  PARKHQ_ASSIGN_OR_RETURN(auto result, Svc(s).List(ctx.caller(), f, park_id));
  json::array items;
  const Date today = Today();
  std::map<int64_t, project::LightSettings> settings;
  for (const auto& p : result.items) {
    json::object o = ProjectJson(p);
    if (!settings.count(p.core.park_id)) settings[p.core.park_id] = SettingsFor(ctx, s, p.core.park_id);
    o["lights"] = LightsJson(project::ComputeLights(p.core, today, settings[p.core.park_id]));
    items.push_back(std::move(o));
  }
  return JsonList(std::move(items), result.total);
}

StatusOr<Response> GetProject(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).Get(ctx.caller(), id));
  json::object o = ProjectDetailJson(ctx, s, p);
  o["can_edit"] = project::CanWriteProject(ctx.caller(), p);
  return Json(o);
}

StatusOr<Response> UpdateProject(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).Get(ctx.caller(), id));
  FieldReader f(body);
  if (body.contains("name")) f.String("name", true, 300);
  ReadProjectFields(f, body, p);
  PARKHQ_RETURN_IF_ERROR(f.Finish("项目信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto updated, Svc(s).Update(ctx.caller(), id, std::move(p)));
  return Json(ProjectDetailJson(ctx, s, updated));
}

StatusOr<Response> ChangeProjectStage(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::StageChangeRequest r;
  if (auto st = f.String("stage", true, 20)) {
    if (auto stage = project::ParseStage(*st)) r.to = *stage;
    else f.AddError("stage", "未知阶段");
  }
  if (auto d = ReadDate(f, "date", true)) r.date = *d;
  r.reason = f.String("reason", false, 1000).value_or("");
  r.override_admission = f.Bool("override_admission", false).value_or(false);  // issue 15
  {
    json::object only;
    if (auto* v = body.if_contains("dates")) only["planned"] = *v;
    FieldReader tmp(only);
    ProjectRecord probe;
    ReadProjectFields(tmp, only, probe);
    for (const auto& e : tmp.errors()) f.AddError("dates" + e.field.substr(std::min<size_t>(7, e.field.size())), e.message);
    r.skipped_dates = probe.core.planned;
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("阶段变更信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).ChangeStage(ctx.caller(), id, r));
  return Json(ProjectDetailJson(ctx, s, p));
}

StatusOr<Response> ChangeProjectFlag(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::FlagChangeRequest r;
  if (auto a = f.String("action", true, 30)) {
    if (*a == "suspend") r.action = project::FlagAction::kSuspend;
    else if (*a == "lift_suspension") r.action = project::FlagAction::kLiftSuspension;
    else if (*a == "terminate") r.action = project::FlagAction::kTerminate;
    else f.AddError("action", "应为 suspend、lift_suspension 或 terminate");
  }
  if (auto d = ReadDate(f, "date", true)) r.date = *d;
  r.reason = f.String("reason", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("标记变更信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).ChangeFlag(ctx.caller(), id, r));
  return Json(ProjectDetailJson(ctx, s, p));
}

StatusOr<Response> GetProjectStageLog(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto log, Svc(s).StageLog(ctx.caller(), id));
  json::array items;
  for (const auto& e : log) items.push_back(StageLogJson(e));
  return JsonList(std::move(items), static_cast<int64_t>(log.size()));
}

StatusOr<Response> PutProjectInvestment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::MonthlyInvestment m;
  if (auto per = f.String("period", true, 7)) {
    if (auto p = Period::Parse(*per)) m.period = *p;
    else f.AddError("period", "月份格式应为 YYYY-MM");
  }
  m.completed = f.Number("completed", true).value_or(0);
  m.funds_in_place = f.Number("funds_in_place", false).value_or(0);
  if (const auto* src = body.if_contains("funds_by_source"); src && !src->is_null()) {
    if (!src->is_object()) {
      f.AddError("funds_by_source", "应为对象");
    } else {
      FieldReader sub(src->as_object(), "funds_by_source.");
      m.funds_by_source.out_of_province = sub.Number("out_of_province", false).value_or(0);
      m.funds_by_source.in_province = sub.Number("in_province", false).value_or(0);
      m.funds_by_source.foreign = sub.Number("foreign", false).value_or(0);
      for (const auto& e : sub.errors()) f.AddError(e.field, e.message);
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("投资填报有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).ReportInvestment(ctx.caller(), id, m));
  return Json(ProjectDetailJson(ctx, s, p));
}

// ---- Milestones, approvals, problems ---------------------------------------------------------

namespace {
// A project's child records as {"items","total"}: `load(id)` reads them, `render` makes each JSON.
template <typename Load, typename Render>
StatusOr<Response> ChildList(RequestContext& ctx, Load load, Render render) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, load(id));
  json::array items;
  for (const auto& x : v) items.push_back(render(x));
  return JsonList(std::move(items), static_cast<int64_t>(v.size()));
}
}  // namespace

StatusOr<Response> ListProjectMilestones(RequestContext& ctx, const Services& s) {
  return ChildList(ctx, [&](int64_t id) { return Svc(s).Milestones(ctx.caller(), id); }, MilestoneJson);
}

StatusOr<Response> SaveProjectMilestone(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::Milestone m;
  m.id = ctx.IdParam("item_id").value_or(0);
  m.title = f.String("title", true, 200).value_or("");
  m.planned_date = ReadDate(f, "planned_date", false);
  m.actual_date = ReadDate(f, "actual_date", false);
  m.note = f.String("note", false, 2000).value_or("");
  m.sort = static_cast<int>(f.Int("sort", false).value_or(0));
  PARKHQ_RETURN_IF_ERROR(f.Finish("节点信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).SaveMilestone(ctx.caller(), id, m));
  return Json(MilestoneJson(saved), m.id ? 200 : 201);
}

StatusOr<Response> ListProjectApprovals(RequestContext& ctx, const Services& s) {
  return ChildList(ctx, [&](int64_t id) { return Svc(s).Approvals(ctx.caller(), id); }, ApprovalJson);
}

StatusOr<Response> SaveProjectApproval(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::ApprovalItem a;
  a.id = ctx.IdParam("item_id").value_or(0);
  a.item = f.String("item", true, 200).value_or("");
  a.status = f.String("status", false, 20).value_or("pending");
  a.deadline = ReadDate(f, "deadline", false);
  a.done_on = ReadDate(f, "done_on", false);
  a.tolerance_acceptance = f.Bool("tolerance_acceptance", false).value_or(false);
  a.commitment = f.Bool("commitment", false).value_or(false);
  a.agent = f.String("agent", false, 200).value_or("");
  a.note = f.String("note", false, 2000).value_or("");
  a.sort = static_cast<int>(f.Int("sort", false).value_or(0));
  PARKHQ_RETURN_IF_ERROR(f.Finish("审批事项有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).SaveApproval(ctx.caller(), id, a));
  return Json(ApprovalJson(saved), a.id ? 200 : 201);
}

StatusOr<Response> ListProjectProblems(RequestContext& ctx, const Services& s) {
  return ChildList(ctx, [&](int64_t id) { return Svc(s).Problems(ctx.caller(), id); }, ProblemJson);
}

StatusOr<Response> SaveProjectProblem(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::Problem p;
  p.id = ctx.IdParam("item_id").value_or(0);
  p.issue = f.String("issue", true, 1000).value_or("");
  p.raised_on = ReadDate(f, "raised_on", false).value_or(Today());
  p.responsible_unit = f.String("responsible_unit", false, 200).value_or("");
  p.deadline = ReadDate(f, "deadline", false);
  p.status = f.String("status", false, 20).value_or("open");
  p.resolution = f.String("resolution", false, 2000).value_or("");
  p.resolved_on = ReadDate(f, "resolved_on", false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("问题信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).SaveProblem(ctx.caller(), id, p));
  return Json(ProblemJson(saved), p.id ? 200 : 201);
}

namespace {
StatusOr<Response> DeleteChild(RequestContext& ctx, const Services& s, const char* entity) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  auto item = ctx.IdParam("item_id");
  if (!item) return Status::NotFound("记录不存在");
  PARKHQ_RETURN_IF_ERROR(Svc(s).DeleteChild(ctx.caller(), id, entity, *item));
  return NoContent();
}
}  // namespace

StatusOr<Response> DeleteProjectMilestone(RequestContext& ctx, const Services& s) {
  return DeleteChild(ctx, s, "milestone");
}
StatusOr<Response> DeleteProjectApproval(RequestContext& ctx, const Services& s) {
  return DeleteChild(ctx, s, "approval");
}
StatusOr<Response> DeleteProjectProblem(RequestContext& ctx, const Services& s) {
  return DeleteChild(ctx, s, "problem");
}

}  // namespace parkhq::http::handlers
