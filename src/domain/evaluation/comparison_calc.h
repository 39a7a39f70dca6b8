// Comparing evaluation results: what-if (two schemes on the same inputs → the class changes) and
// the year-on-year class migration matrix (A→B …). Pure; O(n log n).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "common/status_or.h"
#include "domain/evaluation/evaluation_calc.h"

namespace parkhq::evaluation {

struct ClassChange {
  int64_t enterprise_id = 0;
  Group group = Group::kAboveScale;
  EvalClass before = EvalClass::kT;
  EvalClass after = EvalClass::kT;
  double score_before = 0;
  double score_after = 0;
  std::optional<int32_t> rank_before;
  std::optional<int32_t> rank_after;
};

// The enterprises whose class differs between two runs over the same inputs (matched by
// enterprise_id; an id present in one run only is ignored), ordered by enterprise_id.
std::vector<ClassChange> DiffRuns(const EvaluationRun& before, const EvaluationRun& after);

// Runs `inputs` under both schemes and diffs them. Fails when either run fails (see Evaluate).
StatusOr<std::vector<ClassChange>> WhatIf(const ResolvedScheme& current,
                                          const ResolvedScheme& proposed,
                                          const std::vector<EnterpriseInput>& inputs);

// counts[from][to] over enterprises classed in both years (index = EvalClass: A,B,C,D,T);
// entered[to] = classed this year only; left[from] = classed last year only.
struct MigrationMatrix {
  std::array<std::array<int32_t, 5>, 5> counts{};
  std::array<int32_t, 5> entered{};
  std::array<int32_t, 5> left{};
  int32_t upgraded = 0;    // moved to a better class among A–D (e.g. C → B)
  int32_t downgraded = 0;  // moved to a worse class among A–D
};

using ClassOf = std::pair<int64_t, EvalClass>;  // (enterprise_id, class)
// Duplicate ids: the first occurrence counts.
MigrationMatrix Migration(std::vector<ClassOf> last_year, std::vector<ClassOf> this_year);

}  // namespace parkhq::evaluation
