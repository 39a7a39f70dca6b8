// Migration 0031 on both engines: the values of a database written with the one-row-per-field
// layout (0030) are carried into enterprise_reports.values_json, then the old table is gone.
#include <gtest/gtest.h>

#include "common/embedded.h"
#include "storage/enterprise/report_values_json.h"
#include "storage/migrations.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class ReportValuesMigrationTest : public testing::TestWithParam<Engine> {};

TEST_P(ReportValuesMigrationTest, CarriesEveryValueIntoTheReportRow) {
  auto db = testutil::MakeSeededDatabase(GetParam());
  if (!db) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
  auto c = db->Acquire();
  ASSERT_TRUE(c.ok());
  // Back to the 0030 layout: no values_json, one enterprise_report_values row per field.
  ASSERT_TRUE((*c)->ExecScript(
                      "ALTER TABLE enterprise_reports DROP COLUMN values_json;"
                      "CREATE TABLE enterprise_report_values (park_id BIGINT NOT NULL, enterprise_id BIGINT NOT NULL, "
                      "period TEXT NOT NULL, field TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, "
                      "PRIMARY KEY (enterprise_id, period, field));"
                      "CREATE INDEX enterprise_report_values_park ON enterprise_report_values(park_id, field, period);"
                      "CREATE INDEX enterprise_reports_park ON enterprise_reports(park_id, period, state);")
                  .ok());
  auto park = (*c)->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id");
  ASSERT_TRUE(park.ok() && park->has_value()) << park.status().ToString();
  const int64_t park_id = (*park)->Int(0);
  auto eid = (*c)->InsertId("INSERT INTO enterprises (park_id, uscc, name, industry_code, leading_group, created_at, "
                            "updated_at) VALUES (?, '91620824MA7Q000001', '迁移测试企业', '2614', 'other', "
                            "'2024-01-01', '2024-01-01') RETURNING id",
                            {park_id});
  ASSERT_TRUE(eid.ok()) << eid.status().ToString();
  for (const char* period : {"2023-01", "2023-02", "2023-03"})
    ASSERT_TRUE((*c)->Exec("INSERT INTO enterprise_reports (park_id, enterprise_id, period, state, updated_at) "
                           "VALUES (?, ?, ?, 'approved', '2024-01-01')",
                           {park_id, *eid, std::string(period)})
                    .ok());
  const std::vector<std::tuple<std::string, std::string, double>> values = {
      {"2023-01", "output", 1234.5}, {"2023-01", "tax", 37}, {"2023-01", "profit", -2.25},
      {"2023-02", "output", 0.1 + 0.2}};  // 2023-03 has no values
  for (const auto& [period, field, value] : values)
    ASSERT_TRUE((*c)->Exec("INSERT INTO enterprise_report_values (park_id, enterprise_id, period, field, value) "
                           "VALUES (?, ?, ?, ?, ?)",
                           {park_id, *eid, period, field, value})
                    .ok());

  std::string_view sql;
  for (const auto& m : kEmbeddedMigrations)
    if (m.name.rfind("0031_", 0) == 0) sql = m.contents;
  ASSERT_FALSE(sql.empty());
  ASSERT_TRUE((*c)->ExecScript(TranslateMigration(sql, GetParam())).ok());

  auto rows = (*c)->Query("SELECT period, values_json FROM enterprise_reports WHERE enterprise_id = ? ORDER BY period",
                          {*eid});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(DecodeReportValues((*rows)[0].Text(1)),
            (enterprise::FieldValues{{"output", 1234.5}, {"tax", 37}, {"profit", -2.25}}));
  EXPECT_EQ(DecodeReportValues((*rows)[1].Text(1)), (enterprise::FieldValues{{"output", 0.1 + 0.2}}));
  EXPECT_EQ((*rows)[2].Text(1), "{}");
  EXPECT_FALSE((*c)->Query("SELECT COUNT(*) FROM enterprise_report_values").ok()) << "the old table is dropped";
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportValuesMigrationTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
