#include "domain/monitoring/series_calc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace parkhq::monitoring {
namespace {

constexpr auto kFlow = IndicatorKind::kFlow;
constexpr auto kStock = IndicatorKind::kStock;
constexpr std::nullopt_t kNo = std::nullopt;

TEST(MonthFromCumulative, ConvertsValidFigures) {
  struct Case {
    const char* what;
    IndicatorKind kind;
    int month;
    double cum;
    std::optional<double> prev;
    double want;
  };
  const Case cases[] = {
      {"January flow is its own amount", kFlow, 1, 120, kNo, 120},
      {"January ignores a previous figure", kFlow, 1, 120, 999, 120},
      {"March: 350 - 200 = 150", kFlow, 3, 350, 200, 150},
      {"unchanged cumulative: month is 0", kFlow, 7, 500, 500, 0},
      {"123.4 - 100.1 = 23.3 without binary noise", kFlow, 2, 123.4, 100.1, 23.3},
      {"December: 31400 - 28000.5 = 3399.5", kFlow, 12, 31400, 28000.5, 3399.5},
      {"stock: cumulative is the level", kStock, 5, 1000, 1200, 1000},
      {"stock: no previous needed", kStock, 5, 1000, kNo, 1000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    StatusOr<double> got = MonthFromCumulative(c.kind, c.month, c.cum, c.prev, "values.fai");
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, c.want);  // exact: the 6-place rounding makes 23.3 the literal 23.3
  }
}

TEST(MonthFromCumulative, RejectsBadFigures) {
  struct Case {
    const char* what;
    IndicatorKind kind;
    int month;
    double cum;
    std::optional<double> prev;
    const char* in_message;
  };
  const Case cases[] = {
      {"smaller than last month", kFlow, 3, 199.99, 200, "1-3月累计数(199.99)小于1-2月累计数(200)"},
      {"previous unknown", kFlow, 4, 300, kNo, "缺少1-3月累计数"},
      {"negative January", kFlow, 1, -1, kNo, "不能为负数"},
      {"negative stock", kStock, 6, -5, kNo, "不能为负数"},
      {"NaN", kFlow, 2, std::nan(""), 10, "有效数字"},
      {"month 0", kFlow, 0, 10, kNo, "月份"},
      {"month 13", kStock, 13, 10, kNo, "月份"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    StatusOr<double> got = MonthFromCumulative(c.kind, c.month, c.cum, c.prev, "values.fai");
    ASSERT_FALSE(got.ok());
    EXPECT_TRUE(got.status().IsValidation());
    ASSERT_EQ(got.status().details().size(), 1u);
    EXPECT_EQ(got.status().details()[0].field, "values.fai");
    EXPECT_NE(got.status().details()[0].message.find(c.in_message), std::string::npos)
        << got.status().details()[0].message;
  }
}

TEST(CumulativeToMonthly, FlowDifferencesAndGapsAtTheEnd) {
  // cum 100, 250, 250, 400 → months 100, 150 (250-100), 0 (250-250), 150 (400-250); May.. unknown.
  MonthlySeries cum{100, 250, 250, 400};
  StatusOr<MonthlySeries> got = CumulativeToMonthly(kFlow, cum, "values.fai");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, (MonthlySeries{100, 150, 0, 150}));
}

TEST(CumulativeToMonthly, StockIsUnchanged) {
  MonthlySeries levels{1000, 980, kNo, 1010};
  StatusOr<MonthlySeries> got = CumulativeToMonthly(kStock, levels, "values.employees");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, levels);
}

TEST(CumulativeToMonthly, ReportsEveryBadMonth) {
  // Feb 90 < Jan 100; April given but March missing. Two details, both for the field.
  MonthlySeries cum{100, 90, kNo, 300};
  StatusOr<MonthlySeries> got = CumulativeToMonthly(kFlow, cum, "values.tax");
  ASSERT_FALSE(got.ok());
  const auto& d = got.status().details();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "values.tax");
  EXPECT_NE(d[0].message.find("1-2月累计数(90)小于1-1月累计数(100)"), std::string::npos);
  EXPECT_NE(d[1].message.find("缺少1-3月累计数，无法换算4月数"), std::string::npos);
}

TEST(MonthlyToCumulative, SumsUntilTheFirstHole) {
  EXPECT_EQ(MonthlyToCumulative(kFlow, MonthlySeries{100, 150, 0, 150}),
            (MonthlySeries{100, 250, 250, 400}));
  // A hole in February makes every later cumulative unknown, even with March reported.
  EXPECT_EQ(MonthlyToCumulative(kFlow, MonthlySeries{100, kNo, 50}), (MonthlySeries{100}));
  EXPECT_EQ(MonthlyToCumulative(kStock, MonthlySeries{7, kNo, 9}), (MonthlySeries{7, kNo, 9}));
}

TEST(MonthlyToCumulative, RoundTripsWithCumulativeToMonthly) {
  MonthlySeries monthly{1200.5, 980.25, 1500, 0,    2100.75, 1999.99,
                        3000,   2500,   2600, 2700, 2800,    4321.01};
  StatusOr<MonthlySeries> back =
      CumulativeToMonthly(kFlow, MonthlyToCumulative(kFlow, monthly), "x");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, monthly);
}

TEST(SumSeries, MissingOnlyWhenEveryParkMissesTheMonth) {
  // Jan 10+1 = 11; Feb only B = 2; Mar only A = 30; Apr neither → unknown.
  std::vector<MonthlySeries> parks = {MonthlySeries{10, kNo, 30}, MonthlySeries{1, 2, kNo}};
  EXPECT_EQ(SumSeries(parks), (MonthlySeries{11, 2, 30}));
  EXPECT_EQ(SumSeries({}), MonthlySeries{});
  std::vector<MonthlySeries> zero = {MonthlySeries{0}, MonthlySeries{}};
  EXPECT_EQ(SumSeries(zero), (MonthlySeries{0.0}));  // a reported 0 is a value, not missing
}

TEST(SumKnown, SameRuleForSingleValues) {
  std::vector<std::optional<double>> targets = {kNo, 31400, 5000};
  EXPECT_EQ(SumKnown(targets), 36400);
  std::vector<std::optional<double>> none = {kNo, kNo};
  EXPECT_EQ(SumKnown(none), std::nullopt);
  EXPECT_EQ(SumKnown({}), std::nullopt);
}

}  // namespace
}  // namespace parkhq::monitoring
