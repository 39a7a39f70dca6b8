// Value types of the management loop (issue 19): plans, assessment items of the breakdown
// (考核指标任务分解表), progress reports (台账), supervision orders (督办单), leaders' instructions
// (批示) and assessment bonuses. Plain values; validation in task_service.cc.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/task/status_calc.h"

namespace parkhq::task {

struct Plan {
  int64_t id = 0;
  int64_t park_id = 0;
  int year = 0;
  std::string title;
  std::string doc_no;
  bool is_current = false;
};

// A task of a plan as the plan's editor sees it (实施方案的任务): number, group, title, content, note and
// its lead and responsible units (ids).
struct PlanTask {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t park_id = 0;
  int no = 0;
  std::string group;
  std::string title;
  std::string content;
  std::string note;
  std::vector<int64_t> lead_unit_ids;
  std::vector<int64_t> responsible_unit_ids;
};

// A task as the loop needs it: its park, plan year and units (ids).
struct TaskRef {
  int64_t id = 0;
  int64_t park_id = 0;
  int no = 0;
  int plan_year = 0;
  std::string title;
  std::vector<int64_t> lead_unit_ids;
  std::vector<int64_t> responsible_unit_ids;
};

// A parcel (地块) an item is linked to: its park and the dates of its stages (land module).
struct ParcelFacts {
  int64_t park_id = 0;
  std::optional<Date> approved, supplied, actual_start, halted_since, completed, production;
};

struct Item {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t task_id = 0;
  int task_no = 0;
  std::string content;
  std::optional<double> target_value;
  std::string target_unit;
  std::string milestone;
  double weight = 0;
  Date start;
  Date deadline;
  Frequency frequency = Frequency::kMonthly;
  std::string evidence;
  std::string link_kind;  // "" | "indicator"
  std::string link_ref;   // indicator code
  std::optional<int64_t> link_park_id;
  std::vector<int64_t> lead_unit_ids;
  std::vector<int64_t> responsible_unit_ids;
  bool is_demo = false;
};

enum class ReportState { kSubmitted, kAccepted, kReturned };
const char* ReportStateCode(ReportState s);  // submitted | accepted | returned

struct Report {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t item_id = 0;
  int64_t unit_id = 0;
  std::string period;
  std::string text;
  std::optional<double> value;
  std::optional<double> progress_pct;
  ReportState state = ReportState::kSubmitted;
  std::string review_comment;
  std::string reviewed_by;
  std::string created_by;
  std::string created_at;
  bool is_demo = false;
};

struct SupervisionUnit {
  int64_t unit_id = 0;
  std::string state = "assigned";  // assigned | received | done | confirmed | returned
  std::string received_at;
  std::string assignee;
  std::string done_at;
  std::string done_text;
  std::string evidence;
  std::string confirmed_at;
};

struct SupervisionEvent {
  int64_t id = 0;
  std::optional<int64_t> unit_id;
  std::string kind;
  std::string text;
  std::string at;
  std::string username;
};

struct Supervision {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string no;
  std::string title;
  std::string content;
  Date deadline;
  std::string source_kind;  // "" | task_item | warning | project | meeting | instruction
  std::string source_id;
  std::string source_text;
  std::string state = "open";  // open | closed
  std::string issued_by;
  std::string issued_at;
  std::string closed_at;
  std::optional<Date> ext_deadline;  // a pending extension request
  std::string ext_reason;
  std::optional<int64_t> ext_unit_id;
  std::vector<SupervisionUnit> units;
  std::vector<SupervisionEvent> events;
  bool is_demo = false;
};

struct Instruction {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string target_kind;  // warning | project | task_item | report
  std::string target_id;
  std::string text;
  std::string created_by;
  std::string created_at;
};

// A dispatch meeting (调度会). Its decisions are supervisions with source_kind "meeting".
struct Meeting {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string title;
  Date held_on;
  std::string chair;
  std::vector<std::string> units;  // attending
  std::string agenda;              // one point per line
  std::string minutes;
  std::string created_by;
  std::string created_at;
  bool is_demo = false;
};

struct Bonus {
  int64_t id = 0;
  int64_t park_id = 0;
  int year = 0;
  int64_t unit_id = 0;
  double points = 0;
  std::string reason;
  std::string evidence;
  std::string created_by;
  std::string created_at;
};

}  // namespace parkhq::task
