// Project admission review (项目准入评审, issue 15): between 洽谈 and 签约 a project is reviewed
// against the admission criteria (产业政策符合性, 单位产值能耗, 投资强度, 亩均税收, 污染类别,
// 技术水平 …), each scored or pass/fail with evidence; reviewers of the named units record
// opinions; the decision 准入 / 有条件准入 / 不予准入 is kept on the project with its reasons.
// The signing gate: a project whose current (latest) decision is 不予准入 cannot move to 签约 or
// beyond unless a park admin overrides it with a reason (the override is logged and audited).
// docs/gates.md "项目准入评审".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/project/project.h"

namespace parkhq::project {

enum class AdmissionDecision { kApproved, kConditional, kRejected };
const char* AdmissionDecisionCode(AdmissionDecision d);    // approved | conditional | rejected
const char* AdmissionDecisionNameZh(AdmissionDecision d);  // 准入 | 有条件准入 | 不予准入
std::optional<AdmissionDecision> ParseAdmissionDecision(std::string_view code);

// One criterion's result: a score (0..100) and/or pass/fail, with the evidence relied on.
struct AdmissionScore {
  std::string criterion;  // e.g. industry_policy, energy_per_output, investment_intensity
  std::optional<double> score;
  std::optional<bool> pass;
  std::string evidence;
};

// A reviewer's opinion (评审意见) from a named unit.
struct AdmissionOpinion {
  std::string unit;
  std::string reviewer;
  std::string opinion;
};

struct Admission {
  int64_t id = 0;
  int64_t project_id = 0;
  int64_t park_id = 0;
  AdmissionDecision decision = AdmissionDecision::kApproved;
  std::vector<std::string> reasons;
  std::vector<AdmissionScore> scores;
  std::vector<AdmissionOpinion> opinions;
  Date decided_on;
  std::string decided_by;
  bool is_demo = false;
  std::string created_at;
};

inline constexpr size_t kMaxAdmissionItems = 30;  // reasons, scores, opinions each

// Field checks (422): "decision"; "reasons" (at least one for 有条件准入 / 不予准入; each ≤ 500
// characters); "scores.<criterion>" (score finite in 0..100, a score or a pass/fail given,
// criterion ≤ 40 characters, evidence ≤ 500); "opinions[i].unit"/".opinion"; "decided_on" not
// after `today`. Counts above kMaxAdmissionItems are refused on the list's field.
Status ValidateAdmission(const Admission& a, Date today);

// The signing gate (准入门槛) for a stage change of `p` to `to`. OK unless the move reaches 签约 or
// a later stage from before 签约 while `current` is 不予准入; then Conflict (409) — unless
// `override_requested` by a park admin (`by_admin`) with a non-empty `reason` (Validation "reason"
// without one). A non-admin's override request is refused with the same 409.
// Sets *override_used when the override lets the move through.
Status CheckSigningGate(const Project& p, Stage to, const std::optional<AdmissionDecision>& current,
                        bool override_requested, bool by_admin, const std::string& reason,
                        bool* override_used);

}  // namespace parkhq::project
