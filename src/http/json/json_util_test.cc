#include "http/json/json_util.h"

#include <gtest/gtest.h>

#include <limits>

namespace parkhq::http {
namespace {

TEST(WriteJsonTest, DoublesAsPeopleReadThem) {
  json::object o{{"a", 71.43}, {"b", 31400.0}, {"c", 0.1 + 0.2}, {"d", -2.5e-7}, {"e", 7}, {"s", "华亭\"x\""},
                 {"n", nullptr}, {"arr", json::array{1.5, true}}};
  EXPECT_EQ(WriteJson(o),
            "{\"a\":71.43,\"b\":31400,\"c\":0.3,\"d\":-2.5e-07,\"e\":7,\"s\":\"华亭\\\"x\\\"\",\"n\":null,"
            "\"arr\":[1.5,true]}");
  EXPECT_EQ(WriteJson(json::value(std::numeric_limits<double>::quiet_NaN())), "null");
  // What it writes parses back to the same numbers.
  json::value back = json::parse(WriteJson(o));
  EXPECT_DOUBLE_EQ(back.at("a").as_double(), 71.43);
}

TEST(WriteJsonTest, EverythingButDoublesMatchesBoostJson) {
  // Strings with every escape, UTF-8, integers at their limits, nesting: byte for byte what
  // json::serialize writes (doubles differ on purpose, see above).
  std::string controls;
  for (char c = 1; c < 0x20; ++c) controls += c;
  json::object o{{"q\"k\\", "a\"b\\c/d"}, {"ctl", controls}, {"zh", "园区·高质量发展"},
                 {"i", std::numeric_limits<int64_t>::min()}, {"u", std::numeric_limits<uint64_t>::max()},
                 {"t", true}, {"f", false}, {"n", nullptr}, {"e", json::object{}}, {"a", json::array{}},
                 {"nest", json::array{json::object{{"x", 1}}, json::array{-3, "s"}}}};
  o["ctl"].as_string().push_back('\0');
  EXPECT_EQ(WriteJson(o), json::serialize(o));
}

TEST(WriteJsonTest, FifteenSignificantDigits) {
  EXPECT_EQ(WriteJson(json::value(5.0850095503101234)), "5.08500955031012");
  EXPECT_EQ(WriteJson(json::value(123456789012345678.0)), "1.23456789012346e+17");
  EXPECT_EQ(WriteJson(json::value(1e-5)), "1e-05");
  EXPECT_EQ(WriteJson(json::value(-0.5)), "-0.5");
}

}  // namespace
}  // namespace parkhq::http
