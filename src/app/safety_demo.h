// Demo data of safety and environment (issue 14, items 1 and 2) for the Huating demo park: the
// park's four shared facilities (污水处理厂, 危废暂存库, 事故应急池, 垃圾填埋场) with monthly
// operating records from 2023-01 to the demo world's last month, 2023's inspections of the park's
// demo firms with the hazards found (most closed, some overdue, one waiting for re-check, one
// reopened) and two recent ones. Every text says （演示）; rows carry is_demo.
#pragma once
#include "common/time.h"
#include "storage/database.h"

namespace parkhq::app {

// Seeds once (does nothing when the park already has facilities). Runs its own transaction.
Status SeedSafetyDemo(storage::Database& db, Period last);

}  // namespace parkhq::app
