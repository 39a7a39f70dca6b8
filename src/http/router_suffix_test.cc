// "{id}.docx": a path parameter followed by a fixed suffix (issue 12's downloads).
#include <gtest/gtest.h>

#include "http/router.h"

namespace parkhq::http {
namespace {

StatusOr<Response> Dummy(RequestContext&, const Services&) { return Response{}; }

TEST(RouterSuffix, MatchesAParameterWithASuffixBeforeThePlainParameter) {
  Router r({{"GET", "/api/v1/briefings/{id}.docx", kAnyRole, Dummy},
            {"GET", "/api/v1/briefings/{id}.html", kAnyRole, Dummy},
            {"GET", "/api/v1/briefings/{id}", kAnyRole, Dummy}});
  auto m = r.Find("GET", "/api/v1/briefings/42.docx");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/briefings/{id}.docx");
  EXPECT_EQ(m.params.at("id"), "42");
  m = r.Find("GET", "/api/v1/briefings/42.html");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "42");
  m = r.Find("GET", "/api/v1/briefings/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/briefings/{id}");
  m = r.Find("GET", "/api/v1/briefings/.docx");  // an empty parameter is not the suffix route
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/briefings/{id}");
  m = r.Find("POST", "/api/v1/briefings/42.docx");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.method_mismatch);
}

}  // namespace
}  // namespace parkhq::http
