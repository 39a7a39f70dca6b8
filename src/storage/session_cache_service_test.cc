// Sessions in memory (AccountService + SessionCache) against the real repositories, on both engines:
// every way a session ends acts on the very next request, and the idle timeout and the absolute
// lifetime still hold with write-behind of last_seen (pinned clock).
#include <gtest/gtest.h>

#include <chrono>

#include "common/crypto.h"
#include "common/time.h"
#include "domain/account/account_service.h"
#include "storage/sql_account_repository.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

int64_t RealNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class SessionCacheServiceTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    PinClock(kT0);
    Make(AccountPolicy{});
  }
  void TearDown() override { PinClock(RealNow()); }
  void Make(AccountPolicy p) {
    p.fast_hash = true;
    accounts_ = std::make_unique<SqlAccountRepository>(*db_);
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    svc_ = std::make_unique<AccountService>(*accounts_, *org_, p);
  }
  LoginResult LoginAs(const char* user, const char* pw) {
    auto r = svc_->Login(user, pw, "127.0.0.1");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LoginResult{};
  }
  bool Ok(const std::string& token) { return svc_->AuthenticateSession(token, "127.0.0.1").ok(); }
  Scope AdminScope() {
    auto admin = svc_->AuthenticateSession(admin_.session_token, "127.0.0.1");
    EXPECT_TRUE(admin.ok());
    return admin.ok() ? admin->scope : Scope{};
  }
  int64_t DbLastSeen(const std::string& token) {
    auto c = db_->Acquire();
    auto row = (*c)->QueryOne("SELECT last_seen FROM sessions WHERE token_hash = ?", {Sha256Hex(token)});
    return row.ok() && row->has_value() ? (*row)->Int(0) : -1;
  }
  void At(int64_t seconds_after_t0) { PinClock(kT0 + seconds_after_t0); }

  static constexpr int64_t kT0 = 1'780'000'000;  // 2026-05-28
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlAccountRepository> accounts_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<AccountService> svc_;
  LoginResult admin_;
};

TEST_P(SessionCacheServiceTest, RepeatedRequestsAreServedFromMemoryAndRecheckedAfterAFewSeconds) {
  auto s = LoginAs("leader", "Leader@2023demo");
  ASSERT_TRUE(Ok(s.session_token));
  EXPECT_EQ(svc_->cached_sessions(), 1u);
  // Removed behind this process's back (another server, the CLI): the cached session still
  // answers until its recheck time, then it is read again and refused.
  auto c = db_->Acquire();
  ASSERT_TRUE((*c)->Exec("DELETE FROM sessions WHERE token_hash = ?", {Sha256Hex(s.session_token)}).ok());
  EXPECT_TRUE(Ok(s.session_token));
  At(svc_->policy().session_recheck_seconds + 1);
  EXPECT_FALSE(Ok(s.session_token));
  EXPECT_EQ(svc_->cached_sessions(), 0u);
}

TEST_P(SessionCacheServiceTest, LogoutIsRefusedOnTheVeryNextRequest) {
  auto s = LoginAs("leader", "Leader@2023demo");
  ASSERT_TRUE(Ok(s.session_token));
  ASSERT_TRUE(svc_->Logout(s.session_token).ok());
  EXPECT_FALSE(Ok(s.session_token));
}

TEST_P(SessionCacheServiceTest, RevokedSessionIsRefusedOnTheVeryNextRequest) {
  auto a = LoginAs("leader", "Leader@2023demo");
  auto b = LoginAs("leader", "Leader@2023demo");
  ASSERT_TRUE(Ok(a.session_token));
  auto who = svc_->AuthenticateSession(b.session_token, "127.0.0.1");
  ASSERT_TRUE(who.ok());
  ASSERT_TRUE(svc_->RevokeOwnSession(who->scope, SessionPublicId(Sha256Hex(a.session_token))).ok());
  EXPECT_FALSE(Ok(a.session_token));
  EXPECT_TRUE(Ok(b.session_token));
}

TEST_P(SessionCacheServiceTest, PasswordChangeEndsTheOtherSessionsAtOnce) {
  auto a = LoginAs("leader", "Leader@2023demo");
  auto b = LoginAs("leader", "Leader@2023demo");
  ASSERT_TRUE(Ok(a.session_token));
  auto who = svc_->AuthenticateSession(b.session_token, "127.0.0.1");
  ASSERT_TRUE(who.ok());
  ASSERT_TRUE(svc_->SetPassword(who->scope, who->user.id, "Leader@2024cache", std::string("Leader@2023demo"),
                                Sha256Hex(b.session_token))
                  .ok());
  EXPECT_FALSE(Ok(a.session_token));
  EXPECT_TRUE(Ok(b.session_token));  // the one that changed it stays
  // An administrator setting the password ends every session of the user.
  admin_ = LoginAs("admin", "Admin@2023demo");
  ASSERT_TRUE(svc_->SetPassword(AdminScope(), who->user.id, "Leader@2025cache").ok());
  EXPECT_FALSE(Ok(b.session_token));
}

TEST_P(SessionCacheServiceTest, DisablingAUserRefusesItsSessionAtOnceAndARoleChangeShowsAtOnce) {
  admin_ = LoginAs("admin", "Admin@2023demo");
  auto s = LoginAs("leader", "Leader@2023demo");
  auto before = svc_->AuthenticateSession(s.session_token, "127.0.0.1");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->scope.role, Role::kLeader);
  UserPatch role;
  role.role = "park_admin";
  ASSERT_TRUE(svc_->UpdateUser(AdminScope(), before->user.id, role).ok());
  auto after = svc_->AuthenticateSession(s.session_token, "127.0.0.1");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->scope.role, Role::kParkAdmin);
  UserPatch off;
  off.disabled = true;
  ASSERT_TRUE(svc_->UpdateUser(AdminScope(), before->user.id, off).ok());
  EXPECT_FALSE(Ok(s.session_token));
}

TEST_P(SessionCacheServiceTest, IdleTimeoutCountsActivityNotYetWrittenBack) {
  AccountPolicy p;
  p.last_seen_flush_seconds = 3600;  // longer than the idle timeout: only memory knows the activity
  Make(p);
  auto s = LoginAs("leader", "Leader@2023demo");
  At(20 * 60);
  ASSERT_TRUE(Ok(s.session_token));
  EXPECT_NEAR(DbLastSeen(s.session_token), kT0, 2);  // not written: write-behind
  At(40 * 60);  // 40 minutes after the login, 20 after the last request (read again from the database)
  EXPECT_TRUE(Ok(s.session_token));
  At(40 * 60 + p.idle_timeout_seconds + 1);
  auto r = svc_->AuthenticateSession(s.session_token, "127.0.0.1");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("超时"), std::string::npos) << r.status().ToString();
  At(40 * 60 + p.idle_timeout_seconds + 2);
  EXPECT_FALSE(Ok(s.session_token));  // and it stays ended
}

TEST_P(SessionCacheServiceTest, LastSeenIsWrittenAtMostOncePerFlushTime) {
  auto s = LoginAs("leader", "Leader@2023demo");
  const int64_t every = svc_->policy().last_seen_flush_seconds;
  At(10);
  ASSERT_TRUE(Ok(s.session_token));
  EXPECT_NEAR(DbLastSeen(s.session_token), kT0, 2);
  At(every - 5);
  ASSERT_TRUE(Ok(s.session_token));
  EXPECT_NEAR(DbLastSeen(s.session_token), kT0, 2);
  At(every + 5);
  ASSERT_TRUE(Ok(s.session_token));
  EXPECT_NEAR(DbLastSeen(s.session_token), kT0 + every + 5, 2);
  At(every + 30);
  ASSERT_TRUE(Ok(s.session_token));
  EXPECT_NEAR(DbLastSeen(s.session_token), kT0 + every + 5, 2);
}

TEST_P(SessionCacheServiceTest, AbsoluteLifetimeHoldsHoweverActive) {
  auto s = LoginAs("leader", "Leader@2023demo");
  const int64_t life = svc_->policy().absolute_lifetime_seconds;
  for (int64_t t = 20 * 60; t < life; t += 20 * 60) {
    At(t);
    ASSERT_TRUE(Ok(s.session_token)) << "at +" << t << " s";
  }
  At(life + 60);
  auto r = svc_->AuthenticateSession(s.session_token, "127.0.0.1");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("到期"), std::string::npos) << r.status().ToString();
}

TEST_P(SessionCacheServiceTest, TheCacheStaysWithinItsSize) {
  AccountPolicy p;
  p.session_cache_size = 4;
  Make(p);
  std::vector<LoginResult> logins;
  for (int i = 0; i < 10; ++i) logins.push_back(LoginAs("leader", "Leader@2023demo"));
  for (int round = 0; round < 2; ++round)
    for (const auto& l : logins) {
      EXPECT_TRUE(Ok(l.session_token));
      EXPECT_LE(svc_->cached_sessions(), 4u);
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, SessionCacheServiceTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
