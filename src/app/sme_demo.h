// Demo data of the SME park (中小企业创业园, issue 16) in the Huating demo park: the operating
// company's (弘达聚鑫基础产业投资集团) standard factory buildings, incubator and office building in
// the demo sub-park 中小企业创业园（演示）, leased to the registry's small firms of that sub-park (and
// to 华亭啤酒 and a graduated incubatee), a year of bills with payments and some arrears, two repair
// tickets, and the operating company's demo user `hdjx` (department role, unit 弘达聚鑫). Dates are
// relative to parkhq::Today() so expiring leases and arrears stay current. Everything is is_demo.
#pragma once
#include "storage/database.h"

namespace parkhq::app {

// Seeds once (does nothing when the park already has SME buildings). Runs its own transaction.
Status SeedSmeDemo(storage::Database& db, bool fast_hash);

}  // namespace parkhq::app
