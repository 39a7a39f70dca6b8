#include "domain/risk/risk.h"

#include <gtest/gtest.h>

#include "domain/risk/retrofit.h"

namespace parkhq::risk {
namespace {

RiskItem Permit(std::optional<Date> expiry) {
  RiskItem it;
  it.kind = "permit";
  it.enterprise_id = 1;
  it.name = "排污许可证";
  it.level = "environment";
  it.expiry_date = expiry;
  return it;
}

TEST(RiskProfile, PermitExpiryAtItsBoundaries) {
  const Date today{2024, 3, 1};
  struct Case {
    int64_t days;
    const char* state;
  } cases[] = {{-1, "expired"}, {0, "expiring"}, {60, "expiring"}, {61, "valid"}};
  for (const auto& c : cases) {
    const RiskItem it = Permit(today.AddDays(c.days));
    EXPECT_EQ(ExpiryState(it, today), c.state) << c.days;
    EXPECT_EQ(*DaysToExpiry(it, today), c.days);
  }
  EXPECT_EQ(ExpiryState(Permit(std::nullopt), today), "");
}

TEST(RiskProfile, PlanRevisionDueAfterThreeYears) {
  RiskItem plan;
  plan.kind = "plan";
  plan.revised_on = Date{2021, 3, 1};
  EXPECT_FALSE(PlanRevisionDue(plan, Date{2024, 2, 29}));
  EXPECT_TRUE(PlanRevisionDue(plan, Date{2024, 3, 1}));
}

TEST(RiskProfile, ValidationNamesTheField) {
  struct Case {
    const char* what;
    RiskItem item;
    const char* field;
  };
  RiskItem ok = Permit(Date{2030, 1, 1});
  std::vector<Case> cases;
  auto with = [&](const char* what, auto change, const char* field) {
    RiskItem it = ok;
    change(it);
    cases.push_back({what, it, field});
  };
  with("no name", [](RiskItem& i) { i.name.clear(); }, "name");
  with("no expiry", [](RiskItem& i) { i.expiry_date.reset(); }, "expiry_date");
  with("bad level", [](RiskItem& i) { i.level = "fire"; }, "level");
  with("no enterprise", [](RiskItem& i) { i.enterprise_id.reset(); }, "enterprise_id");
  with("veto on a permit", [](RiskItem& i) { i.veto = true; }, "veto");
  with("hazard level 5", [](RiskItem& i) { i.kind = "hazard_source"; i.level = "5"; }, "level");
  with("chemical without quantity", [](RiskItem& i) { i.kind = "chemical"; }, "quantity");
  with("negative quantity", [](RiskItem& i) { i.kind = "chemical"; i.quantity = -1; }, "quantity");
  with("team without phone", [](RiskItem& i) { i.kind = "team"; i.enterprise_id.reset(); }, "contact_phone");
  with("drill without date", [](RiskItem& i) { i.kind = "drill"; }, "event_date");
  with("plan without revision", [](RiskItem& i) { i.kind = "plan"; i.level = "park"; }, "revised_on");
  with("unknown kind", [](RiskItem& i) { i.kind = "rocket"; }, "kind");
  EXPECT_TRUE(ValidateItem(ok).ok());
  for (const auto& c : cases) {
    const Status s = ValidateItem(c.item);
    ASSERT_TRUE(s.IsValidation()) << c.what;
    bool found = false;
    for (const auto& d : s.details()) found = found || d.field == c.field;
    EXPECT_TRUE(found) << c.what << ": " << s.ToString();
  }
}

TEST(RiskProfile, SummaryCountsMajorSourcesAndWarnings) {
  const Date today{2024, 3, 1};
  std::vector<RiskItem> items;
  for (const char* level : {"1", "2", "3"}) {
    RiskItem h;
    h.kind = "hazard_source";
    h.level = level;
    items.push_back(h);
  }
  items.push_back(Permit(today.AddDays(-5)));
  items.push_back(Permit(today.AddDays(10)));
  items.push_back(Permit(today.AddDays(100)));
  RiskItem acc;
  acc.kind = "accident";
  acc.veto = true;
  items.push_back(acc);
  const ProfileSummary s = SummarizeProfile(Profile{}, items, today);
  EXPECT_EQ(s.hazard_sources, 3);
  EXPECT_EQ(s.major_sources, 2);
  EXPECT_EQ(s.permits, 3);
  EXPECT_EQ(s.permits_expired, 1);
  EXPECT_EQ(s.permits_expiring, 1);
  EXPECT_EQ(s.accidents, 1);
  EXPECT_EQ(s.vetoes, 1);
}

TEST(RiskRetrofit, OverdueAndValidation) {
  Retrofit r;
  r.enterprise_id = 3;
  r.kind = "elimination";
  r.name = "淘汰燃煤锅炉";
  r.status = "in_progress";
  r.deadline = Date{2024, 1, 31};
  EXPECT_TRUE(ValidateRetrofit(r).ok());
  EXPECT_FALSE(RetrofitOverdue(r, Date{2024, 1, 31}));
  EXPECT_TRUE(RetrofitOverdue(r, Date{2024, 2, 1}));
  r.status = "completed";
  EXPECT_FALSE(RetrofitOverdue(r, Date{2024, 2, 1}));
  EXPECT_TRUE(ValidateRetrofit(r).IsValidation());  // completed needs completed_on
  r.completed_on = Date{2024, 1, 20};
  EXPECT_TRUE(ValidateRetrofit(r).ok());
}

}  // namespace
}  // namespace parkhq::risk
