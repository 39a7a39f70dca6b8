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
  virtual StatusOr<std::vector<User>> ListUsers(int64_t offset, int64_t limit, int64_t* total) = 0;
  // 409 when the username is taken.
  virtual StatusOr<int64_t> CreateUser(const User& u, const Scope& who) = 0;
  // Writes role, display name, disabled and password hash.
  virtual Status UpdateUser(const User& u, const Scope& who, const std::string& action) = 0;
  virtual Status RecordLoginFailure(const User& u, int failed, int64_t locked_until,
                                    const std::string& ip) = 0;
  virtual Status RecordLoginSuccess(const User& u, const std::string& ip) = 0;

  virtual Status CreateSession(const Session& s, const std::string& ip) = 0;
  virtual StatusOr<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, int64_t now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteUserSessions(int64_t user_id) = 0;

  virtual StatusOr<int64_t> CreateToken(const ApiToken& t, const std::string& token_hash,
                                        const Scope& who) = 0;
  virtual StatusOr<std::optional<ApiToken>> FindTokenByHash(const std::string& token_hash) = 0;
  virtual StatusOr<std::optional<ApiToken>> FindToken(int64_t id) = 0;
  virtual StatusOr<std::vector<ApiToken>> ListTokens(std::optional<int64_t> user_id) = 0;
  virtual Status RevokeToken(int64_t id, const Scope& who) = 0;
  virtual Status TouchToken(int64_t id) = 0;
};

}  // namespace parkhq
