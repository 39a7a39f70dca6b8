// Enterprises on chain links on both engines: the demo placements reach the chain map, attach and
// detach write their audit rows, an enterprise closes a 补链 gap, and the refusals (enterprise of
// another park 422, duplicate 409, leader/department 403, link of another park 404).
#include <gtest/gtest.h>

#include "domain/project/crm_service.h"
#include "storage/project/sql_chain_enterprise_repository.h"
#include "storage/project/sql_crm_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class ChainEnterpriseRepoTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    crm_repo_ = std::make_unique<SqlCrmRepository>(*db_);
    ents_ = std::make_unique<SqlChainEnterpriseRepository>(*db_);
    svc_ = std::make_unique<project::CrmService>(*crm_repo_, *org_);
    svc_->SetChainEnterprises(ents_.get());
    auto parks = org_->ListParks();
    ASSERT_TRUE(parks.ok());
    for (const auto& p : *parks)
      if (!p.parent_id && !park_) park_ = p.id;
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
  Scope ParkUser(Role role) {
    Scope s = Admin();
    s.role = role;
    s.all_parks = false;
    s.park_ids = {park_};
    s.read_only = role == Role::kLeader;
    return s;
  }
  int64_t Count(const char* sql, const std::vector<Value>& params) {
    auto c = db_->Acquire();
    EXPECT_TRUE(c.ok());
    auto r = (*c)->QueryOne(sql, params);
    EXPECT_TRUE(r.ok());
    return r.ok() && *r ? (*r)->Int(0) : -1;
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<SqlCrmRepository> crm_repo_;
  std::unique_ptr<SqlChainEnterpriseRepository> ents_;
  std::unique_ptr<project::CrmService> svc_;
  int64_t park_ = 0;
};

TEST_P(ChainEnterpriseRepoTest, AttachDetachGapAndRefusals) {
  const Scope admin = Admin();
  // A fresh link on the first chain: a gap.
  auto chains = svc_->ChainMap(admin, park_);
  ASSERT_TRUE(chains.ok()) << chains.status().message();
  ASSERT_FALSE(chains->empty());
  project::ChainLink nl;
  nl.chain_id = chains->front().chain.id;
  nl.name = "测试环节";
  auto link = svc_->SaveLink(admin, nl);
  ASSERT_TRUE(link.ok()) << link.status().message();
  auto gap_of = [&](int64_t id) {
    auto m = svc_->ChainMap(admin, park_);
    EXPECT_TRUE(m.ok());
    for (const auto& c : *m)
      for (const auto& l : c.links)
        if (l.link.id == id) return std::make_pair(l.gap, l.enterprises.size());
    return std::make_pair(false, size_t{99});
  };
  EXPECT_EQ(gap_of(link->id), std::make_pair(true, size_t{0}));

  // An enterprise of the park (inserted directly; the registry is another module's table).
  int64_t ent = 0, other_park = 0, foreign = 0;
  {
  auto conn = db_->Acquire();
  ASSERT_TRUE(conn.ok());
  const std::string now = "2023-06-01T00:00:00Z";
  auto ent_id = (*conn)->InsertId("INSERT INTO enterprises(park_id, uscc, name, industry_code, leading_group, status, "
                               "created_at, updated_at) VALUES (?, 'TESTUSCC0000000001', '链上测试企业', '2614', "
                               "'coal_chemical', 'operating', ?, ?) RETURNING id",
                               {park_, now, now});
  ASSERT_TRUE(ent_id.ok()) << ent_id.status().message();
  ent = *ent_id;
  auto other_id = (*conn)->InsertId("INSERT INTO parks(region_id, name, is_demo, sort, created_at) SELECT "
                                      "region_id, '他园区（测试）', 0, 9, ? FROM parks WHERE id = ? RETURNING id",
                                      {now, park_});
  ASSERT_TRUE(other_id.ok()) << other_id.status().message();
  other_park = *other_id;
  auto foreign_id = (*conn)->InsertId("INSERT INTO enterprises(park_id, uscc, name, industry_code, leading_group, "
                                   "created_at, updated_at) VALUES (?, 'TESTUSCC0000000002', '他园企业', '2614', "
                                   "'coal_chemical', ?, ?) RETURNING id",
                                   {other_park, now, now});
  ASSERT_TRUE(foreign_id.ok()) << foreign_id.status().message();
  foreign = *foreign_id;
  }

  project::LinkEnterprise e;
  e.park_id = park_;
  e.link_id = link->id;
  e.enterprise_id = ent;
  e.role = "龙头";
  auto saved = svc_->AttachEnterprise(admin, e);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_EQ(saved->name, "链上测试企业");
  EXPECT_EQ(svc_->AttachEnterprise(admin, e).status().code(), StatusCode::kConflict);
  EXPECT_EQ(gap_of(link->id), std::make_pair(false, size_t{1}));
  auto list = svc_->LinkEnterprises(ParkUser(Role::kLeader), park_, link->id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].role, "龙头");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'chain_link_enterprise' AND action = 'create' AND "
                  "entity_id = ?",
                  {std::to_string(link->id) + ":" + std::to_string(ent)}),
            1);

  // Refusals.
  auto bad = e;
  bad.enterprise_id = foreign;
  EXPECT_EQ(svc_->AttachEnterprise(admin, bad).status().code(), StatusCode::kValidation);
  bad.enterprise_id = 0;
  EXPECT_EQ(svc_->AttachEnterprise(admin, bad).status().code(), StatusCode::kValidation);
  EXPECT_EQ(svc_->AttachEnterprise(ParkUser(Role::kLeader), e).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(svc_->DetachEnterprise(ParkUser(Role::kDepartment), park_, link->id, ent).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(svc_->LinkEnterprises(admin, other_park, link->id).status().code(), StatusCode::kNotFound);
  Scope pa = ParkUser(Role::kParkAdmin);
  EXPECT_EQ(svc_->LinkEnterprises(pa, other_park, link->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(svc_->DeleteLink(admin, link->id).code(), StatusCode::kConflict);

  // Detach by the park admin.
  EXPECT_TRUE(svc_->DetachEnterprise(pa, park_, link->id, ent).ok());
  EXPECT_EQ(svc_->DetachEnterprise(pa, park_, link->id, ent).code(), StatusCode::kNotFound);
  EXPECT_EQ(gap_of(link->id), std::make_pair(true, size_t{0}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'chain_link_enterprise' AND action = 'delete'", {}), 1);
  EXPECT_TRUE(svc_->DeleteLink(admin, link->id).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, ChainEnterpriseRepoTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
