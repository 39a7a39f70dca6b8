// Enterprise monthly-report import (issue 5): 1,000,000 generated rows (20,000 enterprises x 50
// months) imported with validation through EnterpriseService::ImportReports (one streaming pass,
// one transaction) against `sqlite3 .import` of the same CSV into a bare table, repeated in pairs;
// the figures are reported as counters (bench/enterprises.sh writes them to bench/RESULTS.md).
//   ENTERPRISE_BENCH_FIRMS=20000 ENTERPRISE_BENCH_MONTHS=50 build/parkhq_bench --benchmark_filter=ReportImport
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/demo_seed.h"
#include "common/embedded.h"
#include "domain/enterprise/enterprise_service.h"
#include "domain/enterprise/uscc.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "storage/migrations.h"
#include "storage/sql_org_repository.h"

namespace {

using namespace parkhq;

int EnvInt(const char* name, int def) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : def;
}

std::string Uscc(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "91620824MB%07d", i);
  std::string first17(buf);
  return first17 + *enterprise::UsccCheckCharacter(first17);
}

double PeakRssMb(int who) {
  rusage u{};
  getrusage(who, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// User + system CPU seconds so far (the machine is shared: CPU time compares better than wall time).
double CpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One import into a fresh database and one bare import of the same file, back to back.
struct Run {
  double ours = 0, ours_cpu = 0, bare = 0, bare_cpu = 0, bare_rss_kb = 0;
  int64_t rows = 0;
};

// Sets up `dir`/bench.db with `firms` registered enterprises (not timed), then times both imports.
// Returns an error message on failure.
std::string RunOnce(const std::filesystem::path& dir, const std::string& csv, int firms, Run& run) {
  for (const char* f : {"bench.db", "bench.db-wal", "bench.db-shm", "bare.db"}) std::filesystem::remove(dir / f);
  auto db = storage::Database::Open((dir / "bench.db").string(), 4);
  if (!db.ok() || !storage::Migrate(**db).ok() || !app::SeedDemo(**db, true).ok()) return "database setup failed";
  int64_t park = 0;
  {
    auto c = (*db)->Acquire();
    auto row = (*c)->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id");
    park = (*row)->Int(0);
    storage::Transaction tx(**c);
    for (int i = 0; i < firms; ++i)
      (void)(*c)->Exec("INSERT INTO enterprises(park_id, uscc, name, industry_code, leading_group, created_at, "
                       "updated_at) VALUES (?,?,?,'2614','coal_chemical','2024-01-01','2024-01-01')",
                       {park, Uscc(i), "基准测试企业" + std::to_string(i)});
    (void)tx.Commit();
  }
  storage::SqlEnterpriseRepository repo(**db);
  storage::SqlOrgRepository org(**db);
  auto table = enterprise::IndustryTable::ParseCsv(SeedFile("gbt4754.csv"));
  enterprise::EnterpriseService service(repo, org, std::move(*table));
  Scope admin;
  admin.role = Role::kSysadmin;
  admin.all_parks = true;
  admin.username = "bench";

  ::sync();  // the previous runs' files are on disk before the clock starts (not timed)
  const double cpu0 = CpuSeconds(RUSAGE_SELF);
  auto t0 = std::chrono::steady_clock::now();
  std::ifstream in(csv);
  auto result = service.ImportReports(admin, park, in, {true});
  run.ours = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  run.ours_cpu = CpuSeconds(RUSAGE_SELF) - cpu0;
  if (!result.ok()) return result.status().message();
  if (!result->errors.empty()) return result->errors[0].message;
  run.rows = result->imported;

  // The baseline: sqlite3 .import of the same file into a bare table. /usr/bin/time -f %M reports
  // the peak RSS of sqlite3 itself (a forked child's ru_maxrss would include this process's memory).
  const std::string rss_file = (dir / "bare_rss.txt").string();
  const std::string cmd = "/usr/bin/time -f %M -o " + rss_file + " sqlite3 " + (dir / "bare.db").string() +
                          " 'CREATE TABLE t(uscc TEXT, period TEXT, output REAL, revenue REAL, value_added REAL, "
                          "tax REAL, profit REAL, energy REAL, electricity REAL, employees INTEGER, rnd REAL, "
                          "emissions REAL)' '.mode csv' '.import --skip 1 " + csv + " t'";
  ::sync();
  const double child_cpu0 = CpuSeconds(RUSAGE_CHILDREN);
  t0 = std::chrono::steady_clock::now();
  if (std::system(cmd.c_str()) != 0) return "sqlite3 .import failed";
  run.bare = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  run.bare_cpu = CpuSeconds(RUSAGE_CHILDREN) - child_cpu0;
  std::ifstream(rss_file) >> run.bare_rss_kb;
  return "";
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// ENTERPRISE_BENCH_REPEATS (3) pairs of runs; the figures are medians (one shared machine's noise
// moves single runs by ±30%), each ratio taken within its pair.
void BM_ReportImport(benchmark::State& state) {
  const int firms = EnvInt("ENTERPRISE_BENCH_FIRMS", 20000);
  const int months = EnvInt("ENTERPRISE_BENCH_MONTHS", 50);
  const int repeats = std::max(1, EnvInt("ENTERPRISE_BENCH_REPEATS", 3));
  const auto dir = std::filesystem::temp_directory_path() / ("parkhq-import-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "reports.csv").string();
  {
    std::ofstream out(csv);
    out << "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions\n";
    for (int i = 0; i < firms; ++i) {
      const std::string code = Uscc(i);
      Period p{2019, 1};
      for (int m = 0; m < months; ++m, p = p.AddMonths(1)) {
        const double o = 100 + (i % 97) + m;
        char line[256];
        std::snprintf(line, sizeof line, "%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%.2f,%.3f\n", code.c_str(),
                      p.ToString().c_str(), o, o * 0.98, o * 0.12, o * 0.03, o * 0.05, o * 0.9, o * 0.08,
                      20 + i % 50, o * 0.01, o * 0.002);
        out << line;
      }
    }
  }
  for (auto _ : state) {
    std::vector<Run> runs(repeats);
    double rss_before = 0, rss_after = 0;
    for (int k = 0; k < repeats; ++k) {
      if (k == 0) rss_before = PeakRssMb(RUSAGE_SELF);
      if (std::string err = RunOnce(dir, csv, firms, runs[k]); !err.empty()) {
        state.SkipWithError(err.c_str());
        std::filesystem::remove_all(dir);
        return;
      }
      if (k == 0) rss_after = PeakRssMb(RUSAGE_SELF);  // the high-water mark of the first import
      std::fprintf(stderr, "run %d: parkhq %.2f s (cpu %.2f), bare %.2f s (cpu %.2f)\n", k + 1, runs[k].ours,
                   runs[k].ours_cpu, runs[k].bare, runs[k].bare_cpu);
    }
    std::vector<double> ours, ours_cpu, bare, bare_cpu, ratio, cpu_ratio, bare_rss;
    for (const Run& r : runs) {
      ours.push_back(r.ours);
      ours_cpu.push_back(r.ours_cpu);
      bare.push_back(r.bare);
      bare_cpu.push_back(r.bare_cpu);
      ratio.push_back(r.ours / r.bare);
      cpu_ratio.push_back(r.ours_cpu / r.bare_cpu);
      bare_rss.push_back(r.bare_rss_kb / 1024.0);
    }
    const double rows = static_cast<double>(runs[0].rows);
    state.SetIterationTime(Median(ours));
    state.counters["repeats"] = repeats;
    state.counters["rows"] = rows;
    state.counters["seconds"] = Median(ours);
    state.counters["rows_per_s"] = rows / Median(ours);
    state.counters["peak_rss_mb"] = rss_after;
    state.counters["rss_growth_mb"] = rss_after - rss_before;
    state.counters["bare_seconds"] = Median(bare);
    state.counters["bare_rows_per_s"] = rows / Median(bare);
    state.counters["bare_peak_rss_mb"] = Median(bare_rss);
    state.counters["ratio"] = Median(ratio);
    state.counters["ratio_min"] = *std::min_element(ratio.begin(), ratio.end());
    state.counters["ratio_max"] = *std::max_element(ratio.begin(), ratio.end());
    state.counters["cpu_seconds"] = Median(ours_cpu);
    state.counters["bare_cpu_seconds"] = Median(bare_cpu);
    state.counters["cpu_ratio"] = Median(cpu_ratio);
    state.counters["cpu_ratio_min"] = *std::min_element(cpu_ratio.begin(), cpu_ratio.end());
    state.counters["cpu_ratio_max"] = *std::max_element(cpu_ratio.begin(), cpu_ratio.end());
    state.counters["csv_mb"] = static_cast<double>(std::filesystem::file_size(csv)) / 1048576.0;
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ReportImport)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
