// The land repository contract on both engines.
#include "storage/land/sql_land_repository.h"

#include <gtest/gtest.h>

#include "storage/audit_store.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class LandRepositoryTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    repo_ = std::make_unique<SqlLandRepository>(*db_);
    auto c = db_->Acquire();
    // The Huating park and its sub-parks (the demo's comparison parks of issue 13 hold parcels too).
    auto rows = (*c)->Query("SELECT id FROM parks WHERE name = '华亭工业园区' OR parent_id IN (SELECT id FROM parks "
                            "WHERE name = '华亭工业园区') ORDER BY id");
    for (const auto& r : *rows) parks_.push_back(r.Int(0));
    // A parcel's holder must be an enterprise of its park (docs/security.md): one of the demo's.
    auto e = (*c)->QueryOne("SELECT MIN(id) FROM enterprises WHERE park_id = ?", {parks_.front()});
    holder_ = (*e)->Int(0);
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
  land::ParcelRecord NewParcel(const std::string& code, int64_t park) {
    land::ParcelRecord r;
    r.parcel.park_id = park;
    r.parcel.code = code;
    r.parcel.area_mu = 15;
    r.parcel.approved = Date::Parse("2020-01-01");
    r.parcel.supplied = Date::Parse("2020-06-01");
    r.parcel.supply_kind = land::SupplyKind::kAllocation;
    r.parcel.invested = 4500;
    r.parcel.holder_enterprise_id = holder_;
    r.name = "测试地块";
    r.geometry_json = R"({"type":"Polygon","coordinates":[[[0,0],[100,0],[100,100],[0,100],[0,0]]]})";
    r.crs = land::CoordinateSystem::kProjectedMetres;
    r.geometry_area_m2 = 10000;
    return r;
  }
  int64_t AuditCount(const std::string& entity) {
    auto c = db_->Acquire();
    auto r = (*c)->QueryOne("SELECT COUNT(*) FROM audit_log WHERE entity = ?", {entity});
    return (*r)->Int(0);
  }
  std::unique_ptr<Database> db_;
  int64_t holder_ = 0;
  std::unique_ptr<SqlLandRepository> repo_;
  std::vector<int64_t> parks_;
};

TEST_P(LandRepositoryTest, DemoSeedHasParcelsInTheFourSubParks) {
  auto all = repo_->ListParcels(parks_, true);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 21u);
  for (const auto& p : *all) {
    EXPECT_NE(p.parcel.park_id, parks_.front()) << "demo parcels sit in sub-parks";
    EXPECT_TRUE(p.geometry_json.has_value());
    EXPECT_TRUE(p.is_demo);
  }
  auto contracts = repo_->ListContracts(parks_);
  ASSERT_TRUE(contracts.ok());
  EXPECT_EQ(contracts->size(), 6u);
  EXPECT_FALSE(contracts->front().indicators.empty());
}

TEST_P(LandRepositoryTest, ParcelRoundTripUpdateMoveAndDelete) {
  auto id = repo_->CreateParcel(NewParcel("R-1", parks_[1]), Admin());
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto dup = repo_->CreateParcel(NewParcel("R-1", parks_[1]), Admin());
  ASSERT_TRUE(dup.status().IsConflict());
  EXPECT_EQ(dup.status().details().at(0).field, "code");
  auto found = repo_->FindParcel(*id);
  ASSERT_TRUE(found.ok() && found->has_value());
  const land::ParcelRecord& r = **found;
  EXPECT_EQ(r.parcel.code, "R-1");
  EXPECT_EQ(r.parcel.supply_kind, land::SupplyKind::kAllocation);
  EXPECT_EQ(r.parcel.approved, Date::Parse("2020-01-01"));
  EXPECT_EQ(r.parcel.holder_enterprise_id, holder_);
  EXPECT_EQ(r.crs, land::CoordinateSystem::kProjectedMetres);
  EXPECT_DOUBLE_EQ(*r.geometry_area_m2, 10000);
  EXPECT_FALSE(r.parcel.actual_start.has_value());

  land::ContractRecord c;
  c.parcel_id = *id;
  c.park_id = parks_[1];
  c.production_check = Date::Parse("2023-06-30");
  c.indicators = {{evaluation::IndicatorCode::kInvestmentIntensity, 300, std::nullopt},
                  {evaluation::IndicatorCode::kTaxPerMu, 15, 12.5}};
  land::Parcel deadlines = r.parcel;
  deadlines.agreed_start = Date::Parse("2020-12-01");
  ASSERT_TRUE(repo_->PutContract(c, {true, false}, deadlines, Admin()).ok());
  auto k = repo_->FindContract(*id);
  ASSERT_TRUE(k.ok() && k->has_value());
  ASSERT_EQ((*k)->indicators.size(), 2u);
  EXPECT_EQ((*k)->indicators[1].code, evaluation::IndicatorCode::kTaxPerMu);
  EXPECT_DOUBLE_EQ(*(*k)->indicators[1].actual, 12.5);
  EXPECT_EQ((*repo_->FindParcel(*id))->parcel.agreed_start, Date::Parse("2020-12-01"));

  // Moving the parcel to another sub-park carries its contract along.
  land::ParcelRecord moved = **repo_->FindParcel(*id);
  moved.parcel.park_id = parks_[2];
  ASSERT_TRUE(repo_->UpdateParcel(moved, "调整所属园区", Admin()).ok());
  auto in_new = repo_->ListContracts({parks_[2]});
  ASSERT_TRUE(in_new.ok());
  EXPECT_TRUE(std::any_of(in_new->begin(), in_new->end(), [&](const auto& x) { return x.parcel_id == *id; }));

  land::Disposal d;
  d.park_id = parks_[2];
  d.parcel_id = *id;
  d.kind = "supplied_not_used";
  d.method = "reclaim";
  d.deadline = Date::Parse("2025-01-01");
  auto did = repo_->CreateDisposal(d, Admin());
  ASSERT_TRUE(did.ok()) << did.status().ToString();
  d.id = *did;
  d.status = "completed";
  d.audited = true;
  d.audited_by = "admin";
  ASSERT_TRUE(repo_->UpdateDisposal(d, Admin()).ok());
  auto back = repo_->FindDisposal(*did);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_TRUE((*back)->audited);
  EXPECT_EQ((*back)->deadline, Date::Parse("2025-01-01"));

  ASSERT_TRUE(repo_->DeleteParcel(*id, "测试", Admin()).ok());
  EXPECT_FALSE((*repo_->FindParcel(*id)).has_value());
  EXPECT_FALSE((*repo_->FindContract(*id)).has_value());
  EXPECT_FALSE((*repo_->FindDisposal(*did)).has_value());
  EXPECT_EQ(AuditCount("land_parcel"), 4);  // create, deadlines, move, delete
  EXPECT_EQ(AuditCount("land_contract"), 1);
  EXPECT_EQ(AuditCount("land_disposal"), 2);
}

TEST_P(LandRepositoryTest, SaveParcelsIsAllOrNothing) {
  std::vector<land::ParcelRecord> rs = {NewParcel("S-1", parks_[1]), NewParcel("S-2", parks_[1]),
                                        NewParcel("S-1", parks_[1])};
  auto r = repo_->SaveParcels(rs, Admin());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsConflict());
  auto after = repo_->ListParcels({parks_[1]}, false);
  for (const auto& p : *after) EXPECT_NE(p.parcel.code.substr(0, 2), "S-");
  rs.pop_back();
  auto ok = repo_->SaveParcels(rs, Admin());
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->size(), 2u);
}

TEST_P(LandRepositoryTest, RulesRoundTripWithOptionalThresholds) {
  EXPECT_FALSE((*repo_->FindRules(parks_[0])).has_value());
  land::InefficiencyRules r;
  r.approved_not_supplied_years = 3;
  r.national_min_far = 0.8;
  r.max_undeveloped_share.reset();
  ASSERT_TRUE(repo_->PutRules(parks_[0], r, Admin()).ok());
  ASSERT_TRUE(repo_->PutRules(parks_[0], r, Admin()).ok());  // replaces
  auto back = repo_->FindRules(parks_[0]);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->approved_not_supplied_years, 3);
  EXPECT_DOUBLE_EQ(*(*back)->national_min_far, 0.8);
  EXPECT_FALSE((*back)->max_undeveloped_share.has_value());
  EXPECT_DOUBLE_EQ((*back)->min_developed_share, 1.0 / 3.0);
}

INSTANTIATE_TEST_SUITE_P(Engines, LandRepositoryTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
