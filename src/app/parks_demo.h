// Demo data of the parks-compared module (issue 13 items 1 and 2). A demo region needs several
// parks for a ranking to mean anything: three more parks of 平凉市 (named （演示）, is_demo), each
// drawn like the Huating park's direct-entry monitoring — approved monthly figures, parcels, and
// the values a park enters with evidence (debt ratio, exports, foreign capital; R&D and the leading
// groups' output since these parks have no firms' reports). The Huating park gets its entered
// values and a chemical-park recognition ledger (six categories, river setback lines and the
// emergency pool tracked). A city leader account (pingliang / City@2023demo, read-only, no park)
// reads the region's ranking. Evaluation figures are read from these same records, never stored.
#pragma once
#include "common/time.h"
#include "storage/database.h"

namespace parkhq::app {

// Seeds once (does nothing when a demo comparison park exists). Runs its own transaction; months
// 2022-01 .. last.
Status SeedParksDemo(storage::Database& db, bool fast_hash, Period last);

}  // namespace parkhq::app
