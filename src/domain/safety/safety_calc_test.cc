#include "domain/safety/safety_calc.h"

#include <gtest/gtest.h>

namespace parkhq::safety {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(SafetyCalc, LimitLevelAtItsBoundaries) {
  struct Case {
    double value;
    std::optional<double> limit;
    double warn_pct;
    LimitState want;
  } cases[] = {
      {79.99, 100, 80, LimitState::kOk},     // just below the warning share
      {80, 100, 80, LimitState::kNear},      // exactly the warning share warns
      {100, 100, 80, LimitState::kNear},     // at the limit: approached, not exceeded
      {100.01, 100, 80, LimitState::kOver},  // just above the limit
      {2400, 3000, 80, LimitState::kNear},   // 80% of 3000 t/d
      {2399, 3000, 80, LimitState::kOk},
      {45, 50, 90, LimitState::kNear},       // a configured 90%
      {44.9, 50, 90, LimitState::kOk},
      {10, std::nullopt, 80, LimitState::kNone},
      {10, 0.0, 80, LimitState::kNone},
      {0, 100, 80, LimitState::kOk},
  };
  for (const auto& c : cases)
    EXPECT_EQ(LimitLevel(c.value, c.limit, c.warn_pct), c.want) << c.value << " of " << c.limit.value_or(-1);
  EXPECT_DOUBLE_EQ(*SharePct(2400, 3000), 80.0);
  EXPECT_FALSE(SharePct(1, std::nullopt).has_value());
}

TEST(SafetyCalc, PermitLevelAtItsBoundaries) {
  const Date today = D("2023-06-15");
  EXPECT_EQ(PermitLevel(std::nullopt, today, 60), PermitState::kNone);
  EXPECT_EQ(PermitLevel(D("2023-06-14"), today, 60), PermitState::kExpired);   // yesterday
  EXPECT_EQ(PermitLevel(D("2023-06-15"), today, 60), PermitState::kExpiring);  // expires today
  EXPECT_EQ(PermitLevel(D("2023-08-14"), today, 60), PermitState::kExpiring);  // 60 days left
  EXPECT_EQ(PermitLevel(D("2023-08-15"), today, 60), PermitState::kOk);        // 61 days left
  EXPECT_EQ(PermitLevel(D("2023-06-16"), today, 0), PermitState::kOk);
}

TEST(SafetyCalc, OverdueOnlyWhileWaitingForRectification) {
  const Date deadline = D("2023-03-31");
  EXPECT_FALSE(IsOverdue(HazardState::kOpen, deadline, D("2023-03-31")));  // the deadline day itself
  EXPECT_TRUE(IsOverdue(HazardState::kOpen, deadline, D("2023-04-01")));
  EXPECT_TRUE(IsOverdue(HazardState::kReopened, deadline, D("2023-04-01")));
  EXPECT_FALSE(IsOverdue(HazardState::kRectified, deadline, D("2023-04-01")));
  EXPECT_FALSE(IsOverdue(HazardState::kClosed, deadline, D("2024-01-01")));
}

TEST(SafetyCalc, StatsCountTheYearByLevelAndRoundTheClosureRate) {
  auto h = [](const char* found, HazardLevel l, HazardState s, const char* deadline, const char* ent) {
    Hazard x;
    x.found_on = D(found);
    x.level = l;
    x.state = s;
    x.deadline = D(deadline);
    x.enterprise_name = ent;
    return x;
  };
  const std::vector<Hazard> v = {
      h("2023-01-10", HazardLevel::kGeneral, HazardState::kClosed, "2023-02-10", "甲"),
      h("2023-02-10", HazardLevel::kGeneral, HazardState::kOpen, "2023-03-10", "甲"),      // overdue
      h("2023-02-20", HazardLevel::kMajor, HazardState::kRectified, "2023-03-01", "乙"),  // waiting
      h("2022-12-30", HazardLevel::kMajor, HazardState::kOpen, "2023-01-10", "乙"),       // other year
  };
  const auto s = ComputeStats(v, 2023, D("2023-06-01"));
  EXPECT_EQ(s.total.found, 3);
  EXPECT_EQ(s.total.closed, 1);
  EXPECT_EQ(s.total.overdue, 1);
  EXPECT_DOUBLE_EQ(s.total.closure_pct, 33.33);  // 1/3 = 33.333…%
  EXPECT_EQ(s.by_level.at("general").found, 2);
  EXPECT_DOUBLE_EQ(s.by_level.at("general").closure_pct, 50.0);
  EXPECT_EQ(s.by_level.at("major").found, 1);
  EXPECT_EQ(s.by_level.at("major").closed, 0);
  EXPECT_EQ(s.by_enterprise.at("乙").found, 1);
  EXPECT_EQ(s.by_month[1].found, 2);  // February
  EXPECT_EQ(s.by_month[0].closed, 1);
  const auto empty = ComputeStats({}, 2023, D("2023-06-01"));
  EXPECT_EQ(empty.total.found, 0);
  EXPECT_DOUBLE_EQ(empty.total.closure_pct, 0.0);
  EXPECT_EQ(empty.by_level.size(), 2u);
}

}  // namespace
}  // namespace parkhq::safety
