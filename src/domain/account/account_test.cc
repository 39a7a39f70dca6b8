#include "domain/account/account.h"

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(LockoutTest, FifthFailureLocksAndEachFurtherFailureDoublesTheLock) {
  AccountPolicy p;
  LoginThrottle t;
  int64_t now = 1000;
  for (int i = 1; i <= 4; ++i) {
    t = NextLoginFailure(t, now, p);
    EXPECT_EQ(t.failures, i);
    EXPECT_EQ(t.locked_until, 0);
  }
  t = NextLoginFailure(t, now, p);
  EXPECT_EQ(t.locked_until, now + 60);
  EXPECT_TRUE(IsLocked(t, now + 59));
  EXPECT_FALSE(IsLocked(t, now + 60));
  t = NextLoginFailure(t, now + 61, p);
  EXPECT_EQ(t.locked_until, now + 61 + 120);
  t = NextLoginFailure(t, now + 200, p);
  EXPECT_EQ(t.locked_until, now + 200 + 240);
  for (int i = 0; i < 10; ++i) t = NextLoginFailure(t, now + 1000, p);
  EXPECT_EQ(t.locked_until, now + 1000 + p.lockout_seconds);  // capped
  // A day after the lock ended, a failure starts counting again from one.
  auto g = NextLoginFailure(t, t.locked_until + 24 * 3600, p);
  EXPECT_EQ(g.failures, 1);
  EXPECT_EQ(g.locked_until, 0);
}

TEST(PasswordPolicyTest, CommonPasswordsAreRefusedWhateverTheDecoration) {
  for (const char* pw : {"Password123", "P@ssw0rd123", "P@ssw0rd!", "Passw0rd2023!", "Qwerty@12345", "Admin@123456",
                         "Welcome2023!", "Iloveyou!23", "Woaini@1314", "Abc@1234567", "Letmein!2024"}) {
    EXPECT_TRUE(IsCommonPassword(pw)) << pw;
    Status s = ValidatePassword(pw);
    EXPECT_FALSE(s.ok()) << pw;
    if (!s.ok()) {
      EXPECT_EQ(s.details()[0].field, "password");
    }
  }
  // The README's demo passwords and ordinary strong ones pass.
  for (const char* pw : {"Admin@2023demo", "Park@2023demo", "Dept@2023demo", "Leader@2023demo", "Ent@2023demo",
                         "Wang@2023abc", "CliUser@2023", "Locky@2023x", "Land@2023test", "Tr0ub4dor&3horse"}) {
    EXPECT_FALSE(IsCommonPassword(pw)) << pw;
    EXPECT_TRUE(ValidatePassword(pw).ok()) << pw;
  }
  auto forms = CommonPasswordForms("P@ssw0rd123");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "password"), forms.end());
}

}  // namespace parkhq
