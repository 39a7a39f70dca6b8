// The indicator catalogue shared by the 亩均效益 evaluation and the 标准地 contracts: codes, Chinese
// names, units and direction. Plain values only; no HTTP, JSON or SQL.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace parkhq::evaluation {

enum class IndicatorCode {
  kTaxPerMu,               // 亩均税收, 万元/亩 = tax / land_mu
  kValueAddedPerMu,        // 亩均增加值, 万元/亩 = value_added / land_mu
  kRevenuePerMu,           // 亩均营业收入, 万元/亩 = revenue / land_mu
  kLabourProductivity,     // 全员劳动生产率, 万元/人 = value_added / employees_avg
  kValueAddedPerEnergy,    // 单位能耗增加值, 万元/吨标准煤 = value_added / energy_tce
  kValueAddedPerEmission,  // 单位排放增加值, 万元/吨 = value_added / emissions_t
  kRndIntensity,           // 研发经费投入强度, fraction = rnd / revenue
  kTaxPerKwh,              // 单位电耗税收, 万元/万千瓦时 = tax / (electricity_kwh / 10000)
  kInvestmentIntensity,    // 固定资产投资强度, 万元/亩 (标准地 only: invested / area_mu)
  kFloorAreaRatio,         // 容积率, ratio (标准地 only)
  kBuildingCoverage,       // 建筑系数, fraction (标准地 only)
};

inline constexpr std::size_t kIndicatorCount = 11;
// The evaluation indicators are the first eight codes (kTaxPerMu … kTaxPerKwh).
inline constexpr std::size_t kEvaluationIndicatorCount = 8;

// Whether a larger value is better (every catalogue entry today) or a smaller one.
enum class Direction { kHigherIsBetter, kLowerIsBetter };

struct IndicatorInfo {
  IndicatorCode code;
  std::string_view key;      // API code, e.g. "tax_per_mu"
  std::string_view name_zh;  // e.g. "亩均税收"
  std::string_view unit;     // e.g. "万元/亩"
  Direction direction;
  bool in_evaluation;        // computable from the evaluation inputs (may appear in a scheme)
  bool in_standard_land;     // may be an agreed indicator of a 标准地 contract
};

// The whole catalogue, in enum order.
const std::array<IndicatorInfo, kIndicatorCount>& Catalogue();
const IndicatorInfo& Info(IndicatorCode code);
// Looks up an API code ("tax_per_mu"); nullopt when unknown.
std::optional<IndicatorCode> ParseIndicatorCode(std::string_view key);
inline std::size_t Index(IndicatorCode code) { return static_cast<std::size_t>(code); }

}  // namespace parkhq::evaluation
