// Read replicas and the pool's handling of lost connections (issue 18). The end-to-end check with
// a real streaming standby is tests/replica/run_replica_test.sh.
#include "storage/replica_set.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "storage/postgres/pg_connection.h"

namespace parkhq::storage {
namespace {

TEST(ReplicaLsn, ParsesPostgresPositions) {
  EXPECT_EQ(ParseLsn("0/0").value_or(1), 0u);
  EXPECT_EQ(ParseLsn("0/16B3748").value_or(0), 0x16B3748u);
  EXPECT_EQ(ParseLsn("16/B374D848").value_or(0), (0x16ull << 32) | 0xB374D848u);
  EXPECT_LT(ParseLsn("1/FFFFFFFF").value_or(UINT64_MAX), ParseLsn("2/0").value_or(0));
  for (const char* bad : {"", "/", "1/", "/1", "x/1", "1/1/1", "100000000/0", "1 /2"})
    EXPECT_FALSE(ParseLsn(bad).has_value()) << bad;
}

TEST(ReplicaRouting, OnlyPlainSelectsGoToReplicas) {
  EXPECT_TRUE(IsReplicaSafe("SELECT id FROM tasks WHERE park_id = ?"));
  EXPECT_TRUE(IsReplicaSafe("  \n select count(*) from parks"));
  for (const char* w : {"INSERT INTO audit_log (x) VALUES (?)", "UPDATE sessions SET last_seen = ?",
                        "DELETE FROM sessions", "WITH x AS (DELETE FROM t RETURNING id) SELECT * FROM x",
                        "SELECT id FROM tasks WHERE id = ? FOR UPDATE", "SELECT nextval('s')",
                        "SELECT pg_advisory_xact_lock(1)", "BEGIN", "SELECT * INTO copy FROM tasks"})
    EXPECT_FALSE(IsReplicaSafe(w)) << w;
}

// A connection the test can break, as a PostgreSQL restart breaks a real one.
class FakeConnection final : public Connection {
 public:
  explicit FakeConnection(bool* broken) : broken_(broken) {}
  Engine engine() const override { return Engine::kSqlite; }
  StatusOr<Statement*> Prepare(std::string_view) override { return Status::Internal("fake"); }
  Status ExecScript(std::string_view) override { return Status::Ok(); }
  Status Begin() override { return Status::Ok(); }
  Status Commit() override { return Status::Ok(); }
  Status Rollback() override { return Status::Ok(); }
  bool broken() const override { return *broken_; }

 private:
  bool* broken_;
};

TEST(PoolLostConnection, BrokenConnectionsAreDroppedWithTheIdleOnes) {
  bool broken = false;
  int opened = 0;
  Database db(Engine::kSqlite, "fake", [&]() -> StatusOr<std::unique_ptr<Connection>> {
    ++opened;
    return std::unique_ptr<Connection>(std::make_unique<FakeConnection>(&broken));
  }, 4);
  {
    auto a = db.Acquire();
    auto b = db.Acquire();
    ASSERT_TRUE(a.ok() && b.ok());
  }
  EXPECT_EQ(db.pool_stats().idle, 2);
  {
    auto a = db.Acquire();
    ASSERT_TRUE(a.ok());
    broken = true;  // the server went away while it was in use
  }
  // The broken one and the idle one (just as dead) are gone; the next Acquire opens afresh.
  EXPECT_EQ(db.pool_stats().open, 0);
  EXPECT_EQ(db.pool_stats().idle, 0);
  broken = false;
  auto c = db.Acquire();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(opened, 3);
}

// Without a ReadScope a database with replicas is the primary, whatever the replicas do.
TEST(ReplicaRouting, NoScopeMeansPrimary) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  // A replica that cannot even be reached: reads outside a scope never touch it.
  (*db)->SetReplicas(std::make_unique<ReplicaSet>(std::vector<std::unique_ptr<Database>>{}, ReplicaSet::Options{}));
  auto c = (*db)->Acquire();
  ASSERT_TRUE(c.ok());
  auto row = (*c)->QueryOne("SELECT 41 + 1");
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*row)->Int(0), 42);
}

// A real PostgreSQL backend that is killed (as a restart kills it): the next statement is 503,
// the pool drops the connection and the one after that works on a fresh connection.
TEST(PoolLostConnection, PostgresBackendKilledGives503ThenReconnects) {
  const char* url = std::getenv("PARKHQ_TEST_PG");
  if (!url || !*url) GTEST_SKIP() << "set PARKHQ_TEST_PG";
  auto db = Database::Open(url, 2);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  int64_t victim = 0;
  {
    auto c = (*db)->Acquire();
    ASSERT_TRUE(c.ok());
    auto row = (*c)->QueryOne("SELECT pg_backend_pid()");
    ASSERT_TRUE(row.ok() && *row);
    victim = (*row)->Int(0);
  }
  {
    auto killer = PgConnection::Open(url);
    ASSERT_TRUE(killer.ok());
    ASSERT_TRUE((*killer)->QueryOne("SELECT pg_terminate_backend(CAST(? AS INTEGER), 5000)", {victim}).ok());
  }
  {
    auto c = (*db)->Acquire();
    ASSERT_TRUE(c.ok());
    auto row = (*c)->QueryOne("SELECT pg_backend_pid()");
    ASSERT_FALSE(row.ok());
    EXPECT_EQ(row.status().code(), StatusCode::kUnavailable) << row.status().ToString();
    EXPECT_TRUE((*c)->broken());
  }
  auto c = (*db)->Acquire();
  ASSERT_TRUE(c.ok());
  auto row = (*c)->QueryOne("SELECT pg_backend_pid()");
  ASSERT_TRUE(row.ok() && *row) << row.status().ToString();
  EXPECT_NE((*row)->Int(0), victim);
}

}  // namespace
}  // namespace parkhq::storage
