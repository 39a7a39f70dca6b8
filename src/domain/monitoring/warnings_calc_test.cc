#include "domain/monitoring/warnings_calc.h"

#include <gtest/gtest.h>

namespace parkhq::monitoring {
namespace {

constexpr std::nullopt_t kNo = std::nullopt;

const Indicator& Ind(std::string_view code) { return *FindIndicator(SeededIndicators(), code); }

// A row computed for real at 2023-m from this year's / last year's series and a target.
MonitoringRow Row(std::string_view code, int m, MonthlySeries this_year, MonthlySeries last_year,
                  std::optional<double> target) {
  const Indicator& ind = Ind(code);
  StatusOr<IndicatorFigures> f = ComputeIndicator(
      {ind.kind, ind.higher_is_better, this_year, last_year, target}, Period{2023, m});
  EXPECT_TRUE(f.ok());
  return {ind, *f};
}

MonthlySeries Flat(double v, int months) {
  MonthlySeries s{};
  for (int i = 0; i < months; ++i) s[i] = v;
  return s;
}

const ResponsibleUnits kUnits{"工业园区管委会", {{"fai", "发改局"}, {"energy", "工信局"}}};

TEST(SubmissionDeadline, DayOfTheFollowingMonthClamped) {
  EXPECT_EQ(SubmissionDeadline({2023, 6}, 10), (Date{2023, 7, 10}));
  EXPECT_EQ(SubmissionDeadline({2023, 12}, 10), (Date{2024, 1, 10}));
  EXPECT_EQ(SubmissionDeadline({2023, 1}, 31), (Date{2023, 2, 28}));
  EXPECT_EQ(SubmissionDeadline({2024, 1}, 31), (Date{2024, 2, 29}));
}

TEST(NotSubmittedWarnings, Day10IsOnTimeDay11IsLate) {
  const std::vector<MonthSubmission> june = {{{2023, 6}, SubmissionState::kDraft}};
  EXPECT_TRUE(NotSubmittedWarnings(june, {2023, 7, 10}, "园区", {}).empty());
  std::vector<Warning> w = NotSubmittedWarnings(june, {2023, 7, 11}, "园区", {});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::kNotSubmitted);
  EXPECT_EQ(w[0].indicator_code, "");
  EXPECT_EQ(w[0].period, (Period{2023, 6}));
  EXPECT_EQ(w[0].severity, Severity::kMedium);
  EXPECT_EQ(w[0].responsible_unit, "园区");
  EXPECT_EQ(w[0].message, "2023年6月月报截至2023-07-10仍未提交（草稿未提交）");
}

TEST(NotSubmittedWarnings, SeverityRisesAfterTheSecondDeadline) {
  const std::vector<MonthSubmission> june = {{{2023, 6}, SubmissionState::kNotStarted}};
  EXPECT_EQ(NotSubmittedWarnings(june, {2023, 8, 10}, "园区", {}).at(0).severity,
            Severity::kMedium);
  EXPECT_EQ(NotSubmittedWarnings(june, {2023, 8, 11}, "园区", {}).at(0).severity, Severity::kHigh);
}

TEST(NotSubmittedWarnings, StatesAndConfigurableDay) {
  struct Case {
    SubmissionState state;
    bool warns;
    const char* note;
  };
  const Case cases[] = {
      {SubmissionState::kNotStarted, true, "（未填报）"},
      {SubmissionState::kDraft, true, "（草稿未提交）"},
      {SubmissionState::kReturned, true, "（已退回待修改）"},
      {SubmissionState::kSubmitted, false, ""},
      {SubmissionState::kApproved, false, ""},
  };
  for (const Case& c : cases) {
    std::vector<Warning> w = NotSubmittedWarnings({{{2023, 6}, c.state}}, {2023, 9, 1}, "园区", {});
    ASSERT_EQ(w.size(), c.warns ? 1u : 0u) << static_cast<int>(c.state);
    if (c.warns) {
      EXPECT_NE(w[0].message.find(c.note), std::string::npos) << w[0].message;
    }
  }
  WarningSettings day15;
  day15.deadline_day = 15;
  const std::vector<MonthSubmission> june = {{{2023, 6}, SubmissionState::kDraft}};
  EXPECT_TRUE(NotSubmittedWarnings(june, {2023, 7, 15}, "园区", day15).empty());
  EXPECT_EQ(NotSubmittedWarnings(june, {2023, 7, 16}, "园区", day15).size(), 1u);
}

TEST(IndicatorWarnings, RedWithItsMessageAndUnit) {
  // fai: ytd 6 x 1900 = 11400 of 31400 → 36.31%, gap 36.3057 - 50 = -13.69 → red.
  std::vector<Warning> w = IndicatorWarnings({Row("fai", 6, Flat(1900, 6), {}, 31400)}, kUnits, {});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::kIndicatorRed);
  EXPECT_EQ(w[0].severity, Severity::kHigh);
  EXPECT_EQ(w[0].indicator_code, "fai");
  EXPECT_EQ(w[0].responsible_unit, "发改局");
  EXPECT_EQ(w[0].message,
            "固定资产投资2023年6月：1-6月累计11400.00万元，完成年度目标36.31%，落后序时进度13."
            "69个百分点");
}

TEST(IndicatorWarnings, YellowGreenNoneAndTheSwitch) {
  // output: 6 x 12000 = 72000 of 157000 → 45.86%, gap -4.14 → yellow.
  // sales: 6 x 13000 = 78000 of 155000 → 50.32% → green. tax: no target → none.
  const std::vector<MonitoringRow> rows = {Row("output", 6, Flat(12000, 6), {}, 157000),
                                           Row("sales", 6, Flat(13000, 6), {}, 155000),
                                           Row("tax", 6, Flat(500, 6), {}, kNo)};
  std::vector<Warning> w = IndicatorWarnings(rows, kUnits, {});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::kIndicatorYellow);
  EXPECT_EQ(w[0].severity, Severity::kMedium);
  EXPECT_EQ(w[0].indicator_code, "output");
  EXPECT_EQ(w[0].responsible_unit, "工业园区管委会");  // no override for output
  WarningSettings no_yellow;
  no_yellow.include_yellow = false;
  EXPECT_TRUE(IndicatorWarnings(rows, kUnits, no_yellow).empty());
}

TEST(IndicatorWarnings, LowerIsBetterAndStockMessages) {
  // energy: 6 x 5000 = 30000 of 50000 → 60%, 10 points over the schedule → red.
  // employees (stock): June level 900 of 1000 → 90%, 10 points under the target → red.
  const std::vector<MonitoringRow> rows = {Row("energy", 6, Flat(5000, 6), {}, 50000),
                                           Row("employees", 6, Flat(900, 6), {}, 1000)};
  std::vector<Warning> w = IndicatorWarnings(rows, kUnits, {});
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].message,
            "综合能耗2023年6月：1-6月累计30000.00吨标准煤，已达年度控制目标60.00%，超出序时进度10."
            "00个百分点");
  EXPECT_EQ(w[0].responsible_unit, "工信局");
  EXPECT_EQ(w[1].message,
            "从业人员2023年6月：6月末900人，为年度目标的90.00%，低于目标10.00个百分点");
}

TEST(IndicatorWarnings, SuddenSwingStrictlyAboveThreshold) {
  // June this year vs June last year (last year's June is 100).
  struct Case {
    double june;
    bool warns;
    const char* text;
  };
  const Case cases[] = {
      {150, false, ""},               // +50.00 exactly: not above 50
      {151, true, "同比增长51.00%"},  // +51
      {50, false, ""},                // -50.00 exactly
      {49, true, "同比下降51.00%"},   // -51
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.june);
    MonthlySeries s = Flat(100, 5);
    s[5] = c.june;
    std::vector<Warning> w = IndicatorWarnings({Row("tax", 6, s, Flat(100, 12), kNo)}, kUnits, {});
    ASSERT_EQ(w.size(), c.warns ? 1u : 0u);
    if (!c.warns) continue;
    EXPECT_EQ(w[0].kind, WarningKind::kSuddenSwing);
    EXPECT_EQ(w[0].severity, Severity::kLow);
    EXPECT_NE(w[0].message.find(c.text), std::string::npos) << w[0].message;
    EXPECT_NE(w[0].message.find("上年同月100.00万元"), std::string::npos) << w[0].message;
  }
  WarningSettings t30;
  t30.swing_threshold_pct = 30;
  MonthlySeries s = Flat(100, 5);
  s[5] = 131;  // +31 > 30
  EXPECT_EQ(IndicatorWarnings({Row("tax", 6, s, Flat(100, 12), kNo)}, kUnits, t30).size(), 1u);
  // Last year's June 0: month_yoy undefined, no swing however big the month.
  EXPECT_TRUE(
      IndicatorWarnings({Row("tax", 6, Flat(999, 6), MonthlySeries{}, kNo)}, kUnits, {}).empty());
}

TEST(BuildWarnings, SortedBySeverityThenInputOrder) {
  // Row 1 tax: swing (low). Row 2 fai: red (high) + swing (low). Row 3 output: yellow (medium).
  // Plus June's report late (medium).
  MonthlySeries tax = Flat(100, 6);
  tax[5] = 200;
  MonthlySeries fai = Flat(1900, 6);
  const std::vector<MonitoringRow> rows = {Row("tax", 6, tax, Flat(100, 12), kNo),
                                           Row("fai", 6, fai, Flat(1000, 12), 31400),
                                           Row("output", 6, Flat(12000, 6), {}, 157000)};
  StatusOr<std::vector<Warning>> w =
      BuildWarnings(rows, {{{2023, 6}, SubmissionState::kDraft}}, {2023, 7, 11}, kUnits);
  ASSERT_TRUE(w.ok());
  std::vector<std::pair<WarningKind, std::string>> got;
  for (const Warning& x : *w) got.emplace_back(x.kind, x.indicator_code);
  EXPECT_EQ(got, (std::vector<std::pair<WarningKind, std::string>>{
                     {WarningKind::kIndicatorRed, "fai"},
                     {WarningKind::kIndicatorYellow, "output"},
                     {WarningKind::kNotSubmitted, ""},
                     {WarningKind::kSuddenSwing, "tax"},
                     {WarningKind::kSuddenSwing, "fai"}}));
}

TEST(BuildWarnings, RejectsBadSettings) {
  struct Case {
    WarningSettings s;
    const char* field;
  };
  const Case cases[] = {{{0, 50, true}, "deadline_day"},
                        {{32, 50, true}, "deadline_day"},
                        {{10, -1, true}, "swing_threshold_pct"}};
  for (const Case& c : cases) {
    StatusOr<std::vector<Warning>> w = BuildWarnings({}, {}, {2023, 7, 11}, kUnits, c.s);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().details().at(0).field, c.field);
  }
}

TEST(WarningNames, StableWords) {
  EXPECT_STREQ(WarningKindName(WarningKind::kIndicatorRed), "indicator_red");
  EXPECT_STREQ(WarningKindName(WarningKind::kIndicatorYellow), "indicator_yellow");
  EXPECT_STREQ(WarningKindName(WarningKind::kNotSubmitted), "not_submitted");
  EXPECT_STREQ(WarningKindName(WarningKind::kSuddenSwing), "sudden_swing");
  EXPECT_STREQ(SeverityName(Severity::kHigh), "high");
  EXPECT_STREQ(SeverityName(Severity::kMedium), "medium");
  EXPECT_STREQ(SeverityName(Severity::kLow), "low");
  EXPECT_EQ(kUnits.For("fai"), "发改局");
  EXPECT_EQ(kUnits.For("sales"), "工业园区管委会");
}

}  // namespace
}  // namespace parkhq::monitoring
