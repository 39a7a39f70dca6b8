// Use cases of economic-operation monitoring (issue 3): the indicator catalog, annual targets,
// monthly values with the 填报 → 提交 → 审核 workflow, and the computed monitoring table, dashboard
// and warnings of a park, a sub-park or a region (the sum of its parks).
//
// Access: reading needs the park in the caller's scope (404 otherwise, so existence does not
// leak); writing values, targets and settings and moving a month need CanAdminPark (403); the
// catalog is edited by the sysadmin only (403). Read-only callers (leaders, read-only tokens) are
// refused every write (403).
//
// Thread safety: after construction and RegisterSource calls, every method is const and safe to
// call concurrently; the per-park cache is guarded by a mutex.
//
// Cache: a park's stored values and month states per year, its settings and targets are kept in
// memory after the first read (a region of 100 parks then computes without touching storage).
// Every write through this service drops the park's entries at once; entries also expire after
// kCacheSeconds, which bounds how stale a write made by another process can be. Region results
// (the sum of many parks) are kept too, keyed by region, period, basis, the caller's parks and the
// day, and dropped by any write (a generation counter); with a figures source registered they live
// only kSourceResultSeconds, as the service cannot see that module's writes. A result past its
// time to live is still served while one background thread computes the next (no request waits
// for the recompute); a write through this service makes the next request recompute at once.
#pragma once
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/background_worker.h"
#include "domain/monitoring/figures_source.h"
#include "domain/monitoring/monitoring.h"
#include "domain/monitoring/monitoring_repository.h"
#include "domain/org/org_repository.h"

namespace parkhq::monitoring {

// Which months' values the figures include: every entered value, or approved months only.
enum class Basis { kAll, kApproved };

struct TargetRow {
  Indicator indicator;
  AnnualTarget target;
  std::optional<double> effective;  // EffectiveTarget(target)
};

struct TargetsView {
  int64_t park_id = 0;
  int year = 0;
  std::vector<TargetRow> items;  // catalog order, only indicators with a stored target
};

// A park's year of stored values (the entry grid), months × indicators.
struct YearGrid {
  int64_t park_id = 0;
  int year = 0;
  std::array<MonthState, 12> months;
  std::vector<Indicator> indicators;
  std::map<std::string, MonthlySeries, std::less<>> values;  // code → monthly amounts
  std::map<std::string, std::string, std::less<>> sources;   // code → source name
};

// One indicator's computed figures plus the monthly series behind them.
struct ComputedRow {
  Indicator indicator;
  IndicatorFigures figures;
  std::string source;        // direct | enterprise_reports | projects
  MonthlySeries this_year{};
  MonthlySeries last_year{};
};

// The monitoring table of a park, a sub-park or a region at period Y-m.
struct MonitoringTable {
  std::string kind;  // "park" | "region"
  int64_t id = 0;
  std::string name;
  bool is_demo = false;
  Period period;
  double time_progress = 0;
  Basis basis = Basis::kAll;
  std::vector<int64_t> park_ids;  // the parks whose figures are summed (region) or {id}
  SubmissionState state = SubmissionState::kNotStarted;  // park: the month's; region: the least advanced
  std::vector<ComputedRow> rows;
};

struct SubParkFigures {
  int64_t park_id = 0;
  std::string name;
  SubmissionState state = SubmissionState::kNotStarted;
  std::vector<ComputedRow> rows;
};

struct LocatedWarning {
  Warning warning;
  int64_t park_id = 0;
  std::string park_name;
};

struct Dashboard {
  MonitoringTable table;
  std::vector<SubParkFigures> sub_parks;  // a park's sub-parks, or a region's parks
  std::vector<LocatedWarning> warnings;
};

class MonitoringService {
 public:
  static constexpr int kCacheSeconds = 30;
  static constexpr int kSourceResultSeconds = 2;

  MonitoringService(MonitoringRepository& repo, OrgRepository& org) : repo_(repo), org_(org) {}

  // Registers the provider of figures for a source name (not thread-safe: call before serving).
  // The pointer must outlive the service.
  void RegisterSource(const std::string& name, MonthlyFiguresSource* source) { sources_[name] = source; }

  // Catalog.
  StatusOr<std::vector<Indicator>> ListIndicators(const Scope& s) const;
  StatusOr<Indicator> CreateIndicator(const Scope& s, const Indicator& ind) const;
  StatusOr<Indicator> UpdateIndicator(const Scope& s, const Indicator& ind) const;

  // Targets (park or sub-park). PutTargets: Validation per ValidateYearTargets; year 1900..2999.
  StatusOr<TargetsView> GetTargets(const Scope& s, int64_t park_id, int year) const;
  StatusOr<TargetsView> PutTargets(const Scope& s, int64_t park_id, int year,
                                   const YearTargets& targets) const;

  // Monthly values.
  StatusOr<YearGrid> GetYear(const Scope& s, int64_t park_id, int year) const;
  // Validation: "period" (future month, locked month), "values.<code>" (unknown indicator,
  // negative, cumulative below the previous month's, a missing earlier month, a figure fed by
  // another module). Returns the month's grid year after the write.
  StatusOr<YearGrid> PutValues(const Scope& s, int64_t park_id, const ValueEntry& entry) const;
  // Imports a table of monthly figures (see ImportSheet): every row and cell is checked first —
  // period, not future, month editable, known indicator columns, numbers ≥ 0, cumulative figures
  // not below the previous month's — and then all months are written in one transaction; any
  // problem writes nothing and answers Validation with details "rows[<row>].<column>".
  StatusOr<ImportResult> ImportValues(const Scope& s, int64_t park_id, const ImportSheet& sheet) const;
  // submit: draft/returned → submitted; approve: submitted → approved; return: submitted →
  // returned (reason required); unlock: approved → draft (park admin or sysadmin, reason required).
  // Conflict when the month is not in a state the action starts from.
  StatusOr<MonthState> Act(const Scope& s, int64_t park_id, Period period, MonthAction action,
                           const std::string& reason) const;
  // The latest month with figures of the park or its sub-parks (nullopt when none): the
  // dashboard's default period.
  StatusOr<std::optional<Period>> LatestPeriod(const Scope& s, int64_t park_id) const;
  StatusOr<HistoryPage> History(const Scope& s, int64_t park_id, const HistoryFilter& f) const;

  // Computations.
  StatusOr<MonitoringTable> ParkMonitoring(const Scope& s, int64_t park_id, Period period,
                                           Basis basis) const;
  StatusOr<MonitoringTable> RegionMonitoring(const Scope& s, int64_t region_id, Period period,
                                             Basis basis) const;
  StatusOr<Dashboard> ParkDashboard(const Scope& s, int64_t park_id, Period period, Basis basis) const;
  // Shared and immutable: while the data behind it does not change, repeated calls return the
  // same object (callers may cache what they derive from it by its identity).
  StatusOr<std::shared_ptr<const Dashboard>> RegionDashboard(const Scope& s, int64_t region_id, Period period,
                                                             Basis basis) const;

  // Settings.
  StatusOr<MonitoringSettings> GetSettings(const Scope& s, int64_t park_id) const;
  StatusOr<MonitoringSettings> PutSettings(const Scope& s, int64_t park_id,
                                           const MonitoringSettings& settings) const;

 private:
  struct Context;  // parks, catalog and loaded data of one computation
  StatusOr<Park> ReadablePark(const Scope& s, int64_t park_id) const;
  StatusOr<Park> WritablePark(const Scope& s, int64_t park_id) const;
  StatusOr<Context> Load(const std::vector<int64_t>& roots, Period period, Basis basis,
                         bool with_children_rows) const;
  StatusOr<std::vector<ComputedRow>> Compute(Context& ctx, const std::vector<int64_t>& parks) const;
  StatusOr<MonitoringTable> Table(const Scope& s, Context& ctx, std::string kind, int64_t id,
                                  std::string name, bool is_demo) const;
  StatusOr<std::vector<LocatedWarning>> Warnings(Context& ctx, const MonitoringTable& t) const;
  StatusOr<std::shared_ptr<const Dashboard>> Region(const Scope& s, int64_t region_id, Period period, Basis basis,
                                                    bool full) const;
  // What a region result is computed from (the parks already narrowed to the caller's scope, so
  // the result does not depend on who asked and can be refreshed in the background).
  struct RegionJob {
    std::string key;
    int64_t region_id = 0;
    std::string region_name;
    std::vector<int64_t> ids;
    Period period;
    Basis basis = Basis::kApproved;
    bool full = false;
  };
  StatusOr<std::shared_ptr<const Dashboard>> ComputeRegion(const RegionJob& job) const;
  // Queues a background recompute of a stale result (at most one per key at a time).
  void RefreshLater(RegionJob job) const;

  // The cache (see above).
  struct ParkYear {
    std::map<std::string, MonthlySeries, std::less<>> values;
    std::vector<MonthState> states;
  };
  template <typename T>
  struct Cached {
    std::chrono::steady_clock::time_point at;
    T value;
  };
  // Values and states of these parks in `year`, from the cache or one batch read.
  StatusOr<std::map<int64_t, ParkYear>> Years(const std::vector<int64_t>& parks, int year) const;
  StatusOr<std::map<int64_t, YearTargets>> Targets(const std::vector<int64_t>& parks, int year) const;
  StatusOr<MonitoringSettings> Settings(int64_t park_id) const;
  StatusOr<std::vector<Indicator>> Catalog() const;
  void Invalidate(int64_t park_id) const;
  void InvalidateCatalog() const;
  // A cached region result for `key`: nullptr when there is none or the data changed since it was
  // computed (a write in this service: the caller recomputes now, so a writer sees its change);
  // `stale` when it is older than its time to live (figures read live from other modules): served
  // as it is while RefreshLater computes the next one, up to kMaxStaleSeconds.
  struct CachedLookup {
    std::shared_ptr<const Dashboard> value;
    bool stale = false;
  };
  static constexpr int kMaxStaleSeconds = 60;
  CachedLookup CachedResult(const std::string& key) const;
  // Keeps `d`, computed from data read at `generation`, and returns it.
  std::shared_ptr<const Dashboard> StoreResult(const std::string& key, uint64_t generation, Dashboard d) const;

  MonitoringRepository& repo_;
  OrgRepository& org_;
  std::map<std::string, MonthlyFiguresSource*> sources_;

  mutable std::mutex cache_mu_;
  mutable std::map<std::pair<int64_t, int>, Cached<ParkYear>> years_;          // guarded by cache_mu_
  mutable std::map<std::pair<int64_t, int>, Cached<YearTargets>> targets_;     // guarded by cache_mu_
  mutable std::map<int64_t, Cached<MonitoringSettings>> settings_;            // guarded by cache_mu_
  mutable std::optional<Cached<std::vector<Indicator>>> catalog_;             // guarded by cache_mu_
  mutable uint64_t generation_ = 0;                                           // guarded by cache_mu_
  // Region results; shared_ptr because an immutable result is read by concurrent requests while
  // the cache may drop it. Each entry remembers the generation it was computed in.
  mutable std::map<std::string, Cached<std::pair<uint64_t, std::shared_ptr<const Dashboard>>>>
      results_;  // guarded by cache_mu_
  mutable std::set<std::string> refreshing_;  // keys queued or being refreshed; guarded by cache_mu_

 public:
  // Waits for queued background refreshes (tests).
  void DrainRefreshes() const { refresher_.Drain(); }

 private:
  // Last member: destroyed first, so no refresh runs once the rest is gone.
  mutable BackgroundWorker refresher_;
};

}  // namespace parkhq::monitoring
