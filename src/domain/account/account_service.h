// Use cases of accounts: login/logout, session and token authentication, the caller's Scope,
// user and token management. Thread-safe: holds only references and immutable policy.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/account/account_repository.h"
#include "domain/account/session_cache.h"
#include "domain/org/org_repository.h"

namespace parkhq {

struct LoginResult {
  User user;
  std::string session_token;  // goes into the HttpOnly cookie
  std::string csrf_token;
};

struct Authenticated {
  User user;
  Scope scope;
  std::string csrf_token;  // empty for API tokens
  std::optional<ApiToken> token;  // set when the caller is an API token
  std::string session_hash;       // set when the caller is a session
};

struct CreatedToken {
  ApiToken token;
  std::string secret;  // shown once
};

class AccountService {
 public:
  AccountService(AccountRepository& accounts, OrgRepository& org, AccountPolicy policy)
      : accounts_(accounts),
        org_(org),
        policy_(policy),
        sessions_(policy.session_cache_size, policy.session_recheck_seconds) {}

  // 401 for an unknown user, a wrong password or a disabled account (same message: no user
  // enumeration); 429 while this username is throttled from this IP (LoginThrottle), answered the
  // same way whether the username exists or not.
  StatusOr<LoginResult> Login(const std::string& username, const std::string& password,
                              const std::string& ip) const;
  Status Logout(const std::string& session_token) const;
  // 401 when the session is unknown, idle too long, older than its absolute lifetime or its user
  // disabled. Served from the session cache when the session was read less than
  // policy().session_recheck_seconds ago; last_seen is written back at most once per
  // policy().last_seen_flush_seconds.
  StatusOr<Authenticated> AuthenticateSession(const std::string& session_token,
                                              const std::string& ip) const;
  // 401 when the token is unknown or revoked.
  // record_use: count the request (rate limit, usage); false for a second look at the same request.
  StatusOr<Authenticated> AuthenticateToken(const std::string& bearer, const std::string& ip,
                                            bool record_use = true) const;
  // The data scope of a user (parks with sub-parks, unit, enterprise).
  StatusOr<Scope> ScopeFor(const User& u, const std::string& ip) const;

  StatusOr<std::vector<User>> ListUsers(const Scope& s, int64_t offset, int64_t limit,
                                        int64_t* total) const;
  // Sysadmin only. 422 for a weak password, an unknown role, a role missing its park/unit/enterprise;
  // 409 for a taken username.
  StatusOr<User> CreateUser(const Scope& s, const NewUser& in) const;
  StatusOr<User> UpdateUser(const Scope& s, int64_t id, const UserPatch& patch) const;
  // One's own password: the current one is required (422 on current_password otherwise); every
  // other session of the user but `keep_session_hash` ends. Another user's password: sysadmins only
  // (never a read-only or park-scoped token); all of that user's sessions end. Either way the
  // user's API tokens are revoked and the login throttle for the username is cleared.
  Status SetPassword(const Scope& s, int64_t id, const std::string& password,
                     const std::optional<std::string>& current_password = std::nullopt,
                     const std::string& keep_session_hash = "") const;

  // The caller's own sessions (newest activity first), `current_hash` marked current.
  StatusOr<std::vector<SessionInfo>> ListOwnSessions(const Scope& s, const std::string& current_hash) const;
  // Ends one of the caller's own sessions by its public id; 404 for anyone else's.
  Status RevokeOwnSession(const Scope& s, const std::string& public_id) const;

  // Sysadmins and park admins. A park admin's token is narrowed to their park; a token minted by a
  // park-scoped token is narrowed to that park (a token is never broader than its maker).
  // expires_at: "" (never), YYYY-MM-DD (the end of that day) or an ISO time, in the future.
  // modules: names of kTokenModules (empty = no module limit).
  StatusOr<CreatedToken> CreateToken(const Scope& s, const std::string& name,
                                     std::optional<int64_t> park_id, bool read_only,
                                     const std::string& expires_at = "",
                                     const std::vector<std::string>& modules = {}) const;
  StatusOr<std::vector<ApiToken>> ListTokens(const Scope& s) const;
  Status RevokeToken(const Scope& s, int64_t id) const;
  // Each use of a token is logged (kept 90 days); the uses of a token the caller may list, newest
  // first (404 for a token it cannot see).
  Status RecordTokenUse(TokenUse use) const;
  StatusOr<std::vector<TokenUse>> ListTokenUses(const Scope& s, int64_t id, int64_t limit) const;

  const AccountPolicy& policy() const { return policy_; }
  // Sessions held in memory (tests, /metrics).
  size_t cached_sessions() const { return sessions_.size(); }

 private:
  // Token bucket per API token (policy_.token_rate / token_burst); false when it is empty.
  bool TakeTokenRequest(int64_t token_id) const;
  AccountRepository& accounts_;
  OrgRepository& org_;
  const AccountPolicy policy_;
  struct Bucket {
    double level = 0;
    double at = 0;  // steady clock seconds
  };
  mutable std::mutex rate_mu_;
  mutable std::map<int64_t, Bucket> buckets_;
  // Validated sessions; every path that ends a session or changes a user erases here after the
  // database write.
  mutable SessionCache sessions_;
};

}  // namespace parkhq
