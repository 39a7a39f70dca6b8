#include "domain/enterprise/reporting_calc.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
Period P(const char* s) { return *Period::Parse(s); }

TEST(ReportingCalcTest, CompletenessAndTimeliness) {
  const Date deadline = D("2023-07-10");
  std::vector<int64_t> expected = {1, 2, 3, 4, 5, 6, 7};
  std::vector<ReportingRecord> records = {
      {1, ReportState::kApproved, D("2023-07-03")},   // submitted, on time, approved
      {2, ReportState::kSubmitted, D("2023-07-10")},  // on the deadline day: on time
      {3, ReportState::kSubmitted, D("2023-07-12")},  // late
      {4, ReportState::kReturned, D("2023-07-05")},   // returned: not counted until resubmitted
      {5, ReportState::kDraft, std::nullopt},         // draft
      // 6: no record at all
      {7, ReportState::kApproved, D("2023-07-08")},
      {99, ReportState::kApproved, D("2023-07-01")},  // not expected (e.g. another park): ignored
  };
  ReportingStatus s = ComputeReportingStatus(expected, records, deadline);
  EXPECT_EQ(s.expected, 7);
  EXPECT_EQ(s.submitted, 4);  // 1, 2, 3, 7
  EXPECT_EQ(s.on_time, 3);    // 1, 2, 7
  EXPECT_EQ(s.approved, 2);   // 1, 7
  EXPECT_EQ(s.completeness_pct, 57.14);  // 4 / 7 * 100 = 57.142857 -> 57.14
  EXPECT_EQ(s.timeliness_pct, 42.86);    // 3 / 7 * 100 = 42.857142 -> 42.86
  EXPECT_EQ(s.missing, (std::vector<int64_t>{4, 5, 6}));
}

TEST(ReportingCalcTest, ResubmittedAfterReturnKeepsFirstSubmissionDate) {
  ReportingStatus s = ComputeReportingStatus({1}, {{1, ReportState::kSubmitted, D("2023-07-09")}},
                                             D("2023-07-10"));
  EXPECT_EQ(s.on_time, 1);
  EXPECT_EQ(s.timeliness_pct, 100.0);
}

TEST(ReportingCalcTest, NothingExpected) {
  ReportingStatus s = ComputeReportingStatus({}, {{1, ReportState::kApproved, D("2023-07-01")}}, D("2023-07-10"));
  EXPECT_EQ(s.expected, 0);
  EXPECT_FALSE(s.completeness_pct);
  EXPECT_FALSE(s.timeliness_pct);
  EXPECT_TRUE(s.missing.empty());
}

TEST(ReportingCalcTest, DuplicateIdsCountOnce) {
  ReportingStatus s = ComputeReportingStatus({1, 1, 2}, {{1, ReportState::kDraft, std::nullopt},
                                                         {1, ReportState::kSubmitted, D("2023-07-02")}},
                                             D("2023-07-10"));
  EXPECT_EQ(s.expected, 2);
  EXPECT_EQ(s.submitted, 1);  // the last record of 1 counts
  EXPECT_EQ(s.completeness_pct, 50.0);
  EXPECT_EQ(s.missing, (std::vector<int64_t>{2}));
}

TEST(ReportingCalcTest, WhoIsExpected) {
  const Period june = P("2023-06");
  const auto op = EnterpriseStatus::kOperating;
  EXPECT_TRUE(IsExpectedToReport(op, std::nullopt, std::nullopt, june));
  EXPECT_TRUE(IsExpectedToReport(op, D("2023-06-30"), std::nullopt, june));   // moved in on the last day
  EXPECT_FALSE(IsExpectedToReport(op, D("2023-07-01"), std::nullopt, june));  // moved in later
  EXPECT_TRUE(IsExpectedToReport(EnterpriseStatus::kStopped, D("2020-01-01"), std::nullopt, june));
  EXPECT_TRUE(IsExpectedToReport(EnterpriseStatus::kClosed, D("2020-01-01"), D("2023-06-01"), june));
  EXPECT_FALSE(IsExpectedToReport(EnterpriseStatus::kClosed, D("2020-01-01"), D("2023-05-31"), june));
  EXPECT_FALSE(IsExpectedToReport(EnterpriseStatus::kClosed, std::nullopt, std::nullopt, june));
}

}  // namespace
}  // namespace parkhq::enterprise
