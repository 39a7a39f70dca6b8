// Accounts: users, sessions and API tokens as plain values, and the rules on them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
};

struct AccountPolicy {
  int max_failed_logins = 5;
  int64_t lockout_seconds = 15 * 60;
  int64_t idle_timeout_seconds = 30 * 60;
  bool fast_hash = false;  // minimum Argon2id cost: tests and demo seeding only
};

// Password policy: at least 10 characters and three of the four classes (lower case, upper case,
// digits, other). Returns a 422 naming `field` with a Chinese message.
Status ValidatePassword(std::string_view password, const std::string& field = "password");
// 3 to 32 of [A-Za-z0-9_.-], starting with a letter or digit.
Status ValidateUsername(std::string_view username);

// After a failed login: the new failure count and lock deadline.
struct LoginFailure {
  int failed_logins;
  int64_t locked_until;
};
LoginFailure NextLoginFailure(const User& u, int64_t now, const AccountPolicy& p);
bool IsLocked(const User& u, int64_t now);

}  // namespace parkhq
