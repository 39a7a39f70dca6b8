// The computed side of monitoring: a park's, sub-park's or region's table at period Y-m, the
// dashboard (with sub-parks and warnings). Formulas: monitoring_calc / series_calc / warnings_calc.
//
// A park's monthly series of an indicator: its own entries (or, when the park's setting "source"
// of the indicator names a registered MonthlyFiguresSource, that source's figures); a month the
// park has no figure for is filled with the sum of its sub-parks' series, when any has one.
#include <algorithm>
#include <functional>
#include <set>

#include "domain/monitoring/monitoring_service.h"

namespace parkhq::monitoring {

struct MonitoringService::Context {
  Period period;
  Basis basis = Basis::kAll;
  std::vector<Park> parks;  // every park (for names and the tree)
  std::vector<Indicator> catalog;
  // park → code → {last year, this year} of own (or source) figures
  std::map<int64_t, std::map<std::string, std::array<MonthlySeries, 2>, std::less<>>> own;
  std::map<int64_t, std::vector<MonthState>> states;  // year Y
  std::map<int64_t, YearTargets> targets;             // year Y
  std::map<int64_t, MonitoringSettings> settings;
  std::map<int64_t, std::vector<int64_t>> children;
  // memo of Series(park, code)
  std::map<std::pair<int64_t, std::string>, std::array<MonthlySeries, 2>> memo;

  const Park* FindPark(int64_t id) const {
    for (const auto& p : parks)
      if (p.id == id) return &p;
    return nullptr;
  }
  SubmissionState StateOf(int64_t park_id, Period p) const {
    auto it = states.find(park_id);
    if (it == states.end()) return SubmissionState::kNotStarted;
    for (const auto& m : it->second)
      if (m.period == p) return m.state;
    return SubmissionState::kNotStarted;
  }
  const std::array<MonthlySeries, 2>& Series(int64_t park_id, const std::string& code) {
    auto key = std::make_pair(park_id, code);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    std::array<MonthlySeries, 2> out{};
    if (auto p = own.find(park_id); p != own.end())
      if (auto c = p->second.find(code); c != p->second.end()) out = c->second;
    if (auto ch = children.find(park_id); ch != children.end() && !ch->second.empty()) {
      for (int y = 0; y < 2; ++y) {
        std::vector<MonthlySeries> kids;
        for (int64_t kid : ch->second) kids.push_back(Series(kid, code)[y]);
        const MonthlySeries sum = SumSeries(kids);
        for (int m = 0; m < 12; ++m)
          if (!out[y][m]) out[y][m] = sum[m];
      }
    }
    return memo[key] = out;
  }
};

namespace {

int StateRank(SubmissionState s) {
  switch (s) {
    case SubmissionState::kNotStarted: return 0;
    case SubmissionState::kDraft:
    case SubmissionState::kReturned: return 1;
    case SubmissionState::kSubmitted: return 2;
    case SubmissionState::kApproved: return 3;
  }
  return 0;
}

}  // namespace

StatusOr<MonitoringService::Context> MonitoringService::Load(const std::vector<int64_t>& roots, Period period,
                                                             Basis basis, bool) const {
  if (period.month < 1 || period.month > 12) return Status::Validation("期间有误", {{"period", "应为 YYYY-MM"}});
  Context ctx;
  ctx.period = period;
  ctx.basis = basis;
  PARKHQ_ASSIGN_OR_RETURN(ctx.parks, org_.ListParks());
  PARKHQ_ASSIGN_OR_RETURN(ctx.catalog, Catalog());
  for (const auto& p : ctx.parks)
    if (p.parent_id) ctx.children[*p.parent_id].push_back(p.id);
  const std::vector<int64_t> ids = WithSubParks(ctx.parks, roots);
  for (int y = 0; y < 2; ++y) {
    PARKHQ_ASSIGN_OR_RETURN(auto years, Years(ids, period.year - 1 + y));
    for (auto& [park, py] : years) {
      std::array<bool, 12> approved{};
      for (const auto& m : py.states) approved[m.period.month - 1] = m.state == SubmissionState::kApproved;
      if (y == 1) ctx.states[park] = py.states;
      for (const auto& [code, series] : py.values) {
        auto& dst = ctx.own[park][code][y];
        for (int m = 0; m < 12; ++m)
          if (basis == Basis::kAll || approved[m]) dst[m] = series[m];
      }
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(ctx.targets, Targets(ids, period.year));
  for (int64_t id : ids) {
    PARKHQ_ASSIGN_OR_RETURN(ctx.settings[id], Settings(id));
  }
  // Figures fed by another module replace the park's own entries.
  for (int64_t id : ids) {
    for (const auto& [code, src] : ctx.settings[id].sources) {
      auto it = sources_.find(src);
      if (src == kSourceDirect || it == sources_.end() || it->second == nullptr) continue;
      std::array<MonthlySeries, 2> both{};
      for (int y = 0; y < 2; ++y) {
        PARKHQ_ASSIGN_OR_RETURN(auto m, it->second->Series(code, {id}, period.year - 1 + y));
        if (auto f = m.find(id); f != m.end()) both[y] = f->second;
      }
      ctx.own[id][code] = both;
    }
  }
  return ctx;
}

StatusOr<std::vector<ComputedRow>> MonitoringService::Compute(Context& ctx, const std::vector<int64_t>& parks) const {
  std::vector<ComputedRow> rows;
  const MonitoringSettings& first = ctx.settings[parks.empty() ? 0 : parks.front()];
  for (const auto& ind : ctx.catalog) {
    std::vector<MonthlySeries> this_year, last_year;
    std::vector<std::optional<double>> targets;
    std::vector<AnnualTarget> stated;  // every park's target of the indicator (empty when one has none)
    bool all_stated = true;
    std::set<std::string> sources;
    for (int64_t id : parks) {
      const auto& s = ctx.Series(id, ind.code);
      last_year.push_back(s[0]);
      this_year.push_back(s[1]);
      auto t = ctx.targets.find(id);
      if (t != ctx.targets.end()) {
        auto it = t->second.find(ind.code);
        targets.push_back(it == t->second.end() ? std::nullopt : EffectiveTarget(it->second));
        if (it == t->second.end()) all_stated = false; else stated.push_back(it->second);
      } else {
        all_stated = false;
      }
      auto src = ctx.settings[id].sources.find(ind.code);
      sources.insert(src == ctx.settings[id].sources.end() ? kSourceDirect : src->second);
    }
    IndicatorInput in;
    in.kind = ind.kind;
    in.higher_is_better = ind.higher_is_better;
    in.this_year = SumSeries(this_year);
    in.last_year = SumSeries(last_year);
    in.target = SumKnown(targets);
    const std::optional<double> growth = all_stated ? CombinedGrowthPct(stated) : std::nullopt;
    PARKHQ_ASSIGN_OR_RETURN(auto figures, ComputeIndicator(in, ctx.period, first.thresholds, growth));
    rows.push_back({ind, figures, sources.size() == 1 ? *sources.begin() : "mixed", in.this_year, in.last_year});
  }
  return rows;
}

StatusOr<MonitoringTable> MonitoringService::Table(const Scope& s, Context& ctx, std::string kind, int64_t id,
                                                   std::string name, bool is_demo) const {
  MonitoringTable t;
  t.kind = std::move(kind);
  t.id = id;
  t.name = std::move(name);
  t.is_demo = is_demo;
  t.period = ctx.period;
  t.time_progress = TimeProgressPct(ctx.period.month);
  t.basis = ctx.basis;
  if (t.kind == "park") t.park_ids = {id};  // a region's parks are set by RegionDashboard
  return t;
}

StatusOr<std::vector<LocatedWarning>> MonitoringService::Warnings(Context& ctx, const MonitoringTable& t) const {
  std::vector<MonitoringRow> rows;
  for (const auto& r : t.rows) rows.push_back({r.indicator, r.figures});
  const int64_t main_park = t.park_ids.empty() ? 0 : t.park_ids.front();
  const MonitoringSettings& settings = ctx.settings[main_park];
  std::vector<LocatedWarning> out;
  auto add = [&](std::vector<Warning> ws, int64_t park_id, const std::string& prefix) {
    for (auto& w : ws) {
      w.message = prefix + w.message;
      const Park* p = ctx.FindPark(park_id);
      out.push_back({std::move(w), park_id, p ? p->name : t.name});
    }
  };
  PARKHQ_RETURN_IF_ERROR(ValidateWarningSettings(settings.warnings));
  add(IndicatorWarnings(rows, settings.units, settings.warnings), t.kind == "park" ? t.id : 0, "");
  for (int64_t park : t.park_ids) {
    std::vector<MonthSubmission> months;
    for (int m = 1; m <= ctx.period.month; ++m) {
      const Period p{ctx.period.year, m};
      months.push_back({p, ctx.StateOf(park, p)});
    }
    const MonitoringSettings& ps = ctx.settings[park];
    const Park* p = ctx.FindPark(park);
    add(NotSubmittedWarnings(months, Today(), ps.units.default_unit, ps.warnings), park,
        t.kind == "park" || !p ? "" : p->name + "：");
  }
  std::stable_sort(out.begin(), out.end(), [](const LocatedWarning& a, const LocatedWarning& b) {
    return static_cast<int>(a.warning.severity) > static_cast<int>(b.warning.severity);
  });
  return out;
}

StatusOr<MonitoringTable> MonitoringService::ParkMonitoring(const Scope& s, int64_t park_id, Period period,
                                                            Basis basis) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, ReadablePark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto ctx, Load({park_id}, period, basis, false));
  PARKHQ_ASSIGN_OR_RETURN(auto t, Table(s, ctx, "park", park.id, park.name, park.is_demo));
  t.state = ctx.StateOf(park_id, period);
  PARKHQ_ASSIGN_OR_RETURN(t.rows, Compute(ctx, t.park_ids));
  return t;
}

namespace {
// The region and every region below it.
std::set<int64_t> RegionTree(const std::vector<Region>& regions, int64_t root) {
  std::set<int64_t> out{root};
  bool grew = true;
  while (grew) {
    grew = false;
    for (const auto& r : regions)
      if (r.parent_id && out.count(*r.parent_id) && !out.count(r.id)) grew = out.insert(r.id).second;
  }
  return out;
}
}  // namespace

StatusOr<MonitoringTable> MonitoringService::RegionMonitoring(const Scope& s, int64_t region_id, Period period,
                                                              Basis basis) const {
  PARKHQ_ASSIGN_OR_RETURN(auto dash, Region(s, region_id, period, basis, false));
  return dash->table;
}

StatusOr<std::shared_ptr<const Dashboard>> MonitoringService::RegionDashboard(const Scope& s, int64_t region_id,
                                                                              Period period, Basis basis) const {
  return Region(s, region_id, period, basis, true);
}

StatusOr<Dashboard> MonitoringService::ParkDashboard(const Scope& s, int64_t park_id, Period period,
                                                     Basis basis) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, ReadablePark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto ctx, Load({park_id}, period, basis, true));
  Dashboard d;
  PARKHQ_ASSIGN_OR_RETURN(d.table, Table(s, ctx, "park", park.id, park.name, park.is_demo));
  d.table.state = ctx.StateOf(park_id, period);
  PARKHQ_ASSIGN_OR_RETURN(d.table.rows, Compute(ctx, d.table.park_ids));
  for (int64_t kid : ctx.children[park_id]) {
    const Park* p = ctx.FindPark(kid);
    if (!p || !s.CanReadPark(kid)) continue;
    SubParkFigures sp{kid, p->name, ctx.StateOf(kid, period), {}};
    PARKHQ_ASSIGN_OR_RETURN(sp.rows, Compute(ctx, {kid}));
    d.sub_parks.push_back(std::move(sp));
  }
  PARKHQ_ASSIGN_OR_RETURN(d.warnings, Warnings(ctx, d.table));
  return d;
}

StatusOr<std::shared_ptr<const Dashboard>> MonitoringService::Region(const Scope& s, int64_t region_id,
                                                                    Period period, Basis basis, bool full) const {
  PARKHQ_ASSIGN_OR_RETURN(auto region, org_.FindRegion(region_id));
  if (!region) return Status::NotFound("地区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto regions, org_.ListRegions());
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  const std::set<int64_t> tree = RegionTree(regions, region_id);
  std::vector<int64_t> ids;
  for (const auto& p : parks)
    if (!p.parent_id && tree.count(p.region_id) && s.CanReadPark(p.id)) ids.push_back(p.id);
  if (ids.empty()) return Status::NotFound("地区不存在或无权访问");
  std::string key = std::to_string(region_id) + "/" + period.ToString() + "/" +
                    (basis == Basis::kApproved ? "a" : "all") + "/" + (full ? "d" : "t") + "/" +
                    Today().ToString() + "/";
  for (int64_t id : ids) key += std::to_string(id) + ",";
  RegionJob job{std::move(key), region->id, region->name, std::move(ids), period, basis, full};
  if (auto hit = CachedResult(job.key); hit.value) {
    if (hit.stale) RefreshLater(job);
    return hit.value;
  }
  return ComputeRegion(job);
}

StatusOr<std::shared_ptr<const Dashboard>> MonitoringService::ComputeRegion(const RegionJob& job) const {
  uint64_t generation;
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    generation = generation_;
  }
  const std::vector<int64_t>& ids = job.ids;
  PARKHQ_ASSIGN_OR_RETURN(auto ctx, Load(ids, job.period, job.basis, true));
  Dashboard d;
  bool all_demo = true;
  for (int64_t id : ids)
    if (const Park* p = ctx.FindPark(id); p && !p->is_demo) all_demo = false;
  PARKHQ_ASSIGN_OR_RETURN(d.table, Table(Scope{}, ctx, "region", job.region_id, job.region_name, all_demo));
  d.table.park_ids = ids;
  int rank = 3;
  for (int64_t id : ids) {
    const SubmissionState st = ctx.StateOf(id, job.period);
    if (StateRank(st) <= rank) {
      rank = StateRank(st);
      d.table.state = st;
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(d.table.rows, Compute(ctx, ids));
  if (!job.full) return StoreResult(job.key, generation, std::move(d));
  for (int64_t id : ids) {
    SubParkFigures sp{id, ctx.FindPark(id)->name, ctx.StateOf(id, job.period), {}};
    PARKHQ_ASSIGN_OR_RETURN(sp.rows, Compute(ctx, {id}));
    d.sub_parks.push_back(std::move(sp));
  }
  PARKHQ_ASSIGN_OR_RETURN(d.warnings, Warnings(ctx, d.table));
  return StoreResult(job.key, generation, std::move(d));
}

}  // namespace parkhq::monitoring
