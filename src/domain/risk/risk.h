// Enterprise risk profiles and emergency resources (issue 14 items 3 and 4) as plain values.
//
// One record type, RiskItem, with a kind. The columns each kind uses:
//   profile kinds (an enterprise's own, enterprise_id required):
//     chemical        危险化学品      name, quantity + unit (最大储存量), location
//     hazard_source   重大危险源      name, level ("1".."4" 一级…四级), location
//     permit          安全/环保许可证 name, level (safety | environment), expiry_date
//     accident        事故            name, level (general | larger | major | extraordinary), event_date, veto
//     penalty         行政处罚        name, amount (万元), event_date, veto
//     ent_plan        企业应急预案    name, revised_on
//     ent_drill       企业应急演练    name, event_date, location
//   emergency kinds (park staff; enterprise_id optional):
//     team            应急队伍        name, quantity (人数), location, contact_name, contact_phone
//     store           应急物资库      name, location, contact_name, contact_phone
//     equipment       应急装备        name, quantity + unit, location, contact_name, contact_phone
//     plan            园区应急预案    name, level (park | special | site 综合/专项/现场处置), revised_on
//     drill           应急演练记录    name, event_date, location, quantity (参演人数)
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::risk {

struct RiskItem {
  int64_t id = 0;
  int64_t park_id = 0;
  std::optional<int64_t> enterprise_id;
  std::string enterprise_name;  // read only
  std::string kind;
  std::string name;
  std::optional<double> quantity;
  std::string unit;
  std::string level;
  std::string location;
  std::string contact_name;
  std::string contact_phone;
  std::optional<Date> event_date;
  std::optional<Date> expiry_date;
  std::optional<Date> revised_on;
  std::optional<double> amount;
  bool veto = false;
  std::string note;
  bool is_demo = false;
  std::string created_at, created_by, updated_at;
};

bool IsKnownKind(std::string_view kind);
bool IsProfileKind(std::string_view kind);    // chemical … ent_drill
bool IsEmergencyKind(std::string_view kind);  // team … drill
const char* KindNameZh(std::string_view kind);
// "profile" → the profile kinds, "emergency" → the emergency kinds; a kind → itself; else empty.
std::vector<std::string> KindsOf(std::string_view group_or_kind);

// Checks a record's fields for its kind: 422 with field details, e.g. {"kind","未知的类型"},
// {"name","名称必填"}, {"level","重大危险源等级应为 1–4"}, {"expiry_date","许可证有效期必填"},
// {"quantity","数量不能为负数"}, {"enterprise_id","企业风险档案必须指明企业"}, {"veto","只有事故和处罚可以认定一票否决"}.
Status ValidateItem(const RiskItem& item);

// Days from `today` to a permit's expiry (negative: expired); nullopt without an expiry date.
std::optional<int64_t> DaysToExpiry(const RiskItem& item, Date today);
// "expired" | "expiring" (within `warn_days`) | "valid" | "" (no expiry date).
std::string ExpiryState(const RiskItem& item, Date today, int warn_days = 60);
// Plans not revised for 3 years are due for revision (GB/T 29639: 至少每三年修订一次).
bool PlanRevisionDue(const RiskItem& item, Date today);

enum class ProfileState { kDraft, kSubmitted, kApproved, kReturned };
const char* ProfileStateName(ProfileState s);  // draft | submitted | approved | returned
std::optional<ProfileState> ParseProfileState(std::string_view s);

struct Profile {
  int64_t park_id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_name;
  ProfileState state = ProfileState::kDraft;
  std::string review_note;
  std::optional<std::string> submitted_at, reviewed_at, reviewed_by;
  std::string updated_at;
};

// A profile row of the park's list: the state and what is in it.
struct ProfileSummary {
  Profile profile;
  int64_t chemicals = 0, hazard_sources = 0, major_sources = 0;  // major: level 1 or 2
  int64_t permits = 0, permits_expiring = 0, permits_expired = 0;
  int64_t accidents = 0, penalties = 0, vetoes = 0;
  int64_t plans = 0, drills = 0;
  std::optional<Date> last_drill;
};
ProfileSummary SummarizeProfile(const Profile& p, const std::vector<RiskItem>& items, Date today);

}  // namespace parkhq::risk
