// The Prometheus registry: counters by method/route/status, cumulative histogram buckets, label
// escaping, and ObserveDispatch using route patterns (not raw paths) as labels.
#include "http/metrics.h"

#include <gtest/gtest.h>

#include "http/router.h"

namespace parkhq::http {
namespace {

TEST(MetricsTest, CountersAndCumulativeBuckets) {
  Metrics m;
  m.ObserveRequest("GET", "/api/v1/x", 200, 0.003);
  m.ObserveRequest("GET", "/api/v1/x", 200, 0.2);
  m.ObserveRequest("GET", "/api/v1/x", 500, 20);
  m.CountImport("/api/v1/imp", true);
  m.CountJob("nightly", false, 1.5);
  const std::string t = m.Render(nullptr);
  EXPECT_NE(t.find("# TYPE parkhq_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(t.find(R"(parkhq_http_requests_total{method="GET",route="/api/v1/x",status="200"} 2)"), std::string::npos);
  EXPECT_NE(t.find(R"(parkhq_http_requests_total{method="GET",route="/api/v1/x",status="500"} 1)"), std::string::npos);
  const std::string b = R"(parkhq_http_request_duration_seconds_bucket{method="GET",route="/api/v1/x",le=)";
  EXPECT_NE(t.find(b + R"("0.005"} 1)"), std::string::npos) << t;
  EXPECT_NE(t.find(b + R"("0.25"} 2)"), std::string::npos);
  EXPECT_NE(t.find(b + R"("10"} 2)"), std::string::npos);
  EXPECT_NE(t.find(b + R"("+Inf"} 3)"), std::string::npos);
  EXPECT_NE(t.find(R"(parkhq_http_request_duration_seconds_count{method="GET",route="/api/v1/x"} 3)"), std::string::npos);
  EXPECT_NE(t.find(R"(parkhq_imports_total{route="/api/v1/imp",result="ok"} 1)"), std::string::npos);
  EXPECT_NE(t.find(R"(parkhq_job_runs_total{job="nightly",result="failed"} 1)"), std::string::npos);
  EXPECT_EQ(m.requests_total(), 3u);
  EXPECT_EQ(m.errors_total(), 1u);
  EXPECT_FALSE(m.jobs().at("nightly").last_ok);
}

TEST(MetricsTest, LabelsAreEscaped) {
  EXPECT_EQ(EscapeLabel("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

TEST(MetricsTest, DispatchUsesRoutePatterns) {
  Router router({{"GET", "/api/v1/things/{id}", kAnyRole, nullptr},
                 {"POST", "/api/v1/things/import", kAnyRole, nullptr, true}});
  auto before = Metrics::Global().Render(nullptr);
  Request get;
  get.method = "GET";
  get.path = "/api/v1/things/12345";
  ObserveDispatch(router, get, 200, 0.01);
  Request imp;
  imp.method = "POST";
  imp.path = "/api/v1/things/import";
  ObserveDispatch(router, imp, 422, 0.01);
  Request none;
  none.method = "GET";
  none.path = "/api/v1/nothing";
  ObserveDispatch(router, none, 404, 0.01);
  const std::string t = Metrics::Global().Render(nullptr);
  EXPECT_EQ(t.find("12345"), std::string::npos);
  EXPECT_NE(t.find(R"(route="/api/v1/things/{id}",status="200"})"), std::string::npos);
  EXPECT_NE(t.find(R"(parkhq_imports_total{route="/api/v1/things/import",result="failed"})"), std::string::npos);
  EXPECT_NE(t.find(R"(route="unmatched",status="404"})"), std::string::npos);
}

}  // namespace
}  // namespace parkhq::http
