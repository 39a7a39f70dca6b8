// parkhq gen: the same options give the same rows, another seed other rows, on both engines.
#include "app/province_gen.h"

#include <gtest/gtest.h>

#include "testutil/test_db.h"

namespace parkhq::app {
namespace {

class ProvinceGenTest : public testing::TestWithParam<storage::Engine> {
 protected:
  // Every generated row that carries figures, in a fixed order, as one text.
  static std::string Digest(storage::Database& db) {
    auto c = db.Acquire();
    std::string out;
    for (const char* sql :
         {"SELECT p.name, v.period, v.indicator_code, v.value FROM indicator_values v JOIN parks p ON p.id = v.park_id "
          "WHERE v.updated_by = 'gen' ORDER BY p.name, v.period, v.indicator_code",
          "SELECT e.uscc, e.name, e.above_scale, r.period, r.values_json FROM enterprise_reports r JOIN enterprises e "
          "ON e.id = r.enterprise_id WHERE r.reviewed_by = 'gen' ORDER BY e.uscc, r.period",
          "SELECT p.name, m.period, m.completed FROM project_monthly m JOIN projects p ON p.id = m.project_id "
          "WHERE p.name LIKE '演示省项目%' ORDER BY p.name, m.period",
          "SELECT enterprise_name, group_code, land_mu, tax FROM eval_inputs WHERE enterprise_name LIKE '演示省企业%' "
          "ORDER BY enterprise_name"}) {
      auto rows = (*c)->Query(sql);
      EXPECT_TRUE(rows.ok()) << rows.status().ToString();
      if (!rows.ok()) continue;
      for (const auto& r : *rows) {
        for (size_t i = 0; i < r.size(); ++i) out += r.Text(i) + "|";
        out += "\n";
      }
    }
    return out;
  }
  static GenOptions Small(uint64_t seed) {
    GenOptions o;
    o.parks = 3;
    o.enterprises = 12;
    o.years = 2;
    o.seed = seed;
    o.last_year = 2024;
    o.projects_per_park = 2;
    return o;
  }
};

TEST_P(ProvinceGenTest, SameSeedSameRowsOtherSeedOtherRows) {
  auto a = testutil::MakeSeededDatabase(GetParam());
  if (!a) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
  auto b = testutil::MakeSeededDatabase(GetParam());
  auto c = testutil::MakeSeededDatabase(GetParam());
  auto sa = GenerateProvince(*a, Small(7));
  ASSERT_TRUE(sa.ok()) << sa.status().ToString();
  EXPECT_EQ(sa->parks, 3);
  EXPECT_EQ(sa->enterprises, 12);
  EXPECT_EQ(sa->reports, 12 * 24);
  EXPECT_EQ(sa->indicator_values, 3 * 24 * 9);
  EXPECT_EQ(sa->projects, 6);
  EXPECT_EQ(sa->project_months, 6 * 24);
  EXPECT_EQ(sa->eval_inputs, 12 * 2);  // every year
  ASSERT_TRUE(GenerateProvince(*b, Small(7)).ok());
  ASSERT_TRUE(GenerateProvince(*c, Small(8)).ok());
  const std::string da = Digest(*a);
  EXPECT_GT(da.size(), 1000u);
  EXPECT_EQ(da, Digest(*b));
  EXPECT_NE(da, Digest(*c));
  // Everything generated is labelled demo.
  auto conn = a->Acquire();
  auto unlabelled = (*conn)->QueryOne(
      "SELECT (SELECT COUNT(*) FROM parks WHERE name LIKE '演示省%' AND (is_demo = 0 OR name NOT LIKE '%（演示）')) + "
      "(SELECT COUNT(*) FROM enterprises WHERE uscc LIKE '91629900GN%' AND (is_demo = 0 OR name NOT LIKE '%（演示）'))");
  ASSERT_TRUE(unlabelled.ok());
  EXPECT_EQ((*unlabelled)->Int(0), 0);
}

TEST_P(ProvinceGenTest, RefusesASecondProvinceAndAbsurdOptions) {
  auto db = testutil::MakeSeededDatabase(GetParam());
  if (!db) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
  ASSERT_TRUE(GenerateProvince(*db, Small(1)).ok());
  EXPECT_EQ(GenerateProvince(*db, Small(1)).status().code(), StatusCode::kInvalidArgument);
  GenOptions bad = Small(1);
  bad.parks = 0;
  EXPECT_EQ(GenerateProvince(*db, bad).status().code(), StatusCode::kInvalidArgument);
  bad = Small(1);
  bad.years = 21;
  EXPECT_EQ(GenerateProvince(*db, bad).status().code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Engines, ProvinceGenTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::app
