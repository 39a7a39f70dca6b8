// SqlProjectRepository, part three: the admission review decisions (migration 0150). Reasons,
// scores and opinions are kept as JSON text columns (they are read and written whole).
#include <boost/json.hpp>
#include <cmath>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/project/sql_project_repository.h"

namespace parkhq::storage {

namespace json = boost::json;
using project::Admission;

namespace {

std::string Str(const json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string ReasonsJson(const Admission& a) {
  json::array arr;
  for (const auto& r : a.reasons) arr.emplace_back(r);
  return json::serialize(arr);
}

std::string ScoresJson(const Admission& a) {
  json::array arr;
  for (const auto& s : a.scores) {
    json::object o{{"criterion", s.criterion}, {"evidence", s.evidence}};
    o["score"] = s.score && std::isfinite(*s.score) ? json::value(*s.score) : json::value(nullptr);
    o["pass"] = s.pass ? json::value(*s.pass) : json::value(nullptr);
    arr.push_back(std::move(o));
  }
  return json::serialize(arr);
}

std::string OpinionsJson(const Admission& a) {
  json::array arr;
  for (const auto& o : a.opinions)
    arr.push_back(json::object{{"unit", o.unit}, {"reviewer", o.reviewer}, {"opinion", o.opinion}});
  return json::serialize(arr);
}

json::array ParseArray(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return !ec && v.is_array() ? v.as_array() : json::array{};
}

Admission FromRow(const Row& r) {
  Admission a;
  a.id = r.Int(0);
  a.park_id = r.Int(1);
  a.project_id = r.Int(2);
  a.decision = project::ParseAdmissionDecision(r.Text(3)).value_or(project::AdmissionDecision::kApproved);
  for (const auto& v : ParseArray(r.Text(4)))
    if (v.is_string()) a.reasons.emplace_back(v.as_string());
  for (const auto& v : ParseArray(r.Text(5))) {
    if (!v.is_object()) continue;
    const auto& o = v.as_object();
    project::AdmissionScore s;
    s.criterion = Str(o, "criterion");
    s.evidence = Str(o, "evidence");
    if (const auto* x = o.if_contains("score"); x && x->is_number()) s.score = x->to_number<double>();
    if (const auto* x = o.if_contains("pass"); x && x->is_bool()) s.pass = x->as_bool();
    a.scores.push_back(std::move(s));
  }
  for (const auto& v : ParseArray(r.Text(6))) {
    if (!v.is_object()) continue;
    const auto& o = v.as_object();
    a.opinions.push_back({Str(o, "unit"), Str(o, "reviewer"), Str(o, "opinion")});
  }
  a.decided_on = Date::Parse(r.Text(7)).value_or(Date{});
  a.decided_by = r.Text(8);
  a.is_demo = r.Bool(9);
  a.created_at = r.Text(10);
  return a;
}

}  // namespace

StatusOr<int64_t> SqlProjectRepository::InsertAdmission(Connection& c, const Admission& a) {
  return c.InsertId(
      "INSERT INTO project_admissions (park_id, project_id, decision, reasons_json, scores_json, opinions_json, "
      "decided_on, decided_by, is_demo, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
      {a.park_id, a.project_id, std::string(project::AdmissionDecisionCode(a.decision)), ReasonsJson(a),
       ScoresJson(a), OpinionsJson(a), a.decided_on.ToString(), a.decided_by, int64_t{a.is_demo ? 1 : 0},
       NowIso()});
}

StatusOr<int64_t> SqlProjectRepository::SaveAdmission(const Admission& a, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM project_admissions WHERE project_id = ? ORDER BY id DESC LIMIT 1";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {a.project_id}));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertAdmission(*c, a));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM project_admissions WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, std::string("admission_") + project::AdmissionDecisionCode(a.decision),
                                    "project", std::to_string(a.project_id), a.park_id, before, after,
                                    a.reasons.empty() ? "" : a.reasons.front()));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<Admission>> SqlProjectRepository::Admissions(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows,
                          c->Query("SELECT id, park_id, project_id, decision, reasons_json, scores_json, opinions_json, "
                                   "decided_on, decided_by, is_demo, created_at FROM project_admissions "
                                   "WHERE project_id = ? ORDER BY id DESC",
                                   {project_id}));
  std::vector<Admission> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace parkhq::storage
