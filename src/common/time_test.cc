#include "common/time.h"

#include <gtest/gtest.h>

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

}  // namespace parkhq
