// "Why did it move?" (增减因素分析) and comparable scope (同口径) for a park indicator that is a sum
// over enterprises (output, revenue, value_added, tax, energy, employees ...).
//
// The caller picks the compared periods (a month, or 1-N月 YTD, this year vs the same period last
// year) and the indicator's enterprise scope (e.g. 规上 enterprises of a park or sub-park), and
// passes one row per enterprise that was in the scope in either year.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace parkhq::enterprise {

struct FirmYear {
  int64_t id = 0;
  std::optional<double> last;     // figure in last year's period (nullopt: none reported)
  std::optional<double> current;  // figure in this year's period
  bool in_park_last = true;       // in the park during last year's period
  bool in_park_this = true;
  bool in_scope_last = true;      // counted in last year's park total (e.g. above scale then)
  bool in_scope_this = true;      // counted in this year's park total
};

enum class ScopeChange {
  kContinuing,  // in scope both years
  kEntered,     // new to the park (in scope this year, not in the park last year)
  kScaleUp,     // in the park last year but outside the scope (e.g. 规下 -> 规上)
  kLeft,        // left the park (in scope last year, not in the park this year)
  kScaleDown,   // still in the park but out of scope (e.g. 退规)
  kOutside,     // in scope in neither year: ignored
};
const char* ScopeChangeName(ScopeChange c);  // "continuing" "entered" "scale_up" "left" "scale_down" "outside"
ScopeChange ClassifyScopeChange(const FirmYear& f);

struct Contribution {
  int64_t id = 0;
  ScopeChange change = ScopeChange::kContinuing;
  double delta = 0;               // this firm's part of the park change
  std::optional<double> pull_pp;  // 拉动 = delta / total_last * 100 (percentage points)
  std::optional<double> share_pct;  // 贡献率 = delta / change * 100
};

struct Effect {
  int count = 0;
  double delta = 0;
  std::optional<double> pull_pp;
};

struct MovementAnalysis {
  double total_last = 0;   // T0 = sum of last over in_scope_last
  double total_this = 0;   // T1 = sum of current over in_scope_this
  double change = 0;       // T1 - T0 (= sum of every contribution's delta)
  std::optional<double> yoy_pct;  // change / T0 * 100; nullopt when T0 == 0
  // 同口径: last year's figures of THIS year's scope: C0 = sum of last over in_scope_this.
  double comparable_last = 0;
  std::optional<double> comparable_yoy_pct;  // (T1 - C0) / C0 * 100; nullopt when C0 == 0
  Effect continuing, entered, scale_up, left, scale_down;
  std::vector<Contribution> top_increases;  // delta > 0, largest first (ties: smaller id first)
  std::vector<Contribution> top_decreases;  // delta < 0, most negative first
  // Values the formulas needed but did not have (counted as 0): last of an in_scope_last firm,
  // current of an in_scope_this firm, and last of an in_scope_this firm that was in the park last
  // year. A firm new to the park has no last-year figure by nature and is not counted here.
  int missing_values = 0;
};

// Analyses the rows; top lists hold at most top_n each (top_n >= 0).
MovementAnalysis AnalyzeMovement(const std::vector<FirmYear>& firms, int top_n = 10);

}  // namespace parkhq::enterprise
