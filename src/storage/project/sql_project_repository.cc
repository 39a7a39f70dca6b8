#include "storage/project/sql_project_repository.h"

#include "storage/park_refs.h"

#include <map>
#include <sstream>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {
namespace {

using project::ApprovalItem;
using project::Milestone;
using project::MonthlyInvestment;
using project::Problem;
using project::Project;
using project::ProjectRecord;
using project::Stage;
using project::StageLogEntry;

const char kCols[] =
    "SELECT p.id, p.park_id, p.sub_park_id, p.name, p.investor, p.lead_id, p.kind, p.stage, p.suspended_on, "
    "p.terminated_on, p.suspend_reason, p.terminate_reason, p.total_investment, p.contracted_investment, "
    "p.industry, p.chain_link_id, p.parcel_ref, p.content, p.responsible_leader, p.responsible_unit_id, "
    "COALESCE(u.name, ''), p.responsible_team, p.contact_person, p.planned_reserve, p.planned_signed, "
    "p.planned_landed, p.planned_started, p.planned_completed, p.planned_production, p.actual_reserve, "
    "p.actual_signed, p.actual_landed, p.actual_started, p.actual_completed, p.actual_production, "
    "p.resumed_on, p.note, p.is_demo, p.created_at, p.updated_at "
    "FROM projects p LEFT JOIN units u ON u.id = p.responsible_unit_id ";
const char kSnapshot[] = "SELECT * FROM projects WHERE id = ?";

using sql_dates::DateValue;
using sql_dates::OptDate;

std::string JoinDates(const std::vector<Date>& v) {
  std::string out;
  for (const auto& d : v) out += (out.empty() ? "" : ",") + d.ToString();
  return out;
}
std::vector<Date> SplitDates(const std::string& s) {
  std::vector<Date> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (auto d = Date::Parse(item)) out.push_back(*d);
  return out;
}

ProjectRecord ToRecord(const Row& r) {
  ProjectRecord p;
  p.core.id = r.Int(0);
  p.core.park_id = r.Int(1);
  p.core.sub_park_id = r.OptInt(2);
  p.core.name = r.Text(3);
  p.investor = r.Text(4);
  p.lead_id = r.OptInt(5);
  p.core.kind = project::ParseKind(r.Text(6)).value_or(project::Kind::kNew);
  p.core.stage = project::ParseStage(r.Text(7)).value_or(Stage::kReserve);
  p.core.suspended_on = OptDate(r, 8);
  p.core.terminated_on = OptDate(r, 9);
  p.suspend_reason = r.Text(10);
  p.terminate_reason = r.Text(11);
  p.core.total_investment = r.Double(12);
  p.core.contracted_investment = r.Double(13);
  p.industry = r.Text(14);
  p.chain_link_id = r.OptInt(15);
  p.parcel_ref = r.Text(16);
  p.content = r.Text(17);
  p.responsible_leader = r.Text(18);
  p.responsible_unit_id = r.OptInt(19);
  p.responsible_unit_name = r.Text(20);
  p.responsible_team = r.Text(21);
  p.contact_person = r.Text(22);
  for (int i = 0; i < project::kStageCount; ++i) {
    p.core.planned.by_stage[i] = OptDate(r, 23 + i);
    p.core.actual.by_stage[i] = OptDate(r, 29 + i);
  }
  p.core.resumed_on = SplitDates(r.Text(35));
  p.note = r.Text(36);
  p.is_demo = r.Bool(37);
  p.created_at = r.Text(38);
  p.updated_at = r.Text(39);
  return p;
}

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

Status InsertPlans(Connection& c, int64_t id, int64_t park_id, const Project& p) {
  for (const auto& a : p.annual_plans)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO project_annual_plans(park_id, project_id, year, planned_investment) "
                                  "VALUES (?,?,?,?)",
                                  {park_id, id, int64_t{a.year}, a.planned_investment})
                               .status());
  return Status::Ok();
}

Status UpsertMonth(Connection& c, int64_t id, int64_t park_id, const MonthlyInvestment& m) {
  PARKHQ_RETURN_IF_ERROR(
      c.Exec("DELETE FROM project_monthly WHERE project_id = ? AND period = ?", {id, m.period.ToString()}).status());
  return c.Exec("INSERT INTO project_monthly(park_id, project_id, period, completed, funds_in_place, "
                "funds_out_of_province, funds_in_province, funds_foreign, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                {park_id, id, m.period.ToString(), m.completed, m.funds_in_place, m.funds_by_source.out_of_province,
                 m.funds_by_source.in_province, m.funds_by_source.foreign, NowIso()})
      .status();
}

Status LogStage(Connection& c, int64_t park_id, int64_t project_id, const StageLogEntry& e,
                const std::string& username, std::optional<int64_t> user_id) {
  return c.Exec("INSERT INTO project_stage_log(park_id, project_id, at, user_id, username, change_type, from_stage, "
                "to_stage, date, reason, override_used) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                {park_id, project_id, NowIso(), Opt(user_id), username, e.change_type,
                 e.from ? Value(std::string(project::StageCode(*e.from))) : Value(),
                 e.to ? Value(std::string(project::StageCode(*e.to))) : Value(), DateValue(e.date), e.reason,
                 int64_t{e.override_used}})
      .status();
}

// Loads plans and monthly reports of the projects in `index` (id → position in `out`).
Status LoadChildren(Connection& c, const std::string& where, const std::vector<Value>& params,
                    std::map<int64_t, Project*>& index, bool monthly) {
  PARKHQ_RETURN_IF_ERROR(c.ForEach(
      "SELECT a.project_id, a.year, a.planned_investment FROM project_annual_plans a " + where +
          " ORDER BY a.project_id, a.year",
      params, [&](const Row& r) {
        if (auto it = index.find(r.Int(0)); it != index.end())
          it->second->annual_plans.push_back({static_cast<int>(r.Int(1)), r.Double(2)});
        return true;
      }));
  if (!monthly) return Status::Ok();
  std::string mwhere = where;
  for (size_t pos; (pos = mwhere.find("a.")) != std::string::npos;) mwhere.replace(pos, 2, "m.");
  return c.ForEach(
      "SELECT m.project_id, m.period, m.completed, m.funds_in_place, m.funds_out_of_province, m.funds_in_province, "
      "m.funds_foreign FROM project_monthly m " +
          mwhere + " ORDER BY m.project_id, m.period",
      params, [&](const Row& r) {
        auto it = index.find(r.Int(0));
        auto period = Period::Parse(r.Text(1));
        if (it == index.end() || !period) return true;
        MonthlyInvestment m;
        m.period = *period;
        m.completed = r.Double(2);
        m.funds_in_place = r.Double(3);
        m.funds_by_source = {r.Double(4), r.Double(5), r.Double(6)};
        it->second->monthly.push_back(m);
        return true;
      });
}

std::vector<Value> ProjectValues(const ProjectRecord& p) {
  std::vector<Value> v = {p.core.park_id,
                          Opt(p.core.sub_park_id),
                          p.core.name,
                          p.investor,
                          Opt(p.lead_id),
                          std::string(project::KindCode(p.core.kind)),
                          std::string(project::StageCode(p.core.stage)),
                          DateValue(p.core.suspended_on),
                          DateValue(p.core.terminated_on),
                          p.suspend_reason,
                          p.terminate_reason,
                          p.core.total_investment,
                          p.core.contracted_investment,
                          p.industry,
                          Opt(p.chain_link_id),
                          p.parcel_ref,
                          p.content,
                          p.responsible_leader,
                          Opt(p.responsible_unit_id),
                          p.responsible_team,
                          p.contact_person};
  for (int i = 0; i < project::kStageCount; ++i) v.push_back(DateValue(p.core.planned.by_stage[i]));
  for (int i = 0; i < project::kStageCount; ++i) v.push_back(DateValue(p.core.actual.by_stage[i]));
  v.push_back(JoinDates(p.core.resumed_on));
  v.push_back(p.note);
  return v;
}

const char kAssignCols[] =
    "park_id, sub_park_id, name, investor, lead_id, kind, stage, suspended_on, terminated_on, suspend_reason, "
    "terminate_reason, total_investment, contracted_investment, industry, chain_link_id, parcel_ref, content, "
    "responsible_leader, responsible_unit_id, responsible_team, contact_person, planned_reserve, planned_signed, "
    "planned_landed, planned_started, planned_completed, planned_production, actual_reserve, actual_signed, "
    "actual_landed, actual_started, actual_completed, actual_production, resumed_on, note";

}  // namespace

StatusOr<int64_t> SqlProjectRepository::InsertProject(Connection& c, const ProjectRecord& p,
                                                      const std::string& username, std::optional<int64_t> user_id) {
  auto values = ProjectValues(p);
  const std::string now = NowIso();
  values.push_back(int64_t{p.is_demo});
  values.push_back(now);
  values.push_back(now);
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId(std::string("INSERT INTO projects(") + kAssignCols +
                                                     ", is_demo, created_at, updated_at) VALUES (" +
                                                     Placeholders(values.size()) + ") RETURNING id",
                                                 values));
  PARKHQ_RETURN_IF_ERROR(InsertPlans(c, id, p.core.park_id, p.core));
  for (const auto& m : p.core.monthly) PARKHQ_RETURN_IF_ERROR(UpsertMonth(c, id, p.core.park_id, m));
  StageLogEntry e;
  e.change_type = "create";
  e.to = p.core.stage;
  e.date = p.core.actual[p.core.stage];
  PARKHQ_RETURN_IF_ERROR(LogStage(c, p.core.park_id, id, e, username, user_id));
  return id;
}

StatusOr<int64_t> SqlProjectRepository::Create(const ProjectRecord& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  if (p.chain_link_id)
    PARKHQ_RETURN_IF_ERROR(CheckChainLinkInPark(*c, *p.chain_link_id, p.core.park_id, "chain_link_id",
                                                "项目信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertProject(*c, p, who.username, who.user_id));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "project", std::to_string(id), p.core.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::optional<ProjectRecord>> SqlProjectRepository::Find(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kCols) + "WHERE p.id = ?", {id}));
  if (!r) return std::optional<ProjectRecord>();
  ProjectRecord p = ToRecord(*r);
  std::map<int64_t, Project*> index = {{id, &p.core}};
  PARKHQ_RETURN_IF_ERROR(LoadChildren(*c, "WHERE a.project_id = ?", {id}, index, true));
  return std::optional<ProjectRecord>(std::move(p));
}

namespace {
// Overwrites the editable fields and the annual plans of p (stage and actual dates untouched),
// with the audit row, inside the caller's transaction.
Status UpdateRow(Connection& c, const ProjectRecord& p, const Scope& who, const std::string& action) {
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(c, kSnapshot, {p.core.id}));
  PARKHQ_RETURN_IF_ERROR(
      c.Exec("UPDATE projects SET sub_park_id = ?, name = ?, investor = ?, kind = ?, total_investment = ?, "
             "contracted_investment = ?, industry = ?, chain_link_id = ?, parcel_ref = ?, content = ?, "
             "responsible_leader = ?, responsible_unit_id = ?, responsible_team = ?, contact_person = ?, "
             "planned_reserve = ?, planned_signed = ?, planned_landed = ?, planned_started = ?, "
             "planned_completed = ?, planned_production = ?, note = ?, updated_at = ? WHERE id = ?",
             {Opt(p.core.sub_park_id), p.core.name, p.investor, std::string(project::KindCode(p.core.kind)),
              p.core.total_investment, p.core.contracted_investment, p.industry, Opt(p.chain_link_id), p.parcel_ref,
              p.content, p.responsible_leader, Opt(p.responsible_unit_id), p.responsible_team, p.contact_person,
              DateValue(p.core.planned.by_stage[0]), DateValue(p.core.planned.by_stage[1]),
              DateValue(p.core.planned.by_stage[2]), DateValue(p.core.planned.by_stage[3]),
              DateValue(p.core.planned.by_stage[4]), DateValue(p.core.planned.by_stage[5]), p.note, NowIso(),
              p.core.id})
          .status());
  PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM project_annual_plans WHERE project_id = ?", {p.core.id}).status());
  PARKHQ_RETURN_IF_ERROR(InsertPlans(c, p.core.id, p.core.park_id, p.core));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kSnapshot, {p.core.id}));
  return WriteAudit(c, who, action, "project", std::to_string(p.core.id), p.core.park_id, before, after);
}
}  // namespace

Status SqlProjectRepository::Update(const ProjectRecord& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  if (p.chain_link_id)
    PARKHQ_RETURN_IF_ERROR(CheckChainLinkInPark(*c, *p.chain_link_id, p.core.park_id, "chain_link_id",
                                                "项目信息有误，请检查标出的字段"));
  PARKHQ_RETURN_IF_ERROR(UpdateRow(*c, p, who, "update"));
  return tx.Commit();
}

Status SqlProjectRepository::ImportProjects(const std::vector<ProjectRecord>& creates,
                                            const std::vector<ProjectRecord>& updates, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  for (const auto& p : creates) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertProject(*c, p, who.username, who.user_id));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE project_stage_log SET change_type = 'import' WHERE project_id = ?", {id}).status());
    PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnapshot, {id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "import", "project", std::to_string(id), p.core.park_id, "", after));
  }
  for (const auto& p : updates) PARKHQ_RETURN_IF_ERROR(UpdateRow(*c, p, who, "import"));
  return tx.Commit();
}

StatusOr<project::ProjectPage> SqlProjectRepository::List(const project::ProjectFilter& f) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string where = "WHERE p.park_id IN (" + Placeholders(f.park_ids.size()) + ")";
  std::vector<Value> params(f.park_ids.begin(), f.park_ids.end());
  if (f.sub_park_id) {
    where += " AND p.sub_park_id = ?";
    params.push_back(*f.sub_park_id);
  }
  if (f.stage) {
    where += " AND p.stage = ?";
    params.push_back(std::string(project::StageCode(*f.stage)));
  }
  if (f.kind) {
    where += " AND p.kind = ?";
    params.push_back(std::string(project::KindCode(*f.kind)));
  }
  if (f.chain_link_id) {
    where += " AND p.chain_link_id = ?";
    params.push_back(*f.chain_link_id);
  }
  if (f.responsible_unit_id) {
    where += " AND p.responsible_unit_id = ?";
    params.push_back(*f.responsible_unit_id);
  }
  if (!f.q.empty()) {
    where += " AND (p.name LIKE ? OR p.investor LIKE ?)";
    params.push_back("%" + f.q + "%");
    params.push_back("%" + f.q + "%");
  }
  if (f.plan_year) {
    where += " AND EXISTS (SELECT 1 FROM project_annual_plans a WHERE a.project_id = p.id AND a.year = ?)";
    params.push_back(int64_t{*f.plan_year});
  }
  if (f.suspended) where += *f.suspended ? " AND p.suspended_on IS NOT NULL" : " AND p.suspended_on IS NULL";
  if (f.terminated) where += *f.terminated ? " AND p.terminated_on IS NOT NULL" : " AND p.terminated_on IS NULL";

  static const std::map<std::string, std::string> kSorts = {
      {"id", "p.id"},
      {"name", "p.name"},
      {"total_investment", "p.total_investment"},
      {"contracted_investment", "p.contracted_investment"},
      {"stage", "CASE p.stage WHEN 'reserve' THEN 0 WHEN 'signed' THEN 1 WHEN 'landed' THEN 2 WHEN 'started' "
                "THEN 3 WHEN 'completed' THEN 4 ELSE 5 END"},
      {"planned_started", "p.planned_started"},
      {"updated_at", "p.updated_at"}};
  std::string key = f.sort;
  bool desc = !key.empty() && key[0] == '-';
  if (desc) key = key.substr(1);
  auto it = kSorts.find(key);
  const std::string order =
      " ORDER BY " + (it == kSorts.end() ? std::string("p.id") : it->second) + (desc ? " DESC" : "") + ", p.id";

  project::ProjectPage page;
  PARKHQ_ASSIGN_OR_RETURN(auto total, c->QueryOne("SELECT COUNT(*) FROM projects p " + where, params));
  page.total = total ? total->Int(0) : 0;
  std::string sql = std::string(kCols) + where + order;
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.push_back(f.limit);
    params.push_back(f.offset);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql, params));
  page.items.reserve(rows.size());
  for (const auto& r : rows) page.items.push_back(ToRecord(r));
  if (page.items.empty()) return page;
  std::map<int64_t, Project*> index;
  std::vector<Value> ids;
  for (auto& p : page.items) {
    index[p.core.id] = &p.core;
    ids.push_back(p.core.id);
  }
  PARKHQ_RETURN_IF_ERROR(
      LoadChildren(*c, "WHERE a.project_id IN (" + Placeholders(ids.size()) + ")", ids, index, false));
  return page;
}

StatusOr<std::vector<Project>> SqlProjectRepository::LoadForRates(const std::vector<int64_t>& park_ids,
                                                                   std::optional<int64_t> sub_park_id) {
  std::vector<Project> out;
  if (park_ids.empty()) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string where = "WHERE p.park_id IN (" + Placeholders(park_ids.size()) + ")";
  std::vector<Value> params(park_ids.begin(), park_ids.end());
  if (sub_park_id) {
    where += " AND p.sub_park_id = ?";
    params.push_back(*sub_park_id);
  }
  PARKHQ_RETURN_IF_ERROR(c->ForEach(std::string(kCols) + where + " ORDER BY p.id", params, [&](const Row& r) {
    out.push_back(ToRecord(r).core);
    return true;
  }));
  std::map<int64_t, Project*> index;
  for (auto& p : out) index[p.id] = &p;
  // Children by park (the index leads with park_id), filtered to the loaded projects.
  std::string cwhere = "WHERE a.park_id IN (" + Placeholders(park_ids.size()) + ")";
  std::vector<Value> cparams(park_ids.begin(), park_ids.end());
  PARKHQ_RETURN_IF_ERROR(LoadChildren(*c, cwhere, cparams, index, true));
  return out;
}

Status SqlProjectRepository::SaveStageChange(const Project& p, const StageLogEntry& log, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnapshot, {p.id}));
  std::vector<Value> v = {std::string(project::StageCode(p.stage)), DateValue(p.suspended_on),
                          DateValue(p.terminated_on)};
  for (int i = 0; i < project::kStageCount; ++i) v.push_back(DateValue(p.actual.by_stage[i]));
  v.push_back(JoinDates(p.resumed_on));
  v.push_back(NowIso());
  std::string extra;
  if (log.change_type == "suspend") {
    extra = ", suspend_reason = ?";
    v.push_back(log.reason);
  } else if (log.change_type == "terminate") {
    extra = ", terminate_reason = ?";
    v.push_back(log.reason);
  }
  v.push_back(p.id);
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE projects SET stage = ?, suspended_on = ?, terminated_on = ?, actual_reserve = ?, "
              "actual_signed = ?, actual_landed = ?, actual_started = ?, actual_completed = ?, "
              "actual_production = ?, resumed_on = ?, updated_at = ?" +
                  extra + " WHERE id = ?",
              v)
          .status());
  PARKHQ_RETURN_IF_ERROR(LogStage(*c, p.park_id, p.id, log, who.username, who.user_id));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnapshot, {p.id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "stage_" + log.change_type, "project", std::to_string(p.id), p.park_id, before, after,
                 log.reason));
  return tx.Commit();
}

StatusOr<std::vector<StageLogEntry>> SqlProjectRepository::StageLog(int64_t project_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT id, at, username, change_type, from_stage, to_stage, date, reason, override_used "
                          "FROM project_stage_log WHERE project_id = ? ORDER BY id",
                          {project_id}));
  std::vector<StageLogEntry> out;
  for (const auto& r : rows) {
    StageLogEntry e;
    e.id = r.Int(0);
    e.at = r.Text(1);
    e.username = r.Text(2);
    e.change_type = r.Text(3);
    if (auto s = r.OptText(4)) e.from = project::ParseStage(*s);
    if (auto s = r.OptText(5)) e.to = project::ParseStage(*s);
    e.date = OptDate(r, 6);
    e.reason = r.Text(7);
    e.override_used = r.Bool(8);
    out.push_back(std::move(e));
  }
  return out;
}

Status SqlProjectRepository::UpsertMonthly(int64_t project_id, int64_t park_id, const MonthlyInvestment& m,
                                           const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kMonthSnap[] = "SELECT * FROM project_monthly WHERE project_id = ? AND period = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kMonthSnap, {project_id, m.period.ToString()}));
  PARKHQ_RETURN_IF_ERROR(UpsertMonth(*c, project_id, park_id, m));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE projects SET updated_at = ? WHERE id = ?", {NowIso(), project_id}).status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kMonthSnap, {project_id, m.period.ToString()}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "project_monthly",
                                    std::to_string(project_id) + "/" + m.period.ToString(), park_id, before, after));
  return tx.Commit();
}

StatusOr<std::optional<double>> SqlProjectRepository::FundsInPlaceTarget(const std::vector<int64_t>& park_ids,
                                                                          int year) {
  if (park_ids.empty()) return std::optional<double>();
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params(park_ids.begin(), park_ids.end());
  params.push_back(int64_t{year});
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne("SELECT SUM(target), COUNT(target) FROM targets WHERE park_id IN (" +
                              Placeholders(park_ids.size()) + ") AND year = ? AND indicator_code = 'funds_in_place'",
                          params));
  if (!r || r->Int(1) == 0) return std::optional<double>();
  return std::optional<double>(r->Double(0));
}

StatusOr<project::MonthlyByPark> SqlProjectRepository::MonthlyCompletedInvestment(
    const std::vector<int64_t>& park_ids, int year) {
  project::MonthlyByPark out;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  char from[8], to[8];
  std::snprintf(from, sizeof from, "%04d-01", year);
  std::snprintf(to, sizeof to, "%04d-12", year);
  for (int64_t park_id : park_ids) {
    auto& months = out[park_id];
    // A park's rows carry its id; a sub-park's projects are found through projects.sub_park_id.
    PARKHQ_RETURN_IF_ERROR(c->ForEach(
        "SELECT m.period, SUM(m.completed) FROM project_monthly m JOIN projects p ON p.id = m.project_id "
        "WHERE (m.park_id = ? OR p.sub_park_id = ?) AND m.period >= ? AND m.period <= ? GROUP BY m.period",
        {park_id, park_id, std::string(from), std::string(to)}, [&](const Row& r) {
          if (auto per = Period::Parse(r.Text(0))) months[per->month - 1] = r.Double(1);
          return true;
        }));
  }
  return out;
}

}  // namespace parkhq::storage
