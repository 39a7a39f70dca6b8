// The Huating demo: the organization, the plan's 25 tasks and 2023 targets, and demo accounts.
// Figures made up for the demo are marked is_demo / "（演示）" in the data and shown as demo in the UI.
#pragma once
#include <string>
#include <vector>

#include "common/time.h"
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
// The same, running the demo world through `until` (issue 11 item 1): the plan year 2023 as the
// plan gives it, then every month up to `until`, the last complete month, whose reports are being
// filed (open: no reports, no monitoring month yet). Approved figures run through the month before
// `until`, and never stop before 2023-12. `until` before 2023-01 is refused.
Status SeedDemo(storage::Database& db, bool fast_hash, Period until);
// The default `until`: the last complete month before today (parkhq::Today()).
Period DefaultDemoUntil();
// The last month with approved demo figures for `until`: max(2023-12, until − 1).
Period LastDemoMonth(Period until);

}  // namespace parkhq::app
