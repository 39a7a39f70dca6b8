// The database engine's own error text (table, column and constraint names) never reaches a
// Status message a client could see: constraint violations become the generic messages of
// storage/engine_errors.h, on both engines (docs/security.md).
#include "storage/engine_errors.h"

#include <gtest/gtest.h>

#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class EngineErrorsTest : public testing::TestWithParam<Engine> {};

TEST_P(EngineErrorsTest, ConstraintViolationsAreGeneric) {
  auto db = testutil::MakeTestDatabase(GetParam());
  if (!db) GTEST_SKIP() << "engine not available";
  auto c = db->Acquire();
  ASSERT_TRUE(c.ok());
  // A user bound to a park that does not exist: FOREIGN KEY; the same username twice: UNIQUE.
  Status fk = (*c)->Exec("INSERT INTO users(username, password_hash, role, park_id, created_at) "
                         "VALUES ('fk_user', 'x', 'leader', 999999, 'now')")
                  .status();
  if (GetParam() == Engine::kSqlite && fk.ok()) GTEST_SKIP() << "foreign keys are off on this connection";
  ASSERT_FALSE(fk.ok());
  EXPECT_EQ(fk.code(), StatusCode::kValidation);
  EXPECT_EQ(fk.message(), kConstraintMessage);
  EXPECT_EQ(fk.message().find("FOREIGN"), std::string::npos);
  ASSERT_TRUE((*c)->Exec("INSERT INTO users(username, password_hash, role, created_at) "
                         "VALUES ('dup_user', 'x', 'leader', 'now')").ok());
  Status dup = (*c)->Exec("INSERT INTO users(username, password_hash, role, created_at) "
                          "VALUES ('dup_user', 'x', 'leader', 'now')").status();
  ASSERT_FALSE(dup.ok());
  EXPECT_TRUE(dup.IsConflict());
  EXPECT_EQ(dup.message(), kDuplicateMessage);
  EXPECT_EQ(dup.message().find("users"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, EngineErrorsTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
