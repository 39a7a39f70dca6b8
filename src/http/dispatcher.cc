#include "http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>

#include "common/crypto.h"
#include "domain/account/account_service.h"
#include "http/error_response.h"
#include "http/list_query.h"
#include "http/token_modules.h"
#include "http/metrics.h"
#include "storage/database.h"
#include "storage/replica_set.h"

namespace parkhq::http {

namespace {

bool IsApi(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

bool HasControlChars(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

// A write that carries a body: its body must be JSON (no text/plain "simple" requests, so no
// cross-site form posts and no login CSRF). Upload routes take files and are exempt.
bool DeclaresBody(const Request& req) {
  if (!req.body.empty() || !req.Header("transfer-encoding").empty()) return true;
  std::string n = req.Header("content-length");
  return !n.empty() && n != "0";
}
bool IsJson(const Request& req) {
  std::string t = req.Header("content-type");
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t.rfind("application/json", 0) == 0;
}
bool NeedsJsonButIsNot(const Route& route, const Request& req) {
  return route.is_write() && !route.upload && DeclaresBody(req) && !IsJson(req);
}

Response ErrorWithStatus(int http_status, const char* code, const std::string& message, const Request& req) {
  Response r = ErrorResponse(Status::InvalidArgument(message), "", NegotiateLanguage(req.Header("accept-language")));
  r.status = http_status;
  const std::string from = std::string("\"code\":\"") + StatusCodeName(StatusCode::kInvalidArgument) + "\"";
  if (auto at = r.body.find(from); at != std::string::npos)
    r.body.replace(at, from.size(), std::string("\"code\":\"") + code + "\"");
  return r;
}

Response UnsupportedMediaType(const Request& req) {
  return ErrorWithStatus(415, "unsupported_media_type", "请求体须为 JSON（Content-Type: application/json）", req);
}

bool HasHeader(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < k.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(k[i])) == std::tolower(static_cast<unsigned char>(name[i]));
    if (same) return true;
  }
  return false;
}

// The objects a path can name by id, and how to find their park. The gate answers 404 for an
// object of a park the caller cannot read (and, for enterprise users, for any enterprise but their
// own) before any module code runs, so a refusal never depends on the body being valid first.
struct ObjectPark {
  const char* prefix;  // "/<segment>/{<param>}" as it appears in route patterns
  const char* param;
  const char* sql;     // park_id, sub_park_id (or park_id twice) of the object
};
constexpr ObjectPark kObjectParks[] = {
    {"/projects/{id}", "id", "SELECT park_id, COALESCE(sub_park_id, park_id) FROM projects WHERE id = ?"},
    {"/enterprises/{id}", "id", "SELECT park_id, COALESCE(sub_park_id, park_id) FROM enterprises WHERE id = ?"},
    {"/investors/{id}", "id", "SELECT park_id, park_id FROM investors WHERE id = ?"},
    {"/leads/{id}", "id", "SELECT park_id, park_id FROM leads WHERE id = ?"},
    {"/chains/{id}", "id", "SELECT park_id, park_id FROM industry_chains WHERE id = ?"},
    {"/chain-links/{link_id}", "link_id", "SELECT park_id, park_id FROM chain_links WHERE id = ?"},
    {"/disposals/{id}", "id", "SELECT park_id, park_id FROM zombie_disposals WHERE id = ?"},
    {"/parcels/{id}", "id", "SELECT park_id, park_id FROM land_parcels WHERE id = ?"},
    {"/land-disposals/{id}", "id", "SELECT park_id, park_id FROM land_disposals WHERE id = ?"},
    {"/evaluation-appeals/{id}", "id", "SELECT park_id, park_id FROM eval_appeals WHERE id = ?"},
    // management loop (issue 19), briefings (issue 12)
    {"/tasks/{task_id}", "task_id", "SELECT park_id, park_id FROM tasks WHERE id = ?"},
    {"/task-items/{id}", "id", "SELECT park_id, park_id FROM task_items WHERE id = ?"},
    {"/task-reports/{id}", "id", "SELECT park_id, park_id FROM task_reports WHERE id = ?"},
    {"/supervision/{id}", "id", "SELECT park_id, park_id FROM supervisions WHERE id = ?"},
    {"/meetings/{id}", "id", "SELECT park_id, park_id FROM meetings WHERE id = ?"},
    {"/briefings/{id}", "id", "SELECT park_id, park_id FROM briefings WHERE id = ?"},
    {"/task-plans/{id}", "id", "SELECT park_id, park_id FROM task_plans WHERE id = ?"},
    {"/task-attachments/{id}", "id", "SELECT park_id, park_id FROM task_report_files WHERE id = ?"},
    // -- parks: parks compared: region evaluation, chemical-park ledger (issue 13) --
    {"/chemical-park-items/{id}", "id", "SELECT park_id, park_id FROM chem_items WHERE id = ?"},
    // (end parks)

    // -- talent: talent demand and rewards (issue 13) --
    {"/talent-posts/{id}", "id", "SELECT park_id, park_id FROM talent_posts WHERE id = ?"},
    {"/talent-candidates/{id}", "id", "SELECT park_id, park_id FROM talent_candidates WHERE id = ?"},
    {"/reward-types/{id}", "id", "SELECT park_id, park_id FROM reward_types WHERE id = ?"},
    {"/reward-applications/{id}", "id", "SELECT park_id, park_id FROM reward_applications WHERE id = ?"},
    {"/reward-files/{id}", "id", "SELECT park_id, park_id FROM reward_files WHERE id = ?"},
    // (end talent)

    // -- safety: safety: facilities, inspections, hazards (issue 14) --
    {"/hazards/{id}", "id", "SELECT park_id, park_id FROM safety_hazards WHERE id = ?"},
    {"/hazard-photos/{id}", "id", "SELECT park_id, park_id FROM safety_hazard_files WHERE id = ?"},
    {"/facilities/{id}", "id", "SELECT park_id, park_id FROM safety_facilities WHERE id = ?"},
    {"/inspections/{id}", "id", "SELECT park_id, park_id FROM safety_inspections WHERE id = ?"},
    // (end safety)

    // -- risk: risk profiles, emergency resources, energy (issue 14) --
    {"/risk-items/{id}", "id", "SELECT park_id, park_id FROM risk_items WHERE id = ?"},
    {"/retrofits/{id}", "id", "SELECT park_id, park_id FROM retrofits WHERE id = ?"},
    // (end risk)

    // -- gates: gates and money: admission, funding, land quota, powers, policies (issue 15) --
    {"/policies/{id}", "id", "SELECT park_id, park_id FROM policies WHERE id = ?"},
    {"/policy-applications/{id}", "id", "SELECT park_id, park_id FROM policy_applications WHERE id = ?"},
    {"/delegated-powers/{id}", "id", "SELECT park_id, park_id FROM delegated_powers WHERE id = ?"},
    // (end gates)

    // -- sme: SME park: space, leases, bills, repairs, financing (issue 16) --
    {"/sme-buildings/{id}", "id", "SELECT park_id, park_id FROM sme_buildings WHERE id = ?"},
    {"/sme-units/{id}", "id", "SELECT park_id, park_id FROM sme_units WHERE id = ?"},
    {"/leases/{id}", "id", "SELECT park_id, park_id FROM sme_leases WHERE id = ?"},
    {"/sme-bills/{id}", "id", "SELECT park_id, park_id FROM sme_bills WHERE id = ?"},
    {"/sme-repairs/{id}", "id", "SELECT park_id, park_id FROM sme_repairs WHERE id = ?"},
    {"/sme-repair-photos/{id}", "id", "SELECT park_id, park_id FROM sme_repair_photos WHERE id = ?"},
    {"/sme-refurbishments/{id}", "id", "SELECT park_id, park_id FROM sme_refurbishments WHERE id = ?"},
    {"/financing-needs/{id}", "id", "SELECT park_id, park_id FROM sme_financing_needs WHERE id = ?"},
    // (end sme)

    // -- scale: scale (issue 18) --
    // (end scale)

};

std::optional<int64_t> PositiveId(const std::string& s) {
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

std::string LoggablePath(std::string_view path) {
  std::string out;
  out.reserve(std::min<size_t>(path.size(), 512));
  for (unsigned char c : path.substr(0, 512)) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (path.size() > 512) out += "...";
  return out;
}

bool Dispatcher::IsUpload(std::string_view method, std::string_view path) const {
  auto m = router_.Find(method, path);
  return m.route && m.route->upload;
}

bool Dispatcher::ApplyProxy(Request& req) const {
  const auto& trusted = trusted_proxies_;
  const bool from_proxy = std::find(trusted.begin(), trusted.end(), req.remote_ip) != trusted.end();
  bool https = services_.secure_cookies;
  if (!from_proxy) return https;
  std::string proto = req.Header("x-forwarded-proto");
  for (auto& c : proto) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (proto == "https") https = true;
  // The proxy appends the address it saw last: that entry is the one to believe.
  std::string xff = req.Header("x-forwarded-for");
  if (!xff.empty()) {
    size_t comma = xff.rfind(',');
    std::string last = xff.substr(comma == std::string::npos ? 0 : comma + 1);
    while (!last.empty() && last.front() == ' ') last.erase(0, 1);
    while (!last.empty() && last.back() == ' ') last.pop_back();
    if (!last.empty() && last.size() <= 64 && !HasControlChars(last)) req.remote_ip = last;
  }
  return https;
}

void Dispatcher::AddSecurityHeaders(const Request& req, Response& resp, bool https) const {
  if (!HasHeader(resp, "X-Content-Type-Options")) resp.AddHeader("X-Content-Type-Options", "nosniff");
  resp.AddHeader("X-Frame-Options", "DENY");
  resp.AddHeader("Referrer-Policy", "no-referrer");
  resp.AddHeader("Content-Security-Policy",
                 IsApi(req.path) ? "default-src 'none'; frame-ancestors 'none'" : kContentSecurityPolicy);
  if (!https) return;
  resp.AddHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  for (auto& [k, v] : resp.headers) {
    if ((k == "Set-Cookie" || k == "set-cookie") && v.find("; Secure") == std::string::npos) v += "; Secure";
  }
}

Status Dispatcher::Gate(const Route& route, Request& req, RequestContext& ctx, bool record_use) const {
  // Authenticate: a Bearer token for other systems, else the session cookie.
  std::string auth = req.Header("authorization");
  StatusOr<Authenticated> who = Status::Unauthenticated("请先登录");
  if (auth.rfind("Bearer ", 0) == 0) {
    who = services_.accounts->AuthenticateToken(auth.substr(7), req.remote_ip, record_use);
    ctx.via_api_token = true;
  } else {
    ctx.session_token = req.Cookie(kSessionCookie);
    who = services_.accounts->AuthenticateSession(ctx.session_token, req.remote_ip);
  }
  if (!who.ok()) return who.status();
  if (who->token) req.api_token_id = who->token->id;  // each use is logged (LogTokenUse)

  const Scope& scope = who->scope;
  // A read-only token writes nothing at all: no password, no logout, no exception.
  if (route.is_write() && who->token && who->token->read_only)
    return Status::PermissionDenied("只读令牌不能修改数据");
  if (who->token && !who->token->modules.empty()) {
    const std::string_view module = ModuleOfRoute(route.pattern);
    const auto& mods = who->token->modules;
    if (module != "common" && std::find(mods.begin(), mods.end(), module) == mods.end())
      return Status::PermissionDenied("此 API 令牌仅限所选模块使用");
  }
  if (std::find(route.roles.begin(), route.roles.end(), scope.role) == route.roles.end())
    return Status::PermissionDenied("当前角色（" + std::string(RoleNameZh(scope.role)) + "）无权执行此操作");
  if (route.is_write() && scope.read_only && !route.allow_read_only)
    return Status::PermissionDenied("只读账号或只读令牌不能修改数据");
  // A park in the path the caller cannot read does not exist for it (park-scoped tokens stay in
  // their park; every module's service checks again).
  if (auto it = ctx.params.find("park_id"); it != ctx.params.end()) {
    int64_t id = 0;
    auto r = std::from_chars(it->second.data(), it->second.data() + it->second.size(), id);
    if (r.ec != std::errc() || r.ptr != it->second.data() + it->second.size() || !scope.CanReadPark(id))
      return Status::NotFound("园区不存在或无权访问");
  }
  if (!scope.all_parks || scope.role == Role::kEnterprise) {
    for (const auto& o : kObjectParks) {
      if (route.pattern.find(o.prefix) == std::string::npos) continue;
      auto it = ctx.params.find(o.param);
      std::optional<int64_t> id = it == ctx.params.end() ? std::nullopt : PositiveId(it->second);
      if (!id) continue;  // the module answers malformed ids
      if (scope.role == Role::kEnterprise && std::string_view(o.prefix) == "/enterprises/{id}" &&
          (!scope.enterprise_id || *scope.enterprise_id != *id))
        return Status::NotFound("企业不存在或无权访问");
      PARKHQ_ASSIGN_OR_RETURN(auto conn, services_.db->Acquire());
      PARKHQ_ASSIGN_OR_RETURN(auto row, conn->QueryOne(o.sql, {*id}));
      // A missing object is 404 before its body is checked, as is one of a park the caller cannot read.
      if (!row || (!scope.CanReadPark(row->Int(0)) && !scope.CanReadPark(row->Int(1))))
        return Status::NotFound("数据不存在或无权访问");
    }
  }
  if (route.is_write()) {
    if (!ctx.via_api_token && !ConstantTimeEquals(req.Header("x-csrf-token"), who->csrf_token))
      return Status(StatusCode::kPermissionDenied, "缺少或错误的 CSRF 令牌（X-CSRF-Token），请刷新页面后重试");
  }
  ctx.scope = scope;
  return Status::Ok();
}

StatusOr<Response> Dispatcher::HandleApi(Request& req, const Route** matched) {
  Match m = router_.Find(req.method, req.path);
  if (!m.route) {
    if (m.method_mismatch) return Status(StatusCode::kMethodNotAllowed, "不支持的请求方法");
    return Status::NotFound("接口不存在：" + req.path.substr(0, 200));
  }
  *matched = m.route;
  const Route& route = *m.route;
  RequestContext ctx{req, std::move(m.params), std::nullopt, "", false};
  if (route.is_public()) {
    if (NeedsJsonButIsNot(route, req)) return UnsupportedMediaType(req);
    ctx.session_token = req.Cookie(kSessionCookie);
    return route.handler(ctx, services_);
  }
  PARKHQ_RETURN_IF_ERROR(Gate(route, req, ctx));
  if (NeedsJsonButIsNot(route, req)) return UnsupportedMediaType(req);
  storage::ReplicaSet* replicas = services_.db ? services_.db->replicas() : nullptr;
  if (!replicas) return RunListRoute(route, ctx, services_);  // page, page_size, sort on every list
  // Read replicas (docs/scaling.md): a read runs on a replica that has replayed this session's
  // last write; a write notes the primary's WAL position for the session afterwards.
  const std::string session = ctx.via_api_token ? req.Header("authorization") : ctx.session_token;
  if (!route.is_write()) {
    storage::ReadScope scope(*services_.db, session);
    return RunListRoute(route, ctx, services_);
  }
  auto out = RunListRoute(route, ctx, services_);
  replicas->NoteWrite(*services_.db, session);
  return out;
}

std::optional<Response> Dispatcher::PreAuthorize(Request& req) {
  try {
    const bool https = ApplyProxy(req);
    if (!IsApi(req.path) || HasControlChars(req.path)) return std::nullopt;
    Match m = router_.Find(req.method, req.path);
    if (!m.route) return std::nullopt;
    const Route& route = *m.route;
    std::optional<Response> refusal;
    if (route.is_public()) {
      if (NeedsJsonButIsNot(route, req)) refusal = UnsupportedMediaType(req);
    } else {
      RequestContext ctx{req, std::move(m.params), std::nullopt, "", false};
      Status st = Gate(route, req, ctx, /*record_use=*/false);
      if (!st.ok()) refusal = ErrorResponse(st, "", NegotiateLanguage(req.Header("accept-language")));
      else if (NeedsJsonButIsNot(route, req)) refusal = UnsupportedMediaType(req);
    }
    if (!refusal) return std::nullopt;
    refusal->AddHeader("Cache-Control", "no-store");
    if (refusal->status == 429) refusal->AddHeader("Retry-After", "1");
    AddSecurityHeaders(req, *refusal, https);
    spdlog::info("{} {} {} (before the body)", req.method, LoggablePath(req.path), refusal->status);
    LogTokenUse(req, refusal->status);
    return refusal;
  } catch (const std::exception& e) {
    spdlog::error("pre-authorize {} {} threw: {}", req.method, LoggablePath(req.path), e.what());
    return std::nullopt;  // the full request path reports it
  }
}

Response Dispatcher::Handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  const std::string request_id = std::to_string(next_id_.fetch_add(1));
  Response resp;
  const Route* matched = nullptr;
  bool https = services_.secure_cookies;
  try {
    https = ApplyProxy(req);
    if (HasControlChars(req.path)) {
      // "/index.html%00.png" and friends: never served, whatever the suffix says.
      resp = ErrorWithStatus(400, "bad_request", "请求路径含有非法字符", req);
    } else if (IsApi(req.path)) {
      StatusOr<Response> r = HandleApi(req, &matched);
      if (r.ok()) {
        resp = std::move(r).value();
      } else {
        if (r.status().code() == StatusCode::kInternal)
          spdlog::error("request {} {} {}: {}", request_id, req.method, LoggablePath(req.path), r.status().ToString());
        resp = ErrorResponse(r.status(), request_id, NegotiateLanguage(req.Header("accept-language")));
      }
      resp.AddHeader("Cache-Control", "no-store");
      if (resp.status == 429 && !HasHeader(resp, "Retry-After")) resp.AddHeader("Retry-After", "1");
    } else if (req.path == "/metrics") {
      resp = MetricsEndpoint(req, services_);  // ops: Prometheus text, loopback by default
    } else if (web_) {
      resp = web_->Serve(req);
    } else {
      resp = ErrorResponse(Status::NotFound("not found"));
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} threw: {}", request_id, req.method, LoggablePath(req.path), e.what());
    resp = ErrorResponse(Status::Internal(e.what()), request_id, NegotiateLanguage(req.Header("accept-language")));
  }
  resp.AddHeader("X-Request-Id", request_id);
  AddSecurityHeaders(req, resp, https);
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - start).count();
  ObserveMatched(req, matched, resp.status, static_cast<double>(us) / 1e6);  // ops: metrics hook
  // The path is escaped only when the line is written (most successful requests log nothing).
  const auto level = resp.status >= 400 ? spdlog::level::info : spdlog::level::debug;
  if (spdlog::should_log(level)) spdlog::log(level, "{} {} {} {}us", req.method, LoggablePath(req.path), resp.status, us);
  LogTokenUse(req, resp.status);
  return resp;
}

void Dispatcher::LogTokenUse(const Request& req, int status) const {
  if (req.api_token_id == 0) return;
  spdlog::info("token {} {} {} {} from {}", req.api_token_id, req.method, LoggablePath(req.path), status,
               req.remote_ip);
  Status st = services_.accounts->RecordTokenUse(
      TokenUse{req.api_token_id, "", req.method, LoggablePath(req.path), status, req.remote_ip});
  if (!st.ok()) spdlog::warn("token {}: use not recorded: {}", req.api_token_id, st.ToString());
}

}  // namespace parkhq::http
