// AccountRepository in portable SQL.
#pragma once
#include "domain/account/account_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlAccountRepository final : public AccountRepository {
 public:
  explicit SqlAccountRepository(Database& db) : db_(db) {}
  StatusOr<std::optional<User>> FindUserByName(const std::string& username) override;
  StatusOr<std::optional<User>> FindUser(int64_t id) override;
  StatusOr<std::optional<int64_t>> FindEnterprisePark(int64_t enterprise_id) override;
  StatusOr<std::vector<User>> ListUsers(int64_t offset, int64_t limit, int64_t* total) override;
  StatusOr<int64_t> CreateUser(const User& u, const Scope& who) override;
  Status UpdateUser(const User& u, const Scope& who, const std::string& action) override;
  Status RecordLoginFailure(const User& u, const LoginThrottle& t, const std::string& ip) override;
  StatusOr<LoginThrottle> FindLoginThrottle(const std::string& username, const std::string& ip) override;
  Status SaveLoginThrottle(const std::string& username, const std::string& ip, const LoginThrottle& t) override;
  Status ClearLoginThrottle(const std::string& username, const std::optional<std::string>& ip) override;
  Status RecordLoginSuccess(const User& u, const std::string& ip) override;
  Status CreateSession(const Session& s, const std::string& ip) override;
  StatusOr<std::optional<Session>> FindSession(const std::string& token_hash) override;
  Status TouchSession(const std::string& token_hash, int64_t now) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteUserSessions(int64_t user_id) override;
  Status DeleteOtherSessions(int64_t user_id, const std::string& keep_hash) override;
  StatusOr<std::vector<Session>> ListUserSessions(int64_t user_id) override;
  StatusOr<int64_t> CreateToken(const ApiToken& t, const std::string& token_hash, const Scope& who) override;
  StatusOr<std::optional<ApiToken>> FindTokenByHash(const std::string& token_hash) override;
  StatusOr<std::optional<ApiToken>> FindToken(int64_t id) override;
  StatusOr<std::vector<ApiToken>> ListTokens(std::optional<int64_t> user_id) override;
  Status RevokeToken(int64_t id, const Scope& who) override;
  Status RevokeUserTokens(int64_t user_id, const Scope& who) override;
  Status TouchToken(int64_t id, const std::string& ip, const std::string& day) override;
  Status RecordTokenUse(const TokenUse& use, const std::string& keep_since) override;
  StatusOr<std::vector<TokenUse>> ListTokenUses(int64_t token_id, int64_t limit) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
