// The organization: regions → parks → sub-parks, units (departments, the operating company) and
// the plan's key tasks with their lead and responsible units.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parkhq {

struct Region {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> parent_id;
  std::string level;  // province | city | county
};

struct Park {
  int64_t id = 0;
  int64_t region_id = 0;
  std::optional<int64_t> parent_id;  // set for a sub-park
  std::string name;
  bool is_demo = false;
};

struct Unit {
  int64_t id = 0;
  int64_t region_id = 0;
  std::string name;
  std::string kind;  // park_committee | department | company | bank (issue 16: a bank's contact persons)
};

struct Task {
  int64_t id = 0;
  int64_t park_id = 0;
  int no = 0;
  std::string group;
  std::string title;
  std::string note;
  std::vector<std::string> lead_units;
  std::vector<std::string> responsible_units;
};

struct NewPark {
  std::string name;
  std::optional<int64_t> region_id;
  std::optional<int64_t> parent_id;
};

}  // namespace parkhq
