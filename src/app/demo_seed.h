// The Huating demo: the organization, the plan's 25 tasks and 2023 targets, and demo accounts.
// Figures made up for the demo are marked is_demo / "（演示）" in the data and shown as demo in the UI.
#pragma once
#include <string>
#include <vector>

#include "storage/database.h"

namespace parkhq::app {

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
  std::string note;
};

// The demo accounts and their demo passwords (also listed in README.md).
const std::vector<DemoAccount>& DemoAccounts();

// Seeds an empty database. Does nothing and returns OK when regions already exist.
// fast_hash uses the minimum Argon2id cost (tests only).
Status SeedDemo(storage::Database& db, bool fast_hash);

}  // namespace parkhq::app
