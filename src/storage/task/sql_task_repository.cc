// Plans, breakdown items with their units, progress reports, indicator figures, assessment data.
#include "storage/task/sql_task_repository.h"

#include <map>

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {

using task::Item;
using task::Report;
using task::ReportState;

std::string TaskInList(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* col) {
  if (ids.empty()) return "1=0";
  std::string s = std::string(col) + " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    params.emplace_back(ids[i]);
  }
  return s + ")";
}

namespace {

const char kItemCols[] =
    "SELECT i.id, i.park_id, i.task_id, t.no, i.content, i.target_value, i.target_unit, i.milestone, i.weight, "
    "i.start_date, i.deadline, i.frequency, i.evidence, i.link_kind, i.link_ref, i.link_park_id, i.is_demo "
    "FROM task_items i JOIN tasks t ON t.id = i.task_id ";
const char kItemSnapshot[] = "SELECT * FROM task_items WHERE id = ?";
const char kReportCols[] =
    "SELECT id, park_id, item_id, unit_id, period, text, value, progress_pct, state, review_comment, "
    "reviewed_by, created_by, created_at, is_demo FROM task_reports ";
const char kReportSnapshot[] = "SELECT * FROM task_reports WHERE id = ?";

Report ToReport(const Row& r) {
  Report x;
  x.id = r.Int(0);
  x.park_id = r.Int(1);
  x.item_id = r.Int(2);
  x.unit_id = r.Int(3);
  x.period = r.Text(4);
  x.text = r.Text(5);
  x.value = r.OptDouble(6);
  x.progress_pct = r.OptDouble(7);
  const std::string st = r.Text(8);
  x.state = st == "accepted" ? ReportState::kAccepted : st == "returned" ? ReportState::kReturned : ReportState::kSubmitted;
  x.review_comment = r.Text(9);
  x.reviewed_by = r.Text(10);
  x.created_by = r.Text(11);
  x.created_at = r.Text(12);
  x.is_demo = r.Bool(13);
  return x;
}

Status WriteItemUnits(Connection& c, const Item& i) {
  PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM task_item_units WHERE item_id = ?", {i.id}).status());
  int64_t sort = 0;
  for (const auto& [role, ids] : {std::pair{"lead", &i.lead_unit_ids}, std::pair{"responsible", &i.responsible_unit_ids}})
    for (int64_t u : *ids)
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_item_units(park_id, item_id, unit_id, role, sort) VALUES (?,?,?,?,?)",
                                    {i.park_id, i.id, u, std::string(role), sort++})
                                 .status());
  return Status::Ok();
}

std::vector<Value> ItemValues(const Item& i) {
  return {i.content, storage::Opt(i.target_value), i.target_unit, i.milestone, i.weight, i.start.ToString(),
          i.deadline.ToString(), std::string(task::FrequencyCode(i.frequency)), i.evidence, i.link_kind, i.link_ref,
          storage::Opt(i.link_park_id)};
}

}  // namespace

StatusOr<std::vector<task::Plan>> SqlTaskRepository::ListPlans(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = TaskInList(park_ids, p, "park_id");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, year, title, doc_no, is_current FROM task_plans "
                                              "WHERE " + where + " ORDER BY park_id, year", p));
  std::vector<task::Plan> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4), r.Bool(5)});
  return out;
}

StatusOr<std::optional<task::TaskRef>> SqlTaskRepository::FindTask(int64_t task_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT t.id, t.park_id, t.no, t.title, p.year FROM tasks t "
                                                "LEFT JOIN task_plans p ON p.id = t.plan_id WHERE t.id = ?", {task_id}));
  if (!row) return std::optional<task::TaskRef>();
  task::TaskRef t{row->Int(0), row->Int(1), static_cast<int>(row->Int(2)),
                  row->IsNull(4) ? Today().year : static_cast<int>(row->Int(4)), row->Text(3), {}, {}};
  PARKHQ_ASSIGN_OR_RETURN(auto units, c->Query("SELECT unit_id, role FROM task_units WHERE task_id = ? ORDER BY sort",
                                               {task_id}));
  for (const auto& u : units) (u.Text(1) == "lead" ? t.lead_unit_ids : t.responsible_unit_ids).push_back(u.Int(0));
  return std::optional<task::TaskRef>(std::move(t));
}

StatusOr<std::vector<Item>> SqlTaskRepository::LoadItems(Connection& c, const std::string& where,
                                                         const std::vector<Value>& params) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kItemCols) + "WHERE " + where +
                                                 " ORDER BY t.no, i.sort, i.id", params));
  std::vector<Item> out;
  std::map<int64_t, size_t> at;
  std::vector<int64_t> ids;
  for (const auto& r : rows) {
    Item i;
    i.id = r.Int(0);
    i.park_id = r.Int(1);
    i.task_id = r.Int(2);
    i.task_no = static_cast<int>(r.Int(3));
    i.content = r.Text(4);
    i.target_value = r.OptDouble(5);
    i.target_unit = r.Text(6);
    i.milestone = r.Text(7);
    i.weight = r.Double(8);
    i.start = Date::Parse(r.Text(9)).value_or(Date{2000, 1, 1});
    i.deadline = Date::Parse(r.Text(10)).value_or(Date{2000, 1, 1});
    i.frequency = task::ParseFrequency(r.Text(11)).value_or(task::Frequency::kOnce);
    i.evidence = r.Text(12);
    i.link_kind = r.Text(13);
    i.link_ref = r.Text(14);
    i.link_park_id = r.OptInt(15);
    i.is_demo = r.Bool(16);
    at[i.id] = out.size();
    ids.push_back(i.id);
    out.push_back(std::move(i));
  }
  if (ids.empty()) return out;
  std::vector<Value> p;
  const std::string in = TaskInList(ids, p, "item_id");
  PARKHQ_ASSIGN_OR_RETURN(auto units, c.Query("SELECT item_id, unit_id, role FROM task_item_units WHERE " + in +
                                                  " ORDER BY item_id, sort", p));
  for (const auto& u : units) {
    Item& i = out[at[u.Int(0)]];
    (u.Text(2) == "lead" ? i.lead_unit_ids : i.responsible_unit_ids).push_back(u.Int(1));
  }
  return out;
}

StatusOr<std::vector<Item>> SqlTaskRepository::ListItems(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = TaskInList(park_ids, p, "i.park_id");
  return LoadItems(*c, where, p);
}

StatusOr<std::optional<Item>> SqlTaskRepository::FindItem(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto v, LoadItems(*c, "i.id = ?", {id}));
  if (v.empty()) return std::optional<Item>();
  return std::optional<Item>(v.front());
}

namespace {

StatusOr<int64_t> InsertItem(Connection& c, const Item& i, const Scope& who) {
  const std::string now = NowIso();
  std::vector<Value> v = {i.park_id, i.task_id};
  for (auto& x : ItemValues(i)) v.push_back(std::move(x));
  v.push_back(int64_t{i.is_demo});
  v.push_back(now);
  v.push_back(now);
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO task_items(park_id, task_id, content, target_value, "
                                                 "target_unit, milestone, weight, start_date, deadline, frequency, "
                                                 "evidence, link_kind, link_ref, link_park_id, is_demo, created_at, "
                                                 "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                                                 v));
  Item copy = i;
  copy.id = id;
  PARKHQ_RETURN_IF_ERROR(WriteItemUnits(c, copy));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kItemSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "task_item", std::to_string(id), i.park_id, "", after));
  return id;
}

}  // namespace

StatusOr<int64_t> SqlTaskRepository::CreateItem(const Item& i, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertItem(*c, i, who));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<int64_t>> SqlTaskRepository::CreateItems(const std::vector<Item>& items, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::vector<int64_t> ids;
  for (const auto& i : items) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertItem(*c, i, who));
    ids.push_back(id);
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return ids;
}

Status SqlTaskRepository::UpdateItem(const Item& i, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kItemSnapshot, {i.id}));
  if (before.empty()) return Status::NotFound("考核指标不存在");
  std::vector<Value> v = ItemValues(i);
  v.push_back(NowIso());
  v.push_back(i.id);
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE task_items SET content = ?, target_value = ?, target_unit = ?, milestone = ?, "
                                 "weight = ?, start_date = ?, deadline = ?, frequency = ?, evidence = ?, link_kind = ?, "
                                 "link_ref = ?, link_park_id = ?, updated_at = ? WHERE id = ?",
                                 v)
                             .status());
  PARKHQ_RETURN_IF_ERROR(WriteItemUnits(*c, i));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kItemSnapshot, {i.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "task_item", std::to_string(i.id), i.park_id, before, after));
  return tx.Commit();
}

Status SqlTaskRepository::DeleteItem(int64_t id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kItemSnapshot, {id}));
  if (before.empty()) return Status::NotFound("考核指标不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto park, c->QueryOne("SELECT park_id FROM task_items WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM task_reports WHERE item_id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM task_item_units WHERE item_id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM task_items WHERE id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "task_item", std::to_string(id), park->Int(0), before, ""));
  return tx.Commit();
}

StatusOr<std::vector<Report>> SqlTaskRepository::ListReports(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = TaskInList(park_ids, p, "park_id");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kReportCols) + "WHERE " + where + " ORDER BY id", p));
  std::vector<Report> out;
  for (const auto& r : rows) out.push_back(ToReport(r));
  return out;
}

StatusOr<std::optional<Report>> SqlTaskRepository::FindReport(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kReportCols) + "WHERE id = ?", {id}));
  if (!row) return std::optional<Report>();
  return std::optional<Report>(ToReport(*row));
}

StatusOr<int64_t> SqlTaskRepository::CreateReport(const Report& r, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO task_reports(park_id, item_id, unit_id, period, text, "
                                                  "value, progress_pct, state, created_by, created_at, is_demo) "
                                                  "VALUES (?,?,?,?,?,?,?,'submitted',?,?,?) RETURNING id",
                                                  {r.park_id, r.item_id, r.unit_id, r.period, r.text,
                                                   storage::Opt(r.value), storage::Opt(r.progress_pct), r.created_by,
                                                   NowIso(), int64_t{r.is_demo}}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kReportSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "task_report", std::to_string(id), r.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTaskRepository::ReviewReport(int64_t id, ReportState state, const std::string& comment, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kReportSnapshot, {id}));
  if (before.empty()) return Status::NotFound("进展报告不存在");
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE task_reports SET state = ?, review_comment = ?, reviewed_by = ?, "
                                 "reviewed_at = ? WHERE id = ?",
                                 {std::string(task::ReportStateCode(state)), comment, who.username, NowIso(), id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kReportSnapshot, {id}));
  PARKHQ_ASSIGN_OR_RETURN(auto park, c->QueryOne("SELECT park_id FROM task_reports WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, state == ReportState::kAccepted ? "accept" : "return", "task_report",
                                    std::to_string(id), park->Int(0), before, after, comment));
  return tx.Commit();
}

StatusOr<std::optional<double>> SqlTaskRepository::IndicatorFigure(int64_t park_id, const std::string& code, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto kind, c->QueryOne("SELECT kind FROM indicators WHERE code = ?", {code}));
  if (!kind) return std::optional<double>();
  const std::string from = std::to_string(year) + "-01", to = std::to_string(year) + "-12";
  const std::string approved =
      "FROM indicator_values v JOIN monitoring_months m ON m.park_id = v.park_id AND m.period = v.period "
      "AND m.state = 'approved' WHERE v.park_id = ? AND v.indicator_code = ? AND v.period >= ? AND v.period <= ?";
  if (kind->Text(0) == "stock") {
    PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT v.value " + approved + " ORDER BY v.period DESC", {park_id, code, from, to}));
    if (!r) return std::optional<double>();
    return std::optional<double>(r->Double(0));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT COUNT(*), SUM(v.value) " + approved, {park_id, code, from, to}));
  if (!r || r->Int(0) == 0) return std::optional<double>();
  return std::optional<double>(r->Double(1));
}

StatusOr<bool> SqlTaskRepository::IndicatorExists(const std::string& code) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT 1 FROM indicators WHERE code = ?", {code}));
  return r.has_value();
}

StatusOr<std::optional<double>> SqlTaskRepository::ProjectFigure(int64_t project_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT COUNT(*), SUM(completed) FROM project_monthly WHERE project_id = ? "
                                              "AND period >= ? AND period <= ?",
                                              {project_id, std::to_string(year) + "-01", std::to_string(year) + "-12"}));
  if (!r || r->Int(0) == 0) return std::optional<double>();
  return std::optional<double>(r->Double(1));
}

StatusOr<std::optional<int64_t>> SqlTaskRepository::ProjectPark(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT park_id FROM projects WHERE id = ?", {project_id}));
  if (!r) return std::optional<int64_t>();
  return std::optional<int64_t>(r->Int(0));
}

StatusOr<std::vector<task::Bonus>> SqlTaskRepository::ListBonuses(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, year, unit_id, points, reason, evidence, created_by, "
                                              "created_at FROM assessment_bonuses WHERE park_id = ? AND year = ? "
                                              "ORDER BY id", {park_id, int64_t{year}}));
  std::vector<task::Bonus> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Int(3), r.Double(4), r.Text(5), r.Text(6),
                   r.Text(7), r.Text(8)});
  return out;
}

StatusOr<int64_t> SqlTaskRepository::CreateBonus(const task::Bonus& b, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO assessment_bonuses(park_id, year, unit_id, points, reason, "
                                                  "evidence, created_by, created_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                                                  {b.park_id, int64_t{b.year}, b.unit_id, b.points, b.reason, b.evidence,
                                                   b.created_by, b.created_at}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM assessment_bonuses WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "assessment_bonus", std::to_string(id), b.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::optional<std::string>> SqlTaskRepository::FindPublished(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT result_json FROM assessment_results WHERE park_id = ? AND year = ?",
                                              {park_id, int64_t{year}}));
  if (!r) return std::optional<std::string>();
  return std::optional<std::string>(r->Text(0));
}

Status SqlTaskRepository::Publish(int64_t park_id, int year, const std::string& result_json, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO assessment_results(park_id, year, result_json, published_by, published_at) "
                                 "VALUES (?,?,?,?,?)",
                                 {park_id, int64_t{year}, result_json, who.username, NowIso()})
                             .status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "publish", "assessment", std::to_string(park_id) + "/" + std::to_string(year),
                                    park_id, "", result_json));
  return tx.Commit();
}

StatusOr<std::string> SqlTaskRepository::GetSetting(int64_t park_id, const std::string& key) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT value FROM settings WHERE park_id = ? AND key = ?", {park_id, key}));
  return r ? r->Text(0) : std::string();
}

Status SqlTaskRepository::PutSetting(int64_t park_id, const std::string& key, const std::string& value,
                                     const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto old, c->QueryOne("SELECT value FROM settings WHERE park_id = ? AND key = ?", {park_id, key}));
  if (old) {
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE settings SET value = ? WHERE park_id = ? AND key = ?", {value, park_id, key}).status());
  } else {
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO settings(park_id, key, value) VALUES (?,?,?)", {park_id, key, value}).status());
  }
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "setting", key, park_id,
                                    old ? "{\"value\":\"" + old->Text(0) + "\"}" : "", "{\"value\":\"" + value + "\"}"));
  return tx.Commit();
}

}  // namespace parkhq::storage
