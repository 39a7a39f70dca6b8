#include "domain/enterprise/zombie_calc.h"

#include <gtest/gtest.h>

namespace parkhq::enterprise {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
Period P(const char* s) { return *Period::Parse(s); }

// Months 2022-07..2023-06 all active (output 100, revenue 90), then overwritten per test.
ZombieFacts Active() {
  ZombieFacts f;
  f.id = 5;
  for (int i = 0; i < 12; ++i) f.months[P("2022-07").AddMonths(i)] = {100.0, 90.0};
  return f;
}

TEST(ZombieTest, SixIdleMonthsMakeACandidate) {
  ZombieFacts f = Active();
  for (int i = 0; i < 6; ++i) f.months[P("2023-01").AddMonths(i)] = {0.0, 0.0};  // 2023-01..06
  ZombieAssessment a = AssessZombie(f, P("2023-06"), {});
  EXPECT_TRUE(a.candidate);
  EXPECT_EQ(a.inactive_months, 6);
  EXPECT_EQ(a.reason, "连续6个月无产值、无销售");
  // Five months (as of May, 2023-01..05) is not enough.
  EXPECT_FALSE(AssessZombie(f, P("2023-05"), {}).candidate);
  EXPECT_EQ(AssessZombie(f, P("2023-05"), {}).inactive_months, 5);
  // A configurable N.
  EXPECT_TRUE(AssessZombie(f, P("2023-05"), {5, true}).candidate);
}

TEST(ZombieTest, AnyOutputOrSalesBreaksTheRun) {
  ZombieFacts f = Active();
  for (int i = 0; i < 6; ++i) f.months[P("2023-01").AddMonths(i)] = {0.0, 0.0};
  f.months[P("2023-03")] = {0.0, 5.0};  // sold stock in March: the run is Apr..Jun = 3
  EXPECT_EQ(AssessZombie(f, P("2023-06"), {}).inactive_months, 3);
  f.months[P("2023-03")] = {2.0, std::nullopt};  // produced a little, sales not reported
  EXPECT_EQ(AssessZombie(f, P("2023-06"), {}).inactive_months, 3);
  f.months[P("2023-03")] = {-1.0, 0.0};  // a negative correction is not activity
  EXPECT_EQ(AssessZombie(f, P("2023-06"), {}).inactive_months, 6);
}

TEST(ZombieTest, UnreportedMonths) {
  ZombieFacts f = Active();
  for (int i = 0; i < 6; ++i) f.months.erase(P("2023-01").AddMonths(i));  // stopped filing
  EXPECT_EQ(AssessZombie(f, P("2023-06"), {}).inactive_months, 6);
  EXPECT_TRUE(AssessZombie(f, P("2023-06"), {}).candidate);
  EXPECT_EQ(AssessZombie(f, P("2023-06"), {6, false}).inactive_months, 0);
  // A firm that moved in in 2023-04 has only three expected months so far.
  ZombieFacts newcomer;
  newcomer.first_period = P("2023-04");
  EXPECT_EQ(AssessZombie(newcomer, P("2023-06"), {}).inactive_months, 3);
  EXPECT_FALSE(AssessZombie(newcomer, P("2023-06"), {}).candidate);
  // Without first_period and without any report nothing is counted.
  EXPECT_EQ(AssessZombie(ZombieFacts{}, P("2023-06"), {}).inactive_months, 0);
}

TEST(ZombieTest, StoppedWithArrearsAndClosed) {
  ZombieFacts f = Active();
  f.status = EnterpriseStatus::kStopped;
  EXPECT_FALSE(AssessZombie(f, P("2023-06"), {}).candidate);  // stopped but no arrears
  f.tax_arrears_flagged = true;
  ZombieAssessment a = AssessZombie(f, P("2023-06"), {});
  EXPECT_TRUE(a.candidate);
  EXPECT_EQ(a.reason, "停产且欠税");
  for (int i = 0; i < 6; ++i) f.months[P("2023-01").AddMonths(i)] = {0.0, 0.0};
  EXPECT_EQ(AssessZombie(f, P("2023-06"), {}).reason, "连续6个月无产值、无销售；停产且欠税");
  f.status = EnterpriseStatus::kClosed;  // already gone
  EXPECT_FALSE(AssessZombie(f, P("2023-06"), {}).candidate);
  EXPECT_TRUE(ValidateZombieRule({}).ok());
  EXPECT_EQ(ValidateZombieRule({0, true}).details()[0].field, "consecutive_months");
}

TEST(DisposalTest, ValidationAndOverdue) {
  ZombieDisposal d{"兼并重组", "工信局", D("2023-12-31"), DisposalStatus::kInProgress, std::nullopt};
  EXPECT_TRUE(ValidateDisposal(d).ok());
  EXPECT_FALSE(IsDisposalOverdue(d, D("2023-12-31")));
  EXPECT_TRUE(IsDisposalOverdue(d, D("2024-01-01")));
  d.status = DisposalStatus::kDone;
  EXPECT_EQ(ValidateDisposal(d).details()[0].field, "completed_on");
  d.completed_on = D("2023-11-30");
  EXPECT_TRUE(ValidateDisposal(d).ok());
  EXPECT_FALSE(IsDisposalOverdue(d, D("2024-01-01")));
  ZombieDisposal empty{" ", "", std::nullopt, DisposalStatus::kPlanned, D("2023-01-01")};
  std::vector<std::string> fields;
  Status st = ValidateDisposal(empty);
  for (const FieldError& e : st.details()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"measure", "responsible_unit", "due", "completed_on"}));
  EXPECT_EQ(ParseDisposalStatus("in_progress"), DisposalStatus::kInProgress);
  EXPECT_FALSE(ParseDisposalStatus("closed"));
}

}  // namespace
}  // namespace parkhq::enterprise
