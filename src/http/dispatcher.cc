#include "http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "common/crypto.h"
#include "domain/account/account_service.h"
#include "http/error_response.h"
#include "http/metrics.h"

namespace parkhq::http {

bool Dispatcher::IsUpload(std::string_view method, std::string_view path) const {
  auto m = router_.Find(method, path);
  return m.route && m.route->upload;
}

StatusOr<Response> Dispatcher::HandleApi(Request& req) {
  Match m = router_.Find(req.method, req.path);
  if (!m.route) {
    if (m.method_mismatch) return Status(StatusCode::kMethodNotAllowed, "不支持的请求方法");
    return Status::NotFound("接口不存在：" + req.path);
  }
  const Route& route = *m.route;
  RequestContext ctx{req, std::move(m.params), std::nullopt, "", false};
  if (route.is_public()) {
    ctx.session_token = req.Cookie(kSessionCookie);
    return route.handler(ctx, services_);
  }

  // Authenticate: a Bearer token for other systems, else the session cookie.
  std::string auth = req.Header("authorization");
  StatusOr<Authenticated> who = Status::Unauthenticated("请先登录");
  if (auth.rfind("Bearer ", 0) == 0) {
    who = services_.accounts->AuthenticateToken(auth.substr(7), req.remote_ip);
    ctx.via_api_token = true;
  } else {
    ctx.session_token = req.Cookie(kSessionCookie);
    who = services_.accounts->AuthenticateSession(ctx.session_token, req.remote_ip);
  }
  if (!who.ok()) return who.status();

  const Scope& scope = who->scope;
  if (std::find(route.roles.begin(), route.roles.end(), scope.role) == route.roles.end())
    return Status::PermissionDenied("当前角色（" + std::string(RoleNameZh(scope.role)) + "）无权执行此操作");
  if (route.is_write()) {
    if (!ctx.via_api_token &&
        !ConstantTimeEquals(req.Header("x-csrf-token"), who->csrf_token))
      return Status(StatusCode::kPermissionDenied, "缺少或错误的 CSRF 令牌（X-CSRF-Token），请刷新页面后重试");
    if (scope.read_only && !route.allow_read_only)
      return Status::PermissionDenied("只读账号或只读令牌不能修改数据");
  }
  ctx.scope = scope;
  return route.handler(ctx, services_);
}

Response Dispatcher::Handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  const std::string request_id = std::to_string(next_id_.fetch_add(1));
  Response resp;
  try {
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      StatusOr<Response> r = HandleApi(req);
      if (r.ok()) {
        resp = std::move(r).value();
      } else {
        if (r.status().code() == StatusCode::kInternal)
          spdlog::error("request {} {} {}: {}", request_id, req.method, req.path, r.status().ToString());
        resp = ErrorResponse(r.status(), request_id, NegotiateLanguage(req.Header("accept-language")));
      }
      resp.AddHeader("Cache-Control", "no-store");
    } else if (req.path == "/metrics") {
      resp = MetricsEndpoint(req, services_);  // ops: Prometheus text, loopback by default
    } else if (web_) {
      resp = web_->Serve(req);
    } else {
      resp = ErrorResponse(Status::NotFound("not found"));
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} threw: {}", request_id, req.method, req.path, e.what());
    resp = ErrorResponse(Status::Internal(e.what()), request_id, NegotiateLanguage(req.Header("accept-language")));
  }
  resp.AddHeader("X-Request-Id", request_id);
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - start).count();
  ObserveDispatch(router_, req, resp.status, static_cast<double>(us) / 1e6);  // ops: metrics hook
  if (resp.status >= 400) spdlog::info("{} {} {} {}us", req.method, req.path, resp.status, us);
  else spdlog::debug("{} {} {} {}us", req.method, req.path, resp.status, us);
  return resp;
}

}  // namespace parkhq::http
