#include "domain/talent/talent_calc.h"

#include <algorithm>
#include <map>

namespace parkhq::talent {

namespace {

void Add(std::map<std::string, DemandBucket>& m, const std::string& key, const Post& p) {
  DemandBucket& b = m[key];
  b.key = key;
  b.posts += 1;
  b.headcount += p.headcount;
}

std::vector<DemandBucket> Sorted(const std::map<std::string, DemandBucket>& m) {
  std::vector<DemandBucket> out;
  for (const auto& [k, b] : m) out.push_back(b);
  std::stable_sort(out.begin(), out.end(),
                   [](const DemandBucket& a, const DemandBucket& b) { return a.headcount > b.headcount; });
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return !needle.empty() && hay.find(needle) != std::string::npos;
}

}  // namespace

DemandSummary SummarizeDemand(const std::vector<Post>& posts) {
  DemandSummary s;
  std::map<std::string, DemandBucket> major, edu, industry;
  for (const Post& p : posts) {
    s.posts += 1;
    s.headcount += p.headcount;
    Add(major, p.major, p);
    Add(edu, p.education, p);
    Add(industry, p.leading_group, p);
  }
  s.by_major = Sorted(major);
  s.by_education = Sorted(edu);
  s.by_industry = Sorted(industry);
  return s;
}

std::vector<ProgramShare> ProgramShares(const std::vector<Post>& posts) {
  std::vector<ProgramShare> out(3);
  out[0].program = "support";
  out[1].program = "internship";
  out[2].program = "all";
  for (const Post& p : posts) {
    if (p.status == "closed" || (p.program != "support" && p.program != "internship")) continue;
    ProgramShare& one = p.program == "support" ? out[0] : out[1];
    for (ProgramShare* x : {&one, &out[2]}) {
      x->places += p.headcount;
      if (p.high_tech) x->high_tech_places += p.headcount;
    }
  }
  for (ProgramShare& x : out)
    if (x.places > 0) x.high_tech_pct = 100.0 * static_cast<double>(x.high_tech_places) / static_cast<double>(x.places);
  return out;
}

std::vector<std::string> SplitSkills(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  static const std::vector<std::string> kSeps = {"、", "，", "；", ",", ";", " "};
  for (size_t i = 0; i < s.size();) {
    bool sep = false;
    for (const std::string& x : kSeps)
      if (s.compare(i, x.size(), x) == 0) {
        flush();
        i += x.size();
        sep = true;
        break;
      }
    if (!sep) cur += s[i++];
  }
  flush();
  return out;
}

std::optional<Match> MatchOne(const Post& p, const Candidate& c) {
  if (c.status != "available" || p.status != "open") return std::nullopt;
  const int want = EducationRank(p.education), has = EducationRank(c.education);
  if (want < 0 || has < want) return std::nullopt;
  if (c.experience_years < p.experience_years) return std::nullopt;
  if (c.expected_salary && p.salary_max && *c.expected_salary > *p.salary_max) return std::nullopt;
  Match m;
  m.post_id = p.id;
  m.candidate_id = c.id;
  if (p.major.empty()) {
    m.score += 10;
    m.reasons.push_back("岗位不限专业");
  } else if (c.major == p.major) {
    m.score += 40;
    m.reasons.push_back("专业相同");
  } else if (Contains(c.major, p.major) || Contains(p.major, c.major)) {
    m.score += 25;
    m.reasons.push_back("专业相近");
  } else {
    return std::nullopt;
  }
  for (const std::string& skill : SplitSkills(c.skills))
    if (Contains(p.post, skill) || Contains(p.major, skill) || Contains(p.note, skill)) {
      m.score += 30;
      m.reasons.push_back("技能“" + skill + "”符合岗位");
      break;
    }
  if (has == want) {
    m.score += 20;
    m.reasons.push_back("学历符合");
  } else {
    m.score += 10;
    m.reasons.push_back("学历高于要求");
  }
  if (p.urgency == "urgent") {
    m.score += 10;
    m.reasons.push_back("急需岗位");
  }
  return m;
}

std::vector<Match> SuggestMatches(const std::vector<Post>& posts, const std::vector<Candidate>& candidates,
                                  int per_post) {
  std::vector<Match> out;
  for (const Post& p : posts) {
    std::vector<Match> mine;
    for (const Candidate& c : candidates)
      if (auto m = MatchOne(p, c)) mine.push_back(std::move(*m));
    std::stable_sort(mine.begin(), mine.end(), [](const Match& a, const Match& b) { return a.score > b.score; });
    if (static_cast<int>(mine.size()) > per_post) mine.resize(static_cast<size_t>(per_post));
    out.insert(out.end(), mine.begin(), mine.end());
  }
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.post_id != b.post_id) return a.post_id < b.post_id;
    return a.candidate_id < b.candidate_id;
  });
  return out;
}

RewardYear RewardTotals(const std::vector<RewardApplication>& apps) {
  RewardYear y;
  for (const RewardApplication& a : apps) {
    if (a.state != "approved") continue;
    const double amount = a.amount_approved.value_or(0);
    auto it = std::find_if(y.by_type.begin(), y.by_type.end(),
                           [&](const RewardTotal& t) { return t.type_id == a.type_id; });
    if (it == y.by_type.end()) {
      RewardTotal t;
      t.type_id = a.type_id;
      t.type_name = a.type_name;
      it = y.by_type.insert(y.by_type.end(), t);
    }
    it->count += 1;
    it->amount += amount;
    y.count += 1;
    y.amount += amount;
  }
  return y;
}

}  // namespace parkhq::talent
