#include "domain/account/account_service.h"
#include "http/handlers/core_handlers.h"
#include "http/json/json_util.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "common/time.h"
#include "common/crypto.h"

namespace parkhq::http::handlers {

json::object UserJson(const User& u);  // auth_handlers.cc

namespace {
json::object TokenJson(const ApiToken& t) {
  json::array modules, usage;
  for (const auto& m : t.modules) modules.push_back(json::value(m));
  int64_t today = 0, sum = 0;
  const std::string day = Today().ToString();
  for (const auto& [d, n] : t.usage) {
    usage.push_back(json::object{{"day", d}, {"requests", n}});
    sum += n;
    if (d == day) today = n;
  }
  return {{"id", t.id},
          {"name", t.name},
          {"user_id", t.user_id},
          {"scope_park_id", OptJson(t.park_id)},
          {"read_only", t.read_only},
          {"created_at", t.created_at},
          {"last_used_at", t.last_used_at.empty() ? json::value(nullptr) : json::value(t.last_used_at)},
          {"revoked_at", t.revoked_at.empty() ? json::value(nullptr) : json::value(t.revoked_at)},
          {"expires_at", t.expires_at.empty() ? json::value(nullptr) : json::value(t.expires_at)},
          {"modules", modules},
          {"last_used_ip", t.last_used_ip.empty() ? json::value(nullptr) : json::value(t.last_used_ip)},
          {"requests_today", today},
          {"requests_14d", sum},
          {"usage", usage}};
}
json::value ParsedOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(s, ec);
  return ec ? json::value(s) : v;
}
}  // namespace

StatusOr<Response> ListUsers(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  int64_t total = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto users, s.accounts->ListUsers(ctx.caller(), page.offset(), page.page_size, &total));
  json::array items;
  for (const auto& u : users) items.push_back(UserJson(u));
  return JsonList(std::move(items), total);
}

StatusOr<Response> CreateUser(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  NewUser in;
  in.username = f.String("username", true, 64).value_or("");
  in.display_name = f.String("display_name", false, 100).value_or("");
  in.password = f.String("password", true, 128).value_or("");
  in.role = f.String("role", true, 32).value_or("");
  in.park_id = f.Int("park_id", false);
  in.unit = f.String("unit", false, 100);
  in.enterprise_id = f.Int("enterprise_id", false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("用户信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto u, s.accounts->CreateUser(ctx.caller(), in));
  return Json(UserJson(u), 201);
}

StatusOr<Response> UpdateUser(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("用户不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  UserPatch p;
  p.disabled = f.Bool("disabled", false);
  p.role = f.String("role", false, 32);
  p.display_name = f.String("display_name", false, 100);
  PARKHQ_RETURN_IF_ERROR(f.Finish("用户信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto u, s.accounts->UpdateUser(ctx.caller(), *id, p));
  return Json(UserJson(u));
}

StatusOr<Response> SetPassword(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("用户不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto pw = f.String("password", true, 128);
  auto current = f.String("current_password", false, 128);
  PARKHQ_RETURN_IF_ERROR(f.Finish("密码有误"));
  const std::string keep = ctx.session_token.empty() ? "" : Sha256Hex(ctx.session_token);
  PARKHQ_RETURN_IF_ERROR(s.accounts->SetPassword(ctx.caller(), *id, *pw, current, keep));
  return NoContent();
}

// Each use of one token, newest first (the last 1000; page/page_size like every list).
StatusOr<Response> ListTokenUses(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("令牌不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto uses, s.accounts->ListTokenUses(ctx.caller(), *id, 1000));
  json::array items;
  for (const auto& u : uses)
    items.push_back(json::object{{"at", u.at}, {"method", u.method}, {"path", u.path}, {"status", u.status},
                                 {"ip", u.ip}});
  return JsonList(std::move(items), static_cast<int64_t>(uses.size()));
}

StatusOr<Response> ListTokens(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto tokens, s.accounts->ListTokens(ctx.caller()));
  json::array items;
  for (const auto& t : tokens) items.push_back(TokenJson(t));
  return JsonList(std::move(items), static_cast<int64_t>(tokens.size()));
}

StatusOr<Response> CreateToken(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto name = f.String("name", true, 100);
  auto park = f.Int("scope_park_id", false);
  auto ro = f.Bool("read_only", false);
  auto expires = f.String("expires_at", false, 40);
  std::vector<std::string> modules;
  if (const json::value* m = f.Raw("modules"); m && !m->is_null()) {
    const json::array* arr = m->if_array();
    if (!arr || arr->size() > 20) f.AddError("modules", "应为模块名的数组");
    else
      for (const auto& v : *arr) {
        if (!v.is_string()) {
          f.AddError("modules", "应为模块名的数组");
          break;
        }
        modules.emplace_back(v.get_string());
      }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("令牌信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.accounts->CreateToken(ctx.caller(), *name, park, ro.value_or(true),
                                                          expires.value_or(""), modules));
  json::object o = TokenJson(t.token);
  o["token"] = t.secret;
  return Json(o, 201);
}

StatusOr<Response> RevokeToken(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("令牌不存在");
  PARKHQ_RETURN_IF_ERROR(s.accounts->RevokeToken(ctx.caller(), *id));
  return NoContent();
}

StatusOr<Response> ListAudit(RequestContext& ctx, const Services& s) {
  if (!ctx.caller().IsSysadmin()) return Status::PermissionDenied("只有系统管理员可以查看审计日志");
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  AuditFilter filter;
  auto nonempty = [&](const char* k) -> std::optional<std::string> {
    auto v = ctx.request.Query(k);
    if (!v || v->empty()) return std::nullopt;
    return v;
  };
  filter.username = nonempty("user");
  filter.entity = nonempty("entity");
  filter.entity_id = nonempty("entity_id");
  filter.from_date = nonempty("from");
  filter.to_date = nonempty("to");
  std::vector<FieldError> errs;
  if (filter.from_date && !Date::Parse(*filter.from_date)) errs.push_back({"from", "日期格式应为 YYYY-MM-DD"});
  if (filter.to_date && !Date::Parse(*filter.to_date)) errs.push_back({"to", "日期格式应为 YYYY-MM-DD"});
  if (!errs.empty()) return Status::Validation("查询条件有误", errs);
  filter.offset = page.offset();
  filter.limit = page.page_size;
  PARKHQ_ASSIGN_OR_RETURN(auto conn, s.db->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto result, storage::ListAudit(*conn, filter));
  json::array items;
  for (const auto& e : result.items)
    items.push_back({{"id", e.id}, {"park_id", OptJson(e.park_id)}, {"at", e.at}, {"user_id", OptJson(e.user_id)},
                     {"username", e.username}, {"ip", e.ip}, {"action", e.action}, {"entity", e.entity},
                     {"entity_id", e.entity_id}, {"before", ParsedOrNull(e.before_json)},
                     {"after", ParsedOrNull(e.after_json)}, {"reason", e.reason}});
  return JsonList(std::move(items), result.total);
}

}  // namespace parkhq::http::handlers
