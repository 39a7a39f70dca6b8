// Shared set-up for the libFuzzer targets: small limits so each input stays cheap, and a work
// deadline per input (the same cooperative deadline requests run under).
#pragma once
#include "common/limits.h"

namespace parkhq::fuzz {

inline void SmallLimits() {
  static bool done = [] {
    Limits l;
    l.xlsx_entry_bytes = 4u << 20;
    l.xlsx_total_bytes = 8u << 20;
    l.xlsx_cells = 100'000;
    l.xlsx_rows = 20'000;
    l.xlsx_shared_strings = 50'000;
    l.geojson_points = 20'000;
    SetLimits(l);
    return true;
  }();
  (void)done;
}

}  // namespace parkhq::fuzz
