// The route table and the dispatcher's gates: every non-public route refuses an anonymous caller,
// every status code has an HTTP mapping, sessions time out when idle.
#include "http/dispatcher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <set>

#include "app/app.h"
#include "app/demo_seed.h"
#include "common/time.h"
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

TEST(ErrorMappingTest, ClientTextIsNeverEchoedInFull) {
  const std::string huge(20 << 20, 'h');  // a 20 MiB column header of an import
  Response r = ErrorResponse(Status::Validation("导入未执行", {{"rows[1]." + huge, "第 1 行「" + huge + "」：未知指标"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_LT(r.body.size(), 2000u);
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
    if (!body.empty()) r.headers["content-type"] = "application/json";
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
  // The session is now held in memory too: let the clock run past the idle timeout.
  const int64_t real = NowUnix();
  PinClock(real + 1801);
  Response r = Call("GET", "/api/v1/me", login->session_token);
  PinClock(real);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("超时"), std::string::npos);
}

TEST_F(DispatcherTest, SessionEndsAfterItsAbsoluteLifetimeHoweverActive) {
  auto login = app_->accounts->Login("admin", "Admin@2023demo", "127.0.0.1");
  ASSERT_TRUE(login.ok());
  auto c = app_->db->Acquire();
  // Active a minute ago, but logged in 12 hours and a minute ago.
  ASSERT_TRUE((*c)->Exec("UPDATE sessions SET created_at = created_at - 43260, last_seen = last_seen - 60").ok());
  Response r = Call("GET", "/api/v1/me", login->session_token);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("到期"), std::string::npos) << r.body;
}

TEST_F(DispatcherTest, SecurityHeadersOnEveryResponse) {
  for (const char* path : {"/", "/projects/kanban", "/api/v1/health", "/api/v1/me"}) {
    Response r = Call("GET", path);
    std::map<std::string, std::string> h(r.headers.begin(), r.headers.end());
    EXPECT_EQ(h["X-Content-Type-Options"], "nosniff") << path;
    EXPECT_EQ(h["X-Frame-Options"], "DENY") << path;
    EXPECT_EQ(h["Referrer-Policy"], "no-referrer") << path;
    EXPECT_FALSE(h["Content-Security-Policy"].empty()) << path;
    EXPECT_EQ(h.count("Strict-Transport-Security"), 0u) << path;
  }
  Response spa = Call("GET", "/");
  std::map<std::string, std::string> h(spa.headers.begin(), spa.headers.end());
  EXPECT_EQ(h["Content-Security-Policy"], kContentSecurityPolicy);
}

TEST_F(DispatcherTest, ControlCharactersInPathsAre400) {
  for (std::string path : {std::string("/index.html\0.png", 16), std::string("/api/v1/health\n"),
                           std::string("/api/v1/x\r\nFake: line")}) {
    Response r = Call("GET", path);
    EXPECT_EQ(r.status, 400) << LoggablePath(path);
  }
  EXPECT_EQ(LoggablePath(std::string("/a\nb\0c", 6)), "/a\\x0ab\\x00c");
}

TEST_F(DispatcherTest, LoginNeedsJson) {
  Request r;
  r.method = "POST";
  r.path = "/api/v1/auth/login";
  r.body = R"({"username":"admin","password":"Admin@2023demo"})";
  r.remote_ip = "127.0.0.1";
  r.headers["content-type"] = "text/plain";
  EXPECT_EQ(app_->dispatcher->Handle(r).status, 415);
  r.headers["content-type"] = "application/json; charset=utf-8";
  EXPECT_EQ(app_->dispatcher->Handle(r).status, 200);
}

TEST_F(DispatcherTest, UnknownPathsAndMethods) {
  EXPECT_EQ(Call("GET", "/api/v1/no-such-thing").status, 404);
  EXPECT_EQ(Call("PUT", "/api/v1/health").status, 405);
  Response spa = Call("GET", "/projects/kanban");
  EXPECT_EQ(spa.status, 200);  // the SPA placeholder page when the web app is not built
}

}  // namespace
}  // namespace parkhq::http
