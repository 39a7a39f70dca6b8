// Monthly series of one indicator for one year: conversion of "1-N月累计" (cumulative) input to
// monthly amounts, and sums over parks (region = sum of its parks). Pure functions over plain
// values; thread-safe. Rules: docs/indicators.md, sections "累计数换算" and "区域汇总".
#pragma once
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "common/status_or.h"
#include "domain/monitoring/indicator.h"

namespace parkhq::monitoring {

// Figures of months January..December of one year; index 0 is January. nullopt = not reported.
using MonthlySeries = std::array<std::optional<double>, 12>;

// The monthly amount of month `month` (1..12) from its cumulative figure 1-N月累计
// (`cumulative`) and the previous month's cumulative figure (`previous_cumulative`).
//  - stock: the cumulative figure is the month's value; `previous_cumulative` is ignored.
//  - flow, January: the amount is the cumulative figure; `previous_cumulative` is ignored.
//  - flow, later months: cumulative − previous_cumulative, rounded to 6 decimal places to drop
//    binary noise (123.4 − 100.1 gives 23.3, not 23.300000000000011).
// Returns a Validation status blaming `field` when: month is outside 1..12; the figure is not a
// finite number or is negative; for a flow after January, the previous cumulative is unknown
// (nullopt: some earlier month has not been entered) or the cumulative is smaller than it (the
// month's amount would be negative).
StatusOr<double> MonthFromCumulative(IndicatorKind kind, int month, double cumulative,
                                     std::optional<double> previous_cumulative,
                                     std::string_view field);

// Converts a year of cumulative figures to monthly amounts with MonthFromCumulative; months not
// reported stay nullopt. A flow month whose cumulative is given while the previous month's is not
// is an error (January and February reported together must be split before entry). Collects every
// bad month: the Validation status has one detail per month, each for `field`, with the month in
// the message.
StatusOr<MonthlySeries> CumulativeToMonthly(IndicatorKind kind, const MonthlySeries& cumulative,
                                            std::string_view field);

// The cumulative figure 1-N月累计 at each month (the inverse of CumulativeToMonthly):
//  - flow: sum of months 1..m, nullopt as soon as any month 1..m is missing (a cumulative figure
//    with a hole in it would be wrong as the base of the next cumulative entry);
//  - stock: the month's own value.
MonthlySeries MonthlyToCumulative(IndicatorKind kind, const MonthlySeries& monthly);

// Sums the series of several parks month by month (region = sum of its parks; same for flow and
// stock). A month is nullopt only when every park lacks it (or `parks` is empty); otherwise it is
// the sum of the parks that have it: a park that has not reported adds nothing, which the
// not-submitted warnings make visible.
MonthlySeries SumSeries(std::span<const MonthlySeries> parks);

// The same rule for single values (e.g. a region's target = sum of its parks' targets):
// nullopt only when every value is nullopt.
std::optional<double> SumKnown(std::span<const std::optional<double>> values);

}  // namespace parkhq::monitoring
