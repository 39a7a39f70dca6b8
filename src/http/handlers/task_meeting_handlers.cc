// Dispatch meetings (调度会): the meeting, its agenda suggestions, decisions as 督办单, minutes as DOCX.
#include <map>

#include "common/time.h"
#include "domain/monitoring/monitoring_service.h"
#include "domain/project/project_service.h"
#include "domain/task/task_service.h"
#include "http/handlers/project_module.h"
#include "http/handlers/task_handlers.h"
#include "http/handlers/task_json.h"
#include "io/docx_writer.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

namespace tj = task_json;

namespace {

StatusOr<int64_t> MeetingId(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("会议不存在");
  return *id;
}

json::object MeetingJson(const task::Meeting& m) {
  return {{"id", m.id},           {"park_id", m.park_id},       {"title", m.title},
          {"held_on", m.held_on.ToString()}, {"chair", m.chair}, {"units", tj::Strings(m.units)},
          {"agenda", m.agenda},   {"minutes", m.minutes},       {"created_by", m.created_by},
          {"created_at", m.created_at}, {"is_demo", m.is_demo}};
}

json::object ViewJson(const task::MeetingView& v) {
  json::object o = MeetingJson(v.meeting);
  json::array d;
  for (const auto& s : v.decisions) d.push_back(tj::SupervisionJson(s, false));
  o["decisions"] = std::move(d);
  return o;
}

StatusOr<task::TaskService::NewMeeting> ReadMeeting(const json::object& body) {
  FieldReader f(body);
  task::TaskService::NewMeeting in;
  in.park_id = f.Int("park_id", false);
  in.title = f.String("title", true, 300).value_or("");
  in.held_on = f.DateString("held_on", true).value_or("");
  in.chair = f.String("chair", false, 100).value_or("");
  tj::ReadNames(f, "units", in.units, false);
  in.agenda = f.String("agenda", false, 20000).value_or("");
  in.minutes = f.String("minutes", false, 100000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("会议信息有误"));
  return in;
}

// The monitoring warnings of the park's latest reported month (empty when the caller may not read
// monitoring or nothing is reported yet).
json::array AgendaWarnings(const Scope& caller, const Services& s, int64_t park) {
  json::array out;
  if (!s.monitoring) return out;
  auto latest = s.monitoring->LatestPeriod(caller, park);
  if (!latest.ok() || !*latest) return out;
  auto d = s.monitoring->ParkDashboard(caller, park, **latest, monitoring::Basis::kAll);
  if (!d.ok()) return out;
  for (const auto& w : d->warnings)
    out.push_back(json::object{{"park_id", w.park_id},
                               {"park", w.park_name},
                               {"period", w.warning.period.ToString()},
                               {"indicator_code", w.warning.indicator_code},
                               {"message", w.warning.message},
                               {"responsible_unit", w.warning.responsible_unit}});
  return out;
}

// Projects with a red light today (start or progress), by name (empty when the caller may not read
// projects).
json::array AgendaRedProjects(const Scope& caller, const Services& s, int64_t park) {
  json::array out;
  if (!s.projects || !s.projects->projects) return out;
  auto lights = s.projects->projects->Lights(caller, park, Today());
  if (!lights.ok()) return out;
  std::map<int64_t, std::string> red;  // id → why
  for (const auto& l : *lights) {
    if (l.start.light == project::Light::kRed) red[l.project_id] = "start";
    else if (l.progress.light == project::Light::kRed) red[l.project_id] = "progress";
  }
  if (red.empty()) return out;
  project::ProjectFilter f;
  f.limit = 0;
  auto page = s.projects->projects->List(caller, f, park);
  if (!page.ok()) return out;
  for (const auto& p : page->items)
    if (auto it = red.find(p.core.id); it != red.end())
      out.push_back(json::object{{"id", p.core.id}, {"name", p.core.name}, {"light", it->second}});
  return out;
}

}  // namespace

StatusOr<Response> ListMeetings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.tasks->ListMeetings(ctx.caller(), park));
  json::array a;
  for (const auto& m : list) a.push_back(MeetingJson(m));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

// POST /meetings {"title","held_on","chair","units":[names],"agenda","minutes"?,"park_id"?}
StatusOr<Response> CreateMeeting(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadMeeting(body));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->CreateMeeting(ctx.caller(), in));
  return Json(ViewJson(v), 201);
}

StatusOr<Response> GetMeeting(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, MeetingId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->GetMeeting(ctx.caller(), id));
  return Json(ViewJson(v));
}

StatusOr<Response> UpdateMeeting(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, MeetingId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto in, ReadMeeting(body));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->UpdateMeeting(ctx.caller(), id, in));
  return Json(ViewJson(v));
}

// POST /meetings/{id}/decisions {"title","units":[names],"deadline","content"?}: a 交办 item (督办单).
StatusOr<Response> AddMeetingDecision(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, MeetingId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  task::TaskService::NewSupervision in;
  in.title = f.String("title", true, 300).value_or("");
  in.content = f.String("content", false, 5000).value_or("");
  in.deadline = f.DateString("deadline", true).value_or("");
  tj::ReadNames(f, "units", in.units, true);
  PARKHQ_RETURN_IF_ERROR(f.Finish("督办单有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->AddDecision(ctx.caller(), id, in));
  return Json(tj::SupervisionJson(v, true), 201);
}

// GET /meeting-agenda?park_id=: what the agenda can pull in (items behind, 督办 overdue).
StatusOr<Response> MeetingAgenda(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto a, s.tasks->Suggestions(ctx.caller(), park));
  json::array items, sups;
  for (const auto& i : a.behind_items) items.push_back(tj::ItemJson(i, false));
  for (const auto& sv : a.overdue_supervision) sups.push_back(tj::SupervisionJson(sv, false));
  return Json(json::object{{"park_id", a.park_id},
                           {"behind_items", std::move(items)},
                           {"overdue_supervision", std::move(sups)},
                           {"warnings", AgendaWarnings(ctx.caller(), s, a.park_id)},
                           {"red_projects", AgendaRedProjects(ctx.caller(), s, a.park_id)}});
}

// GET /meetings/{id}/minutes.docx: the minutes (会议纪要) with the decisions and their units.
StatusOr<Response> MeetingMinutesDocx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, MeetingId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->GetMeeting(ctx.caller(), id));
  using K = io::DocxBlock::Kind;
  const auto& m = v.meeting;
  io::DocxDocument doc;
  doc.title = m.title + "纪要";
  std::string units;
  for (const auto& u : m.units) units += (units.empty() ? "" : "、") + u;
  doc.subtitle = "时间：" + m.held_on.ToString() + "    主持：" + m.chair;
  auto block = [&doc](io::DocxBlock::Kind kind, std::string text) {
    io::DocxBlock b;
    b.kind = kind;
    b.text = std::move(text);
    doc.blocks.push_back(std::move(b));
  };
  block(K::kNote, "参会单位：" + units);
  block(K::kHeading, "一、会议议程");
  size_t start = 0;
  int n = 0;
  while (start < m.agenda.size()) {
    size_t end = m.agenda.find('\n', start);
    if (end == std::string::npos) end = m.agenda.size();
    const std::string line = m.agenda.substr(start, end - start);
    if (!line.empty()) block(K::kParagraph, std::to_string(++n) + ". " + line);
    start = end + 1;
  }
  if (!m.minutes.empty()) {
    block(K::kHeading, "二、会议纪要");
    block(K::kParagraph, m.minutes);
  }
  block(K::kHeading, m.minutes.empty() ? "二、议定事项（交办督办）" : "三、议定事项（交办督办）");
  n = 0;
  for (const auto& d : v.decisions) {
    std::string who;
    for (const auto& u : d.s.units) who += (who.empty() ? "" : "、") + d.unit_names.at(u.unit_id);
    block(K::kParagraph, std::to_string(++n) + ". " + d.s.title + "（" + d.s.no + "；责任单位：" + who +
                                    "；完成时限：" + d.s.deadline.ToString() + "）");
  }
  if (v.decisions.empty()) block(K::kParagraph, "无");
  if (m.is_demo) block(K::kNote, "（演示数据）");
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteDocx(doc));
  r.content_type = io::kDocxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(m.title + "纪要.docx"));
  return r;
}

}  // namespace parkhq::http::handlers
