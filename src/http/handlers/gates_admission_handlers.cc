// 项目准入评审: POST/GET /api/v1/projects/{id}/admission (the signing gate itself is a stage rule
// of the project service, checked on POST /projects/{id}/stage).
#include <cmath>

#include "domain/project/project_service.h"
#include "http/handlers/gates_handlers.h"
#include "http/handlers/project_module.h"
#include "http/json/json_util.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

using project::Admission;

const project::ProjectService& Svc(const Services& s) { return *s.projects->projects; }

StatusOr<int64_t> Id(const RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("项目不存在或无权访问");
  return *id;
}

std::string TextOf(const json::value* v) { return v && v->is_string() ? std::string(v->as_string()) : ""; }

// "reasons": a string or an array of strings.
void ReadReasons(FieldReader& f, const json::object& body, Admission& a) {
  const json::value* v = body.if_contains("reasons");
  if (!v || v->is_null()) return;
  if (v->is_string()) {
    if (!v->as_string().empty()) a.reasons.emplace_back(v->as_string());
  } else if (v->is_array()) {
    for (const auto& x : v->as_array()) {
      if (!x.is_string()) {
        f.AddError("reasons", "理由应为文字或文字数组");
        return;
      }
      a.reasons.emplace_back(x.as_string());
    }
  } else {
    f.AddError("reasons", "理由应为文字或文字数组");
  }
}

// "scores": {criterion: number | bool | {"score","pass","evidence"}}.
void ReadScores(FieldReader& f, const json::object& body, Admission& a) {
  const json::value* v = body.if_contains("scores");
  if (!v || v->is_null()) return;
  if (!v->is_object()) {
    f.AddError("scores", "评审得分应为对象（指标 → 得分）");
    return;
  }
  for (const auto& [key, val] : v->as_object()) {
    project::AdmissionScore sc;
    sc.criterion = std::string(key);
    const std::string field = "scores." + sc.criterion.substr(0, 40);
    if (val.is_number()) {
      sc.score = val.to_number<double>();
    } else if (val.is_bool()) {
      sc.pass = val.as_bool();
    } else if (val.is_object()) {
      const auto& o = val.as_object();
      if (const auto* x = o.if_contains("score"); x && !x->is_null()) {
        if (x->is_number()) sc.score = x->to_number<double>();
        else f.AddError(field, "得分应为数字");
      }
      if (const auto* x = o.if_contains("pass"); x && !x->is_null()) {
        if (x->is_bool()) sc.pass = x->as_bool();
        else f.AddError(field, "是否通过应为 true 或 false");
      }
      sc.evidence = TextOf(o.if_contains("evidence"));
    } else {
      f.AddError(field, "得分应为数字、true/false 或对象");
      continue;
    }
    a.scores.push_back(std::move(sc));
  }
}

void ReadOpinions(FieldReader& f, const json::object& body, Admission& a) {
  const json::value* v = body.if_contains("opinions");
  if (!v || v->is_null()) return;
  if (!v->is_array()) {
    f.AddError("opinions", "评审意见应为数组");
    return;
  }
  for (const auto& x : v->as_array()) {
    if (!x.is_object()) {
      f.AddError("opinions", "每条评审意见应为对象");
      return;
    }
    const auto& o = x.as_object();
    a.opinions.push_back({TextOf(o.if_contains("unit")), TextOf(o.if_contains("reviewer")),
                          TextOf(o.if_contains("opinion"))});
  }
}

json::object AdmissionJson(const Admission& a) {
  json::array reasons, scores, opinions;
  for (const auto& r : a.reasons) reasons.emplace_back(r);
  for (const auto& sc : a.scores) {
    json::object o{{"criterion", sc.criterion}, {"evidence", sc.evidence}};
    o["score"] = OptJson(sc.score);
    o["pass"] = sc.pass ? json::value(*sc.pass) : json::value(nullptr);
    scores.push_back(std::move(o));
  }
  for (const auto& op : a.opinions)
    opinions.push_back(json::object{{"unit", op.unit}, {"reviewer", op.reviewer}, {"opinion", op.opinion}});
  return json::object{{"id", a.id},
                      {"project_id", a.project_id},
                      {"park_id", a.park_id},
                      {"decision", project::AdmissionDecisionCode(a.decision)},
                      {"decision_name", project::AdmissionDecisionNameZh(a.decision)},
                      {"reasons", std::move(reasons)},
                      {"scores", std::move(scores)},
                      {"opinions", std::move(opinions)},
                      {"decided_on", a.decided_on.ToString()},
                      {"decided_by", a.decided_by},
                      {"is_demo", a.is_demo},
                      {"created_at", a.created_at}};
}

Response AdmissionsResponse(const std::vector<Admission>& list) {
  json::array items;
  for (const auto& a : list) items.push_back(AdmissionJson(a));
  json::object out;
  out["decision"] = list.empty() ? json::value(nullptr) : json::value(project::AdmissionDecisionCode(list[0].decision));
  out["current"] = list.empty() ? json::value(nullptr) : json::value(AdmissionJson(list[0]));
  out["items"] = std::move(items);
  out["total"] = static_cast<int64_t>(list.size());
  return Json(out);
}

// The projects of a park with their current decision (none: not reviewed yet).
struct ParkAdmissionRow {
  project::ProjectRecord project;
  std::optional<Admission> current;
};

StatusOr<std::vector<ParkAdmissionRow>> ParkRows(RequestContext& ctx, const Services& s) {
  auto park = ctx.IdParam("park_id");
  if (!park) return Status::NotFound("园区不存在或无权访问");
  project::ProjectFilter f;
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto page, Svc(s).List(ctx.caller(), f, *park));
  std::vector<ParkAdmissionRow> out;
  for (auto& p : page.items) {
    PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).Admissions(ctx.caller(), p.core.id));
    ParkAdmissionRow row{std::move(p), std::nullopt};
    if (!list.empty()) row.current = list.front();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

StatusOr<Response> ListParkAdmissions(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, ParkRows(ctx, s));
  json::array items;
  for (const auto& r : rows) {
    json::object o{{"project_id", r.project.core.id},
                   {"project_name", r.project.core.name},
                   {"stage", project::StageCode(r.project.core.stage)},
                   {"total_investment", r.project.core.total_investment}};
    o["decision"] = r.current ? json::value(project::AdmissionDecisionCode(r.current->decision)) : json::value(nullptr);
    o["decided_on"] = r.current ? json::value(r.current->decided_on.ToString()) : json::value(nullptr);
    json::array reasons;
    if (r.current)
      for (const auto& x : r.current->reasons) reasons.emplace_back(x);
    o["reasons"] = std::move(reasons);
    items.push_back(std::move(o));
  }
  return JsonList(std::move(items), static_cast<int64_t>(rows.size()));
}

StatusOr<Response> ExportParkAdmissions(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, ParkRows(ctx, s));
  using io::Column;
  io::Sheet sheet;
  sheet.name = "项目准入评审";
  sheet.title = "项目准入评审";
  sheet.columns = {Column{"项目", 36}, Column{"阶段", 10}, Column{"总投资(万元)", 14, io::ColumnKind::kNumber},
                   Column{"评审结论", 12}, Column{"评审日期", 12}, Column{"理由", 50}};
  bool demo = false;
  for (const auto& r : rows) {
    std::string reasons;
    if (r.current) {
      demo = demo || r.current->is_demo;
      for (const auto& x : r.current->reasons) reasons += (reasons.empty() ? "" : "；") + x;
    }
    sheet.rows.push_back({r.project.core.name, project::StageNameZh(r.project.core.stage),
                          r.project.core.total_investment,
                          r.current ? project::AdmissionDecisionNameZh(r.current->decision) : "未评审",
                          r.current ? r.current->decided_on.ToString() : "", reasons});
  }
  if (demo) sheet.notes.push_back("含演示数据（DEMO）");
  Response resp;
  PARKHQ_ASSIGN_OR_RETURN(resp.body, io::WriteXlsx({sheet}));
  resp.content_type = io::kXlsxContentType;
  resp.AddHeader("Content-Disposition", io::AttachmentDisposition("项目准入评审.xlsx"));
  return resp;
}

StatusOr<Response> PostProjectAdmission(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  Admission a;
  if (auto d = f.String("decision", true, 20)) {
    if (auto dec = project::ParseAdmissionDecision(*d)) a.decision = *dec;
    else f.AddError("decision", "应为 approved、conditional 或 rejected");
  }
  ReadReasons(f, body, a);
  ReadScores(f, body, a);
  ReadOpinions(f, body, a);
  if (auto d = f.DateString("decided_on", false)) {
    if (auto date = Date::Parse(*d)) a.decided_on = *date;
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("准入评审信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).RecordAdmission(ctx.caller(), id, std::move(a)));
  return AdmissionsResponse(list);
}

StatusOr<Response> GetProjectAdmission(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).Admissions(ctx.caller(), id));
  return AdmissionsResponse(list);
}

}  // namespace parkhq::http::handlers
