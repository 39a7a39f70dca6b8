// SqlEnterpriseRepository, part two: monthly reports — one row per report with its values as one
// JSON object (report_values_json.h), revisions, deadline exceptions and the approved figures other
// modules read.
#include <boost/json.hpp>
#include <cstdio>
#include <set>
#include <sstream>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/report_values_json.h"
#include "storage/enterprise/sql_enterprise_internal.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {
namespace enterprise_sql {

using enterprise::ReportState;
using enterprise::StoredReport;
using sql_dates::DateValue;
using sql_dates::OptDate;

namespace {

std::string ExplanationsJson(const std::map<std::string, std::string>& m) {
  boost::json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return boost::json::serialize(o);
}

std::map<std::string, std::string> ParseExplanations(const std::string& s) {
  std::map<std::string, std::string> out;
  if (s == "{}") return out;
  boost::system::error_code ec;
  auto v = boost::json::parse(s, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, val] : v.as_object())
    if (val.is_string()) out[std::string(k)] = std::string(val.as_string());
  return out;
}

std::string Num(double v) {
  std::ostringstream s;
  s.precision(15);
  s << v;
  return s.str();
}

template <typename Map, typename Show>
void DiffInto(std::vector<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>>& changes,
              const std::string& prefix, const Map& old_map, const Map& new_map, Show show) {
  std::set<std::string> keys;
  for (const auto& [k, v] : old_map) keys.insert(k);
  for (const auto& [k, v] : new_map) keys.insert(k);
  for (const auto& k : keys) {
    auto a = old_map.find(k);
    auto b = new_map.find(k);
    std::optional<std::string> ov = a == old_map.end() ? std::nullopt : std::optional(show(a->second));
    std::optional<std::string> nv = b == new_map.end() ? std::nullopt : std::optional(show(b->second));
    if (ov != nv) changes.emplace_back(prefix + k, ov, nv);
  }
}

}  // namespace

const char kReportColumns[] =
    "r.id, r.park_id, r.enterprise_id, r.period, r.state, r.explanations_json, r.first_submitted_on, "
    "r.submitted_at, r.reviewed_at, r.reviewed_by, r.return_reason, r.updated_at, r.is_demo, r.values_json";

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
  s.values = DecodeReportValues(r.Text(13));
  return s;
}

Status UpdateReportRow(Connection& c, const StoredReport& next, const std::string& now) {
  return c
      .Exec("UPDATE enterprise_reports SET state = ?, values_json = ?, explanations_json = ?, first_submitted_on = ?, "
            "submitted_at = ?, reviewed_at = ?, reviewed_by = ?, return_reason = ?, updated_at = ? "
            "WHERE enterprise_id = ? AND period = ?",
            {std::string(enterprise::ReportStateName(next.state)), EncodeReportValues(next.values),
             ExplanationsJson(next.explanations), DateValue(next.first_submitted_on), next.submitted_at,
             next.reviewed_at, next.reviewed_by, next.return_reason, now, next.enterprise_id,
             next.period.ToString()})
      .status();
}

Status WriteRevisions(Connection& c, const StoredReport* before, const StoredReport& next, const Scope& who,
                      const std::string& at, const std::string& reason) {
  std::vector<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>> changes;
  const StoredReport empty;
  const StoredReport& old = before ? *before : empty;
  DiffInto(changes, "values.", old.values, next.values, [](double v) { return Num(v); });
  DiffInto(changes, "explanations.", old.explanations, next.explanations, [](const std::string& v) { return v; });
  if (!before || before->state != next.state)
    changes.emplace_back("state",
                         before ? std::optional<std::string>(enterprise::ReportStateName(before->state)) : std::nullopt,
                         std::string(enterprise::ReportStateName(next.state)));
  for (const auto& [field, ov, nv] : changes)
    PARKHQ_RETURN_IF_ERROR(
        c.Exec("INSERT INTO enterprise_report_revisions(park_id, enterprise_id, period, at, user_id, username, "
               "field, old_value, new_value, reason) VALUES (?,?,?,?,?,?,?,?,?,?)",
               {next.park_id, next.enterprise_id, next.period.ToString(), at, who.user_id, who.username, field,
                Opt(ov), Opt(nv), reason})
            .status());
  return Status::Ok();
}

}  // namespace enterprise_sql

namespace {

using namespace enterprise_sql;
using enterprise::ReportState;
using enterprise::StoredReport;
using sql_dates::DateValue;

StatusOr<std::optional<StoredReport>> LoadReport(Connection& c, int64_t eid, Period p) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string("SELECT ") + kReportColumns +
                                                   " FROM enterprise_reports r WHERE r.enterprise_id = ? AND r.period = ?",
                                               {eid, p.ToString()}));
  if (!row) return std::optional<StoredReport>();
  return std::optional<StoredReport>(ToReport(*row));
}

std::string ReportJson(const StoredReport& r) {
  boost::json::object values;
  for (const auto& [k, v] : r.values) values[k] = v;
  boost::json::object explanations;
  for (const auto& [k, v] : r.explanations) explanations[k] = v;
  boost::json::object o{{"enterprise_id", r.enterprise_id},
                        {"period", r.period.ToString()},
                        {"state", enterprise::ReportStateName(r.state)},
                        {"values", values},
                        {"explanations", explanations}};
  return boost::json::serialize(o);
}

// Approved reports of the enterprises of these parks with from <= period <= to, one call per row
// with the enterprise id, the period text and the values JSON.
Status ForEachApproved(Connection& c, const std::vector<int64_t>& park_ids, const std::string& from,
                       const std::string& to, const std::function<void(int64_t, const std::string&, const std::string&)>& fn) {
  std::vector<Value> params;
  AddParkParams(params, park_ids);
  params.push_back(from);
  params.push_back(to);
  return c.ForEach("SELECT r.enterprise_id, r.period, r.values_json FROM enterprise_reports r "
                   "JOIN enterprises e ON e.id = r.enterprise_id WHERE " + ParkClause("e", park_ids.size()) +
                       " AND r.state = 'approved' AND r.period >= ? AND r.period <= ? "
                       "ORDER BY r.enterprise_id, r.period",
                   params, [&](const Row& row) {
                     fn(row.Int(0), row.Text(1), row.Text(2));
                     return true;
                   });
}

}  // namespace

StatusOr<std::optional<StoredReport>> SqlEnterpriseRepository::FindReport(int64_t enterprise_id, Period period) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return LoadReport(*c, enterprise_id, period);
}

StatusOr<std::vector<StoredReport>> SqlEnterpriseRepository::ListReports(int64_t enterprise_id, Period from,
                                                                         Period to) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string("SELECT ") + kReportColumns +
                                                  " FROM enterprise_reports r WHERE r.enterprise_id = ? AND "
                                                  "r.period >= ? AND r.period <= ? ORDER BY r.period",
                                              {enterprise_id, from.ToString(), to.ToString()}));
  std::vector<StoredReport> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToReport(r));
  return out;
}

StatusOr<std::vector<StoredReport>> SqlEnterpriseRepository::ListParkReports(const std::vector<int64_t>& park_ids,
                                                                             std::optional<Period> period,
                                                                             std::optional<ReportState> state,
                                                                             bool with_values) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string columns = kReportColumns;
  if (!with_values) columns.replace(columns.rfind("r.values_json"), 13, "'{}'");
  std::string sql = "SELECT " + columns + " FROM enterprise_reports r JOIN enterprises e ON e.id = r.enterprise_id "
                    "WHERE " + ParkClause("e", park_ids.size());
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
  std::vector<StoredReport> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(sql, params, [&](const Row& r) {
    out.push_back(ToReport(r));
    return true;
  }));
  return out;
}

Status SqlEnterpriseRepository::InsertReportRaw(Connection& c, const StoredReport& r) {
  return c
      .Exec("INSERT INTO enterprise_reports(park_id, enterprise_id, period, state, values_json, explanations_json, "
            "first_submitted_on, submitted_at, reviewed_at, reviewed_by, return_reason, is_demo, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            {r.park_id, r.enterprise_id, r.period.ToString(), std::string(enterprise::ReportStateName(r.state)),
             EncodeReportValues(r.values), ExplanationsJson(r.explanations), DateValue(r.first_submitted_on),
             r.submitted_at, r.reviewed_at, r.reviewed_by, r.return_reason, int64_t{r.is_demo},
             r.updated_at.empty() ? NowIso() : r.updated_at})
      .status();
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
  if (!before) PARKHQ_RETURN_IF_ERROR(InsertReportRaw(*c, next));
  else PARKHQ_RETURN_IF_ERROR(UpdateReportRow(*c, next, now));
  PARKHQ_RETURN_IF_ERROR(WriteRevisions(*c, before ? &*before : nullptr, next, who, now, reason));
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
    PARKHQ_RETURN_IF_ERROR(
        ForEachApproved(*c, {park_id}, from, to, [&](int64_t, const std::string& period, const std::string& json) {
          auto v = FindReportValue(json, field);
          auto p = Period::Parse(period);
          if (!v || !p || p->year != year) return;
          auto& m = months[p->month - 1];
          m = m.value_or(0) + *v;
        }));
  }
  return out;
}

StatusOr<std::vector<enterprise::ApprovedValue>> SqlEnterpriseRepository::ApprovedValues(
    const std::vector<int64_t>& park_ids, const std::string& field, Period from, Period to) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<enterprise::ApprovedValue> out;
  PARKHQ_RETURN_IF_ERROR(ForEachApproved(*c, park_ids, from.ToString(), to.ToString(),
                                         [&](int64_t eid, const std::string& period, const std::string& json) {
                                           auto v = FindReportValue(json, field);
                                           auto p = Period::Parse(period);
                                           if (v && p) out.push_back({eid, *p, *v});
                                         }));
  return out;
}

}  // namespace parkhq::storage
