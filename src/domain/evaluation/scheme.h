// 亩均效益评价方案 (the evaluation scheme) as configuration: groups, indicators with weights and
// benchmarks, caps, bonus/deduction items, the missing-data rule, class bounds and quotas.
// `Scheme` is what the API receives (codes as strings, so every mistake can be named by field);
// `ResolveScheme` checks it and turns it into a `ResolvedScheme` with typed codes and numeric
// benchmarks, which the calculation uses.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"
#include "domain/evaluation/indicator.h"

namespace parkhq::evaluation {

enum class Group { kAboveScale, kBelowScale };  // 规上 | 规下
inline constexpr std::size_t kGroupCount = 2;
const char* GroupCode(Group g);                  // "above_scale" | "below_scale"
std::optional<Group> ParseGroup(std::string_view s);

enum class EvalClass { kA, kB, kC, kD, kT };     // T = 不定等级 (excluded)
const char* ClassCode(EvalClass c);              // "A" … "T"
std::optional<EvalClass> ParseClass(std::string_view s);

// ---- As received -------------------------------------------------------------------------------
struct IndicatorSpec {
  std::string code;                  // catalogue key, e.g. "tax_per_mu"
  double weight = 0;                 // points at value == benchmark
  std::optional<double> benchmark;   // 基准值; when unset: benchmark_k × last year's group average
  double benchmark_k = 2.0;          // k of the rule (default 2)
  std::optional<double> cap;         // 封顶分 (max points of this indicator)
};

struct AdjustmentItem {              // 加分项 / 减分项
  std::string code;                  // e.g. "high_tech", "env_violation"
  std::string name;                  // Chinese label
  double points = 0;                 // ≥ 0; added for bonuses, subtracted for deductions
};

struct Quota {                       // share of the group's ranked enterprises, in %
  std::optional<double> max_pct;     // e.g. A ≤ 30
  std::optional<double> min_pct;     // e.g. C ≥ 10
};

struct ClassSpec {
  std::string method = "percentile";             // "percentile" | "threshold"
  std::vector<double> bounds = {20, 60, 95};     // percentile: % upper bounds of A, B, C
                                                 // threshold: minimum scores of A, B, C
  std::array<Quota, 4> quotas{};                 // for A, B, C, D
};

struct GroupSpec {
  std::string code;                              // "above_scale" | "below_scale"
  std::vector<IndicatorSpec> indicators;
  ClassSpec classes;
  std::vector<AdjustmentItem> bonuses;
  std::vector<AdjustmentItem> deductions;
  std::optional<double> max_bonus;               // cap on the bonus total, if any
  std::string missing = "group_average";         // "group_average" | "zero"
};

struct Scheme {
  std::vector<GroupSpec> groups;
};

// The default scheme of the issue (规上: 亩均税收 30, 亩均增加值 20, 全员劳动生产率 15,
// 单位能耗增加值 15, 单位排放增加值 10, 研发经费投入强度 10; 规下: 亩均税收 60, 单位电耗税收 40;
// benchmarks by the k = 2 rule; percentile classes 20/60/95; no caps, quotas or adjustments).
Scheme DefaultScheme();

// Structural validation (no benchmarks needed). OK, or Status::Validation listing every problem
// with fields like "groups[0].indicators[1].weight" (权重不能为负数), ".code" (未知指标 / 重复),
// "groups[0].classes.bounds" (须严格递增…), "groups[1].code" (未知分组 / 重复),
// "groups[0].classes.quotas.A.min_pct" (A类不支持下限配额) …
Status ValidateScheme(const Scheme& s);

// ---- Resolved ----------------------------------------------------------------------------------
enum class ClassMethod { kPercentile, kThreshold };
enum class MissingRule { kGroupAverage, kZero };

struct ResolvedIndicator {
  IndicatorCode code;
  double weight;
  double benchmark;                  // > 0
  std::optional<double> cap;
};

struct ResolvedGroup {
  Group group;
  std::vector<ResolvedIndicator> indicators;
  ClassMethod method;
  std::array<double, 3> bounds;
  std::array<Quota, 4> quotas;
  std::vector<AdjustmentItem> bonuses;
  std::vector<AdjustmentItem> deductions;
  std::optional<double> max_bonus;
  MissingRule missing;
};

struct ResolvedScheme {
  std::array<std::optional<ResolvedGroup>, kGroupCount> groups;  // by Group
};

// Last year's group averages per indicator (see GroupAverages in enterprise_input.h), indexed
// [group][indicator]; nullopt where there was no data.
using GroupAverageTable =
    std::array<std::array<std::optional<double>, kIndicatorCount>, kGroupCount>;

// ValidateScheme, then resolves rule benchmarks as k × last year's average. Fails with
// Status::Validation {"groups[0].indicators[2].benchmark", "未设基准值，且缺少上年平均值…"} when a
// rule benchmark has no (or a non-positive) average.
StatusOr<ResolvedScheme> ResolveScheme(const Scheme& s, const GroupAverageTable& last_year);

}  // namespace parkhq::evaluation
