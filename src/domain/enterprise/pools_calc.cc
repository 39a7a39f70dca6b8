#include "domain/enterprise/pools_calc.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parkhq::enterprise {
namespace {

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

bool HasFlag(const EnterpriseFacts& e, const std::string& flag) { return e.flags.count(flag) > 0; }

bool CycleOver(Date since, Date today, int cycle_months) { return today >= since.AddMonths(cycle_months); }

// Number of consecutive month-on-month falls ending at as_of (stops at a missing month).
int FallingRun(const MonthlySeries& s, Period as_of, int cap) {
  int run = 0;
  for (Period p = as_of; run < cap; p = p.AddMonths(-1)) {
    auto cur = s.find(p), prev = s.find(p.AddMonths(-1));
    if (cur == s.end() || prev == s.end() || !(cur->second < prev->second)) break;
    ++run;
  }
  return run;
}

}  // namespace

std::optional<double> TrailingSum(const MonthlySeries& series, Period end, int months) {
  if (months < 1) return std::nullopt;
  double sum = 0;
  for (int i = 0; i < months; ++i) {
    auto it = series.find(end.AddMonths(-i));
    if (it == series.end()) return std::nullopt;
    sum += it->second;
  }
  return sum;
}

const char* EnterpriseStatusName(EnterpriseStatus s) {
  switch (s) {
    case EnterpriseStatus::kOperating: return "operating";
    case EnterpriseStatus::kStopped: return "stopped";
    case EnterpriseStatus::kClosed: return "closed";
  }
  return "operating";
}

std::string FlagNameZh(const std::string& code) {
  static const std::map<std::string, std::string> kNames = {
      {kFlagHighTech, "高新技术企业"},         {kFlagTechSme, "科技型中小企业"},
      {kFlagSpecializedSme, "专精特新中小企业"}, {kFlagLittleGiant, "专精特新“小巨人”"},
      {kFlagGreenFactory, "绿色工厂"},          {kFlagWaterSaving, "节水型企业"}};
  auto it = kNames.find(code);
  return it == kNames.end() ? code : it->second;
}

PoolsConfig DefaultPoolsConfig() {
  PoolsConfig c;
  c.flag_pools = {
      {"specialized_sme", "专精特新中小企业培育库", {kFlagTechSme, kFlagHighTech}, kFlagSpecializedSme, 24},
      {"little_giant", "专精特新“小巨人”培育库", {kFlagSpecializedSme}, kFlagLittleGiant, 36},
      {"high_tech", "高新技术企业培育库", {kFlagTechSme}, kFlagHighTech, 24},
  };
  return c;
}

Status ValidatePoolsConfig(const PoolsConfig& c) {
  std::vector<FieldError> e;
  const ReserveRule& r = c.reserve;
  if (!(r.min_ttm_revenue >= 0)) e.push_back({"reserve.min_ttm_revenue", "下限不能为负数"});
  if (!(r.max_ttm_revenue > r.min_ttm_revenue)) e.push_back({"reserve.max_ttm_revenue", "上限须大于下限"});
  if (r.growth_lookback_months < 1 || r.growth_lookback_months > 36)
    e.push_back({"reserve.growth_lookback_months", "比较月数须在1至36之间"});
  if (!std::isfinite(r.min_growth_pct)) e.push_back({"reserve.min_growth_pct", "增长率阈值无效"});
  if (!(c.watch.ttm_revenue_below > 0)) e.push_back({"watch.ttm_revenue_below", "阈值须大于0"});
  if (c.watch.falling_months < 1 || c.watch.falling_months > 12)
    e.push_back({"watch.falling_months", "连续下降月数须在1至12之间"});
  if (c.reserve_cycle_months < 1) e.push_back({"reserve_cycle_months", "培育周期须至少1个月"});
  if (c.watch_cycle_months < 1) e.push_back({"watch_cycle_months", "培育周期须至少1个月"});
  std::set<std::string> codes;
  for (size_t i = 0; i < c.flag_pools.size(); ++i) {
    const FlagPoolRule& f = c.flag_pools[i];
    const std::string p = "flag_pools[" + std::to_string(i) + "].";
    if (f.code.empty() || !codes.insert(f.code).second) e.push_back({p + "code", "培育库代码为空或重复"});
    if (f.name_zh.empty()) e.push_back({p + "name_zh", "培育库名称不能为空"});
    if (f.any_of_flags.empty()) e.push_back({p + "any_of_flags", "至少需要一个入库标志"});
    if (f.target_flag.empty()) e.push_back({p + "target_flag", "目标标志不能为空"});
    if (f.cycle_months < 1) e.push_back({p + "cycle_months", "培育周期须至少1个月"});
  }
  if (!e.empty()) return Status::Validation("培育库配置有错误", std::move(e));
  return Status::Ok();
}

std::optional<Suggestion> SuggestReserve(const EnterpriseFacts& e, Period as_of, const ReserveRule& rule) {
  if (e.above_scale || e.status == EnterpriseStatus::kClosed) return std::nullopt;
  std::optional<double> now = TrailingSum(e.revenue, as_of);
  std::optional<double> then = TrailingSum(e.revenue, as_of.AddMonths(-rule.growth_lookback_months));
  if (!now || !then || *then <= 0) return std::nullopt;
  if (*now < rule.min_ttm_revenue || *now >= rule.max_ttm_revenue) return std::nullopt;
  double growth_pct = (*now - *then) / *then * 100;
  if (!(growth_pct > rule.min_growth_pct)) return std::nullopt;
  return Suggestion{e.id,
                    "近12个月营业收入" + Fmt(*now) + "万元，较" + std::to_string(rule.growth_lookback_months) +
                        "个月前增长" + Fmt(growth_pct) + "%",
                    now, growth_pct};
}

std::optional<Suggestion> SuggestWatch(const EnterpriseFacts& e, Period as_of, const WatchRule& rule) {
  if (!e.above_scale || e.status == EnterpriseStatus::kClosed) return std::nullopt;
  std::optional<double> ttm = TrailingSum(e.revenue, as_of);
  std::string reason;
  if (ttm && *ttm < rule.ttm_revenue_below)
    reason = "近12个月营业收入" + Fmt(*ttm) + "万元，低于" + Fmt(rule.ttm_revenue_below) + "万元";
  if (FallingRun(e.revenue, as_of, rule.falling_months) >= rule.falling_months)
    reason += (reason.empty() ? "" : "；") + std::string("营业收入连续") +
              std::to_string(rule.falling_months) + "个月下降";
  if (reason.empty()) return std::nullopt;
  return Suggestion{e.id, reason, ttm, std::nullopt};
}

std::optional<Suggestion> SuggestFlagPool(const EnterpriseFacts& e, const FlagPoolRule& rule) {
  if (e.status == EnterpriseStatus::kClosed || HasFlag(e, rule.target_flag)) return std::nullopt;
  for (const std::string& f : rule.any_of_flags)
    if (HasFlag(e, f))
      return Suggestion{e.id, "已认定为" + FlagNameZh(f) + "，尚未认定为" + FlagNameZh(rule.target_flag),
                        std::nullopt, std::nullopt};
  return std::nullopt;
}

const char* MembershipOutcomeName(MembershipOutcome o) {
  switch (o) {
    case MembershipOutcome::kActive: return "active";
    case MembershipOutcome::kPromoted: return "promoted";
    case MembershipOutcome::kRemoved: return "removed";
    case MembershipOutcome::kExpired: return "expired";
  }
  return "active";
}

MembershipOutcome ReserveOutcome(const EnterpriseFacts& e, Date since, Date today, int cycle_months) {
  if (e.above_scale) return MembershipOutcome::kPromoted;
  if (e.status == EnterpriseStatus::kClosed) return MembershipOutcome::kRemoved;
  return CycleOver(since, today, cycle_months) ? MembershipOutcome::kExpired : MembershipOutcome::kActive;
}

MembershipOutcome WatchOutcome(const EnterpriseFacts& e, Period as_of, const WatchRule& rule, Date since,
                               Date today, int cycle_months) {
  if (!e.above_scale || e.status == EnterpriseStatus::kClosed) return MembershipOutcome::kRemoved;
  // Recovered only when the trailing revenue is known to be back above the line and not falling.
  std::optional<double> ttm = TrailingSum(e.revenue, as_of);
  if (ttm && !SuggestWatch(e, as_of, rule)) return MembershipOutcome::kPromoted;
  return CycleOver(since, today, cycle_months) ? MembershipOutcome::kExpired : MembershipOutcome::kActive;
}

MembershipOutcome FlagPoolOutcome(const EnterpriseFacts& e, const FlagPoolRule& rule, Date since, Date today) {
  if (HasFlag(e, rule.target_flag)) return MembershipOutcome::kPromoted;
  if (e.status == EnterpriseStatus::kClosed) return MembershipOutcome::kRemoved;
  return CycleOver(since, today, rule.cycle_months) ? MembershipOutcome::kExpired : MembershipOutcome::kActive;
}

YearCounts CountYear(const std::vector<YearEntry>& enterprises, int year) {
  YearCounts c;
  for (const YearEntry& e : enterprises) {
    if (e.above_scale && e.above_scale_since && e.above_scale_since->year == year) ++c.newly_above_scale;
    if (e.moved_in_on && e.moved_in_on->year == year) ++c.newly_moved_in;
  }
  return c;
}

}  // namespace parkhq::enterprise
