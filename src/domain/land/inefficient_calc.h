// 五类低效用地 (the five kinds of inefficient land) at a date, with configurable rules. Each finding
// names the rule(s), Chinese reasons and machine-readable facts; 闲置土地 findings carry the legal
// consequences (闲置土地处置办法 2012) as information. Pure; no HTTP, JSON or SQL.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/land/parcel.h"
#include "domain/land/standard_land.h"

namespace parkhq::land {

enum class InefficiencyKind {
  kApprovedNotSupplied,     // 批而未供 approved_not_supplied
  kSuppliedNotUsed,         // 供而未用 supplied_not_used (闲置土地)
  kUsedNotFully,            // 用而未尽 used_not_fully
  kBuiltNotProducing,       // 建而未投 built_not_producing
  kProducingBelowStandard,  // 投而未达标 producing_below_standard
};
inline constexpr std::size_t kInefficiencyKindCount = 5;
const char* KindCode(InefficiencyKind k);    // "approved_not_supplied" ...
const char* KindNameZh(InefficiencyKind k);  // "批而未供" ...

// Every threshold of the five rules; the defaults are the national / plan values (docs/land.md).
struct InefficiencyRules {
  int approved_not_supplied_years = 2;       // 批而未供: N years after approval without supply
  int idle_years_after_agreed_start = 1;     // 闲置: 超过约定动工日期满一年未动工
  double min_developed_share = 1.0 / 3.0;    // 闲置(停工): 开发面积 < 1/3 应开发面积 …
  double min_invested_share = 0.25;          // … 或已投资 < 25% 总投资 …
  int halted_years = 1;                      // … 且中止开发建设满一年
  double national_min_coverage = 0.30;       // 建筑系数 national floor (industrial land)
  std::optional<double> national_min_far;    // 容积率 national floor; unset: only the agreed one
  std::optional<double> max_undeveloped_share = 0.5;  // 用而未尽: undeveloped share ≥ this
  double idle_fee_share = 0.20;              // 闲置费 = 20% of the land price …
  int idle_fee_after_years = 1;              // … once idle one full year
  int reclaim_after_years = 2;               // 无偿收回 once idle two full years
};
// OK, or Status::Validation naming the field ("approved_not_supplied_years": "须为正整数" …).
Status ValidateRules(const InefficiencyRules& r);

struct ParcelFacts {
  Parcel parcel;
  std::optional<StandardLandContract> contract;  // 标准地 contract, if any
  ActualValues actual{};                          // actual values at the 达产复核
};

// A machine-readable fact behind a finding, e.g. {"agreed_start", Date}, {"far", 0.62}.
struct Fact {
  std::string key;
  std::variant<double, Date, std::string> value;
};

// A legal consequence shown as information (not applied by the software).
struct Consequence {
  std::string code;               // "idle_fee" | "reclaim"
  std::string text;               // Chinese, e.g. "按土地价款的20%征缴土地闲置费"
  Date from;                      // the date the consequence applies from
  bool reached = false;           // from ≤ the evaluation date
  std::optional<double> amount;   // idle fee in 万元 when the land price is known
};

struct InefficiencyFinding {
  int64_t parcel_id = 0;
  std::string parcel_code;
  InefficiencyKind kind = InefficiencyKind::kApprovedNotSupplied;
  double area_mu = 0;
  std::vector<std::string> rules;    // rule codes, e.g. "supplied_not_used.not_started"
  std::vector<std::string> reasons;  // Chinese, one per rule
  std::vector<Fact> facts;
  std::vector<Consequence> consequences;  // supplied_not_used only
};

// A rule that could not be judged for lack of data (e.g. supplied, no agreed start date).
struct DataGap {
  int64_t parcel_id = 0;
  std::string rule;
  std::string message;  // Chinese
};

struct InefficiencyReport {
  std::vector<InefficiencyFinding> items;  // parcel order, then kind order
  std::array<double, kInefficiencyKindCount> totals_mu{};  // by kind (a parcel counts once per kind)
  double total_distinct_mu = 0;            // each listed parcel once
  std::vector<DataGap> gaps;
};

// The findings for one parcel at `date` (0..n findings; a parcel can fall under several kinds,
// e.g. built_not_producing and used_not_fully). Boundary days are documented per rule in
// docs/land.md: "N years after X" holds from X.AddYears(N) on (the anniversary itself counts; a
// 29 February anniversary falls on 28 February); "by the agreed date D" is missed from D + 1 day.
std::vector<InefficiencyFinding> ClassifyParcel(const ParcelFacts& f, Date date,
                                                const InefficiencyRules& rules,
                                                std::vector<DataGap>* gaps = nullptr);

// All parcels at `date`, with the park totals in 亩.
InefficiencyReport FindInefficientLand(const std::vector<ParcelFacts>& parcels, Date date,
                                       const InefficiencyRules& rules = {});

}  // namespace parkhq::land
