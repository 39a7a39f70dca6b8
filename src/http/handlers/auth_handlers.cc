#include "domain/account/account_service.h"
#include "http/dispatcher.h"
#include "http/handlers/core_handlers.h"
#include "http/json/json_util.h"
#include "storage/database.h"

namespace parkhq::http::handlers {

json::object UserJson(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", RoleName(u.role)},
          {"role_name", RoleNameZh(u.role)},
          {"park_id", OptJson(u.park_id)},
          {"unit_id", OptJson(u.unit_id)},
          {"unit", u.unit_name.empty() ? json::value(nullptr) : json::value(u.unit_name)},
          {"enterprise_id", OptJson(u.enterprise_id)},
          {"disabled", u.disabled},
          {"created_at", u.created_at},
          {"last_login_at", u.last_login_at.empty() ? json::value(nullptr) : json::value(u.last_login_at)}};
}

namespace {
std::string SessionCookie(const std::string& value, int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

json::object ScopeJson(const Scope& sc) {
  json::array parks;
  for (int64_t id : sc.park_ids) parks.push_back(id);
  json::array keeps;  // registers a department keeps (issue 11 item 7)
  for (const auto& [code, park] : sc.keeps) keeps.push_back({{"register", code}, {"park_id", park}});
  return {{"kind", sc.ScopeKind()}, {"park_ids", std::move(parks)}, {"read_only", sc.read_only},
          {"unit_id", OptJson(sc.unit_id)}, {"enterprise_id", OptJson(sc.enterprise_id)},
          {"keeps", std::move(keeps)}};
}
}  // namespace

StatusOr<Response> Health(RequestContext& ctx, const Services& s) {
  return Json({{"status", "ok"}, {"db", storage::EngineName(s.db->engine())}, {"version", s.version}});
}

StatusOr<Response> Login(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto username = f.String("username", true, 64);
  auto password = f.String("password", true, 128);
  PARKHQ_RETURN_IF_ERROR(f.Finish("请输入用户名和密码"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.accounts->Login(*username, *password, ctx.request.remote_ip));
  Response resp = Json({{"user", UserJson(r.user)}, {"csrf_token", r.csrf_token}});
  resp.AddHeader("Set-Cookie", SessionCookie(r.session_token, s.accounts->policy().idle_timeout_seconds * 16,
                                             s.secure_cookies));
  return resp;
}

StatusOr<Response> Logout(RequestContext& ctx, const Services& s) {
  PARKHQ_RETURN_IF_ERROR(s.accounts->Logout(ctx.session_token));
  Response r = NoContent();
  r.AddHeader("Set-Cookie", SessionCookie("", 0, s.secure_cookies));
  return r;
}

StatusOr<Response> Me(RequestContext& ctx, const Services& s) {
  // Authenticated by the dispatcher; read the user once more for the session's csrf token.
  PARKHQ_ASSIGN_OR_RETURN(auto who, ctx.via_api_token
                                        ? s.accounts->AuthenticateToken(
                                              ctx.request.Header("authorization").substr(7), ctx.request.remote_ip)
                                        : s.accounts->AuthenticateSession(ctx.session_token, ctx.request.remote_ip));
  return Json({{"user", UserJson(who.user)},
               {"csrf_token", who.csrf_token},
               {"scope", ScopeJson(who.scope)}});
}

}  // namespace parkhq::http::handlers
