#include "app/province_gen.h"

#include <cmath>
#include <cstdio>
#include <random>
#include <utility>
#include <vector>

#include "domain/enterprise/uscc.h"

namespace parkhq::app {
namespace {

using storage::Value;

// Multi-row INSERTs of `cols` columns, `per` rows a statement (the same SQL text for every full
// batch, so the connection's statement cache prepares it once).
class Batch {
 public:
  Batch(storage::Connection& c, std::string head, size_t cols, size_t per = 100)
      : c_(c), head_(std::move(head)), cols_(cols), per_(per), full_sql_(Sql(per)) {}
  Status Add(std::vector<Value> row) {
    for (auto& v : row) params_.push_back(std::move(v));
    if (++rows_ == per_) return Flush();
    return Status::Ok();
  }
  Status Flush() {
    if (rows_ == 0) return Status::Ok();
    auto r = c_.Exec(rows_ == per_ ? full_sql_ : Sql(rows_), params_);
    params_.clear();
    written_ += static_cast<int64_t>(rows_);
    rows_ = 0;
    return r.status();
  }
  int64_t written() const { return written_; }

 private:
  std::string Sql(size_t rows) const {
    std::string one = "(";
    for (size_t i = 0; i < cols_; ++i) one += i ? ",?" : "?";
    one += ")";
    std::string sql = head_ + " VALUES ";
    for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + one;
    return sql;
  }
  storage::Connection& c_;
  const std::string head_;
  const size_t cols_, per_;
  const std::string full_sql_;
  std::vector<Value> params_;
  size_t rows_ = 0;
  int64_t written_ = 0;
};

// Uniform in [0, 1) from the top 53 bits: the same numbers on every platform and library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : g_(seed) {}
  double U() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }
  double Between(double lo, double hi) { return lo + (hi - lo) * U(); }

 private:
  std::mt19937_64 g_;
};

std::string Fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}
std::string Period2(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}
double R2(double v) { return std::round(v * 100) / 100; }

std::string Uscc(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "91629900GN%07d", i);
  std::string first17(buf);
  return first17 + *enterprise::UsccCheckCharacter(first17);
}

struct Indicator {
  const char* code;
  double base;  // a month's figure of an average park
};
constexpr Indicator kIndicators[] = {{"fai", 300},          {"output", 1500},       {"sales", 1480},
                                     {"value_added", 180},  {"tax", 95},            {"energy", 12000},
                                     {"employees", 900},    {"new_above_scale", 0.4}, {"new_enterprises", 0.5}};
struct Industry {
  const char* code;
  const char* group;
};
constexpr Industry kIndustries[] = {{"2614", "coal_chemical"}, {"4411", "power"}, {"3120", "metallurgy"},
                                    {"3011", "building_materials"}, {"3670", "other"}};

struct Ctx {
  storage::Connection& c;
  const GenOptions& o;
  Rng rng;
  std::string ts;  // every created/updated timestamp
  int first_year;
  GenSummary sum;
  std::vector<int64_t> parks;
  std::vector<double> park_scale;
};

Status Regions(Ctx& x) {
  const std::string name = "演示省（演示）";
  PARKHQ_ASSIGN_OR_RETURN(auto taken, x.c.QueryOne("SELECT id FROM regions WHERE name = ?", {name}));
  if (taken) return Status::InvalidArgument("a generated province is already in this database (" + name + ")");
  PARKHQ_ASSIGN_OR_RETURN(x.sum.region_id,
                          x.c.InsertId("INSERT INTO regions(name, parent_id, level, created_at) VALUES (?, NULL, "
                                       "'province', ?) RETURNING id",
                                       {name, x.ts}));
  std::vector<int64_t> cities;
  for (int i = 0; i < 10; ++i) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, x.c.InsertId("INSERT INTO regions(name, parent_id, level, created_at) "
                                                     "VALUES (?, ?, 'city', ?) RETURNING id",
                                                     {"演示省第" + std::to_string(i + 1) + "市（演示）",
                                                      x.sum.region_id, x.ts}));
    cities.push_back(id);
  }
  for (int i = 0; i < x.o.parks; ++i) {
    char name[96];
    std::snprintf(name, sizeof name, "演示省园区%03d（演示）", i + 1);
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, x.c.InsertId("INSERT INTO parks(region_id, name, is_demo, sort, created_at) "
                                                     "VALUES (?, ?, 1, ?, ?) RETURNING id",
                                                     {cities[static_cast<size_t>(i) % cities.size()], std::string(name),
                                                      int64_t{1000 + i}, x.ts}));
    x.parks.push_back(id);
    x.park_scale.push_back(x.rng.Between(0.5, 2.0));
  }
  x.sum.parks = x.o.parks;
  x.sum.first_park_id = x.parks.front();
  return Status::Ok();
}

Status Monitoring(Ctx& x) {
  Batch values(x.c, "INSERT INTO indicator_values(park_id, period, indicator_code, value, is_demo, updated_at, "
                    "updated_by)", 7);
  Batch months(x.c, "INSERT INTO monitoring_months(park_id, period, state, submitted_at, submitted_by, "
                    "approved_at, approved_by, updated_at)", 8);
  Batch targets(x.c, "INSERT INTO targets(park_id, year, indicator_code, target, updated_at)", 5);
  for (size_t i = 0; i < x.parks.size(); ++i) {
    const int64_t park = x.parks[i];
    for (int y = x.first_year; y <= x.o.last_year; ++y) {
      const double growth = 1 + 0.06 * (y - x.first_year);
      for (const auto& ind : kIndicators)
        if (std::string_view(ind.code) != "employees")
          PARKHQ_RETURN_IF_ERROR(targets.Add({park, int64_t{y}, std::string(ind.code),
                                              R2(ind.base * 12 * x.park_scale[i] * growth * 1.1), x.ts}));
      for (int m = 1; m <= 12; ++m) {
        const std::string p = Period2(y, m);
        PARKHQ_RETURN_IF_ERROR(months.Add({park, p, std::string("approved"), x.ts, std::string("gen"), x.ts,
                                           std::string("gen"), x.ts}));
        for (const auto& ind : kIndicators) {
          double v = ind.base * x.park_scale[i] * growth * (1 + 0.1 * std::sin(m + static_cast<double>(i))) *
                     x.rng.Between(0.95, 1.05);
          v = ind.base > 1 ? R2(v) : std::floor(v + x.rng.U());  // counts are whole numbers
          PARKHQ_RETURN_IF_ERROR(values.Add({park, p, std::string(ind.code), v, int64_t{1}, x.ts,
                                             std::string("gen")}));
        }
      }
    }
  }
  PARKHQ_RETURN_IF_ERROR(values.Flush());
  PARKHQ_RETURN_IF_ERROR(months.Flush());
  PARKHQ_RETURN_IF_ERROR(targets.Flush());
  x.sum.indicator_values = values.written();
  return Status::Ok();
}

// Enterprises, their approved monthly reports and every year's evaluation inputs.
Status Enterprises(Ctx& x) {
  Batch firms(x.c, "INSERT INTO enterprises(park_id, uscc, name, industry_code, leading_group, above_scale, "
                   "employees, is_demo, created_at, updated_at)", 10);
  struct Firm {
    int64_t park = 0;
    const Industry* industry = nullptr;
    bool above = false;
    double output = 0;  // a month's 工业总产值, 万元
    int64_t employees = 0;
    std::string name;
  };
  std::vector<Firm> list(static_cast<size_t>(x.o.enterprises));
  for (int e = 0; e < x.o.enterprises; ++e) {
    Firm& f = list[static_cast<size_t>(e)];
    f.park = x.parks[static_cast<size_t>(e) % x.parks.size()];
    f.industry = &kIndustries[static_cast<size_t>(x.rng.U() * std::size(kIndustries))];
    f.above = x.rng.U() < 0.8;
    f.output = f.above ? x.rng.Between(200, 5000) : x.rng.Between(10, 150);
    f.employees = static_cast<int64_t>(f.above ? x.rng.Between(50, 2000) : x.rng.Between(5, 60));
    char name[96];
    std::snprintf(name, sizeof name, "演示省企业%05d（演示）", e + 1);
    f.name = name;
    PARKHQ_RETURN_IF_ERROR(firms.Add({f.park, Uscc(e), f.name, std::string(f.industry->code),
                                      std::string(f.industry->group), int64_t{f.above ? 1 : 0}, f.employees,
                                      int64_t{1}, x.ts, x.ts}));
  }
  PARKHQ_RETURN_IF_ERROR(firms.Flush());
  x.sum.enterprises = firms.written();
  PARKHQ_ASSIGN_OR_RETURN(auto ids, x.c.Query("SELECT id FROM enterprises WHERE uscc LIKE '91629900GN%' ORDER BY id"));
  if (ids.size() != list.size()) return Status::Internal("generated enterprises not read back");

  Batch reports(x.c, "INSERT INTO enterprise_reports(park_id, enterprise_id, period, state, first_submitted_on, "
                     "submitted_at, reviewed_at, reviewed_by, is_demo, updated_at, values_json)", 11);
  Batch inputs(x.c, "INSERT INTO eval_inputs(park_id, year, enterprise_id, enterprise_name, industry, group_code, "
                    "land_mu, tax, value_added, revenue, output, energy_tce, emissions_t, employees_avg, rnd, "
                    "electricity_kwh, updated_at)", 17);
  for (size_t e = 0; e < list.size(); ++e) {
    const Firm& f = list[e];
    const int64_t id = ids[e].Int(0);
    const double land_mu = R2(f.above ? x.rng.Between(20, 300) : x.rng.Between(2, 20));
    for (int y = x.first_year; y <= x.o.last_year; ++y) {
      const double growth = 1 + 0.05 * (y - x.first_year);
      double year_output = 0, year_tax = 0, year_va = 0, year_revenue = 0, year_energy = 0, year_power = 0;
      for (int m = 1; m <= 12; ++m) {
        const double out = R2(f.output * growth * (1 + 0.08 * std::sin(m + static_cast<double>(e % 7))) *
                              x.rng.Between(0.9, 1.1));
        const double revenue = R2(out * 0.97), va = R2(out * 0.26), tax = R2(out * 0.045);
        const double profit = R2(out * x.rng.Between(-0.02, 0.1)), energy = R2(out * 0.3), power = R2(out * 0.8);
        const std::string json = "{\"output\":" + Fmt("%.2f", out) + ",\"revenue\":" + Fmt("%.2f", revenue) +
                                 ",\"value_added\":" + Fmt("%.2f", va) + ",\"tax\":" + Fmt("%.2f", tax) +
                                 ",\"profit\":" + Fmt("%.2f", profit) + ",\"energy\":" + Fmt("%.2f", energy) +
                                 ",\"electricity\":" + Fmt("%.2f", power) +
                                 ",\"employees\":" + std::to_string(f.employees) + "}";
        const std::string p = Period2(y, m);
        PARKHQ_RETURN_IF_ERROR(reports.Add({f.park, id, p, std::string("approved"), p + "-10", x.ts, x.ts,
                                            std::string("gen"), int64_t{1}, x.ts, json}));
        year_output += out;
        year_tax += tax;
        year_va += va;
        year_revenue += revenue;
        year_energy += energy;
        year_power += power;
      }
      // Every year's 亩均 inputs (the default scheme's benchmarks are k × the previous year's average).
      const Value none;
      PARKHQ_RETURN_IF_ERROR(inputs.Add(
          {f.park, int64_t{y}, id, f.name, std::string(f.industry->group),
           std::string(f.above ? "above_scale" : "below_scale"), land_mu, R2(year_tax),
           f.above ? Value(R2(year_va)) : none, f.above ? Value(R2(year_revenue)) : none, R2(year_output),
           f.above ? Value(R2(year_energy)) : none, f.above ? Value(R2(year_energy * 0.01)) : none,
           static_cast<double>(f.employees), f.above ? Value(R2(year_revenue * 0.02)) : none,
           R2(year_power * 10000), x.ts}));
    }
  }
  PARKHQ_RETURN_IF_ERROR(reports.Flush());
  PARKHQ_RETURN_IF_ERROR(inputs.Flush());
  x.sum.reports = reports.written();
  x.sum.eval_inputs = inputs.written();
  return Status::Ok();
}

Status Projects(Ctx& x) {
  static const char* kStages[] = {"signed", "landed", "started", "started", "completed", "production"};
  Batch plans(x.c, "INSERT INTO project_annual_plans(park_id, project_id, year, planned_investment)", 4);
  Batch monthly(x.c, "INSERT INTO project_monthly(park_id, project_id, period, completed, funds_in_place, "
                     "updated_at)", 6);
  for (size_t i = 0; i < x.parks.size(); ++i) {
    for (int k = 0; k < x.o.projects_per_park; ++k) {
      const double total = R2(x.rng.Between(5000, 200000));
      const char* stage = kStages[static_cast<size_t>(x.rng.U() * std::size(kStages))];
      char name[96];
      std::snprintf(name, sizeof name, "演示省项目%03zu-%02d（演示）", i + 1, k + 1);
      const std::string started = std::to_string(x.first_year) + "-03-01";
      PARKHQ_ASSIGN_OR_RETURN(
          int64_t id, x.c.InsertId("INSERT INTO projects(park_id, name, kind, stage, total_investment, "
                                   "contracted_investment, planned_started, actual_started, is_demo, created_at, "
                                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                                   {x.parks[i], std::string(name), std::string(k % 3 ? "new" : "continuing"),
                                    std::string(stage), total, total, started, started, x.ts, x.ts}));
      ++x.sum.projects;
      for (int y = x.first_year; y <= x.o.last_year; ++y) {
        const double plan = R2(total / x.o.years * x.rng.Between(0.8, 1.2));
        PARKHQ_RETURN_IF_ERROR(plans.Add({x.parks[i], id, int64_t{y}, plan}));
        for (int m = 1; m <= 12; ++m) {
          const double done = R2(plan / 12 * x.rng.Between(0.5, 1.3));
          PARKHQ_RETURN_IF_ERROR(monthly.Add({x.parks[i], id, Period2(y, m), done, R2(done * 0.9), x.ts}));
        }
      }
    }
  }
  PARKHQ_RETURN_IF_ERROR(plans.Flush());
  PARKHQ_RETURN_IF_ERROR(monthly.Flush());
  x.sum.project_months = monthly.written();
  return Status::Ok();
}

}  // namespace

StatusOr<GenSummary> GenerateProvince(storage::Database& db, const GenOptions& o) {
  if (o.parks < 1 || o.parks > 2000) return Status::InvalidArgument("--parks must be 1 to 2000");
  if (o.enterprises < 0 || o.enterprises > 1000000) return Status::InvalidArgument("--enterprises must be 0 to 1000000");
  if (o.years < 1 || o.years > 20) return Status::InvalidArgument("--years must be 1 to 20");
  if (o.last_year < 1990 || o.last_year > 2100) return Status::InvalidArgument("--last-year must be 1990 to 2100");
  if (o.projects_per_park < 0 || o.projects_per_park > 1000)
    return Status::InvalidArgument("--projects-per-park must be 0 to 1000");
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Ctx x{*conn, o, Rng(o.seed), std::to_string(o.last_year + 1) + "-01-05T00:00:00Z", o.last_year - o.years + 1, {},
        {}, {}};
  // One transaction per group: a failure leaves no half-written group behind it.
  for (Status (*step)(Ctx&) : {Regions, Monitoring, Enterprises, Projects}) {
    storage::Transaction tx(*conn);
    PARKHQ_RETURN_IF_ERROR(step(x));
    PARKHQ_RETURN_IF_ERROR(tx.Commit());
  }
  return x.sum;
}

const char* GenHelp() {
  return R"(parkhq gen — write a province-scale demo database (for the scale benchmarks, bench/province.sh)

Usage: parkhq gen --db PATH|URL [--parks 100] [--enterprises 20000] [--years 5] [--seed 1]
                  [--last-year YYYY] [--projects-per-park 20]

Adds to the database (seeded with the Huating demo world first when it is empty) a province region
演示省（演示） with ten cities and, labelled demo (（演示）, is_demo = 1):
  --parks N              parks (1-2000, default 100), spread over the cities
  --years N              years of data (1-20, default 5) ending with --last-year (default: last year)
  --enterprises N        enterprises (0-1000000, default 20000) spread over the parks, each with an
                         approved monthly report for every month of those years, and each
                         year's 亩均 evaluation inputs
  --projects-per-park N  projects per park (default 20) with annual plans and monthly investment
  --seed N               the random seed (default 1)
Every park gets approved monthly monitoring figures of the nine indicators and yearly targets.
Deterministic: the same options and seed give the same rows (timestamps come from --last-year,
never the clock). Works on SQLite and PostgreSQL. Refuses a database that already has the province.
)";
}

}  // namespace parkhq::app
