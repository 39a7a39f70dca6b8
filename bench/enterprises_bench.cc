// Enterprise monthly-report import (issue 5): 1,000,000 generated rows (20,000 enterprises x 50
// months) imported with validation through EnterpriseService::ImportReports (two streaming passes,
// one transaction) against `sqlite3 .import` of the same CSV into a bare table. One iteration;
// the figures are reported as counters (bench/enterprises.sh writes them to bench/RESULTS.md).
//   ENTERPRISE_BENCH_FIRMS=20000 ENTERPRISE_BENCH_MONTHS=50 build/parkhq_bench --benchmark_filter=ReportImport
#include <benchmark/benchmark.h>
#include <sys/resource.h>

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

void BM_ReportImport(benchmark::State& state) {
  const int firms = EnvInt("ENTERPRISE_BENCH_FIRMS", 20000);
  const int months = EnvInt("ENTERPRISE_BENCH_MONTHS", 50);
  const auto dir = std::filesystem::temp_directory_path() / ("parkhq-import-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "reports.csv").string();
  for (auto _ : state) {
    // Setup (not timed): a seeded database with `firms` registered enterprises and the CSV file.
    auto db = storage::Database::Open((dir / "bench.db").string(), 4);
    if (!db.ok() || !storage::Migrate(**db).ok() || !app::SeedDemo(**db, true).ok()) {
      state.SkipWithError("database setup failed");
      return;
    }
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
    storage::SqlEnterpriseRepository repo(**db);
    storage::SqlOrgRepository org(**db);
    auto table = enterprise::IndustryTable::ParseCsv(SeedFile("gbt4754.csv"));
    enterprise::EnterpriseService service(repo, org, std::move(*table));
    Scope admin;
    admin.role = Role::kSysadmin;
    admin.all_parks = true;
    admin.username = "bench";
    const double rss_before = PeakRssMb(RUSAGE_SELF);

    const double cpu0 = CpuSeconds(RUSAGE_SELF);
    auto t0 = std::chrono::steady_clock::now();
    std::ifstream in(csv);
    auto result = service.ImportReports(admin, park, in, {true});
    const double ours = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!result.ok() || !result->errors.empty()) {
      state.SkipWithError(result.ok() ? result->errors[0].message.c_str() : result.status().message().c_str());
      return;
    }
    const double rss_after = PeakRssMb(RUSAGE_SELF);
    const double ours_cpu = CpuSeconds(RUSAGE_SELF) - cpu0;

    // The baseline: sqlite3 .import of the same file into a bare table, in the same run.
    const std::string bare = (dir / "bare.db").string();
    // /usr/bin/time -f %M reports the peak RSS of sqlite3 itself (a forked child's ru_maxrss would
    // include this process's memory from before the exec).
    const std::string rss_file = (dir / "bare_rss.txt").string();
    const std::string cmd = "/usr/bin/time -f %M -o " + rss_file + " sqlite3 " + bare +
                            " 'CREATE TABLE t(uscc TEXT, period TEXT, output REAL, revenue REAL, value_added REAL, "
                            "tax REAL, profit REAL, energy REAL, electricity REAL, employees INTEGER, rnd REAL, "
                            "emissions REAL)' '.mode csv' '.import --skip 1 " + csv + " t'";
    const double child_cpu0 = CpuSeconds(RUSAGE_CHILDREN);
    t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    const double baseline = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (rc != 0) {
      state.SkipWithError("sqlite3 .import failed");
      return;
    }
    const double bare_cpu = CpuSeconds(RUSAGE_CHILDREN) - child_cpu0;
    double bare_rss_kb = 0;
    std::ifstream(rss_file) >> bare_rss_kb;
    state.SetIterationTime(ours);
    state.counters["rows"] = static_cast<double>(result->imported);
    state.counters["seconds"] = ours;
    state.counters["rows_per_s"] = result->imported / ours;
    state.counters["peak_rss_mb"] = rss_after;
    state.counters["rss_growth_mb"] = rss_after - rss_before;
    state.counters["bare_seconds"] = baseline;
    state.counters["bare_rows_per_s"] = result->imported / baseline;
    state.counters["bare_peak_rss_mb"] = bare_rss_kb / 1024.0;
    state.counters["ratio"] = ours / baseline;
    state.counters["cpu_seconds"] = ours_cpu;
    state.counters["bare_cpu_seconds"] = bare_cpu;
    state.counters["cpu_ratio"] = ours_cpu / bare_cpu;
    state.counters["csv_mb"] = static_cast<double>(std::filesystem::file_size(csv)) / 1048576.0;
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ReportImport)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
