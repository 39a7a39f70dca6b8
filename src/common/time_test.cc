#include "common/time.h"

#include <gtest/gtest.h>

#include <chrono>

namespace parkhq {

TEST(PeriodTest, ParsesAndFormats) {
  auto p = Period::Parse("2023-06");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->year, 2023);
  EXPECT_EQ(p->month, 6);
  EXPECT_EQ(p->ToString(), "2023-06");
}

TEST(PeriodTest, RejectsMalformed) {
  for (const char* s : {"2023-13", "2023-00", "2023-6", "23-06", "2023/06", "", "abcd-ef", "2023-06-01"})
    EXPECT_FALSE(Period::Parse(s)) << s;
}

TEST(PeriodTest, AddMonthsCrossesYears) {
  EXPECT_EQ(Period::Parse("2023-01")->AddMonths(-1).ToString(), "2022-12");
  EXPECT_EQ(Period::Parse("2023-12")->AddMonths(1).ToString(), "2024-01");
  EXPECT_EQ(Period::Parse("2023-06")->AddMonths(-18).ToString(), "2021-12");
}

TEST(DateTest, ValidatesDays) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2023-04-31"));
  EXPECT_FALSE(Date::Parse("2023-4-30"));
}

TEST(DateTest, EpochRoundTrip) {
  EXPECT_EQ(Date::Parse("1970-01-01")->DaysSinceEpoch(), 0);
  EXPECT_EQ(Date::Parse("2023-06-30")->DaysSinceEpoch(), 19538);
  EXPECT_EQ(Date::FromDaysSinceEpoch(19538).ToString(), "2023-06-30");
  EXPECT_EQ(Date::Parse("2023-01-31")->AddMonths(1).ToString(), "2023-02-28");
}

// The clock: "today" is the deployment's local date, never the machine's UTC date.
class LocalClockTest : public ::testing::Test {
 protected:
  void TearDown() override {
    ASSERT_TRUE(SetTimeZone("Asia/Shanghai"));
    PinClock(RealNow());
  }
  static int64_t RealNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch()).count();
  }
};

TEST(TimestampTest, ParsesOffsetsAndRejectsMalformed) {
  EXPECT_EQ(ParseTimestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseTimestamp("2026-12-08T00:30:00+08:00"), ParseTimestamp("2026-12-07T16:30:00Z"));
  EXPECT_EQ(ParseTimestamp("2026-12-08T00:30+08:00"), ParseTimestamp("2026-12-07T16:30:00Z"));
  EXPECT_EQ(ParseTimestamp("2026-12-07T23:30:00-05:00"), ParseTimestamp("2026-12-08T04:30:00Z"));
  for (const char* s : {"", "2026-12-08", "2026-12-08T24:00:00Z", "2026-12-08T00:30:00", "2026-02-30T00:00Z",
                        "2026-12-08T00:30:00+8", "2026-12-08T00:30:00+15:00"})
    EXPECT_FALSE(ParseTimestamp(s)) << s;
}

TEST_F(LocalClockTest, HalfPastMidnightInBeijingIsAlreadyTheNextDay) {
  ASSERT_TRUE(SetTimeZone("Asia/Shanghai"));
  PinClock(*ParseTimestamp("2026-12-08T00:30:00+08:00"));  // 16:30 UTC on the 7th
  EXPECT_EQ(Today().ToString(), "2026-12-08");
  EXPECT_EQ(UtcOffsetSecondsAt(NowUnix()), 8 * 3600);
  EXPECT_EQ(TimeZoneName(), "Asia/Shanghai");
}

TEST_F(LocalClockTest, HalfPastElevenInBeijingIsStillTheSameDay) {
  ASSERT_TRUE(SetTimeZone("Asia/Shanghai"));
  PinClock(*ParseTimestamp("2026-12-31T23:30:00+08:00"));  // 15:30 UTC
  EXPECT_EQ(Today().ToString(), "2026-12-31");
  EXPECT_EQ(Today().period().ToString(), "2026-12");
}

TEST_F(LocalClockTest, MonthBoundaryFollowsTheZone) {
  ASSERT_TRUE(SetTimeZone("Asia/Shanghai"));
  PinClock(*ParseTimestamp("2026-11-30T16:30:00Z"));  // 00:30 on 1 December in Beijing
  EXPECT_EQ(Today().period().ToString(), "2026-12");
  ASSERT_TRUE(SetTimeZone("UTC"));
  EXPECT_EQ(Today().period().ToString(), "2026-11");
}

TEST_F(LocalClockTest, UnknownZoneIsRefusedAndKeepsTheOldOne) {
  ASSERT_TRUE(SetTimeZone("Asia/Shanghai"));
  EXPECT_FALSE(SetTimeZone("Mars/Olympus_Mons"));
  EXPECT_FALSE(SetTimeZone("../../etc/passwd"));
  EXPECT_EQ(TimeZoneName(), "Asia/Shanghai");
}

TEST_F(LocalClockTest, PinnedClockKeepsRunning) {
  PinClock(1000);
  int64_t a = NowUnix();
  EXPECT_GE(a, 1000);
  EXPECT_LT(a, 1005);
}

}  // namespace parkhq
