#include "common/toml_lite.h"

#include <gtest/gtest.h>

namespace parkhq {
namespace {

TEST(TomlLiteTest, TablesStringsIntegersBoolsArrays) {
  auto r = ParseToml(R"(# top comment
title = "ParkHQ"   # trailing comment
[server]
listen = "0.0.0.0:8080"
idle_timeout_minutes = 1_440
[log]
level = 'debug'
path = 'C:\logs\x'
[metrics]
enabled = false
allow = [ "127.0.0.1",
  "::1", # loopback v6
]
neg = -5
esc = "tab\there \"q\" \u4E2D"
empty = []
)");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& m = *r;
  EXPECT_EQ(std::get<std::string>(m.at("title").value), "ParkHQ");
  EXPECT_EQ(std::get<std::string>(m.at("server.listen").value), "0.0.0.0:8080");
  EXPECT_EQ(m.at("server.listen").line, 4);
  EXPECT_EQ(std::get<int64_t>(m.at("server.idle_timeout_minutes").value), 1440);
  EXPECT_EQ(std::get<std::string>(m.at("log.level").value), "debug");
  EXPECT_EQ(std::get<std::string>(m.at("log.path").value), "C:\\logs\\x");
  EXPECT_FALSE(std::get<bool>(m.at("metrics.enabled").value));
  EXPECT_EQ(std::get<std::vector<std::string>>(m.at("metrics.allow").value),
            (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_EQ(std::get<int64_t>(m.at("metrics.neg").value), -5);
  EXPECT_EQ(std::get<std::string>(m.at("metrics.esc").value), "tab\there \"q\" 中");
  EXPECT_TRUE(std::get<std::vector<std::string>>(m.at("metrics.empty").value).empty());
}

TEST(TomlLiteTest, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"a = 1\nb = \n", "line 2"},
      {"a = \"open\n", "unterminated string"},
      {"[x]\n[x]\n", "defined twice"},
      {"a = 1\na = 2\n", "defined twice"},
      {"a = 1.5\n", "line 1"},
      {"a = 1979-05-27\n", "line 1"},
      {"a = [1, 2]\n", "only arrays of strings"},
      {"a = { b = 1 }\n", "line 1"},
      {"[[t]]\n", "arrays of tables"},
      {"a = 1 b = 2\n", "end of the line"},
      {"a = 99999999999999999999\n", "out of range"},
      {"a = \"\\q\"\n", "unknown escape"},
      {"= 3\n", "expected a key"},
      {"a = 1__0\n", "misplaced _"},
  };
  for (const auto& c : cases) {
    auto r = ParseToml(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos) << c.text << " → " << r.status().message();
  }
}

TEST(TomlLiteTest, WindowsLineEndingsAndNoFinalNewline) {
  auto r = ParseToml("[a]\r\nb = true\r\nc = \"x\"");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(std::get<bool>(r->at("a.b").value));
  EXPECT_EQ(std::get<std::string>(r->at("a.c").value), "x");
}

}  // namespace
}  // namespace parkhq
