// Demo monthly figures of economic-operation monitoring (issue 3 item 8), labelled demo.
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// 2022 and 2023 monthly figures of 华亭工业园区 and its four demo sub-parks, consistent with the
// plan's 2023 targets (2022 ≈ the base the growth targets imply), every month submitted and
// approved; sub-park targets for 2023; the 2023 targets' base filled with the 2022 demo totals.
// All rows carry is_demo = 1. Runs in its own transaction; does nothing when the park is missing
// or already has figures.
Status SeedMonitoringDemo(storage::Database& db);

}  // namespace parkhq::app
