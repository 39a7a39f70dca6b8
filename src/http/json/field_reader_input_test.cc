// The shared JSON field reader refuses non-finite and absurd numbers and text with control,
// bidi-override or noncharacter code points, naming the field (issue 10).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/text_check.h"
#include "http/json/json_util.h"

namespace parkhq::http {
namespace {

StatusOr<json::object> Body(const std::string& text) {
  Request r;
  r.body = text;
  return ParseBody(r);
}

std::string FieldOf(const FieldReader& f) { return f.errors().empty() ? "" : f.errors()[0].field; }

TEST(FieldReaderInputTest, OverflowingAndHugeNumbersAreFieldErrors) {
  // 1e400 overflows a double: Boost.JSON gives infinity (or an error); neither may be stored.
  auto body = Body(R"({"investment": 1e400})");
  if (body.ok()) {
    FieldReader f(*body, "project.");
    EXPECT_FALSE(f.Number("investment", true));
    EXPECT_EQ(FieldOf(f), "project.investment");
    EXPECT_EQ(f.Finish().code(), StatusCode::kValidation);
  } else {
    EXPECT_EQ(body.status().code(), StatusCode::kInvalidArgument);
  }
  auto big = Body(R"({"investment": 1e308, "ok": 12345.67, "neg": -9999999999999, "edge": 1e13})");
  ASSERT_TRUE(big.ok());
  FieldReader f(*big);
  EXPECT_FALSE(f.Number("investment", true));
  EXPECT_EQ(FieldOf(f), "investment");
  EXPECT_EQ(f.Number("ok", true), 12345.67);
  EXPECT_EQ(f.Number("neg", true), -9999999999999.0);
  EXPECT_EQ(f.Number("edge", true), 1e13);
  EXPECT_EQ(f.errors().size(), 1u);
  // A field may declare a wider range.
  FieldReader wide(*big);
  EXPECT_EQ(wide.Number("investment", true, std::numeric_limits<double>::max()), 1e308);
  EXPECT_FALSE(wide.NonNegative("neg", true));
}

TEST(FieldReaderInputTest, NonFiniteValuesInTheObjectAreRefused) {
  json::object o{{"x", std::numeric_limits<double>::infinity()}, {"y", std::nan("")}};
  FieldReader f(o);
  EXPECT_FALSE(f.Number("x", true));
  EXPECT_FALSE(f.Number("y", true));
  EXPECT_EQ(f.errors().size(), 2u);
  EXPECT_EQ(NumberProblem(std::nan("")), "应为有限的数字");
  EXPECT_NE(NumberProblem(2e13).find("10000000000000"), std::string::npos);
  EXPECT_EQ(NumberProblem(-1e13), "");
}

TEST(FieldReaderInputTest, ControlBidiAndNoncharactersInTextAreRefused) {
  json::object o{{"name", "华亭\xE2\x80\xAE" "cod.exe"},   // U+202E
                 {"isolate", "a\xE2\x81\xA6" "b"},          // U+2066
                 {"nonchar", "ledger\xEF\xBF\xBE"},         // U+FFFE
                 {"ctl", std::string("a\x07z")},
                 {"nl", "two\nlines"},
                 {"note", "two\nlines\tand a tab\r\n"},
                 {"fine", "华亭工业园区（演示）"}};
  FieldReader f(o, "p.");
  EXPECT_FALSE(f.String("name", true));
  EXPECT_FALSE(f.String("isolate", true));
  EXPECT_FALSE(f.String("nonchar", true));
  EXPECT_FALSE(f.String("ctl", true));
  EXPECT_FALSE(f.String("nl", true));                 // names are one line
  EXPECT_EQ(f.String("note", false, 2000), "two\nlines\tand a tab\r\n");  // long text may break lines
  EXPECT_EQ(f.String("fine", true), "华亭工业园区（演示）");
  ASSERT_EQ(f.errors().size(), 5u);
  EXPECT_EQ(f.errors()[0].field, "p.name");
  EXPECT_NE(f.errors()[0].message.find("U+202E"), std::string::npos);
  EXPECT_NE(f.errors()[2].message.find("U+FFFE"), std::string::npos);
}

TEST(FieldReaderInputTest, HugeOrNonFiniteDoublesAreNotIntegers) {
  // Casting these to int64 was undefined behaviour (UBSan, json_body fuzz target).
  json::object o{{"a", 5.55556e81}, {"b", std::numeric_limits<double>::infinity()}, {"c", std::nan("")},
                 {"d", 12.0}, {"e", -3e15}, {"f", 1.5}};
  FieldReader f(o);
  EXPECT_FALSE(f.Int("a", true));
  EXPECT_FALSE(f.Int("b", true));
  EXPECT_FALSE(f.Int("c", true));
  EXPECT_EQ(f.Int("d", true), 12);
  EXPECT_EQ(f.Int("e", true), -3000000000000000);
  EXPECT_FALSE(f.Int("f", true));
  EXPECT_EQ(f.errors().size(), 4u);
}

TEST(FieldReaderInputTest, DeepNestingIsABadRequest) {
  std::string deep = "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_EQ(Body(deep).status().code(), StatusCode::kInvalidArgument);
}

TEST(TextCheckTest, ReasonsAndSanitizing) {
  EXPECT_EQ(BadTextReason("华亭 Park-1（演示）", false), "");
  EXPECT_NE(BadTextReason("\x7f", true), "");
  EXPECT_NE(BadTextReason("\xC2\x85", true), "");  // U+0085 (C1)
  EXPECT_NE(BadTextReason("\xEF\xBF\xBF", true), "");
  EXPECT_NE(BadTextReason("\xFF", true), "");       // not UTF-8
  EXPECT_NE(BadTextReason("\xED\xA0\x80", true), "");  // a surrogate
  EXPECT_EQ(BadTextReason("a\tb\nc\r", true), "");
  EXPECT_NE(BadTextReason("a\tb", false), "");
  EXPECT_EQ(BadTextReason("\xF0\x9F\x98\x80", false), "");  // emoji are fine
  EXPECT_EQ(SanitizeText("a\x01\xEF\xBF\xBE\xFFz\n"), "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\n");
}

TEST(WriteJsonInputTest, NeverEmitsInfOrNan) {
  json::object o{{"a", std::numeric_limits<double>::infinity()}, {"b", -std::numeric_limits<double>::infinity()},
                 {"c", std::nan("")}};
  const std::string out = WriteJson(o);
  EXPECT_EQ(out, R"({"a":null,"b":null,"c":null})");
  EXPECT_NO_THROW(json::parse(out));
}

}  // namespace
}  // namespace parkhq::http
