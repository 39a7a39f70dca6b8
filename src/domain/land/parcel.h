// 地块 (land parcel): the value type, its validation, and the 亩 ↔ m² conversion.
// Plain values only; no HTTP, JSON or SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::land {

// 1 亩 = 10000/15 m² = 666.666… m² exactly (the plan's "666.67" is this value rounded).
inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;
inline double MuToM2(double mu) { return mu * kSquareMetresPerMu; }
inline double M2ToMu(double m2) { return m2 / kSquareMetresPerMu; }

// 供地方式.
enum class SupplyKind { kTransfer, kAllocation };  // 出让 | 划拨
const char* SupplyKindName(SupplyKind k);           // "transfer" | "allocation"
const char* SupplyKindNameZh(SupplyKind k);         // "出让" | "划拨"
std::optional<SupplyKind> ParseSupplyKind(std::string_view s);  // accepts both spellings

struct Parcel {
  int64_t id = 0;
  int64_t park_id = 0;
  std::optional<int64_t> sub_park_id;
  std::string code;                       // 地块编号, required
  double area_mu = 0;                     // recorded area (亩), > 0
  std::optional<double> area_m2;          // recorded area (m²); when both are given they must agree
  std::string land_use;                   // 用地性质, e.g. "工业用地"
  std::optional<int64_t> holder_enterprise_id;  // 用地单位
  std::optional<int64_t> project_id;

  // Life-cycle dates (all optional; each later stage needs the earlier ones).
  std::optional<Date> approved;           // 批 (农转用/征收批准)
  std::optional<Date> supplied;           // 供 (合同签订/划拨决定书)
  std::optional<SupplyKind> supply_kind;  // required when supplied is set
  std::optional<Date> agreed_start;       // 约定动工
  std::optional<Date> actual_start;       // 实际动工
  std::optional<Date> agreed_completion;  // 约定竣工
  std::optional<Date> completed;          // 竣工
  std::optional<Date> agreed_production;  // 约定投产
  std::optional<Date> production;         // 投产
  std::optional<Date> halted_since;       // 停工 since (construction halted; cleared when resumed)

  // Building and investment facts.
  std::optional<double> floor_area_m2;          // 总建筑面积, counted per the 8 m rule (see
                                                // standard_land_calc.h CountedFloorArea)
  std::optional<double> footprint_m2;           // 建筑物构筑物基底占地面积 (for 建筑系数)
  std::optional<double> developed_area_m2;      // 已动工开发面积
  std::optional<double> invested;               // 已完成投资, 万元
  std::optional<double> total_investment;       // 总投资 (planned), 万元
  std::optional<double> land_price;             // 土地出让价款, 万元 (for 闲置费)

  double AreaM2() const { return area_m2 ? *area_m2 : MuToM2(area_mu); }
};

// Relative tolerance when the recorded 亩 and m² areas (or a recorded and a computed area) are
// compared: |a − b| ≤ tolerance × max(a, b). 0.5% by default (rounding to 0.01 亩 on small parcels,
// survey differences).
inline constexpr double kDefaultAreaTolerance = 0.005;

// Checks every field and returns all problems at once: Status::Validation with details such as
// {"area_mu","地块面积必须大于0"} or {"actual_start","实际动工日期不能早于供地日期"}; OK when valid.
// Rules: code non-empty; area_mu > 0 and finite; area_m2 (if set) agrees with area_mu within
// kDefaultAreaTolerance; amounts and areas non-negative; supply_kind set iff supplied;
// dates in life-cycle order (approved ≤ supplied ≤ actual_start ≤ completed ≤ production);
// actual_start / completed / production require the earlier stage; footprint ≤ area;
// developed area ≤ area (× 1 + tolerance).
Status ValidateParcel(const Parcel& p);

struct AreaComparison {
  double recorded_m2 = 0;
  double computed_m2 = 0;
  double difference_m2 = 0;     // computed − recorded
  double relative = 0;          // |difference| / max(recorded, computed)
  bool within_tolerance = false;
};
// Compares a recorded area with one computed from the boundary geometry (both m²).
AreaComparison CompareAreas(double recorded_m2, double computed_m2,
                            double tolerance = kDefaultAreaTolerance);

}  // namespace parkhq::land
