// Supervision (督查督办) and leaders' instructions (批示).
#include "domain/task/task_service.h"
#include "http/handlers/task_handlers.h"
#include "http/handlers/task_json.h"

namespace parkhq::http::handlers {

namespace tj = task_json;

namespace task_json {

json::object SupervisionJson(const task::SupervisionView& v, bool with_events) {
  const auto& s = v.s;
  const auto name = [&](int64_t id) { return v.unit_names.count(id) ? v.unit_names.at(id) : std::string(); };
  json::array units;
  for (const auto& u : s.units)
    units.push_back({{"unit_id", u.unit_id},
                     {"unit", name(u.unit_id)},
                     {"state", u.state},
                     {"received_at", u.received_at},
                     {"assignee", u.assignee},
                     {"done_at", u.done_at},
                     {"done_text", u.done_text},
                     {"evidence", u.evidence},
                     {"confirmed_at", u.confirmed_at}});
  json::value ext = nullptr;
  if (s.ext_deadline)
    ext = json::object{{"deadline", s.ext_deadline->ToString()},
                       {"reason", s.ext_reason},
                       {"unit", s.ext_unit_id ? json::value(name(*s.ext_unit_id)) : json::value(nullptr)}};
  json::object o{{"id", s.id},
                 {"park_id", s.park_id},
                 {"no", s.no},
                 {"title", s.title},
                 {"content", s.content},
                 {"deadline", s.deadline.ToString()},
                 {"source", json::object{{"kind", s.source_kind}, {"id", s.source_id}, {"text", s.source_text}}},
                 {"state", s.state},
                 {"issued_by", s.issued_by},
                 {"issued_at", s.issued_at},
                 {"closed_at", s.closed_at},
                 {"light", v.light},
                 {"days_left", v.days_left},
                 {"extension", ext},
                 {"units", std::move(units)},
                 {"is_demo", s.is_demo}};
  if (with_events) {
    json::array ev;
    for (const auto& e : s.events)
      ev.push_back({{"id", e.id},
                    {"unit", e.unit_id ? json::value(name(*e.unit_id)) : json::value(nullptr)},
                    {"kind", e.kind},
                    {"text", e.text},
                    {"at", e.at},
                    {"username", e.username}});
    o["events"] = std::move(ev);
  }
  return o;
}

json::object InstructionJson(const task::Instruction& i) {
  return {{"id", i.id},
          {"park_id", i.park_id},
          {"target", json::object{{"kind", i.target_kind}, {"id", i.target_id}}},
          {"text", i.text},
          {"created_by", i.created_by},
          {"created_at", i.created_at}};
}

}  // namespace task_json

namespace {

StatusOr<int64_t> SupId(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("督办单不存在");
  return *id;
}

// A JSON value that may be a string or a number, as text ("" when absent).
std::string IdText(const json::value* v) {
  if (!v || v->is_null()) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return "";
}

}  // namespace

// POST /supervision {"title","units":[names],"deadline","content"?,"park_id"?,"source"?:{"kind","id","text"}}
StatusOr<Response> IssueSupervision(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  task::TaskService::NewSupervision in;
  in.park_id = f.Int("park_id", false);
  in.title = f.String("title", true, 300).value_or("");
  in.content = f.String("content", false, 5000).value_or("");
  in.deadline = f.DateString("deadline", true).value_or("");
  if (const json::value* u = f.Raw("units"); u && !u->is_null()) {
    if (!u->is_array() || u->as_array().size() > 30) {
      f.AddError("units", "应为单位名称的数组");
    } else {
      for (const auto& x : u->as_array()) {
        if (!x.is_string() || x.as_string().size() > 100) {
          f.AddError("units", "应为单位名称的数组");
          break;
        }
        in.units.push_back(std::string(x.as_string()));
      }
    }
  } else {
    f.AddError("units", "必填");
  }
  if (const json::value* src = f.Raw("source"); src && !src->is_null()) {
    if (!src->is_object()) {
      f.AddError("source", "应为对象（含 kind、id、text）");
    } else {
      FieldReader sf(src->as_object(), "source.");
      in.source_kind = sf.String("kind", true, 40).value_or("");
      in.source_id = IdText(src->as_object().if_contains("id"));
      in.source_text = sf.String("text", false, 2000).value_or("");
      for (const auto& e : sf.errors()) f.AddError(e.field, e.message);
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("督办单有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->IssueSupervision(ctx.caller(), in));
  return Json(tj::SupervisionJson(v, true), 201);
}

StatusOr<Response> ListSupervision(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.tasks->ListSupervisions(ctx.caller(), park));
  const std::string state = ctx.request.Query("state").value_or("");
  json::array a;
  json::object counts{{"green", 0}, {"yellow", 0}, {"red", 0}, {"closed", 0}};
  int64_t n = 0;
  for (const auto& v : list) {
    const std::string key = v.s.state == "closed" ? "closed" : v.light;
    counts[key] = counts[key].as_int64() + 1;
    if (!state.empty() && v.s.state != state) continue;
    a.push_back(tj::SupervisionJson(v, false));
    ++n;
  }
  return Json(json::object{{"items", std::move(a)}, {"total", n}, {"counts", counts}});
}

StatusOr<Response> GetSupervision(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, SupId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->GetSupervision(ctx.caller(), id));
  return Json(tj::SupervisionJson(v, true));
}

// POST /supervision/{id}/{step} for receive | assign {"assignee"} | progress {"text"} |
// done {"text","evidence"?} | extension {"reason","deadline"}.
StatusOr<Response> SupervisionUnitStep(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, SupId(ctx));
  const std::string& path = ctx.request.path;
  const std::string step = path.substr(path.rfind('/') + 1);
  json::object body;
  if (!ctx.request.body.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(body, ParseBody(ctx.request));
  }
  FieldReader f(body);
  std::string text, evidence, deadline;
  if (step == "assign") text = f.String("assignee", true, 100).value_or("");
  if (step == "progress" || step == "done") text = f.String("text", true, 5000).value_or("");
  if (step == "done") evidence = f.String("evidence", false, 2000).value_or("");
  if (step == "extension") {
    text = f.String("reason", true, 2000).value_or("");
    deadline = f.DateString("deadline", true).value_or("");
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish());
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->UnitStep(ctx.caller(), id, step, text, evidence, deadline));
  return Json(tj::SupervisionJson(v, true));
}

// POST /supervision/{id}/confirm {"unit"?,"comment"?}: 销号 the units that reported done.
StatusOr<Response> SupervisionConfirm(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, SupId(ctx));
  json::object body;
  if (!ctx.request.body.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(body, ParseBody(ctx.request));
  }
  FieldReader f(body);
  const std::string unit = f.String("unit", false, 100).value_or("");
  const std::string comment = f.String("comment", false, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish());
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->IssuerStep(ctx.caller(), id, "confirm", unit, comment));
  return Json(tj::SupervisionJson(v, true));
}

// POST /supervision/{id}/return {"reason","unit"?}
StatusOr<Response> SupervisionReturn(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, SupId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string unit = f.String("unit", false, 100).value_or("");
  const std::string reason = f.String("reason", true, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish());
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->IssuerStep(ctx.caller(), id, "return", unit, reason));
  return Json(tj::SupervisionJson(v, true));
}

// POST /supervision/{id}/extension/decision {"approve":true|false,"comment"?}
StatusOr<Response> SupervisionExtensionDecision(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, SupId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const auto approve = f.Bool("approve", true);
  const std::string comment = f.String("comment", false, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish());
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->IssuerStep(ctx.caller(), id,
                                                      *approve ? "extension_approve" : "extension_refuse", "", comment));
  return Json(tj::SupervisionJson(v, true));
}

// POST /instructions {"target":{"kind","id"},"text","park_id"?}: a leader's 批示.
StatusOr<Response> AddInstruction(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  task::Instruction in;
  const auto park = f.Int("park_id", false);
  in.text = f.String("text", true, 5000).value_or("");
  if (const json::value* t = f.Raw("target"); t && t->is_object()) {
    FieldReader tf(t->as_object(), "target.");
    in.target_kind = tf.String("kind", true, 40).value_or("");
    in.target_id = IdText(t->as_object().if_contains("id"));
    for (const auto& e : tf.errors()) f.AddError(e.field, e.message);
  } else {
    f.AddError("target", "必填");
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("批示有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto i, s.tasks->AddInstruction(ctx.caller(), park, in));
  return Json(tj::InstructionJson(i), 201);
}

StatusOr<Response> ListInstructions(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.tasks->ListInstructions(ctx.caller(), park));
  json::array a;
  for (const auto& i : list) a.push_back(tj::InstructionJson(i));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

}  // namespace parkhq::http::handlers
