// The park's policy configuration on both engines: nothing stored → nullopt; save → the same
// values back (null rate, Chinese text), audited with before and after in the same transaction;
// delete → back to nothing, audited once; a sub-park's top park; and the service applying the
// park's list and surcharge schedule to the policy list of a run.
#include <gtest/gtest.h>

#include "domain/evaluation/evaluation_service.h"
#include "storage/evaluation/sql_evaluation_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using namespace parkhq::evaluation;  // NOLINT

class EvaluationPoliciesRepoTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    auto r = (*c)->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id");
    ASSERT_TRUE(r.ok() && r->has_value());
    park_ = (*r)->Int(0);
    auto sub = (*c)->QueryOne("SELECT id FROM parks WHERE parent_id = ? ORDER BY id", {park_});
    ASSERT_TRUE(sub.ok() && sub->has_value()) << "the demo seed has sub-parks";
    sub_park_ = (*sub)->Int(0);
  }
  static Scope Admin() {
    Scope s;
    s.role = Role::kSysadmin;
    s.all_parks = true;
    s.user_id = 1;
    s.username = "admin";
    s.ip = "127.0.0.1";
    return s;
  }
  int64_t AuditRows(const char* action) {
    auto c = db_->Acquire();
    EXPECT_TRUE(c.ok());
    auto n = (*c)->QueryOne("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting' AND entity_id = "
                            "'evaluation.policies' AND park_id = ? AND action = ?",
                            {park_, std::string(action)});
    EXPECT_TRUE(n.ok() && n->has_value());
    return (*n)->Int(0);
  }
  static PolicyConfig Custom() {
    PolicyConfig c;
    c.items = {{"B", "land", "优先保障用地（测试）", std::nullopt, ""},
               {"D", "water", "超定额累进加价（测试）", 1.5, "元/吨"}};
    c.surcharge.yuan_per_kwh = {0.1, 0.2, 0.3, 0.4};
    return c;
  }
  std::unique_ptr<Database> db_;
  int64_t park_ = 0;
  int64_t sub_park_ = 0;
};

TEST_P(EvaluationPoliciesRepoTest, SaveLoadDeleteAudited) {
  SqlEvaluationRepository repo(*db_);
  auto none = repo.GetPolicyConfig(park_);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(repo.SavePolicyConfig(park_, Custom(), Admin()).ok());
  auto got = repo.GetPolicyConfig(park_);
  ASSERT_TRUE(got.ok() && got->has_value());
  const PolicyConfig& c = **got;
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].cls, "B");
  EXPECT_EQ(c.items[0].measure, "优先保障用地（测试）");
  EXPECT_FALSE(c.items[0].rate.has_value());
  EXPECT_EQ(c.items[1].resource, "water");
  EXPECT_EQ(c.items[1].rate, 1.5);
  EXPECT_EQ(c.items[1].unit, "元/吨");
  EXPECT_EQ(c.surcharge.yuan_per_kwh, (std::vector<double>{0.1, 0.2, 0.3, 0.4}));
  EXPECT_EQ(AuditRows("update"), 1);

  // A second save replaces the first; its audit row carries the first as "before".
  PolicyConfig second = Custom();
  second.items.pop_back();
  ASSERT_TRUE(repo.SavePolicyConfig(park_, second, Admin()).ok());
  EXPECT_EQ((*repo.GetPolicyConfig(park_))->items.size(), 1u);
  {
    auto conn = db_->Acquire();
    ASSERT_TRUE(conn.ok());
    auto row = (*conn)->QueryOne("SELECT before_json, after_json FROM audit_log WHERE entity_id = "
                                 "'evaluation.policies' AND action = 'update' ORDER BY id DESC");
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_NE((*row)->Text(0).find("超定额累进加价"), std::string::npos);
    EXPECT_EQ((*row)->Text(1).find("超定额累进加价"), std::string::npos);
  }
  // Another park is untouched.
  auto other = repo.GetPolicyConfig(sub_park_);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());

  ASSERT_TRUE(repo.DeletePolicyConfig(park_, Admin()).ok());
  EXPECT_FALSE(repo.GetPolicyConfig(park_)->has_value());
  EXPECT_EQ(AuditRows("delete"), 1);
  ASSERT_TRUE(repo.DeletePolicyConfig(park_, Admin()).ok());  // nothing stored: no change, no row
  EXPECT_EQ(AuditRows("delete"), 1);
}

TEST_P(EvaluationPoliciesRepoTest, TopParkOfASubPark) {
  SqlEvaluationRepository repo(*db_);
  EXPECT_EQ(*repo.TopPark(park_), park_);
  EXPECT_EQ(*repo.TopPark(sub_park_), park_);
  EXPECT_FALSE(repo.TopPark(987654)->has_value());
}

TEST_P(EvaluationPoliciesRepoTest, ServiceAppliesTheParkConfiguration) {
  SqlEvaluationRepository repo(*db_);
  EvaluationService svc(repo);
  // Two firms, 规上, one indicator: firm 1 is B (rank 1 of 2 = 50%), firm 2 D in 2061 and 2062.
  Scheme s;
  GroupSpec g;
  g.code = "above_scale";
  g.indicators = {{"tax_per_mu", 100, 10.0, 2.0, std::nullopt}};
  g.classes.bounds = {20, 60, 95};
  s.groups = {g};
  for (int year : {2061, 2062}) {
    ASSERT_TRUE(svc.PutScheme(Admin(), park_, year, s).ok());
    InputRecord a, b;
    a.input.enterprise_id = 1;
    a.input.land_mu = 10;
    a.input.tax = 100;
    b.input.enterprise_id = 2;
    b.input.land_mu = 10;
    b.input.tax = 1;
    b.input.electricity_kwh = 1'000'000;
    ASSERT_TRUE(svc.PutInputs(Admin(), park_, year, {a, b}).ok());
    ASSERT_TRUE(svc.Run(Admin(), park_, year).ok());
  }
  auto dflt = svc.Policies(Admin(), park_, 2062);
  ASSERT_TRUE(dflt.ok()) << dflt.status().ToString();
  EXPECT_TRUE(dflt->config.is_default);
  const PolicyRow& d0 = dflt->rows.back();
  ASSERT_EQ(d0.enterprise_id, 2);
  ASSERT_EQ(d0.cls, EvalClass::kD);
  EXPECT_EQ(d0.years_in_d, 2);
  EXPECT_EQ(d0.surcharge_rate, 0.10);  // the default schedule's second year

  ASSERT_TRUE(svc.PutPolicyConfig(Admin(), park_, Custom()).ok());
  auto mine = svc.Policies(Admin(), park_, 2062);
  ASSERT_TRUE(mine.ok());
  EXPECT_FALSE(mine->config.is_default);
  const PolicyRow& d = mine->rows.back();
  EXPECT_EQ(d.surcharge_rate, 0.2);  // the park's second year
  EXPECT_DOUBLE_EQ(*d.surcharge_amount, 0.2 * 1'000'000 / 10000);
  ASSERT_EQ(d.measures.size(), 1u);  // only the park's D item
  EXPECT_EQ(d.measures[0].measure, "超定额累进加价（测试）");
  EXPECT_EQ(mine->rows.front().measures.at(0).measure, "优先保障用地（测试）");

  // A sub-park reads its park's configuration; the park's admin may change it through the sub-park.
  auto sub = svc.GetPolicyConfig(Admin(), sub_park_);
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->config_park_id, park_);
  EXPECT_FALSE(sub->is_default);
  EXPECT_EQ(sub->config.surcharge.yuan_per_kwh.size(), 4u);

  // Refusals and validation.
  Scope dept;
  dept.role = Role::kDepartment;
  dept.park_ids = {park_};
  EXPECT_TRUE(svc.PutPolicyConfig(dept, park_, Custom()).status().code() == StatusCode::kPermissionDenied);
  Scope other_admin;
  other_admin.role = Role::kParkAdmin;
  other_admin.park_ids = {987654};
  EXPECT_TRUE(svc.PutPolicyConfig(other_admin, park_, Custom()).status().IsNotFound());
  Scope sub_admin;  // an admin of the sub-park only may not change its park's settings
  sub_admin.role = Role::kParkAdmin;
  sub_admin.park_ids = {sub_park_};
  EXPECT_TRUE(svc.PutPolicyConfig(sub_admin, sub_park_, Custom()).status().code() == StatusCode::kPermissionDenied);
  EXPECT_TRUE(svc.GetPolicyConfig(sub_admin, sub_park_).ok());
  PolicyConfig bad = Custom();
  bad.surcharge.yuan_per_kwh = {0.3, 0.1};
  auto st = svc.PutPolicyConfig(Admin(), park_, bad).status();
  ASSERT_TRUE(st.IsValidation());
  EXPECT_EQ(st.details().at(0).field, "surcharge.yuan_per_kwh[1]");

  auto reset = svc.ResetPolicyConfig(Admin(), sub_park_);
  ASSERT_TRUE(reset.ok());
  EXPECT_TRUE(reset->is_default);
  EXPECT_FALSE(repo.GetPolicyConfig(park_)->has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, EvaluationPoliciesRepoTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
