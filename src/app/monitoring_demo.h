// Demo monthly figures of economic-operation monitoring (issue 3 item 8; issue 11 item 1), labelled
// demo and drawn from the same demo world as every other module.
#pragma once
#include "common/time.h"
#include "storage/database.h"

namespace parkhq::app {

// Monthly figures of 华亭工业园区 and its four demo sub-parks from 2022-01 through `last`, every
// month submitted and approved: output, sales, value added, tax, energy and employees are the sums
// of the approved reports of the firms above scale in that month (run after the enterprise demo);
// new_above_scale / new_enterprises count the registry's entries; fai holds the projects' completed
// investment (run after the project demo). The 2023 targets' base is the 2022 totals; later years
// get the plan's growth rates over the year before. All rows carry is_demo = 1. Runs in its own
// transaction; does nothing when the park is missing or already has figures.
Status SeedMonitoringDemo(storage::Database& db, Period last);

}  // namespace parkhq::app
