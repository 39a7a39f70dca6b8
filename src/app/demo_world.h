// The one demo world (issue 11 item 1): the rules every demo generator shares, so that monitoring,
// projects, enterprises, land and evaluation describe the same firms. Pure; see docs/figures.md.
#pragma once
#include <string>
#include <string_view>

#include "common/time.h"

namespace parkhq::app {

// A firm counts as above scale (规上) in month p when the registry says so and it entered the
// scale on or before the month's last day (scale_changed_on "" = always).
bool AboveScaleAt(bool above_scale, std::string_view scale_changed_on, Period p);

// Plausible comprehensive energy use (综合能耗) per 万元 of output by GB/T 4754 industry code:
// the range accepted by the invariants test and the value the demo uses. docs/figures.md derives
// each from typical unit consumption and prices.
struct IntensityRange {
  double lo;
  double hi;
  double demo;
};
IntensityRange EnergyIntensity(std::string_view industry_code);

// Tax over revenue (税收/营业收入) and value added over output: ranges the demo keeps to.
inline constexpr double kTaxRateLo = 0.02, kTaxRateHi = 0.08, kTaxRateDemo = 0.035;
inline constexpr double kValueAddedLo = 0.08, kValueAddedHi = 0.40, kValueAddedDemo = 0.121;

// The plan's 2023 targets and growth rates (plan.md §1): the 2022 above-scale totals are the bases.
inline constexpr double kOutputTarget2023 = 157000, kOutputGrowthPct = 7;
inline constexpr double kFaiTarget2023 = 31400, kFaiGrowthPct = 10;

}  // namespace parkhq::app
