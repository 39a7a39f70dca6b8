#include "common/crypto.h"
#include "common/time.h"
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
std::string IsoFromUnix(int64_t t) {
  Date d = Date::FromDaysSinceEpoch(t / 86400);
  int64_t sec = t % 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.ToString().c_str(), static_cast<int>(sec / 3600),
                static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
  return buf;
}

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
  return Json({{"status", "ok"}, {"db", storage::EngineName(s.db->engine())}, {"version", s.version},
               {"today", Today().ToString()}, {"time_zone", TimeZoneName()}, {"now", NowIso()}});
}

StatusOr<Response> Login(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto username = f.String("username", true, 64);
  auto password = f.String("password", true, 128);
  PARKHQ_RETURN_IF_ERROR(f.Finish("请输入用户名和密码"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.accounts->Login(*username, *password, ctx.request.remote_ip));
  Response resp = Json({{"user", UserJson(r.user)}, {"csrf_token", r.csrf_token}});
  resp.AddHeader("Set-Cookie", SessionCookie(r.session_token, s.accounts->policy().absolute_lifetime_seconds,
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
                                              ctx.request.Header("authorization").substr(7), ctx.request.remote_ip, false)
                                        : s.accounts->AuthenticateSession(ctx.session_token, ctx.request.remote_ip));
  return Json({{"user", UserJson(who.user)},
               {"csrf_token", who.csrf_token},
               {"scope", ScopeJson(who.scope)}});
}

StatusOr<Response> ListMySessions(RequestContext& ctx, const Services& s) {
  const std::string current = ctx.session_token.empty() ? "" : Sha256Hex(ctx.session_token);
  PARKHQ_ASSIGN_OR_RETURN(auto sessions, s.accounts->ListOwnSessions(ctx.caller(), current));
  json::array items;
  for (const auto& x : sessions)
    items.push_back({{"id", x.id}, {"created_at", IsoFromUnix(x.created_at)}, {"last_seen", IsoFromUnix(x.last_seen)},
                     {"ip", x.ip}, {"current", x.current}});
  return JsonList(std::move(items), static_cast<int64_t>(sessions.size()));
}

StatusOr<Response> RevokeMySession(RequestContext& ctx, const Services& s) {
  auto it = ctx.params.find("id");
  if (it == ctx.params.end() || it->second.empty() || it->second.size() > 64) return Status::NotFound("会话不存在");
  PARKHQ_RETURN_IF_ERROR(s.accounts->RevokeOwnSession(ctx.caller(), it->second));
  Response r = NoContent();
  // Revoking the session in use is a logout: clear its cookie too.
  if (!ctx.session_token.empty() && SessionPublicId(Sha256Hex(ctx.session_token)) == it->second)
    r.AddHeader("Set-Cookie", SessionCookie("", 0, s.secure_cookies));
  return r;
}

}  // namespace parkhq::http::handlers
