#include "domain/evaluation/evaluation_calc.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace parkhq::evaluation {
namespace {

constexpr double kEps = 1e-9;

double Round4(double v) { return std::round(v * 10000.0) / 10000.0; }

EvalClass ByPercentile(int32_t rank, std::size_t n, const std::array<double, 3>& b) {
  const double r100 = 100.0 * rank, dn = static_cast<double>(n);
  if (r100 <= b[0] * dn + kEps) return EvalClass::kA;
  if (r100 <= b[1] * dn + kEps) return EvalClass::kB;
  if (r100 <= b[2] * dn + kEps) return EvalClass::kC;
  return EvalClass::kD;
}

EvalClass ByThreshold(double score, const std::array<double, 3>& b) {
  if (score >= b[0]) return EvalClass::kA;
  if (score >= b[1]) return EvalClass::kB;
  if (score >= b[2]) return EvalClass::kC;
  return EvalClass::kD;
}

double AdjustmentPoints(const std::vector<std::string>& codes, const std::vector<AdjustmentItem>& items) {
  double total = 0;
  for (const std::string& c : codes)
    for (const AdjustmentItem& a : items)
      if (a.code == c) total += a.points;
  return total;
}

// Scores one group: indicator scores, missing-data imputation, bonuses and deductions. Two passes
// over the members (each touches one result once per pass), so the cost is linear and cache-kind.
void ScoreGroup(const ResolvedGroup& g, const std::vector<uint32_t>& members,
                const std::vector<EnterpriseInput>& inputs, EvaluationRun& run) {
  GroupSummary& summary = run.groups[static_cast<std::size_t>(g.group)];
  std::array<double, kIndicatorCount> sum{};
  std::array<int64_t, kIndicatorCount> count{};
  for (uint32_t i : members) {
    EnterpriseResult& r = run.items[i];
    for (const ResolvedIndicator& ind : g.indicators) {
      const std::size_t k = Index(ind.code);
      if (!((r.has_value >> k) & 1u)) continue;
      double s = std::max(0.0, r.values[k] / ind.benchmark * ind.weight);
      if (ind.cap) s = std::min(s, *ind.cap);
      r.scores[k] = s;
      r.has_score |= static_cast<uint16_t>(1u << k);
      sum[k] += s;
      ++count[k];
    }
  }
  std::array<double, kIndicatorCount> fill{};
  for (const ResolvedIndicator& ind : g.indicators) {
    const std::size_t k = Index(ind.code);
    if (count[k] == 0) continue;
    const double average = sum[k] / static_cast<double>(count[k]);
    summary.average_scores[k] = average;
    if (g.missing == MissingRule::kGroupAverage) fill[k] = average;
  }
  for (uint32_t i : members) {
    EnterpriseResult& r = run.items[i];
    double total = 0;
    for (const ResolvedIndicator& ind : g.indicators) {
      const std::size_t k = Index(ind.code);
      if (!((r.has_score >> k) & 1u)) {
        r.scores[k] = fill[k];
        r.has_score |= static_cast<uint16_t>(1u << k);
        r.imputed_mask |= static_cast<uint16_t>(1u << k);
      }
      total += r.scores[k];
    }
    const EnterpriseInput& in = inputs[i];
    if (!in.bonuses.empty()) {
      r.bonus = AdjustmentPoints(in.bonuses, g.bonuses);
      if (g.max_bonus) r.bonus = std::min(r.bonus, *g.max_bonus);
    }
    if (!in.deductions.empty()) r.deduction = AdjustmentPoints(in.deductions, g.deductions);
    r.score = Round4(total + r.bonus - r.deduction);
  }
}

void ClassifyGroup(const ResolvedGroup& g, const std::vector<uint32_t>& members,
                   const std::vector<EnterpriseInput>& inputs, EvaluationRun& run) {
  // Sort compact keys rather than indices into the (large) results, then write the classes back
  // in member order (sequential access to results and inputs).
  struct Key {
    double score;
    int64_t id;
    uint32_t ordinal;  // position in `members`
  };
  std::vector<Key> keys(members.size());
  for (std::size_t j = 0; j < members.size(); ++j) {
    const EnterpriseResult& r = run.items[members[j]];
    keys[j] = {r.score, r.enterprise_id, static_cast<uint32_t>(j)};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  std::vector<double> scores(keys.size());
  std::vector<uint32_t> position(keys.size());
  for (std::size_t j = 0; j < keys.size(); ++j) {
    scores[j] = keys[j].score;
    position[keys[j].ordinal] = static_cast<uint32_t>(j);
  }
  const std::vector<RankedClass> classes = ClassifySorted(scores, g);
  GroupSummary& summary = run.groups[static_cast<std::size_t>(g.group)];
  summary.ranked = static_cast<int32_t>(members.size());
  for (std::size_t m = 0; m < members.size(); ++m) {
    const RankedClass& c = classes[position[m]];
    EnterpriseResult& r = run.items[members[m]];
    const EnterpriseInput& in = inputs[members[m]];
    r.rank = c.rank;
    r.ranked_in_group = summary.ranked;
    r.class_by_rank = c.by_rank;
    r.cls = c.cls;
    r.quota_adjusted = r.cls != r.class_by_rank;
    if (in.veto_reason && (r.cls == EvalClass::kA || r.cls == EvalClass::kB)) {
      r.cls = EvalClass::kC;
      r.vetoed = true;
    }
    if (in.d_exempt_reason && r.cls == EvalClass::kD) {
      r.cls = EvalClass::kC;
      r.d_exempted = true;
    }
    ++summary.class_counts[static_cast<std::size_t>(r.cls)];
  }
}

}  // namespace

std::vector<RankedClass> ClassifySorted(const std::vector<double>& s, const ResolvedGroup& g) {
  const std::size_t n = s.size();
  std::vector<RankedClass> out(n);
  if (n == 0) return out;
  std::vector<std::size_t> tie_start(n);
  for (std::size_t i = 0; i < n; ++i) tie_start[i] = (i > 0 && s[i] == s[i - 1]) ? tie_start[i - 1] : i;
  const auto start_of = [&](std::size_t k) { return k >= n ? n : tie_start[k]; };

  // cut[c] = first position of class c+1, i.e. [0,cut[0]) A, [cut[0],cut[1]) B, [cut[1],cut[2]) C.
  std::array<std::size_t, 3> cut = {0, 0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    out[i].rank = static_cast<int32_t>(tie_start[i] + 1);
    out[i].by_rank = g.method == ClassMethod::kPercentile ? ByPercentile(out[i].rank, n, g.bounds)
                                                          : ByThreshold(s[i], g.bounds);
    for (std::size_t c = 0; c < 3; ++c)
      if (static_cast<std::size_t>(out[i].by_rank) <= c) cut[c] = i + 1;
  }
  for (std::size_t c = 1; c < 3; ++c) cut[c] = std::max(cut[c], cut[c - 1]);

  const double dn = static_cast<double>(n);
  for (std::size_t c = 0; c < 3; ++c) {  // maxima, A then B then C
    if (!g.quotas[c].max_pct) continue;
    const auto allowed = static_cast<std::size_t>(std::floor(*g.quotas[c].max_pct * dn / 100.0 + kEps));
    const std::size_t begin = c == 0 ? 0 : cut[c - 1];
    if (cut[c] - begin > allowed) cut[c] = std::max(begin, start_of(begin + allowed));
  }
  for (std::size_t c = 3; c >= 1; --c) {  // minima, D then C then B
    if (!g.quotas[c].min_pct) continue;
    const auto required = static_cast<std::size_t>(std::ceil(*g.quotas[c].min_pct * dn / 100.0 - kEps));
    const std::size_t end = c == 3 ? n : cut[c];
    std::size_t& begin = cut[c - 1];
    if (end - begin < required) begin = std::min(begin, start_of(end >= required ? end - required : 0));
    for (std::size_t k = c - 1; k-- > 0;) cut[k] = std::min(cut[k], cut[k + 1]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t c = 0;
    while (c < 3 && i >= cut[c]) ++c;
    out[i].cls = static_cast<EvalClass>(c);
  }
  return out;
}

StatusOr<EvaluationRun> Evaluate(const ResolvedScheme& scheme,
                                 const std::vector<EnterpriseInput>& inputs) {
  PARKHQ_RETURN_IF_ERROR(ValidateInputs(inputs, &scheme));
  EvaluationRun run;
  run.items.resize(inputs.size());
  std::array<std::vector<uint32_t>, kGroupCount> members;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const EnterpriseInput& in = inputs[i];
    EnterpriseResult& r = run.items[i];
    r.enterprise_id = in.enterprise_id;
    r.group = in.group;
    const IndicatorValues values = ComputeIndicators(in);
    for (std::size_t k = 0; k < kEvaluationIndicatorCount; ++k) {
      if (!values[k]) continue;
      r.values[k] = *values[k];
      r.has_value |= static_cast<uint16_t>(1u << k);
    }
    const auto g = static_cast<std::size_t>(in.group);
    if (in.excluded_reason || !scheme.groups[g]) {
      r.cls = r.class_by_rank = EvalClass::kT;
      ++run.groups[g].excluded;
      ++run.groups[g].class_counts[static_cast<std::size_t>(EvalClass::kT)];
      continue;
    }
    members[g].push_back(static_cast<uint32_t>(i));
  }
  for (std::size_t g = 0; g < kGroupCount; ++g) {
    if (!scheme.groups[g] || members[g].empty()) continue;
    ScoreGroup(*scheme.groups[g], members[g], inputs, run);
    ClassifyGroup(*scheme.groups[g], members[g], inputs, run);
  }
  return run;
}

}  // namespace parkhq::evaluation
