// Accounts: users, sessions and API tokens as plain values, and the rules on them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/access/scope.h"

namespace parkhq {

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  Role role = Role::kLeader;
  std::optional<int64_t> park_id;
  std::optional<int64_t> unit_id;
  std::string unit_name;  // read only, joined from units
  std::optional<int64_t> enterprise_id;
  bool disabled = false;
  int failed_logins = 0;
  int64_t locked_until = 0;  // unix seconds; 0 when not locked
  std::string created_at;
  std::string last_login_at;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;
  std::optional<int64_t> park_id;
  std::optional<std::string> unit;  // unit name, e.g. "工信局"
  std::optional<int64_t> enterprise_id;
};

struct UserPatch {
  std::optional<bool> disabled;
  std::optional<std::string> role;
  std::optional<std::string> display_name;
};

struct Session {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t last_seen = 0;
  std::string ip;  // where it logged in (read back for the session list)
};

// A session as its own user sees it in the session list: never the token or its hash.
struct SessionInfo {
  std::string id;  // SessionPublicId(token_hash)
  int64_t created_at = 0;
  int64_t last_seen = 0;
  std::string ip;
  bool current = false;
};

struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  std::optional<int64_t> park_id;
  bool read_only = true;
  std::string created_at;
  std::string last_used_at;
  std::string revoked_at;
  std::string expires_at;            // NowIso() form; "" = never. Refused (401) after it
  std::vector<std::string> modules;  // kTokenModules it may use; empty = all its role allows
  std::string last_used_ip;
  std::vector<std::pair<std::string, int64_t>> usage;  // requests per day, newest first (14 days)
};

// One use of an API token: every request that presented it, answered or refused (issue 17).
struct TokenUse {
  int64_t token_id = 0;
  std::string at;  // NowIso()
  std::string method;
  std::string path;
  int status = 0;
  std::string ip;
};

// Modules a token may be limited to (the first path segment family of the routes, see
// http/token_modules.cc). Shared reference routes (me, parks, regions, units) stay open.
inline constexpr const char* kTokenModules[] = {"monitoring", "projects",   "enterprises", "land",
                                                "evaluation", "tasks",      "briefings",   "comparison",
                                                "talent",     "safety",     "gates",       "sme"};

struct AccountPolicy {
  int max_failed_logins = 5;
  int64_t lockout_seconds = 15 * 60;
  int64_t idle_timeout_seconds = 30 * 60;
  int64_t absolute_lifetime_seconds = 12 * 3600;  // a session ends this long after login, active or not
  bool fast_hash = false;  // minimum Argon2id cost: tests and demo seeding only
  double token_rate = 0;   // API token requests per second (token bucket; 0 = no limit) ...
  int token_burst = 40;    // ... and the bucket's size; past it 429 with Retry-After. The server
                           // sets them from [api] token_rate / token_burst (20 and 40 by default)
  // Sessions in memory (SessionCache): how many are kept, how long a cached session and its user
  // are trusted before they are read again (changes made by another process show within this
  // time; this process's own logout, revocation, password change and disable act at once), and
  // how often a session's last_seen is written back (write-behind: at most once per this many
  // seconds per session; a restart may forget up to this much activity).
  size_t session_cache_size = 10000;
  int64_t session_recheck_seconds = 2;
  int64_t last_seen_flush_seconds = 60;
};

// Password policy: at least 10 characters, three of the four classes (lower case, upper case,
// digits, other), and not a common password (see IsCommonPassword). Returns a 422 naming `field`
// with a Chinese message.
Status ValidatePassword(std::string_view password, const std::string& field = "password");
// True when the password is, once normalised, on the bundled list of common passwords
// (src/app/seed/common_passwords.txt): lower-cased, leet-speak undone (@→a, 0→o, 1→i, 3→e, $→s ...),
// with trailing digits and symbols stripped — so "P@ssw0rd123" and "Password123" are both "password".
bool IsCommonPassword(std::string_view password);
// The normal forms IsCommonPassword looks up (exposed for tests).
std::vector<std::string> CommonPasswordForms(std::string_view password);
// The id a session has in the session list: derived from the stored hash, never the cookie.
std::string SessionPublicId(const std::string& token_hash);
// 3 to 32 of [A-Za-z0-9_.-], starting with a letter or digit.
Status ValidateUsername(std::string_view username);

// Failed logins are counted per (username, client IP), whether the username exists or not, so the
// answer never tells which usernames exist and nobody can lock an account out from elsewhere.
// From the max_failed_logins-th failure on, each failure locks that pair for a doubling time:
// 1, 2, 4 ... minutes, at most lockout_seconds (default 15 minutes).
struct LoginThrottle {
  int failures = 0;
  int64_t locked_until = 0;  // unix seconds; 0 when not locked
};
LoginThrottle NextLoginFailure(const LoginThrottle& t, int64_t now, const AccountPolicy& p);
inline bool IsLocked(const LoginThrottle& t, int64_t now) { return t.locked_until > now; }

}  // namespace parkhq
