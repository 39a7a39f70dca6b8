// SqlEvaluationRepository on both engines: scheme, inputs with sources, run and results round
// trips, publication, class history and an upheld appeal changing a class, all audited.
#include "storage/evaluation/sql_evaluation_repository.h"

#include <gtest/gtest.h>

#include "domain/evaluation/evaluation_service.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using namespace parkhq::evaluation;  // NOLINT

class EvaluationRepoTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    auto r = (*c)->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id");
    ASSERT_TRUE(r.ok() && r->has_value());
    park_ = (*r)->Int(0);
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
  static InputRecord Input(int64_t id, double land, double tax, std::optional<double> va) {
    InputRecord r;
    r.input.enterprise_id = id;
    r.input.land_mu = land;
    r.input.tax = tax;
    r.input.value_added = va;
    r.enterprise_name = "企业" + std::to_string(id);
    r.sources = {{"tax", "tax_bureau"}, {"land_mu", "natural_resources"}};
    return r;
  }
  std::unique_ptr<Database> db_;
  int64_t park_ = 0;
};

TEST_P(EvaluationRepoTest, RunPublishAppealRoundTrip) {
  SqlEvaluationRepository repo(*db_);
  EvaluationService svc(repo);
  Scheme s;
  GroupSpec g;
  g.code = "above_scale";
  g.indicators = {{"tax_per_mu", 60, 10.0, 2.0, 90.0}, {"value_added_per_mu", 40, 20.0, 2.0, std::nullopt}};
  s.groups = {g};
  ASSERT_TRUE(svc.PutScheme(Admin(), park_, 2050, s).ok());
  auto saved = repo.GetScheme(park_, 2050);
  ASSERT_TRUE(saved.ok() && saved->has_value());
  EXPECT_EQ((*saved)->groups[0].indicators[0].cap, 90.0);
  EXPECT_FALSE((*saved)->groups[0].indicators[1].cap.has_value());

  auto put = svc.PutInputs(Admin(), park_, 2050,
                           {Input(1, 10, 100, 400), Input(2, 10, 200, 200), Input(3, 20, 100, 400),
                            Input(4, 10, 50, 200), Input(5, 10, 10, std::nullopt)});
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  auto loaded = repo.LoadInputs(park_, 2050, int64_t{5});
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_FALSE((*loaded)[0].input.value_added.has_value());
  EXPECT_EQ((*loaded)[0].sources.at("tax"), "tax_bureau");

  auto run = svc.Run(Admin(), park_, 2050);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->items.size(), 5u);
  EXPECT_EQ(run->items[0].r.enterprise_id, 1);  // ordered by rank
  EXPECT_DOUBLE_EQ(run->items[0].r.score, 140);
  EXPECT_EQ(run->items[0].r.cls, EvalClass::kA);
  EXPECT_EQ(*run->items[0].r.IndicatorScore(IndicatorCode::kTaxPerMu), 60);
  const auto& last = run->items.back();
  EXPECT_EQ(last.r.enterprise_id, 5);
  EXPECT_EQ(last.r.cls, EvalClass::kD);
  EXPECT_TRUE(last.r.IsImputed(IndicatorCode::kValueAddedPerMu));
  EXPECT_EQ(last.enterprise_name, "企业5");

  ASSERT_TRUE(svc.Publish(Admin(), park_, 2050, 7).ok());
  Scope ent;
  ent.role = Role::kEnterprise;
  ent.enterprise_id = 5;
  ent.park_ids = {park_};
  ent.user_id = 99;
  auto appeal = svc.CreateAppeal(ent, park_, 2050, 5, "数据有误");
  ASSERT_TRUE(appeal.ok()) << appeal.status().ToString();
  auto decided = svc.DecideAppeal(Admin(), park_, appeal->id, "upheld", std::string("C"), "核实后调整");
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  auto mine = svc.Results(ent, park_, 2050);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0].r.cls, EvalClass::kC);
  EXPECT_TRUE(mine->items[0].appeal_changed);

  auto history = repo.ClassHistory(park_, 2050);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ((*history)[5].back(), std::make_pair(2050, EvalClass::kC));

  auto c = db_->Acquire();
  ASSERT_TRUE(c.ok());
  auto n = (*c)->QueryOne("SELECT COUNT(*) FROM audit_log WHERE entity LIKE 'eval_%' AND park_id = ?", {park_});
  ASSERT_TRUE(n.ok() && n->has_value());
  EXPECT_GE((*n)->Int(0), 10);  // scheme, 5 inputs, run, publish, appeal, decision, result
}

INSTANTIATE_TEST_SUITE_P(Engines, EvaluationRepoTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
