// Accept-Language values with several parameters per range used to loop for ever (a worker or I/O
// thread hung by one header); found by the http_request fuzz target.
#include <gtest/gtest.h>

#include "http/messages_en.h"

namespace parkhq::http {
namespace {

TEST(AcceptLanguageInputTest, SeveralParametersEndAndAreRead) {
  EXPECT_EQ(NegotiateLanguage("en-US,en;q=0.9\x0czh-CN;q=0.8"), Language::kEnglish);
  EXPECT_EQ(NegotiateLanguage("en;q=0.2;x=1,zh;q=0.9;y;z"), Language::kChinese);
  EXPECT_EQ(NegotiateLanguage("en;a;b;c;q=0.5"), Language::kEnglish);
  EXPECT_EQ(NegotiateLanguage(";;;;"), Language::kChinese);
  EXPECT_EQ(NegotiateLanguage("en;q=0.4,zh;q=0.3"), Language::kEnglish);
  EXPECT_EQ(NegotiateLanguage("en;"), Language::kEnglish);
}

}  // namespace
}  // namespace parkhq::http
