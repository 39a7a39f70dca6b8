// The management loop's repository in portable SQL (SQLite and PostgreSQL).
#pragma once
#include "domain/task/task_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlTaskRepository final : public task::TaskRepository {
 public:
  explicit SqlTaskRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<task::Plan>> ListPlans(const std::vector<int64_t>& park_ids) override;
  // sql_task_plans.cc
  StatusOr<std::optional<task::Plan>> FindPlan(int64_t id) override;
  StatusOr<int64_t> CopyPlan(const task::Plan& from, const task::Plan& to, const Scope& who) override;
  Status UpdatePlan(const task::Plan& p, const Scope& who) override;
  StatusOr<std::optional<task::TaskRef>> FindTask(int64_t task_id) override;
  // sql_plan_tasks.cc
  StatusOr<std::vector<task::PlanTask>> ListPlanTasks(int64_t plan_id) override;
  StatusOr<std::optional<task::PlanTask>> FindPlanTask(int64_t task_id) override;
  StatusOr<int64_t> CreatePlanTask(const task::PlanTask& t, const Scope& who) override;
  Status UpdatePlanTask(const task::PlanTask& t, const Scope& who) override;
  Status DeletePlanTask(int64_t task_id, const Scope& who) override;
  StatusOr<int64_t> CountTaskItems(int64_t task_id) override;
  StatusOr<int64_t> CreatePlanWithTasks(const task::Plan& p, const std::vector<task::PlanTask>& tasks,
                                        const Scope& who) override;

  StatusOr<std::vector<task::Item>> ListItems(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<task::Item>> FindItem(int64_t id) override;
  StatusOr<int64_t> CreateItem(const task::Item& i, const Scope& who) override;
  StatusOr<std::vector<int64_t>> CreateItems(const std::vector<task::Item>& items, const Scope& who) override;
  Status UpdateItem(const task::Item& i, const Scope& who) override;
  Status DeleteItem(int64_t id, const Scope& who) override;

  StatusOr<std::vector<task::Report>> ListReports(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<task::Report>> FindReport(int64_t id) override;
  StatusOr<int64_t> CreateReport(const task::Report& r, const Scope& who) override;
  Status ReviewReport(int64_t id, task::ReportState state, const std::string& comment, const Scope& who) override;

  StatusOr<std::optional<double>> IndicatorFigure(int64_t park_id, const std::string& code, int year) override;
  StatusOr<bool> IndicatorExists(const std::string& code) override;
  StatusOr<std::optional<double>> ProjectFigure(int64_t project_id, int year) override;
  StatusOr<std::optional<int64_t>> ProjectPark(int64_t project_id) override;
  // sql_task_links.cc
  StatusOr<int64_t> PoolMemberCount(int64_t park_id, const std::string& pool_code) override;
  StatusOr<bool> PoolKnown(int64_t park_id, const std::string& pool_code) override;
  StatusOr<std::optional<task::ParcelFacts>> FindParcel(int64_t parcel_id) override;
  // sql_task_attachments.cc
  StatusOr<int64_t> AddAttachment(const task::Attachment& a, const std::string& bytes, const Scope& who) override;
  StatusOr<std::vector<task::Attachment>> ListAttachments(int64_t report_id) override;
  StatusOr<std::optional<task::Attachment>> FindAttachment(int64_t id) override;
  StatusOr<std::string> AttachmentBytes(const std::string& sha256) override;

  // sql_supervision.cc
  StatusOr<std::vector<task::Supervision>> ListSupervisions(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<task::Supervision>> FindSupervision(int64_t id) override;
  StatusOr<int64_t> CreateSupervision(const task::Supervision& s, const Scope& who) override;
  Status ApplySupervisionStep(const task::SupervisionStep& step, const Scope& who) override;
  StatusOr<int64_t> CreateInstruction(const task::Instruction& i, const Scope& who) override;
  StatusOr<std::vector<task::Instruction>> ListInstructions(const std::vector<int64_t>& park_ids) override;

  // sql_meetings.cc
  StatusOr<std::vector<task::Meeting>> ListMeetings(const std::vector<int64_t>& park_ids) override;
  StatusOr<std::optional<task::Meeting>> FindMeeting(int64_t id) override;
  StatusOr<int64_t> CreateMeeting(const task::Meeting& m, const Scope& who) override;
  Status UpdateMeeting(const task::Meeting& m, const Scope& who) override;

  StatusOr<std::vector<task::Bonus>> ListBonuses(int64_t park_id, int year) override;
  StatusOr<int64_t> CreateBonus(const task::Bonus& b, const Scope& who) override;
  StatusOr<std::optional<std::string>> FindPublished(int64_t park_id, int year) override;
  Status Publish(int64_t park_id, int year, const std::string& result_json, const Scope& who) override;
  StatusOr<std::string> GetSetting(int64_t park_id, const std::string& key) override;
  Status PutSetting(int64_t park_id, const std::string& key, const std::string& value, const Scope& who) override;

 private:
  StatusOr<std::vector<task::Item>> LoadItems(Connection& c, const std::string& where, const std::vector<Value>& params);
  StatusOr<std::vector<task::Supervision>> LoadSupervisions(Connection& c, const std::string& where,
                                                            const std::vector<Value>& params, bool events);
  Database& db_;
};

// "col IN (?,?,…)" and its parameters; "1=0" when the list is empty.
std::string TaskInList(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* col);

}  // namespace parkhq::storage
