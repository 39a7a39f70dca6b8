#include "domain/project/project.h"

#include <gtest/gtest.h>

#include <functional>

#include "domain/project/test_fixtures.h"

namespace parkhq::project {
namespace {

using testing::D;
using testing::P;
using testing::ProjectBuilder;
constexpr Stage kReserve = Stage::kReserve, kSigned = Stage::kSigned, kLanded = Stage::kLanded,
                kStarted = Stage::kStarted, kCompleted = Stage::kCompleted,
                kProduction = Stage::kProduction;
const Date kToday = D("2023-06-30");

TEST(StageTest, CodesRoundTripAndMatchThePlan) {
  const char* codes[] = {"reserve", "signed", "landed", "started", "completed", "production"};
  for (int i = 0; i < kStageCount; ++i) {
    EXPECT_STREQ(StageCode(kAllStages[i]), codes[i]);
    EXPECT_EQ(ParseStage(codes[i]), kAllStages[i]);
  }
  EXPECT_FALSE(ParseStage("Started").has_value());
  EXPECT_STREQ(StageNameZh(kProduction), "投产");
  EXPECT_EQ(ParseKind("continuing"), Kind::kContinuing);
  EXPECT_FALSE(ParseKind("old").has_value());
  EXPECT_STREQ(KindNameZh(Kind::kNew), "新建");
}

TEST(QueriesTest, ReachedOnUsesLaterStages) {
  Project p =
      ProjectBuilder(1).Actual(kSigned, "2023-01-01").Actual(kStarted, "2023-03-01").Build();
  EXPECT_EQ(ReachedOn(p, kLanded), D("2023-03-01"));  // no 落地 date: 开工 implies it
  EXPECT_EQ(ReachedOn(p, kSigned), D("2023-01-01"));
  EXPECT_FALSE(ReachedOn(p, kCompleted).has_value());
  EXPECT_TRUE(ReachedBy(p, kLanded, D("2023-03-01")));
  EXPECT_FALSE(ReachedBy(p, kLanded, D("2023-02-28")));
}

TEST(QueriesTest, StageAtAndFlagsAtDates) {
  Project p = ProjectBuilder(1)
                  .Actual(kSigned, "2023-01-01")
                  .Actual(kLanded, "2023-03-01")
                  .Suspended("2023-04-01")
                  .Terminated("2023-05-01")
                  .Build();
  EXPECT_FALSE(StageAt(p, D("2022-12-31")).has_value());
  EXPECT_EQ(StageAt(p, D("2023-02-28")), kSigned);
  EXPECT_EQ(StageAt(p, D("2023-03-01")), kLanded);
  EXPECT_FALSE(IsSuspendedAt(p, D("2023-03-31")));
  EXPECT_TRUE(IsSuspendedAt(p, D("2023-04-01")));
  EXPECT_FALSE(IsTerminatedAt(p, D("2023-04-30")));
  EXPECT_TRUE(IsTerminatedAt(p, D("2023-05-01")));
}

TEST(QueriesTest, MoneySums) {
  Project p = ProjectBuilder(1)
                  .Plan(2023, 500)
                  .Month("2022-12", 10, 1)
                  .Month("2023-01", 20, 2)
                  .Month("2023-03", 30, 3)
                  .Month("2023-04", 40, 4)
                  .Build();
  EXPECT_EQ(PlannedInvestment(p, 2023), 500);
  EXPECT_FALSE(PlannedInvestment(p, 2024).has_value());
  EXPECT_DOUBLE_EQ(CompletedYtd(p, D("2023-03-01")), 50);       // Jan 20 + Mar 30
  EXPECT_DOUBLE_EQ(FundsInPlaceYtd(p, D("2023-04-30")), 9);     // 2 + 3 + 4
  EXPECT_DOUBLE_EQ(FundsInPlaceToDate(p, D("2023-03-31")), 6);  // 1 + 2 + 3
}

// A valid project as POST /projects would build it (stage 签约 with its date).
Project Valid() {
  return ProjectBuilder(1)
      .Investment(10000, 8000)
      .Actual(kReserve, "2023-01-05")
      .Actual(kSigned, "2023-02-01")
      .Planned(kSigned, "2023-02-01")
      .Planned(kLanded, "2023-04-01")
      .Planned(kStarted, "2023-05-01")
      .Planned(kCompleted, "2024-06-30")
      .Planned(kProduction, "2024-09-30")
      .Plan(2023, 3000)
      .Plan(2024, 5000)
      .Month("2023-03", 100, 50)
      .Build();
}

struct ValidationCase {
  const char* name;
  std::function<void(Project&)> edit;
  std::vector<std::string> fields;  // expected FieldError fields, in order
};

TEST(ValidateProjectTest, Table) {
  const ValidationCase cases[] = {
      {"valid", [](Project&) {}, {}},
      {"empty name", [](Project& p) { p.name.clear(); }, {"name"}},
      {"negative total",
       [](Project& p) { p.total_investment = -1; },
       {"total_investment", "contracted_investment", "annual_plans[0].planned_investment",
        "annual_plans[1].planned_investment"}},
      {"negative contracted",
       [](Project& p) { p.contracted_investment = -0.01; },
       {"contracted_investment"}},
      {"contracted above total",
       [](Project& p) { p.contracted_investment = 10000.01; },
       {"contracted_investment"}},
      {"contracted equal to total", [](Project& p) { p.contracted_investment = 10000; }, {}},
      {"planned start before planned landing",
       [](Project& p) { p.planned[kStarted] = D("2023-03-31"); },
       {"planned.started"}},
      {"planned start on the landing date",
       [](Project& p) { p.planned[kStarted] = D("2023-04-01"); },
       {}},
      {"gap compares with the nearest earlier date",
       [](Project& p) {
         p.planned[kLanded].reset();
         p.planned[kStarted] = D("2023-01-31");
       },
       {"planned.started"}},
      {"negative annual plan",
       [](Project& p) { p.annual_plans[0].planned_investment = -5; },
       {"annual_plans[0].planned_investment"}},
      {"annual plan above total",
       [](Project& p) { p.annual_plans[1].planned_investment = 10001; },
       {"annual_plans[1].planned_investment"}},
      {"duplicate plan year",
       [](Project& p) { p.annual_plans[1].year = 2023; },
       {"annual_plans[1].year"}},
      {"actual date of a later stage",
       [](Project& p) { p.actual[kCompleted] = D("2023-03-01"); },
       {"actual.completed"}},
      {"no actual date for the current stage",
       [](Project& p) { p.actual[kSigned].reset(); },
       {"actual.signed"}},
      {"actual date in the future",
       [](Project& p) { p.actual[kSigned] = D("2023-07-01"); },
       {"actual.signed"}},
      {"actual dates out of order",
       [](Project& p) { p.actual[kReserve] = D("2023-03-01"); },
       {"actual.signed"}},
      {"terminated in the future",
       [](Project& p) { p.terminated_on = D("2023-07-01"); },
       {"terminated_on"}},
      {"duplicate month",
       [](Project& p) { p.monthly.push_back(p.monthly[0]); },
       {"monthly[1].period"}},
      {"negative completed",
       [](Project& p) { p.monthly[0].completed = -1; },
       {"monthly[0].completed"}},
  };
  for (const ValidationCase& c : cases) {
    SCOPED_TRACE(c.name);
    Project p = Valid();
    c.edit(p);
    Status st = ValidateProject(p, kToday);
    std::vector<std::string> fields;
    for (const auto& d : st.details()) fields.push_back(d.field);
    EXPECT_EQ(fields, c.fields) << st.ToString();
    EXPECT_EQ(st.ok(), c.fields.empty());
    if (!st.ok()) {
      EXPECT_TRUE(st.IsValidation());
    }
  }
}

TEST(ValidateProjectTest, ChineseMessageNamesBothDates) {
  Project p = Valid();
  p.planned[kStarted] = D("2023-03-31");
  Status st = ValidateProject(p, kToday);
  ASSERT_EQ(st.details().size(), 1u);
  EXPECT_EQ(st.details()[0].message,
            "计划开工日期（2023-03-31）不能早于计划落地日期（2023-04-01）");
}

TEST(ValidateMonthlyInvestmentTest, Rules) {
  MonthlyInvestment m;
  m.period = P("2023-06");
  m.completed = 100;
  m.funds_in_place = 50;
  m.funds_by_source = {20, 20, 10};
  EXPECT_TRUE(ValidateMonthlyInvestment(m, kToday).ok());  // sources sum to exactly 50
  m.funds_by_source.foreign = 10.01;
  Status st = ValidateMonthlyInvestment(m, kToday);
  ASSERT_TRUE(st.IsValidation());
  EXPECT_EQ(st.details()[0].field, "funds_by_source");
  m.funds_by_source = {-1, 0, 0};
  m.period = P("2023-07");
  m.funds_in_place = -1;
  st = ValidateMonthlyInvestment(m, kToday);
  std::vector<std::string> fields;
  for (const auto& d : st.details()) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"period", "funds_in_place",
                                              "funds_by_source.out_of_province"}));
}

}  // namespace
}  // namespace parkhq::project
