// Annual assessment of units (考核评价): each unit's score from its items, deductions and bonuses,
// and the ranking. Pure functions over plain values; every formula is in docs/tasks.md "考核评价".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace parkhq::task {

enum class ScoringMethod { kCompletion, kEfficacy };
const char* ScoringMethodCode(ScoringMethod m);  // "completion" | "efficacy"
std::optional<ScoringMethod> ParseScoringMethod(const std::string& s);

// The per-year settings of a plan's assessment.
struct AssessmentSettings {
  ScoringMethod method = ScoringMethod::kCompletion;
  double completion_cap = 1.0;           // completion counted at most this (1.0 = 100%)
  double efficacy_best = 100;            // 功效系数: the best unit's score
  double efficacy_worst = 60;            // 功效系数: the worst unit's score
  double deduct_overdue_item = 2;        // per item past its deadline and not completed
  double deduct_returned_report = 1;     // per report returned by the lead unit
  double deduct_overdue_supervision = 2; // per 督办 assignment overdue (not done by its deadline)
  double bonus_cap = 5;                  // bonus points counted at most this per unit
  double supervision_weight = 2;         // 督办 结果考评: each assignment scores as an item of this weight,
                                         // completed (1) when confirmed and reported done by its deadline
};
// OK, or Validation naming the field: cap in [1, 2]; worst < best, both in [0, 100]; deductions and
// bonus cap in [0, 100].
Status ValidateAssessmentSettings(const AssessmentSettings& s);

struct UnitItemInput {
  int64_t item_id = 0;
  double weight = 0;      // 分值
  double completion = 0;  // completion fraction (0..), before the cap
  bool overdue = false;   // past its deadline and not completed
};

struct UnitInput {
  std::string unit;
  std::vector<UnitItemInput> items;
  int returned_reports = 0;
  int overdue_supervisions = 0;
  double bonus = 0;
};

struct UnitItemScore {
  int64_t item_id = 0;
  double weight = 0;
  double completion = 0;  // after the cap
  double score = 0;       // completion × weight
};

struct UnitScore {
  std::string unit;
  std::vector<UnitItemScore> items;
  double weight_total = 0;
  double base = 0;          // Σ completion × weight (completion method) or the efficacy score
  double rate = 0;          // Σ completion × weight / Σ weight (the weighted completion rate)
  double deductions = 0;
  double bonus = 0;         // after the cap
  double score = 0;         // max(0, base − deductions + bonus)
  int rank = 0;             // 1 = best; equal scores share a rank (1, 1, 3)
};

// Scores and ranks the units (in the input's order; rank tells the order). Units without items
// score their bonus less their deductions on a base of 0 (efficacy: they are left out of best/worst
// and get the worst score).
std::vector<UnitScore> ScoreUnits(const std::vector<UnitInput>& units, const AssessmentSettings& s);

}  // namespace parkhq::task
