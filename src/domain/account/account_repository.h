// What the account module needs from storage. Every write records its audit row in the same
// transaction.
#pragma once
#include <optional>
#include <vector>

#include "common/status_or.h"
#include "domain/account/account.h"

namespace parkhq {

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  virtual StatusOr<std::optional<User>> FindUserByName(const std::string& username) = 0;
  virtual StatusOr<std::optional<User>> FindUser(int64_t id) = 0;
  // The park of an enterprise, nullopt when there is no such enterprise (binding enterprise users).
  virtual StatusOr<std::optional<int64_t>> FindEnterprisePark(int64_t enterprise_id) = 0;
  virtual StatusOr<std::vector<User>> ListUsers(int64_t offset, int64_t limit, int64_t* total) = 0;
  // 409 when the username is taken.
  virtual StatusOr<int64_t> CreateUser(const User& u, const Scope& who) = 0;
  // Writes role, display name, disabled and password hash.
  virtual Status UpdateUser(const User& u, const Scope& who, const std::string& action) = 0;
  // The audit row of a failed login of an existing user (the throttle is kept separately).
  virtual Status RecordLoginFailure(const User& u, const LoginThrottle& t, const std::string& ip) = 0;
  // Failed-login counters per (lower-case username, client IP); see LoginThrottle.
  virtual StatusOr<LoginThrottle> FindLoginThrottle(const std::string& username, const std::string& ip) = 0;
  virtual Status SaveLoginThrottle(const std::string& username, const std::string& ip, const LoginThrottle& t) = 0;
  virtual Status ClearLoginThrottle(const std::string& username, const std::optional<std::string>& ip) = 0;
  virtual Status RecordLoginSuccess(const User& u, const std::string& ip) = 0;

  virtual Status CreateSession(const Session& s, const std::string& ip) = 0;
  virtual StatusOr<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, int64_t now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteUserSessions(int64_t user_id) = 0;
  // Every session of the user but `keep_hash` (the one changing its password).
  virtual Status DeleteOtherSessions(int64_t user_id, const std::string& keep_hash) = 0;
  virtual StatusOr<std::vector<Session>> ListUserSessions(int64_t user_id) = 0;

  virtual StatusOr<int64_t> CreateToken(const ApiToken& t, const std::string& token_hash,
                                        const Scope& who) = 0;
  virtual StatusOr<std::optional<ApiToken>> FindTokenByHash(const std::string& token_hash) = 0;
  virtual StatusOr<std::optional<ApiToken>> FindToken(int64_t id) = 0;
  virtual StatusOr<std::vector<ApiToken>> ListTokens(std::optional<int64_t> user_id) = 0;
  virtual Status RevokeToken(int64_t id, const Scope& who) = 0;
  // Revokes every live token of the user (after a password change), with an audit row.
  virtual Status RevokeUserTokens(int64_t user_id, const Scope& who) = 0;
  // Marks a use: last used time and address, and one more request on `day` (YYYY-MM-DD).
  virtual Status TouchToken(int64_t id, const std::string& ip, const std::string& day) = 0;
  // The use log: one row per request; rows older than `keep_since` (NowIso form) are dropped now
  // and then. ListTokenUses: newest first, at most `limit`.
  virtual Status RecordTokenUse(const TokenUse& use, const std::string& keep_since) = 0;
  virtual StatusOr<std::vector<TokenUse>> ListTokenUses(int64_t token_id, int64_t limit) = 0;
};

}  // namespace parkhq
