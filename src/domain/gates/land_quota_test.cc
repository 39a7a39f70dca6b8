#include "domain/gates/land_quota.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parkhq::gates {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2024-06-30");

LandAllocation Alloc(double mu, std::string reason = "") {
  LandAllocation a;
  a.year = 2024;
  a.title = "测试用地";
  a.area_mu = mu;
  a.allocated_on = D("2024-05-01");
  a.exception_reason = std::move(reason);
  return a;
}

TEST(LandQuota, UseAndRemainder) {
  LandQuota q{1, 2024, 300, "", false};
  auto u = ComputeQuotaUse(q, {Alloc(120), Alloc(80.5), Alloc(150, "省重点项目（例外）")});
  EXPECT_DOUBLE_EQ(u.allocated_mu, 350.5);
  EXPECT_DOUBLE_EQ(u.remaining_mu, -50.5);
  EXPECT_NEAR(u.use_pct, 116.83, 0.01);
  EXPECT_EQ(u.exceptions, 1);
  EXPECT_DOUBLE_EQ(ComputeQuotaUse(LandQuota{1, 2024, 0, "", false}, {}).use_pct, 0);
}

TEST(LandQuota, NeverBelowZeroWithoutARecordedException) {
  LandQuota q{1, 2024, 300, "", false};
  auto u = ComputeQuotaUse(q, {Alloc(200)});  // 100 left
  EXPECT_TRUE(CheckAllocation(u, Alloc(100), false, kToday).ok()) << "exactly the remainder fits";
  EXPECT_TRUE(CheckAllocation(ComputeQuotaUse(LandQuota{1, 2024, 0.3, "", false}, {Alloc(0.1)}), Alloc(0.2), false,
                              kToday)
                  .ok())
      << "no floating-point refusal of an exact fit";
  Status over = CheckAllocation(u, Alloc(100.01), true, kToday);
  EXPECT_TRUE(over.IsConflict()) << "even an admin needs a recorded exception";
  EXPECT_TRUE(CheckAllocation(u, Alloc(150, "市政府专题会议纪要〔2024〕12号"), false, kToday).IsConflict())
      << "only park admins record exceptions";
  EXPECT_TRUE(CheckAllocation(u, Alloc(150, "市政府专题会议纪要〔2024〕12号"), true, kToday).ok());
}

TEST(LandQuota, FieldsNamed) {
  auto u = ComputeQuotaUse(LandQuota{1, 2024, 300, "", false}, {});
  struct Case {
    LandAllocation a;
    const char* field;
  } cases[] = {{Alloc(0), "area_mu"}, {Alloc(std::nan("")), "area_mu"}, {Alloc(-3), "area_mu"}};
  for (const auto& c : cases) {
    Status st = CheckAllocation(u, c.a, true, kToday);
    ASSERT_TRUE(st.IsValidation());
    EXPECT_EQ(st.details()[0].field, c.field);
  }
  auto late = Alloc(1);
  late.allocated_on = D("2024-07-01");
  EXPECT_EQ(CheckAllocation(u, late, true, kToday).details()[0].field, "allocated_on");
  auto other_year = Alloc(1);
  other_year.allocated_on = D("2023-12-31");
  EXPECT_EQ(CheckAllocation(u, other_year, true, kToday).details()[0].field, "allocated_on");
  auto untitled = Alloc(1);
  untitled.title.clear();
  EXPECT_EQ(CheckAllocation(u, untitled, true, kToday).details()[0].field, "title");
  EXPECT_EQ(ValidateQuota(LandQuota{1, 2024, -1, "", false}).details()[0].field, "quota_mu");
  EXPECT_TRUE(ValidateQuota(LandQuota{1, 2024, 450, "", false}).ok());
}

}  // namespace
}  // namespace parkhq::gates
