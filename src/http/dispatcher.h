// Turns a Request into a Response: route lookup, authentication (session cookie or Bearer token),
// the route's role check, CSRF and read-only checks on writes, the handler, and errors as JSON.
// Everything that is not /api/ goes to the static web app. Every response carries the security
// headers (CSP, X-Frame-Options, nosniff, Referrer-Policy, HSTS over HTTPS).
#pragma once
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/handlers/services.h"
#include "http/router.h"
#include "http/static_files.h"

namespace parkhq::http {

inline constexpr char kSessionCookie[] = "phq_session";
// The Content-Security-Policy of the web app (and every non-API response).
inline constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

class Dispatcher {
 public:
  Dispatcher(Router router, Services services, std::unique_ptr<StaticFiles> web)
      : router_(std::move(router)), services_(std::move(services)), web_(std::move(web)) {}

  // Never throws: an exception becomes a logged 500 with a request id.
  Response Handle(Request& req);
  bool IsUpload(std::string_view method, std::string_view path) const;
  // Requests answered without blocking (ServerHooks::is_inline): GET/HEAD /api/v1/health only.
  static bool IsInline(std::string_view method, std::string_view path) {
    return (method == "GET" || method == "HEAD") && path == "/api/v1/health";
  }
  // Runs the gates (authentication, role, read-only token, CSRF) on a request whose body has not
  // been read yet. Returns the refusal (401/403/404/415 ...) to send instead of reading the body,
  // or nullopt when the request may go on (also for public and unknown routes).
  std::optional<Response> PreAuthorize(Request& headers_only);
  const Router& router() const { return router_; }
  // Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (--trusted-proxy). Call before serving.
  void TrustProxies(std::vector<std::string> proxies) { trusted_proxies_ = std::move(proxies); }

 private:
  // `matched` receives the route (for the metrics) when one matches.
  StatusOr<Response> HandleApi(Request& req, const Route** matched);
  // The gates of a non-public route; fills ctx.scope on success.
  // record_use=false (the look before the body) does not count an API token's request.
  Status Gate(const Route& route, Request& req, RequestContext& ctx, bool record_use = true) const;
  // Logs and records (api_token_uses) a request an API token authenticated, with its answer.
  void LogTokenUse(const Request& req, int status) const;
  // The client IP from a trusted proxy's X-Forwarded-For (ignored from others). Returns whether
  // the request came over HTTPS: --secure-cookies, or X-Forwarded-Proto: https from a trusted proxy.
  bool ApplyProxy(Request& req) const;
  // CSP, X-Frame-Options, nosniff, Referrer-Policy; over HTTPS also HSTS and Secure cookies.
  void AddSecurityHeaders(const Request& req, Response& resp, bool https) const;
  const Router router_;
  const Services services_;
  const std::unique_ptr<StaticFiles> web_;
  std::vector<std::string> trusted_proxies_;
  std::atomic<uint64_t> next_id_{1};
};

// The path as it may be logged: control characters and backslashes escaped (no log forging).
std::string LoggablePath(std::string_view path);

}  // namespace parkhq::http
