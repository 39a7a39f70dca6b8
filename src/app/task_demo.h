// Demo data of the management loop (issue 19) for the Huating demo park: the 2023 plan's row, a
// breakdown (考核指标任务分解表) of the plan's tasks drawn from the plan's text and the demo world's
// indicators (some items linked to them), progress reports by the units, a few 督办单 at each light
// and a leader's 批示. Every text says （演示）; items and orders carry is_demo.
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// Seeds once (does nothing when the park already has items). Runs its own transaction.
Status SeedTaskDemo(storage::Database& db);

}  // namespace parkhq::app
