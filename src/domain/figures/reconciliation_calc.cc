#include <algorithm>
#include <cmath>

#include "domain/figures/reconciliation.h"

namespace parkhq::figures {

const char* RelationName(Relation r) { return r == Relation::kPartOf ? "part_of" : "equal"; }

PairResult Reconcile(PairInput in, const Tolerance& t) {
  PairResult out;
  std::optional<double> a = in.first.value, b = in.second.value;
  if (in.relation == Relation::kPartOf && a && !b) b = 0.0;
  if (a && b) {
    out.difference = *a - *b;
    if (*a != 0) out.difference_pct = *out.difference / std::fabs(*a) * 100.0;
    const double allowed = std::max(t.absolute, t.pct / 100.0 * std::fabs(*a)) + 1e-9;
    out.within_tolerance = in.relation == Relation::kPartOf ? *b <= *a + allowed : std::fabs(*a - *b) <= allowed;
  } else {
    out.within_tolerance = !a && !b;
  }
  out.input = std::move(in);
  return out;
}

}  // namespace parkhq::figures
