// Project rates for a region at a date: 50,000 projects with monthly investment across 100 parks
// (SQLite file, the engine the demo runs on). Compares the service path (load the projects, plans
// and monthly reports through SqlProjectRepository::LoadForRates, then ComputeRates in memory, with
// drill-down ids) with a plain SQL formulation of the same eight figures in the same engine
// (aggregates only, no drill-down). bench/projects.sh writes the section of bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>

#include "domain/project/rates_calc.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/project/sql_project_repository.h"

namespace {

using parkhq::Date;
using parkhq::storage::Database;
using parkhq::storage::Value;

constexpr int kParks = 100;
constexpr int kProjects = 50000;
const Date kAt{2023, 6, 30};

struct Fixture {
  std::unique_ptr<Database> db;
  std::vector<int64_t> parks;
};

std::string D(const Date& d) { return d.ToString(); }

Fixture* Build() {
  auto f = std::make_unique<Fixture>();
  const std::string path = (std::filesystem::temp_directory_path() / "parkhq_projects_bench.db").string();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  f->db = Database::Open(path, 4).value();
  if (!parkhq::storage::Migrate(*f->db).ok()) std::abort();
  auto conn = f->db->Acquire().value();
  auto& c = *conn;
  parkhq::storage::Transaction tx(c);
  const int64_t region =
      c.InsertId("INSERT INTO regions(name, level, created_at) VALUES ('基准地区', 'city', '2023-01-01') RETURNING id")
          .value();
  for (int i = 0; i < kParks; ++i)
    f->parks.push_back(c.InsertId("INSERT INTO parks(region_id, name, created_at) VALUES (?,?, '2023-01-01') RETURNING id",
                                  {region, "园区" + std::to_string(i)})
                           .value());
  (void)c.Exec("INSERT INTO indicators(code, name_zh, name_en, unit, kind) VALUES ('funds_in_place','到位资金','Funds','万元','flow')");
  std::mt19937 rng(42);
  const char* kStageCodes[] = {"reserve", "signed", "landed", "started", "completed", "production"};
  for (int i = 0; i < kProjects; ++i) {
    const int64_t park = f->parks[i % kParks];
    const bool continuing = rng() % 4 == 0;
    const int reached = static_cast<int>(rng() % 6);  // 0..5: the stage reached
    Date base = Date{2022, 10, 1}.AddDays(static_cast<int64_t>(rng() % 200));
    std::vector<Value> v = {park, "项目" + std::to_string(i), std::string(continuing ? "continuing" : "new"),
                            std::string(kStageCodes[reached]), 10000.0, 8000.0};
    for (int s = 0; s < 6; ++s) v.push_back(s == 0 ? Value() : Value(D(base.AddDays(45 * s))));  // planned
    for (int s = 0; s < 6; ++s)
      v.push_back(s <= reached ? Value(D(base.AddDays(45 * s + static_cast<int64_t>(rng() % 40) - 10))) : Value());
    v.push_back(rng() % 50 == 0 ? Value(std::string("2023-05-01")) : Value());  // terminated
    v.push_back(std::string("2023-01-01"));
    const int64_t id =
        c.InsertId("INSERT INTO projects(park_id, name, kind, stage, total_investment, contracted_investment, "
                   "planned_reserve, planned_signed, planned_landed, planned_started, planned_completed, "
                   "planned_production, actual_reserve, actual_signed, actual_landed, actual_started, actual_completed, "
                   "actual_production, terminated_on, created_at, updated_at) VALUES "
                   "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'2023-01-01') RETURNING id",
                   v)
            .value();
    (void)c.Exec("INSERT INTO project_annual_plans(park_id, project_id, year, planned_investment) VALUES (?,?,2023,?)",
                 {park, id, 1200.0});
    for (int m = 1; m <= 6; ++m) {
      char period[8];
      std::snprintf(period, sizeof period, "2023-%02d", m);
      (void)c.Exec("INSERT INTO project_monthly(park_id, project_id, period, completed, funds_in_place, updated_at) "
                   "VALUES (?,?,?,?,?, '2023-07-01')",
                   {park, id, std::string(period), static_cast<double>(rng() % 200), static_cast<double>(rng() % 80)});
    }
  }
  for (int64_t p : f->parks)
    (void)c.Exec("INSERT INTO targets(park_id, year, indicator_code, target, updated_at) VALUES (?, 2023, "
                 "'funds_in_place', 50000, '2023-01-01')",
                 {p});
  if (!tx.Commit().ok()) std::abort();
  return f.release();
}

Fixture& Get() {
  static Fixture* f = Build();
  return *f;
}

void BM_ProjectRatesRegion_Service(benchmark::State& state) {
  auto& f = Get();
  parkhq::storage::SqlProjectRepository repo(*f.db);
  for (auto _ : state) {
    auto projects = repo.LoadForRates(f.parks, std::nullopt).value();
    auto target = repo.FundsInPlaceTarget(f.parks, 2023).value();
    auto rates = parkhq::project::ComputeRates(projects, kAt, target);
    benchmark::DoNotOptimize(rates);
  }
  state.counters["projects"] = kProjects;
}
BENCHMARK(BM_ProjectRatesRegion_Service)->Unit(benchmark::kMillisecond)->Iterations(5);

// The same eight figures as aggregate SQL (dates consistent by construction, so "reached stage S"
// is actual_S <= d; no drill-down ids).
void BM_ProjectRatesRegion_PlainSql(benchmark::State& state) {
  auto& f = Get();
  const std::string d = D(kAt), y0 = "2023-01-01", m0 = "2023-01", m1 = "2023-06";
  std::string in = "(";
  for (size_t i = 0; i < f.parks.size(); ++i) in += (i ? "," : "") + std::to_string(f.parks[i]);
  in += ")";
  const std::string counts =
      "SELECT "
      "SUM(CASE WHEN actual_signed <= ?1 AND planned_landed BETWEEN ?2 AND ?1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN actual_signed <= ?1 AND planned_landed BETWEEN ?2 AND ?1 AND actual_landed <= planned_landed "
      "THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN kind = 'new' AND live = 1 AND planned_started BETWEEN ?2 AND ?1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN kind = 'new' AND live = 1 AND planned_started BETWEEN ?2 AND ?1 AND actual_started <= ?1 THEN 1 "
      "ELSE 0 END), "
      "SUM(CASE WHEN kind = 'continuing' AND live = 1 AND (actual_completed IS NULL OR actual_completed >= ?2) THEN 1 "
      "ELSE 0 END), "
      "SUM(CASE WHEN kind = 'continuing' AND live = 1 AND (actual_completed IS NULL OR actual_completed >= ?2) AND "
      "actual_started BETWEEN ?2 AND ?1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN live = 1 AND planned_completed BETWEEN ?2 AND ?1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN live = 1 AND planned_completed BETWEEN ?2 AND ?1 AND actual_completed <= planned_completed THEN 1 "
      "ELSE 0 END), "
      "SUM(CASE WHEN live = 1 AND planned_production BETWEEN ?2 AND ?1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN live = 1 AND planned_production BETWEEN ?2 AND ?1 AND actual_production <= ?1 THEN 1 ELSE 0 END) "
      "FROM (SELECT p.*, CASE WHEN terminated_on IS NOT NULL AND terminated_on <= ?1 THEN 0 ELSE 1 END AS live "
      "FROM projects p WHERE park_id IN " + in + ") x";
  // Positional ?1/?2 are SQLite syntax; this benchmark runs on SQLite only.
  const std::string fai =
      "SELECT SUM(a.planned_investment), (SELECT SUM(m.completed) FROM project_monthly m JOIN project_annual_plans b "
      "ON b.project_id = m.project_id AND b.year = 2023 AND b.planned_investment > 0 WHERE m.park_id IN " + in +
      " AND m.period BETWEEN ? AND ?) FROM project_annual_plans a WHERE a.park_id IN " + in +
      " AND a.year = 2023 AND a.planned_investment > 0";
  const std::string funds = "SELECT SUM(funds_in_place), (SELECT SUM(target) FROM targets WHERE park_id IN " + in +
                            " AND year = 2023 AND indicator_code = 'funds_in_place') FROM project_monthly WHERE "
                            "park_id IN " + in + " AND period BETWEEN ? AND ?";
  auto conn = f.db->Acquire().value();
  for (auto _ : state) {
    auto a = conn->QueryOne(counts, {d, y0}).value();
    auto b = conn->QueryOne(fai, {m0, m1}).value();
    auto c = conn->QueryOne(funds, {m0, m1}).value();
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(c);
  }
  state.counters["projects"] = kProjects;
}
BENCHMARK(BM_ProjectRatesRegion_PlainSql)->Unit(benchmark::kMillisecond)->Iterations(5);

// One park (500 projects): what a park's rates page costs.
void BM_ProjectRatesPark_Service(benchmark::State& state) {
  auto& f = Get();
  parkhq::storage::SqlProjectRepository repo(*f.db);
  for (auto _ : state) {
    auto projects = repo.LoadForRates({f.parks[0]}, std::nullopt).value();
    auto rates = parkhq::project::ComputeRates(projects, kAt, 50000.0);
    benchmark::DoNotOptimize(rates);
  }
}
BENCHMARK(BM_ProjectRatesPark_Service)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
