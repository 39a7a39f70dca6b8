#include "app/monitoring_demo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "app/demo_world.h"
#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/report_values_json.h"

namespace parkhq::app {
namespace {

using storage::Connection;
using storage::Value;
using Weights = std::array<double, 12>;  // percent of the year per month, summing to 100

// Investment is back-loaded (winter stops construction).
constexpr Weights kInvestment = {3, 4, 7, 8, 9.5, 10.5, 9.5, 9.5, 10, 10, 10, 9};
// Small month-to-month irregularity (percent).
constexpr Weights kNoise = {1.2, -0.8, 0.5, -1.1, 0.9, -0.4, 1.4, -0.6, 0.3, -1.3, 0.7, -0.2};
// The park's FAI by year: 2022 the base the plan's +10% implies (31400 / 1.10), 2023 a little
// ahead of the target, later years +8% a year.
double FaiTotal(int year) {
  if (year == 2022) return 28545;
  return 31920 * std::pow(1.08, year - 2023);
}
// Sub-park shares of the park's FAI (煤化工, 电力能源, 冶金建材, 中小企业创业园).
constexpr std::array<double, 4> kShares = {0.42, 0.31, 0.17, 0.10};

double Round2(double v) { return std::round(v * 100) / 100; }

// park → indicator → period → value
using Figures = std::map<int64_t, std::map<std::string, std::map<std::string, double>>>;

// Report field → indicator: the indicators the park takes from its above-scale firms' reports.
const std::pair<const char*, const char*> kFromReports[] = {
    {"output", "output"}, {"revenue", "sales"}, {"value_added", "value_added"},
    {"tax", "tax"},       {"energy", "energy"}, {"employees", "employees"}};

// output, sales, value added, tax, energy, employees: each month the sum of the approved reports of
// the firms above scale in that month, for the park and for each firm's sub-park.
Status AddFromReports(Connection& c, Figures& f, int64_t park, Period last) {
  return c.ForEach(
      "SELECT e.sub_park_id, e.above_scale, COALESCE(e.scale_changed_on, ''), r.period, r.values_json FROM "
      "enterprise_reports r JOIN enterprises e ON e.id = r.enterprise_id WHERE e.park_id = ? AND r.state = "
      "'approved' AND r.period >= '2022-01' AND r.period <= ? ORDER BY r.period, e.id",
      {park, last.ToString()}, [&](const storage::Row& row) {
        const auto p = Period::Parse(row.Text(3));
        if (!p || !AboveScaleAt(row.Bool(1), row.Text(2), *p)) return true;
        const std::string json = row.Text(4);
        for (const auto& [field, code] : kFromReports) {
          auto v = storage::FindReportValue(json, field);
          if (!v) continue;
          f[park][code][p->ToString()] += *v;
          if (auto sub = row.OptInt(0)) f[*sub][code][p->ToString()] += *v;
        }
        return true;
      });
}

// new_above_scale and new_enterprises: the registry's entries by month (0 in other months).
Status AddCounts(Connection& c, Figures& f, int64_t park, const std::vector<int64_t>& tree, Period last) {
  for (int64_t id : tree)
    for (Period p{2022, 1}; p <= last; p = p.AddMonths(1))
      for (const char* code : {"new_above_scale", "new_enterprises"}) f[id][code][p.ToString()] = 0;
  return c.ForEach("SELECT sub_park_id, above_scale, scale_changed_on, moved_in_on FROM enterprises WHERE "
                   "park_id = ? AND is_demo = 1",
                   {park}, [&](const storage::Row& row) {
                     auto count = [&](const char* code, const std::string& date) {
                       auto d = Date::Parse(date);
                       if (!d || d->period() < Period{2022, 1} || last < d->period()) return;
                       f[park][code][d->period().ToString()] += 1;
                       if (auto sub = row.OptInt(0)) f[*sub][code][d->period().ToString()] += 1;
                     };
                     if (row.Bool(1) && !row.IsNull(2)) count("new_above_scale", row.Text(2));
                     if (!row.IsNull(3)) count("new_enterprises", row.Text(3));
                     return true;
                   });
}

// fai: the park's statistic, which holds the projects' completed investment (at least 112% of it).
Status AddFai(Connection& c, Figures& f, int64_t park, const std::vector<int64_t>& subs, Period last) {
  std::map<std::string, double> projects;
  PARKHQ_RETURN_IF_ERROR(c.ForEach("SELECT period, SUM(completed) FROM project_monthly WHERE park_id = ? GROUP BY period",
                                   {park}, [&](const storage::Row& r) {
                                     projects[r.Text(0)] = r.Double(1);
                                     return true;
                                   }));
  for (Period p{2022, 1}; p <= last; p = p.AddMonths(1)) {
    const int m = p.month - 1;
    double v = Round2(FaiTotal(p.year) * kInvestment[m] / 100.0 * (1 + kNoise[m] / 100.0));
    if (auto it = projects.find(p.ToString()); it != projects.end()) v = std::max(v, Round2(it->second * 1.12));
    f[park]["fai"][p.ToString()] = v;
    double rest = v;
    for (size_t i = 0; i < subs.size(); ++i) {
      const double share = kShares[i] * (1 + 0.03 * std::sin(m + 2.0 * i + p.year));
      const double part = i + 1 == subs.size() ? Round2(rest) : Round2(v * share);
      f[subs[i]]["fai"][p.ToString()] = part;
      rest -= part;
    }
  }
  return Status::Ok();
}

Status InsertFigures(Connection& c, const Figures& f) {
  for (const auto& [park, codes] : f)
    for (const auto& [code, months] : codes)
      for (const auto& [period, raw] : months) {
        const double value = code == "employees" || code.rfind("new_", 0) == 0 ? std::round(raw) : Round2(raw);
        const std::string at = Period::Parse(period)->AddMonths(1).ToString() + "-05T02:00:00Z";
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO indicator_values(park_id, period, indicator_code, value, is_demo, "
                                      "updated_at, updated_by) VALUES (?,?,?,?,1,?,'parkadmin')",
                                      {park, period, code, value, at})
                                   .status());
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO indicator_value_history(park_id, period, indicator_code, "
                                      "old_value, new_value, mode, entered, at, username, reason) "
                                      "VALUES (?,?,?,NULL,?,'month',?,?,'parkadmin','演示数据（DEMO）')",
                                      {park, period, code, value, value, at})
                                   .status());
      }
  return Status::Ok();
}

Status ApproveMonths(Connection& c, const std::vector<int64_t>& parks, Period last) {
  for (int64_t park : parks)
    for (Period p{2022, 1}; p <= last; p = p.AddMonths(1)) {
      const std::string next = p.AddMonths(1).ToString();
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO monitoring_months(park_id, period, state, submitted_at, "
                                    "submitted_by, approved_at, approved_by, reason, updated_at) "
                                    "VALUES (?,?,'approved',?,'parkadmin',?,'admin','演示数据（DEMO）',?)",
                                    {park, p.ToString(), next + "-08T02:00:00Z", next + "-09T03:00:00Z",
                                     next + "-09T03:00:00Z"})
                                 .status());
    }
  return Status::Ok();
}

double YearTotal(const Figures& f, int64_t park, const std::string& code, int year) {
  double total = 0;
  auto p = f.find(park);
  if (p == f.end() || !p->second.count(code)) return 0;
  for (const auto& [period, v] : p->second.at(code))
    if (period.compare(0, 4, std::to_string(year)) == 0) total += v;
  return total;
}

// The 2023 targets' base: the 2022 totals. Later years: the plan's growth rates over the year
// before (target = base × (1 + growth)). Sub-parks: 2023 targets by their share of the park.
Status SeedTargets(Connection& c, int64_t park, const std::vector<int64_t>& subs, const Figures& f, Period last) {
  const std::string now = NowIso();
  const std::pair<const char*, double> kGrowth[] = {
      {"fai", kFaiGrowthPct}, {"output", kOutputGrowthPct}, {"sales", kOutputGrowthPct}, {"value_added", kOutputGrowthPct}};
  for (const auto& [code, growth] : kGrowth)
    PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE targets SET base = ? WHERE park_id = ? AND year = 2023 AND indicator_code = ?",
                                  {Round2(YearTotal(f, park, code, 2022)), park, std::string(code)})
                               .status());
  for (int year = 2024; year <= last.year; ++year) {
    for (const auto& [code, growth] : kGrowth) {
      const double base = Round2(YearTotal(f, park, code, year - 1));
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO targets(park_id, year, indicator_code, target, growth_pct, base, "
                                    "updated_at) VALUES (?,?,?,?,?,?,?)",
                                    {park, int64_t{year}, std::string(code), Round2(base * (1 + growth / 100)), growth,
                                     base, now})
                                 .status());
    }
    for (const char* code : {"new_above_scale", "new_enterprises"})
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO targets(park_id, year, indicator_code, target, growth_pct, base, "
                                    "updated_at) VALUES (?,?,?,5,NULL,NULL,?)",
                                    {park, int64_t{year}, std::string(code), now})
                                 .status());
  }
  const std::map<std::string, double> park_targets = {
      {"fai", 31400}, {"output", 157000}, {"sales", 155000}, {"value_added", 19000}};
  for (size_t i = 0; i < subs.size(); ++i)
    for (const auto& [code, target] : park_targets) {
      const double total = YearTotal(f, park, code, 2022);
      const double share = total > 0 ? YearTotal(f, subs[i], code, 2022) / total : kShares[i];
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO targets(park_id, year, indicator_code, target, growth_pct, base, "
                                    "updated_at) VALUES (?, 2023, ?, ?, NULL, NULL, ?)",
                                    {subs[i], code, Round2(target * share), now})
                                 .status());
    }
  return Status::Ok();
}

}  // namespace

Status SeedMonitoringDemo(storage::Database& db, Period last) {
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
  std::vector<int64_t> all = subs;
  all.insert(all.begin(), park);

  Figures f;
  PARKHQ_RETURN_IF_ERROR(AddFromReports(c, f, park, last));
  PARKHQ_RETURN_IF_ERROR(AddCounts(c, f, park, all, last));
  PARKHQ_RETURN_IF_ERROR(AddFai(c, f, park, subs, last));

  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_RETURN_IF_ERROR(InsertFigures(c, f));
  PARKHQ_RETURN_IF_ERROR(ApproveMonths(c, all, last));
  PARKHQ_RETURN_IF_ERROR(SeedTargets(c, park, subs, f, last));
  Scope system;
  system.username = "system";
  system.role = Role::kSysadmin;
  PARKHQ_RETURN_IF_ERROR(storage::WriteAudit(c, system, "import", "indicator_value", "demo", park, "",
                                             "{\"from\":\"2022-01\",\"to\":\"" + last.ToString() + "\",\"is_demo\":1}",
                                             "演示数据（DEMO）"));
  return tx.Commit();
}

}  // namespace parkhq::app
