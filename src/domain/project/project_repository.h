// What the project module needs from storage: projects with their plans and monthly reports,
// the stage log, the checklist / problem / milestone lists, the funds-in-place target, and the
// monthly completed investment for the monitoring module. Every write records its audit row in
// the same transaction. Implemented once in portable SQL (storage/project/).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/project/admission.h"
#include "domain/project/project.h"
#include "domain/project/stage_rules.h"

namespace parkhq::project {

// A project with the fields the pipeline rules do not use: investor, chain link, "三个一".
struct ProjectRecord {
  Project core;
  std::string investor;                   // 投资主体
  std::optional<int64_t> lead_id;         // the CRM lead it came from
  std::string industry;                   // 所属产业
  std::optional<int64_t> chain_link_id;   // 产业链环节
  std::string parcel_ref;                 // 地块
  std::string content;                    // 建设内容
  std::string responsible_leader;         // 包抓领导
  std::optional<int64_t> responsible_unit_id;  // 责任单位
  std::string responsible_unit_name;      // read only (joined)
  std::string responsible_team;           // 工作专班
  std::string contact_person;
  std::string suspend_reason;
  std::string terminate_reason;
  std::string note;
  bool is_demo = false;
  std::string created_at, updated_at;
};

struct ProjectFilter {
  std::vector<int64_t> park_ids;          // required: the parks in scope (top-level ids)
  std::optional<int64_t> sub_park_id;
  std::optional<Stage> stage;
  std::optional<Kind> kind;
  std::optional<int64_t> chain_link_id;
  std::optional<int64_t> responsible_unit_id;
  std::string q;                          // name or investor contains
  std::optional<int> plan_year;           // has an annual plan of this year
  std::optional<bool> suspended, terminated;
  // id | name | total_investment | contracted_investment | stage | planned_started | updated_at;
  // a leading '-' sorts descending.
  std::string sort = "id";
  int64_t offset = 0;
  int64_t limit = 20;  // <= 0: all
};

struct ProjectPage {
  std::vector<ProjectRecord> items;  // without monthly reports (plans included)
  int64_t total = 0;
};

struct StageLogEntry {
  int64_t id = 0;
  std::string at;
  std::string username;
  std::string change_type;  // create | forward | backward | resume | suspend | lift_suspension | terminate | import
  std::optional<Stage> from, to;
  std::optional<Date> date;
  std::string reason;
  bool override_used = false;
};

struct Milestone {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string title;
  std::optional<Date> planned_date, actual_date;
  std::string note;
  int sort = 0;
};

struct ApprovalItem {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string item;              // 立项/备案, 环评 ...
  std::string status = "pending";  // pending | in_progress | done | not_needed
  std::optional<Date> deadline, done_on;
  bool tolerance_acceptance = false;  // 容缺受理
  bool commitment = false;            // 告知承诺
  std::string agent;                  // 领办帮办代办
  std::string note;
  int sort = 0;
};

struct Problem {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string issue;
  Date raised_on;
  std::string responsible_unit;
  std::optional<Date> deadline;
  std::string status = "open";  // open | in_progress | resolved
  std::string resolution;
  std::optional<Date> resolved_on;
};

// Monthly completed investment per park: park id → 12 months (nullopt = nothing reported).
using MonthlyByPark = std::map<int64_t, std::array<std::optional<double>, 12>>;

class ProjectRepository {
 public:
  virtual ~ProjectRepository() = default;

  // Inserts the project with its plans and monthly reports, a "create" stage-log row and the
  // audit row. Returns the new id.
  virtual StatusOr<int64_t> Create(const ProjectRecord& p, const Scope& who) = 0;
  // The project with plans, monthly reports and 复工 dates; nullopt when it does not exist.
  virtual StatusOr<std::optional<ProjectRecord>> Find(int64_t id) = 0;
  // Overwrites the editable fields and the annual plans (stage and actual dates untouched).
  virtual Status Update(const ProjectRecord& p, const Scope& who) = 0;
  virtual StatusOr<ProjectPage> List(const ProjectFilter& f) = 0;
  // Every project of these parks (or of a sub-park when set) with plans and monthly reports:
  // what the rates, lights and analytics read.
  virtual StatusOr<std::vector<Project>> LoadForRates(const std::vector<int64_t>& park_ids,
                                                      std::optional<int64_t> sub_park_id) = 0;
  // Writes the project's stage, actual dates, flags and 复工 dates after a change, and the log.
  virtual Status SaveStageChange(const Project& after, const StageLogEntry& log, const Scope& who) = 0;
  virtual StatusOr<std::vector<StageLogEntry>> StageLog(int64_t project_id) = 0;
  // Inserts or replaces one month's report.
  virtual Status UpsertMonthly(int64_t project_id, int64_t park_id, const MonthlyInvestment& m,
                               const Scope& who) = 0;
  // Sum of the parks' targets `funds_in_place` of the year; nullopt when none is set.
  virtual StatusOr<std::optional<double>> FundsInPlaceTarget(const std::vector<int64_t>& park_ids,
                                                             int year) = 0;
  // Monthly completed investment summed per park (monitoring's fai source).
  virtual StatusOr<MonthlyByPark> MonthlyCompletedInvestment(const std::vector<int64_t>& park_ids,
                                                             int year) = 0;

  // Typed settings (settings table, key "projects.<name>"); the park's value, else park 0's, else
  // nullopt. SaveSettings writes all of them with the audit row.
  virtual StatusOr<std::map<std::string, double>> Settings(int64_t park_id) = 0;
  virtual Status SaveSettings(int64_t park_id, const std::map<std::string, double>& values, const Scope& who) = 0;

  // Child lists. Save* inserts when id == 0, else updates (the item must belong to the project).
  virtual StatusOr<std::vector<Milestone>> Milestones(int64_t project_id) = 0;
  virtual StatusOr<int64_t> SaveMilestone(int64_t park_id, const Milestone& m, const Scope& who) = 0;
  virtual StatusOr<std::vector<ApprovalItem>> Approvals(int64_t project_id) = 0;
  virtual StatusOr<int64_t> SaveApproval(int64_t park_id, const ApprovalItem& a, const Scope& who) = 0;
  virtual StatusOr<std::vector<Problem>> Problems(int64_t project_id) = 0;
  virtual StatusOr<int64_t> SaveProblem(int64_t park_id, const Problem& p, const Scope& who) = 0;
  // The ledger import: inserts `creates` (stage log "import") and overwrites the editable fields
  // and plans of `updates` (ids set), all in one transaction with their audit rows.
  virtual Status ImportProjects(const std::vector<ProjectRecord>& creates, const std::vector<ProjectRecord>& updates,
                                const Scope& who) = 0;
  // entity: "milestone" | "approval" | "problem". NotFound when the row is not the project's.
  virtual Status DeleteChild(const std::string& entity, int64_t project_id, int64_t id,
                             const Scope& who) = 0;
  // Admission review (项目准入评审, issue 15): inserts a decision with its audit row; the
  // project's decisions, newest first (the first is the current one).
  virtual StatusOr<int64_t> SaveAdmission(const Admission& a, const Scope& who) = 0;
  virtual StatusOr<std::vector<Admission>> Admissions(int64_t project_id) = 0;
};

}  // namespace parkhq::project
