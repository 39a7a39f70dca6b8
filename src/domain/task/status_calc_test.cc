#include "domain/task/status_calc.h"

#include <gtest/gtest.h>

namespace parkhq::task {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

struct StatusCase {
  const char* date;
  bool measurable;
  std::optional<double> progress;
  ItemStatus status;
};

// A year-long item: 2023-01-01 .. 2023-12-31 (364 days); 2023-07-02 is exactly half (182 days).
TEST(TaskStatusTest, BoundaryDates) {
  const StatusCase cases[] = {
      {"2023-12-31", true, 0.99, ItemStatus::kBehind},      // on the deadline, share 100%
      {"2024-01-01", true, 0.99, ItemStatus::kBehind},      // past the deadline
      {"2023-12-31", true, 1.0, ItemStatus::kCompleted},    // done on the deadline
      {"2024-01-01", true, 1.0, ItemStatus::kCompleted},    // done stays done
      {"2023-07-02", true, 0.5, ItemStatus::kInProgress},   // exactly at the time share
      {"2023-07-02", true, 0.4999, ItemStatus::kBehind},    // just below it
      {"2023-07-01", true, 0.4999, ItemStatus::kInProgress},// a day earlier the share is 181/364
      {"2023-12-31", true, std::nullopt, ItemStatus::kNotStarted},
      {"2024-01-01", true, std::nullopt, ItemStatus::kBehind},
      {"2023-12-31", false, 0.1, ItemStatus::kInProgress},  // a milestone: no time-share rule
      {"2024-01-01", false, 0.1, ItemStatus::kBehind},
      {"2022-12-31", true, 0.0, ItemStatus::kInProgress},   // before the start: share 0
  };
  for (const auto& c : cases) {
    StatusInput in{D("2023-01-01"), D("2023-12-31"), c.measurable, c.progress};
    const auto r = ComputeItemStatus(in, D(c.date));
    EXPECT_EQ(r.status, c.status) << c.date << " progress " << c.progress.value_or(-1) << " " << r.reason;
    EXPECT_FALSE(r.reason.empty());
  }
}

TEST(TaskStatusTest, TimeShareAndReasons) {
  StatusInput in{D("2023-01-01"), D("2023-12-31"), true, 0.25};
  auto r = ComputeItemStatus(in, D("2023-07-02"));
  EXPECT_DOUBLE_EQ(r.time_share, 0.5);
  EXPECT_EQ(r.reason, "完成 25.0%，低于序时进度 50.0%");
  r = ComputeItemStatus(in, D("2024-02-01"));
  EXPECT_EQ(r.reason, "已过截止日期 2023-12-31，完成 25.0%");
  // A deadline on (or before) the start: the share is 1 from the start.
  StatusInput same{D("2023-05-01"), D("2023-05-01"), true, 0.5};
  EXPECT_DOUBLE_EQ(ComputeItemStatus(same, D("2023-05-01")).time_share, 1.0);
  EXPECT_EQ(ComputeItemStatus(same, D("2023-05-01")).status, ItemStatus::kBehind);
}

TEST(TaskStatusTest, PeriodLabels) {
  EXPECT_EQ(PeriodLabel(Frequency::kMonthly, D("2023-03-31")), "2023-03");
  EXPECT_EQ(PeriodLabel(Frequency::kQuarterly, D("2023-03-31")), "2023-Q1");
  EXPECT_EQ(PeriodLabel(Frequency::kQuarterly, D("2023-10-01")), "2023-Q4");
  EXPECT_EQ(PeriodLabel(Frequency::kOnce, D("2023-10-01")), "once");
  EXPECT_EQ(ParseFrequency("quarterly"), Frequency::kQuarterly);
  EXPECT_FALSE(ParseFrequency("weekly").has_value());
}

TEST(TaskStatusTest, MissedPeriodsAtPeriodEnds) {
  const Date s = D("2023-01-01"), e = D("2023-12-31");
  using V = std::vector<std::string>;
  // On 04-01, January to March have ended; February was reported.
  EXPECT_EQ(MissedPeriods(Frequency::kMonthly, s, e, D("2023-04-01"), {"2023-02"}), (V{"2023-01", "2023-03"}));
  // On 03-31 March has not ended yet.
  EXPECT_EQ(MissedPeriods(Frequency::kMonthly, s, e, D("2023-03-31"), {"2023-02"}), (V{"2023-01"}));
  EXPECT_EQ(MissedPeriods(Frequency::kQuarterly, s, e, D("2023-07-01"), {"2023-Q1"}), (V{"2023-Q2"}));
  EXPECT_EQ(MissedPeriods(Frequency::kQuarterly, s, e, D("2023-06-30"), {}), (V{"2023-Q1"}));
  EXPECT_EQ(MissedPeriods(Frequency::kOnce, s, e, D("2023-12-31"), {}), V{});
  EXPECT_EQ(MissedPeriods(Frequency::kOnce, s, e, D("2024-01-01"), {}), (V{"once"}));
  EXPECT_EQ(MissedPeriods(Frequency::kOnce, s, e, D("2024-01-01"), {"once"}), V{});
  // A September start: the schedule begins in September; periods after the deadline are not due.
  EXPECT_EQ(MissedPeriods(Frequency::kMonthly, D("2023-09-06"), D("2023-10-31"), D("2024-03-01"), {"2023-10"}),
            (V{"2023-09"}));
}

}  // namespace
}  // namespace parkhq::task
