// Catalog, targets, monthly values, the monthly report workflow and settings. The computations
// (monitoring table, dashboard, warnings) are in monitoring_query.cc.
#include <cmath>

#include "domain/monitoring/monitoring_service.h"

namespace parkhq::monitoring {
namespace {

Status Denied(const Scope& s, const char* what) {
  if (s.read_only) return Status::PermissionDenied("只读账号不能修改数据");
  return Status::PermissionDenied(what);
}

std::string PeriodZh(Period p) { return std::to_string(p.year) + "年" + std::to_string(p.month) + "月"; }

MonthState StateOf(const std::vector<MonthState>& states, Period p) {
  for (const auto& m : states)
    if (m.period == p) return m;
  MonthState none;
  none.period = p;
  return none;
}

}  // namespace

StatusOr<Park> MonitoringService::ReadablePark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, org_.FindPark(park_id));
  if (!p || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return *p;
}

StatusOr<Park> MonitoringService::WritablePark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, ReadablePark(s, park_id));
  if (s.read_only || !s.CanAdminPark(park_id)) return Denied(s, "只有系统管理员和本园区管理员可以修改监测数据");
  return p;
}

// ---- catalog ----

StatusOr<std::vector<Indicator>> MonitoringService::ListIndicators(const Scope& s) const {
  return Catalog();
}

StatusOr<Indicator> MonitoringService::CreateIndicator(const Scope& s, const Indicator& ind) const {
  if (!s.IsSysadmin() || s.read_only) return Denied(s, "只有系统管理员可以维护指标库");
  PARKHQ_RETURN_IF_ERROR(ValidateIndicator(ind));
  PARKHQ_RETURN_IF_ERROR(repo_.CreateIndicator(ind, s));
  InvalidateCatalog();
  return ind;
}

StatusOr<Indicator> MonitoringService::UpdateIndicator(const Scope& s, const Indicator& ind) const {
  if (!s.IsSysadmin() || s.read_only) return Denied(s, "只有系统管理员可以维护指标库");
  PARKHQ_RETURN_IF_ERROR(ValidateIndicator(ind));
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateIndicator(ind, s));
  InvalidateCatalog();
  return ind;
}

// ---- targets ----

namespace {
Status CheckYear(int year) {
  if (year < 1900 || year > 2999) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  return Status::Ok();
}
}  // namespace

StatusOr<TargetsView> MonitoringService::GetTargets(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto catalog, repo_.ListIndicators());
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.ListTargets({park_id}, year));
  TargetsView v{park_id, year, {}};
  const YearTargets& mine = all[park_id];
  for (const auto& ind : catalog) {
    auto it = mine.find(ind.code);
    if (it == mine.end()) continue;
    v.items.push_back({ind, it->second, EffectiveTarget(it->second)});
  }
  return v;
}

StatusOr<TargetsView> MonitoringService::PutTargets(const Scope& s, int64_t park_id, int year,
                                                    const YearTargets& targets) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto catalog, repo_.ListIndicators());
  PARKHQ_RETURN_IF_ERROR(ValidateYearTargets(targets, catalog));
  PARKHQ_RETURN_IF_ERROR(repo_.PutTargets(park_id, year, targets, s));
  Invalidate(park_id);
  return GetTargets(s, park_id, year);
}

// ---- values and the workflow ----

StatusOr<YearGrid> MonitoringService::GetYear(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  YearGrid g;
  g.park_id = park_id;
  g.year = year;
  PARKHQ_ASSIGN_OR_RETURN(g.indicators, repo_.ListIndicators());
  PARKHQ_ASSIGN_OR_RETURN(auto values, repo_.ListValues({park_id}, year, year));
  PARKHQ_ASSIGN_OR_RETURN(auto states, repo_.ListMonthStates({park_id}, year, year));
  PARKHQ_ASSIGN_OR_RETURN(auto kv, repo_.GetSettings(park_id));
  const MonitoringSettings settings = SettingsFromPairs(kv);
  for (int m = 1; m <= 12; ++m) g.months[m - 1] = StateOf(states[park_id], Period{year, m});
  for (const auto& ind : g.indicators) {
    g.values[ind.code] = MonthlySeries{};
    auto it = settings.sources.find(ind.code);
    g.sources[ind.code] = it == settings.sources.end() ? kSourceDirect : it->second;
  }
  for (const auto& v : values) g.values[v.code][v.period.month - 1] = v.value;
  return g;
}

StatusOr<YearGrid> MonitoringService::PutValues(const Scope& s, int64_t park_id, const ValueEntry& e) const {
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, park_id).status());
  if (e.period.Index() > Today().period().Index())
    return Status::Validation("不能填报未来月份", {{"period", "不能填报未来月份：" + e.period.ToString()}});
  PARKHQ_ASSIGN_OR_RETURN(YearGrid grid, GetYear(s, park_id, e.period.year));
  const MonthState& state = grid.months[e.period.month - 1];
  std::vector<FieldError> errors;
  if (!IsEditable(state.state)) {
    errors.push_back({"period", PeriodZh(e.period) + "月报" + SubmissionStateNameZh(state.state) +
                                    "，已锁定；如需修改请先" +
                                    (state.state == SubmissionState::kApproved ? "由园区管理员解锁" : "退回")});
  }
  if (e.values.empty()) errors.push_back({"values", "请至少填写一个指标"});
  std::vector<ValueChange> changes;
  const int m = e.period.month;
  for (const auto& [code, value] : e.values) {
    const std::string field = "values." + code;
    const Indicator* ind = FindIndicator(grid.indicators, code);
    if (!ind) {
      errors.push_back({field, "未知指标：" + code});
      continue;
    }
    const std::string& src = grid.sources[code];
    if (src != kSourceDirect && sources_.count(src)) {
      errors.push_back({field, ind->name_zh + "的数据来自" +
                                   (src == kSourceProjects ? std::string("项目月报") : std::string("企业月报")) +
                                   "汇总，不能直接填报"});
      continue;
    }
    const MonthlySeries& series = grid.values[code];
    ValueChange ch{code, series[m - 1], std::nullopt, e.cumulative ? "cumulative" : "month", value};
    if (value) {
      Status st = ValidateIndicatorValue(*ind, *value, field);
      if (!st.ok()) {
        for (const auto& d : st.details()) errors.push_back(d);
        continue;
      }
      if (e.cumulative) {
        const MonthlySeries cum = MonthlyToCumulative(ind->kind, series);
        std::optional<double> prev = m > 1 ? cum[m - 2] : std::nullopt;
        auto month = MonthFromCumulative(ind->kind, m, *value, prev, field);
        if (!month.ok()) {
          for (const auto& d : month.status().details()) errors.push_back(d);
          continue;
        }
        ch.new_value = *month;
      } else {
        ch.new_value = *value;
      }
    }
    if (ch.new_value == ch.old_value) continue;
    changes.push_back(std::move(ch));
  }
  if (!errors.empty()) return Status::Validation("填报数据有误", std::move(errors));
  if (!changes.empty()) {
    Status written = repo_.WriteValues(park_id, e.period, changes, e.reason, s);
    Invalidate(park_id);
    PARKHQ_RETURN_IF_ERROR(written);
  }
  return GetYear(s, park_id, e.period.year);
}

StatusOr<MonthState> MonitoringService::Act(const Scope& s, int64_t park_id, Period p, MonthAction action,
                                            const std::string& reason) const {
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, park_id).status());
  Invalidate(park_id);  // the state changes below (or is re-read fresh after a refusal)
  using S = SubmissionState;
  switch (action) {
    case MonthAction::kSubmit:
      if (p.Index() > Today().period().Index())
        return Status::Validation("不能提交未来月份", {{"period", "不能提交未来月份"}});
      return repo_.SetMonthState(park_id, p, {S::kNotStarted, S::kDraft, S::kReturned}, S::kSubmitted,
                                 "submit", reason, s);
    case MonthAction::kApprove: {
      // Separation of duties (issue 11 item 6): whoever submitted a month does not approve it, unless
      // the park turns the rule off (monitoring.separation_of_duties = 0); the sysadmin may.
      PARKHQ_ASSIGN_OR_RETURN(auto kv, repo_.GetSettings(park_id));
      auto rule = kv.find("monitoring.separation_of_duties");
      if (!s.IsSysadmin() && (rule == kv.end() || rule->second != "0")) {
        PARKHQ_ASSIGN_OR_RETURN(auto states, repo_.ListMonthStates({park_id}, p.year, p.year));
        for (const auto& m : states[park_id])
          if (m.period == p && m.state == S::kSubmitted && m.submitted_by && *m.submitted_by == s.username)
            return Status::PermissionDenied("提交人不能审核自己提交的月报（职责分离），请由其他管理员审核");
      }
      return repo_.SetMonthState(park_id, p, {S::kSubmitted}, S::kApproved, "approve", reason, s);
    }
    case MonthAction::kReturn:
      if (reason.empty()) return Status::Validation("请填写退回原因", {{"reason", "请填写退回原因"}});
      return repo_.SetMonthState(park_id, p, {S::kSubmitted}, S::kReturned, "return", reason, s);
    case MonthAction::kUnlock:
      if (reason.empty()) return Status::Validation("请填写解锁原因", {{"reason", "请填写解锁原因"}});
      return repo_.SetMonthState(park_id, p, {S::kApproved}, S::kDraft, "unlock", reason, s);
  }
  return Status::InvalidArgument("未知操作");
}

StatusOr<std::optional<Period>> MonitoringService::LatestPeriod(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  return repo_.LatestPeriod(WithSubParks(parks, {park_id}));
}

StatusOr<HistoryPage> MonitoringService::History(const Scope& s, int64_t park_id, const HistoryFilter& f) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  return repo_.ListHistory(park_id, f);
}

// ---- settings ----

StatusOr<MonitoringSettings> MonitoringService::GetSettings(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto kv, repo_.GetSettings(park_id));
  return SettingsFromPairs(kv);
}

StatusOr<MonitoringSettings> MonitoringService::PutSettings(const Scope& s, int64_t park_id,
                                                            const MonitoringSettings& settings) const {
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto catalog, repo_.ListIndicators());
  PARKHQ_RETURN_IF_ERROR(ValidateSettings(settings, catalog));
  PARKHQ_RETURN_IF_ERROR(repo_.PutSettings(park_id, SettingsToPairs(settings), s));
  Invalidate(park_id);
  return GetSettings(s, park_id);
}

}  // namespace parkhq::monitoring
