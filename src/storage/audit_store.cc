#include "storage/audit_store.h"

#include <boost/json.hpp>
#include <cmath>

#include "common/time.h"

namespace parkhq::storage {

StatusOr<std::string> Snapshot(Connection& c, std::string_view sql, const std::vector<Value>& params) {
  PARKHQ_ASSIGN_OR_RETURN(Statement * st, c.Prepare(sql));
  PARKHQ_RETURN_IF_ERROR(st->Bind(params));
  PARKHQ_ASSIGN_OR_RETURN(bool has, st->Step());
  if (!has) return std::string();
  Row row = st->CurrentRow();
  auto names = st->ColumnNames();
  boost::json::object o;
  for (size_t i = 0; i < row.size() && i < names.size(); ++i) {
    const std::string& n = names[i];
    if (n.size() >= 5 && n.compare(n.size() - 5, 5, "_hash") == 0) continue;
    const Value& v = row.at(i);
    if (std::holds_alternative<std::monostate>(v)) o[n] = nullptr;
    else if (auto* iv = std::get_if<int64_t>(&v)) o[n] = *iv;
    else if (auto* dv = std::get_if<double>(&v)) o[n] = std::isfinite(*dv) ? boost::json::value(*dv) : boost::json::value(nullptr);  // valid JSON
    else o[n] = std::get<std::string>(v);
  }
  // Finish the statement so it can be reused.
  PARKHQ_RETURN_IF_ERROR(st->Bind({}));
  return boost::json::serialize(o);
}

namespace {
Value TextOrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }
}  // namespace

Status WriteAudit(Connection& c, const Scope& who, std::string_view action, std::string_view entity,
                  const std::string& entity_id, std::optional<int64_t> park_id,
                  const std::string& before_json, const std::string& after_json,
                  const std::string& reason) {
  return c.Exec("INSERT INTO audit_log(park_id, at, user_id, username, ip, action, entity, entity_id, "
                "before_json, after_json, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                {Opt(park_id), NowIso(), who.user_id ? Value(who.user_id) : Value(), who.username,
                 who.ip, std::string(action), std::string(entity), entity_id,
                 TextOrNull(before_json), TextOrNull(after_json), TextOrNull(reason)})
      .status();
}

Status WriteAuditAnonymous(Connection& c, const std::string& username, const std::string& ip,
                           std::string_view action, std::string_view entity,
                           const std::string& entity_id, const std::string& after_json) {
  return c.Exec("INSERT INTO audit_log(at, username, ip, action, entity, entity_id, after_json) "
                "VALUES (?,?,?,?,?,?,?)",
                {NowIso(), username, ip, std::string(action), std::string(entity), entity_id,
                 TextOrNull(after_json)})
      .status();
}

StatusOr<AuditPage> ListAudit(Connection& c, const AuditFilter& f) {
  // Each filter is optional: NULL parameters disable their condition.
  const std::string where =
      " WHERE (CAST(? AS TEXT) IS NULL OR username = ?)"
      " AND (CAST(? AS TEXT) IS NULL OR entity = ?)"
      " AND (CAST(? AS TEXT) IS NULL OR entity_id = ?)"
      " AND (CAST(? AS TEXT) IS NULL OR at >= ?)"
      " AND (CAST(? AS TEXT) IS NULL OR at < ?)";
  std::optional<std::string> to_next;
  if (f.to_date)
    if (auto d = Date::Parse(*f.to_date)) to_next = d->AddDays(1).ToString();
  std::vector<Value> p = {Opt(f.username), Opt(f.username), Opt(f.entity),    Opt(f.entity),
                          Opt(f.entity_id), Opt(f.entity_id), Opt(f.from_date), Opt(f.from_date),
                          Opt(to_next),    Opt(to_next)};
  AuditPage page;
  PARKHQ_ASSIGN_OR_RETURN(auto cnt, c.QueryOne("SELECT COUNT(*) FROM audit_log" + where, p));
  page.total = cnt ? cnt->Int(0) : 0;
  p.push_back(f.limit);
  p.push_back(f.offset);
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT id, park_id, at, user_id, username, ip, action, entity, entity_id, before_json, "
              "after_json, reason FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", p));
  for (const auto& r : rows) {
    AuditEntry e;
    e.id = r.Int(0);
    e.park_id = r.OptInt(1);
    e.at = r.Text(2);
    e.user_id = r.OptInt(3);
    e.username = r.Text(4);
    e.ip = r.Text(5);
    e.action = r.Text(6);
    e.entity = r.Text(7);
    e.entity_id = r.Text(8);
    e.before_json = r.Text(9);
    e.after_json = r.Text(10);
    e.reason = r.Text(11);
    page.items.push_back(std::move(e));
  }
  return page;
}

}  // namespace parkhq::storage
