#include "storage/monitoring/sql_monitoring_repository.h"

#include <boost/json.hpp>

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {
using namespace monitoring;  // NOLINT: implementation file of this module's repository

namespace {

const char kIndicatorCols[] =
    "SELECT code, name_zh, name_en, unit, kind, higher_is_better, decimals FROM indicators ";
const char kMonthCols[] =
    "SELECT park_id, period, state, submitted_at, submitted_by, approved_at, approved_by, reason "
    "FROM monitoring_months ";

Indicator ToIndicator(const Row& r) {
  Indicator i;
  i.code = r.Text(0);
  i.name_zh = r.Text(1);
  i.name_en = r.Text(2);
  i.unit = r.Text(3);
  i.kind = ParseIndicatorKind(r.Text(4)).value_or(IndicatorKind::kFlow);
  i.higher_is_better = r.Bool(5);
  i.decimals = static_cast<int>(r.Int(6));
  return i;
}

MonthState ToMonth(const Row& r) {
  MonthState m;
  m.period = Period::Parse(r.Text(1)).value_or(Period{});
  m.state = ParseSubmissionState(r.Text(2)).value_or(SubmissionState::kNotStarted);
  m.submitted_at = r.OptText(3);
  m.submitted_by = r.OptText(4);
  m.approved_at = r.OptText(5);
  m.approved_by = r.OptText(6);
  m.reason = r.OptText(7);
  return m;
}

// "(?,?,?)" for n parameters; "(NULL)" when n is 0 so the SQL stays valid.
std::string InList(size_t n) {
  if (n == 0) return "(NULL)";
  std::string s = "(";
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s + ")";
}

std::vector<Value> Ids(const std::vector<int64_t>& ids) { return {ids.begin(), ids.end()}; }

std::string FirstOf(int year) { return Period{year, 1}.ToString(); }
std::string LastOf(int year) { return Period{year, 12}.ToString(); }

std::string MonthKey(int64_t park_id, Period p) { return std::to_string(park_id) + "/" + p.ToString(); }

}  // namespace

StatusOr<std::vector<Indicator>> SqlMonitoringRepository::ListIndicators() {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kIndicatorCols) + "ORDER BY sort, code"));
  std::vector<Indicator> out;
  for (const auto& r : rows) out.push_back(ToIndicator(r));
  return out;
}

Status SqlMonitoringRepository::CreateIndicator(const Indicator& i, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto existing, c->QueryOne("SELECT code FROM indicators WHERE code = ?", {i.code}));
  if (existing) return Status::Conflict("指标代码已存在", {{"code", "指标代码已存在：" + i.code}});
  PARKHQ_ASSIGN_OR_RETURN(auto max, c->QueryOne("SELECT COALESCE(MAX(sort), 0) + 1 FROM indicators"));
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO indicators(code, name_zh, name_en, unit, kind, higher_is_better, "
                                 "decimals, sort) VALUES (?,?,?,?,?,?,?,?)",
                                 {i.code, i.name_zh, i.name_en, i.unit, std::string(IndicatorKindName(i.kind)),
                                  int64_t{i.higher_is_better}, int64_t{i.decimals}, max ? max->Int(0) : 0})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, std::string(kIndicatorCols) + "WHERE code = ?", {i.code}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "indicator", i.code, std::nullopt, "", after));
  return tx.Commit();
}

Status SqlMonitoringRepository::UpdateIndicator(const Indicator& i, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap = std::string(kIndicatorCols) + "WHERE code = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, {i.code}));
  if (before.empty()) return Status::NotFound("指标不存在：" + i.code);
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE indicators SET name_zh = ?, name_en = ?, unit = ?, kind = ?, "
                                 "higher_is_better = ?, decimals = ? WHERE code = ?",
                                 {i.name_zh, i.name_en, i.unit, std::string(IndicatorKindName(i.kind)),
                                  int64_t{i.higher_is_better}, int64_t{i.decimals}, i.code})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {i.code}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "indicator", i.code, std::nullopt, before, after));
  return tx.Commit();
}

StatusOr<std::map<int64_t, YearTargets>> SqlMonitoringRepository::ListTargets(const std::vector<int64_t>& ids,
                                                                            int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params = Ids(ids);
  params.push_back(int64_t{year});
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT park_id, indicator_code, target, growth_pct, base FROM targets "
                                              "WHERE park_id IN " + InList(ids.size()) + " AND year = ?",
                                              params));
  std::map<int64_t, YearTargets> out;
  for (const auto& r : rows) out[r.Int(0)][r.Text(1)] = {r.OptDouble(2), r.OptDouble(3), r.OptDouble(4)};
  return out;
}

Status SqlMonitoringRepository::PutTargets(int64_t park_id, int year, const YearTargets& targets, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap =
      "SELECT park_id, year, indicator_code, target, growth_pct, base FROM targets "
      "WHERE park_id = ? AND year = ? AND indicator_code = ?";
  const std::string now = NowIso();
  for (const auto& [code, t] : targets) {
    const std::vector<Value> key = {park_id, int64_t{year}, code};
    PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, key));
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO targets(park_id, year, indicator_code, target, growth_pct, base, "
                                   "updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (park_id, year, indicator_code) "
                                   "DO UPDATE SET target = excluded.target, growth_pct = excluded.growth_pct, "
                                   "base = excluded.base, updated_at = excluded.updated_at",
                                   {park_id, int64_t{year}, code, Opt(t.target), Opt(t.growth_pct), Opt(t.base), now})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, key));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "target",
                                      std::to_string(park_id) + "/" + std::to_string(year) + "/" + code, park_id,
                                      before, after));
  }
  return tx.Commit();
}

StatusOr<std::vector<StoredValue>> SqlMonitoringRepository::ListValues(const std::vector<int64_t>& ids,
                                                                      int from_year, int to_year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params = Ids(ids);
  params.push_back(FirstOf(from_year));
  params.push_back(LastOf(to_year));
  std::vector<StoredValue> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach("SELECT park_id, period, indicator_code, value FROM indicator_values "
                                    "WHERE park_id IN " + InList(ids.size()) + " AND period >= ? AND period <= ?",
                                    params, [&](const Row& r) {
                                      auto p = Period::Parse(r.Text(1));
                                      if (p) out.push_back({r.Int(0), *p, r.Text(2), r.Double(3)});
                                      return true;
                                    }));
  return out;
}

StatusOr<std::map<int64_t, std::vector<MonthState>>> SqlMonitoringRepository::ListMonthStates(
    const std::vector<int64_t>& ids, int from_year, int to_year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params = Ids(ids);
  params.push_back(FirstOf(from_year));
  params.push_back(LastOf(to_year));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kMonthCols) + "WHERE park_id IN " + InList(ids.size()) +
                                                  " AND period >= ? AND period <= ? ORDER BY park_id, period",
                                              params));
  std::map<int64_t, std::vector<MonthState>> out;
  for (const auto& r : rows) out[r.Int(0)].push_back(ToMonth(r));
  return out;
}

namespace {
// One month's changes inside the caller's transaction.
Status WriteMonth(Connection* c, int64_t park_id, Period period, const std::vector<ValueChange>& changes,
                  const std::string& reason, const Scope& who) {
  const std::string p = period.ToString();
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(auto state, c->QueryOne("SELECT state FROM monitoring_months WHERE park_id = ? AND "
                                                  "period = ?",
                                                  {park_id, p}));
  if (state) {
    auto st = ParseSubmissionState(state->Text(0)).value_or(SubmissionState::kDraft);
    if (!IsEditable(st))
      return Status::Validation("该月月报已锁定", {{"period", "该月月报" + std::string(SubmissionStateNameZh(st)) +
                                                                 "，已锁定"}});
  } else {
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO monitoring_months(park_id, period, state, updated_at) "
                                   "VALUES (?,?,'draft',?)",
                                   {park_id, p, now})
                               .status());
  }
  const std::string snap =
      "SELECT park_id, period, indicator_code, value FROM indicator_values WHERE park_id = ? AND period = ? AND "
      "indicator_code = ?";
  for (const auto& ch : changes) {
    const std::vector<Value> key = {park_id, p, ch.code};
    PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, key));
    if (ch.new_value) {
      PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO indicator_values(park_id, period, indicator_code, value, "
                                     "updated_at, updated_by) VALUES (?,?,?,?,?,?) ON CONFLICT (park_id, period, "
                                     "indicator_code) DO UPDATE SET value = excluded.value, updated_at = "
                                     "excluded.updated_at, updated_by = excluded.updated_by",
                                     {park_id, p, ch.code, *ch.new_value, now, who.username})
                                 .status());
    } else {
      PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM indicator_values WHERE park_id = ? AND period = ? AND "
                                     "indicator_code = ?",
                                     key)
                                 .status());
    }
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO indicator_value_history(park_id, period, indicator_code, old_value, "
                                   "new_value, mode, entered, at, user_id, username, reason) "
                                   "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                   {park_id, p, ch.code, Opt(ch.old_value), Opt(ch.new_value),
                                    ch.new_value ? ch.mode : std::string("delete"), Opt(ch.entered), now,
                                    who.user_id ? Value(who.user_id) : Value(), who.username,
                                    reason.empty() ? Value() : Value(reason)})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, key));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : (after.empty() ? "delete" : "update"),
                                      "indicator_value", std::to_string(park_id) + "/" + p + "/" + ch.code, park_id,
                                      before, after, reason));
  }
  return Status::Ok();
}
}  // namespace

Status SqlMonitoringRepository::WriteValues(int64_t park_id, Period period, const std::vector<ValueChange>& changes,
                                            const std::string& reason, const Scope& who) {
  return WriteMonths(park_id, {MonthChanges{period, changes}}, reason, who);
}

Status SqlMonitoringRepository::WriteMonths(int64_t park_id, const std::vector<MonthChanges>& months,
                                            const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  for (const auto& m : months) PARKHQ_RETURN_IF_ERROR(WriteMonth(&c.get(), park_id, m.period, m.changes, reason, who));
  return tx.Commit();
}

StatusOr<MonthState> SqlMonitoringRepository::SetMonthState(int64_t park_id, Period period,
                                                            const std::vector<SubmissionState>& from,
                                                            SubmissionState next, const std::string& action,
                                                            const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string p = period.ToString();
  const std::string snap = std::string(kMonthCols) + "WHERE park_id = ? AND period = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(snap, {park_id, p}));
  const SubmissionState current = row ? ToMonth(*row).state : SubmissionState::kNotStarted;
  if (std::find(from.begin(), from.end(), current) == from.end())
    return Status::Conflict(std::string("该月月报当前为「") + SubmissionStateNameZh(current) + "」，不能执行此操作",
                            {{"state", SubmissionStateName(current)}});
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, {park_id, p}));
  const std::string now = NowIso();
  if (!row)
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO monitoring_months(park_id, period, state, updated_at) "
                                   "VALUES (?,?,'draft',?)",
                                   {park_id, p, now})
                               .status());
  const std::string next_name = SubmissionStateName(next);
  const Value reason_v = reason.empty() ? Value() : Value(reason);
  Status st;
  if (next == SubmissionState::kSubmitted) {
    st = c->Exec("UPDATE monitoring_months SET state = ?, submitted_at = ?, submitted_by = ?, approved_at = NULL, "
                 "approved_by = NULL, reason = ?, updated_at = ? WHERE park_id = ? AND period = ?",
                 {next_name, now, who.username, reason_v, now, park_id, p})
             .status();
  } else if (next == SubmissionState::kApproved) {
    st = c->Exec("UPDATE monitoring_months SET state = ?, approved_at = ?, approved_by = ?, updated_at = ? "
                 "WHERE park_id = ? AND period = ?",
                 {next_name, now, who.username, now, park_id, p})
             .status();
  } else {
    st = c->Exec("UPDATE monitoring_months SET state = ?, approved_at = NULL, approved_by = NULL, reason = ?, "
                 "updated_at = ? WHERE park_id = ? AND period = ?",
                 {next_name, reason_v, now, park_id, p})
             .status();
  }
  PARKHQ_RETURN_IF_ERROR(st);
  PARKHQ_ASSIGN_OR_RETURN(auto after_row, c->QueryOne(snap, {park_id, p}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {park_id, p}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, action, "monitoring_month", MonthKey(park_id, period), park_id, before,
                                    after, reason));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return ToMonth(*after_row);
}

StatusOr<std::optional<Period>> SqlMonitoringRepository::LatestPeriod(const std::vector<int64_t>& ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT MAX(period) FROM indicator_values WHERE park_id IN " +
                                                  InList(ids.size()),
                                              Ids(ids)));
  if (!r || r->IsNull(0)) return std::optional<Period>();
  return Period::Parse(r->Text(0));
}

StatusOr<HistoryPage> SqlMonitoringRepository::ListHistory(int64_t park_id, const HistoryFilter& f) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  const std::string where =
      " WHERE park_id = ? AND (CAST(? AS TEXT) IS NULL OR period = ?) AND (CAST(? AS TEXT) IS NULL OR "
      "indicator_code = ?)";
  const Value period = f.period ? Value(f.period->ToString()) : Value();
  const Value code = f.code ? Value(*f.code) : Value();
  std::vector<Value> params = {park_id, period, period, code, code};
  PARKHQ_ASSIGN_OR_RETURN(auto total, c->QueryOne("SELECT COUNT(*) FROM indicator_value_history" + where, params));
  params.push_back(f.limit);
  params.push_back(f.offset);
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, period, indicator_code, old_value, new_value, entered, "
                                              "mode, at, username, reason FROM indicator_value_history" +
                                                  where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                                              params));
  HistoryPage page;
  page.total = total ? total->Int(0) : 0;
  for (const auto& r : rows)
    page.items.push_back({r.Int(0), Period::Parse(r.Text(1)).value_or(Period{}), r.Text(2), r.OptDouble(3),
                          r.OptDouble(4), r.OptDouble(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9)});
  return page;
}

StatusOr<std::map<std::string, std::string>> SqlMonitoringRepository::GetSettings(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT park_id, key, value FROM settings WHERE park_id IN (0, ?) AND "
                                              "key LIKE 'monitoring.%' ORDER BY park_id",
                                              {park_id}));
  std::map<std::string, std::string> kv;
  for (const auto& r : rows) kv[r.Text(1)] = r.Text(2);  // the park's own rows come last and win
  return kv;
}

Status SqlMonitoringRepository::PutSettings(int64_t park_id, const std::map<std::string, std::string>& kv,
                                            const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  auto snapshot = [&]() -> StatusOr<std::string> {
    PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT key, value FROM settings WHERE park_id = ? AND key LIKE "
                                                "'monitoring.%' ORDER BY key",
                                                {park_id}));
    boost::json::object o;
    for (const auto& r : rows) o[r.Text(0)] = r.Text(1);
    return rows.empty() ? std::string() : boost::json::serialize(o);
  };
  PARKHQ_ASSIGN_OR_RETURN(auto before, snapshot());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM settings WHERE park_id = ? AND key LIKE 'monitoring.%'", {park_id}).status());
  for (const auto& [k, v] : kv)
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("INSERT INTO settings(park_id, key, value) VALUES (?,?,?)", {park_id, k, v}).status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, snapshot());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "monitoring_settings", std::to_string(park_id), park_id,
                                    before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
