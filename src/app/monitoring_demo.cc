#include "app/monitoring_demo.h"

#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::app {
namespace {

using storage::Connection;
using storage::Value;
using Weights = std::array<double, 12>;  // percent of the year per month, summing to 100

// Investment is back-loaded (winter stops construction); industry dips at the Spring Festival
// and rises towards December; tax has the quarterly settlement months.
constexpr Weights kInvestment = {3, 4, 7, 8, 9.5, 10.5, 9.5, 9.5, 10, 10, 10, 9};
constexpr Weights kIndustry = {7.6, 6.8, 8.3, 8.2, 8.4, 8.5, 8.2, 8.3, 8.6, 8.5, 8.9, 9.7};
constexpr Weights kTax = {9, 6, 8, 10, 7, 8, 10, 7, 8, 10, 8, 9};
constexpr Weights kEnergy = {9.2, 7.9, 8.4, 8.0, 7.9, 7.8, 8.0, 8.1, 8.1, 8.3, 8.9, 9.4};

// Small month-to-month irregularity (percent), different per year so the lines do not coincide.
constexpr std::array<Weights, 2> kNoise = {{{1.2, -0.8, 0.5, -1.1, 0.9, -0.4, 1.4, -0.6, 0.3, -1.3, 0.7, -0.2},
                                            {-0.7, 1.1, -0.3, 0.8, -1.2, 0.6, -0.9, 1.3, -0.5, 0.4, -1.0, 0.9}}};

struct FlowSeed {
  const char* code;
  std::array<double, 2> totals;  // 2022, 2023
  const Weights* weights;
};

// 2022 ≈ the 2023 target ÷ (1 + growth target): fai 31400 / 1.10 = 28545; output, sales and value
// added ÷ 1.07. 2023 lands close to the targets: fai ahead, industry slightly behind.
const FlowSeed kFlows[] = {
    {"fai", {28545, 31920}, &kInvestment},       {"output", {146729, 155380}, &kIndustry},
    {"sales", {144860, 152960}, &kIndustry},     {"value_added", {17757, 18860}, &kIndustry},
    {"tax", {9860, 10420}, &kTax},               {"energy", {1286000, 1318500}, &kEnergy},
};

// Sub-park shares of the park's figures (煤化工, 电力能源, 冶金建材, 中小企业创业园).
constexpr std::array<double, 4> kShares = {0.42, 0.31, 0.17, 0.10};

double Round2(double v) { return std::round(v * 100) / 100; }

struct Month {
  int year;
  int month;
  std::string period() const { return Period{year, month}.ToString(); }
};

// park → code → year index → 12 monthly values (nullopt = not reported)
using Figures = std::map<int64_t, std::map<std::string, std::array<std::array<std::optional<double>, 12>, 2>>>;

void AddFlows(Figures& f, int64_t park, const std::vector<int64_t>& subs) {
  for (const auto& s : kFlows) {
    for (int y = 0; y < 2; ++y) {
      for (int m = 0; m < 12; ++m) {
        const double v = Round2(s.totals[y] * (*s.weights)[m] / 100.0 * (1 + kNoise[y][m] / 100.0));
        f[park][s.code][y][m] = v;
        double rest = v;
        for (size_t i = 0; i < subs.size(); ++i) {
          // Shares drift a little by month so the sub-parks do not move in lockstep.
          const double share = kShares[i] * (1 + 0.03 * std::sin(m + 2.0 * i + y));
          const double part = i + 1 == subs.size() ? Round2(rest) : Round2(v * share);
          f[subs[i]][s.code][y][m] = part;
          rest -= part;
        }
      }
    }
  }
}

void AddCounts(Figures& f, int64_t park, const std::vector<int64_t>& subs) {
  // new_above_scale: 2022 three, 2023 four (target 5); new_enterprises: 2022 five, 2023 six (target 5).
  const std::map<std::string, std::array<std::vector<int>, 2>> months = {
      {"new_above_scale", {{{4, 8, 12}, {3, 6, 9, 12}}}},
      {"new_enterprises", {{{2, 5, 7, 9, 11}, {3, 4, 6, 8, 10, 12}}}},
  };
  for (const auto& [code, years] : months) {
    for (int y = 0; y < 2; ++y) {
      for (int m = 0; m < 12; ++m) {
        f[park][code][y][m] = 0;
        for (int64_t sp : subs) f[sp][code][y][m] = 0;
      }
      int next = 0;
      for (int m : years[y]) {
        f[park][code][y][m - 1] = *f[park][code][y][m - 1] + 1;
        const int64_t sp = subs[static_cast<size_t>(next++) % subs.size()];
        f[sp][code][y][m - 1] = *f[sp][code][y][m - 1] + 1;
      }
    }
  }
}

void AddEmployees(Figures& f, int64_t park, const std::vector<int64_t>& subs) {
  // Month-end headcount: 8260 → 8540 in 2022, 8530 → 8910 in 2023 (a dip after the Spring Festival).
  const std::array<std::array<double, 12>, 2> levels = {{
      {8260, 8190, 8270, 8310, 8340, 8380, 8400, 8420, 8450, 8480, 8510, 8540},
      {8530, 8470, 8560, 8610, 8650, 8700, 8730, 8760, 8800, 8840, 8880, 8910},
  }};
  for (int y = 0; y < 2; ++y)
    for (int m = 0; m < 12; ++m) {
      const double total = levels[y][m];
      f[park]["employees"][y][m] = total;
      double rest = total;
      for (size_t i = 0; i < subs.size(); ++i) {
        const double part = i + 1 == subs.size() ? rest : std::round(total * kShares[i]);
        f[subs[i]]["employees"][y][m] = part;
        rest -= part;
      }
    }
}

Status InsertFigures(Connection& c, const Figures& f) {
  for (const auto& [park, codes] : f)
    for (const auto& [code, years] : codes)
      for (int y = 0; y < 2; ++y)
        for (int m = 0; m < 12; ++m) {
          if (!years[y][m]) continue;
          const Month mo{2022 + y, m + 1};
          const std::string at = Period{mo.year, mo.month}.AddMonths(1).ToString() + "-05T02:00:00Z";
          PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO indicator_values(park_id, period, indicator_code, value, is_demo, "
                                        "updated_at, updated_by) VALUES (?,?,?,?,1,?,'parkadmin')",
                                        {park, mo.period(), std::string(code), *years[y][m], at})
                                     .status());
          PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO indicator_value_history(park_id, period, indicator_code, "
                                        "old_value, new_value, mode, entered, at, username, reason) "
                                        "VALUES (?,?,?,NULL,?,'month',?,?,'parkadmin','演示数据（DEMO）')",
                                        {park, mo.period(), std::string(code), *years[y][m], *years[y][m], at})
                                     .status());
        }
  return Status::Ok();
}

Status ApproveMonths(Connection& c, const std::vector<int64_t>& parks) {
  for (int64_t park : parks)
    for (int y = 2022; y <= 2023; ++y)
      for (int m = 1; m <= 12; ++m) {
        const std::string next = Period{y, m}.AddMonths(1).ToString();
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO monitoring_months(park_id, period, state, submitted_at, "
                                      "submitted_by, approved_at, approved_by, reason, updated_at) "
                                      "VALUES (?,?,'approved',?,'parkadmin',?,'admin','演示数据（DEMO）',?)",
                                      {park, Period{y, m}.ToString(), next + "-08T02:00:00Z",
                                       next + "-09T03:00:00Z", next + "-09T03:00:00Z"})
                                   .status());
      }
  return Status::Ok();
}

Status SeedTargets(Connection& c, int64_t park, const std::vector<int64_t>& subs, const Figures& f) {
  const std::string now = NowIso();
  // The 2023 targets' base: the 2022 demo totals (the plan gives growth rates, not bases).
  for (const char* code : {"fai", "output", "sales", "value_added"}) {
    double total = 0;
    for (const auto& v : f.at(park).at(code)[0]) total += v.value_or(0);
    PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE targets SET base = ? WHERE park_id = ? AND year = 2023 AND "
                                  "indicator_code = ?",
                                  {Round2(total), park, std::string(code)})
                               .status());
  }
  // Sub-park targets: the park's split by the sub-park shares; energy caps per sub-park (demo).
  const std::map<std::string, double> park_targets = {
      {"fai", 31400}, {"output", 157000}, {"sales", 155000}, {"value_added", 19000}, {"energy", 1330000}};
  // Each sub-park's target departs a little from its share of the figures, so some run ahead.
  constexpr std::array<double, 4> kAmbition = {0.95, 1.03, 1.06, 0.99};
  for (size_t i = 0; i < subs.size(); ++i)
    for (const auto& [code, target] : park_targets)
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO targets(park_id, year, indicator_code, target, growth_pct, base, "
                                    "updated_at) VALUES (?, 2023, ?, ?, NULL, NULL, ?)",
                                    {subs[i], code, Round2(target * kShares[i] * (code == "energy" ? 1.0 / kAmbition[i] : kAmbition[i])), now})
                                 .status());
  return Status::Ok();
}

}  // namespace

Status SeedMonitoringDemo(storage::Database& db) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto park_row, c.QueryOne("SELECT id FROM parks WHERE name = '华亭工业园区' AND "
                                                    "parent_id IS NULL ORDER BY id"));
  if (!park_row) return Status::Ok();
  const int64_t park = park_row->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM indicator_values WHERE park_id = ?", {park}));
  if (any && any->Int(0) > 0) return Status::Ok();
  PARKHQ_ASSIGN_OR_RETURN(auto sub_rows, c.Query("SELECT id FROM parks WHERE parent_id = ? ORDER BY sort, id", {park}));
  std::vector<int64_t> subs;
  for (const auto& r : sub_rows) subs.push_back(r.Int(0));
  if (subs.size() > kShares.size()) subs.resize(kShares.size());

  Figures f;
  AddFlows(f, park, subs);
  AddCounts(f, park, subs);
  AddEmployees(f, park, subs);

  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_RETURN_IF_ERROR(InsertFigures(c, f));
  std::vector<int64_t> all = subs;
  all.insert(all.begin(), park);
  PARKHQ_RETURN_IF_ERROR(ApproveMonths(c, all));
  PARKHQ_RETURN_IF_ERROR(SeedTargets(c, park, subs, f));
  Scope system;
  system.username = "system";
  system.role = Role::kSysadmin;
  PARKHQ_RETURN_IF_ERROR(storage::WriteAudit(c, system, "import", "indicator_value", "demo", park, "",
                                             "{\"years\":[2022,2023],\"is_demo\":1}", "演示数据（DEMO）"));
  return tx.Commit();
}

}  // namespace parkhq::app
