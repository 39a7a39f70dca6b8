// The parks-compared repository and service on both engines, over the seeded demo world: the demo
// region ranks its parks from their own records, a change in one park's monitoring moves the
// ranking, the ledger counts progress and audits writes, and the scope rules hold.
#include "storage/parks/sql_parks_repository.h"

#include <gtest/gtest.h>

#include <cmath>

#include "domain/parks/parks_service.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class ParksRepositoryTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    repo_ = std::make_unique<SqlParksRepository>(*db_);
    svc_ = std::make_unique<parks::ParksService>(*org_, *repo_);
    auto c = db_->Acquire();
    auto h = (*c)->QueryOne("SELECT p.id, r.parent_id FROM parks p JOIN regions r ON r.id = p.region_id WHERE "
                            "p.name = '华亭工业园区'");
    huating_ = (*h)->Int(0);
    city_ = (*h)->Int(1);
    auto o = (*c)->QueryOne("SELECT id FROM parks WHERE name = '静宁工业园区（演示）'");
    other_ = (*o)->Int(0);
  }
  Scope Admin() {
    Scope s;
    s.role = Role::kSysadmin;
    s.all_parks = true;
    s.username = "admin";
    return s;
  }
  Scope ParkAdmin(int64_t park) {
    Scope s;
    s.role = Role::kParkAdmin;
    s.park_ids = {park};
    s.username = "pa";
    return s;
  }
  const parks::ParkEvaluation& Of(const parks::RegionEvaluation& r, int64_t park) {
    for (const auto& p : r.parks)
      if (p.park_id == park) return p;
    ADD_FAILURE() << "park " << park << " not ranked";
    return r.parks.front();
  }
  int64_t Count(const std::string& sql, const std::vector<Value>& p = {}) {
    auto c = db_->Acquire();
    return (*(*c)->QueryOne(sql, p))->Int(0);
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<SqlParksRepository> repo_;
  std::unique_ptr<parks::ParksService> svc_;
  int64_t huating_ = 0, city_ = 0, other_ = 0;
};

TEST_P(ParksRepositoryTest, DemoRegionRanksItsParksFromTheirOwnRecords) {
  auto r = svc_->EvaluateRegion(Admin(), city_, 2024, "plan8");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->parks.size(), 4u);
  for (const auto& p : r->parks) {
    double sum = 0;
    for (const auto& [c, v] : p.result.categories) sum += v;
    EXPECT_NEAR(sum, p.result.score, 0.05) << p.park_name;
    for (const auto& [code, ind] : p.result.indicators) EXPECT_TRUE(ind.value.has_value()) << p.park_name << " " << code;
    ASSERT_TRUE(p.previous_score.has_value());
  }
  // The comparison park's output is the sum of its own approved monthly figures.
  auto c = db_->Acquire();
  auto sum = (*c)->QueryOne("SELECT SUM(value) FROM indicator_values WHERE park_id = ? AND indicator_code = 'output' AND "
                            "period >= '2024-01' AND period <= '2024-12'",
                            {other_});
  EXPECT_NEAR(Of(*r, other_).variables.at("output"), (*sum)->Double(0), 0.01);
  auto land = (*c)->QueryOne("SELECT SUM(area_mu) FROM land_parcels WHERE park_id = ? AND actual_start IS NOT NULL", {other_});
  EXPECT_NEAR(Of(*r, other_).variables.at("developed_mu"), (*land)->Double(0), 1e-6);
  EXPECT_TRUE(svc_->EvaluateRegion(Admin(), city_, 2024, "national5").ok());
  EXPECT_TRUE(svc_->EvaluateRegion(Admin(), city_, 2024, "nope").status().IsNotFound());
}

TEST_P(ParksRepositoryTest, ARankingFollowsAChangeInOneParksMonitoring) {
  auto before = svc_->EvaluateRegion(Admin(), city_, 2024, "plan8");
  ASSERT_TRUE(before.ok());
  const auto& last = before->parks.back();
  ASSERT_GT(last.result.rank, 1);
  // The last park's output and tax grow tenfold (as if corrected and re-approved).
  auto c = db_->Acquire();
  ASSERT_TRUE((*c)->Exec("UPDATE indicator_values SET value = value * 10 WHERE park_id = ? AND indicator_code IN "
                         "('output', 'tax', 'value_added') AND period >= '2024-01' AND period <= '2024-12'",
                         {last.park_id})
                  .ok());
  auto after = svc_->EvaluateRegion(Admin(), city_, 2024, "plan8");
  ASSERT_TRUE(after.ok());
  EXPECT_LT(Of(*after, last.park_id).result.rank, last.result.rank);
  EXPECT_GT(Of(*after, last.park_id).result.score, last.result.score);
}

TEST_P(ParksRepositoryTest, ScopeDecidesWhichParksAreRanked) {
  auto own = svc_->EvaluateRegion(ParkAdmin(huating_), city_, 2024, "plan8");
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->parks.size(), 1u);
  EXPECT_EQ(own->parks[0].park_id, huating_);
  Scope none;
  none.role = Role::kLeader;
  EXPECT_TRUE(svc_->EvaluateRegion(none, city_, 2024, "plan8").status().IsNotFound());
  EXPECT_EQ(svc_->EvaluateRegion(Admin(), city_, 1999, "plan8").status().code(), StatusCode::kValidation);
  parks::EvalEntry e{"debt_ratio", 40, "审计报告", "", ""};
  EXPECT_TRUE(svc_->PutEntries(ParkAdmin(huating_), other_, 2024, {e}).IsNotFound());
  Scope leader;
  leader.role = Role::kLeader;
  leader.all_parks = true;
  leader.read_only = true;
  EXPECT_EQ(svc_->PutEntries(leader, huating_, 2024, {e}).code(), StatusCode::kPermissionDenied);
  const int64_t audits = Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'park_eval_entries'");
  ASSERT_TRUE(svc_->PutEntries(ParkAdmin(huating_), huating_, 2024, {e}).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'park_eval_entries'"), audits + 1);
}

TEST_P(ParksRepositoryTest, LedgerCountsProgressAndAuditsWrites) {
  auto led = svc_->ChemLedger(Admin(), huating_);
  ASSERT_TRUE(led.ok());
  ASSERT_GE(led->size(), 6u);
  EXPECT_EQ((*led)[0].name, "设立与规划");
  EXPECT_EQ((*led)[5].name, "应急管理");
  int64_t done = 0, total = 0;
  for (const auto& g : *led) {
    done += g.done;
    total += g.total;
  }
  EXPECT_EQ(total, Count("SELECT COUNT(*) FROM chem_items WHERE park_id = ?", {huating_}));
  EXPECT_EQ(done, Count("SELECT COUNT(*) FROM chem_items WHERE park_id = ? AND status = 'met'", {huating_}));
  parks::ChemItem item;
  item.park_id = huating_;
  item.category = "基础设施";
  item.requirement = "园区封闭化管理（测试）";
  auto created = svc_->CreateChemItem(ParkAdmin(huating_), item);
  ASSERT_TRUE(created.ok()) << created.status().message();
  created->status = parks::ChemStatus::kMet;
  ASSERT_TRUE(svc_->UpdateChemItem(ParkAdmin(huating_), *created).ok());
  auto again = svc_->ChemLedger(Admin(), huating_);
  int64_t done2 = 0, total2 = 0;
  for (const auto& g : *again) {
    done2 += g.done;
    total2 += g.total;
  }
  EXPECT_EQ(total2, total + 1);
  EXPECT_EQ(done2, done + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'chem_item' AND entity_id = ?",
                  {std::to_string(created->id)}),
            2);
  item.review_years = 4;
  EXPECT_EQ(svc_->CreateChemItem(ParkAdmin(huating_), item).status().code(), StatusCode::kValidation);
  EXPECT_TRUE(svc_->UpdateChemItem(ParkAdmin(other_), *created).status().IsNotFound());
  EXPECT_TRUE(svc_->DeleteChemItem(ParkAdmin(huating_), created->id).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM chem_items WHERE park_id = ?", {huating_}), total);
}

INSTANTIATE_TEST_SUITE_P(Engines, ParksRepositoryTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
