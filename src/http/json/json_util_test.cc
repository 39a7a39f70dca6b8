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

}  // namespace
}  // namespace parkhq::http
