// 亩均效益评价: indicator scores, total score, rank and class of every enterprise of a year.
// Pure and single-threaded; O(n log n) (one sort per group). Thread-compatible: no shared state.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "domain/evaluation/enterprise_input.h"
#include "domain/evaluation/scheme.h"

namespace parkhq::evaluation {

// Kept compact (≈ 200 bytes) because a run holds one per enterprise: indicator values and scores
// are stored densely with presence bits; read them through Indicator() / IndicatorScore().
struct EnterpriseResult {
  int64_t enterprise_id = 0;
  Group group = Group::kAboveScale;
  std::array<double, kEvaluationIndicatorCount> values{};  // valid where has_value bit is set
  std::array<double, kEvaluationIndicatorCount> scores{};  // valid where has_score bit is set
  uint16_t has_value = 0;              // bit Index(code): the indicator is defined
  uint16_t has_score = 0;              // bit Index(code): a scheme indicator was scored (not T)
  uint16_t imputed_mask = 0;           // bit Index(code): score from the missing-data rule
  double bonus = 0;                    // after max_bonus
  double deduction = 0;
  double score = 0;                    // rounded to 4 decimals; 0 for T
  EvalClass cls = EvalClass::kT;
  EvalClass class_by_rank = EvalClass::kT;  // before quotas, veto and D-exemption
  std::optional<int32_t> rank;         // 1 = best, ties share the better rank; nullopt for T
  int32_t ranked_in_group = 0;         // n: the group's ranked (non-T) enterprises
  bool quota_adjusted = false;         // class moved by a quota
  bool vetoed = false;                 // A/B → C by veto
  bool d_exempted = false;             // D → C by exemption
  bool IsImputed(IndicatorCode c) const { return (imputed_mask >> Index(c)) & 1u; }
  // The indicator value; nullopt when undefined (missing input, zero denominator) or not an
  // evaluation indicator.
  std::optional<double> Indicator(IndicatorCode c) const {
    const std::size_t k = Index(c);
    if (k >= kEvaluationIndicatorCount || !((has_value >> k) & 1u)) return std::nullopt;
    return values[k];
  }
  // The indicator's score; nullopt when not in the scheme or the enterprise is T.
  std::optional<double> IndicatorScore(IndicatorCode c) const {
    const std::size_t k = Index(c);
    if (k >= kEvaluationIndicatorCount || !((has_score >> k) & 1u)) return std::nullopt;
    return scores[k];
  }
};

struct GroupSummary {
  int32_t ranked = 0;                               // n
  int32_t excluded = 0;                             // class T
  std::array<int32_t, 5> class_counts{};            // A, B, C, D, T
  IndicatorValues average_scores{};                 // group average score per scheme indicator
};

struct EvaluationRun {
  std::vector<EnterpriseResult> items;              // same order as the inputs
  std::array<GroupSummary, kGroupCount> groups{};
};

// Scores and classes every input. Fails with Status::Validation (see ValidateInputs) when an
// input is invalid for the scheme; never fails otherwise.
//  indicator score = clamp(value / benchmark × weight, 0, cap)   (no upper clamp without a cap;
//                    a negative value scores 0)
//  missing value   = the group's average score on that indicator over the enterprises that have
//                    the value (0 when none has it), or 0 under MissingRule::kZero
//  score           = round4(Σ indicator scores + min(Σ bonuses, max_bonus) − Σ deductions)
//  class           = ClassifySorted on the group's scores, then veto (A/B → C) and
//                    D-exemption (D → C). Excluded enterprises get T, no rank and no score.
StatusOr<EvaluationRun> Evaluate(const ResolvedScheme& scheme,
                                 const std::vector<EnterpriseInput>& inputs);

struct RankedClass {
  int32_t rank = 0;
  EvalClass by_rank = EvalClass::kD;   // from percentile / threshold only
  EvalClass cls = EvalClass::kD;       // after quotas
};

// Ranks and classes for scores sorted best first (non-increasing). Equal scores share the better
// rank (1, 2, 2, 4 …) and always the same class.
//  percentile: rank r of n is A when 100·r ≤ bounds[0]·n, else B when ≤ bounds[1]·n, else C when
//              ≤ bounds[2]·n, else D;
//  threshold:  A when score ≥ bounds[0], B when ≥ bounds[1], C when ≥ bounds[2], else D.
// Quotas (shares of n) are then enforced in this order, moving whole groups of tied scores:
//  maxima for A, B, C: while a class holds more than floor(max·n/100), its lowest-ranked tie group
//    moves down one class (cascading: what A gives up can push B over its maximum …);
//  minima for D, C, B: while a class holds fewer than ceil(min·n/100), the lowest-ranked tie
//    group of the better classes moves down into it.
// Maxima are never exceeded by the maximum step; a tie group moved to meet a minimum may
// overshoot that minimum (and, rarely, the receiving class's maximum).
std::vector<RankedClass> ClassifySorted(const std::vector<double>& sorted_scores,
                                        const ResolvedGroup& group);

}  // namespace parkhq::evaluation
