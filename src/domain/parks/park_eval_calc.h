// Park evaluation for a region (园区综合评价, issue 13 item 1): the pure scoring of one scheme over the
// parks of a region. An indicator's value is scored to [0, weight] by one of three methods, the
// park's category scores are the sums of their indicators' scores, its score the sum of all, and
// parks are ranked by score (docs/parks.md gives the formulas). Plain values only.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parkhq::parks {

enum class ScoringMethod {
  kRatio,     // 比值法: value against a benchmark, capped at the weight
  kEfficacy,  // 功效系数法: 60 + 40 × (x − min) / (max − min) over the region's parks
  kRank,      // 排序法: weight × (n − rank + 1) / n
};
const char* ScoringMethodCode(ScoringMethod m);  // "ratio" | "efficacy" | "rank"
std::optional<ScoringMethod> ParseScoringMethod(std::string_view s);

struct EvalIndicator {
  std::string code;
  std::string name;
  std::string category;
  std::string unit;
  std::string source = "formula";  // formula (over platform variables) | entered (by the park, with evidence)
  std::string formula;             // expression over variables; for entered: the variable code
  bool higher_is_better = true;
  double weight = 0;
  ScoringMethod method = ScoringMethod::kEfficacy;
  std::optional<double> benchmark;  // kRatio only; > 0
  int sort = 0;
};

struct EvalScheme {
  std::string code;
  std::string name;
  std::string note;
  std::vector<std::string> categories;  // in display order
  std::vector<EvalIndicator> indicators;
};

// 比值法. Higher is better: weight × min(1, value / benchmark), at least 0. Lower is better:
// weight × min(1, benchmark / value), the full weight when value <= 0. benchmark must be > 0
// (else 0 points).
double RatioScore(double value, double benchmark, bool higher_is_better, double weight);

// 功效系数法 over the parks that have a value: d = 60 + 40 × (x − min) / (max − min) (lower is
// better: (max − x)), score = weight × d / 100; every valued park gets the full weight when
// max == min. A missing value stays missing.
std::vector<std::optional<double>> EfficacyScores(const std::vector<std::optional<double>>& values,
                                                  bool higher_is_better, double weight);

// 排序法 over the parks that have a value: rank r (1 = best, ties share the best rank) of n valued
// parks scores weight × (n − r + 1) / n. A missing value stays missing.
std::vector<std::optional<double>> RankScores(const std::vector<std::optional<double>>& values,
                                              bool higher_is_better, double weight);

// Competition ranks (1, 2, 2, 4) of scores, highest first; scores equal to 0.01 share a rank.
std::vector<int> CompetitionRanks(const std::vector<double>& scores);

struct IndicatorResult {
  std::optional<double> value;  // nullopt: the data is missing (0 points)
  double score = 0;
  double max = 0;  // the indicator's weight
};

struct ParkResult {
  int64_t park_id = 0;
  double score = 0;
  int rank = 0;
  std::map<std::string, double> categories;  // category → points
  std::map<std::string, IndicatorResult> indicators;
};

// Scores every park on every indicator of `scheme`. values[i] holds park_ids[i]'s indicator values
// by indicator code (absent or nullopt: missing). Results are in park_ids order, scores rounded
// to 2 decimals.
std::vector<ParkResult> ScoreParks(const EvalScheme& scheme, const std::vector<int64_t>& park_ids,
                                   const std::vector<std::map<std::string, std::optional<double>>>& values);

// The indicators that cost the park the most points (weight − score), largest first, at most n,
// leaving out those that cost nothing.
std::vector<std::pair<std::string, double>> LostPoints(const ParkResult& r, size_t n);

}  // namespace parkhq::parks
