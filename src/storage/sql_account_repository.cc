#include "storage/sql_account_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {
namespace {

const char kUserCols[] =
    "SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.park_id, u.unit_id, "
    "COALESCE(n.name, ''), u.enterprise_id, u.disabled, u.failed_logins, u.locked_until, u.created_at, "
    "COALESCE(u.last_login_at, '') FROM users u LEFT JOIN units n ON n.id = u.unit_id ";
const char kUserSnapshot[] =
    "SELECT id, username, display_name, role, park_id, unit_id, enterprise_id, disabled FROM users "
    "WHERE id = ?";
const char kTokenCols[] =
    "SELECT id, user_id, name, park_id, read_only, created_at, COALESCE(last_used_at, ''), "
    "COALESCE(revoked_at, ''), COALESCE(expires_at, ''), modules, COALESCE(last_used_ip, '') FROM api_tokens ";

User ToUser(const Row& r) {
  User u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.password_hash = r.Text(3);
  u.role = ParseRole(r.Text(4)).value_or(Role::kLeader);
  u.park_id = r.OptInt(5);
  u.unit_id = r.OptInt(6);
  u.unit_name = r.Text(7);
  u.enterprise_id = r.OptInt(8);
  u.disabled = r.Bool(9);
  u.failed_logins = static_cast<int>(r.Int(10));
  u.locked_until = r.Int(11);
  u.created_at = r.Text(12);
  u.last_login_at = r.Text(13);
  return u;
}

ApiToken ToToken(const Row& r) {
  ApiToken t;
  t.id = r.Int(0);
  t.user_id = r.Int(1);
  t.name = r.Text(2);
  t.park_id = r.OptInt(3);
  t.read_only = r.Bool(4);
  t.created_at = r.Text(5);
  t.last_used_at = r.Text(6);
  t.revoked_at = r.Text(7);
  t.expires_at = r.Text(8);
  const std::string mods = r.Text(9);
  for (size_t i = 0; i < mods.size();) {
    size_t j = mods.find(',', i);
    if (j == std::string::npos) j = mods.size();
    if (j > i) t.modules.push_back(mods.substr(i, j - i));
    i = j + 1;
  }
  t.last_used_ip = r.Text(10);
  return t;
}

std::string JoinModules(const std::vector<std::string>& mods) {
  std::string out;
  for (const auto& m : mods) out += (out.empty() ? "" : ",") + m;
  return out;
}

StatusOr<std::optional<User>> FindOneUser(Database& db, const std::string& where, const Value& v) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kUserCols) + where, {v}));
  if (!row) return std::optional<User>();
  return std::optional<User>(ToUser(*row));
}

}  // namespace

StatusOr<std::optional<User>> SqlAccountRepository::FindUserByName(const std::string& username) {
  return FindOneUser(db_, "WHERE u.username = ?", username);
}

StatusOr<std::optional<User>> SqlAccountRepository::FindUser(int64_t id) {
  return FindOneUser(db_, "WHERE u.id = ?", id);
}

StatusOr<std::optional<int64_t>> SqlAccountRepository::FindEnterprisePark(int64_t enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT park_id FROM enterprises WHERE id = ?", {enterprise_id}));
  if (!r) return std::optional<int64_t>();
  return std::optional<int64_t>(r->Int(0));
}

StatusOr<std::vector<User>> SqlAccountRepository::ListUsers(int64_t offset, int64_t limit, int64_t* total) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto cnt, c->QueryOne("SELECT COUNT(*) FROM users"));
  if (total) *total = cnt ? cnt->Int(0) : 0;
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kUserCols) + "ORDER BY u.id LIMIT ? OFFSET ?",
                                              {limit, offset}));
  std::vector<User> out;
  for (const auto& r : rows) out.push_back(ToUser(r));
  return out;
}

StatusOr<int64_t> SqlAccountRepository::CreateUser(const User& u, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto taken, c->QueryOne("SELECT id FROM users WHERE username = ?", {u.username}));
  if (taken) return Status::Conflict("用户名已被占用", {{"username", "用户名已被占用"}});
  auto id = c->InsertId(
      "INSERT INTO users(username, display_name, password_hash, role, park_id, unit_id, enterprise_id, "
      "disabled, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
      {u.username, u.display_name, u.password_hash, std::string(RoleName(u.role)), Opt(u.park_id),
       Opt(u.unit_id), Opt(u.enterprise_id), int64_t{u.disabled}, NowIso()});
  if (!id.ok()) {
    if (id.status().IsConflict()) return Status::Conflict("用户名已被占用", {{"username", "用户名已被占用"}});
    return id.status();
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kUserSnapshot, {*id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "user", std::to_string(*id), u.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return *id;
}

Status SqlAccountRepository::UpdateUser(const User& u, const Scope& who, const std::string& action) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kUserSnapshot, {u.id}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE users SET display_name = ?, role = ?, disabled = ?, password_hash = ?, "
              "failed_logins = ?, locked_until = ? WHERE id = ?",
              {u.display_name, std::string(RoleName(u.role)), int64_t{u.disabled}, u.password_hash,
               int64_t{u.failed_logins}, u.locked_until, u.id})
          .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kUserSnapshot, {u.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, action, "user", std::to_string(u.id), u.park_id, before, after));
  return tx.Commit();
}

Status SqlAccountRepository::RecordLoginFailure(const User& u, const LoginThrottle& t, const std::string& ip) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string after = "{\"failures\":" + std::to_string(t.failures) +
                      (t.locked_until ? ",\"locked_until\":" + std::to_string(t.locked_until) : std::string()) + "}";
  return WriteAuditAnonymous(*c, u.username, ip, t.locked_until ? "lockout" : "login_failed", "user",
                             std::to_string(u.id), after);
}

namespace {
std::string ThrottleName(const std::string& username) {
  std::string n;
  for (unsigned char ch : username) n += static_cast<char>(std::tolower(ch));
  return n.substr(0, 64);
}
}  // namespace

StatusOr<LoginThrottle> SqlAccountRepository::FindLoginThrottle(const std::string& username, const std::string& ip) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT failures, locked_until FROM login_throttle "
                                              "WHERE username = ? AND ip = ?",
                                              {ThrottleName(username), ip}));
  LoginThrottle t;
  if (r) {
    t.failures = static_cast<int>(r->Int(0));
    t.locked_until = r->Int(1);
  }
  return t;
}

Status SqlAccountRepository::SaveLoginThrottle(const std::string& username, const std::string& ip,
                                               const LoginThrottle& t) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->Exec("INSERT INTO login_throttle(username, ip, failures, locked_until, updated_at) VALUES (?,?,?,?,?) "
                 "ON CONFLICT (username, ip) DO UPDATE SET failures = excluded.failures, "
                 "locked_until = excluded.locked_until, updated_at = excluded.updated_at",
                 {ThrottleName(username), ip, int64_t{t.failures}, t.locked_until, NowUnix()})
      .status();
}

Status SqlAccountRepository::ClearLoginThrottle(const std::string& username, const std::optional<std::string>& ip) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  if (ip) return c->Exec("DELETE FROM login_throttle WHERE username = ? AND ip = ?", {ThrottleName(username), *ip}).status();
  return c->Exec("DELETE FROM login_throttle WHERE username = ?", {ThrottleName(username)}).status();
}

Status SqlAccountRepository::RecordLoginSuccess(const User& u, const std::string& ip) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE users SET last_login_at = ? WHERE id = ?",
              {NowIso(), u.id})
          .status());
  PARKHQ_RETURN_IF_ERROR(WriteAuditAnonymous(*c, u.username, ip, "login", "user", std::to_string(u.id), ""));
  return tx.Commit();
}

Status SqlAccountRepository::CreateSession(const Session& s, const std::string& ip) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->Exec("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, last_seen, ip) "
                 "VALUES (?,?,?,?,?,?)",
                 {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen, ip})
      .status();
}

StatusOr<std::optional<Session>> SqlAccountRepository::FindSession(const std::string& token_hash) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne("SELECT token_hash, user_id, csrf_token, created_at, last_seen, COALESCE(ip, '') "
                          "FROM sessions WHERE token_hash = ?",
                          {token_hash}));
  if (!r) return std::optional<Session>();
  return std::optional<Session>(Session{r->Text(0), r->Int(1), r->Text(2), r->Int(3), r->Int(4), r->Text(5)});
}

StatusOr<std::vector<Session>> SqlAccountRepository::ListUserSessions(int64_t user_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT token_hash, user_id, csrf_token, created_at, last_seen, COALESCE(ip, '') "
                          "FROM sessions WHERE user_id = ? ORDER BY last_seen DESC",
                          {user_id}));
  std::vector<Session> out;
  for (const auto& r : rows) out.push_back(Session{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4), r.Text(5)});
  return out;
}

Status SqlAccountRepository::DeleteOtherSessions(int64_t user_id, const std::string& keep_hash) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->Exec("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {user_id, keep_hash}).status();
}

Status SqlAccountRepository::TouchSession(const std::string& token_hash, int64_t now) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->Exec("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", {now, token_hash}).status();
}

Status SqlAccountRepository::DeleteSession(const std::string& token_hash) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->Exec("DELETE FROM sessions WHERE token_hash = ?", {token_hash}).status();
}

Status SqlAccountRepository::DeleteUserSessions(int64_t user_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->Exec("DELETE FROM sessions WHERE user_id = ?", {user_id}).status();
}

StatusOr<int64_t> SqlAccountRepository::CreateToken(const ApiToken& t, const std::string& token_hash,
                                                    const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO api_tokens(user_id, name, token_hash, park_id, read_only, "
                              "created_at, expires_at, modules) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                              {t.user_id, t.name, token_hash, Opt(t.park_id), int64_t{t.read_only},
                               t.created_at, t.expires_at.empty() ? Value() : Value(t.expires_at),
                               JoinModules(t.modules)}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, std::string(kTokenCols) + "WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "api_token", std::to_string(id), t.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::optional<ApiToken>> SqlAccountRepository::FindTokenByHash(const std::string& token_hash) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kTokenCols) + "WHERE token_hash = ?", {token_hash}));
  if (!r) return std::optional<ApiToken>();
  return std::optional<ApiToken>(ToToken(*r));
}

StatusOr<std::optional<ApiToken>> SqlAccountRepository::FindToken(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kTokenCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<ApiToken>();
  return std::optional<ApiToken>(ToToken(*r));
}

StatusOr<std::vector<ApiToken>> SqlAccountRepository::ListTokens(std::optional<int64_t> user_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows, c->Query(std::string(kTokenCols) +
                              "WHERE CAST(? AS BIGINT) IS NULL OR user_id = ? ORDER BY id DESC",
                          {Opt(user_id), Opt(user_id)}));
  std::vector<ApiToken> out;
  for (const auto& r : rows) out.push_back(ToToken(r));
  // Requests per day of the last 14 days, newest first.
  const std::string since = Today().AddDays(-13).ToString();
  for (auto& t : out) {
    PARKHQ_ASSIGN_OR_RETURN(auto days, c->Query("SELECT day, requests FROM api_token_usage WHERE token_id = ? AND "
                                                "day >= ? ORDER BY day DESC",
                                                {t.id, since}));
    for (const auto& d : days) t.usage.emplace_back(d.Text(0), d.Int(1));
  }
  return out;
}

Status SqlAccountRepository::RevokeToken(int64_t id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap = std::string(kTokenCols) + "WHERE id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, {id}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {NowIso(), id})
          .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "revoke", "api_token", std::to_string(id), std::nullopt, before, after));
  return tx.Commit();
}

Status SqlAccountRepository::RevokeUserTokens(int64_t user_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto live, c->Query("SELECT id FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL",
                                              {user_id}));
  const std::string snap = std::string(kTokenCols) + "WHERE id = ?";
  for (const auto& row : live) {
    const int64_t id = row.Int(0);
    PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, {id}));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", {NowIso(), id}).status());
    PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "revoke", "api_token", std::to_string(id), std::nullopt, before, after,
                                      "password changed"));
  }
  return tx.Commit();
}

Status SqlAccountRepository::TouchToken(int64_t id, const std::string& ip, const std::string& day) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE api_tokens SET last_used_at = ?, last_used_ip = ? WHERE id = ?", {NowIso(), ip.substr(0, 64), id})
          .status());
  return c->Exec("INSERT INTO api_token_usage(token_id, day, requests) VALUES (?, ?, 1) ON CONFLICT (token_id, day) "
                 "DO UPDATE SET requests = api_token_usage.requests + 1",
                 {id, day})
      .status();
}

Status SqlAccountRepository::RecordTokenUse(const TokenUse& u, const std::string& keep_since) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO api_token_uses(token_id, at, method, path, status, "
                                                  "ip) VALUES (?,?,?,?,?,?) RETURNING id",
                                                  {u.token_id, u.at, u.method, u.path.substr(0, 512),
                                                   int64_t{u.status}, u.ip.substr(0, 64)}));
  // Pruning on every 500th row keeps the table at 90 days without a job of its own.
  if (id % 500 == 0)
    PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM api_token_uses WHERE at < ?", {keep_since}).status());
  return Status::Ok();
}

StatusOr<std::vector<TokenUse>> SqlAccountRepository::ListTokenUses(int64_t token_id, int64_t limit) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT token_id, at, method, path, status, ip FROM api_token_uses "
                                              "WHERE token_id = ? ORDER BY id DESC LIMIT ?",
                                              {token_id, limit}));
  std::vector<TokenUse> out;
  for (const auto& r : rows)
    out.push_back(TokenUse{r.Int(0), r.Text(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4)), r.Text(5)});
  return out;
}

}  // namespace parkhq::storage
