// Pure computations for 标准地: counted floor area (8 m rule), 容积率, 建筑系数, 投资强度, and the
// per-indicator pass/fail of the 达产复核.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/land/standard_land.h"

namespace parkhq::land {

// A storey (or a single-storey hall) of a building.
struct Storey {
  double floor_area_m2 = 0;
  double height_m = 0;  // 层高
};

// Storeys higher than this count twice in the floor-area ratio (工业项目建设用地控制指标: 层高超过
// 8米的，在计算容积率时该层建筑面积加倍计算). Exactly 8.0 m counts once.
inline constexpr double kDoubleCountHeightM = 8.0;

// Σ floor_area × (height > 8 m ? 2 : 1). Negative areas are treated as 0.
double CountedFloorArea(const std::vector<Storey>& storeys);

// 容积率 = counted floor area / parcel area; nullopt when area ≤ 0 or floor area unknown.
std::optional<double> FloorAreaRatio(std::optional<double> counted_floor_area_m2, double area_m2);
// 建筑系数 = footprint / parcel area (a fraction, national floor 0.30); nullopt as above.
std::optional<double> BuildingCoverage(std::optional<double> footprint_m2, double area_m2);
// 固定资产投资强度 = invested (万元) / area (亩); nullopt as above.
std::optional<double> InvestmentIntensity(std::optional<double> invested, double area_mu);

struct IndicatorCheck {
  IndicatorCode code = IndicatorCode::kInvestmentIntensity;
  double agreed = 0;
  std::optional<double> actual;
  bool passed = false;   // actual ≥ agreed (higher is better) or ≤ agreed (lower is better)
  bool missing = false;  // no actual value: counted as failed
  std::string reason;    // Chinese, e.g. "亩均税收 实际12.50 低于约定15.00 万元/亩"
};

struct ContractCheck {
  std::vector<IndicatorCheck> items;  // in contract order
  int failed = 0;
  bool passed() const { return failed == 0; }
};

// Checks every agreed indicator against `actual`. A missing actual value fails (reason
// "未提供实际值，按未达标处理"). Comparison is exact on the values given (round before if needed).
ContractCheck CheckContract(const StandardLandContract& contract, const ActualValues& actual);

}  // namespace parkhq::land
