// Safety and environment (issue 14, items 1 and 2): shared facilities with operating records and a
// permit, inspections and hidden hazards (隐患排查治理). Plain value types.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace parkhq::safety {

struct Facility {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;
  std::string kind;       // 污水处理厂 | 危废暂存库 | 事故应急池 | 垃圾填埋场 | … (editable)
  std::string op;         // operator (运营单位)
  std::string unit;       // unit of capacity, load and discharge (吨/日, 吨, 立方米 …)
  std::optional<double> capacity;         // design throughput or storage capacity
  std::optional<double> discharge_limit;  // the permit's discharge limit per record
  std::string permit_no;
  std::optional<Date> permit_expiry;
  double warn_pct = 80;       // warn when a share reaches this percentage
  int permit_warn_days = 60;  // warn when the permit expires within this many days
  bool is_demo = false;
  std::string created_at;
  std::string updated_at;
};

struct FacilityRecord {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t facility_id = 0;
  Date recorded_on;
  double load = 0;                   // inflow, throughput or stored quantity
  std::optional<double> discharge;
  std::string note;
  std::string created_by;
  std::string created_at;
  bool is_demo = false;
};

struct Inspection {
  int64_t id = 0;
  int64_t park_id = 0;
  Date inspected_on;
  std::string inspector;
  std::string place;
  std::optional<int64_t> enterprise_id;
  std::string enterprise_name;
  std::optional<int64_t> facility_id;
  std::string facility_name;
  std::string checklist;
  std::string provider;  // third-party service provider (第三方服务机构)
  std::string notes;
  std::string created_by;
  std::string created_at;
  bool is_demo = false;
  int hazard_count = 0;
  std::string status = "done";  // planned (检查计划: the date is the planned day) | done
};

enum class HazardLevel { kGeneral, kMajor };
enum class HazardState { kOpen, kRectified, kClosed, kReopened };

const char* LevelName(HazardLevel l);    // general | major
const char* LevelNameZh(HazardLevel l);  // 一般 | 重大
std::optional<HazardLevel> ParseLevel(const std::string& s);
const char* StateName(HazardState s);    // open | rectified | closed | reopened
const char* StateNameZh(HazardState s);  // 待整改 | 待复查 | 已闭环 | 复查未通过
std::optional<HazardState> ParseState(const std::string& s);

struct Hazard {
  int64_t id = 0;
  int64_t park_id = 0;
  std::optional<int64_t> inspection_id;
  std::optional<int64_t> enterprise_id;
  std::string enterprise_name;
  std::optional<int64_t> facility_id;
  std::string facility_name;
  std::string responsible;  // responsible unit when no enterprise is (e.g. the facility's operator)
  HazardLevel level = HazardLevel::kGeneral;
  std::string category;     // 消防 | 用电 | 危化品 | 环保 | 特种设备 | … (free text)
  std::string description;
  std::string measures;     // required rectification measures (整改措施)
  Date deadline;
  HazardState state = HazardState::kOpen;
  Date found_on;
  std::string found_by;
  std::string rectified_at, rectified_by, rectify_text;
  std::string rechecked_at, rechecked_by, recheck_comment;
  std::optional<Date> closed_on;
  int reopen_count = 0;
  std::optional<int64_t> supervision_id;  // the 督办单 an overdue hazard became
  bool is_demo = false;
  std::string created_at;
  std::string updated_at;
};

struct HazardFile {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t hazard_id = 0;
  std::string stage;  // found | rectified
  std::string sha256;
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string created_by;
  std::string created_at;
};

}  // namespace parkhq::safety
