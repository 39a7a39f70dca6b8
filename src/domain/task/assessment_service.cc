// The annual assessment of units (考核评价): inputs gathered from the year's items, reports,
// supervision and bonuses; scored by assessment_calc; frozen when published.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "domain/task/task_service.h"

namespace parkhq::task {

namespace {

std::string SettingsKey(int year) { return "task_assessment." + std::to_string(year); }

// "method=efficacy;completion_cap=1.2;..." (typed settings as text; unknown keys are ignored).
std::string EncodeSettings(const AssessmentSettings& s) {
  std::ostringstream o;
  o.precision(17);
  o << "method=" << ScoringMethodCode(s.method) << ";completion_cap=" << s.completion_cap
    << ";efficacy_best=" << s.efficacy_best << ";efficacy_worst=" << s.efficacy_worst
    << ";deduct_overdue_item=" << s.deduct_overdue_item << ";deduct_returned_report=" << s.deduct_returned_report
    << ";deduct_overdue_supervision=" << s.deduct_overdue_supervision << ";bonus_cap=" << s.bonus_cap
    << ";supervision_weight=" << s.supervision_weight;
  return o.str();
}

AssessmentSettings DecodeSettings(const std::string& text) {
  AssessmentSettings s;
  std::istringstream in(text);
  std::string pair;
  while (std::getline(in, pair, ';')) {
    const size_t eq = pair.find('=');
    if (eq == std::string::npos) continue;
    const std::string k = pair.substr(0, eq), v = pair.substr(eq + 1);
    if (k == "method") {
      if (auto m = ParseScoringMethod(v)) s.method = *m;
      continue;
    }
    const double d = std::strtod(v.c_str(), nullptr);
    if (k == "completion_cap") s.completion_cap = d;
    else if (k == "efficacy_best") s.efficacy_best = d;
    else if (k == "efficacy_worst") s.efficacy_worst = d;
    else if (k == "deduct_overdue_item") s.deduct_overdue_item = d;
    else if (k == "deduct_returned_report") s.deduct_returned_report = d;
    else if (k == "deduct_overdue_supervision") s.deduct_overdue_supervision = d;
    else if (k == "bonus_cap") s.bonus_cap = d;
    else if (k == "supervision_weight") s.supervision_weight = d;
  }
  return s;
}

// A unit's assignment of a 督办 is overdue when it was not reported done by the deadline.
bool OverdueFor(const Supervision& s, const SupervisionUnit& u, Date today) {
  if (u.state == "done" || u.state == "confirmed") {
    const auto done = Date::Parse(u.done_at.substr(0, 10));
    return done && *done > s.deadline;
  }
  return today > s.deadline;
}

}  // namespace

StatusOr<AssessmentSettings> TaskService::GetSettings(const Scope& s, std::optional<int64_t> park_id, int year) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto text, repo_.GetSetting(park, SettingsKey(year)));
  return DecodeSettings(text);
}

Status TaskService::PutSettings(const Scope& s, std::optional<int64_t> park_id, int year,
                                const AssessmentSettings& v) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  if (!s.CanAdminPark(park)) return Status::PermissionDenied("只有园区管理员可以设置考核办法");
  PARKHQ_RETURN_IF_ERROR(ValidateAssessmentSettings(v));
  PARKHQ_ASSIGN_OR_RETURN(auto published, repo_.FindPublished(park, year));
  if (published) return Status::Conflict("该年度考核结果已发布，不能修改");
  return repo_.PutSetting(park, SettingsKey(year), EncodeSettings(v), s);
}

StatusOr<Bonus> TaskService::AddBonus(const Scope& s, std::optional<int64_t> park_id, int year, const std::string& unit,
                                      double points, const std::string& reason, const std::string& evidence) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  if (!s.CanAdminPark(park)) return Status::PermissionDenied("只有园区管理员可以录入加分项");
  std::vector<FieldError> e;
  PARKHQ_ASSIGN_OR_RETURN(auto ids, ResolveUnits({unit}, "unit", e));
  if (!std::isfinite(points) || points <= 0 || points > 100) e.push_back({"points", "应在 0 到 100 之间"});
  if (reason.empty()) e.push_back({"reason", "必填"});
  if (evidence.empty()) e.push_back({"evidence", "加分项需要佐证材料"});
  if (reason.size() > 1000 || evidence.size() > 2000) e.push_back({"reason", "过长"});
  if (!e.empty()) return Status::Validation("加分项有误", e);
  PARKHQ_ASSIGN_OR_RETURN(auto published, repo_.FindPublished(park, year));
  if (published) return Status::Conflict("该年度考核结果已发布，不能修改");
  Bonus b{0, park, year, ids.at(0), points, reason, evidence, s.username, NowIso()};
  PARKHQ_ASSIGN_OR_RETURN(b.id, repo_.CreateBonus(b, s));
  return b;
}

StatusOr<AssessmentView> TaskService::Assessment(const Scope& s, std::optional<int64_t> park_id, int year) const {
  AssessmentView v;
  PARKHQ_ASSIGN_OR_RETURN(v.park_id, ResolvePark(s, park_id));
  v.year = year;
  PARKHQ_ASSIGN_OR_RETURN(v.settings, GetSettings(s, v.park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(v.published_json, repo_.FindPublished(v.park_id, year));
  const Date today = Today();
  PARKHQ_ASSIGN_OR_RETURN(auto all, Views({v.park_id}, today));
  for (auto& i : all)
    if (i.item.deadline.year == year) v.items.push_back(std::move(i));
  PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
  PARKHQ_ASSIGN_OR_RETURN(auto sups, repo_.ListSupervisions({v.park_id}));
  PARKHQ_ASSIGN_OR_RETURN(auto bonuses, repo_.ListBonuses(v.park_id, year));
  // The units assessed: every responsible unit of the year's items (the lead units when none).
  std::vector<int64_t> order;
  std::map<int64_t, UnitInput> inputs;
  std::map<int64_t, AssessmentUnitView> extra;
  for (size_t idx = 0; idx < v.items.size(); ++idx) {
    const auto& i = v.items[idx];
    const auto& units = i.item.responsible_unit_ids.empty() ? i.item.lead_unit_ids : i.item.responsible_unit_ids;
    for (int64_t u : units) {
      if (!inputs.count(u)) {
        order.push_back(u);
        inputs[u].unit = names[u];
      }
      inputs[u].items.push_back({i.item.id, i.item.weight, i.progress.value_or(0), i.overdue});
      extra[u].items.push_back(idx);
      for (const auto& r : i.reports)
        if (r.unit_id == u && r.state == ReportState::kReturned) ++inputs[u].returned_reports;
    }
  }
  // 结果考评: each assignment of a 督办 due in the year scores as an item (done = confirmed and
  // reported done by its deadline) and, when overdue, deducts.
  for (const auto& sv : sups) {
    if (sv.deadline.year != year) continue;
    for (const auto& u : sv.units) {
      if (!inputs.count(u.unit_id)) {
        order.push_back(u.unit_id);
        inputs[u.unit_id].unit = names[u.unit_id];
      }
      const bool overdue = OverdueFor(sv, u, today);
      if (overdue) ++inputs[u.unit_id].overdue_supervisions;
      if (v.settings.supervision_weight > 0) {
        inputs[u.unit_id].items.push_back(
            {-sv.id, v.settings.supervision_weight, u.state == "confirmed" && !overdue ? 1.0 : 0.0, false});
        extra[u.unit_id].supervisions.push_back({sv.id, sv.no + " " + sv.title});
      }
    }
  }
  for (const auto& b : bonuses)
    if (inputs.count(b.unit_id)) inputs[b.unit_id].bonus += b.points;
  std::vector<UnitInput> in;
  for (int64_t u : order) in.push_back(inputs[u]);
  const auto scores = ScoreUnits(in, v.settings);
  for (size_t k = 0; k < order.size(); ++k) {
    AssessmentUnitView uv = extra[order[k]];
    uv.score = scores[k];
    uv.returned_reports = in[k].returned_reports;
    uv.overdue_supervisions = in[k].overdue_supervisions;
    v.units.push_back(std::move(uv));
  }
  std::stable_sort(v.units.begin(), v.units.end(),
                   [](const AssessmentUnitView& a, const AssessmentUnitView& b) { return a.score.rank < b.score.rank; });
  return v;
}

Status TaskService::Publish(const Scope& s, int64_t park_id, int year, const std::string& result_json) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在");
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以发布考核结果");
  PARKHQ_ASSIGN_OR_RETURN(auto published, repo_.FindPublished(park_id, year));
  if (published) return Status::Conflict("该年度考核结果已发布");
  return repo_.Publish(park_id, year, result_json, s);
}

}  // namespace parkhq::task
