#include "domain/enterprise/uscc.h"

#include <gtest/gtest.h>

#include <string>

namespace parkhq::enterprise {
namespace {

// An independent check-character computation for the tests: the weights are derived as powers of 3
// modulo 31 (GB 32100-2015 defines Wi = 3^(i-1) mod 31) instead of the production table, and the
// character values come from a plain search in the character list.
char ReferenceCheck(const std::string& first17) {
  const std::string set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int weight = 1, sum = 0;
  for (char c : first17) {
    sum += static_cast<int>(set.find(c)) * weight;
    weight = weight * 3 % 31;
  }
  return set[(31 - sum % 31) % 31];
}

TEST(UsccTest, HandWorkedExample) {
  // 91350100M000100Y4? — the sample code printed in explanations of GB 32100-2015.
  // values:  9  1  3  5  0  1  0  0  M=21 0  0  0  1  0  0  Y=30 4
  // weights: 1  3  9 27 19 26 16 17  20  29 25 13  8 24 10  30  28
  // products: 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640
  // 1640 mod 31 = 1640 - 52*31 = 28; 31 - 28 = 3 -> '3'
  EXPECT_EQ(UsccCheckCharacter("91350100M000100Y4"), '3');
  EXPECT_TRUE(ValidateUscc("91350100M000100Y43").ok());
}

TEST(UsccTest, CheckValueThirtyOneIsZero) {
  // All zeros: sum = 0, 0 mod 31 = 0, 31 - 0 = 31 -> written '0'.
  EXPECT_EQ(UsccCheckCharacter("00000000000000000"), '0');
  // "1" at position 1 only: sum = 1; 31 - 1 = 30 -> 'Y'.
  EXPECT_EQ(UsccCheckCharacter("10000000000000000"), 'Y');
  // "2" at position 2 only: sum = 2*3 = 6; 31 - 6 = 25 -> 'R' (A=10 ... P=23 Q=24 R=25).
  EXPECT_EQ(UsccCheckCharacter("02000000000000000"), 'R');
}

TEST(UsccTest, PublishedCodesAgreeWithReference) {
  // Codes as printed on public business licences and filings (real format, valid check).
  const char* kCodes[] = {"91350100M000100Y43", "91110000802100433B", "91440300708461136T",
                          "911100001000079554", "91620000224330150H", "12100000400000624D",
                          "91110108551385082Q"};
  for (const char* code : kCodes) {
    std::string s(code);
    SCOPED_TRACE(s);
    EXPECT_EQ(ReferenceCheck(s.substr(0, 17)), s[17]);
    EXPECT_EQ(UsccCheckCharacter(s.substr(0, 17)), s[17]);
    EXPECT_TRUE(ValidateUscc(s).ok());
  }
}

TEST(UsccTest, AgreesWithReferenceOnGeneratedBodies) {
  const std::string set(kUsccCharset);
  for (int seed = 0; seed < 500; ++seed) {
    std::string body = "91620723";
    unsigned x = static_cast<unsigned>(seed) * 2654435761u + 12345u;
    while (body.size() < 17) {
      x = x * 1103515245u + 12345u;
      body += set[(x >> 16) % 31];
    }
    ASSERT_EQ(UsccCheckCharacter(body), ReferenceCheck(body)) << body;
  }
}

TEST(UsccTest, WrongCheckNamesExpectedCharacter) {
  Status st = ValidateUscc("91350100M000100Y44");
  ASSERT_TRUE(st.IsValidation());
  ASSERT_EQ(st.details().size(), 1u);
  EXPECT_EQ(st.details()[0].field, "uscc");
  EXPECT_EQ(st.details()[0].message, "统一社会信用代码校验位错误，应为 3");
}

struct BadCase {
  const char* input;
  const char* message;
};

TEST(UsccTest, RejectsMalformedCodes) {
  const BadCase kCases[] = {
      {"", "统一社会信用代码不能为空"},
      {"91350100M000100Y4", "统一社会信用代码应为18位，实际为17位"},
      {"91350100M000100Y430", "统一社会信用代码应为18位，实际为19位"},
      // I, O, S, V, Z are not in the set.
      {"91350100I000100Y43",
       "统一社会信用代码第9位字符“I”不合法，只能使用数字和除 I、O、S、V、Z 以外的大写字母"},
      {"9135010OM000100Y43",
       "统一社会信用代码第8位字符“O”不合法，只能使用数字和除 I、O、S、V、Z 以外的大写字母"},
      {"91350100m000100Y43", "统一社会信用代码第9位字符“m”不合法，字母须大写"},
      {"9135-100M000100Y43",
       "统一社会信用代码第5位字符“-”不合法，只能使用数字和除 I、O、S、V、Z 以外的大写字母"},
      // A Chinese character is named whole, and positions count characters, not bytes.
      {"91华0100M000100Y43",
       "统一社会信用代码第3位字符“华”不合法，只能使用数字和除 I、O、S、V、Z 以外的大写字母"},
      {"9135A100M000100Y43", "统一社会信用代码第3-8位（登记管理机关行政区划码）应为数字"},
  };
  for (const BadCase& c : kCases) {
    SCOPED_TRACE(c.input);
    Status st = ValidateUscc(c.input);
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(st.IsValidation());
    ASSERT_EQ(st.details().size(), 1u);
    EXPECT_EQ(st.details()[0].field, "uscc");
    EXPECT_EQ(st.details()[0].message, c.message);
  }
}

TEST(UsccTest, CharValues) {
  EXPECT_EQ(UsccCharValue('0'), 0);
  EXPECT_EQ(UsccCharValue('A'), 10);
  EXPECT_EQ(UsccCharValue('H'), 17);
  EXPECT_EQ(UsccCharValue('J'), 18);
  EXPECT_EQ(UsccCharValue('Y'), 30);
  for (char c : {'I', 'O', 'S', 'V', 'Z', 'a', ' ', '\0'}) EXPECT_FALSE(UsccCharValue(c)) << c;
  EXPECT_FALSE(UsccCheckCharacter("9135010"));
  EXPECT_FALSE(UsccCheckCharacter("91350100I000100Y4"));
}

TEST(UsccTest, NormalizeAndSplit) {
  EXPECT_EQ(NormalizeUscc("  91350100m000100y43\t"), "91350100M000100Y43");
  StatusOr<UsccParts> p = SplitUscc("91350100M000100Y43");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->registration_authority, '9');
  EXPECT_EQ(p->org_type, '1');
  EXPECT_EQ(p->division_code, "350100");
  EXPECT_EQ(p->org_code, "M000100Y4");
  EXPECT_EQ(p->check, '3');
  EXPECT_FALSE(SplitUscc("91350100M000100Y44").ok());
}

}  // namespace
}  // namespace parkhq::enterprise
