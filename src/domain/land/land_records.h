// The stored shapes of the land module: a parcel with its boundary and bookkeeping, a 标准地
// contract with actual values, a disposal record, and the parcel's life-cycle stage. Plain values.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/land/geometry.h"
#include "domain/land/inefficient_calc.h"
#include "domain/land/parcel.h"
#include "domain/land/standard_land.h"

namespace parkhq::land {

const char* CrsName(CoordinateSystem c);                      // "lonlat" | "projected"
std::optional<CoordinateSystem> ParseCrs(std::string_view s);

// A parcel as stored: the domain Parcel (park_id = the park or sub-park) plus what the screens need.
struct ParcelRecord {
  Parcel parcel;
  std::string name;
  std::string holder_name;                  // 用地单位 as written on the land file
  std::optional<std::string> geometry_json; // GeoJSON geometry text (canonical, from the HTTP layer)
  std::optional<Geometry> geometry;         // parsed; set when geometry_json is (for validation)
  CoordinateSystem crs = CoordinateSystem::kLonLat;
  std::optional<double> geometry_area_m2;   // computed by the service from `geometry`
  std::string note;
  bool is_demo = false;
  std::string created_at, updated_at;
};

// 地块阶段 at a date, from the life-cycle dates.
enum class ParcelStage { kPlanned, kApproved, kSupplied, kUnderConstruction, kHalted, kCompleted, kProducing };
const char* StageCode(ParcelStage s);  // planned | approved | supplied | under_construction | halted | completed | producing
const char* StageNameZh(ParcelStage s);
std::optional<ParcelStage> ParseStage(std::string_view s);
ParcelStage StageAt(const Parcel& p, Date date);

// One agreed indicator with its actual value at the 达产复核.
struct ContractIndicator {
  evaluation::IndicatorCode code = evaluation::IndicatorCode::kInvestmentIntensity;
  double agreed = 0;
  std::optional<double> actual;  // entered at the 达产复核
};

struct ContractRecord {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t parcel_id = 0;
  std::string contract_no;
  std::optional<Date> signed_on;
  std::optional<Date> production_check;  // 约定达产复核日期
  std::optional<Date> checked_on;        // 复核完成日期
  std::vector<ContractIndicator> indicators;
  std::string note;
  bool is_demo = false;
  std::string created_at, updated_at;

  StandardLandContract ToContract() const;
};

// The values the 达产复核 compares: entered actuals, else those computable from the parcel
// (投资强度, 容积率, 建筑系数).
ActualValues ActualsFor(const ContractRecord& c, const Parcel& p);

// 标准地 status of a parcel at a date.
enum class StandardStatus { kNone, kPending, kPassed, kFailed };  // 无, 待复核, 达标, 未达标
const char* StandardStatusCode(StandardStatus s);                // none | pending | passed | failed
StandardStatus StandardStatusAt(const ContractRecord* c, const Parcel& p, Date date);

// 处置方式 and 处置状态.
inline constexpr std::string_view kDisposalMethods[] = {"reclaim", "transfer", "joint_development",
                                                        "rectify", "idle_fee", "other"};
inline constexpr std::string_view kDisposalStatuses[] = {"planned", "in_progress", "completed", "cancelled"};
bool IsDisposalMethod(std::string_view s);
bool IsDisposalStatus(std::string_view s);
std::optional<InefficiencyKind> ParseKind(std::string_view s);

struct Disposal {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t parcel_id = 0;
  std::string kind;      // inefficiency kind code
  std::string method;    // 处置方式
  std::string unit;      // 责任单位
  std::optional<Date> deadline;
  std::string status = "planned";
  std::optional<Date> completed_on;
  bool audited = false;  // 已核查销号
  std::string audited_by, audited_at;
  std::string note;
  bool is_demo = false;
  std::string created_at, updated_at;
};

// OK or 422 naming the fields (kind, method, status, completed_on, audited …).
Status ValidateDisposal(const Disposal& d);

}  // namespace parkhq::land
