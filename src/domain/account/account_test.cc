#include "domain/account/account.h"

#include <gtest/gtest.h>

namespace parkhq {

TEST(PasswordPolicyTest, Table) {
  struct Case {
    const char* pw;
    bool ok;
  } cases[] = {
      {"Admin@2023demo", true},  {"abcdefghij", false},     {"abcdefghi1", false},
      {"Abcdefghi1", true},      {"abc1!abc1!", true},      {"Ab1!", false},
      {"ABCDEFGH12", false},     {"密码密码密码密码Aa1", true},
  };
  for (const auto& c : cases) {
    Status s = ValidatePassword(c.pw);
    EXPECT_EQ(s.ok(), c.ok) << c.pw << " " << s.ToString();
    if (!s.ok()) {
      ASSERT_EQ(s.details().size(), 1u);
      EXPECT_EQ(s.details()[0].field, "password");
    }
  }
}

TEST(UsernameTest, Rules) {
  EXPECT_TRUE(ValidateUsername("admin").ok());
  EXPECT_TRUE(ValidateUsername("gxj.user-1").ok());
  EXPECT_FALSE(ValidateUsername("ab").ok());
  EXPECT_FALSE(ValidateUsername("_admin").ok());
  EXPECT_FALSE(ValidateUsername("ad min").ok());
}

TEST(LockoutTest, FifthFailureLocksForFifteenMinutes) {
  AccountPolicy p;
  User u;
  int64_t now = 1000;
  for (int i = 1; i <= 4; ++i) {
    auto f = NextLoginFailure(u, now, p);
    EXPECT_EQ(f.failed_logins, i);
    EXPECT_EQ(f.locked_until, 0);
    u.failed_logins = f.failed_logins;
  }
  auto f = NextLoginFailure(u, now, p);
  EXPECT_EQ(f.locked_until, now + 900);
  u.failed_logins = f.failed_logins;
  u.locked_until = f.locked_until;
  EXPECT_TRUE(IsLocked(u, now + 899));
  EXPECT_FALSE(IsLocked(u, now + 900));
  // After the lock expires a failure starts counting again from one.
  auto g = NextLoginFailure(u, now + 901, p);
  EXPECT_EQ(g.failed_logins, 1);
  EXPECT_EQ(g.locked_until, 0);
}

}  // namespace parkhq
