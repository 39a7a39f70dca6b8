#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "app/demo_seed.h"
#include "storage/migrations.h"
#include "testutil/test_db.h"

namespace parkhq::testutil {

std::vector<storage::Engine> TestEngines() {
  return {storage::Engine::kSqlite, storage::Engine::kPostgres};
}

std::string EngineParamName(const testing::TestParamInfo<storage::Engine>& info) {
  return info.param == storage::Engine::kSqlite ? "Sqlite" : "Postgres";
}

std::unique_ptr<storage::Database> MakeTestDatabase(storage::Engine engine) {
  static std::atomic<int> counter{0};
  const int n = ++counter;
  std::string url;
  if (engine == storage::Engine::kSqlite) {
    auto dir = std::filesystem::temp_directory_path() / ("parkhq-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    auto path = dir / ("db" + std::to_string(n) + ".sqlite");
    std::filesystem::remove(path);
    url = path.string();
  } else {
    const char* admin = std::getenv("PARKHQ_TEST_PG");
    if (!admin || !*admin) return nullptr;
    auto admin_db = storage::Database::Open(admin, 1);
    if (!admin_db.ok()) {
      ADD_FAILURE() << admin_db.status().ToString();
      return nullptr;
    }
    const std::string name = "parkhq_t_" + std::to_string(getpid()) + "_" + std::to_string(n);
    auto c = (*admin_db)->Acquire();
    EXPECT_TRUE(c->get().ExecScript("DROP DATABASE IF EXISTS " + name).ok());
    Status created = c->get().ExecScript("CREATE DATABASE " + name);
    EXPECT_TRUE(created.ok()) << created.ToString();
    std::string base = admin;
    url = base.substr(0, base.rfind('/') + 1) + name;
  }
  auto db = storage::Database::Open(url, 4);
  if (!db.ok()) {
    ADD_FAILURE() << db.status().ToString();
    return nullptr;
  }
  auto applied = storage::Migrate(**db);
  EXPECT_TRUE(applied.ok()) << applied.status().ToString();
  return std::move(db).value();
}

std::unique_ptr<storage::Database> MakeSeededDatabase(storage::Engine engine) {
  auto db = MakeTestDatabase(engine);
  if (db) {
    Status s = app::SeedDemo(*db, /*fast_hash=*/true);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  return db;
}

}  // namespace parkhq::testutil
