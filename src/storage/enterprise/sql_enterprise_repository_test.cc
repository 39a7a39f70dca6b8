// The enterprises repository contract on both engines: registry, reports with revisions,
// approved totals with sub-park roll-up, rules, pools.
#include "storage/enterprise/sql_enterprise_repository.h"

#include <gtest/gtest.h>

#include "common/embedded.h"
#include "domain/enterprise/enterprise_service.h"
#include "domain/enterprise/uscc.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using namespace parkhq::enterprise;

class EnterpriseRepoTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    repo_ = std::make_unique<SqlEnterpriseRepository>(*db_);
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    auto parks = org_->ListParks();
    ASSERT_TRUE(parks.ok());
    for (const auto& p : *parks) (p.parent_id ? subs_ : tops_).push_back(p.id);
    auto table = IndustryTable::ParseCsv(SeedFile("gbt4754.csv"));
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    service_ = std::make_unique<EnterpriseService>(*repo_, *org_, std::move(*table),
                                                   [] { return Date{2024, 1, 5}; });
  }
  Scope Admin() {
    Scope s;
    s.role = Role::kSysadmin;
    s.all_parks = true;
    s.user_id = 1;
    s.username = "admin";
    return s;
  }
  Scope EnterpriseUser(int64_t eid) {
    Scope s;
    s.role = Role::kEnterprise;
    s.user_id = 99;
    s.username = "qiye";
    s.enterprise_id = eid;
    s.park_ids = {tops_[0]};
    return s;
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlEnterpriseRepository> repo_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<EnterpriseService> service_;
  std::vector<int64_t> tops_, subs_;
};

TEST_P(EnterpriseRepoTest, DemoTotalsMatchTheParkTargetsAndSubParksRollUp) {
  auto totals = repo_->ApprovedMonthlyTotals("output", {tops_[0], subs_[0], subs_[1], subs_[2], subs_[3]}, 2023);
  ASSERT_TRUE(totals.ok()) << totals.status().ToString();
  double park = 0, sub_sum = 0;
  for (const auto& m : (*totals)[tops_[0]]) park += m.value_or(0);
  for (size_t i = 0; i < 4; ++i)
    for (const auto& m : (*totals)[subs_[i]]) sub_sum += m.value_or(0);
  // Every demo firm's 2023 output (docs/figures.md §4: the above-scale firms' 2022 output is the
  // plan's base 146729; with growth and the smaller firms the park's 2023 reports add up to ≈ 171400).
  EXPECT_NEAR(park, 171400, 2500);
  EXPECT_NEAR(sub_sum, park, 1e-6);
  auto none = repo_->ApprovedMonthlyTotals("output", {tops_[0]}, 2019);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE((*none)[tops_[0]][0].has_value());
}

TEST_P(EnterpriseRepoTest, CreateRefusesDuplicateUscc) {
  Enterprise e;
  e.park_id = subs_[1];
  e.uscc = "91620824MA9X00001" + std::string(1, *UsccCheckCharacter("91620824MA9X00001"));
  e.name = "测试企业（演示）";
  e.industry_code = "4411";
  auto created = service_->Create(Admin(), e);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->park_id, tops_[0]);
  EXPECT_EQ(created->sub_park_id, subs_[1]);
  EXPECT_EQ(created->leading_group, LeadingGroup::kPower);
  auto dup = service_->Create(Admin(), e);
  EXPECT_TRUE(dup.status().IsConflict());
}

TEST_P(EnterpriseRepoTest, ReportFlowKeepsRevisionsAndLocks) {
  auto page = repo_->List(EnterpriseFilter{{tops_[0]}, {}, "矿山机械", {}, {}, {}, "", 0, 10});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  const int64_t eid = page->items[0].id;
  const Scope me = EnterpriseUser(eid);
  const Period p{2023, 12};  // approved demo report: locked
  EXPECT_TRUE(service_->SaveReport(me, eid, p, {{"output", 1}}, {}).status().IsConflict());
  const Period open{2023, 12};
  (void)open;
  // Unlock as admin, correct, resubmit, approve.
  ASSERT_TRUE(service_->Unlock(Admin(), eid, p, "更正").ok());
  auto v = service_->GetReport(me, eid, p);
  ASSERT_TRUE(v.ok());
  FieldValues values = v->report.values;
  const double old_tax = values["tax"];
  values["tax"] = old_tax + 1;
  auto saved = service_->SaveReport(me, eid, p, values, {});
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  auto submitted = service_->Submit(me, eid, p);
  ASSERT_TRUE(submitted.ok()) << submitted.status().ToString();
  EXPECT_EQ(submitted->report.state, ReportState::kSubmitted);
  EXPECT_EQ(service_->Review(me, eid, p, "approve", "").status().code(), StatusCode::kPermissionDenied);
  auto approved = service_->Review(Admin(), eid, p, "approve", "");
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  auto revs = service_->Revisions(me, eid, p);
  ASSERT_TRUE(revs.ok());
  bool found = false;
  for (const auto& r : *revs) found = found || (r.field == "values.tax" && r.username == "qiye");
  EXPECT_TRUE(found);
  // Another enterprise is refused like a missing one (404: no telling which ids exist).
  EXPECT_EQ(service_->GetReport(EnterpriseUser(eid + 1), eid, p).status().code(), StatusCode::kNotFound);
}

TEST_P(EnterpriseRepoTest, RulesReplaceAndDefaults) {
  auto rules = repo_->ListRules(tops_[0]);
  ASSERT_TRUE(rules.ok());
  EXPECT_FALSE(rules->has_value());
  auto defaults = DefaultValidationRules(DefaultReportFields());
  ASSERT_TRUE(repo_->ReplaceRules(tops_[0], defaults, Admin()).ok());
  auto back = repo_->ListRules(tops_[0]);
  ASSERT_TRUE(back.ok() && back->has_value());
  ASSERT_EQ((*back)->size(), defaults.size());
  EXPECT_EQ((**back)[0].code, defaults[0].code);
  EXPECT_EQ((**back)[0].op, defaults[0].op);
}

TEST_P(EnterpriseRepoTest, ReportingStatusAndPools) {
  auto st = service_->ReportingStatusOf(Admin(), tops_[0], Period{2023, 6});
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->status.expected, st->status.approved);
  EXPECT_EQ(st->status.completeness_pct, 100.0);
  auto c = service_->CultivationOf(Admin(), tops_[0], std::nullopt);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_GE(c->pools.size(), 2u);
  EXPECT_FALSE(c->pools[0].candidates.empty());
  auto z = service_->Zombies(Admin(), tops_[0], std::nullopt, 6);
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->size(), 1u);
}

TEST_P(EnterpriseRepoTest, ParkConfigurationRoundTripsAndFallsBackToDefaults) {
  const int64_t park = tops_[0];
  auto none = repo_->FindReportFields(park);
  ASSERT_TRUE(none.ok() && !*none);
  auto fields = DefaultReportFields();
  fields.push_back({"water", "用水量", "万吨", false, true});
  ASSERT_TRUE(repo_->SaveReportFields(park, fields, Admin()).ok());
  auto got = repo_->FindReportFields(park);
  ASSERT_TRUE(got.ok() && *got);
  ASSERT_EQ((*got)->size(), fields.size());
  EXPECT_EQ((*got)->back().code, "water");
  EXPECT_EQ((*got)->back().name_zh, "用水量");
  EXPECT_TRUE((*got)->back().non_negative);
  ASSERT_TRUE(repo_->SaveReportFields(park, DefaultReportFields(), Admin()).ok());  // upsert
  EXPECT_EQ((*repo_->FindReportFields(park))->size(), DefaultReportFields().size());

  ASSERT_TRUE(repo_->SaveDeadlineDay(park, 17, Admin()).ok());
  EXPECT_EQ(*repo_->DeadlineDay(park), 17);

  PoolsConfig cfg = DefaultPoolsConfig();
  cfg.reserve.min_ttm_revenue = 1234.5;
  cfg.watch.falling_months = 5;
  cfg.flag_pools.pop_back();
  ASSERT_TRUE(repo_->SavePoolsConfig(park, cfg, Admin()).ok());
  auto pc = repo_->FindPoolsConfig(park);
  ASSERT_TRUE(pc.ok() && *pc);
  EXPECT_DOUBLE_EQ((*pc)->reserve.min_ttm_revenue, 1234.5);
  EXPECT_EQ((*pc)->watch.falling_months, 5);
  ASSERT_EQ((*pc)->flag_pools.size(), cfg.flag_pools.size());
  EXPECT_EQ((*pc)->flag_pools[0].any_of_flags, cfg.flag_pools[0].any_of_flags);

  auto rules = LeadingGroupMapping::Default().rules();
  rules.push_back({"3011", LeadingGroup::kPower});
  ASSERT_TRUE(repo_->SaveLeadingGroupRules(park, rules, Admin()).ok());
  auto mr = repo_->FindLeadingGroupRules(park);
  ASSERT_TRUE(mr.ok() && *mr);
  EXPECT_EQ((*mr)->back().code_prefix, "3011");
  EXPECT_EQ((*mr)->back().group, LeadingGroup::kPower);
  // The service uses the park's mapping for a sub-park's new enterprise.
  Enterprise e;
  e.uscc = std::string("91620824MA9TCFG01") + UsccCheckCharacter("91620824MA9TCFG01").value_or('0');
  e.name = "配置测试（演示）";
  e.park_id = subs_[0];
  e.industry_code = "3011";
  auto created = service_->Create(Admin(), e);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->leading_group, LeadingGroup::kPower);
}

TEST_P(EnterpriseRepoTest, DisposalUpdateIsStored) {
  DisposalRecord d;
  d.park_id = tops_[0];
  EnterpriseFilter f;
  f.park_ids = {tops_[0]};
  f.limit = 1;
  auto list = repo_->List(f);
  ASSERT_TRUE(list.ok() && !list->items.empty());
  d.enterprise_id = list->items[0].id;
  d.disposal.measure = "兼并重组";
  d.disposal.responsible_unit = "工信局";
  d.disposal.due = Date{2024, 6, 30};
  auto id = repo_->AddDisposal(d, Admin());
  ASSERT_TRUE(id.ok());
  d.id = *id;
  d.disposal.status = DisposalStatus::kDone;
  d.disposal.completed_on = Date{2024, 5, 1};
  ASSERT_TRUE(repo_->UpdateDisposal(d, Admin()).ok());
  auto got = repo_->FindDisposal(*id);
  ASSERT_TRUE(got.ok() && *got);
  EXPECT_EQ((*got)->disposal.status, DisposalStatus::kDone);
  EXPECT_EQ((*got)->disposal.completed_on, (Date{2024, 5, 1}));
}

INSTANTIATE_TEST_SUITE_P(Engines, EnterpriseRepoTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
