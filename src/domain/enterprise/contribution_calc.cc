#include "domain/enterprise/contribution_calc.h"

#include <algorithm>

namespace parkhq::enterprise {
namespace {

std::optional<double> Ratio100(double part, double whole) {
  if (whole == 0) return std::nullopt;
  return part / whole * 100;
}

}  // namespace

const char* ScopeChangeName(ScopeChange c) {
  switch (c) {
    case ScopeChange::kContinuing: return "continuing";
    case ScopeChange::kEntered: return "entered";
    case ScopeChange::kScaleUp: return "scale_up";
    case ScopeChange::kLeft: return "left";
    case ScopeChange::kScaleDown: return "scale_down";
    case ScopeChange::kOutside: return "outside";
  }
  return "outside";
}

ScopeChange ClassifyScopeChange(const FirmYear& f) {
  if (f.in_scope_last && f.in_scope_this) return ScopeChange::kContinuing;
  if (f.in_scope_this) return f.in_park_last ? ScopeChange::kScaleUp : ScopeChange::kEntered;
  if (f.in_scope_last) return f.in_park_this ? ScopeChange::kScaleDown : ScopeChange::kLeft;
  return ScopeChange::kOutside;
}

MovementAnalysis AnalyzeMovement(const std::vector<FirmYear>& firms, int top_n) {
  MovementAnalysis m;
  std::vector<Contribution> all;
  for (const FirmYear& f : firms) {
    ScopeChange change = ClassifyScopeChange(f);
    if (change == ScopeChange::kOutside) continue;
    const double last = f.last.value_or(0);
    const double current = f.current.value_or(0);
    if (f.in_scope_last) {
      m.total_last += last;
      if (!f.last) ++m.missing_values;
    }
    if (f.in_scope_this) {
      m.total_this += current;
      m.comparable_last += last;
      if (!f.current) ++m.missing_values;
      if (!f.last && f.in_park_last && !f.in_scope_last) ++m.missing_values;
    }
    Contribution c{f.id, change, 0, std::nullopt, std::nullopt};
    c.delta = (f.in_scope_this ? current : 0) - (f.in_scope_last ? last : 0);
    Effect& e = change == ScopeChange::kContinuing ? m.continuing
                : change == ScopeChange::kEntered  ? m.entered
                : change == ScopeChange::kScaleUp  ? m.scale_up
                : change == ScopeChange::kLeft     ? m.left
                                                   : m.scale_down;
    ++e.count;
    e.delta += c.delta;
    all.push_back(c);
  }
  m.change = m.total_this - m.total_last;
  m.yoy_pct = Ratio100(m.change, m.total_last);
  m.comparable_yoy_pct = Ratio100(m.total_this - m.comparable_last, m.comparable_last);
  for (Effect* e : {&m.continuing, &m.entered, &m.scale_up, &m.left, &m.scale_down})
    e->pull_pp = Ratio100(e->delta, m.total_last);
  for (Contribution& c : all) {
    c.pull_pp = Ratio100(c.delta, m.total_last);
    c.share_pct = Ratio100(c.delta, m.change);
    if (c.delta > 0) m.top_increases.push_back(c);
    if (c.delta < 0) m.top_decreases.push_back(c);
  }
  auto by = [](bool up) {
    return [up](const Contribution& a, const Contribution& b) {
      if (a.delta != b.delta) return up ? a.delta > b.delta : a.delta < b.delta;
      return a.id < b.id;
    };
  };
  std::sort(m.top_increases.begin(), m.top_increases.end(), by(true));
  std::sort(m.top_decreases.begin(), m.top_decreases.end(), by(false));
  const size_t n = static_cast<size_t>(std::max(top_n, 0));
  if (m.top_increases.size() > n) m.top_increases.resize(n);
  if (m.top_decreases.size() > n) m.top_decreases.resize(n);
  return m;
}

}  // namespace parkhq::enterprise
