// 培育库 cultivation pools: 小升规 reserve (入规培育后备库), 防退规 watch list, and the flag-based
// pools (专精特新中小企业, 专精特新“小巨人”, 高新技术企业培育库). Entry rules are configuration;
// the functions here only SUGGEST candidates and membership outcomes for a person to accept.
// Money in 万元; a month missing from a series was not reported.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::enterprise {

using MonthlySeries = std::map<Period, double>;

// Sum of the `months` months ending at `end` (end-months+1 .. end). nullopt when any month is
// missing or months < 1.
std::optional<double> TrailingSum(const MonthlySeries& series, Period end, int months = 12);

enum class EnterpriseStatus { kOperating, kStopped, kClosed };  // 在营 停产 注销
const char* EnterpriseStatusName(EnterpriseStatus s);           // "operating" "stopped" "closed"

// The plain facts the pool rules read about one enterprise.
struct EnterpriseFacts {
  int64_t id = 0;
  bool above_scale = false;  // 规上
  EnterpriseStatus status = EnterpriseStatus::kOperating;
  std::set<std::string> flags;  // current flags, e.g. "tech_sme", "specialized_sme"
  MonthlySeries revenue;        // 营业收入 per month
};

// 小升规: a below-scale, non-closed firm whose trailing-12-month revenue at as_of is in
// [min_ttm_revenue, max_ttm_revenue) and grew by more than min_growth_pct percent over the
// trailing 12 months ending growth_lookback_months earlier.
struct ReserveRule {
  double min_ttm_revenue = 1500;
  double max_ttm_revenue = 2000;  // the 规上 threshold (年主营业务收入 2000 万元)
  int growth_lookback_months = 12;
  double min_growth_pct = 0;
};
// 防退规: an above-scale, non-closed firm whose trailing-12-month revenue is below
// ttm_revenue_below, or whose monthly revenue fell `falling_months` months running
// (r[m] < r[m-1] for each of the last falling_months months, so falling_months+1 reports needed).
struct WatchRule {
  double ttm_revenue_below = 2200;
  int falling_months = 3;
};
// A pool fed by flags: a non-closed firm with any of `any_of_flags` and without `target_flag` is a
// candidate; gaining `target_flag` promotes a member.
struct FlagPoolRule {
  std::string code;
  std::string name_zh;
  std::vector<std::string> any_of_flags;
  std::string target_flag;
  int cycle_months = 24;
};

struct PoolsConfig {
  ReserveRule reserve;
  int reserve_cycle_months = 12;
  WatchRule watch;
  int watch_cycle_months = 12;
  std::vector<FlagPoolRule> flag_pools;
};

// Flag codes used by the default pools.
inline constexpr char kFlagHighTech[] = "high_tech";              // 高新技术企业
inline constexpr char kFlagTechSme[] = "tech_sme";                // 科技型中小企业
inline constexpr char kFlagSpecializedSme[] = "specialized_sme";  // 专精特新中小企业
inline constexpr char kFlagLittleGiant[] = "little_giant";        // 专精特新“小巨人”
inline constexpr char kFlagGreenFactory[] = "green_factory";      // 绿色工厂
inline constexpr char kFlagWaterSaving[] = "water_saving";        // 节水型企业
// The Chinese name of a known flag code, or the code itself.
std::string FlagNameZh(const std::string& code);

// Defaults (docs/enterprises.md): the rules above with their default numbers; flag pools
//   specialized_sme 专精特新中小企业培育库: any of {tech_sme, high_tech} -> specialized_sme, 24 months
//   little_giant    专精特新“小巨人”培育库: any of {specialized_sme}    -> little_giant, 36 months
//   high_tech       高新技术企业培育库:     any of {tech_sme}           -> high_tech, 24 months
PoolsConfig DefaultPoolsConfig();
// Status::Validation with details such as "reserve.max_ttm_revenue", "flag_pools[N].code".
Status ValidatePoolsConfig(const PoolsConfig& config);

// A suggested candidate, with the numbers behind it and a Chinese reason for the reviewer.
struct Suggestion {
  int64_t enterprise_id = 0;
  std::string reason;
  std::optional<double> ttm_revenue;  // trailing 12 months at as_of, when computable
  std::optional<double> growth_pct;   // reserve only
};

// nullopt when the firm is not a candidate (including when data is missing).
std::optional<Suggestion> SuggestReserve(const EnterpriseFacts& e, Period as_of, const ReserveRule& rule);
std::optional<Suggestion> SuggestWatch(const EnterpriseFacts& e, Period as_of, const WatchRule& rule);
std::optional<Suggestion> SuggestFlagPool(const EnterpriseFacts& e, const FlagPoolRule& rule);

// Membership over time. Precedence: promoted, then removed, then expired.
enum class MembershipOutcome {
  kActive,
  kPromoted,  // reached the pool's goal (reserve: became above-scale; flag pool: got the target
              // flag; watch list: no longer matches the watch rule)
  kRemoved,   // no longer belongs (closed; watch list: fell below scale)
  kExpired,   // the cycle (since + cycle_months) is over without reaching the goal: review
};
const char* MembershipOutcomeName(MembershipOutcome o);  // "active" "promoted" "removed" "expired"

MembershipOutcome ReserveOutcome(const EnterpriseFacts& e, Date since, Date today, int cycle_months);
MembershipOutcome WatchOutcome(const EnterpriseFacts& e, Period as_of, const WatchRule& rule,
                               Date since, Date today, int cycle_months);
MembershipOutcome FlagPoolOutcome(const EnterpriseFacts& e, const FlagPoolRule& rule, Date since,
                                  Date today);

// Year progress against the plan's targets (>= 5 newly above-scale, >= 5 newly moved in).
struct YearEntry {
  bool above_scale = false;
  std::optional<Date> above_scale_since;  // date of the latest change to 规上
  std::optional<Date> moved_in_on;        // 入园日期
};
struct YearCounts {
  int newly_above_scale = 0;  // above-scale now, and became so in the year
  int newly_moved_in = 0;     // moved in during the year
};
YearCounts CountYear(const std::vector<YearEntry>& enterprises, int year);

}  // namespace parkhq::enterprise
