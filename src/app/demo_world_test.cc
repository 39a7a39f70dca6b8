// The one demo world (issue 11 item 1): every invariant the modules' demo data must keep, checked
// on a freshly seeded database on both engines.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "app/demo_seed.h"
#include "app/demo_world.h"
#include "storage/enterprise/report_values_json.h"
#include "testutil/test_db.h"

namespace parkhq::app {
namespace {

using storage::Engine;

class DemoWorldTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    conn_ = std::make_unique<storage::ConnectionHandle>(std::move(c).value());
    auto r = Rows("SELECT id FROM parks WHERE name = '华亭工业园区' AND parent_id IS NULL");
    ASSERT_EQ(r.size(), 1u);
    park_ = r[0].Int(0);
    last_ = LastDemoMonth(DefaultDemoUntil());
  }
  std::vector<storage::Row> Rows(const std::string& sql, const std::vector<storage::Value>& p = {}) {
    auto r = conn_->get().Query(sql, p);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<storage::Row>{};
  }
  // park → indicator → period → value
  std::map<int64_t, std::map<std::string, std::map<std::string, double>>> Monitoring() {
    std::map<int64_t, std::map<std::string, std::map<std::string, double>>> out;
    for (const auto& r : Rows("SELECT park_id, indicator_code, period, value FROM indicator_values"))
      out[r.Int(0)][r.Text(1)][r.Text(2)] = r.Double(3);
    return out;
  }
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<storage::ConnectionHandle> conn_;  // destroyed before db_
  int64_t park_ = 0;
  Period last_;
};

TEST_P(DemoWorldTest, RunsThroughTheMonthBeforeTheLastCompleteMonth) {
  auto latest = Rows("SELECT MAX(period) FROM monitoring_months WHERE park_id = ? AND state = 'approved'", {park_});
  EXPECT_EQ(latest[0].Text(0), last_.ToString());
  auto reports = Rows("SELECT MAX(period) FROM enterprise_reports WHERE park_id = ?", {park_});
  EXPECT_EQ(reports[0].Text(0), last_.ToString());
  auto months = Rows("SELECT COUNT(DISTINCT period) FROM monitoring_months WHERE park_id = ?", {park_});
  const int64_t want = last_.Index() - Period{2022, 1}.Index() + 1;
  EXPECT_EQ(months[0].Int(0), want) << "every month approved";
}

TEST_P(DemoWorldTest, MonitoringEqualsTheAboveScaleFirmsReports) {
  // Sum the approved reports of the firms above scale in each month, per park and sub-park.
  std::map<int64_t, std::map<std::string, std::map<std::string, double>>> sums;
  const std::pair<const char*, const char*> fields[] = {{"output", "output"}, {"revenue", "sales"},
                                                        {"value_added", "value_added"}, {"tax", "tax"},
                                                        {"energy", "energy"}, {"employees", "employees"}};
  for (const auto& r : Rows("SELECT e.sub_park_id, e.above_scale, COALESCE(e.scale_changed_on, ''), r.period, "
                            "r.values_json FROM enterprise_reports r JOIN enterprises e ON e.id = r.enterprise_id "
                            "WHERE r.state = 'approved' AND e.park_id = ?",
                            {park_})) {
    const Period p = *Period::Parse(r.Text(3));
    if (!AboveScaleAt(r.Bool(1), r.Text(2), p)) continue;
    for (const auto& [field, code] : fields) {
      const double v = storage::FindReportValue(r.Text(4), field).value_or(0);
      sums[park_][code][p.ToString()] += v;
      sums[r.Int(0)][code][p.ToString()] += v;
    }
  }
  auto mon = Monitoring();
  int checked = 0;
  for (const auto& [park, codes] : sums)
    for (const auto& [code, months] : codes)
      for (const auto& [period, want] : months) {
        ASSERT_TRUE(mon[park][code].count(period)) << park << " " << code << " " << period;
        EXPECT_NEAR(mon[park][code][period], want, 0.6) << park << " " << code << " " << period;
        ++checked;
      }
  EXPECT_GT(checked, 6 * 5 * 24);
}

TEST_P(DemoWorldTest, ProjectInvestmentIsInsideTheParkFai) {
  auto mon = Monitoring();
  int months = 0;
  for (const auto& r : Rows("SELECT period, SUM(completed) FROM project_monthly WHERE park_id = ? GROUP BY period",
                            {park_})) {
    EXPECT_LE(r.Double(1), mon[park_]["fai"][r.Text(0)] + 1e-6) << r.Text(0);
    ++months;
  }
  EXPECT_GT(months, 6);
  auto plans = Rows("SELECT SUM(a.planned_investment) FROM project_annual_plans a JOIN projects p ON p.id = "
                    "a.project_id WHERE p.park_id = ? AND a.year = 2023",
                    {park_});
  EXPECT_LE(plans[0].Double(0), kFaiTarget2023) << "2023 project plans fit in the park's FAI target";
}

TEST_P(DemoWorldTest, CountsEqualTheRegistry) {
  auto mon = Monitoring();
  for (int year = 2022; year <= last_.year; ++year) {
    const std::string y = std::to_string(year);
    auto above = Rows("SELECT COUNT(*) FROM enterprises WHERE park_id = ? AND above_scale = 1 AND "
                      "scale_changed_on >= ? AND scale_changed_on <= ?",
                      {park_, y + "-01-01", Date::LastOfMonth(year == last_.year ? last_ : Period{year, 12}).ToString()});
    auto moved = Rows("SELECT COUNT(*) FROM enterprises WHERE park_id = ? AND moved_in_on >= ? AND moved_in_on <= ?",
                      {park_, y + "-01-01", Date::LastOfMonth(year == last_.year ? last_ : Period{year, 12}).ToString()});
    double a = 0, m = 0;
    for (const auto& [period, v] : mon[park_]["new_above_scale"])
      if (period.compare(0, 4, y) == 0) a += v;
    for (const auto& [period, v] : mon[park_]["new_enterprises"])
      if (period.compare(0, 4, y) == 0) m += v;
    EXPECT_EQ(a, above[0].Int(0)) << year;
    EXPECT_EQ(m, moved[0].Int(0)) << year;
  }
}

TEST_P(DemoWorldTest, EvaluationInputsAreTheYearsReportsAndParcels) {
  std::map<int64_t, std::map<std::string, double>> year;
  for (const auto& r : Rows("SELECT enterprise_id, values_json FROM enterprise_reports WHERE park_id = ? AND state = "
                            "'approved' AND period >= '2023-01' AND period <= '2023-12'",
                            {park_}))
    for (const char* f : {"output", "revenue", "tax", "energy", "value_added"})
      year[r.Int(0)][f] += storage::FindReportValue(r.Text(1), f).value_or(0);
  std::map<int64_t, double> land;
  for (const auto& r : Rows("SELECT holder_enterprise_id, SUM(area_mu) FROM land_parcels WHERE holder_enterprise_id "
                            "IS NOT NULL GROUP BY holder_enterprise_id"))
    land[r.Int(0)] = r.Double(1);
  int checked = 0;
  for (const auto& r : Rows("SELECT enterprise_id, revenue, tax, land_mu, energy_tce, group_code FROM eval_inputs "
                            "WHERE park_id = ? AND year = 2023",
                            {park_})) {
    const int64_t id = r.Int(0);
    ASSERT_TRUE(year.count(id)) << "evaluated firm " << id << " has reports";
    EXPECT_NEAR(r.Double(1), year[id]["revenue"], 0.02) << id;
    EXPECT_NEAR(r.Double(2), year[id]["tax"], 0.02) << id;
    if (r.Text(5) == "above_scale") {
      EXPECT_NEAR(r.Double(4), year[id]["energy"], 0.02) << id;
    }
    if (land.count(id)) {
      EXPECT_NEAR(r.Double(3), land[id], 0.01) << id;
    }
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

TEST_P(DemoWorldTest, ParcelsAreHeldByTheFirmsTheyDescribe) {
  auto rows = Rows("SELECT l.code, l.holder_name, e.name FROM land_parcels l JOIN enterprises e ON e.id = "
                   "l.holder_enterprise_id WHERE l.code = 'HT-YJ-01-DEMO' OR l.code = 'HT-DL-05-DEMO'");
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) {
    EXPECT_EQ(r.Text(1), r.Text(2)) << "holder name is the registry's";
    if (r.Text(0) == "HT-YJ-01-DEMO") {
      EXPECT_NE(r.Text(2).find("墙材"), std::string::npos) << r.Text(2);
    }
    if (r.Text(0) == "HT-DL-05-DEMO") {
      EXPECT_NE(r.Text(2).find("风电"), std::string::npos) << r.Text(2);
    }
  }
}

TEST_P(DemoWorldTest, IntensitiesArePlausibleForEachIndustry) {
  std::map<int64_t, std::map<std::string, double>> y;
  std::map<int64_t, std::string> industry;
  for (const auto& r : Rows("SELECT e.id, e.industry_code, r.values_json FROM enterprise_reports r JOIN enterprises e "
                            "ON e.id = r.enterprise_id WHERE e.park_id = ? AND r.period >= '2023-01' AND r.period <= "
                            "'2023-12'",
                            {park_})) {
    industry[r.Int(0)] = r.Text(1);
    for (const char* f : {"output", "revenue", "tax", "energy"})
      y[r.Int(0)][f] += storage::FindReportValue(r.Text(2), f).value_or(0);
  }
  for (auto& [id, v] : y) {
    if (v["output"] <= 100) continue;  // stopped firms
    const IntensityRange range = EnergyIntensity(industry[id]);
    const double e = v["energy"] / v["output"];
    EXPECT_GE(e, range.lo) << industry[id];
    EXPECT_LE(e, range.hi) << industry[id];
    const double t = v["tax"] / v["revenue"];
    EXPECT_GE(t, kTaxRateLo) << id;
    EXPECT_LE(t, kTaxRateHi) << id;
  }
}

TEST_P(DemoWorldTest, TargetsAndBasesMatchThePlan) {
  auto rows = Rows("SELECT indicator_code, target, growth_pct, base FROM targets WHERE park_id = ? AND year = 2023 "
                   "AND indicator_code IN ('fai', 'output', 'sales', 'value_added')",
                   {park_});
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& r : rows) {
    ASSERT_FALSE(r.IsNull(3)) << r.Text(0) << " has a 2022 base";
    const double implied = (r.Double(1) / r.Double(3) - 1) * 100;
    EXPECT_NEAR(implied, r.Double(2), 1.0) << r.Text(0) << ": target " << r.Double(1) << " base " << r.Double(3);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoWorldTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::app
