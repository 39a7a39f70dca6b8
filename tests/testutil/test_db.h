// Test databases for the one contract suite that runs on both engines.
//   INSTANTIATE_TEST_SUITE_P(Engines, MyRepoTest, testing::ValuesIn(parkhq::testutil::TestEngines()), ...)
// SQLite: a fresh temp file per call. PostgreSQL: a fresh database per call in the cluster named by
// PARKHQ_TEST_PG (make test starts one); without it the PostgreSQL cases are skipped.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"

namespace parkhq::testutil {

std::vector<storage::Engine> TestEngines();
std::string EngineParamName(const testing::TestParamInfo<storage::Engine>& info);
// A migrated, empty database, or nullptr when the engine is not available (the test should skip).
std::unique_ptr<storage::Database> MakeTestDatabase(storage::Engine engine);
// Same, with the demo seed applied (fast password hashes).
std::unique_ptr<storage::Database> MakeSeededDatabase(storage::Engine engine);

}  // namespace parkhq::testutil
