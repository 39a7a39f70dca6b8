// Demo data of the 亩均效益 evaluation: 30 demo enterprises （演示） with 2022 and 2023 inputs, the
// default scheme for 2023, and runs of both years (2022 published). Enterprise ids 1..30 are
// placeholders until the enterprise module's demo enterprises exist (the lead aligns them).
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// Does nothing when the park already has evaluation inputs.
Status SeedEvaluationDemo(storage::Database& db);

}  // namespace parkhq::app
