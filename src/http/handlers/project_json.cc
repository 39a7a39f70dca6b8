#include "http/handlers/project_json.h"

#include <cmath>

namespace parkhq::http::handlers {

using project::Stage;


double Round(double v, int places) {
  const double f = std::pow(10.0, places);
  return std::round(v * f) / f;
}

json::value RoundOpt(const std::optional<double>& v, int places) {
  if (!v) return nullptr;
  return Round(*v, places);
}

namespace {
json::object StageDatesJson(const project::StageDates& d) {
  json::object o;
  for (Stage s : project::kAllStages) o[project::StageCode(s)] = DateJson(d[s]);
  return o;
}
json::value OptId(const std::optional<int64_t>& v) { return OptJson(v); }
}  // namespace

json::object ProjectJson(const project::ProjectRecord& r) {
  const auto& p = r.core;
  json::array plans, monthly, resumed;
  for (const auto& a : p.annual_plans)
    plans.push_back({{"year", a.year}, {"planned_investment", Round(a.planned_investment, 4)}});
  for (const auto& m : p.monthly)
    monthly.push_back({{"period", m.period.ToString()},
                       {"completed", Round(m.completed, 4)},
                       {"funds_in_place", Round(m.funds_in_place, 4)},
                       {"funds_by_source",
                        {{"out_of_province", Round(m.funds_by_source.out_of_province, 4)},
                         {"in_province", Round(m.funds_by_source.in_province, 4)},
                         {"foreign", Round(m.funds_by_source.foreign, 4)}}}});
  for (const auto& d : p.resumed_on) resumed.push_back(json::string(d.ToString()));
  return {{"id", p.id},
          {"park_id", p.park_id},
          {"sub_park_id", OptId(p.sub_park_id)},
          {"name", p.name},
          {"investor", r.investor},
          {"lead_id", OptId(r.lead_id)},
          {"kind", project::KindCode(p.kind)},
          {"stage", project::StageCode(p.stage)},
          {"stage_name", project::StageNameZh(p.stage)},
          {"suspended_on", DateJson(p.suspended_on)},
          {"terminated_on", DateJson(p.terminated_on)},
          {"suspend_reason", r.suspend_reason},
          {"terminate_reason", r.terminate_reason},
          {"total_investment", Round(p.total_investment, 4)},
          {"contracted_investment", Round(p.contracted_investment, 4)},
          {"industry", r.industry},
          {"chain_link_id", OptId(r.chain_link_id)},
          {"parcel_ref", r.parcel_ref},
          {"content", r.content},
          {"responsible_leader", r.responsible_leader},
          {"responsible_unit_id", OptId(r.responsible_unit_id)},
          {"responsible_unit_name", r.responsible_unit_name},
          {"responsible_team", r.responsible_team},
          {"contact_person", r.contact_person},
          {"planned", StageDatesJson(p.planned)},
          {"actual", StageDatesJson(p.actual)},
          {"resumed_on", std::move(resumed)},
          {"annual_plans", std::move(plans)},
          {"monthly", std::move(monthly)},
          {"note", r.note},
          {"is_demo", r.is_demo},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

json::object LightsJson(const project::ProjectLights& l) {
  return {{"project_id", l.project_id},
          {"start", {{"light", project::LightCode(l.start.light)}, {"reason", l.start.reason}}},
          {"progress",
           {{"light", project::LightCode(l.progress.light)},
            {"reason", l.progress.reason},
            {"planned_investment", Round(l.progress.planned_investment, 4)},
            {"completed_ytd", Round(l.progress.completed_ytd, 4)},
            {"time_progress_pct", RoundOpt(l.progress.time_progress_pct, 2)},
            {"completion_pct", RoundOpt(l.progress.completion_pct, 2)},
            {"behind_points", RoundOpt(l.progress.behind_points, 2)}}}};
}

json::object StageLogJson(const project::StageLogEntry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"username", e.username},
          {"change_type", e.change_type},
          {"from", e.from ? json::value(project::StageCode(*e.from)) : json::value(nullptr)},
          {"to", e.to ? json::value(project::StageCode(*e.to)) : json::value(nullptr)},
          {"date", DateJson(e.date)},
          {"reason", e.reason},
          {"override_used", e.override_used}};
}

json::object MilestoneJson(const project::Milestone& m) {
  return {{"id", m.id},         {"project_id", m.project_id},           {"title", m.title},
          {"planned_date", DateJson(m.planned_date)}, {"actual_date", DateJson(m.actual_date)},
          {"note", m.note},     {"sort", m.sort}};
}

json::object ApprovalJson(const project::ApprovalItem& a) {
  return {{"id", a.id},
          {"project_id", a.project_id},
          {"item", a.item},
          {"status", a.status},
          {"deadline", DateJson(a.deadline)},
          {"done_on", DateJson(a.done_on)},
          {"tolerance_acceptance", a.tolerance_acceptance},
          {"commitment", a.commitment},
          {"agent", a.agent},
          {"note", a.note},
          {"sort", a.sort}};
}

json::object ProblemJson(const project::Problem& p) {
  return {{"id", p.id},
          {"project_id", p.project_id},
          {"issue", p.issue},
          {"raised_on", p.raised_on.ToString()},
          {"responsible_unit", p.responsible_unit},
          {"deadline", DateJson(p.deadline)},
          {"status", p.status},
          {"resolution", p.resolution},
          {"resolved_on", DateJson(p.resolved_on)}};
}

namespace {
void ReadStageDates(FieldReader& f, const json::object& body, const char* key, project::StageDates& out) {
  const json::value* v = body.if_contains(key);
  if (!v || v->is_null()) return;
  if (!v->is_object()) {
    f.AddError(key, "应为对象，如 {\"signed\":\"2023-03-01\"}");
    return;
  }
  FieldReader sub(v->as_object(), std::string(key) + ".");
  for (const auto& kv : v->as_object()) {
    auto stage = project::ParseStage(std::string(kv.key()));
    if (!stage) {
      f.AddError(std::string(key) + "." + std::string(kv.key()), "未知阶段");
      continue;
    }
    if (kv.value().is_null()) {
      out[*stage] = std::nullopt;
      continue;
    }
    const std::string k(kv.key());
    if (auto d = sub.DateString(k.c_str(), false)) out[*stage] = Date::Parse(*d);
  }
  for (const auto& e : sub.errors()) f.AddError(e.field, e.message);
}

void ReadPlans(FieldReader& f, const json::object& body, std::vector<project::AnnualPlan>& out) {
  const json::value* v = body.if_contains("annual_plans");
  if (!v || v->is_null()) return;
  if (!v->is_array()) {
    f.AddError("annual_plans", "应为数组");
    return;
  }
  out.clear();
  for (size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& item = v->as_array()[i];
    const std::string prefix = "annual_plans[" + std::to_string(i) + "].";
    if (!item.is_object()) {
      f.AddError("annual_plans[" + std::to_string(i) + "]", "应为对象");
      continue;
    }
    FieldReader sub(item.as_object(), prefix);
    project::AnnualPlan a;
    a.year = static_cast<int>(sub.Int("year", true).value_or(0));
    a.planned_investment = sub.Number("planned_investment", true).value_or(0);
    for (const auto& e : sub.errors()) f.AddError(e.field, e.message);
    out.push_back(a);
  }
}

std::optional<int64_t> ReadOptId(FieldReader& f, const json::object& body, const char* key,
                                 std::optional<int64_t> current) {
  if (!body.contains(key)) return current;
  if (body.at(key).is_null()) return std::nullopt;
  return f.Int(key, false);
}
}  // namespace

void ReadProjectFields(FieldReader& f, const json::object& body, project::ProjectRecord& p) {
  auto text = [&](const char* key, std::string& out, size_t max) {
    if (auto v = f.String(key, false, max)) out = *v;
  };
  text("name", p.core.name, 300);
  text("investor", p.investor, 300);
  text("industry", p.industry, 100);
  text("parcel_ref", p.parcel_ref, 100);
  text("content", p.content, 4000);
  text("responsible_leader", p.responsible_leader, 100);
  text("responsible_team", p.responsible_team, 200);
  text("contact_person", p.contact_person, 100);
  text("note", p.note, 4000);
  if (auto k = f.String("kind", false, 20)) {
    if (auto kind = project::ParseKind(*k)) p.core.kind = *kind;
    else f.AddError("kind", "应为 new（新建）或 continuing（续建）");
  }
  if (auto v = f.Number("total_investment", false)) p.core.total_investment = *v;
  if (auto v = f.Number("contracted_investment", false)) p.core.contracted_investment = *v;
  p.core.sub_park_id = ReadOptId(f, body, "sub_park_id", p.core.sub_park_id);
  p.chain_link_id = ReadOptId(f, body, "chain_link_id", p.chain_link_id);
  p.responsible_unit_id = ReadOptId(f, body, "responsible_unit_id", p.responsible_unit_id);
  ReadStageDates(f, body, "planned", p.core.planned);
  ReadPlans(f, body, p.core.annual_plans);
}

StatusOr<Date> QueryDate(const Request& req, const char* name) {
  auto q = req.Query(name);
  if (!q || q->empty()) return Today();
  auto d = Date::Parse(*q);
  if (!d) return Status::Validation("日期有误", {{name, "日期格式应为 YYYY-MM-DD"}});
  return *d;
}

}  // namespace parkhq::http::handlers
