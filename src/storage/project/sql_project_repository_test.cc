// The project repositories on both engines: round trip of a project with plans and monthly
// reports, stage changes with the log and audit, rates through the service, the funds target,
// monthly completed investment per park, and signing a lead.
#include <gtest/gtest.h>

#include "domain/project/crm_service.h"
#include "domain/project/project_service.h"
#include "storage/project/sql_crm_repository.h"
#include "storage/project/sql_project_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using project::ProjectRecord;
using project::Stage;

Date D(const char* s) { return *Date::Parse(s); }

class ProjectRepoTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    repo_ = std::make_unique<SqlProjectRepository>(*db_);
    svc_ = std::make_unique<project::ProjectService>(*repo_, *org_);
    auto parks = org_->ListParks();
    ASSERT_TRUE(parks.ok());
    for (const auto& p : *parks)
      if (!p.parent_id && p.name == "华亭工业园区") park_ = p.id;  // the demo's comparison parks have no projects
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
  ProjectRecord NewProject(const char* name) {
    ProjectRecord p;
    p.core.park_id = park_;
    p.core.name = name;
    p.core.total_investment = 10000;
    p.core.contracted_investment = 8000;
    p.core.planned[Stage::kSigned] = D("2023-01-10");
    p.core.planned[Stage::kStarted] = D("2023-04-15");
    p.core.annual_plans.push_back({2023, 1200});
    return p;
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<SqlProjectRepository> repo_;
  std::unique_ptr<project::ProjectService> svc_;
  int64_t park_ = 0;
};

TEST_P(ProjectRepoTest, CreateReadsBackWithPlansAndDefaultReserveDate) {
  auto p = svc_->Create(Admin(), NewProject("往返项目"));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->core.stage, Stage::kReserve);
  EXPECT_EQ(p->core.actual[Stage::kReserve], D("2023-01-01"));  // 1 January of the earliest plan year
  ASSERT_EQ(p->core.annual_plans.size(), 1u);
  EXPECT_DOUBLE_EQ(p->core.annual_plans[0].planned_investment, 1200);
  EXPECT_EQ(p->core.planned[Stage::kStarted], D("2023-04-15"));
}

TEST_P(ProjectRepoTest, StageChangeInvestmentAndRates) {
  auto p = svc_->Create(Admin(), NewProject("比率项目"));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  project::StageChangeRequest r;
  r.to = Stage::kStarted;
  r.date = D("2023-04-10");
  auto moved = svc_->ChangeStage(Admin(), p->core.id, r);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->core.stage, Stage::kStarted);
  EXPECT_EQ(moved->core.actual[Stage::kLanded], D("2023-04-10"));
  project::MonthlyInvestment m;
  m.period = {2023, 4};
  m.completed = 600;
  m.funds_in_place = 100;
  ASSERT_TRUE(svc_->ReportInvestment(Admin(), p->core.id, m).ok());
  m.completed = 300;  // replaces April
  ASSERT_TRUE(svc_->ReportInvestment(Admin(), p->core.id, m).ok());
  auto log = svc_->StageLog(Admin(), p->core.id);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[1].change_type, "forward");
  EXPECT_EQ((*log)[1].username, "admin");

  auto monthly = repo_->MonthlyCompletedInvestment({park_}, 2023);
  ASSERT_TRUE(monthly.ok());
  ASSERT_TRUE((*monthly)[park_][3].has_value());
  EXPECT_GE(*(*monthly)[park_][3], 300);  // the demo projects report April too

  {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE((*c)->Exec("INSERT INTO targets(park_id, year, indicator_code, target, updated_at) VALUES "
                           "(?, 2023, 'funds_in_place', 60000, '2023-01-01')",
                           {park_})
                    .ok());
  }
  auto rates = svc_->Rates(Admin(), park_, D("2023-06-30"));
  ASSERT_TRUE(rates.ok()) << rates.status().ToString();
  const auto& start = rates->rates[1];
  EXPECT_EQ(start.code, project::RateCode::kStart);
  EXPECT_NE(std::find(start.numerator_ids.begin(), start.numerator_ids.end(), p->core.id), start.numerator_ids.end());
  auto target = repo_->FundsInPlaceTarget({park_}, 2023);
  ASSERT_TRUE(target.ok());
  ASSERT_TRUE(target->has_value());
  EXPECT_DOUBLE_EQ(**target, 60000);
  EXPECT_DOUBLE_EQ(rates->rates[7].denominator, 60000);
  ASSERT_TRUE(rates->rates[7].value_pct.has_value());
  EXPECT_NEAR(*rates->rates[7].value_pct, rates->rates[7].numerator / 600, 1e-9);
}

TEST_P(ProjectRepoTest, RefusedTransitionWritesNothing) {
  auto p = svc_->Create(Admin(), NewProject("拒绝项目"));
  ASSERT_TRUE(p.ok());
  project::StageChangeRequest r;
  r.to = Stage::kProduction;
  r.date = D("2023-05-01");
  Scope dept;
  dept.role = Role::kDepartment;
  dept.park_ids = {park_};
  EXPECT_EQ(svc_->ChangeStage(dept, p->core.id, r).status().code(), StatusCode::kPermissionDenied);
  auto again = svc_->Get(Admin(), p->core.id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->core.stage, Stage::kReserve);
  Scope other;
  other.role = Role::kParkAdmin;
  other.park_ids = {park_ + 999};
  EXPECT_TRUE(svc_->Get(other, p->core.id).status().IsNotFound());
}

TEST_P(ProjectRepoTest, SigningALeadCreatesAProject) {
  SqlCrmRepository crm_repo(*db_);
  project::CrmService crm(crm_repo, *org_);
  project::Investor inv;
  inv.park_id = park_;
  inv.name = "测试客商";
  auto saved = crm.SaveInvestor(Admin(), inv);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  project::Lead l;
  l.investor_id = saved->id;
  l.title = "签约测试项目";
  l.planned_investment = 5000;
  auto lead = crm.SaveLead(Admin(), l);
  ASSERT_TRUE(lead.ok()) << lead.status().ToString();
  EXPECT_TRUE(crm.MoveLead(Admin(), lead->id, project::LeadStage::kSigned, D("2023-03-01"), "").ok());
  auto signed_lead = crm.GetLead(Admin(), lead->id);
  ASSERT_TRUE(signed_lead.ok());
  ASSERT_TRUE(signed_lead->project_id.has_value());
  auto p = svc_->Get(Admin(), *signed_lead->project_id);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->core.stage, Stage::kSigned);
  EXPECT_EQ(p->core.name, "签约测试项目");
  EXPECT_EQ(p->lead_id, lead->id);
  // Signed is final.
  EXPECT_TRUE(crm.MoveLead(Admin(), lead->id, project::LeadStage::kAbandoned, D("2023-03-02"), "x")
                  .status()
                  .IsConflict());
}

TEST_P(ProjectRepoTest, ChainMapShowsGapsAndMembers) {
  SqlCrmRepository crm_repo(*db_);
  project::CrmService crm(crm_repo, *org_);
  auto chains = crm.ChainMap(Admin(), park_);
  ASSERT_TRUE(chains.ok()) << chains.status().ToString();
  ASSERT_EQ(chains->size(), 7u);
  EXPECT_EQ((*chains)[0].chain.name, "煤制甲醇—烯烃—化工新材料");
  int gaps = 0, with_projects = 0;
  for (const auto& c : *chains)
    for (const auto& l : c.links) {
      gaps += l.gap;
      with_projects += !l.projects.empty();
    }
  EXPECT_GT(gaps, 0);
  EXPECT_GT(with_projects, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ProjectRepoTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
