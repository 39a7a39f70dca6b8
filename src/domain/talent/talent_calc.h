// Pure computations of the talent database and rewards (docs/talent.md gives the rules in Chinese):
// the demand summary (by major, education, industry group), the share of 支企/就业见习 places at
// high-tech enterprises, suggested matches of candidates to posts, and the yearly reward totals.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/talent/talent.h"

namespace parkhq::talent {

struct DemandBucket {
  std::string key;    // major text, education code or industry group code ("" → 未注明)
  int64_t posts = 0;
  int64_t headcount = 0;
};

struct DemandSummary {
  int64_t posts = 0;
  int64_t headcount = 0;
  std::vector<DemandBucket> by_major, by_education, by_industry;  // headcount desc, then key
};

// Sums the posts given (the caller passes the open ones).
DemandSummary SummarizeDemand(const std::vector<Post>& posts);

struct ProgramShare {
  std::string program;  // support | internship | all (both together)
  int64_t places = 0;
  int64_t high_tech_places = 0;
  std::optional<double> high_tech_pct;  // high_tech_places / places × 100; nullopt when places = 0
};

// Places (headcount) of posts whose program is support or internship, and how many of them are at
// enterprises with a valid high-tech flag. Posts with status closed (withdrawn) do not count.
std::vector<ProgramShare> ProgramShares(const std::vector<Post>& posts);

struct Match {
  int64_t post_id = 0;
  int64_t candidate_id = 0;
  int score = 0;                     // 0–100
  std::vector<std::string> reasons;  // Chinese, one per point-giving rule
};

// Whether candidate `c` fits post `p` and how well (nullopt: it does not). The rule:
// required — the candidate is available, the post open; education rank ≥ the post's; experience ≥
// the post's; expected salary ≤ the post's maximum when both are given; the majors compatible
// (the post names none, or one contains the other).
// score — major 40 (same) / 25 (one contains the other) / 10 (post names none); +30 when one of
// the candidate's skills appears in the post's title, major or note; +20 when the education is
// exactly the level asked, +10 when higher; +10 for an urgent post.
std::optional<Match> MatchOne(const Post& p, const Candidate& c);
// Every fitting pair, at most `per_post` best per post; score desc, then post id, candidate id.
std::vector<Match> SuggestMatches(const std::vector<Post>& posts, const std::vector<Candidate>& candidates,
                                  int per_post = 5);

// Splits a skills text on 、 ， , ; ； and spaces; drops empty pieces.
std::vector<std::string> SplitSkills(const std::string& s);

struct RewardTotal {
  int64_t type_id = 0;
  std::string type_name;
  int64_t count = 0;
  double amount = 0;  // 万元
};

struct RewardYear {
  std::vector<RewardTotal> by_type;  // type name order of first appearance
  int64_t count = 0;
  double amount = 0;  // 万元
};

// Totals of the approved applications among `apps` (their amount_approved).
RewardYear RewardTotals(const std::vector<RewardApplication>& apps);

}  // namespace parkhq::talent
