// The storage contract suite: the same tests on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "domain/org/org_service.h"
#include "storage/audit_store.h"
#include "storage/migrations.h"
#include "storage/postgres/pg_connection.h"
#include "storage/sql_account_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class StorageTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
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
};

TEST_P(StorageTest, MigrationsAreRecordedAndIdempotent) {
  auto again = Migrate(*db_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->empty());
}

TEST_P(StorageTest, RowConversionsAgreeAcrossEngines) {
  auto c = db_->Acquire();
  ASSERT_TRUE(c.ok());
  auto row = (*c)->QueryOne("SELECT CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), CAST(? AS TEXT), NULL",
                            {int64_t{42}, 2.5, std::string("华亭")});
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ((*row)->Int(0), 42);
  EXPECT_DOUBLE_EQ((*row)->Double(1), 2.5);
  EXPECT_EQ((*row)->Text(2), "华亭");
  EXPECT_TRUE((*row)->IsNull(3));
  EXPECT_FALSE((*row)->OptInt(3).has_value());
}

TEST_P(StorageTest, SeedHasTheTwentyFiveTasksWithUnits) {
  SqlOrgRepository repo(*db_);
  auto parks = repo.ListParks();
  ASSERT_TRUE(parks.ok());
  ASSERT_EQ(parks->size(), 8u);  // the park, its four demo sub-parks, three comparison parks (issue 13)
  auto tasks = repo.ListTasks({parks->front().id});
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  ASSERT_EQ(tasks->size(), 25u);
  EXPECT_EQ((*tasks)[0].title, "明确发展定位");
  EXPECT_EQ((*tasks)[0].responsible_units,
            (std::vector<std::string>{"工信局", "发改局", "科技局", "招商服务中心"}));
  EXPECT_TRUE((*tasks)[21].lead_units.empty());  // task 22 names only responsible units
  EXPECT_EQ((*tasks)[18].responsible_units.size(), 7u);
}

TEST_P(StorageTest, UniqueViolationIsConflict) {
  SqlAccountRepository repo(*db_);
  User u;
  u.username = "dup_user";
  u.password_hash = "x";
  u.role = Role::kLeader;
  ASSERT_TRUE(repo.CreateUser(u, Admin()).ok());
  auto again = repo.CreateUser(u, Admin());
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(again.status().IsConflict());
  ASSERT_EQ(again.status().details().size(), 1u);
  EXPECT_EQ(again.status().details()[0].field, "username");
}

TEST_P(StorageTest, WritesKeepAuditRowsWithBeforeAndAfter) {
  SqlAccountRepository repo(*db_);
  User u;
  u.username = "audited";
  u.password_hash = "secret-hash";
  u.role = Role::kLeader;
  auto id = repo.CreateUser(u, Admin());
  ASSERT_TRUE(id.ok());
  u.id = *id;
  u.display_name = "改名";
  ASSERT_TRUE(repo.UpdateUser(u, Admin(), "update").ok());
  auto c = db_->Acquire();
  AuditFilter f;
  f.entity = "user";
  f.entity_id = std::to_string(*id);
  auto page = ListAudit(c->get(), f);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->total, 2);
  const auto& upd = page->items[0];
  EXPECT_EQ(upd.action, "update");
  EXPECT_NE(upd.before_json.find("\"display_name\":\"\""), std::string::npos) << upd.before_json;
  EXPECT_NE(upd.after_json.find("改名"), std::string::npos);
  EXPECT_EQ(upd.after_json.find("secret-hash"), std::string::npos);  // hashes are redacted
}

TEST_P(StorageTest, RolledBackTransactionLeavesNothing) {
  auto c = db_->Acquire();
  {
    Transaction tx(c->get());
    ASSERT_TRUE(tx.status().ok());
    ASSERT_TRUE((*c)->Exec("INSERT INTO settings(park_id, key, value) VALUES (0, 'k', 'v')").ok());
  }  // no commit
  auto n = (*c)->QueryOne("SELECT COUNT(*) FROM settings WHERE key = 'k'");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ((*n)->Int(0), 0);
}

TEST_P(StorageTest, CreateParkUnderParentInheritsRegion) {
  SqlOrgRepository repo(*db_);
  OrgService svc(repo);
  auto parks = repo.ListParks();
  NewPark np;
  np.name = "新建子园区";
  np.parent_id = parks->front().id;
  auto p = svc.CreatePark(Admin(), np);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->region_id, parks->front().region_id);
  NewPark bad;
  bad.name = "";
  bad.parent_id = 99999;
  auto e = svc.CreatePark(Admin(), bad);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().details().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

TEST(PlaceholderTest, RewritesOutsideQuotes) {
  EXPECT_EQ(RewritePlaceholders("SELECT ? , '?', \"a?\" WHERE x = ?"),
            "SELECT $1 , '?', \"a?\" WHERE x = $2");
}

TEST(MigrationDialectTest, IdColumn) {
  EXPECT_EQ(TranslateMigration("id {{ID}},", Engine::kSqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT,");
  EXPECT_EQ(TranslateMigration("id {{ID}},", Engine::kPostgres),
            "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,");
}

TEST(MigrationDialectTest, JsonObjectAggregateAndUnknownBracesKept) {
  EXPECT_EQ(TranslateMigration("SELECT {{JSON_OBJECT_AGG}}(k, v)", Engine::kSqlite), "SELECT json_group_object(k, v)");
  EXPECT_EQ(TranslateMigration("SELECT {{JSON_OBJECT_AGG}}(k, v)", Engine::kPostgres), "SELECT json_object_agg(k, v)");
  EXPECT_EQ(TranslateMigration("'{{x}}' {{ID}}", Engine::kSqlite), "'{{x}}' INTEGER PRIMARY KEY AUTOINCREMENT");
  EXPECT_EQ(TranslateMigration("f({{JSON_NUMBER(v.value)}})", Engine::kSqlite), "f(json(printf('%!.17g', v.value)))");
  EXPECT_EQ(TranslateMigration("f({{JSON_NUMBER(v.value)}})", Engine::kPostgres), "f(v.value)");
  EXPECT_EQ(TranslateMigration("a {{ unclosed", Engine::kPostgres), "a {{ unclosed");
}

}  // namespace
}  // namespace parkhq::storage
