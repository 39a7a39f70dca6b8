// What the management loop needs from storage. Every write runs in one transaction with its audit
// row. Lists take park ids the service has already checked against the caller's scope.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/task/attachments.h"
#include "domain/task/task_loop.h"

namespace parkhq::task {

// One step of a supervision: the new state of the order and of one unit (when set), and the event.
struct SupervisionStep {
  int64_t supervision_id = 0;
  std::optional<int64_t> unit_id;         // the unit row changed (nullopt: every unit row unchanged)
  std::optional<SupervisionUnit> unit;    // its new values
  std::optional<Supervision> order;       // new order-level values (state, deadline, extension)
  std::string event_kind;
  std::string event_text;
};

class TaskRepository {
 public:
  virtual ~TaskRepository() = default;

  virtual StatusOr<std::vector<Plan>> ListPlans(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Plan>> FindPlan(int64_t id) = 0;
  // Inserts `to` (park, year, title, doc_no) with copies of from's tasks, task units, items and item
  // units, item dates moved by (to.year − from.year) years; audited. Returns the new plan's id.
  virtual StatusOr<int64_t> CopyPlan(const Plan& from, const Plan& to, const Scope& who) = 0;
  virtual Status UpdatePlan(const Plan& p, const Scope& who) = 0;
  virtual StatusOr<std::optional<TaskRef>> FindTask(int64_t task_id) = 0;
  // The tasks of a plan, by number; one task. Writes are audited, each in one transaction.
  virtual StatusOr<std::vector<PlanTask>> ListPlanTasks(int64_t plan_id) = 0;
  virtual StatusOr<std::optional<PlanTask>> FindPlanTask(int64_t task_id) = 0;
  virtual StatusOr<int64_t> CreatePlanTask(const PlanTask& t, const Scope& who) = 0;
  virtual Status UpdatePlanTask(const PlanTask& t, const Scope& who) = 0;
  // Deletes a task with no breakdown items (the caller checked); its unit rows go with it.
  virtual Status DeletePlanTask(int64_t task_id, const Scope& who) = 0;
  virtual StatusOr<int64_t> CountTaskItems(int64_t task_id) = 0;
  // Inserts a new plan (park, year, title, doc_no) with its tasks: all or nothing, audited.
  virtual StatusOr<int64_t> CreatePlanWithTasks(const Plan& p, const std::vector<PlanTask>& tasks,
                                                const Scope& who) = 0;

  virtual StatusOr<std::vector<Item>> ListItems(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Item>> FindItem(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateItem(const Item& i, const Scope& who) = 0;
  // Inserts every item (with units and audit rows) in one transaction: all or nothing.
  virtual StatusOr<std::vector<int64_t>> CreateItems(const std::vector<Item>& items, const Scope& who) = 0;
  virtual Status UpdateItem(const Item& i, const Scope& who) = 0;
  virtual Status DeleteItem(int64_t id, const Scope& who) = 0;

  virtual StatusOr<std::vector<Report>> ListReports(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Report>> FindReport(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateReport(const Report& r, const Scope& who) = 0;
  virtual Status ReviewReport(int64_t id, ReportState state, const std::string& comment, const Scope& who) = 0;

  // The year's figure of a monitored indicator in a park from approved months: the sum of the
  // monthly amounts (flow) or the latest month's level (stock). nullopt when no month is approved.
  virtual StatusOr<std::optional<double>> IndicatorFigure(int64_t park_id, const std::string& code, int year) = 0;
  virtual StatusOr<bool> IndicatorExists(const std::string& code) = 0;
  // The investment a project completed in a year (Σ of its monthly 完成投资, 万元); nullopt when it
  // reported no month of that year. ProjectPark: the project's park, nullopt when there is none.
  virtual StatusOr<std::optional<double>> ProjectFigure(int64_t project_id, int year) = 0;
  virtual StatusOr<std::optional<int64_t>> ProjectPark(int64_t project_id) = 0;
  // Active members of a park's cultivation pool (培育库, e.g. reserve = 入规培育后备库), and whether the
  // pool is known there (reserve, watch, or a pool with members in the park).
  virtual StatusOr<int64_t> PoolMemberCount(int64_t park_id, const std::string& pool_code) = 0;
  virtual StatusOr<bool> PoolKnown(int64_t park_id, const std::string& pool_code) = 0;
  virtual StatusOr<std::optional<ParcelFacts>> FindParcel(int64_t parcel_id) = 0;

  // Attachments of reports: the content is stored once per SHA-256 (kept when already there); the
  // link row and its audit row are written in one transaction. Returns the link's id.
  virtual StatusOr<int64_t> AddAttachment(const Attachment& a, const std::string& bytes, const Scope& who) = 0;
  virtual StatusOr<std::vector<Attachment>> ListAttachments(int64_t report_id) = 0;
  virtual StatusOr<std::optional<Attachment>> FindAttachment(int64_t id) = 0;
  virtual StatusOr<std::string> AttachmentBytes(const std::string& sha256) = 0;

  virtual StatusOr<std::vector<Supervision>> ListSupervisions(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Supervision>> FindSupervision(int64_t id) = 0;
  // Inserts the order (numbered 督办〔year〕N号 in its park), its units and the "issue" event.
  virtual StatusOr<int64_t> CreateSupervision(const Supervision& s, const Scope& who) = 0;
  virtual Status ApplySupervisionStep(const SupervisionStep& step, const Scope& who) = 0;

  virtual StatusOr<int64_t> CreateInstruction(const Instruction& i, const Scope& who) = 0;
  virtual StatusOr<std::vector<Instruction>> ListInstructions(const std::vector<int64_t>& park_ids) = 0;

  virtual StatusOr<std::vector<Meeting>> ListMeetings(const std::vector<int64_t>& park_ids) = 0;
  virtual StatusOr<std::optional<Meeting>> FindMeeting(int64_t id) = 0;
  virtual StatusOr<int64_t> CreateMeeting(const Meeting& m, const Scope& who) = 0;
  virtual Status UpdateMeeting(const Meeting& m, const Scope& who) = 0;

  virtual StatusOr<std::vector<Bonus>> ListBonuses(int64_t park_id, int year) = 0;
  virtual StatusOr<int64_t> CreateBonus(const Bonus& b, const Scope& who) = 0;
  virtual StatusOr<std::optional<std::string>> FindPublished(int64_t park_id, int year) = 0;
  virtual Status Publish(int64_t park_id, int year, const std::string& result_json, const Scope& who) = 0;
  // A park setting ("" when unset) and writing one (audited).
  virtual StatusOr<std::string> GetSetting(int64_t park_id, const std::string& key) = 0;
  virtual Status PutSetting(int64_t park_id, const std::string& key, const std::string& value, const Scope& who) = 0;
};

}  // namespace parkhq::task
