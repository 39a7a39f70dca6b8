// Indicators (指标) of economic-operation monitoring: what is measured, in which unit, and how
// monthly figures combine over a year. Plain values only: no HTTP, JSON or SQL.
// Definitions and formulas: docs/indicators.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace parkhq::monitoring {

// How monthly figures combine into the year-to-date (1-N月累计) figure.
enum class IndicatorKind {
  kFlow,   // monthly amounts that add up (investment, output, tax): ytd = sum of months 1..m
  kStock,  // a level (employees): ytd = month m's value
};

// "flow" | "stock"
const char* IndicatorKindName(IndicatorKind kind);
// Parses "flow" | "stock"; nullopt otherwise.
std::optional<IndicatorKind> ParseIndicatorKind(std::string_view s);

struct Indicator {
  std::string code;     // stable id used in the API: "fai", "output", ... ([a-z][a-z0-9_]*, <= 32)
  std::string name_zh;  // 固定资产投资
  std::string name_en;  // Fixed-asset investment
  std::string unit;     // 万元 | 吨标准煤 | 人 | 户 ...
  IndicatorKind kind = IndicatorKind::kFlow;
  bool higher_is_better = true;  // false for caps such as 综合能耗 (energy): colours invert
  int decimals = 2;              // places shown in the UI and the export (0..6)
};

// The seeded catalog (issue 3 item 1), in display order: fai, output, sales, value_added, tax,
// energy, employees, new_above_scale, new_enterprises, plus funds_in_place (资金到位, used by the
// project module). The sysadmin may edit the stored catalog later; this is only the seed.
const std::vector<Indicator>& SeededIndicators();

// The indicator with this code in `catalog`, or nullptr. The pointer is into `catalog`.
const Indicator* FindIndicator(const std::vector<Indicator>& catalog, std::string_view code);

// Checks one definition. Returns OK, or a Validation status whose details name every invalid
// field (code, name_zh, name_en, unit, decimals) with a Chinese message.
Status ValidateIndicator(const Indicator& indicator);

// Checks a whole catalog: each definition valid (fields prefixed "items[i].") and codes unique.
Status ValidateCatalog(const std::vector<Indicator>& catalog);

// Checks one monthly or cumulative figure entered for `indicator`: finite and not negative (no
// seeded indicator, flow or stock, can be below zero). `field` is the API field to blame, e.g.
// "values.fai". Returns OK or a Validation status with one detail for `field`.
Status ValidateIndicatorValue(const Indicator& indicator, double value, std::string_view field);

}  // namespace parkhq::monitoring
