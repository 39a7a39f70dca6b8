#include "storage/enterprise/sql_enterprise_repository.h"

#include <boost/json.hpp>
#include <set>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {
namespace {

using enterprise::Enterprise;
using enterprise::EnterpriseFlag;
using enterprise::ReportState;
using enterprise::StoredReport;

const char kCols[] =
    "SELECT id, park_id, sub_park_id, uscc, name, legal_rep, address, contact_phone, land_parcels, industry_code, "
    "leading_group, leading_group_manual, above_scale, scale_changed_on, employees, founded_on, moved_in_on, status, "
    "status_changed_on, tax_arrears, is_demo, created_at, updated_at FROM enterprises ";

using sql_dates::DateValue;
using sql_dates::OptDate;

Enterprise ToEnterprise(const Row& r) {
  Enterprise e;
  e.id = r.Int(0);
  e.park_id = r.Int(1);
  e.sub_park_id = r.OptInt(2);
  e.uscc = r.Text(3);
  e.name = r.Text(4);
  e.legal_rep = r.Text(5);
  e.address = r.Text(6);
  e.contact_phone = r.Text(7);
  e.land_parcels = r.Text(8);
  e.industry_code = r.Text(9);
  e.leading_group = enterprise::ParseLeadingGroup(r.Text(10)).value_or(enterprise::LeadingGroup::kOther);
  e.leading_group_manual = r.Bool(11);
  e.above_scale = r.Bool(12);
  e.scale_changed_on = OptDate(r, 13);
  e.employees = r.OptInt(14);
  e.founded_on = OptDate(r, 15);
  e.moved_in_on = OptDate(r, 16);
  e.status = enterprise::ParseEnterpriseStatus(r.Text(17)).value_or(enterprise::EnterpriseStatus::kOperating);
  e.status_changed_on = OptDate(r, 18);
  e.tax_arrears = r.Bool(19);
  e.is_demo = r.Bool(20);
  e.created_at = r.Text(21);
  e.updated_at = r.Text(22);
  return e;
}

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

Status LoadFlags(Connection& c, std::vector<Enterprise>& items) {
  if (items.empty()) return Status::Ok();
  std::vector<Value> ids;
  std::map<int64_t, size_t> index;
  for (size_t i = 0; i < items.size(); ++i) {
    ids.push_back(items[i].id);
    index[items[i].id] = i;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT enterprise_id, flag, since, until FROM enterprise_flags WHERE "
                                             "enterprise_id IN (" + Placeholders(ids.size()) + ") ORDER BY flag",
                                             ids));
  for (const auto& r : rows) items[index[r.Int(0)]].flags.push_back({r.Text(1), OptDate(r, 2), OptDate(r, 3)});
  return Status::Ok();
}

std::vector<Value> EnterpriseValues(const Enterprise& e) {
  return {e.park_id,
          Opt(e.sub_park_id),
          e.uscc,
          e.name,
          e.legal_rep,
          e.address,
          e.contact_phone,
          e.land_parcels,
          e.industry_code,
          std::string(enterprise::LeadingGroupCode(e.leading_group)),
          int64_t{e.leading_group_manual},
          int64_t{e.above_scale},
          DateValue(e.scale_changed_on),
          Opt(e.employees),
          DateValue(e.founded_on),
          DateValue(e.moved_in_on),
          std::string(enterprise::EnterpriseStatusName(e.status)),
          DateValue(e.status_changed_on),
          int64_t{e.tax_arrears},
          int64_t{e.is_demo}};
}

Status WriteFlags(Connection& c, const Enterprise& e) {
  PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM enterprise_flags WHERE enterprise_id = ?", {e.id}).status());
  for (const auto& f : e.flags)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO enterprise_flags(park_id, enterprise_id, flag, since, until) "
                                  "VALUES (?,?,?,?,?)",
                                  {e.park_id, e.id, f.code, DateValue(f.since), DateValue(f.until)})
                               .status());
  return Status::Ok();
}

std::string SnapshotSql() { return std::string(kCols) + "WHERE id = ?"; }

std::string ExplanationsJson(const std::map<std::string, std::string>& m) {
  boost::json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return boost::json::serialize(o);
}
std::map<std::string, std::string> ParseExplanations(const std::string& s) {
  std::map<std::string, std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(s, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, val] : v.as_object())
    if (val.is_string()) out[std::string(k)] = std::string(val.as_string());
  return out;
}

const char kReportCols[] =
    "SELECT id, park_id, enterprise_id, period, state, explanations_json, first_submitted_on, submitted_at, "
    "reviewed_at, reviewed_by, return_reason, updated_at, is_demo FROM enterprise_reports ";

StoredReport ToReport(const Row& r) {
  StoredReport s;
  s.id = r.Int(0);
  s.park_id = r.Int(1);
  s.enterprise_id = r.Int(2);
  s.period = Period::Parse(r.Text(3)).value_or(Period{});
  s.state = enterprise::ParseReportState(r.Text(4)).value_or(ReportState::kDraft);
  s.explanations = ParseExplanations(r.Text(5));
  s.first_submitted_on = OptDate(r, 6);
  s.submitted_at = r.Text(7);
  s.reviewed_at = r.Text(8);
  s.reviewed_by = r.Text(9);
  s.return_reason = r.Text(10);
  s.updated_at = r.Text(11);
  s.is_demo = r.Bool(12);
  return s;
}

Status LoadValues(Connection& c, StoredReport& r) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT field, value FROM enterprise_report_values WHERE "
                                             "enterprise_id = ? AND period = ?",
                                             {r.enterprise_id, r.period.ToString()}));
  r.values.clear();
  for (const auto& v : rows) r.values[v.Text(0)] = v.Double(1);
  return Status::Ok();
}

StatusOr<std::optional<StoredReport>> LoadReport(Connection& c, int64_t eid, Period p) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kReportCols) + "WHERE enterprise_id = ? AND period = ?",
                                               {eid, p.ToString()}));
  if (!row) return std::optional<StoredReport>();
  StoredReport r = ToReport(*row);
  PARKHQ_RETURN_IF_ERROR(LoadValues(c, r));
  return std::optional<StoredReport>(std::move(r));
}

std::string ReportJson(const StoredReport& r) {
  boost::json::object values;
  for (const auto& [k, v] : r.values) values[k] = v;
  boost::json::object o{{"enterprise_id", r.enterprise_id},
                        {"period", r.period.ToString()},
                        {"state", enterprise::ReportStateName(r.state)},
                        {"values", values},
                        {"explanations", boost::json::parse(ExplanationsJson(r.explanations))}};
  return boost::json::serialize(o);
}

std::string Num(double v) {
  std::ostringstream s;
  s.precision(15);
  s << v;
  return s.str();
}

// Park filter: enterprises whose park or sub-park is one of the ids. alias is the enterprises alias.
std::string ParkClause(const std::string& alias, size_t n) {
  return "(" + alias + ".park_id IN (" + Placeholders(n) + ") OR " + alias + ".sub_park_id IN (" +
         Placeholders(n) + "))";
}
void AddParkParams(std::vector<Value>& params, const std::vector<int64_t>& ids) {
  for (int pass = 0; pass < 2; ++pass)
    for (int64_t id : ids) params.push_back(id);
}

}  // namespace

StatusOr<std::optional<Enterprise>> SqlEnterpriseRepository::Find(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(SnapshotSql(), {id}));
  if (!row) return std::optional<Enterprise>();
  std::vector<Enterprise> one{ToEnterprise(*row)};
  PARKHQ_RETURN_IF_ERROR(LoadFlags(*c, one));
  return std::optional<Enterprise>(std::move(one[0]));
}

StatusOr<std::optional<int64_t>> SqlEnterpriseRepository::FindIdByUscc(const std::string& uscc) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT id FROM enterprises WHERE uscc = ?", {uscc}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

StatusOr<enterprise::EnterprisePage> SqlEnterpriseRepository::List(const enterprise::EnterpriseFilter& f) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string where = "WHERE 1 = 1";
  std::vector<Value> params;
  if (f.only_id) {
    where += " AND e.id = ?";
    params.push_back(*f.only_id);
  }
  if (!f.park_ids.empty()) {
    where += " AND " + ParkClause("e", f.park_ids.size());
    AddParkParams(params, f.park_ids);
  }
  if (!f.q.empty()) {
    where += " AND (e.name LIKE ? OR e.uscc LIKE ?)";
    params.push_back("%" + f.q + "%");
    params.push_back("%" + f.q + "%");
  }
  if (f.leading_group) {
    where += " AND e.leading_group = ?";
    params.push_back(std::string(enterprise::LeadingGroupCode(*f.leading_group)));
  }
  if (f.above_scale) {
    where += " AND e.above_scale = ?";
    params.push_back(int64_t{*f.above_scale});
  }
  if (f.status) {
    where += " AND e.status = ?";
    params.push_back(std::string(enterprise::EnterpriseStatusName(*f.status)));
  }
  if (!f.flag.empty()) {
    where += " AND EXISTS (SELECT 1 FROM enterprise_flags fl WHERE fl.enterprise_id = e.id AND fl.flag = ?)";
    params.push_back(f.flag);
  }
  enterprise::EnterprisePage page;
  PARKHQ_ASSIGN_OR_RETURN(auto count, c->QueryOne("SELECT COUNT(*) FROM enterprises e " + where, params));
  page.total = count ? count->Int(0) : 0;
  std::string sql = std::string(kCols).replace(std::string(kCols).find("FROM enterprises"), 16, "FROM enterprises e") +
                    where + " ORDER BY e.id";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.push_back(f.limit);
    params.push_back(f.offset);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql, params));
  for (const auto& r : rows) page.items.push_back(ToEnterprise(r));
  PARKHQ_RETURN_IF_ERROR(LoadFlags(*c, page.items));
  return page;
}

namespace {
// Inserts one enterprise with its flags and its audit row, inside the caller's transaction.
StatusOr<int64_t> InsertEnterprise(Connection& c, const Enterprise& e, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto dup, c.QueryOne("SELECT id FROM enterprises WHERE uscc = ?", {e.uscc}));
  if (dup) return Status::Conflict("统一社会信用代码已登记", {{"uscc", "统一社会信用代码已存在"}});
  auto params = EnterpriseValues(e);
  const std::string now = NowIso();
  params.push_back(now);
  params.push_back(now);
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c.InsertId("INSERT INTO enterprises(park_id, sub_park_id, uscc, name, legal_rep, address, contact_phone, "
                 "land_parcels, industry_code, leading_group, leading_group_manual, above_scale, scale_changed_on, "
                 "employees, founded_on, moved_in_on, status, status_changed_on, tax_arrears, is_demo, created_at, "
                 "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                 params));
  Enterprise stored = e;
  stored.id = id;
  PARKHQ_RETURN_IF_ERROR(WriteFlags(c, stored));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, SnapshotSql(), {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "enterprise", std::to_string(id), e.park_id, "", after));
  return id;
}
}  // namespace

StatusOr<int64_t> SqlEnterpriseRepository::Create(const Enterprise& e, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertEnterprise(*c, e, who));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlEnterpriseRepository::CreateMany(const std::vector<Enterprise>& items, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  for (const auto& e : items) PARKHQ_RETURN_IF_ERROR(InsertEnterprise(*c, e, who).status());
  return tx.Commit();
}

Status SqlEnterpriseRepository::Update(const Enterprise& e, const Scope& who, const std::string& reason) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto dup, c->QueryOne("SELECT id FROM enterprises WHERE uscc = ? AND id <> ?", {e.uscc, e.id}));
  if (dup) return Status::Conflict("统一社会信用代码已登记", {{"uscc", "统一社会信用代码已存在"}});
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, SnapshotSql(), {e.id}));
  auto params = EnterpriseValues(e);
  params.push_back(NowIso());
  params.push_back(e.id);
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t n,
      c->Exec("UPDATE enterprises SET park_id = ?, sub_park_id = ?, uscc = ?, name = ?, legal_rep = ?, address = ?, "
              "contact_phone = ?, land_parcels = ?, industry_code = ?, leading_group = ?, leading_group_manual = ?, "
              "above_scale = ?, scale_changed_on = ?, employees = ?, founded_on = ?, moved_in_on = ?, status = ?, "
              "status_changed_on = ?, tax_arrears = ?, is_demo = ?, updated_at = ? WHERE id = ?",
              params));
  if (n == 0) return Status::NotFound("企业不存在");
  PARKHQ_RETURN_IF_ERROR(WriteFlags(*c, e));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, SnapshotSql(), {e.id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "update", "enterprise", std::to_string(e.id), e.park_id, before, after, reason));
  return tx.Commit();
}

StatusOr<std::optional<StoredReport>> SqlEnterpriseRepository::FindReport(int64_t enterprise_id, Period period) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return LoadReport(*c, enterprise_id, period);
}

StatusOr<std::vector<StoredReport>> SqlEnterpriseRepository::ListReports(int64_t enterprise_id, Period from,
                                                                         Period to) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kReportCols) + "WHERE enterprise_id = ? AND period >= ? "
                                                                         "AND period <= ? ORDER BY period",
                                              {enterprise_id, from.ToString(), to.ToString()}));
  std::vector<StoredReport> out;
  std::map<std::string, size_t> index;
  for (const auto& r : rows) {
    index[r.Text(3)] = out.size();
    out.push_back(ToReport(r));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto vals, c->Query("SELECT period, field, value FROM enterprise_report_values WHERE "
                                              "enterprise_id = ? AND period >= ? AND period <= ?",
                                              {enterprise_id, from.ToString(), to.ToString()}));
  for (const auto& v : vals)
    if (auto it = index.find(v.Text(0)); it != index.end()) out[it->second].values[v.Text(1)] = v.Double(2);
  return out;
}

StatusOr<std::vector<StoredReport>> SqlEnterpriseRepository::ListParkReports(const std::vector<int64_t>& park_ids,
                                                                             std::optional<Period> period,
                                                                             std::optional<ReportState> state,
                                                                             bool with_values) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string sql =
      "SELECT r.id, r.park_id, r.enterprise_id, r.period, r.state, r.explanations_json, r.first_submitted_on, "
      "r.submitted_at, r.reviewed_at, r.reviewed_by, r.return_reason, r.updated_at, r.is_demo FROM enterprise_reports r "
      "JOIN enterprises e ON e.id = r.enterprise_id WHERE " + ParkClause("e", park_ids.size());
  AddParkParams(params, park_ids);
  if (period) {
    sql += " AND r.period = ?";
    params.push_back(period->ToString());
  }
  if (state) {
    sql += " AND r.state = ?";
    params.push_back(std::string(enterprise::ReportStateName(*state)));
  }
  sql += " ORDER BY r.period, r.enterprise_id";
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql, params));
  std::vector<StoredReport> out;
  for (const auto& r : rows) out.push_back(ToReport(r));
  if (with_values)
    for (auto& r : out) PARKHQ_RETURN_IF_ERROR(LoadValues(*c, r));
  return out;
}

Status SqlEnterpriseRepository::InsertReportRaw(Connection& c, const StoredReport& r) {
  PARKHQ_RETURN_IF_ERROR(
      c.Exec("INSERT INTO enterprise_reports(park_id, enterprise_id, period, state, explanations_json, "
             "first_submitted_on, submitted_at, reviewed_at, reviewed_by, return_reason, is_demo, updated_at) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
             {r.park_id, r.enterprise_id, r.period.ToString(), std::string(enterprise::ReportStateName(r.state)),
              ExplanationsJson(r.explanations), DateValue(r.first_submitted_on), r.submitted_at, r.reviewed_at,
              r.reviewed_by, r.return_reason, int64_t{r.is_demo}, r.updated_at.empty() ? NowIso() : r.updated_at})
          .status());
  if (r.values.empty()) return Status::Ok();
  // One multi-row INSERT per report (prepared once per number of values and cached).
  std::string sql = "INSERT INTO enterprise_report_values(park_id, enterprise_id, period, field, value) VALUES ";
  std::vector<Value> params;
  params.reserve(r.values.size() * 5);
  const std::string period = r.period.ToString();
  for (const auto& [field, value] : r.values) {
    sql += params.empty() ? "(?,?,?,?,?)" : ",(?,?,?,?,?)";
    params.insert(params.end(), {r.park_id, r.enterprise_id, period, field, value});
  }
  return c.Exec(sql, params).status();
}

StatusOr<StoredReport> SqlEnterpriseRepository::SaveReport(const StoredReport& r, const Scope& who,
                                                           const std::string& action, const std::string& reason) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, LoadReport(*c, r.enterprise_id, r.period));
  const std::string now = NowIso();
  StoredReport next = r;
  next.updated_at = now;
  if (!before) {
    PARKHQ_RETURN_IF_ERROR(InsertReportRaw(*c, next));
  } else {
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("UPDATE enterprise_reports SET state = ?, explanations_json = ?, first_submitted_on = ?, "
                "submitted_at = ?, reviewed_at = ?, reviewed_by = ?, return_reason = ?, updated_at = ? "
                "WHERE enterprise_id = ? AND period = ?",
                {std::string(enterprise::ReportStateName(next.state)), ExplanationsJson(next.explanations),
                 DateValue(next.first_submitted_on), next.submitted_at, next.reviewed_at, next.reviewed_by,
                 next.return_reason, now, next.enterprise_id, next.period.ToString()})
            .status());
    PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM enterprise_report_values WHERE enterprise_id = ? AND period = ?",
                                   {next.enterprise_id, next.period.ToString()})
                               .status());
    for (const auto& [field, value] : next.values)
      PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO enterprise_report_values(park_id, enterprise_id, period, field, "
                                     "value) VALUES (?,?,?,?,?)",
                                     {next.park_id, next.enterprise_id, next.period.ToString(), field, value})
                                 .status());
  }
  // Revisions: one row per changed value, explanation or state.
  struct Change {
    std::string field;
    std::optional<std::string> old_value, new_value;
  };
  std::vector<Change> changes;
  const StoredReport empty;
  const StoredReport& old = before ? *before : empty;
  std::set<std::string> keys;
  for (const auto& [k, v] : old.values) keys.insert(k);
  for (const auto& [k, v] : next.values) keys.insert(k);
  for (const auto& k : keys) {
    auto a = old.values.find(k);
    auto b = next.values.find(k);
    std::optional<std::string> ov = a == old.values.end() ? std::nullopt : std::optional(Num(a->second));
    std::optional<std::string> nv = b == next.values.end() ? std::nullopt : std::optional(Num(b->second));
    if (ov != nv) changes.push_back({"values." + k, ov, nv});
  }
  keys.clear();
  for (const auto& [k, v] : old.explanations) keys.insert(k);
  for (const auto& [k, v] : next.explanations) keys.insert(k);
  for (const auto& k : keys) {
    auto a = old.explanations.find(k);
    auto b = next.explanations.find(k);
    std::optional<std::string> ov = a == old.explanations.end() ? std::nullopt : std::optional(a->second);
    std::optional<std::string> nv = b == next.explanations.end() ? std::nullopt : std::optional(b->second);
    if (ov != nv) changes.push_back({"explanations." + k, ov, nv});
  }
  if (!before || before->state != next.state)
    changes.push_back({"state", before ? std::optional<std::string>(enterprise::ReportStateName(before->state))
                                       : std::nullopt,
                       std::string(enterprise::ReportStateName(next.state))});
  for (const auto& ch : changes)
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("INSERT INTO enterprise_report_revisions(park_id, enterprise_id, period, at, user_id, username, "
                "field, old_value, new_value, reason) VALUES (?,?,?,?,?,?,?,?,?,?)",
                {next.park_id, next.enterprise_id, next.period.ToString(), now, who.user_id, who.username, ch.field,
                 Opt(ch.old_value), Opt(ch.new_value), reason})
            .status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "report_" + action, "enterprise_report",
                                    std::to_string(next.enterprise_id) + "/" + next.period.ToString(), next.park_id,
                                    before ? ReportJson(*before) : "", ReportJson(next), reason));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, LoadReport(*c, next.enterprise_id, next.period));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return *stored;
}

StatusOr<std::vector<enterprise::Revision>> SqlEnterpriseRepository::ListRevisions(int64_t enterprise_id,
                                                                                   std::optional<Period> period) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT id, period, at, username, field, old_value, new_value, reason FROM "
                          "enterprise_report_revisions WHERE enterprise_id = ? AND (CAST(? AS TEXT) IS NULL OR "
                          "period = ?) ORDER BY id DESC",
                          {enterprise_id, period ? Value(period->ToString()) : Value(),
                           period ? Value(period->ToString()) : Value()}));
  std::vector<enterprise::Revision> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), Period::Parse(r.Text(1)).value_or(Period{}), r.Text(2), r.Text(3), r.Text(4), r.Text(7),
                   r.OptText(5), r.OptText(6)});
  return out;
}

StatusOr<std::optional<Date>> SqlEnterpriseRepository::FindException(int64_t enterprise_id, Period period) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT until_date FROM enterprise_report_exceptions WHERE "
                                                "enterprise_id = ? AND period = ?",
                                                {enterprise_id, period.ToString()}));
  if (!row) return std::optional<Date>();
  return Date::Parse(row->Text(0));
}

Status SqlEnterpriseRepository::GrantException(int64_t park_id, int64_t enterprise_id, Period period, Date until,
                                               const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::vector<Value> key = {enterprise_id, period.ToString()};
  const char kSnap[] = "SELECT enterprise_id, period, until_date, reason, granted_by FROM enterprise_report_exceptions "
                       "WHERE enterprise_id = ? AND period = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM enterprise_report_exceptions WHERE enterprise_id = ? AND period = ?", key)
                             .status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO enterprise_report_exceptions(park_id, enterprise_id, period, until_date, "
                                 "reason, granted_by, granted_at) VALUES (?,?,?,?,?,?,?)",
                                 {park_id, enterprise_id, period.ToString(), until.ToString(), reason, who.username,
                                  NowIso()})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "grant", "enterprise_report_exception",
                                    std::to_string(enterprise_id) + "/" + period.ToString(), park_id, before, after,
                                    reason));
  return tx.Commit();
}

StatusOr<std::map<int64_t, std::array<std::optional<double>, 12>>> SqlEnterpriseRepository::ApprovedMonthlyTotals(
    const std::string& field, const std::vector<int64_t>& park_ids, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::map<int64_t, std::array<std::optional<double>, 12>> out;
  char from[16], to[16];
  std::snprintf(from, sizeof from, "%04d-01", year);
  std::snprintf(to, sizeof to, "%04d-12", year);
  for (int64_t park_id : park_ids) {
    auto& months = out[park_id];
    PARKHQ_ASSIGN_OR_RETURN(
        auto rows, c->Query("SELECT v.period, SUM(v.value) FROM enterprise_report_values v "
                            "JOIN enterprise_reports r ON r.enterprise_id = v.enterprise_id AND r.period = v.period "
                            "JOIN enterprises e ON e.id = v.enterprise_id "
                            "WHERE (e.park_id = ? OR e.sub_park_id = ?) AND v.field = ? AND v.period >= ? AND "
                            "v.period <= ? AND r.state = 'approved' GROUP BY v.period",
                            {park_id, park_id, field, std::string(from), std::string(to)}));
    for (const auto& r : rows)
      if (auto p = Period::Parse(r.Text(0)); p && p->year == year) months[p->month - 1] = r.Double(1);
  }
  return out;
}

StatusOr<std::vector<enterprise::ApprovedValue>> SqlEnterpriseRepository::ApprovedValues(
    const std::vector<int64_t>& park_ids, const std::string& field, Period from, Period to) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  AddParkParams(params, park_ids);
  params.push_back(field);
  params.push_back(from.ToString());
  params.push_back(to.ToString());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT v.enterprise_id, v.period, v.value FROM enterprise_report_values v "
                          "JOIN enterprise_reports r ON r.enterprise_id = v.enterprise_id AND r.period = v.period "
                          "JOIN enterprises e ON e.id = v.enterprise_id WHERE " + ParkClause("e", park_ids.size()) +
                              " AND v.field = ? AND v.period >= ? AND v.period <= ? AND r.state = 'approved' "
                              "ORDER BY v.enterprise_id, v.period",
                          params));
  std::vector<enterprise::ApprovedValue> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({r.Int(0), Period::Parse(r.Text(1)).value_or(Period{}), r.Double(2)});
  return out;
}

}  // namespace parkhq::storage
