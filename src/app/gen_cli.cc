// `parkhq gen` (see province_gen.h): flags, the database, the summary.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/demo_seed.h"
#include "app/province_gen.h"
#include "common/time.h"
#include "storage/migrations.h"

namespace parkhq::app {
namespace {

// A whole number flag within [lo, hi]; false when present and malformed.
bool IntFlag(const std::map<std::string, std::string>& flags, const char* name, int64_t lo, int64_t hi,
             int64_t& out) {
  auto it = flags.find(name);
  if (it == flags.end()) return true;
  char* end = nullptr;
  const long long v = std::strtoll(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || v < lo || v > hi) return false;
  out = v;
  return true;
}

}  // namespace

int GenCommand(const std::map<std::string, std::string>& flags, const std::string& db_url, bool fast_hash) {
  GenOptions o;
  o.last_year = Today().year - 1;
  int64_t parks = o.parks, firms = o.enterprises, years = o.years, seed = static_cast<int64_t>(o.seed),
          last = o.last_year, projects = o.projects_per_park;
  const struct {
    const char* name;
    int64_t lo, hi;
    int64_t* out;
  } spec[] = {{"parks", 1, 2000, &parks},          {"enterprises", 0, 1000000, &firms},
              {"years", 1, 20, &years},            {"seed", 0, INT64_MAX, &seed},
              {"last-year", 1990, 2100, &last},    {"projects-per-park", 0, 1000, &projects}};
  for (const auto& s : spec) {
    if (!IntFlag(flags, s.name, s.lo, s.hi, *s.out)) {
      std::fprintf(stderr, "parkhq gen: --%s must be a whole number from %lld to %lld\n\n%s", s.name,
                   static_cast<long long>(s.lo), static_cast<long long>(s.hi), GenHelp());
      return 2;
    }
  }
  o.parks = static_cast<int>(parks);
  o.enterprises = static_cast<int>(firms);
  o.years = static_cast<int>(years);
  o.seed = static_cast<uint64_t>(seed);
  o.last_year = static_cast<int>(last);
  o.projects_per_park = static_cast<int>(projects);

  const auto t0 = std::chrono::steady_clock::now();
  auto db = storage::Database::Open(db_url, 2);
  if (!db.ok()) {
    std::fprintf(stderr, "parkhq gen: %s\n", db.status().ToString().c_str());
    return 1;
  }
  Status st = storage::Migrate(**db).status();
  bool empty = false;
  if (st.ok()) {
    auto c = (*db)->Acquire();  // returned before the seed below borrows connections
    auto users = c.ok() ? (*c)->QueryOne("SELECT COUNT(*) FROM users")
                        : StatusOr<std::optional<storage::Row>>(c.status());
    if (!users.ok()) st = users.status();
    else empty = *users && (**users).Int(0) == 0;
  }
  if (st.ok() && empty) st = SeedDemo(**db, fast_hash, DefaultDemoUntil());
  StatusOr<GenSummary> sum = st.ok() ? GenerateProvince(**db, o) : StatusOr<GenSummary>(st);
  if (!sum.ok()) {
    std::fprintf(stderr, "parkhq gen: %s\n", sum.status().ToString().c_str());
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("province region %lld (演示省（演示）): %lld parks from id %lld, %lld enterprises, %lld reports, "
              "%lld monitoring values, %lld projects with %lld monthly rows, %lld evaluation inputs (%d-%d, seed %llu) "
              "in %.1f s\n",
              static_cast<long long>(sum->region_id), static_cast<long long>(sum->parks),
              static_cast<long long>(sum->first_park_id), static_cast<long long>(sum->enterprises),
              static_cast<long long>(sum->reports), static_cast<long long>(sum->indicator_values),
              static_cast<long long>(sum->projects), static_cast<long long>(sum->project_months),
              static_cast<long long>(sum->eval_inputs), o.last_year - o.years + 1, o.last_year,
              static_cast<unsigned long long>(o.seed), secs);
  return 0;
}

}  // namespace parkhq::app
