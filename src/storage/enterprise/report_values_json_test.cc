#include "storage/enterprise/report_values_json.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parkhq::storage {
namespace {

TEST(ReportValuesJson, EncodesInKeyOrderWithShortestNumbers) {
  enterprise::FieldValues v{{"tax", 37}, {"output", 1234.5}, {"profit", -2.25}, {"rnd", 0.1}};
  EXPECT_EQ(EncodeReportValues(v), R"({"output":1234.5,"profit":-2.25,"rnd":0.1,"tax":37})");
  EXPECT_EQ(EncodeReportValues({}), "{}");
}

TEST(ReportValuesJson, RoundTripsEveryDoubleExactly) {
  enterprise::FieldValues v{{"a", 0.1 + 0.2}, {"b", 1e-300}, {"c", 123456789012345.678}, {"d", -0.0}, {"e", 5e20},
                            {"f", 0.005}, {"g", 1e13 - 0.01}, {"h", 2.675}, {"i", -1234.5}, {"j", 9007199254740993.0}};
  EXPECT_EQ(DecodeReportValues(EncodeReportValues(v)), v);
  // Many two-decimal figures, positive and negative, and their neighbours one ulp away.
  for (int i = -200000; i <= 200000; i += 7) {
    const double x = i / 100.0;
    for (double y : {x, std::nextafter(x, 1e300), std::nextafter(x, -1e300)}) {
      enterprise::FieldValues one{{"x", y}};
      ASSERT_EQ(DecodeReportValues(EncodeReportValues(one)).at("x"), y) << EncodeReportValues(one);
    }
  }
}

TEST(ReportValuesJson, TwoDecimalFiguresArePrintedPlainly) {
  EXPECT_EQ(EncodeReportValues({{"a", 120.5}, {"b", -0.05}, {"c", 1e12}, {"d", 3.14}, {"e", 7.0}}),
            R"({"a":120.5,"b":-0.05,"c":1000000000000,"d":3.14,"e":7})");
}

TEST(ReportValuesJson, ReadsThePostgresAggregateFormAndSkipsNonNumbers) {
  // json_object_agg writes `{ "k" : v, ... }`; a hand-edited row may hold strings or nulls.
  auto v = DecodeReportValues(R"({ "output" : 120, "note" : "x,}y", "tax" : 3.5, "nil" : null, "arr" : [1,{"z":2}], "energy":1e2 })");
  EXPECT_EQ(v, (enterprise::FieldValues{{"output", 120}, {"tax", 3.5}, {"energy", 100}}));
  EXPECT_EQ(FindReportValue(R"({ "output" : 120, "tax" : 3.5 })", "tax"), 3.5);
  EXPECT_EQ(FindReportValue(R"({"output":120})", "tax"), std::nullopt);
  EXPECT_EQ(FindReportValue(R"({"output":"120"})", "output"), std::nullopt);
}

TEST(ReportValuesJson, MalformedTextGivesWhatCouldBeRead) {
  EXPECT_TRUE(DecodeReportValues("").empty());
  EXPECT_TRUE(DecodeReportValues("[1,2]").empty());
  EXPECT_TRUE(DecodeReportValues("{\"a\":").empty());
  EXPECT_EQ(DecodeReportValues("{\"a\":1,\"b\""), (enterprise::FieldValues{{"a", 1}}));
  EXPECT_EQ(DecodeReportValues("{\"a\":1,\"b\":-}"), (enterprise::FieldValues{{"a", 1}}));
}

TEST(ReportValuesJson, EscapesQuotesInKeys) {
  enterprise::FieldValues v{{"a\"b", 1}};
  EXPECT_EQ(EncodeReportValues(v), R"({"a\"b":1})");
  EXPECT_EQ(DecodeReportValues(EncodeReportValues(v)), v);
}

}  // namespace
}  // namespace parkhq::storage
