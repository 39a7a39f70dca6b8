#include "domain/account/account_service.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "domain/access/registers.h"

#include "common/crypto.h"
#include "common/time.h"

namespace parkhq {

namespace {
const char kBadLogin[] = "用户名或密码错误";

Status TooManyAttempts(int64_t seconds_left) {
  const int64_t minutes = (seconds_left + 59) / 60;
  return Status(StatusCode::kTooManyRequests, "登录失败次数过多，请 " + std::to_string(minutes) + " 分钟后再试");
}
}  // namespace

StatusOr<LoginResult> AccountService::Login(const std::string& username, const std::string& password,
                                            const std::string& ip) const {
  const int64_t now = NowUnix();
  // The throttle is per (username, IP) and kept for unknown usernames too: the answers for a
  // known and an unknown username are the same, and a lock never reaches other addresses.
  PARKHQ_ASSIGN_OR_RETURN(LoginThrottle throttle, accounts_.FindLoginThrottle(username, ip));
  if (IsLocked(throttle, now)) return TooManyAttempts(throttle.locked_until - now);
  PARKHQ_ASSIGN_OR_RETURN(auto found, accounts_.FindUserByName(username));
  bool ok = false;
  if (!found) {
    // Spend the same time as a real check so timing does not reveal unknown users.
    static const std::string kDummy = HashPassword("not-a-real-password-1A!", policy_.fast_hash);
    (void)VerifyPassword(password, kDummy);
  } else {
    ok = VerifyPassword(password, found->password_hash) && !found->disabled;
  }
  if (!ok) {
    LoginThrottle next = NextLoginFailure(throttle, now, policy_);
    PARKHQ_RETURN_IF_ERROR(accounts_.SaveLoginThrottle(username, ip, next));
    if (found && !found->disabled) PARKHQ_RETURN_IF_ERROR(accounts_.RecordLoginFailure(*found, next, ip));
    if (IsLocked(next, now)) return TooManyAttempts(next.locked_until - now);
    return Status::Unauthenticated(kBadLogin);
  }
  const User& u = *found;
  if (throttle.failures > 0) PARKHQ_RETURN_IF_ERROR(accounts_.ClearLoginThrottle(username, ip));
  PARKHQ_RETURN_IF_ERROR(accounts_.RecordLoginSuccess(u, ip));
  LoginResult r;
  r.user = u;
  r.session_token = RandomToken(32);
  r.csrf_token = RandomToken(24);
  Session s{Sha256Hex(r.session_token), u.id, r.csrf_token, now, now, ip};
  PARKHQ_RETURN_IF_ERROR(accounts_.CreateSession(s, ip));
  return r;
}

Status AccountService::Logout(const std::string& session_token) const {
  if (session_token.empty()) return Status::Ok();
  const std::string hash = Sha256Hex(session_token);
  Status st = accounts_.DeleteSession(hash);
  sessions_.Erase(hash);
  return st;
}

StatusOr<Authenticated> AccountService::AuthenticateSession(const std::string& token,
                                                            const std::string& ip) const {
  if (token.empty()) return Status::Unauthenticated("请先登录");
  const std::string hash = Sha256Hex(token);
  const int64_t now = NowUnix();
  std::optional<SessionCache::Entry> entry = sessions_.Find(hash, now);
  if (!entry) {
    // Read the generation first: an Erase during the reads below makes the Put a no-op.
    const uint64_t generation = sessions_.generation();
    PARKHQ_ASSIGN_OR_RETURN(auto session, accounts_.FindSession(hash));
    if (!session) {
      sessions_.Erase(hash);
      return Status::Unauthenticated("登录已失效，请重新登录");
    }
    PARKHQ_ASSIGN_OR_RETURN(auto user, accounts_.FindUser(session->user_id));
    if (!user) return Status::Unauthenticated("账号已停用");
    entry = SessionCache::Entry{*session, *user, now, session->last_seen};
    // Activity this process saw but has not written yet counts for the idle timeout.
    entry->session.last_seen = std::max(session->last_seen, sessions_.LastSeen(hash));
    sessions_.Put(*entry, generation);
  }
  const Session& session = entry->session;
  if (now - session.last_seen > policy_.idle_timeout_seconds) {
    (void)accounts_.DeleteSession(hash);
    sessions_.Erase(hash);
    return Status::Unauthenticated("长时间未操作，登录已超时，请重新登录");
  }
  if (now - session.created_at > policy_.absolute_lifetime_seconds) {
    (void)accounts_.DeleteSession(hash);
    sessions_.Erase(hash);
    return Status::Unauthenticated("登录已到期，请重新登录");
  }
  if (entry->user.disabled) return Status::Unauthenticated("账号已停用");
  // Write-behind: last_seen goes to the database at most once per last_seen_flush_seconds.
  if (sessions_.Touch(hash, now, policy_.last_seen_flush_seconds))
    PARKHQ_RETURN_IF_ERROR(accounts_.TouchSession(hash, now));
  PARKHQ_ASSIGN_OR_RETURN(Scope scope, ScopeFor(entry->user, ip));
  return Authenticated{std::move(entry->user), std::move(scope), session.csrf_token, std::nullopt, hash};
}

StatusOr<Authenticated> AccountService::AuthenticateToken(const std::string& bearer, const std::string& ip,
                                                          bool record_use) const {
  PARKHQ_ASSIGN_OR_RETURN(auto token, accounts_.FindTokenByHash(Sha256Hex(bearer)));
  if (!token || !token->revoked_at.empty()) return Status::Unauthenticated("API 令牌无效或已吊销");
  if (!token->expires_at.empty() && NowIso() >= token->expires_at)
    return Status::Unauthenticated("API 令牌已过期");
  if (record_use && !TakeTokenRequest(token->id))
    return Status(StatusCode::kTooManyRequests, "该 API 令牌请求过于频繁，请稍后再试");
  PARKHQ_ASSIGN_OR_RETURN(auto user, accounts_.FindUser(token->user_id));
  if (!user || user->disabled) return Status::Unauthenticated("API 令牌所属账号已停用");
  PARKHQ_ASSIGN_OR_RETURN(Scope scope, ScopeFor(*user, ip));
  if (token->park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
    auto allowed = WithSubParks(parks, {*token->park_id});
    std::vector<int64_t> narrowed;
    for (int64_t id : allowed)
      if (scope.CanReadPark(id)) narrowed.push_back(id);
    scope.all_parks = false;
    scope.park_ids = narrowed;
    // A sysadmin's token narrowed to one park is that park's admin: no user, park, catalog,
    // audit or token administration beyond it.
    if (scope.role == Role::kSysadmin) scope.role = Role::kParkAdmin;
  }
  scope.read_only = scope.read_only || token->read_only;
  scope.username = user->username + "（令牌:" + token->name + "）";
  if (record_use) (void)accounts_.TouchToken(token->id, ip, Today().ToString());
  return Authenticated{*user, std::move(scope), "", token, ""};
}

StatusOr<Scope> AccountService::ScopeFor(const User& u, const std::string& ip) const {
  Scope s;
  s.user_id = u.id;
  s.username = u.username;
  s.role = u.role;
  s.ip = ip;
  s.unit_id = u.unit_id;
  s.enterprise_id = u.enterprise_id;
  s.read_only = u.role == Role::kLeader;
  if (u.role == Role::kSysadmin || (u.role == Role::kLeader && !u.park_id)) {
    s.all_parks = true;
    return s;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  std::vector<int64_t> roots;
  if (u.role == Role::kDepartment && u.unit_id) {
    PARKHQ_ASSIGN_OR_RETURN(roots, org_.ParksServedByUnit(*u.unit_id));
  }
  if (u.park_id) roots.push_back(*u.park_id);
  // An enterprise user sees its own park's shared information (tasks, catalogs), but data
  // belonging to enterprises only through CanActForEnterprise.
  s.park_ids = WithSubParks(parks, roots);
  if (u.role == Role::kDepartment && u.unit_id && !roots.empty()) {
    // The registers this unit keeps in the parks it serves (the plan's default or the park's own).
    PARKHQ_ASSIGN_OR_RETURN(auto units, org_.ListUnits());
    PARKHQ_ASSIGN_OR_RETURN(auto overrides, org_.RegisterOverrides(roots));
    std::map<int64_t, RegisterAssignment> assignments;
    for (int64_t park : roots) assignments[park] = EffectiveAssignment(units, overrides[park]);
    for (const auto& [code, park] : KeptRegisters(*u.unit_id, assignments))
      for (int64_t id : WithSubParks(parks, {park})) s.keeps.emplace_back(code, id);
  }
  return s;
}

StatusOr<std::vector<User>> AccountService::ListUsers(const Scope& s, int64_t offset, int64_t limit,
                                                      int64_t* total) const {
  if (!s.IsSysadmin()) return Status::PermissionDenied("只有系统管理员可以管理用户");
  return accounts_.ListUsers(offset, limit, total);
}

StatusOr<User> AccountService::CreateUser(const Scope& s, const NewUser& in) const {
  if (!s.IsSysadmin() || s.read_only) return Status::PermissionDenied("只有系统管理员可以新建用户");
  std::vector<FieldError> errs;
  auto collect = [&](const Status& st) {
    for (const auto& d : st.details()) errs.push_back(d);
  };
  collect(ValidateUsername(in.username));
  collect(ValidatePassword(in.password));
  auto role = ParseRole(in.role);
  if (!role) errs.push_back({"role", "未知角色，应为 sysadmin、park_admin、department、enterprise 或 leader"});
  if (in.display_name.size() > 100) errs.push_back({"display_name", "姓名过长（最多 100 字节）"});
  User u;
  u.username = in.username;
  u.display_name = in.display_name.empty() ? in.username : in.display_name;
  if (in.park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(*in.park_id));
    if (!park) errs.push_back({"park_id", "园区不存在"});
    else u.park_id = park->id;
  }
  if (in.unit && !in.unit->empty()) {
    PARKHQ_ASSIGN_OR_RETURN(auto unit, org_.FindUnitByName(*in.unit));
    if (!unit) errs.push_back({"unit", "单位不存在：" + *in.unit});
    else {
      u.unit_id = unit->id;
      u.unit_name = unit->name;
    }
  }
  u.enterprise_id = in.enterprise_id;
  if (role) {
    u.role = *role;
    if (*role == Role::kParkAdmin && !in.park_id)
      errs.push_back({"park_id", "园区管理员须指定园区"});
    if (*role == Role::kDepartment && (!in.unit || in.unit->empty()))
      errs.push_back({"unit", "部门用户须指定单位"});
    if (*role == Role::kEnterprise && (!in.enterprise_id || !in.park_id))
      errs.push_back({"enterprise_id", "企业用户须指定企业和园区"});
  }
  // An enterprise user is bound to an existing enterprise of its own park (or a sub-park of it).
  if (in.enterprise_id && u.park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto ent_park, accounts_.FindEnterprisePark(*in.enterprise_id));
    PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
    const auto allowed = WithSubParks(parks, {*u.park_id});
    if (!ent_park) errs.push_back({"enterprise_id", "企业不存在"});
    else if (std::find(allowed.begin(), allowed.end(), *ent_park) == allowed.end())
      errs.push_back({"enterprise_id", "企业不属于该园区"});
  } else if (in.enterprise_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto ent_park, accounts_.FindEnterprisePark(*in.enterprise_id));
    if (!ent_park) errs.push_back({"enterprise_id", "企业不存在"});
  }
  if (!errs.empty()) return Status::Validation("用户信息有误", errs);
  u.password_hash = HashPassword(in.password, policy_.fast_hash);
  PARKHQ_ASSIGN_OR_RETURN(u.id, accounts_.CreateUser(u, s));
  u.password_hash.clear();
  return u;
}

StatusOr<User> AccountService::UpdateUser(const Scope& s, int64_t id, const UserPatch& patch) const {
  if (!s.IsSysadmin() || s.read_only) return Status::PermissionDenied("只有系统管理员可以修改用户");
  PARKHQ_ASSIGN_OR_RETURN(auto found, accounts_.FindUser(id));
  if (!found) return Status::NotFound("用户不存在");
  User u = *found;
  if (patch.role) {
    auto role = ParseRole(*patch.role);
    if (!role) return Status::FieldInvalid("role", "未知角色");
    u.role = *role;
  }
  if (patch.display_name) u.display_name = *patch.display_name;
  if (patch.disabled) {
    if (*patch.disabled && id == s.user_id) return Status::FieldInvalid("disabled", "不能停用自己的账号");
    u.disabled = *patch.disabled;
  }
  const Status updated = accounts_.UpdateUser(u, s, "update");
  sessions_.EraseUser(id);  // role, name or disabled changed: read the user again
  PARKHQ_RETURN_IF_ERROR(updated);
  if (u.disabled) PARKHQ_RETURN_IF_ERROR(accounts_.DeleteUserSessions(id));
  u.password_hash.clear();
  return u;
}

Status AccountService::SetPassword(const Scope& s, int64_t id, const std::string& password,
                                   const std::optional<std::string>& current_password,
                                   const std::string& keep_session_hash) const {
  const bool own = s.user_id == id;
  if (!own && (!s.IsSysadmin() || s.read_only)) return Status::PermissionDenied("无权修改该用户的密码");
  PARKHQ_ASSIGN_OR_RETURN(auto found, accounts_.FindUser(id));
  if (!found) return Status::NotFound("用户不存在");
  if (own) {
    if (!current_password || current_password->empty())
      return Status::FieldInvalid("current_password", "请输入当前密码");
    if (!VerifyPassword(*current_password, found->password_hash))
      return Status::FieldInvalid("current_password", "当前密码不正确");
    if (*current_password == password) return Status::FieldInvalid("password", "新密码不能与当前密码相同");
  }
  PARKHQ_RETURN_IF_ERROR(ValidatePassword(password));
  User u = *found;
  u.password_hash = HashPassword(password, policy_.fast_hash);
  u.failed_logins = 0;
  u.locked_until = 0;
  PARKHQ_RETURN_IF_ERROR(accounts_.UpdateUser(u, s, "password"));
  sessions_.EraseUser(id);  // the user's other sessions end below; the kept one is read again
  PARKHQ_RETURN_IF_ERROR(accounts_.ClearLoginThrottle(u.username, std::nullopt));
  PARKHQ_RETURN_IF_ERROR(accounts_.RevokeUserTokens(id, s));
  const Status ended = own && !keep_session_hash.empty() ? accounts_.DeleteOtherSessions(id, keep_session_hash)
                                                         : accounts_.DeleteUserSessions(id);
  sessions_.EraseUser(id);
  return ended;
}

StatusOr<std::vector<SessionInfo>> AccountService::ListOwnSessions(const Scope& s,
                                                                 const std::string& current_hash) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sessions, accounts_.ListUserSessions(s.user_id));
  const int64_t now = NowUnix();
  std::vector<SessionInfo> out;
  for (auto x : sessions) {
    x.last_seen = std::max(x.last_seen, sessions_.LastSeen(x.token_hash));  // activity not yet written
    if (now - x.last_seen > policy_.idle_timeout_seconds || now - x.created_at > policy_.absolute_lifetime_seconds)
      continue;  // expired: ends on its next use
    out.push_back({SessionPublicId(x.token_hash), x.created_at, x.last_seen, x.ip, x.token_hash == current_hash});
  }
  return out;
}

Status AccountService::RevokeOwnSession(const Scope& s, const std::string& public_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sessions, accounts_.ListUserSessions(s.user_id));
  for (const auto& x : sessions)
    if (ConstantTimeEquals(SessionPublicId(x.token_hash), public_id)) {
      Status st = accounts_.DeleteSession(x.token_hash);
      sessions_.Erase(x.token_hash);
      return st;
    }
  return Status::NotFound("会话不存在");
}

bool AccountService::TakeTokenRequest(int64_t token_id) const {
  if (policy_.token_rate <= 0) return true;
  const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  std::lock_guard lock(rate_mu_);
  auto [it, fresh] = buckets_.try_emplace(token_id);
  Bucket& b = it->second;
  if (fresh) b = {static_cast<double>(policy_.token_burst), now};
  b.level = std::min<double>(policy_.token_burst, b.level + (now - b.at) * policy_.token_rate);
  b.at = now;
  if (b.level < 1) return false;
  b.level -= 1;
  return true;
}

namespace {
std::string IsoAt(int64_t t) {
  Date d = Date::FromDaysSinceEpoch(t / 86400);
  int64_t sec = t % 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.ToString().c_str(), static_cast<int>(sec / 3600),
                static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
  return buf;
}
}  // namespace

StatusOr<CreatedToken> AccountService::CreateToken(const Scope& s, const std::string& name,
                                                   std::optional<int64_t> park_id, bool read_only,
                                                   const std::string& expires_at,
                                                   const std::vector<std::string>& modules) const {
  if (s.read_only || (s.role != Role::kSysadmin && s.role != Role::kParkAdmin))
    return Status::PermissionDenied("只有系统管理员和园区管理员可以创建 API 令牌");
  if (name.empty() || name.size() > 100) return Status::FieldInvalid("name", "请填写令牌名称（最多 100 字节）");
  if (park_id && !s.CanReadPark(*park_id)) return Status::FieldInvalid("scope_park_id", "园区不存在或无权访问");
  // Never broader than the maker: a park-scoped token (a park admin, see AuthenticateToken) mints
  // tokens of its park; only a caller of all parks mints an unscoped one.
  if (s.role == Role::kParkAdmin && !park_id && !s.park_ids.empty()) park_id = s.park_ids.front();
  if (!park_id && !s.all_parks) return Status::FieldInvalid("scope_park_id", "请选择令牌的园区");
  std::string expires;
  if (!expires_at.empty()) {
    std::optional<int64_t> at = expires_at.size() == 10 ? ParseTimestamp(expires_at + "T23:59:59Z")
                                                        : ParseTimestamp(expires_at);
    if (at && expires_at.size() == 10) *at -= UtcOffsetSecondsAt(*at);  // the end of that local day
    if (!at) return Status::FieldInvalid("expires_at", "到期时间应为 YYYY-MM-DD 或 ISO 时间");
    if (*at <= NowUnix()) return Status::FieldInvalid("expires_at", "到期时间须晚于现在");
    expires = IsoAt(*at);
  }
  std::vector<std::string> mods;
  for (const auto& m : modules) {
    if (std::find_if(std::begin(kTokenModules), std::end(kTokenModules), [&](const char* k) { return m == k; }) ==
        std::end(kTokenModules))
      return Status::FieldInvalid("modules", "未知模块：" + m.substr(0, 40));
    if (std::find(mods.begin(), mods.end(), m) == mods.end()) mods.push_back(m);
  }
  CreatedToken out;
  out.token.expires_at = expires;
  out.token.modules = mods;
  out.secret = "phq_" + RandomToken(32);
  out.token.user_id = s.user_id;
  out.token.name = name;
  out.token.park_id = park_id;
  out.token.read_only = read_only;
  out.token.created_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(out.token.id, accounts_.CreateToken(out.token, Sha256Hex(out.secret), s));
  return out;
}

StatusOr<std::vector<ApiToken>> AccountService::ListTokens(const Scope& s) const {
  if (s.role != Role::kSysadmin && s.role != Role::kParkAdmin)
    return Status::PermissionDenied("无权查看 API 令牌");
  PARKHQ_ASSIGN_OR_RETURN(auto tokens,
                          accounts_.ListTokens(s.IsSysadmin() ? std::nullopt : std::optional<int64_t>(s.user_id)));
  if (s.all_parks) return tokens;
  // A caller of some parks (a park admin, a park-scoped token) sees only tokens of those parks.
  std::vector<ApiToken> out;
  for (auto& t : tokens)
    if (t.park_id && s.CanReadPark(*t.park_id)) out.push_back(std::move(t));
  return out;
}

Status AccountService::RevokeToken(const Scope& s, int64_t id) const {
  if (s.read_only || (s.role != Role::kSysadmin && s.role != Role::kParkAdmin))
    return Status::PermissionDenied("无权吊销 API 令牌");
  PARKHQ_ASSIGN_OR_RETURN(auto t, accounts_.FindToken(id));
  if (!t || (!s.IsSysadmin() && t->user_id != s.user_id)) return Status::NotFound("令牌不存在");
  // A park-scoped caller revokes only tokens of its parks (not its user's wider ones).
  if (!s.all_parks && !(t->park_id && s.CanReadPark(*t->park_id))) return Status::NotFound("令牌不存在");
  return accounts_.RevokeToken(id, s);
}

Status AccountService::RecordTokenUse(TokenUse use) const {
  const int64_t now = NowUnix();
  if (use.at.empty()) use.at = IsoAt(now);
  return accounts_.RecordTokenUse(use, IsoAt(now - int64_t{90} * 24 * 3600));
}

StatusOr<std::vector<TokenUse>> AccountService::ListTokenUses(const Scope& s, int64_t id, int64_t limit) const {
  PARKHQ_ASSIGN_OR_RETURN(auto visible, ListTokens(s));
  const bool found = std::any_of(visible.begin(), visible.end(), [&](const ApiToken& t) { return t.id == id; });
  if (!found) return Status::NotFound("令牌不存在");
  return accounts_.ListTokenUses(id, std::clamp<int64_t>(limit, 1, 1000));
}

}  // namespace parkhq
