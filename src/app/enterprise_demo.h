// Demo data of the enterprises module: 32 made-up enterprises (names end in （演示）, is_demo = 1)
// across the four leading groups and the four demo sub-parks, with approved monthly reports for
// 2022-2023 whose 2023 park totals match the park's 2023 targets (工业总产值 157000, 营业收入
// ≈ 155000, 工业增加值 ≈ 19000 万元), and the enterprise demo accounts qiye / qiye2.
#pragma once
#include "common/time.h"
#include "storage/database.h"

namespace parkhq::app {

// Runs in its own transaction; does nothing when demo enterprises exist already.
// Reports run from 2022-01 through `last` (demo_seed.h LastDemoMonth); the above-scale firms'
// 2022 output is the base of the plan's 2023 target (146729 万元), energy per industry as in
// demo_world.h.
Status SeedEnterpriseDemo(storage::Database& db, bool fast_hash, Period last);

}  // namespace parkhq::app
