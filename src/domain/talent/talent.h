// Talent demand (人才需求信息库, plan task 18) and rewards and subsidies (奖补): value types and the
// code lists they use (issue 13 items 3 and 4). Pure values: no HTTP, JSON or SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace parkhq::talent {

// Education levels, lowest first: none (不限) secondary (中专/高中) college (大专) bachelor (本科)
// master (硕士) doctor (博士). Rank −1 for an unknown code.
int EducationRank(std::string_view code);
const char* EducationNameZh(std::string_view code);  // "" for an unknown code
// none (普通招聘) | support (支企) | internship (就业见习)
bool IsProgram(std::string_view code);
const char* ProgramNameZh(std::string_view code);
bool IsUrgency(std::string_view code);          // normal | urgent
bool IsPostStatus(std::string_view code);       // open | filled | closed
bool IsCandidateStatus(std::string_view code);  // available | placed | withdrawn

// One need an enterprise posts. Salaries in 元/月 (a monthly wage, not 万元).
struct Post {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_name;  // read-only, from the registry
  std::string leading_group;    // read-only: the enterprise's industry group code
  bool high_tech = false;       // read-only: a valid high_tech flag on the day the post was made
  std::string post;
  int64_t headcount = 1;
  std::string major;
  std::string education = "none";
  int64_t experience_years = 0;
  std::optional<double> salary_min, salary_max;
  std::string urgency = "normal";
  std::string program = "none";
  std::optional<std::string> until;  // YYYY-MM-DD
  std::string status = "open";
  std::string note;
  bool is_demo = false;
  std::string created_by, created_at, updated_at;
};

struct Candidate {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;
  std::string education = "none";
  std::string major;
  std::string skills;
  int64_t experience_years = 0;
  std::optional<double> expected_salary;  // 元/月
  std::string status = "available";
  std::string note;
  bool is_demo = false;
  std::string created_by, created_at, updated_at;
};

struct RewardType {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string code;
  std::string name;
  std::optional<double> amount;  // 万元; nullopt: by rule
  std::string rule;
  std::optional<int64_t> unit_id;  // the unit that reviews (NULL: park staff)
  std::string unit_name;           // read-only
  std::string flag;                // related enterprise flag, "" for none
  bool active = true;
  bool is_demo = false;
  std::string created_at, updated_at;
};

// submitted | approved | rejected
struct RewardApplication {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_name;  // read-only
  int64_t type_id = 0;
  std::string type_name;                 // read-only
  std::optional<int64_t> type_unit_id;   // read-only: who reviews
  std::string type_flag;                 // read-only
  int64_t year = 0;
  double amount_requested = 0;  // 万元
  std::optional<double> amount_approved;
  std::string state = "submitted";
  std::string note;
  std::string review_reason;
  std::string reviewed_at, reviewed_by;
  bool is_demo = false;
  std::string created_by, created_at, updated_at;
  // Read-only links: the enterprise's flags (held at some time in the application's year) and its
  // class in the latest published evaluation of the application's year or before.
  std::vector<std::string> flags;
  std::optional<std::string> eval_class;
  std::optional<int64_t> eval_year;
  int64_t files = 0;
};

struct RewardFile {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t application_id = 0;
  std::string filename, content_type;
  int64_t size = 0;
  std::string sha256, created_by, created_at;
};

// The field problems of a post or a candidate (empty: valid). Pure; the services refuse with them.
std::vector<FieldError> PostProblems(const Post& p);
std::vector<FieldError> CandidateProblems(const Candidate& c);

}  // namespace parkhq::talent
