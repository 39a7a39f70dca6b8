// Demo data of the enterprises module: 32 made-up enterprises (names end in （演示）, is_demo = 1)
// across the four leading groups and the four demo sub-parks, with approved monthly reports for
// 2022-2023 whose 2023 park totals match the park's 2023 targets (工业总产值 157000, 营业收入
// ≈ 155000, 工业增加值 ≈ 19000 万元), and the enterprise demo accounts qiye / qiye2.
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// Runs in its own transaction; does nothing when demo enterprises exist already.
Status SeedEnterpriseDemo(storage::Database& db, bool fast_hash);

}  // namespace parkhq::app
