// Demo data of the talent-demand database and rewards (issue 13 items 3 and 4): the 人社局 demo
// account (rsj), posts of the demo enterprises (2024 支企/就业见习 places, now-open needs), a talent
// pool, the park's award types and applications for 2024 and the current year — all labelled
// （演示）/ is_demo and drawn from the demo enterprise registry.
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// Runs in its own transaction; does nothing without the demo park or when demo posts exist.
Status SeedTalentDemo(storage::Database& db, bool fast_hash);

}  // namespace parkhq::app
