// SqlPlatformFiguresRepository on both engines: approved reports summed per enterprise (drafts and
// other years ignored), land from held parcels; the service keeps imported values and skips
// enterprises without land.
#include "storage/evaluation/sql_platform_figures_repository.h"

#include <gtest/gtest.h>

#include "domain/evaluation/evaluation_service.h"
#include "storage/enterprise/report_values_json.h"
#include "storage/evaluation/sql_evaluation_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

using namespace parkhq::evaluation;  // NOLINT

class PlatformFiguresRepoTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    auto id = (*c)->QueryOne("INSERT INTO parks (region_id, name, created_at) VALUES ((SELECT MIN(id) FROM regions), "
                             "'平台汇总测试园区', '2024-01-01T00:00:00Z') RETURNING id");
    ASSERT_TRUE(id.ok() && id->has_value()) << id.status().ToString();
    park_ = (*id)->Int(0);
  }
  int64_t Enterprise(const std::string& uscc, bool above) {
    auto c = db_->Acquire();
    auto r = (*c)->QueryOne(
        "INSERT INTO enterprises (park_id, uscc, name, industry_code, leading_group, above_scale, created_at, "
        "updated_at) VALUES (?, ?, ?, '2614', 'other', ?, '2024-01-01', '2024-01-01') RETURNING id",
        {park_, uscc, "企业" + uscc, int64_t(above ? 1 : 0)});
    EXPECT_TRUE(r.ok() && r->has_value()) << r.status().ToString();
    return (*r)->Int(0);
  }
  void Report(int64_t eid, const std::string& period, const std::string& state,
              const std::vector<std::pair<std::string, double>>& values) {
    auto c = db_->Acquire();
    enterprise::FieldValues fv(values.begin(), values.end());
    ASSERT_TRUE((*c)->Exec("INSERT INTO enterprise_reports (park_id, enterprise_id, period, state, values_json, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, '2024-01-01')",
                           {park_, eid, period, state, EncodeReportValues(fv)})
                    .ok());
  }
  void Parcel(const std::string& code, double mu, int64_t holder) {
    auto c = db_->Acquire();
    auto r = (*c)->Exec("INSERT INTO land_parcels (park_id, code, area_mu, holder_enterprise_id, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, '2024-01-01', '2024-01-01')",
                        {park_, code, mu, holder});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
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
  std::unique_ptr<Database> db_;
  int64_t park_ = 0;
};

TEST_P(PlatformFiguresRepoTest, SumsApprovedReportsAndHeldLand) {
  const int64_t a = Enterprise("916208240000PLAT1A", true);
  const int64_t b = Enterprise("916208240000PLAT2B", false);
  Report(a, "2023-01", "approved", {{"tax", 5}, {"electricity", 20}, {"employees", 30}});
  Report(a, "2023-02", "approved", {{"tax", 7}, {"electricity", 22}, {"employees", 34}});
  Report(a, "2023-03", "submitted", {{"tax", 1000}});
  Report(a, "2022-12", "approved", {{"tax", 1000}});
  Report(b, "2023-01", "approved", {{"tax", 3}});
  Parcel("P-1", 10, a);
  Parcel("P-2", 2.5, a);

  SqlPlatformFiguresRepository repo(*db_);
  auto got = repo.LoadPlatformFigures(park_, 2023);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 2u);
  const auto& fa = (*got)[0];
  EXPECT_EQ(fa.enterprise_id, a);
  EXPECT_TRUE(fa.above_scale);
  EXPECT_EQ(fa.approved_months, 2);
  EXPECT_DOUBLE_EQ(fa.sums.at("tax"), 12);
  EXPECT_EQ(fa.months.at("employees"), 2);
  ASSERT_TRUE(fa.land_mu);
  EXPECT_DOUBLE_EQ(*fa.land_mu, 12.5);
  EXPECT_FALSE((*got)[1].land_mu);

  // The service: electricity 万kWh → kWh, employees averaged; a manual tax survives; b skipped.
  SqlEvaluationRepository eval_repo(*db_);
  EvaluationService svc(eval_repo, &repo);
  auto v = svc.InputsFromPlatform(Admin(), park_, 2023);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->enterprises, 2);
  EXPECT_EQ(v->updated, 1);
  ASSERT_EQ(v->skipped.size(), 1u);
  EXPECT_EQ(v->skipped[0].enterprise_id, b);
  InputRecord manual;
  manual.input.enterprise_id = a;
  manual.input.tax = 99;
  manual.sources = {{"tax", "manual"}};
  ASSERT_TRUE(svc.PutInputs(Admin(), park_, 2023, {manual}).ok());
  v = svc.InputsFromPlatform(Admin(), park_, 2023);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->updated, 0);  // nothing changed: the imported tax is kept
  auto rows = eval_repo.LoadInputs(park_, 2023, a);
  ASSERT_TRUE(rows.ok() && rows->size() == 1u);
  const InputRecord& r = rows->front();
  EXPECT_DOUBLE_EQ(*r.input.tax, 99);
  EXPECT_EQ(r.sources.at("tax"), "manual");
  EXPECT_DOUBLE_EQ(*r.input.electricity_kwh, 420000);
  EXPECT_DOUBLE_EQ(*r.input.employees_avg, 32);
  EXPECT_EQ(r.sources.at("electricity_kwh"), "platform");
  EXPECT_DOUBLE_EQ(*r.input.land_mu, 12.5);

  // Another park's caller sees nothing of it.
  Scope other;
  other.role = Role::kParkAdmin;
  other.park_ids = {park_ + 1000};
  EXPECT_EQ(svc.InputsFromPlatform(other, park_, 2023).status().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, PlatformFiguresRepoTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
