#include "domain/parks/park_eval_calc.h"

#include <algorithm>
#include <cmath>

namespace parkhq::parks {
namespace {
double Round2(double v) { return std::round(v * 100) / 100; }
}  // namespace

const char* ScoringMethodCode(ScoringMethod m) {
  switch (m) {
    case ScoringMethod::kRatio: return "ratio";
    case ScoringMethod::kEfficacy: return "efficacy";
    case ScoringMethod::kRank: return "rank";
  }
  return "efficacy";
}

std::optional<ScoringMethod> ParseScoringMethod(std::string_view s) {
  if (s == "ratio") return ScoringMethod::kRatio;
  if (s == "efficacy") return ScoringMethod::kEfficacy;
  if (s == "rank") return ScoringMethod::kRank;
  return std::nullopt;
}

double RatioScore(double value, double benchmark, bool higher_is_better, double weight) {
  if (!(benchmark > 0) || !std::isfinite(value)) return 0;
  double f;
  if (higher_is_better) {
    f = value / benchmark;
  } else {
    f = value <= 0 ? 1.0 : benchmark / value;
  }
  return weight * std::clamp(f, 0.0, 1.0);
}

std::vector<std::optional<double>> EfficacyScores(const std::vector<std::optional<double>>& values,
                                                  bool higher_is_better, double weight) {
  std::optional<double> lo, hi;
  for (const auto& v : values)
    if (v) {
      lo = lo ? std::min(*lo, *v) : *v;
      hi = hi ? std::max(*hi, *v) : *v;
    }
  std::vector<std::optional<double>> out(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    if (*hi - *lo <= 1e-12) {
      out[i] = weight;
      continue;
    }
    const double t = higher_is_better ? (*values[i] - *lo) / (*hi - *lo) : (*hi - *values[i]) / (*hi - *lo);
    out[i] = weight * (60 + 40 * t) / 100;
  }
  return out;
}

std::vector<std::optional<double>> RankScores(const std::vector<std::optional<double>>& values,
                                              bool higher_is_better, double weight) {
  size_t n = 0;
  for (const auto& v : values) n += v.has_value();
  std::vector<std::optional<double>> out(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    size_t better = 0;
    for (const auto& v : values)
      if (v && (higher_is_better ? *v > *values[i] : *v < *values[i])) ++better;
    const double r = static_cast<double>(better + 1);
    out[i] = weight * (static_cast<double>(n) - r + 1) / static_cast<double>(n);
  }
  return out;
}

std::vector<int> CompetitionRanks(const std::vector<double>& scores) {
  std::vector<int> out(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) {
    int better = 0;
    for (double s : scores)
      if (s > scores[i] + 0.005) ++better;
    out[i] = better + 1;
  }
  return out;
}

std::vector<ParkResult> ScoreParks(const EvalScheme& scheme, const std::vector<int64_t>& park_ids,
                                   const std::vector<std::map<std::string, std::optional<double>>>& values) {
  std::vector<ParkResult> out(park_ids.size());
  for (size_t i = 0; i < park_ids.size(); ++i) {
    out[i].park_id = park_ids[i];
    for (const auto& c : scheme.categories) out[i].categories[c] = 0;
  }
  for (const auto& ind : scheme.indicators) {
    std::vector<std::optional<double>> col(park_ids.size());
    for (size_t i = 0; i < park_ids.size() && i < values.size(); ++i)
      if (auto it = values[i].find(ind.code); it != values[i].end() && it->second && std::isfinite(*it->second))
        col[i] = it->second;
    std::vector<std::optional<double>> scores(col.size());
    switch (ind.method) {
      case ScoringMethod::kRatio:
        for (size_t i = 0; i < col.size(); ++i)
          if (col[i]) scores[i] = RatioScore(*col[i], ind.benchmark.value_or(0), ind.higher_is_better, ind.weight);
        break;
      case ScoringMethod::kEfficacy: scores = EfficacyScores(col, ind.higher_is_better, ind.weight); break;
      case ScoringMethod::kRank: scores = RankScores(col, ind.higher_is_better, ind.weight); break;
    }
    for (size_t i = 0; i < out.size(); ++i) {
      IndicatorResult r{col[i], Round2(scores[i].value_or(0)), ind.weight};
      out[i].categories[ind.category] += r.score;
      out[i].score += r.score;
      out[i].indicators[ind.code] = r;
    }
  }
  std::vector<double> totals;
  for (auto& r : out) {
    r.score = Round2(r.score);
    for (auto& [c, v] : r.categories) v = Round2(v);
    totals.push_back(r.score);
  }
  const auto ranks = CompetitionRanks(totals);
  for (size_t i = 0; i < out.size(); ++i) out[i].rank = ranks[i];
  return out;
}

std::vector<std::pair<std::string, double>> LostPoints(const ParkResult& r, size_t n) {
  std::vector<std::pair<std::string, double>> lost;
  for (const auto& [code, ind] : r.indicators)
    if (ind.max - ind.score > 0.005) lost.emplace_back(code, Round2(ind.max - ind.score));
  std::stable_sort(lost.begin(), lost.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (lost.size() > n) lost.resize(n);
  return lost;
}

}  // namespace parkhq::parks
