// Notifications (待办 / 通知), 催报 and scheduled jobs (issue 12).
#include "domain/jobs/job_runner.h"
#include "domain/notify/notification_service.h"
#include "http/handlers/briefing_handlers.h"
#include "http/handlers/briefing_module.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {

namespace {

json::object NotificationJson(const notify::Notification& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"category", n.category},
          {"title", n.title},
          {"body", n.body},
          {"link", n.link},
          {"park_id", OptJson(n.park_id)},
          {"created_at", n.created_at},
          {"read", n.read_at.has_value()},
          {"read_at", OptJson(n.read_at)}};
}

json::object RunJson(const jobs::JobRun& r) {
  return {{"id", r.id},         {"trigger", r.trigger},   {"started_at", r.started_at},
          {"finished_at", r.finished_at.empty() ? json::value(nullptr) : json::value(r.finished_at)},
          {"status", r.status}, {"log", r.log},           {"by", r.by}};
}

}  // namespace

StatusOr<Response> ListNotifications(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  const std::string kind = ctx.request.Query("kind").value_or("");
  const std::string unread = ctx.request.Query("unread").value_or("");
  if (!unread.empty() && unread != "1" && unread != "0" && unread != "true" && unread != "false")
    return Status::Validation("参数有误", {{"unread", "应为 1 或 0"}});
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.briefings->notifications->List(ctx.caller(), kind, unread == "1" || unread == "true",
                                                                      page.offset(), page.page_size));
  json::array items;
  for (const auto& n : list.items) items.push_back(NotificationJson(n));
  return Json(json::object{{"items", std::move(items)}, {"total", list.total}, {"unread", list.unread}});
}

StatusOr<Response> ReadNotification(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("通知不存在");
  PARKHQ_RETURN_IF_ERROR(s.briefings->notifications->MarkRead(ctx.caller(), *id));
  return NoContent();
}

StatusOr<Response> ReadAllNotifications(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t n, s.briefings->notifications->MarkAllRead(ctx.caller()));
  return Json(json::object{{"marked", n}});
}

StatusOr<Response> RemindLateReporters(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  Period period = Today().period().AddMonths(-1);
  if (!ctx.request.body.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
    FieldReader f(body);
    if (auto p = f.String("period", false, 16)) {
      if (auto parsed = Period::Parse(*p)) period = *parsed;
      else f.AddError("period", "格式应为 YYYY-MM，如 2023-06");
    }
    PARKHQ_RETURN_IF_ERROR(f.Finish("催报参数有误"));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.briefings->notifications->RemindLate(ctx.caller(), *park_id, period, Today()));
  json::array without;
  for (const auto& n : r.without_users) without.push_back(json::string(n));
  return Json(json::object{{"period", r.period.ToString()},
                           {"enterprises", r.enterprises},
                           {"users", r.users},
                           {"notified", r.notified},
                           {"without_users", std::move(without)}});
}

StatusOr<Response> ListJobs(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.briefings->jobs->List(ctx.caller()));
  json::array items;
  for (const auto& j : list) {
    json::array runs;
    for (const auto& r : j.runs) runs.push_back(RunJson(r));
    items.push_back({{"name", j.name}, {"title", j.title}, {"schedule", j.schedule}, {"runs", std::move(runs)}});
  }
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> RunJob(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto run, s.briefings->jobs->RunNow(ctx.caller(), ctx.params["name"]));
  return Json(RunJson(run));
}

}  // namespace parkhq::http::handlers
