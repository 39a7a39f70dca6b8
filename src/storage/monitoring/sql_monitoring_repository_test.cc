// The monitoring repository and service over real storage, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "domain/monitoring/monitoring_service.h"
#include "storage/monitoring/sql_monitoring_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using monitoring::MonitoringService;
using monitoring::SubmissionState;
using monitoring::ValueChange;

class FixedSource final : public monitoring::MonthlyFiguresSource {
 public:
  StatusOr<std::map<int64_t, monitoring::MonthlySeries>> Series(const std::string& code,
                                                                const std::vector<int64_t>& park_ids,
                                                                int year) override {
    std::map<int64_t, monitoring::MonthlySeries> out;
    if (code != "fai" || year != 2023) return out;
    for (int64_t id : park_ids) out[id][0] = 777;  // January 2023
    return out;
  }
};

class MonitoringStorageTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    repo_ = std::make_unique<SqlMonitoringRepository>(*db_);
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    service_ = std::make_unique<MonitoringService>(*repo_, *org_);
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
  int64_t NewPark(const std::string& name, std::optional<int64_t> parent = std::nullopt) {
    Park p;
    p.name = name;
    p.region_id = 1;
    p.parent_id = parent;
    auto id = org_->CreatePark(p, Admin());
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return *id;
  }
  int64_t CountAudit(const std::string& entity) {
    auto c = db_->Acquire();
    auto r = (*c)->QueryOne("SELECT COUNT(*) FROM audit_log WHERE entity = ?", {entity});
    return r.ok() && r->has_value() ? (*r)->Int(0) : -1;
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlMonitoringRepository> repo_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<MonitoringService> service_;
};

TEST_P(MonitoringStorageTest, DemoSeedIsApprovedAndConsistentWithTheTargets) {
  auto parks = org_->ListParks();
  ASSERT_TRUE(parks.ok());
  const int64_t park = parks->front().id;
  auto values = repo_->ListValues({park}, 2022, 2022);
  ASSERT_TRUE(values.ok()) << values.status().ToString();
  double fai = 0;
  for (const auto& v : *values)
    if (v.code == "fai") fai += v.value;
  EXPECT_NEAR(fai, 31400 / 1.10, 30);  // 2022 ≈ the base the +10% target implies
  auto states = repo_->ListMonthStates({park}, 2022, 2023);
  ASSERT_TRUE(states.ok());
  ASSERT_EQ((*states)[park].size(), 24u);
  for (const auto& m : (*states)[park]) EXPECT_EQ(m.state, SubmissionState::kApproved);
  auto t = repo_->ListTargets({park}, 2023);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)[park]["fai"].target, 31400);
  ASSERT_TRUE((*t)[park]["fai"].base.has_value());
  EXPECT_NEAR(*(*t)[park]["fai"].base, fai, 0.01);
}

TEST_P(MonitoringStorageTest, WritesKeepHistoryAndAuditAndMoveToDraft) {
  const int64_t park = NewPark("仓储测试园区");
  const Period p{2023, 5};
  ASSERT_TRUE(repo_->WriteValues(park, p, {ValueChange{"fai", std::nullopt, 10.5, "month", 10.5}}, "", Admin()).ok());
  ASSERT_TRUE(repo_->WriteValues(park, p, {ValueChange{"fai", 10.5, 12.0, "cumulative", 30.0}}, "更正", Admin()).ok());
  ASSERT_TRUE(repo_->WriteValues(park, p, {ValueChange{"fai", 12.0, std::nullopt, "month", std::nullopt}}, "", Admin()).ok());
  auto values = repo_->ListValues({park}, 2023, 2023);
  ASSERT_TRUE(values.ok());
  EXPECT_TRUE(values->empty());
  monitoring::HistoryFilter f;
  f.code = "fai";
  auto h = repo_->ListHistory(park, f);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  ASSERT_EQ(h->total, 3);
  EXPECT_EQ(h->items[0].mode, "delete");
  EXPECT_EQ(h->items[1].mode, "cumulative");
  EXPECT_EQ(h->items[1].reason, "更正");
  EXPECT_EQ(h->items[1].entered, 30.0);
  EXPECT_EQ(CountAudit("indicator_value"), 3 + 1);  // + the demo import row
  auto states = repo_->ListMonthStates({park}, 2023, 2023);
  ASSERT_TRUE(states.ok());
  ASSERT_EQ((*states)[park].size(), 1u);
  EXPECT_EQ((*states)[park][0].state, SubmissionState::kDraft);
}

TEST_P(MonitoringStorageTest, ApprovedMonthIsLockedUntilUnlocked) {
  const int64_t park = NewPark("锁定测试园区");
  const Period p{2023, 7};
  using S = SubmissionState;
  ASSERT_TRUE(repo_->WriteValues(park, p, {ValueChange{"tax", std::nullopt, 5, "month", 5}}, "", Admin()).ok());
  auto bad = repo_->SetMonthState(park, p, {S::kSubmitted}, S::kApproved, "approve", "", Admin());
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().IsConflict());
  ASSERT_TRUE(repo_->SetMonthState(park, p, {S::kDraft}, S::kSubmitted, "submit", "", Admin()).ok());
  auto approved = repo_->SetMonthState(park, p, {S::kSubmitted}, S::kApproved, "approve", "", Admin());
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->approved_by, "admin");
  Status locked = repo_->WriteValues(park, p, {ValueChange{"tax", 5, 6, "month", 6}}, "", Admin());
  ASSERT_TRUE(locked.IsValidation());
  EXPECT_EQ(locked.details()[0].field, "period");
  auto unlocked = repo_->SetMonthState(park, p, {S::kApproved}, S::kDraft, "unlock", "统计局修正", Admin());
  ASSERT_TRUE(unlocked.ok());
  EXPECT_EQ(unlocked->reason, "统计局修正");
  EXPECT_FALSE(unlocked->approved_by.has_value());
  EXPECT_TRUE(repo_->WriteValues(park, p, {ValueChange{"tax", 5, 6, "month", 6}}, "", Admin()).ok());
  EXPECT_EQ(CountAudit("monitoring_month"), 3);
}

TEST_P(MonitoringStorageTest, TargetsUpsertAndSettingsOverrideDefaults) {
  const int64_t park = NewPark("目标测试园区");
  ASSERT_TRUE(repo_->PutTargets(park, 2024, {{"fai", {100, 10, 90}}}, Admin()).ok());
  ASSERT_TRUE(repo_->PutTargets(park, 2024, {{"fai", {120, std::nullopt, 90}}, {"tax", {5, {}, {}}}}, Admin()).ok());
  auto t = repo_->ListTargets({park}, 2024);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)[park]["fai"].target, 120);
  EXPECT_FALSE((*t)[park]["fai"].growth_pct.has_value());
  EXPECT_EQ((*t)[park]["tax"].target, 5);
  auto kv = repo_->GetSettings(park);
  ASSERT_TRUE(kv.ok());
  EXPECT_EQ((*kv)["monitoring.yellow_band"], "5");
  ASSERT_TRUE(repo_->PutSettings(park, {{"monitoring.yellow_band", "3"}, {"monitoring.source.fai", "projects"}}, Admin()).ok());
  auto s = monitoring::SettingsFromPairs(*repo_->GetSettings(park));
  EXPECT_EQ(s.thresholds.yellow_band, 3);
  EXPECT_EQ(s.sources["fai"], "projects");
  EXPECT_EQ(s.units.For("tax"), "税务局");  // a default kept underneath
}

TEST_P(MonitoringStorageTest, ParkWithoutOwnFiguresSumsItsSubParks) {
  const int64_t park = NewPark("汇总测试园区");
  const int64_t a = NewPark("子园甲", park), b = NewPark("子园乙", park);
  ASSERT_TRUE(repo_->WriteValues(a, {2023, 1}, {ValueChange{"output", {}, 100, "month", 100}}, "", Admin()).ok());
  ASSERT_TRUE(repo_->WriteValues(b, {2023, 1}, {ValueChange{"output", {}, 50, "month", 50}}, "", Admin()).ok());
  ASSERT_TRUE(repo_->WriteValues(b, {2023, 2}, {ValueChange{"output", {}, 70, "month", 70}}, "", Admin()).ok());
  ASSERT_TRUE(repo_->WriteValues(park, {2023, 2}, {ValueChange{"output", {}, 80, "month", 80}}, "", Admin()).ok());
  auto t = service_->ParkMonitoring(Admin(), park, {2023, 2}, monitoring::Basis::kAll);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const auto& out = t->rows[1];
  ASSERT_EQ(out.indicator.code, "output");
  EXPECT_EQ(out.this_year[0], 150);  // January: the sub-parks' sum
  EXPECT_EQ(out.this_year[1], 80);   // February: the park's own figure wins
  EXPECT_EQ(out.figures.ytd, 230);
  auto d = service_->ParkDashboard(Admin(), park, {2023, 2}, monitoring::Basis::kAll);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->sub_parks.size(), 2u);
  EXPECT_EQ(d->sub_parks[1].rows[1].figures.ytd, 120);
}

TEST_P(MonitoringStorageTest, RegisteredSourceFeedsItsIndicator) {
  const int64_t park = NewPark("来源测试园区");
  FixedSource source;
  service_->RegisterSource("enterprise_reports", &source);
  monitoring::MonitoringSettings s = monitoring::SettingsFromPairs(*repo_->GetSettings(park));
  s.sources["fai"] = "enterprise_reports";
  ASSERT_TRUE(service_->PutSettings(Admin(), park, s).ok());
  ASSERT_TRUE(repo_->WriteValues(park, {2023, 1}, {ValueChange{"fai", {}, 5, "month", 5}}, "", Admin()).ok());
  auto t = service_->ParkMonitoring(Admin(), park, {2023, 1}, monitoring::Basis::kAll);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].figures.month, 777);
  EXPECT_EQ(t->rows[0].source, "enterprise_reports");
  monitoring::ValueEntry e;
  e.period = {2023, 2};
  e.values["fai"] = 1;
  auto put = service_->PutValues(Admin(), park, e);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().details()[0].field, "values.fai");
}

TEST_P(MonitoringStorageTest, ScopeRefusals) {
  const int64_t park = NewPark("范围测试园区");
  Scope leader;
  leader.role = Role::kLeader;
  leader.read_only = true;
  leader.park_ids = {park};
  monitoring::ValueEntry e;
  e.period = {2023, 1};
  e.values["fai"] = 1;
  EXPECT_EQ(service_->PutValues(leader, park, e).status().code(), StatusCode::kPermissionDenied);
  Scope other;
  other.role = Role::kParkAdmin;
  other.park_ids = {park + 1000};
  EXPECT_TRUE(service_->PutValues(other, park, e).status().IsNotFound());
  EXPECT_TRUE(service_->ParkMonitoring(other, park, {2023, 1}, monitoring::Basis::kAll).status().IsNotFound());
  EXPECT_EQ(service_->CreateIndicator(other, monitoring::SeededIndicators()[0]).status().code(),
            StatusCode::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Engines, MonitoringStorageTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
