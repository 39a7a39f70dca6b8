#include "domain/evaluation/comparison_calc.h"

#include <algorithm>

namespace parkhq::evaluation {
namespace {

std::vector<uint32_t> OrderById(const EvaluationRun& run) {
  std::vector<uint32_t> idx(run.items.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<uint32_t>(i);
  std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
    return run.items[a].enterprise_id < run.items[b].enterprise_id;
  });
  return idx;
}

void SortUnique(std::vector<ClassOf>& v) {
  std::stable_sort(v.begin(), v.end(), [](const ClassOf& a, const ClassOf& b) { return a.first < b.first; });
  v.erase(std::unique(v.begin(), v.end(), [](const ClassOf& a, const ClassOf& b) { return a.first == b.first; }),
          v.end());
}

}  // namespace

std::vector<ClassChange> DiffRuns(const EvaluationRun& before, const EvaluationRun& after) {
  const std::vector<uint32_t> a = OrderById(before), b = OrderById(after);
  std::vector<ClassChange> out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const EnterpriseResult &x = before.items[a[i]], &y = after.items[b[j]];
    if (x.enterprise_id < y.enterprise_id) { ++i; continue; }
    if (y.enterprise_id < x.enterprise_id) { ++j; continue; }
    if (x.cls != y.cls)
      out.push_back({x.enterprise_id, y.group, x.cls, y.cls, x.score, y.score, x.rank, y.rank});
    ++i;
    ++j;
  }
  return out;
}

StatusOr<std::vector<ClassChange>> WhatIf(const ResolvedScheme& current,
                                          const ResolvedScheme& proposed,
                                          const std::vector<EnterpriseInput>& inputs) {
  PARKHQ_ASSIGN_OR_RETURN(EvaluationRun before, Evaluate(current, inputs));
  PARKHQ_ASSIGN_OR_RETURN(EvaluationRun after, Evaluate(proposed, inputs));
  return DiffRuns(before, after);
}

MigrationMatrix Migration(std::vector<ClassOf> last_year, std::vector<ClassOf> this_year) {
  SortUnique(last_year);
  SortUnique(this_year);
  MigrationMatrix m;
  const auto idx = [](EvalClass c) { return static_cast<std::size_t>(c); };
  std::size_t i = 0, j = 0;
  while (i < last_year.size() || j < this_year.size()) {
    if (j == this_year.size() || (i < last_year.size() && last_year[i].first < this_year[j].first)) {
      ++m.left[idx(last_year[i++].second)];
    } else if (i == last_year.size() || this_year[j].first < last_year[i].first) {
      ++m.entered[idx(this_year[j++].second)];
    } else {
      const EvalClass from = last_year[i++].second, to = this_year[j++].second;
      ++m.counts[idx(from)][idx(to)];
      if (from != EvalClass::kT && to != EvalClass::kT) {
        if (to < from) ++m.upgraded;
        if (to > from) ++m.downgraded;
      }
    }
  }
  return m;
}

}  // namespace parkhq::evaluation
