#include "domain/enterprise/pools_calc.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
Period P(const char* s) { return *Period::Parse(s); }

// `months` monthly values ending at `end`: first, first+step, first+2*step, ...
MonthlySeries Ramp(Period end, int months, double first, double step) {
  MonthlySeries s;
  for (int i = 0; i < months; ++i) s[end.AddMonths(i - months + 1)] = first + step * i;
  return s;
}

TEST(TrailingSumTest, SumsTwelveMonthsOrNothing) {
  MonthlySeries s = Ramp(P("2023-06"), 12, 100, 10);  // 100, 110, ..., 210
  // sum = 12 * 100 + 10 * (0 + 1 + ... + 11) = 1200 + 660 = 1860
  EXPECT_EQ(TrailingSum(s, P("2023-06")), 1860.0);
  EXPECT_EQ(TrailingSum(s, P("2023-06"), 3), 600.0);  // 190 + 200 + 210
  EXPECT_FALSE(TrailingSum(s, P("2023-07")));         // 2023-07 missing
  s.erase(P("2023-01"));
  EXPECT_FALSE(TrailingSum(s, P("2023-06")));
  EXPECT_FALSE(TrailingSum(s, P("2023-06"), 0));
}

TEST(ReserveTest, BetweenFifteenHundredAndTwoThousandAndGrowing) {
  EnterpriseFacts e;
  e.id = 7;
  // 2022-07..2023-06 at 150/month = 1800; 2021-07..2022-06 at 120/month = 1440.
  e.revenue = Ramp(P("2022-06"), 12, 120, 0);
  for (auto& [p, v] : Ramp(P("2023-06"), 12, 150, 0)) e.revenue[p] = v;
  std::optional<Suggestion> s = SuggestReserve(e, P("2023-06"), {});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->enterprise_id, 7);
  EXPECT_DOUBLE_EQ(*s->ttm_revenue, 1800);
  EXPECT_DOUBLE_EQ(*s->growth_pct, 25);  // (1800 - 1440) / 1440 * 100
  EXPECT_EQ(s->reason, "近12个月营业收入1800.00万元，较12个月前增长25.00%");

  EnterpriseFacts above = e;
  above.above_scale = true;
  EXPECT_FALSE(SuggestReserve(above, P("2023-06"), {}));
  EnterpriseFacts closed = e;
  closed.status = EnterpriseStatus::kClosed;
  EXPECT_FALSE(SuggestReserve(closed, P("2023-06"), {}));
}

TEST(ReserveTest, Boundaries) {
  struct Case { double monthly_now, monthly_then; bool want; };
  const Case kCases[] = {
      {125, 100, true},              // 1500 exactly: in [1500, 2000)
      {124.99, 100, false},          // 1499.88
      {166.66, 100, true},           // 1999.92
      {130, 130, false},             // 1560, no growth
      {130, 131, false},             // shrinking
      {130, 0, false},               // no revenue a year earlier: growth undefined
  };
  for (const Case& c : kCases) {
    EnterpriseFacts e;
    e.revenue = Ramp(P("2022-06"), 12, c.monthly_then, 0);
    for (auto& [p, v] : Ramp(P("2023-06"), 12, c.monthly_now, 0)) e.revenue[p] = v;
    EXPECT_EQ(SuggestReserve(e, P("2023-06"), {}).has_value(), c.want) << c.monthly_now << " " << c.monthly_then;
  }
  // Exactly 2000 (11 * 160 + 240): already at the 规上 line, not a reserve candidate.
  EnterpriseFacts at_line;
  at_line.revenue = Ramp(P("2022-06"), 12, 100, 0);
  for (auto& [p, v] : Ramp(P("2023-06"), 12, 160, 0)) at_line.revenue[p] = v;
  at_line.revenue[P("2023-06")] = 240;
  EXPECT_FALSE(SuggestReserve(at_line, P("2023-06"), {}));
  at_line.revenue[P("2023-06")] = 239.99;  // 1999.99
  EXPECT_TRUE(SuggestReserve(at_line, P("2023-06"), {}));
  // Only 12 months of history: the growth cannot be measured.
  EnterpriseFacts young;
  young.revenue = Ramp(P("2023-06"), 12, 150, 0);
  EXPECT_FALSE(SuggestReserve(young, P("2023-06"), {}));
  // A 3-month look-back compares with 2022-04..2023-03, but 2022-04..06 are missing: still nothing.
  EXPECT_FALSE(SuggestReserve(young, P("2023-06"), {1500, 2000, 3, 0}));
  young.revenue = Ramp(P("2023-06"), 15, 140, 1);  // 2022-04: 140, ..., 2023-06: 154
  // now = 143 + ... + 154 = 12 * 143 + 66 = 1782; then (ending 2023-03) = 140 + ... + 151 = 1746
  std::optional<Suggestion> s = SuggestReserve(young, P("2023-06"), {1500, 2000, 3, 0});
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(*s->ttm_revenue, 1782);
  EXPECT_NEAR(*s->growth_pct, 36.0 / 1746 * 100, 1e-9);  // 2.06%
  EXPECT_FALSE(SuggestReserve(young, P("2023-06"), {1500, 2000, 3, 5}));  // needs > 5%
}

TEST(WatchTest, LowTrailingRevenueOrThreeFalls) {
  EnterpriseFacts e;
  e.id = 3;
  e.above_scale = true;
  e.revenue = Ramp(P("2023-06"), 12, 190, 0);  // 2280 >= 2200, flat
  EXPECT_FALSE(SuggestWatch(e, P("2023-06"), {}));

  e.revenue = Ramp(P("2023-06"), 12, 180, 0);  // 2160 < 2200
  std::optional<Suggestion> low = SuggestWatch(e, P("2023-06"), {});
  ASSERT_TRUE(low);
  EXPECT_EQ(low->reason, "近12个月营业收入2160.00万元，低于2200.00万元");

  // 300/month, then 03: 300, 04: 290, 05: 280, 06: 270 -> three falls; TTM = 9*300+840 = 3540.
  e.revenue = Ramp(P("2023-06"), 12, 300, 0);
  e.revenue[P("2023-04")] = 290;
  e.revenue[P("2023-05")] = 280;
  e.revenue[P("2023-06")] = 270;
  std::optional<Suggestion> falling = SuggestWatch(e, P("2023-06"), {});
  ASSERT_TRUE(falling);
  EXPECT_EQ(falling->reason, "营业收入连续3个月下降");
  // Two falls only (as of May) is not enough; an equal month breaks the run.
  EXPECT_FALSE(SuggestWatch(e, P("2023-05"), {}));
  e.revenue[P("2023-05")] = 290;
  EXPECT_FALSE(SuggestWatch(e, P("2023-06"), {}));

  // Both reasons together.
  e.revenue = Ramp(P("2023-06"), 12, 190, -1);  // 190 ... 179, always falling; TTM = 2280 - 66 = 2214
  e.revenue[P("2023-06")] = 150;                // TTM = 2214 - 179 + 150 = 2185 < 2200
  std::optional<Suggestion> both = SuggestWatch(e, P("2023-06"), {});
  ASSERT_TRUE(both);
  EXPECT_EQ(both->reason, "近12个月营业收入2185.00万元，低于2200.00万元；营业收入连续3个月下降");

  EnterpriseFacts below = e;
  below.above_scale = false;  // not above scale: not on the watch list
  EXPECT_FALSE(SuggestWatch(below, P("2023-06"), {}));
}

TEST(FlagPoolTest, CandidatesByFlags) {
  PoolsConfig c = DefaultPoolsConfig();
  ASSERT_TRUE(ValidatePoolsConfig(c).ok());
  const FlagPoolRule& specialized = c.flag_pools[0];
  const FlagPoolRule& giant = c.flag_pools[1];
  const FlagPoolRule& high_tech = c.flag_pools[2];
  EnterpriseFacts e;
  e.id = 9;
  EXPECT_FALSE(SuggestFlagPool(e, specialized));
  e.flags = {kFlagTechSme};
  std::optional<Suggestion> s = SuggestFlagPool(e, high_tech);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->reason, "已认定为科技型中小企业，尚未认定为高新技术企业");
  EXPECT_TRUE(SuggestFlagPool(e, specialized));
  EXPECT_FALSE(SuggestFlagPool(e, giant));
  e.flags = {kFlagSpecializedSme, kFlagHighTech};
  EXPECT_FALSE(SuggestFlagPool(e, specialized));  // already has the target
  EXPECT_FALSE(SuggestFlagPool(e, high_tech));
  EXPECT_TRUE(SuggestFlagPool(e, giant));
  e.status = EnterpriseStatus::kClosed;
  EXPECT_FALSE(SuggestFlagPool(e, giant));
}

TEST(PoolsConfigTest, RejectsBadConfig) {
  PoolsConfig c = DefaultPoolsConfig();
  c.reserve.max_ttm_revenue = 1500;
  c.watch.falling_months = 0;
  c.flag_pools[1].code = "specialized_sme";
  c.flag_pools[2].any_of_flags.clear();
  Status st = ValidatePoolsConfig(c);
  ASSERT_TRUE(st.IsValidation());
  std::vector<std::string> fields;
  for (const FieldError& e : st.details()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"reserve.max_ttm_revenue", "watch.falling_months",
                                              "flag_pools[1].code", "flag_pools[2].any_of_flags"}));
}

TEST(MembershipTest, PromotionRemovalExpiry) {
  EnterpriseFacts e;
  const Date since = D("2023-01-15");
  EXPECT_EQ(ReserveOutcome(e, since, D("2024-01-14"), 12), MembershipOutcome::kActive);
  EXPECT_EQ(ReserveOutcome(e, since, D("2024-01-15"), 12), MembershipOutcome::kExpired);  // 12 months on
  e.above_scale = true;
  EXPECT_EQ(ReserveOutcome(e, since, D("2024-03-01"), 12), MembershipOutcome::kPromoted);
  e.above_scale = false;
  e.status = EnterpriseStatus::kClosed;
  EXPECT_EQ(ReserveOutcome(e, since, D("2023-03-01"), 12), MembershipOutcome::kRemoved);

  FlagPoolRule high_tech = DefaultPoolsConfig().flag_pools[2];  // 24 months
  EnterpriseFacts f;
  f.flags = {kFlagTechSme};
  EXPECT_EQ(FlagPoolOutcome(f, high_tech, since, D("2025-01-14")), MembershipOutcome::kActive);
  EXPECT_EQ(FlagPoolOutcome(f, high_tech, since, D("2025-01-15")), MembershipOutcome::kExpired);
  f.flags.insert(kFlagHighTech);
  EXPECT_EQ(FlagPoolOutcome(f, high_tech, since, D("2025-06-01")), MembershipOutcome::kPromoted);
}

TEST(MembershipTest, WatchList) {
  EnterpriseFacts e;
  e.above_scale = true;
  const Date since = D("2023-01-15");
  e.revenue = Ramp(P("2023-06"), 12, 180, 0);  // 2160: still at risk
  EXPECT_EQ(WatchOutcome(e, P("2023-06"), {}, since, D("2023-07-01"), 12), MembershipOutcome::kActive);
  EXPECT_EQ(WatchOutcome(e, P("2023-06"), {}, since, D("2024-02-01"), 12), MembershipOutcome::kExpired);
  e.revenue = Ramp(P("2023-06"), 12, 200, 0);  // 2400, flat: recovered
  EXPECT_EQ(WatchOutcome(e, P("2023-06"), {}, since, D("2023-07-01"), 12), MembershipOutcome::kPromoted);
  e.revenue.erase(P("2023-02"));  // unknown trailing revenue: not counted as recovered
  EXPECT_EQ(WatchOutcome(e, P("2023-06"), {}, since, D("2023-07-01"), 12), MembershipOutcome::kActive);
  e.above_scale = false;  // fell below scale (退规)
  EXPECT_EQ(WatchOutcome(e, P("2023-06"), {}, since, D("2023-07-01"), 12), MembershipOutcome::kRemoved);
}

TEST(YearCountsTest, CountsByYear) {
  std::vector<YearEntry> v = {
      {true, D("2023-03-01"), D("2019-05-01")},   // newly above scale in 2023
      {false, D("2023-04-01"), D("2023-02-01")},  // became above scale in 2023 but fell back; moved in 2023
      {true, D("2022-12-31"), std::nullopt},      // above scale since 2022
      {false, std::nullopt, D("2023-12-31")},     // moved in 2023
      {true, std::nullopt, D("2022-01-01")},
  };
  YearCounts c = CountYear(v, 2023);
  EXPECT_EQ(c.newly_above_scale, 1);
  EXPECT_EQ(c.newly_moved_in, 2);
  EXPECT_EQ(CountYear(v, 2022).newly_above_scale, 1);
  EXPECT_EQ(CountYear(v, 2022).newly_moved_in, 1);
}

}  // namespace
}  // namespace parkhq::enterprise
