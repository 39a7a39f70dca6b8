// A park's own 资源要素差别化配置, as its admins edit it: the policy list by class and the D-class
// electricity surcharge schedule. Stored per top-level park (sub-parks use their park's); a park
// with nothing stored uses DefaultPolicyConfig(). Pure: no storage, no JSON.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/evaluation/policy_calc.h"

namespace parkhq::evaluation {

// One item as entered. The class is kept as text so that a wrong code is a field error
// ("items[3].class") rather than a parse failure.
struct PolicyItemSpec {
  std::string cls;                   // "A" | "B" | "C" | "D"
  std::string resource;              // one of KnownResources()
  std::string measure;               // non-empty, at most kMaxMeasureChars characters
  std::optional<double> rate;        // finite, ≥ 0, when the measure has a number
  std::string unit;                  // of `rate`, at most kMaxUnitChars characters
};

struct PolicyConfig {
  std::vector<PolicyItemSpec> items;
  SurchargeSchedule surcharge;
};

inline constexpr std::size_t kMaxPolicyItems = 100;
inline constexpr std::size_t kMaxMeasureChars = 200;  // characters (UTF-8 code points), not bytes
inline constexpr std::size_t kMaxUnitChars = 20;

// "land" | "electricity" | "water" | "energy" | "credit" | "subsidy" | "other"
const std::vector<std::string_view>& KnownResources();
bool IsKnownResource(std::string_view resource);

// DefaultPolicies() and the default SurchargeSchedule.
PolicyConfig DefaultPolicyConfig();

// OK, or Status::Validation listing every problem with its field: "items" (more than
// kMaxPolicyItems), "items[i].class" (not A–D), "items[i].resource", "items[i].measure" (empty or
// too long), "items[i].rate" (negative or not finite), "items[i].unit" (too long),
// "surcharge.yuan_per_kwh" / "surcharge.yuan_per_kwh[i]" (see ScheduleErrors).
Status ValidatePolicyConfig(const PolicyConfig& c);

// The typed list of a validated configuration, in order (items whose class does not parse are
// left out).
std::vector<PolicyItem> PolicyItems(const PolicyConfig& c);

}  // namespace parkhq::evaluation
