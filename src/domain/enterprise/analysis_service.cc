// The park-level part of EnterpriseService: review queue, reporting status (报送率/及时率, 催报),
// breakdowns, 同口径 and why-did-it-move, cultivation pools and zombie candidates.
#include <algorithm>

#include "domain/access/registers.h"
#include "domain/enterprise/enterprise_service.h"

namespace parkhq::enterprise {
namespace {


// The enterprise's scale at the end of a month: the change date tells whether the current scale
// already held then.
bool AboveScaleAt(const Enterprise& e, Date at) {
  if (e.scale_changed_on && *e.scale_changed_on > at) return !e.above_scale;
  return e.above_scale;
}

bool InParkDuring(const Enterprise& e, Period from, Period to) {
  if (e.moved_in_on && *e.moved_in_on > Date::LastOfMonth(to)) return false;
  if (e.status == EnterpriseStatus::kClosed && e.status_changed_on &&
      *e.status_changed_on < Date{from.year, from.month, 1})
    return false;
  return true;
}

// The latest month in which at least half as many firms have approved figures as in the busiest
// month: one early report for a new month does not move the default as-of date.
Period LatestCompletePeriod(const std::vector<ApprovedValue>& values, Period fallback) {
  std::map<Period, int> counts;
  for (const auto& v : values) counts[v.period]++;
  int most = 0;
  for (const auto& [p, n] : counts) most = std::max(most, n);
  for (auto it = counts.rbegin(); it != counts.rend(); ++it)
    if (it->second * 2 >= most) return it->first;
  return fallback;
}

std::optional<Date> ClosedOn(const Enterprise& e) {
  return e.status == EnterpriseStatus::kClosed ? e.status_changed_on : std::nullopt;
}

}  // namespace

StatusOr<std::vector<ReviewItem>> EnterpriseService::ReviewQueue(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ListParkReports({park_id}, std::nullopt, ReportState::kSubmitted, true));
  std::vector<ReviewItem> out;
  for (auto& r : reports) {
    PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.Find(r.enterprise_id));
    if (!e) continue;
    PARKHQ_ASSIGN_OR_RETURN(auto v, BuildView(s, *e, r.period));
    out.push_back({std::move(r), e->name, v.check.warnings});
  }
  return out;
}

StatusOr<ParkReportingStatus> EnterpriseService::ReportingStatusOf(const Scope& s, int64_t park_id,
                                                                   Period period) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, ReadablePark(s, park_id));
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  std::vector<int64_t> expected;
  std::map<int64_t, std::string> names;
  for (const auto& e : all.items) {
    names[e.id] = e.name;
    if (IsExpectedToReport(e.status, e.moved_in_on, ClosedOn(e), period)) expected.push_back(e.id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ListParkReports({park_id}, period, std::nullopt, false));
  std::vector<ReportingRecord> records;
  for (const auto& r : reports) records.push_back({r.enterprise_id, r.state, r.first_submitted_on});
  PARKHQ_ASSIGN_OR_RETURN(int day, repo_.DeadlineDay(park.parent_id.value_or(park.id)));
  ParkReportingStatus out;
  out.deadline = ReportDeadline(period, DeadlinePolicy{day});
  out.status = ComputeReportingStatus(expected, records, out.deadline);
  for (int64_t id : out.status.missing) out.missing_names.emplace_back(id, names[id]);
  return out;
}

StatusOr<Breakdown> EnterpriseService::BreakdownOf(const Scope& s, int64_t park_id, const std::string& field,
                                                   int year) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto fields, FieldsFor(park_id));
  if (!FindField(fields, field)) return Status::FieldInvalid("field", "未知字段：" + field);
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  PARKHQ_ASSIGN_OR_RETURN(auto values, repo_.ApprovedValues({park_id}, field, {year, 1}, {year, 12}));
  std::map<int64_t, double> per;
  for (const auto& v : values) per[v.enterprise_id] += v.value;
  Breakdown b;
  b.field = field;
  b.year = year;
  for (LeadingGroup g : kAllLeadingGroups) b.by_group.push_back({LeadingGroupCode(g), LeadingGroupNameZh(g), 0, 0});
  b.by_scale = {{"above", "规上企业", 0, 0}, {"below", "规下企业", 0, 0}};
  const Date year_end{year, 12, 31};
  for (const auto& e : all.items) {
    auto it = per.find(e.id);
    if (it == per.end()) continue;
    auto& g = b.by_group[static_cast<size_t>(e.leading_group)];
    g.enterprises++;
    g.total += it->second;
    auto& sc = b.by_scale[AboveScaleAt(e, year_end) ? 0 : 1];
    sc.enterprises++;
    sc.total += it->second;
  }
  return b;
}

StatusOr<MovementResult> EnterpriseService::Movement(const Scope& s, int64_t park_id, const std::string& field,
                                                     Period period, bool ytd, int top_n) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto fields, FieldsFor(park_id));
  if (!FindField(fields, field)) return Status::FieldInvalid("field", "未知字段：" + field);
  MovementResult out;
  out.to = period;
  out.from = ytd ? Period{period.year, 1} : period;
  const Period last_from = out.from.AddMonths(-12), last_to = out.to.AddMonths(-12);
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  PARKHQ_ASSIGN_OR_RETURN(auto values, repo_.ApprovedValues({park_id}, field, last_from, out.to));
  std::map<int64_t, std::optional<double>> last, cur;
  for (const auto& v : values) {
    if (v.period >= out.from && v.period <= out.to) cur[v.enterprise_id] = cur[v.enterprise_id].value_or(0) + v.value;
    if (v.period >= last_from && v.period <= last_to)
      last[v.enterprise_id] = last[v.enterprise_id].value_or(0) + v.value;
  }
  std::vector<FirmYear> firms;
  for (const auto& e : all.items) {
    out.names[e.id] = e.name;
    FirmYear fy;
    fy.id = e.id;
    fy.last = last.count(e.id) ? last[e.id] : std::nullopt;
    fy.current = cur.count(e.id) ? cur[e.id] : std::nullopt;
    fy.in_park_last = InParkDuring(e, last_from, last_to);
    fy.in_park_this = InParkDuring(e, out.from, out.to);
    // The scope of a park total is its above-scale enterprises (规上口径).
    fy.in_scope_last = fy.in_park_last && AboveScaleAt(e, Date::LastOfMonth(last_to));
    fy.in_scope_this = fy.in_park_this && AboveScaleAt(e, Date::LastOfMonth(out.to));
    firms.push_back(fy);
  }
  out.analysis = AnalyzeMovement(firms, std::clamp(top_n, 0, 50));
  return out;
}

StatusOr<std::array<std::optional<double>, 12>> EnterpriseService::ApprovedTotals(const Scope& s, int64_t park_id,
                                                                                const std::string& field,
                                                                                int year) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto fields, FieldsFor(park_id));
  if (!FindField(fields, field)) return Status::FieldInvalid("field", "未知字段：" + field);
  PARKHQ_ASSIGN_OR_RETURN(auto totals, repo_.ApprovedMonthlyTotals(field, {park_id}, year));
  return totals[park_id];
}

StatusOr<Cultivation> EnterpriseService::CultivationOf(const Scope& s, int64_t park_id,
                                                       std::optional<Period> as_of_in) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  const Period last_closed = LastClosedMonth();
  PARKHQ_ASSIGN_OR_RETURN(auto revenue, repo_.ApprovedValues({park_id}, "revenue", last_closed.AddMonths(-72),
                                                             last_closed));
  const Period as_of = as_of_in.value_or(LatestCompletePeriod(revenue, last_closed));
  std::map<int64_t, MonthlySeries> series;
  for (const auto& v : revenue) series[v.enterprise_id][v.period] = v.value;
  PARKHQ_ASSIGN_OR_RETURN(const PoolsConfig cfg, PoolsFor(park_id));
  Cultivation out;
  out.year = as_of.year;
  PARKHQ_ASSIGN_OR_RETURN(auto members, repo_.ListPoolMembers(park_id));
  PoolView reserve{"reserve", "入规培育后备库（小升规）", {}, {}};
  PoolView watch{"watch", "防退规监测名单", {}, {}};
  std::vector<PoolView> flag_pools;
  for (const auto& fp : cfg.flag_pools) flag_pools.push_back({fp.code, fp.name_zh, {}, {}});
  std::vector<YearEntry> entries;
  std::map<int64_t, EnterpriseFacts> facts_of;
  for (const auto& e : all.items) {
    out.names[e.id] = e.name;
    EnterpriseFacts& facts = facts_of[e.id];
    facts.id = e.id;
    facts.above_scale = e.above_scale;
    facts.status = e.status;
    for (const auto& fl : e.flags) facts.flags.insert(fl.code);
    facts.revenue = series[e.id];
    if (auto sgg = SuggestReserve(facts, as_of, cfg.reserve)) reserve.candidates.push_back(*sgg);
    if (auto sgg = SuggestWatch(facts, as_of, cfg.watch)) watch.candidates.push_back(*sgg);
    for (size_t i = 0; i < cfg.flag_pools.size(); ++i)
      if (auto sgg = SuggestFlagPool(facts, cfg.flag_pools[i])) flag_pools[i].candidates.push_back(*sgg);
    entries.push_back({e.above_scale, e.above_scale ? e.scale_changed_on : std::nullopt, e.moved_in_on});
  }
  out.year_counts = CountYear(entries, out.year);
  out.pools.push_back(std::move(reserve));
  out.pools.push_back(std::move(watch));
  for (auto& p : flag_pools) out.pools.push_back(std::move(p));
  // Promotion and expiry are computed on read from the rules (stored status "active" means
  // accepted and not ended by hand): promoted / removed / expired are shown for a person to act on.
  const Date today = today_();
  for (auto& p : out.pools) {
    for (PoolMember m : members) {
      if (m.pool_code != p.code) continue;
      auto f = facts_of.find(m.enterprise_id);
      if (m.status == "active" && f != facts_of.end()) {
        MembershipOutcome o = MembershipOutcome::kActive;
        if (p.code == "reserve") o = ReserveOutcome(f->second, m.since, today, cfg.reserve_cycle_months);
        else if (p.code == "watch")
          o = WatchOutcome(f->second, as_of, cfg.watch, m.since, today, cfg.watch_cycle_months);
        else
          for (const auto& fp : cfg.flag_pools)
            if (fp.code == p.code) o = FlagPoolOutcome(f->second, fp, m.since, today);
        m.status = MembershipOutcomeName(o);
      }
      p.members.push_back(m);
    }
    // A suggested candidate that is already an active member is not suggested again.
    std::erase_if(p.candidates, [&](const Suggestion& sg) {
      return std::any_of(p.members.begin(), p.members.end(), [&](const PoolMember& m) {
        return m.enterprise_id == sg.enterprise_id;
      });
    });
  }
  return out;
}

StatusOr<int64_t> EnterpriseService::AcceptCandidate(const Scope& s, int64_t park_id, const std::string& pool_code,
                                                     int64_t enterprise_id, const std::string& note) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  if (!s.CanKeepRegister(RegisterOfPool(pool_code), park_id))
    return Status::PermissionDenied("只有园区管理员或该培育库的责任部门可以调整培育库");
  PARKHQ_ASSIGN_OR_RETURN(const PoolsConfig cfg, PoolsFor(park_id));
  bool known = pool_code == "reserve" || pool_code == "watch";
  for (const auto& fp : cfg.flag_pools) known = known || fp.code == pool_code;
  if (!known) return Status::NotFound("培育库不存在：" + pool_code);
  auto e = Readable(s, enterprise_id);
  if (!e.ok() || (e->park_id != park_id && e->sub_park_id != park_id))
    return Status::FieldInvalid("enterprise_id", "企业不存在或不属于该园区");
  PoolMember m;
  m.park_id = park_id;
  m.pool_code = pool_code;
  m.enterprise_id = enterprise_id;
  m.since = today_();
  m.note = note;
  m.accepted_by = s.username;
  return repo_.AddPoolMember(m, s);
}

StatusOr<std::vector<ZombieRow>> EnterpriseService::Zombies(const Scope& s, int64_t park_id,
                                                            std::optional<Period> as_of_in,
                                                            std::optional<int> months_in) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  int n = 0;
  if (months_in) {
    n = *months_in;
  } else {
    PARKHQ_ASSIGN_OR_RETURN(n, ZombieMonthsFor(park_id));
  }
  ZombieRule rule;
  rule.consecutive_months = n;
  PARKHQ_RETURN_IF_ERROR(ValidateZombieRule(rule));
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  Period as_of = as_of_in.value_or(LastClosedMonth());
  if (!as_of_in) {  // the latest month with approved figures: a park that stopped using the
                    // platform must not turn every firm into a candidate
    PARKHQ_ASSIGN_OR_RETURN(auto recent, repo_.ApprovedValues({park_id}, "output", as_of.AddMonths(-72), as_of));
    as_of = LatestCompletePeriod(recent, as_of);
  }
  const Period from = as_of.AddMonths(-(n + 1));
  PARKHQ_ASSIGN_OR_RETURN(auto output, repo_.ApprovedValues({park_id}, "output", from, as_of));
  PARKHQ_ASSIGN_OR_RETURN(auto revenue, repo_.ApprovedValues({park_id}, "revenue", from, as_of));
  std::map<int64_t, std::map<Period, MonthActivity>> months;
  for (const auto& v : output) months[v.enterprise_id][v.period].output = v.value;
  for (const auto& v : revenue) months[v.enterprise_id][v.period].revenue = v.value;
  PARKHQ_ASSIGN_OR_RETURN(auto disposals, repo_.ListDisposals(park_id));
  std::vector<ZombieRow> out;
  for (const auto& e : all.items) {
    ZombieFacts facts;
    facts.id = e.id;
    facts.status = e.status;
    facts.tax_arrears_flagged = e.tax_arrears;
    facts.months = months[e.id];
    if (e.moved_in_on) facts.first_period = e.moved_in_on->period();
    ZombieRow row{e.id, e.name, AssessZombie(facts, as_of, rule), {}};
    for (const auto& d : disposals)
      if (d.enterprise_id == e.id) row.disposals.push_back(d);
    if (row.assessment.candidate || !row.disposals.empty()) out.push_back(std::move(row));
  }
  return out;
}

StatusOr<int64_t> EnterpriseService::AddDisposal(const Scope& s, int64_t enterprise_id, const ZombieDisposal& d,
                                                 const std::string& note) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, Readable(s, enterprise_id));
  if (!s.CanAdminPark(e.park_id)) return Status::PermissionDenied("只有园区管理员可以登记处置措施");
  PARKHQ_RETURN_IF_ERROR(ValidateDisposal(d));
  DisposalRecord r;
  r.park_id = e.park_id;
  r.enterprise_id = e.id;
  r.disposal = d;
  r.note = note;
  return repo_.AddDisposal(r, s);
}

}  // namespace parkhq::enterprise
