// Demo land data for the Huating demo park: about twenty parcels on a block plan of the four demo
// sub-parks (projected CGCS2000 metres), a few 标准地 contracts and disposal records, with dates and
// figures that put parcels in each of the five kinds of inefficient land at 2023-12-31.
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// Seeds once (does nothing when the demo park already has parcels). Runs its own transaction.
Status SeedLandDemo(storage::Database& db);

}  // namespace parkhq::app
