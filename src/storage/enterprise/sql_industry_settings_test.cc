// The zombie-months setting and the imported GB/T 4754 table, on both engines, through the
// repository and the service (audit rows, refusal of a table that drops a code in use, restart).
#include <gtest/gtest.h>

#include <set>

#include "common/embedded.h"
#include "domain/enterprise/enterprise_service.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using namespace parkhq::enterprise;

class IndustrySettingsTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    repo_ = std::make_unique<SqlEnterpriseRepository>(*db_);
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    auto parks = org_->ListParks();
    ASSERT_TRUE(parks.ok());
    for (const auto& p : *parks) (p.parent_id ? subs_ : tops_).push_back(p.id);
    for (const auto& p : *parks)
      if (p.parent_id == tops_[0]) own_subs_.push_back(p.id);
    ASSERT_FALSE(own_subs_.empty());
    service_ = NewService();
  }
  std::unique_ptr<EnterpriseService> NewService() {
    auto table = IndustryTable::ParseCsv(SeedFile("gbt4754.csv"));
    EXPECT_TRUE(table.ok()) << table.status().ToString();
    return std::make_unique<EnterpriseService>(*repo_, *org_, std::move(*table), [] { return Date{2024, 1, 5}; });
  }
  static Scope Sysadmin() {
    Scope s;
    s.role = Role::kSysadmin;
    s.all_parks = true;
    s.user_id = 1;
    s.username = "admin";
    return s;
  }
  Scope ParkAdmin() const {
    Scope s;
    s.role = Role::kParkAdmin;
    s.user_id = 2;
    s.username = "parkadmin";
    s.park_ids = {tops_[0]};  // with its sub-parks, as sign-in builds it
    s.park_ids.insert(s.park_ids.end(), own_subs_.begin(), own_subs_.end());
    return s;
  }
  // The embedded table as upload rows (header = row 1), minus the codes in `drop`, plus `extra`.
  static std::vector<IndustryInputRow> EmbeddedRows(const std::set<std::string>& drop,
                                                    const std::vector<std::vector<std::string>>& extra = {}) {
    auto t = IndustryTable::ParseCsv(SeedFile("gbt4754.csv"));
    std::vector<IndustryInputRow> rows = {{1, {"code", "level", "name", "parent"}}};
    for (const auto& r : t->rows())
      if (!drop.count(r.code))
        rows.push_back({static_cast<int>(rows.size() + 1), {r.code, IndustryLevelName(r.level), r.name, r.parent}});
    for (const auto& e : extra) rows.push_back({static_cast<int>(rows.size() + 1), e});
    return rows;
  }
  int64_t AuditRows(const std::string& entity, const std::string& entity_id) {
    auto c = db_->Acquire();
    auto row = (*c)->QueryOne("SELECT COUNT(*) FROM audit_log WHERE entity = ? AND entity_id = ?", {entity, entity_id});
    return row.ok() && *row ? (*row)->Int(0) : -1;
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlEnterpriseRepository> repo_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<EnterpriseService> service_;
  std::vector<int64_t> tops_, subs_, own_subs_;
};

TEST_P(IndustrySettingsTest, ZombieMonthsAreStoredPerParkAndAudited) {
  auto none = repo_->FindZombieMonths(tops_[0]);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);
  EXPECT_EQ(service_->ZombieMonthsOf(ParkAdmin(), own_subs_[0]).value(), 6);  // the default

  ASSERT_TRUE(service_->SetZombieMonths(ParkAdmin(), own_subs_[0], 9).ok());  // a sub-park sets its park's
  EXPECT_EQ(repo_->FindZombieMonths(tops_[0]).value(), std::optional<int>(9));
  EXPECT_EQ(service_->ZombieMonthsOf(ParkAdmin(), tops_[0]).value(), 9);
  EXPECT_EQ(AuditRows("setting", "enterprise.zombie_months"), 1);

  for (int bad : {0, 61, -3}) {
    Status st = service_->SetZombieMonths(ParkAdmin(), tops_[0], bad);
    ASSERT_TRUE(st.IsValidation()) << bad;
    EXPECT_EQ(st.details()[0].field, "months");
  }
  Scope leader = ParkAdmin();
  leader.role = Role::kLeader;
  leader.read_only = true;
  EXPECT_EQ(service_->SetZombieMonths(leader, tops_[0], 7).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->ZombieMonthsOf(leader, tops_[0]).value(), 9);  // leaders read
  if (tops_.size() > 1) {
    EXPECT_EQ(service_->SetZombieMonths(ParkAdmin(), tops_[1], 7).code(), StatusCode::kNotFound);
  }
  EXPECT_EQ(repo_->FindZombieMonths(tops_[0]).value(), std::optional<int>(9));  // refusals wrote nothing
}

TEST_P(IndustrySettingsTest, ImportedTableIsStoredUsedAndSurvivesARestart) {
  auto in_use = repo_->IndustryCodesInUse();
  ASSERT_TRUE(in_use.ok());
  ASSERT_FALSE(in_use->empty()) << "the demo enterprises use industry codes";
  const std::string used = in_use->begin()->first;

  // Dropping a code enterprises use is refused, naming the code and a firm; nothing is stored.
  auto refused = service_->ImportIndustryTable(Sysadmin(), EmbeddedRows({used}));
  ASSERT_TRUE(refused.status().IsValidation()) << refused.status().ToString();
  EXPECT_EQ(refused.status().details()[0].field, "rows");
  EXPECT_NE(refused.status().details()[0].message.find(used), std::string::npos);
  EXPECT_NE(refused.status().details()[0].message.find(in_use->begin()->second[0]), std::string::npos);
  EXPECT_FALSE(repo_->FindIndustryTable().value());

  // Only a sysadmin may import.
  EXPECT_EQ(service_->ImportIndustryTable(ParkAdmin(), EmbeddedRows({})).status().code(),
            StatusCode::kPermissionDenied);

  // A valid replacement: one class added, one unused class removed.
  std::string unused;
  for (const auto& r : service_->industries()->rows())
    if (r.level == IndustryLevel::kClass && !in_use->count(r.code)) unused = r.code;
  auto diff = service_->ImportIndustryTable(Sysadmin(), EmbeddedRows({unused}, {{"2520", "class", "其他煤炭加工（测试）", "252"}}));
  ASSERT_TRUE(diff.ok()) << diff.status().ToString();
  EXPECT_EQ(diff->added, std::vector<std::string>{"2520"});
  EXPECT_EQ(diff->removed, std::vector<std::string>{unused});
  EXPECT_TRUE(service_->industries_imported());
  ASSERT_NE(service_->industries()->Find("2520"), nullptr);
  EXPECT_EQ(service_->industries()->Find(unused), nullptr);
  EXPECT_EQ(AuditRows("industry_table", "gbt4754"), 1);
  ASSERT_TRUE(repo_->FindIndustryTable().value());

  // A restarted server loads the stored table.
  auto restarted = NewService();
  EXPECT_EQ(restarted->industries()->Find("2520"), nullptr);
  ASSERT_TRUE(restarted->LoadStoredIndustries().ok());
  EXPECT_TRUE(restarted->industries_imported());
  ASSERT_NE(restarted->industries()->Find("2520"), nullptr);
  EXPECT_EQ(restarted->industries()->Find("2520")->name, "其他煤炭加工（测试）");

  // Back to the embedded table: stored row removed, audited.
  auto reset = restarted->ResetIndustryTable(Sysadmin());
  ASSERT_TRUE(reset.ok()) << reset.status().ToString();
  EXPECT_EQ(reset->removed, std::vector<std::string>{"2520"});
  EXPECT_FALSE(restarted->industries_imported());
  EXPECT_FALSE(repo_->FindIndustryTable().value());
  EXPECT_EQ(AuditRows("industry_table", "gbt4754"), 2);
}

TEST_P(IndustrySettingsTest, IndustryMappingFollowsTheParkAndChecksScope) {
  auto rules = LeadingGroupMapping::Default().rules();
  rules.push_back({"2922", LeadingGroup::kBuildingMaterials});
  ASSERT_TRUE(service_->SetLeadingGroupRules(ParkAdmin(), tops_[0], rules).ok());
  EXPECT_EQ(service_->IndustryMappingFor(Sysadmin(), tops_[0])->Classify("2922"), LeadingGroup::kBuildingMaterials);
  EXPECT_EQ(service_->IndustryMappingFor(Sysadmin(), std::nullopt)->Classify("2922"), LeadingGroup::kOther);
  // A caller scoped to one park gets that park's mapping without asking.
  EXPECT_EQ(service_->IndustryMappingFor(ParkAdmin(), std::nullopt)->Classify("2922"),
            LeadingGroup::kBuildingMaterials);
  if (tops_.size() > 1) {
    EXPECT_EQ(service_->IndustryMappingFor(ParkAdmin(), tops_[1]).status().code(), StatusCode::kNotFound);
  }
  EXPECT_EQ(service_->IndustryMappingFor(ParkAdmin(), 999999).status().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, IndustrySettingsTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
