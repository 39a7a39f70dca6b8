#include "domain/task/assessment_calc.h"

#include <algorithm>
#include <cmath>

namespace parkhq::task {

const char* ScoringMethodCode(ScoringMethod m) {
  return m == ScoringMethod::kEfficacy ? "efficacy" : "completion";
}

std::optional<ScoringMethod> ParseScoringMethod(const std::string& s) {
  if (s == "completion") return ScoringMethod::kCompletion;
  if (s == "efficacy") return ScoringMethod::kEfficacy;
  return std::nullopt;
}

Status ValidateAssessmentSettings(const AssessmentSettings& s) {
  std::vector<FieldError> e;
  const auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
  if (!in(s.completion_cap, 1, 2)) e.push_back({"completion_cap", "应在 1 到 2 之间"});
  if (!in(s.efficacy_best, 0, 100)) e.push_back({"efficacy_best", "应在 0 到 100 之间"});
  if (!in(s.efficacy_worst, 0, 100) || !(s.efficacy_worst < s.efficacy_best))
    e.push_back({"efficacy_worst", "应在 0 到 100 之间且低于最高分"});
  if (!in(s.deduct_overdue_item, 0, 100)) e.push_back({"deduct_overdue_item", "应在 0 到 100 之间"});
  if (!in(s.deduct_returned_report, 0, 100)) e.push_back({"deduct_returned_report", "应在 0 到 100 之间"});
  if (!in(s.deduct_overdue_supervision, 0, 100)) e.push_back({"deduct_overdue_supervision", "应在 0 到 100 之间"});
  if (!in(s.bonus_cap, 0, 100)) e.push_back({"bonus_cap", "应在 0 到 100 之间"});
  if (!in(s.supervision_weight, 0, 100)) e.push_back({"supervision_weight", "应在 0 到 100 之间"});
  if (!e.empty()) return Status::Validation("考核设置有误", e);
  return Status::Ok();
}

std::vector<UnitScore> ScoreUnits(const std::vector<UnitInput>& units, const AssessmentSettings& s) {
  std::vector<UnitScore> out;
  out.reserve(units.size());
  for (const auto& u : units) {
    UnitScore r;
    r.unit = u.unit;
    int overdue = 0;
    for (const auto& i : u.items) {
      UnitItemScore is{i.item_id, i.weight, std::clamp(i.completion, 0.0, s.completion_cap), 0};
      is.score = is.completion * is.weight;
      r.weight_total += i.weight;
      r.base += is.score;
      overdue += i.overdue ? 1 : 0;
      r.items.push_back(is);
    }
    r.rate = r.weight_total > 0 ? r.base / r.weight_total : 0;
    r.deductions = overdue * s.deduct_overdue_item + u.returned_reports * s.deduct_returned_report +
                   u.overdue_supervisions * s.deduct_overdue_supervision;
    r.bonus = std::clamp(u.bonus, 0.0, s.bonus_cap);
    out.push_back(std::move(r));
  }
  if (s.method == ScoringMethod::kEfficacy) {
    // 功效系数: best rate → efficacy_best, worst → efficacy_worst, others linear between.
    std::optional<double> hi, lo;
    for (const auto& r : out) {
      if (r.weight_total <= 0) continue;
      hi = hi ? std::max(*hi, r.rate) : r.rate;
      lo = lo ? std::min(*lo, r.rate) : r.rate;
    }
    for (auto& r : out) {
      if (r.weight_total <= 0 || !hi) {
        r.base = s.efficacy_worst;
      } else if (*hi - *lo < 1e-12) {
        r.base = s.efficacy_best;
      } else {
        r.base = s.efficacy_worst + (s.efficacy_best - s.efficacy_worst) * (r.rate - *lo) / (*hi - *lo);
      }
    }
  }
  for (auto& r : out) r.score = std::max(0.0, r.base - r.deductions + r.bonus);
  for (auto& r : out) {
    r.rank = 1;
    for (const auto& o : out)
      if (o.score > r.score + 1e-9) ++r.rank;
  }
  return out;
}

}  // namespace parkhq::task
