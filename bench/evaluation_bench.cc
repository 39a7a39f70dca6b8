// 亩均效益评价 at scale: 100,000 enterprises of one year evaluated
//  - by the domain (Evaluate on inputs in memory, and end to end: LoadInputs from the database +
//    Evaluate), with the peak memory the run adds;
//  - by the same scores and percentile classes written as one SQL statement with window functions,
//    in SQLite and (when PARKHQ_TEST_PG is set) PostgreSQL, on the same rows.
// The SQL formulation covers what SQL can express plainly: indicator scores (floored at 0), the
// missing-data rule (group average score), the rounded total, RANK() within the group and the
// percentile bounds; quotas, vetoes and exemptions are domain-only (the data set has none).
// bench/evaluation.sh runs this and appends the section of bench/RESULTS.md.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/time.h"
#include "domain/evaluation/evaluation_calc.h"
#include "storage/database.h"
#include "storage/evaluation/sql_evaluation_repository.h"
#include "storage/migrations.h"

namespace {

using namespace parkhq;              // NOLINT
using namespace parkhq::evaluation;  // NOLINT
using parkhq::storage::Database;

constexpr int kYear = 2023;
constexpr int kN = 100000;

// A deterministic data set: 80% above scale, 20% below; ~4% of values missing, 1% excluded.
std::vector<InputRecord> MakeData(int n) {
  std::vector<InputRecord> v;
  v.reserve(n);
  uint64_t s = 88172645463325252ULL;
  auto next = [&]() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<double>(s % 1000000) / 1000000.0;
  };
  for (int i = 0; i < n; ++i) {
    InputRecord r;
    EnterpriseInput& in = r.input;
    in.enterprise_id = i + 1;
    in.group = next() < 0.8 ? Group::kAboveScale : Group::kBelowScale;
    const double land = 5 + 300 * next(), k = 0.2 + 2 * next();
    in.land_mu = std::round(land * 100) / 100;
    in.tax = std::round(land * k * 8 * 100) / 100;
    in.revenue = std::round(land * k * 150 * 100) / 100;
    in.value_added = next() < 0.04 ? std::nullopt : std::optional<double>(std::round(*in.revenue * 0.25 * 100) / 100);
    in.energy_tce = std::round(land * (2 + 30 * next()) * 100) / 100;
    in.emissions_t = next() < 0.04 ? std::nullopt : std::optional<double>(std::round(land * 0.2 * next() * 1000 + 1) / 1000);
    in.employees_avg = std::round(land * (0.5 + 3 * next()));
    in.rnd = std::round(*in.revenue * 0.03 * next() * 100) / 100;
    in.electricity_kwh = std::round(land * (5000 + 25000 * next()));
    if (next() < 0.01) in.excluded_reason = "公用事业";
    r.enterprise_name = "企业" + std::to_string(i + 1);
    v.push_back(std::move(r));
  }
  return v;
}

// The default indicators with fixed benchmarks (no caps) — what the SQL statement mirrors.
Scheme BenchScheme() {
  Scheme s = DefaultScheme();
  const double b[2][6] = {{20, 60, 40, 6, 600, 0.03}, {6, 2.5}};
  for (size_t g = 0; g < s.groups.size(); ++g)
    for (size_t i = 0; i < s.groups[g].indicators.size(); ++i) s.groups[g].indicators[i].benchmark = b[g][i];
  return s;
}

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// SQL for one indicator value (NULL when undefined, as ComputeIndicators).
std::string IndicatorSql(IndicatorCode c) {
  switch (c) {
    case IndicatorCode::kTaxPerMu: return "CASE WHEN land_mu > 0 THEN tax / land_mu END";
    case IndicatorCode::kValueAddedPerMu: return "CASE WHEN land_mu > 0 THEN value_added / land_mu END";
    case IndicatorCode::kRevenuePerMu: return "CASE WHEN land_mu > 0 THEN revenue / land_mu END";
    case IndicatorCode::kLabourProductivity: return "CASE WHEN employees_avg > 0 THEN value_added / employees_avg END";
    case IndicatorCode::kValueAddedPerEnergy: return "CASE WHEN energy_tce > 0 THEN value_added / energy_tce END";
    case IndicatorCode::kValueAddedPerEmission: return "CASE WHEN emissions_t > 0 THEN value_added / emissions_t END";
    case IndicatorCode::kRndIntensity: return "CASE WHEN revenue > 0 THEN rnd / revenue END";
    case IndicatorCode::kTaxPerKwh: return "CASE WHEN electricity_kwh > 0 THEN tax / (electricity_kwh / 10000.0) END";
    default: return "NULL";
  }
}

// One statement: indicator scores per group, missing → group average score, rounded total,
// RANK() and the percentile classes. Returns (enterprise_id, score, class) for the ranked firms.
std::string ScoreSql(const ResolvedScheme& rs) {
  std::ostringstream s1, s2, sum;
  int k = 0;
  for (Group g : {Group::kAboveScale, Group::kBelowScale}) {
    const auto& grp = *rs.groups[static_cast<int>(g)];
    for (const auto& ind : grp.indicators) {
      const std::string v = "(" + IndicatorSql(ind.code) + ")";
      s1 << ", CASE WHEN group_code = '" << GroupCode(g) << "' THEN CASE WHEN " << v << " < 0 THEN 0 ELSE " << v
         << " / " << Num(ind.benchmark) << " * " << Num(ind.weight) << " END END AS s" << k;
      s2 << ", COALESCE(s" << k << ", AVG(s" << k << ") OVER (PARTITION BY group_code), 0) AS f" << k;
      sum << (k ? " + " : "") << "CASE WHEN group_code = '" << GroupCode(g) << "' THEN f" << k << " ELSE 0 END";
      ++k;
    }
  }
  const auto& b = rs.groups[0]->bounds;  // both groups use 20/60/95 here
  std::ostringstream q;
  q << "WITH s AS (SELECT enterprise_id, group_code" << s1.str()
    << " FROM eval_inputs WHERE park_id = ? AND year = ? AND excluded_reason IS NULL), "
    << "f AS (SELECT enterprise_id, group_code" << s2.str() << " FROM s), "
    << "t AS (SELECT enterprise_id, group_code, CAST(ROUND(CAST(" << sum.str()
    << " AS NUMERIC), 4) AS DOUBLE PRECISION) AS score FROM f), "
    << "r AS (SELECT enterprise_id, group_code, score, RANK() OVER (PARTITION BY group_code ORDER BY score DESC) AS rnk, "
    << "COUNT(*) OVER (PARTITION BY group_code) AS n FROM t) "
    << "SELECT enterprise_id, score, CASE WHEN 100.0 * rnk <= " << Num(b[0]) << " * n + 1e-9 THEN 'A' WHEN 100.0 * rnk <= "
    << Num(b[1]) << " * n + 1e-9 THEN 'B' WHEN 100.0 * rnk <= " << Num(b[2]) << " * n + 1e-9 THEN 'C' ELSE 'D' END "
    << "FROM r";
  return q.str();
}

struct Env {
  std::vector<InputRecord> data;
  std::vector<EnterpriseInput> inputs;
  ResolvedScheme scheme;
  std::map<int64_t, std::pair<double, EvalClass>> expected;  // domain results of ranked firms
  std::unique_ptr<Database> sqlite, pg;
  int64_t sqlite_park = 0, pg_park = 0;
  std::string sqlite_path;
  ~Env() {
    sqlite.reset();
    if (!sqlite_path.empty()) {
      std::error_code ec;
      for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path + suf, ec);
    }
  }
};

int64_t Load(Database& db, const std::vector<InputRecord>& data) {
  auto c = db.Acquire();
  if (!c.ok()) std::abort();
  auto region = (*c)->InsertId("INSERT INTO regions(name, level, created_at) VALUES ('bench', 'city', ?) RETURNING id",
                               {NowIso()});
  auto park = (*c)->InsertId("INSERT INTO parks(region_id, name, created_at) VALUES (?, 'bench', ?) RETURNING id",
                             {*region, NowIso()});
  if (!park.ok()) std::abort();
  storage::Transaction tx(**c);
  if (!storage::SqlEvaluationRepository::InsertInputsBulk(**c, *park, kYear, data).ok()) std::abort();
  if (!tx.Commit().ok()) std::abort();
  (void)(*c)->Exec("ANALYZE");
  return *park;
}

Env& E() {
  static Env* env = [] {
    auto* e = new Env;
    e->data = MakeData(kN);
    for (const auto& r : e->data) e->inputs.push_back(r.input);
    e->scheme = *ResolveScheme(BenchScheme(), {});
    auto run = Evaluate(e->scheme, e->inputs);
    for (const auto& r : run->items)
      if (r.rank) e->expected[r.enterprise_id] = {r.score, r.cls};
    e->sqlite_path = (std::filesystem::temp_directory_path() / ("parkhq-evalbench-" + std::to_string(getpid()) + ".db")).string();
    auto opened = Database::Open(e->sqlite_path, 2);
    if (!opened.ok()) std::abort();
    e->sqlite = std::move(*opened);
    if (!storage::Migrate(*e->sqlite).ok()) std::abort();
    e->sqlite_park = Load(*e->sqlite, e->data);
    if (const char* url = std::getenv("PARKHQ_TEST_PG"); url && *url) {
      auto admin = Database::Open(url, 1);
      if (admin.ok()) {
        const std::string name = "parkhq_evalbench_" + std::to_string(getpid());
        auto c = (*admin)->Acquire();
        (void)(*c)->Exec("DROP DATABASE IF EXISTS " + name);
        (void)(*c)->Exec("CREATE DATABASE " + name);
        std::string u = url;
        u = u.substr(0, u.rfind('/') + 1) + name;
        auto db = Database::Open(u, 2);
        if (db.ok() && storage::Migrate(**db).ok()) {
          e->pg = std::move(*db);
          e->pg_park = Load(*e->pg, e->data);
        }
      }
    }
    return e;
  }();
  return *env;
}

// Peak RSS (kB) since the last reset; ResetPeak() clears VmHWM (Linux clear_refs 5).
long ReadKb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + std::strlen(key));
  return 0;
}
bool ResetPeak() {
  malloc_trim(0);  // hand freed memory back so the next peak is the run's own
  std::ofstream f("/proc/self/clear_refs");
  if (!f) return false;
  f << "5";
  return static_cast<bool>(f);
}

void BM_Eval_Domain_InMemory(benchmark::State& state) {
  Env& e = E();
  const bool can_reset = ResetPeak();
  const long rss0 = ReadKb("VmRSS:");
  size_t ranked = 0;
  for (auto _ : state) {
    auto run = Evaluate(e.scheme, e.inputs);
    ranked = run->groups[0].ranked + run->groups[1].ranked;
    benchmark::DoNotOptimize(run);
  }
  state.counters["enterprises"] = static_cast<double>(e.inputs.size());
  state.counters["ranked"] = static_cast<double>(ranked);
  if (can_reset) state.counters["run_peak_extra_MB"] = (ReadKb("VmHWM:") - rss0) / 1024.0;
  state.counters["results_MB"] = sizeof(EnterpriseResult) * e.inputs.size() / 1048576.0;
}

void DomainFromDb(benchmark::State& state, Database* db, int64_t park) {
  if (!db) {
    state.SkipWithError("PostgreSQL not available (set PARKHQ_TEST_PG)");
    return;
  }
  Env& e = E();
  storage::SqlEvaluationRepository repo(*db);
  const bool can_reset = ResetPeak();
  const long rss0 = ReadKb("VmRSS:");
  for (auto _ : state) {
    auto in = repo.LoadScoringInputs(park, kYear);  // what EvaluationService::Run loads
    auto run = Evaluate(e.scheme, *in);
    benchmark::DoNotOptimize(run);
  }
  if (can_reset) state.counters["run_peak_extra_MB"] = (ReadKb("VmHWM:") - rss0) / 1024.0;
}
void BM_Eval_Domain_FromSqlite(benchmark::State& state) { DomainFromDb(state, E().sqlite.get(), E().sqlite_park); }
void BM_Eval_Domain_FromPostgres(benchmark::State& state) { DomainFromDb(state, E().pg.get(), E().pg_park); }

void SqlRun(benchmark::State& state, Database* db, int64_t park) {
  if (!db) {
    state.SkipWithError("PostgreSQL not available (set PARKHQ_TEST_PG)");
    return;
  }
  Env& e = E();
  const std::string sql = ScoreSql(e.scheme);
  auto c = db->Acquire();
  std::vector<std::tuple<int64_t, double, std::string>> out;
  for (auto _ : state) {
    out.clear();
    out.reserve(e.expected.size());
    auto st = (*c)->ForEach(sql, {park, int64_t{kYear}}, [&](const storage::Row& r) {
      out.emplace_back(r.Int(0), r.Double(1), r.Text(2));
      return true;
    });
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      return;
    }
  }
  // Agreement with the domain run (outside the timing).
  int64_t score_diff = 0, class_diff = 0;
  for (const auto& [id, score, cls] : out) {
    auto it = e.expected.find(id);
    if (it == e.expected.end()) {
      ++class_diff;
      continue;
    }
    if (std::abs(it->second.first - score) > 1e-4) ++score_diff;
    if (ClassCode(it->second.second) != cls) ++class_diff;
  }
  state.counters["rows"] = static_cast<double>(out.size());
  state.counters["score_mismatch"] = static_cast<double>(score_diff);
  state.counters["class_mismatch"] = static_cast<double>(class_diff);
}
void BM_Eval_Sql_Sqlite(benchmark::State& state) { SqlRun(state, E().sqlite.get(), E().sqlite_park); }
void BM_Eval_Sql_Postgres(benchmark::State& state) { SqlRun(state, E().pg.get(), E().pg_park); }

BENCHMARK(BM_Eval_Domain_InMemory)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Eval_Domain_FromSqlite)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Eval_Domain_FromPostgres)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Eval_Sql_Sqlite)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Eval_Sql_Postgres)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
