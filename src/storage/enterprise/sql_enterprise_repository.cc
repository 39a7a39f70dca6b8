#include "storage/enterprise/sql_enterprise_repository.h"

#include <boost/json.hpp>
#include <set>

#include "common/time.h"
#include "storage/audit_store.h"

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

std::optional<Date> OptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}
Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }

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

StatusOr<int> SqlEnterpriseRepository::DeadlineDay(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT value FROM settings WHERE park_id IN (?, 0) AND "
                                                "key = 'enterprise.report_deadline_day' ORDER BY park_id DESC",
                                                {park_id}));
  if (!row) return 10;
  try {
    int d = std::stoi(row->Text(0));
    return d >= 1 && d <= 31 ? d : 10;
  } catch (const std::exception&) {
    return 10;
  }
}

StatusOr<std::optional<std::vector<enterprise::ValidationRule>>> SqlEnterpriseRepository::ListRules(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT code, name, when_expr, left_expr, op, right_expr, threshold_pct, "
                                              "severity, message, field, enabled FROM enterprise_rules WHERE "
                                              "park_id = ? ORDER BY sort, id",
                                              {park_id}));
  if (rows.empty()) return std::optional<std::vector<enterprise::ValidationRule>>();
  std::vector<enterprise::ValidationRule> out;
  for (const auto& r : rows) {
    enterprise::ValidationRule v;
    v.code = r.Text(0);
    v.name = r.Text(1);
    v.when = r.Text(2);
    v.left = r.Text(3);
    v.op = enterprise::ParseRuleOperator(r.Text(4)).value_or(enterprise::RuleOperator::kLe);
    v.right = r.Text(5);
    v.threshold_pct = r.Double(6);
    v.severity = enterprise::ParseSeverity(r.Text(7)).value_or(enterprise::Severity::kError);
    v.message = r.Text(8);
    v.field = r.Text(9);
    v.enabled = r.Bool(10);
    out.push_back(std::move(v));
  }
  return std::optional(std::move(out));
}

Status SqlEnterpriseRepository::ReplaceRules(int64_t park_id, const std::vector<enterprise::ValidationRule>& rules,
                                             const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  auto json_of = [&]() -> StatusOr<std::string> {
    PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT code, when_expr, left_expr, op, right_expr, threshold_pct, "
                                                "severity, enabled FROM enterprise_rules WHERE park_id = ? ORDER BY sort",
                                                {park_id}));
    boost::json::array a;
    for (const auto& r : rows)
      a.push_back({{"code", r.Text(0)}, {"when", r.Text(1)}, {"left", r.Text(2)}, {"op", r.Text(3)},
                   {"right", r.Text(4)}, {"threshold_pct", r.Double(5)}, {"severity", r.Text(6)},
                   {"enabled", r.Bool(7)}});
    return boost::json::serialize(a);
  };
  PARKHQ_ASSIGN_OR_RETURN(auto before, json_of());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM enterprise_rules WHERE park_id = ?", {park_id}).status());
  int64_t sort = 0;
  for (const auto& r : rules)
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("INSERT INTO enterprise_rules(park_id, sort, code, name, when_expr, left_expr, op, right_expr, "
                "threshold_pct, severity, message, field, enabled) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                {park_id, sort++, r.code, r.name, r.when, r.left, std::string(enterprise::RuleOperatorSymbol(r.op)),
                 r.right, r.threshold_pct, std::string(enterprise::SeverityName(r.severity)), r.message, r.field,
                 int64_t{r.enabled}})
            .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, json_of());
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "update", "enterprise_rules", std::to_string(park_id), park_id, before, after));
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

namespace {

// One transaction on one borrowed connection for the whole import. Each report is one header row
// and one multi-row INSERT of its values (statements are prepared once per shape and cached).
class SqlReportImportSink : public enterprise::ReportImportSink {
 public:
  SqlReportImportSink(ConnectionHandle conn, int64_t park_id) : conn_(std::move(conn)), park_id_(park_id) {
    // A bulk import is one large transaction: on SQLite a larger page cache for its duration keeps
    // dirty index pages from spilling to the WAL and being read back (engine tuning, not SQL
    // semantics; restored when the sink ends). Bounded: 64 MiB whatever the file size.
    if (conn_->engine() == Engine::kSqlite) (void)conn_->ExecScript("PRAGMA cache_size = -65536");
    tx_ = std::make_unique<Transaction>(*conn_);
  }
  ~SqlReportImportSink() override {
    tx_.reset();
    if (conn_->engine() == Engine::kSqlite) (void)conn_->ExecScript("PRAGMA cache_size = -2000");
  }
  Status status() const { return tx_->status(); }

  Status Add(const StoredReport& r, bool replace) override {
    Connection& c = *conn_;
    const std::string period = r.period.ToString();
    if (replace) {
      PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM enterprise_report_values WHERE enterprise_id = ? AND period = ?",
                                    {r.enterprise_id, period})
                                 .status());
      PARKHQ_RETURN_IF_ERROR(
          c.Exec("DELETE FROM enterprise_reports WHERE enterprise_id = ? AND period = ?", {r.enterprise_id, period})
              .status());
    }
    PARKHQ_RETURN_IF_ERROR(
        c.Exec("INSERT INTO enterprise_reports(park_id, enterprise_id, period, state, explanations_json, "
               "first_submitted_on, submitted_at, reviewed_at, reviewed_by, return_reason, is_demo, updated_at) "
               "VALUES (?,?,?,?,'{}',?,?,?,?,'',0,?)",
               {r.park_id, r.enterprise_id, period, std::string(enterprise::ReportStateName(r.state)),
                DateValue(r.first_submitted_on), r.submitted_at, r.reviewed_at, r.reviewed_by, r.updated_at})
            .status());
    if (r.values.empty()) return Status::Ok();
    std::string sql = "INSERT INTO enterprise_report_values(park_id, enterprise_id, period, field, value) VALUES ";
    std::vector<Value> params;
    params.reserve(r.values.size() * 5);
    bool first = true;
    for (const auto& [field, value] : r.values) {
      sql += first ? "(?,?,?,?,?)" : ",(?,?,?,?,?)";
      first = false;
      params.insert(params.end(), {r.park_id, r.enterprise_id, period, field, value});
    }
    ++rows_;
    return c.Exec(sql, params).status();
  }

  Status Commit(const Scope& who, const std::string& summary) override {
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*conn_, who, "import", "enterprise_report", "", park_id_, "",
                                      "{\"rows\":" + std::to_string(rows_) + "}", summary));
    return tx_->Commit();
  }

 private:
  ConnectionHandle conn_;
  std::unique_ptr<Transaction> tx_;
  int64_t park_id_;
  int64_t rows_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<enterprise::ReportImportSink>> SqlEnterpriseRepository::BeginReportImport(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  auto sink = std::make_unique<SqlReportImportSink>(std::move(c), park_id);
  PARKHQ_RETURN_IF_ERROR(sink->status());
  return std::unique_ptr<enterprise::ReportImportSink>(std::move(sink));
}

StatusOr<std::vector<enterprise::PoolMember>> SqlEnterpriseRepository::ListPoolMembers(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, pool_code, enterprise_id, since, status, note, "
                                              "accepted_by FROM enterprise_pool_members WHERE park_id = ? ORDER BY id",
                                              {park_id}));
  std::vector<enterprise::PoolMember> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Int(3), Date::Parse(r.Text(4)).value_or(Date{}), r.Text(5),
                   r.Text(6), r.Text(7)});
  return out;
}

StatusOr<int64_t> SqlEnterpriseRepository::AddPoolMember(const enterprise::PoolMember& m, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto cur, c->QueryOne("SELECT id, status FROM enterprise_pool_members WHERE park_id = ? AND "
                                                "pool_code = ? AND enterprise_id = ?",
                                                {m.park_id, m.pool_code, m.enterprise_id}));
  if (cur && cur->Text(1) == "active") return Status::Conflict("该企业已在培育库中");
  int64_t id;
  if (cur) {
    id = cur->Int(0);
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE enterprise_pool_members SET status = 'active', since = ?, note = ?, "
                                   "accepted_by = ? WHERE id = ?",
                                   {m.since.ToString(), m.note, m.accepted_by, id})
                               .status());
  } else {
    PARKHQ_ASSIGN_OR_RETURN(id, c->InsertId("INSERT INTO enterprise_pool_members(park_id, pool_code, enterprise_id, "
                                            "since, status, note, accepted_by) VALUES (?,?,?,?,'active',?,?) "
                                            "RETURNING id",
                                            {m.park_id, m.pool_code, m.enterprise_id, m.since.ToString(), m.note,
                                             m.accepted_by}));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM enterprise_pool_members WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "create", "enterprise_pool_member", std::to_string(id), m.park_id, "", after, m.note));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<enterprise::DisposalRecord>> SqlEnterpriseRepository::ListDisposals(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, enterprise_id, measure, responsible_unit, due, "
                                              "status, completed_on, note, created_at FROM zombie_disposals WHERE "
                                              "park_id = ? ORDER BY id",
                                              {park_id}));
  std::vector<enterprise::DisposalRecord> out;
  for (const auto& r : rows) {
    enterprise::DisposalRecord d;
    d.id = r.Int(0);
    d.park_id = r.Int(1);
    d.enterprise_id = r.Int(2);
    d.disposal.measure = r.Text(3);
    d.disposal.responsible_unit = r.Text(4);
    d.disposal.due = OptDate(r, 5);
    d.disposal.status = enterprise::ParseDisposalStatus(r.Text(6)).value_or(enterprise::DisposalStatus::kPlanned);
    d.disposal.completed_on = OptDate(r, 7);
    d.note = r.Text(8);
    d.created_at = r.Text(9);
    out.push_back(std::move(d));
  }
  return out;
}

StatusOr<int64_t> SqlEnterpriseRepository::AddDisposal(const enterprise::DisposalRecord& d, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO zombie_disposals(park_id, enterprise_id, measure, responsible_unit, due, "
                              "status, completed_on, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
                              "RETURNING id",
                              {d.park_id, d.enterprise_id, d.disposal.measure, d.disposal.responsible_unit,
                               DateValue(d.disposal.due), std::string(enterprise::DisposalStatusName(d.disposal.status)),
                               DateValue(d.disposal.completed_on), d.note, now, now}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM zombie_disposals WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "zombie_disposal", std::to_string(id), d.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::optional<enterprise::DisposalRecord>> SqlEnterpriseRepository::FindDisposal(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT id, park_id, enterprise_id, measure, responsible_unit, due, "
                                                "status, completed_on, note, created_at FROM zombie_disposals WHERE "
                                                "id = ?",
                                                {id}));
  if (!row) return std::optional<enterprise::DisposalRecord>();
  enterprise::DisposalRecord d;
  const auto& r = *row;
  d.id = r.Int(0);
  d.park_id = r.Int(1);
  d.enterprise_id = r.Int(2);
  d.disposal.measure = r.Text(3);
  d.disposal.responsible_unit = r.Text(4);
  d.disposal.due = OptDate(r, 5);
  d.disposal.status = enterprise::ParseDisposalStatus(r.Text(6)).value_or(enterprise::DisposalStatus::kPlanned);
  d.disposal.completed_on = OptDate(r, 7);
  d.note = r.Text(8);
  d.created_at = r.Text(9);
  return std::optional(d);
}

Status SqlEnterpriseRepository::UpdateDisposal(const enterprise::DisposalRecord& d, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM zombie_disposals WHERE id = ?", {d.id}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE zombie_disposals SET measure = ?, responsible_unit = ?, due = ?, status = ?, completed_on = ?, "
              "note = ?, updated_at = ? WHERE id = ?",
              {d.disposal.measure, d.disposal.responsible_unit, DateValue(d.disposal.due),
               std::string(enterprise::DisposalStatusName(d.disposal.status)), DateValue(d.disposal.completed_on),
               d.note, NowIso(), d.id})
          .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM zombie_disposals WHERE id = ?", {d.id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "update", "zombie_disposal", std::to_string(d.id), d.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::optional<std::string>> SqlEnterpriseRepository::GetSetting(int64_t park_id, const std::string& key) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row,
                          c->QueryOne("SELECT value FROM settings WHERE park_id = ? AND key = ?", {park_id, key}));
  if (!row) return std::optional<std::string>();
  return std::optional(row->Text(0));
}

Status SqlEnterpriseRepository::PutSetting(int64_t park_id, const std::string& key, const std::string& value,
                                           const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto old,
                          c->QueryOne("SELECT value FROM settings WHERE park_id = ? AND key = ?", {park_id, key}));
  const std::string before = old ? old->Text(0) : "";
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM settings WHERE park_id = ? AND key = ?", {park_id, key}).status());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("INSERT INTO settings(park_id, key, value) VALUES (?,?,?)", {park_id, key, value}).status());
  auto wrap = [](const std::string& v) -> std::string {
    if (v.empty()) return "";
    boost::system::error_code ec;
    auto parsed = boost::json::parse(v, ec);
    return boost::json::serialize(boost::json::object{{"value", ec ? boost::json::value(v) : parsed}});
  };
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "setting", key, park_id, wrap(before), wrap(value)));
  return tx.Commit();
}

namespace {
const char kFieldsKey[] = "enterprise.report_fields";
const char kPoolsKey[] = "enterprise.pools_config";
const char kMappingKey[] = "enterprise.leading_group_mapping";

template <typename T>
T JsonNum(const boost::json::object& o, const char* k, T dflt) {
  auto* v = o.if_contains(k);
  if (!v) return dflt;
  if (v->is_double()) return static_cast<T>(v->as_double());
  if (v->is_int64()) return static_cast<T>(v->as_int64());
  if (v->is_uint64()) return static_cast<T>(v->as_uint64());
  return dflt;
}
std::string JsonStr(const boost::json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
bool JsonBool(const boost::json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_bool() && v->as_bool();
}
StatusOr<boost::json::value> ParseStored(const std::string& text, const char* key) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) return Status::Internal(std::string("设置 ") + key + " 格式损坏");
  return v;
}
}  // namespace

StatusOr<std::optional<std::vector<enterprise::ReportField>>> SqlEnterpriseRepository::FindReportFields(
    int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto text, GetSetting(park_id, kFieldsKey));
  if (!text) return std::optional<std::vector<enterprise::ReportField>>();
  PARKHQ_ASSIGN_OR_RETURN(auto v, ParseStored(*text, kFieldsKey));
  std::vector<enterprise::ReportField> out;
  if (v.is_array())
    for (const auto& x : v.as_array()) {
      if (!x.is_object()) continue;
      const auto& o = x.as_object();
      out.push_back({JsonStr(o, "code"), JsonStr(o, "name_zh"), JsonStr(o, "unit"), JsonBool(o, "required"),
                     JsonBool(o, "non_negative")});
    }
  return std::optional(std::move(out));
}

Status SqlEnterpriseRepository::SaveReportFields(int64_t park_id, const std::vector<enterprise::ReportField>& fields,
                                                 const Scope& who) {
  boost::json::array a;
  for (const auto& f : fields)
    a.push_back({{"code", f.code}, {"name_zh", f.name_zh}, {"unit", f.unit}, {"required", f.required},
                 {"non_negative", f.non_negative}});
  return PutSetting(park_id, kFieldsKey, boost::json::serialize(a), who);
}

Status SqlEnterpriseRepository::SaveDeadlineDay(int64_t park_id, int day, const Scope& who) {
  return PutSetting(park_id, "enterprise.report_deadline_day", std::to_string(day), who);
}

StatusOr<std::optional<enterprise::PoolsConfig>> SqlEnterpriseRepository::FindPoolsConfig(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto text, GetSetting(park_id, kPoolsKey));
  if (!text) return std::optional<enterprise::PoolsConfig>();
  PARKHQ_ASSIGN_OR_RETURN(auto v, ParseStored(*text, kPoolsKey));
  enterprise::PoolsConfig c = enterprise::DefaultPoolsConfig();
  if (!v.is_object()) return std::optional(c);
  const auto& o = v.as_object();
  if (auto* r = o.if_contains("reserve"); r && r->is_object()) {
    const auto& ro = r->as_object();
    c.reserve.min_ttm_revenue = JsonNum(ro, "min_ttm_revenue", c.reserve.min_ttm_revenue);
    c.reserve.max_ttm_revenue = JsonNum(ro, "max_ttm_revenue", c.reserve.max_ttm_revenue);
    c.reserve.growth_lookback_months = JsonNum(ro, "growth_lookback_months", c.reserve.growth_lookback_months);
    c.reserve.min_growth_pct = JsonNum(ro, "min_growth_pct", c.reserve.min_growth_pct);
  }
  c.reserve_cycle_months = JsonNum(o, "reserve_cycle_months", c.reserve_cycle_months);
  if (auto* w = o.if_contains("watch"); w && w->is_object()) {
    const auto& wo = w->as_object();
    c.watch.ttm_revenue_below = JsonNum(wo, "ttm_revenue_below", c.watch.ttm_revenue_below);
    c.watch.falling_months = JsonNum(wo, "falling_months", c.watch.falling_months);
  }
  c.watch_cycle_months = JsonNum(o, "watch_cycle_months", c.watch_cycle_months);
  if (auto* fp = o.if_contains("flag_pools"); fp && fp->is_array()) {
    c.flag_pools.clear();
    for (const auto& x : fp->as_array()) {
      if (!x.is_object()) continue;
      const auto& po = x.as_object();
      enterprise::FlagPoolRule p;
      p.code = JsonStr(po, "code");
      p.name_zh = JsonStr(po, "name_zh");
      p.target_flag = JsonStr(po, "target_flag");
      p.cycle_months = JsonNum(po, "cycle_months", 24);
      if (auto* af = po.if_contains("any_of_flags"); af && af->is_array())
        for (const auto& f : af->as_array())
          if (f.is_string()) p.any_of_flags.emplace_back(f.as_string());
      c.flag_pools.push_back(std::move(p));
    }
  }
  return std::optional(c);
}

Status SqlEnterpriseRepository::SavePoolsConfig(int64_t park_id, const enterprise::PoolsConfig& c, const Scope& who) {
  boost::json::array pools;
  for (const auto& p : c.flag_pools) {
    boost::json::array flags;
    for (const auto& f : p.any_of_flags) flags.push_back(boost::json::value(f));
    pools.push_back({{"code", p.code}, {"name_zh", p.name_zh}, {"any_of_flags", std::move(flags)},
                     {"target_flag", p.target_flag}, {"cycle_months", p.cycle_months}});
  }
  boost::json::object o{{"reserve",
                         {{"min_ttm_revenue", c.reserve.min_ttm_revenue},
                          {"max_ttm_revenue", c.reserve.max_ttm_revenue},
                          {"growth_lookback_months", c.reserve.growth_lookback_months},
                          {"min_growth_pct", c.reserve.min_growth_pct}}},
                        {"reserve_cycle_months", c.reserve_cycle_months},
                        {"watch",
                         {{"ttm_revenue_below", c.watch.ttm_revenue_below},
                          {"falling_months", c.watch.falling_months}}},
                        {"watch_cycle_months", c.watch_cycle_months},
                        {"flag_pools", std::move(pools)}};
  return PutSetting(park_id, kPoolsKey, boost::json::serialize(o), who);
}

StatusOr<std::optional<std::vector<enterprise::LeadingGroupRule>>> SqlEnterpriseRepository::FindLeadingGroupRules(
    int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto text, GetSetting(park_id, kMappingKey));
  if (!text) return std::optional<std::vector<enterprise::LeadingGroupRule>>();
  PARKHQ_ASSIGN_OR_RETURN(auto v, ParseStored(*text, kMappingKey));
  std::vector<enterprise::LeadingGroupRule> out;
  if (v.is_array())
    for (const auto& x : v.as_array()) {
      if (!x.is_object()) continue;
      const auto& o = x.as_object();
      out.push_back({JsonStr(o, "code_prefix"),
                     enterprise::ParseLeadingGroup(JsonStr(o, "group")).value_or(enterprise::LeadingGroup::kOther)});
    }
  return std::optional(std::move(out));
}

Status SqlEnterpriseRepository::SaveLeadingGroupRules(int64_t park_id,
                                                      const std::vector<enterprise::LeadingGroupRule>& rules,
                                                      const Scope& who) {
  boost::json::array a;
  for (const auto& r : rules)
    a.push_back({{"code_prefix", r.code_prefix}, {"group", enterprise::LeadingGroupCode(r.group)}});
  return PutSetting(park_id, kMappingKey, boost::json::serialize(a), who);
}

}  // namespace parkhq::storage
