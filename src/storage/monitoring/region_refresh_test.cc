// The region dashboard is served from its last result while a background thread recomputes it
// (no request waits for the recompute), and a change becomes visible: figures of another module
// after the refresh, a write through the monitoring service at once. Both engines.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/monitoring/monitoring_service.h"
#include "storage/monitoring/sql_monitoring_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using monitoring::MonitoringService;

class ChangingSource final : public monitoring::MonthlyFiguresSource {
 public:
  StatusOr<std::map<int64_t, monitoring::MonthlySeries>> Series(const std::string& code,
                                                                const std::vector<int64_t>& park_ids,
                                                                int year) override {
    std::map<int64_t, monitoring::MonthlySeries> out;
    if (code != "fai" || year != 2023) return out;
    for (int64_t id : park_ids) out[id][0] = value.load();
    return out;
  }
  std::atomic<double> value{777};
};

class RegionRefreshTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    repo_ = std::make_unique<SqlMonitoringRepository>(*db_);
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    service_ = std::make_unique<MonitoringService>(*repo_, *org_);
    service_->RegisterSource("enterprise_reports", &source_);
  }
  Scope Admin() {
    Scope s;
    s.role = Role::kSysadmin;
    s.all_parks = true;
    s.user_id = 1;
    s.username = "admin";
    s.ip = "127.0.0.1";
    return s;
  }
  // The park's figure of `code` in January 2023 on the region dashboard.
  static double Figure(const monitoring::Dashboard& d, int64_t park, const std::string& code) {
    for (const auto& sp : d.sub_parks)
      if (sp.park_id == park)
        for (const auto& r : sp.rows)
          if (r.indicator.code == code) return r.figures.month.value_or(-1);
    return -2;
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlMonitoringRepository> repo_;
  std::unique_ptr<SqlOrgRepository> org_;
  ChangingSource source_;
  std::unique_ptr<MonitoringService> service_;  // after source_: destroyed (and its refresher joined) first
};

TEST_P(RegionRefreshTest, StaleResultIsServedWhileTheNextIsComputedAndChangesBecomeVisible) {
  Park p;
  p.name = "刷新测试园区";
  p.region_id = 1;
  auto park = org_->CreatePark(p, Admin());
  ASSERT_TRUE(park.ok()) << park.status().ToString();
  monitoring::MonitoringSettings s = monitoring::SettingsFromPairs(*repo_->GetSettings(*park));
  s.sources["fai"] = "enterprise_reports";
  ASSERT_TRUE(service_->PutSettings(Admin(), *park, s).ok());
  const Period jan{2023, 1};
  const auto basis = monitoring::Basis::kAll;

  auto first = service_->RegionDashboard(Admin(), 1, jan, basis);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(Figure(**first, *park, "fai"), 777);

  source_.value = 888;  // another module's figures change (this service cannot see the write)
  auto again = service_->RegionDashboard(Admin(), 1, jan, basis);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->get(), first->get());  // within its time to live: the same result object

  std::this_thread::sleep_for(std::chrono::milliseconds(MonitoringService::kSourceResultSeconds * 1000 + 100));
  auto stale = service_->RegionDashboard(Admin(), 1, jan, basis);
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(stale->get(), first->get());  // past it: answered at once with the last result ...
  service_->DrainRefreshes();              // ... while the background thread computes the next
  auto fresh = service_->RegionDashboard(Admin(), 1, jan, basis);
  ASSERT_TRUE(fresh.ok());
  EXPECT_NE(fresh->get(), first->get());
  EXPECT_EQ(Figure(**fresh, *park, "fai"), 888);

  // A write through the monitoring service is visible on the very next read.
  monitoring::ValueEntry e;
  e.period = jan;
  e.values["output"] = 123;
  auto put = service_->PutValues(Admin(), *park, e);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  auto after = service_->RegionDashboard(Admin(), 1, jan, basis);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(Figure(**after, *park, "output"), 123);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegionRefreshTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
