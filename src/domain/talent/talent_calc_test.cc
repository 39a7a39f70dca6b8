#include "domain/talent/talent_calc.h"

#include <gtest/gtest.h>

namespace parkhq::talent {
namespace {

Post MakePost(int64_t id, std::string major, std::string edu, int64_t heads, std::string program, bool high_tech) {
  Post p;
  p.id = id;
  p.post = "化工工艺工程师";
  p.major = std::move(major);
  p.education = std::move(edu);
  p.headcount = heads;
  p.program = std::move(program);
  p.high_tech = high_tech;
  p.leading_group = high_tech ? "coal_chemical" : "power";
  return p;
}

Candidate MakeCandidate(int64_t id, std::string major, std::string edu, std::string skills) {
  Candidate c;
  c.id = id;
  c.major = std::move(major);
  c.education = std::move(edu);
  c.skills = std::move(skills);
  return c;
}

TEST(TalentCalcTest, DemandSummedByMajorEducationAndIndustry) {
  const std::vector<Post> posts = {MakePost(1, "化学工程", "bachelor", 3, "none", true),
                                   MakePost(2, "化学工程", "college", 2, "none", false),
                                   MakePost(3, "电气自动化", "college", 4, "none", false)};
  const DemandSummary s = SummarizeDemand(posts);
  EXPECT_EQ(s.posts, 3);
  EXPECT_EQ(s.headcount, 9);
  ASSERT_EQ(s.by_major.size(), 2u);
  EXPECT_EQ(s.by_major[0].key, "化学工程");  // 5 before 4
  EXPECT_EQ(s.by_major[0].headcount, 5);
  EXPECT_EQ(s.by_major[0].posts, 2);
  ASSERT_EQ(s.by_education.size(), 2u);
  EXPECT_EQ(s.by_education[0].key, "college");
  EXPECT_EQ(s.by_education[0].headcount, 6);
  ASSERT_EQ(s.by_industry.size(), 2u);
  EXPECT_EQ(s.by_industry[0].key, "power");
  EXPECT_EQ(s.by_industry[0].headcount, 6);
}

TEST(TalentCalcTest, HighTechShareOfSupportAndInternshipPlaces) {
  std::vector<Post> posts = {MakePost(1, "", "none", 3, "support", true), MakePost(2, "", "none", 1, "support", false),
                             MakePost(3, "", "none", 4, "internship", false),
                             MakePost(4, "", "none", 9, "none", true),  // not a program post
                             MakePost(5, "", "none", 7, "internship", true)};
  posts[4].status = "closed";  // withdrawn: not counted
  const auto shares = ProgramShares(posts);
  ASSERT_EQ(shares.size(), 3u);
  EXPECT_EQ(shares[0].places, 4);
  EXPECT_EQ(shares[0].high_tech_places, 3);
  EXPECT_DOUBLE_EQ(*shares[0].high_tech_pct, 75.0);
  EXPECT_EQ(shares[1].places, 4);
  EXPECT_DOUBLE_EQ(*shares[1].high_tech_pct, 0.0);
  EXPECT_EQ(shares[2].places, 8);
  EXPECT_DOUBLE_EQ(*shares[2].high_tech_pct, 37.5);
  EXPECT_FALSE(ProgramShares({})[2].high_tech_pct.has_value());
}

TEST(TalentCalcTest, MatchRuleScoresAndRefusals) {
  Post p = MakePost(1, "化学工程", "bachelor", 2, "none", false);
  p.urgency = "urgent";
  // Same major (40) + skill "化工工艺" in the title (30) + exact education (20) + urgent (10).
  auto m = MatchOne(p, MakeCandidate(7, "化学工程", "bachelor", "化工工艺、DCS操作"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->score, 100);
  EXPECT_EQ(m->reasons.size(), 4u);
  // Related major (25) + higher education (10) + urgent (10), no skill.
  m = MatchOne(p, MakeCandidate(8, "化学工程与工艺", "master", "英语"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->score, 45);
  // Refusals: lower education, other major, not available, too little experience, salary too high.
  EXPECT_FALSE(MatchOne(p, MakeCandidate(9, "化学工程", "college", "")));
  EXPECT_FALSE(MatchOne(p, MakeCandidate(9, "会计", "bachelor", "")));
  Candidate c = MakeCandidate(9, "化学工程", "bachelor", "");
  c.status = "placed";
  EXPECT_FALSE(MatchOne(p, c));
  c.status = "available";
  p.experience_years = 3;
  c.experience_years = 2;
  EXPECT_FALSE(MatchOne(p, c));
  c.experience_years = 3;
  p.salary_max = 8000;
  c.expected_salary = 9000;
  EXPECT_FALSE(MatchOne(p, c));
  c.expected_salary = 8000;
  EXPECT_TRUE(MatchOne(p, c));
}

TEST(TalentCalcTest, SuggestionsBestFirstCappedPerPost) {
  const std::vector<Post> posts = {MakePost(1, "", "none", 1, "none", false)};
  std::vector<Candidate> cs;
  for (int i = 1; i <= 4; ++i) cs.push_back(MakeCandidate(i, "x", i % 2 ? "none" : "college", ""));
  const auto ms = SuggestMatches(posts, cs, 3);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].candidate_id, 1);  // exact education 30 before higher 20
  EXPECT_EQ(ms[0].score, 30);
  EXPECT_EQ(ms[1].candidate_id, 3);
  EXPECT_EQ(ms[2].score, 20);
}

TEST(TalentCalcTest, RewardTotalsCountApprovedOnly) {
  auto app = [](int64_t type, const char* name, double amount, const char* state) {
    RewardApplication a;
    a.type_id = type;
    a.type_name = name;
    a.amount_approved = amount;
    a.state = state;
    return a;
  };
  const std::vector<RewardApplication> apps = {app(1, "绿色工厂", 20, "approved"), app(2, "新入规", 10, "approved"),
                                               app(1, "绿色工厂", 15.5, "approved"),
                                               app(1, "绿色工厂", 99, "rejected")};
  const RewardYear y = RewardTotals(apps);
  EXPECT_EQ(y.count, 3);
  EXPECT_DOUBLE_EQ(y.amount, 45.5);
  ASSERT_EQ(y.by_type.size(), 2u);
  EXPECT_EQ(y.by_type[0].count, 2);
  EXPECT_DOUBLE_EQ(y.by_type[0].amount, 35.5);
}

TEST(TalentCalcTest, SkillsSplitOnChineseAndAsciiSeparators) {
  EXPECT_EQ(SplitSkills("焊接、电工，PLC, CAD;;  安全"),
            (std::vector<std::string>{"焊接", "电工", "PLC", "CAD", "安全"}));
}

}  // namespace
}  // namespace parkhq::talent
