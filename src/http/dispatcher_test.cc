// The route table and the dispatcher's gates: every non-public route refuses an anonymous caller,
// every status code has an HTTP mapping, sessions time out when idle.
#include "http/dispatcher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <set>

#include "app/app.h"
#include "app/demo_seed.h"
#include "http/error_response.h"
#include "storage/database.h"
#include "testutil/test_db.h"

namespace parkhq::http {
namespace {

TEST(ErrorMappingTest, EveryStatusCodeHasAnHttpStatusAndAName) {
  for (StatusCode c : kAllStatusCodes) {
    int h = HttpStatusFor(c);
    EXPECT_GE(h, 200) << StatusCodeName(c);
    EXPECT_LT(h, 600);
    EXPECT_STRNE(StatusCodeName(c), "unknown");
  }
  EXPECT_EQ(HttpStatusFor(StatusCode::kValidation), 422);
  EXPECT_EQ(HttpStatusFor(StatusCode::kConflict), 409);
}

TEST(ErrorMappingTest, InternalErrorsDoNotLeakTheirMessage) {
  Response r = ErrorResponse(Status::Internal("sqlite: no such table secret_stuff"), "42");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret_stuff"), std::string::npos);
  EXPECT_NE(r.body.find("\"request_id\":\"42\""), std::string::npos);
}

TEST(RouteTableTest, PatternsAreUniqueAndWellFormed) {
  auto routes = AllRoutes();
  std::set<std::string> seen;
  for (const auto& r : routes) {
    EXPECT_TRUE(seen.insert(r.method + " " + r.pattern).second) << "duplicate " << r.pattern;
    EXPECT_EQ(r.pattern.rfind("/api/v1/", 0), 0u) << r.pattern;
    EXPECT_NE(r.handler, nullptr) << r.pattern;
  }
}

class DispatcherTest : public testing::Test {
 protected:
  void SetUp() override {
    auto dir = testing::TempDir() + "/dispatcher-" + std::to_string(getpid()) + ".db";
    std::remove(dir.c_str());
    app::Config c;
    c.db = dir;
    c.fast_hash = true;
    c.web_root = "/nonexistent";
    auto a = app::BuildApp(c);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    app_ = std::move(a).value();
    ASSERT_TRUE(app::SeedDemo(*app_->db, true).ok());
  }
  Response Call(const std::string& method, const std::string& path, const std::string& cookie = "",
                const std::string& body = "", const std::string& csrf = "") {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remote_ip = "127.0.0.1";
    if (!cookie.empty()) r.headers["cookie"] = std::string(kSessionCookie) + "=" + cookie;
    if (!csrf.empty()) r.headers["x-csrf-token"] = csrf;
    return app_->dispatcher->Handle(r);
  }
  std::unique_ptr<app::App> app_;
};

std::string Concrete(const std::string& pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      out += "1";
      i = pattern.find('}', i) + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

TEST_F(DispatcherTest, EveryNonPublicRouteRefusesAnAnonymousCaller) {
  int checked = 0;
  for (const auto& r : app_->dispatcher->router().routes()) {
    if (r.is_public()) continue;
    Response resp = Call(r.method, Concrete(r.pattern), "", "{}");
    EXPECT_EQ(resp.status, 401) << r.method << " " << r.pattern;
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

TEST_F(DispatcherTest, EveryWriteRouteRefusesASessionWithoutCsrf) {
  auto login = app_->accounts->Login("admin", "Admin@2023demo", "127.0.0.1");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  for (const auto& r : app_->dispatcher->router().routes()) {
    if (r.is_public() || !r.is_write()) continue;
    Response resp = Call(r.method, Concrete(r.pattern), login->session_token, "{}");
    EXPECT_EQ(resp.status, 403) << r.method << " " << r.pattern;
    EXPECT_NE(resp.body.find("CSRF"), std::string::npos) << r.pattern;
  }
}

TEST_F(DispatcherTest, LeaderIsReadOnlyEverywhere) {
  auto login = app_->accounts->Login("leader", "Leader@2023demo", "127.0.0.1");
  ASSERT_TRUE(login.ok());
  for (const auto& r : app_->dispatcher->router().routes()) {
    if (r.is_public() || !r.is_write() || r.allow_read_only) continue;
    Response resp = Call(r.method, Concrete(r.pattern), login->session_token, "{}", login->csrf_token);
    EXPECT_EQ(resp.status, 403) << r.method << " " << r.pattern;
  }
}

TEST_F(DispatcherTest, IdleSessionExpires) {
  auto login = app_->accounts->Login("admin", "Admin@2023demo", "127.0.0.1");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(Call("GET", "/api/v1/me", login->session_token).status, 200);
  auto c = app_->db->Acquire();
  ASSERT_TRUE((*c)->Exec("UPDATE sessions SET last_seen = last_seen - 1801").ok());
  Response r = Call("GET", "/api/v1/me", login->session_token);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("超时"), std::string::npos);
}

TEST_F(DispatcherTest, UnknownPathsAndMethods) {
  EXPECT_EQ(Call("GET", "/api/v1/no-such-thing").status, 404);
  EXPECT_EQ(Call("PUT", "/api/v1/health").status, 405);
  Response spa = Call("GET", "/projects/kanban");
  EXPECT_EQ(spa.status, 200);  // the SPA placeholder page when the web app is not built
}

}  // namespace
}  // namespace parkhq::http
