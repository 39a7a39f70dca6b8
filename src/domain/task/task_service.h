// Use cases of the management loop: the breakdown items of a plan's tasks, progress reports and
// their review, each item's computed status, a unit's work queue, supervision (督查督办), leaders'
// instructions (批示) and the annual assessment of units. Thread-safe (no mutable state).
// Scope: 404 for data outside the caller's parks (no existence leak), 403 for a caller who may
// read it but not do this (e.g. a department user reporting on another unit's item).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/org/org_repository.h"
#include "domain/task/assessment_calc.h"
#include "domain/task/task_repository.h"

namespace parkhq::task {

struct ItemInput {
  std::string content;
  std::optional<double> target_value;
  std::string target_unit;
  std::string milestone;
  std::optional<double> weight;
  std::vector<std::string> lead_units;         // unit names
  std::vector<std::string> responsible_units;  // unit names
  std::string start;                           // "" = the plan year's 1 January
  std::string deadline;                        // YYYY-MM-DD
  std::string frequency;                       // monthly | quarterly | once
  std::string evidence;
  std::string link_kind;                       // "" | indicator
  std::string link_ref;
  std::optional<int64_t> link_park_id;
};

struct ReportInput {
  std::string text;
  std::optional<double> value;
  std::optional<double> progress_pct;
  std::string period;  // "" = the period containing today
};

// An item with its units and what is computed from its reports or linked data at a date.
struct ItemView {
  Item item;
  std::vector<std::string> lead_units;
  std::vector<std::string> responsible_units;
  std::optional<double> progress;      // completion fraction
  std::optional<double> current_value; // the figure the progress comes from
  std::string progress_source;         // "" | report | indicator | project | pool | parcel
  std::string parcel_stage;            // a parcel link: the parcel's stage code today
  StatusResult status;
  std::vector<std::string> missed_periods;
  bool overdue = false;                // past its deadline and not completed
  int returned_reports = 0;
  std::vector<Report> reports;         // newest first
};

struct SupervisionView {
  Supervision s;
  std::map<int64_t, std::string> unit_names;
  std::string light;  // none | green | yellow | red (closed: none)
  int days_left = 0;  // deadline − today
};

struct WorkQueue {
  std::vector<ItemView> due;       // items due this period without a report for it
  std::vector<ItemView> overdue;   // behind, or with missed periods
  std::vector<Report> returned;    // the unit's returned reports
  std::vector<ItemView> to_review; // reports waiting for this unit as lead unit (items)
  std::vector<SupervisionView> supervision;  // open 督办 assigned to the unit, not done yet
};

struct MeetingView {
  Meeting meeting;
  std::vector<SupervisionView> decisions;  // 交办 items decided at the meeting
};

// What a meeting's agenda can pull in from the loop: items behind and 督办 overdue.
struct AgendaSuggestions {
  int64_t park_id = 0;  // the park resolved for the caller
  std::vector<ItemView> behind_items;
  std::vector<SupervisionView> overdue_supervision;
};

struct AssessmentUnitView {
  UnitScore score;
  std::vector<size_t> items;  // indexes into AssessmentView::items (score.items first)
  std::vector<std::pair<int64_t, std::string>> supervisions;  // 督办 (id, title), scored after the items
  int returned_reports = 0;
  int overdue_supervisions = 0;
};

struct AssessmentView {
  int64_t park_id = 0;
  int year = 0;
  AssessmentSettings settings;
  std::vector<ItemView> items;  // the year's items (owned here; units point into it)
  std::vector<AssessmentUnitView> units;  // by rank
  std::optional<std::string> published_json;  // frozen result when published
};

// The park's current plan (GET /api/v1/tasks answers its tasks): the plan of `year`, else the latest
// plan before it, else the earliest plan (all after it). plans: one park's. nullopt when there is none.
std::optional<int64_t> CurrentPlanId(const std::vector<Plan>& plans, int year);

// Progress of an item linked to a parcel: its stage today (land::StageAt) as a share — planned 0,
// approved 20%, supplied 40%, under construction or halted 60%, completed 80%, producing 100%.
double ParcelProgress(const ParcelFacts& f, Date today, std::string& stage);

class TaskService {
 public:
  TaskService(TaskRepository& repo, OrgRepository& org) : repo_(repo), org_(org) {}

  StatusOr<std::vector<Plan>> ListPlans(const Scope& s) const;
  // plan_service.cc. Copying a plan to another year of its park: its tasks with their units, items with
  // their units (start and deadline shifted by the year difference), no reports; one transaction with
  // audit rows. Park admins of the plan's park (sysadmin included); 409 when the park has that year.
  struct PlanInput {
    std::optional<int> year;
    std::optional<std::string> title;
    std::optional<std::string> doc_no;
  };
  StatusOr<Plan> CopyPlan(const Scope& s, int64_t plan_id, const PlanInput& in) const;
  // plan_tasks.cc. The tasks of a plan, edited by the park's admins: number (unique in the plan,
  // 1–999), group, title (required), content, note, lead and responsible units (names of known units;
  // at least one of either, as some of the plan's tasks name only responsible units). A task with breakdown items cannot be deleted (409).
  struct PlanTaskInput {
    std::optional<int> no;
    std::optional<std::string> group, title, content, note;
    std::optional<std::vector<std::string>> lead_units, responsible_units;
  };
  struct PlanTaskView {
    PlanTask task;
    std::vector<std::string> lead_units, responsible_units;
  };
  StatusOr<std::vector<PlanTaskView>> ListPlanTasks(const Scope& s, int64_t plan_id) const;
  StatusOr<PlanTaskView> CreatePlanTask(const Scope& s, int64_t plan_id, const PlanTaskInput& in) const;
  StatusOr<PlanTaskView> UpdatePlanTask(const Scope& s, int64_t task_id, const PlanTaskInput& in) const;
  Status DeletePlanTask(const Scope& s, int64_t task_id) const;
  // A new year's plan from an imported task list (rows: file row number → task), all or nothing:
  // every row is checked and the errors name rows[N].field; 409 when the park has that year.
  StatusOr<Plan> ImportPlan(const Scope& s, std::optional<int64_t> park_id, const PlanInput& in,
                            const std::vector<std::pair<int, PlanTaskInput>>& rows) const;
  StatusOr<Plan> FindPlan(const Scope& s, int64_t plan_id) const;
  // attachment_service.cc. Attachments of a progress report: uploaded by the report's unit or a park
  // admin (pdf, png, jpg, docx, xlsx by extension and first bytes; at most kMaxAttachmentBytes);
  // listed and downloaded by whoever reads the report.
  StatusOr<Attachment> AddAttachment(const Scope& s, int64_t report_id, const std::string& filename,
                                     const std::string& bytes) const;
  StatusOr<std::vector<Attachment>> ListAttachments(const Scope& s, int64_t report_id) const;
  StatusOr<std::pair<Attachment, std::string>> DownloadAttachment(const Scope& s, int64_t id) const;
  // Title and document number of a plan (the year is fixed: copy to another year instead).
  StatusOr<Plan> UpdatePlan(const Scope& s, int64_t plan_id, const PlanInput& in) const;
  // Items of the parks in scope (or one park), optionally of one task / unit name / status code.
  StatusOr<std::vector<ItemView>> ListItems(const Scope& s, std::optional<int64_t> park_id,
                                            std::optional<int64_t> task_id, const std::string& unit,
                                            const std::string& status) const;
  StatusOr<ItemView> GetItem(const Scope& s, int64_t id) const;
  // Park admins of the task's park and users of its lead units. 422 naming the field.
  StatusOr<ItemView> CreateItem(const Scope& s, int64_t task_id, const ItemInput& in) const;
  StatusOr<ItemView> UpdateItem(const Scope& s, int64_t id, const ItemInput& in) const;
  // Import of a breakdown (park admins): rows of (task number, item), all validated first (errors
  // named "rows[N].field" with N the file's row), then created in one transaction. Returns the count.
  StatusOr<int64_t> ImportItems(const Scope& s, std::optional<int64_t> park_id,
                                const std::vector<std::pair<int, std::pair<int, ItemInput>>>& rows) const;
  Status DeleteItem(const Scope& s, int64_t id) const;

  // A user of one of the item's units (responsible or lead); 403 for others.
  StatusOr<Report> AddReport(const Scope& s, int64_t item_id, const ReportInput& in) const;
  // The item's lead units or the park's admins accept or return (with a comment) a report.
  StatusOr<Report> ReviewReport(const Scope& s, int64_t report_id, bool accept, const std::string& comment) const;

  // The department user's (or a park admin's unit's) work queue.
  StatusOr<WorkQueue> Queue(const Scope& s) const;

  // Supervision (督查督办), supervision_service.cc.
  struct NewSupervision {
    std::optional<int64_t> park_id;
    std::string title;
    std::string content;
    std::vector<std::string> units;
    std::string deadline;
    std::string source_kind;
    std::string source_id;
    std::string source_text;
  };
  StatusOr<SupervisionView> IssueSupervision(const Scope& s, const NewSupervision& in) const;
  StatusOr<std::vector<SupervisionView>> ListSupervisions(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<SupervisionView> GetSupervision(const Scope& s, int64_t id) const;
  // Unit steps: receive (签收), assign (分办, to a staff name), progress (跟踪), done (办结报告),
  // extension (申请延期: reason + new date before... after the current deadline).
  StatusOr<SupervisionView> UnitStep(const Scope& s, int64_t id, const std::string& kind, const std::string& text,
                                     const std::string& evidence, const std::string& new_deadline) const;
  // Issuer steps: confirm (销号) / return a unit's done report, decide a pending extension.
  StatusOr<SupervisionView> IssuerStep(const Scope& s, int64_t id, const std::string& kind,
                                       const std::string& unit, const std::string& text) const;

  // 批示: a leader (or park staff) writes an instruction on a warning, project, task item or report.
  StatusOr<Instruction> AddInstruction(const Scope& s, std::optional<int64_t> park_id, const Instruction& in) const;
  StatusOr<std::vector<Instruction>> ListInstructions(const Scope& s, std::optional<int64_t> park_id) const;

  // Dispatch meetings (调度会), meeting_service.cc. Park admins create and edit; readers read.
  struct NewMeeting {
    std::optional<int64_t> park_id;
    std::string title;
    std::string held_on;
    std::string chair;
    std::vector<std::string> units;
    std::string agenda;
    std::string minutes;
  };
  StatusOr<MeetingView> CreateMeeting(const Scope& s, const NewMeeting& in) const;
  StatusOr<MeetingView> UpdateMeeting(const Scope& s, int64_t id, const NewMeeting& in) const;
  StatusOr<std::vector<Meeting>> ListMeetings(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<MeetingView> GetMeeting(const Scope& s, int64_t id) const;
  // A decision becomes a 督办单 with the meeting as its source.
  StatusOr<SupervisionView> AddDecision(const Scope& s, int64_t meeting_id, NewSupervision in) const;
  StatusOr<AgendaSuggestions> Suggestions(const Scope& s, std::optional<int64_t> park_id) const;

  // Assessment (考核评价), assessment_service.cc.
  StatusOr<AssessmentView> Assessment(const Scope& s, std::optional<int64_t> park_id, int year) const;
  StatusOr<AssessmentSettings> GetSettings(const Scope& s, std::optional<int64_t> park_id, int year) const;
  Status PutSettings(const Scope& s, std::optional<int64_t> park_id, int year, const AssessmentSettings& v) const;
  StatusOr<Bonus> AddBonus(const Scope& s, std::optional<int64_t> park_id, int year, const std::string& unit,
                           double points, const std::string& reason, const std::string& evidence) const;
  Status Publish(const Scope& s, int64_t park_id, int year, const std::string& result_json) const;

  // The park a request acts on: the given one (404 outside the scope) or the caller's first
  // top-level park.
  StatusOr<int64_t> ResolvePark(const Scope& s, std::optional<int64_t> park_id) const;

 private:
  StatusOr<std::map<int64_t, std::string>> UnitNames() const;
  StatusOr<std::vector<int64_t>> ResolveUnits(const std::vector<std::string>& names, const std::string& field,
                                              std::vector<FieldError>& errors) const;
  StatusOr<ItemView> View(const Item& i, const std::vector<Report>& reports, const std::map<int64_t, std::string>& names,
                          Date today) const;
  StatusOr<std::vector<ItemView>> Views(const std::vector<int64_t>& parks, Date today) const;
  StatusOr<Item> CheckItem(const TaskRef& t, const ItemInput& in, Item base) const;
  StatusOr<SupervisionView> SupView(const Supervision& s) const;
  StatusOr<std::vector<int64_t>> ReadableParks(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<Meeting> CheckMeeting(const Scope& s, const NewMeeting& in, Meeting m) const;
  // Applies `in` over `base` and checks it (errors appended, prefixed with `at`).
  StatusOr<PlanTask> CheckPlanTask(const PlanTaskInput& in, PlanTask base, const std::string& at,
                                   std::vector<FieldError>& errors) const;
  StatusOr<PlanTaskView> PlanTaskViewOf(PlanTask t) const;

  TaskRepository& repo_;
  OrgRepository& org_;
};

}  // namespace parkhq::task
