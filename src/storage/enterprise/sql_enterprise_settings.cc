// SqlEnterpriseRepository, part two: cultivation pool members, zombie disposal records and the
// park's enterprise settings (report fields, deadline, pool rules, leading-group mapping).
// Split from sql_enterprise_repository.cc.
#include <boost/json.hpp>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {

using sql_dates::DateValue;
using sql_dates::OptDate;

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

namespace {

constexpr char kDisposalCols[] =
    "SELECT id, park_id, enterprise_id, measure, responsible_unit, due, status, completed_on, note, created_at "
    "FROM zombie_disposals ";

enterprise::DisposalRecord ToDisposal(const Row& r) {
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
  return d;
}

}  // namespace

StatusOr<std::vector<enterprise::DisposalRecord>> SqlEnterpriseRepository::ListDisposals(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kDisposalCols) + "WHERE park_id = ? ORDER BY id", {park_id}));
  std::vector<enterprise::DisposalRecord> out;
  for (const auto& r : rows) out.push_back(ToDisposal(r));
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
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kDisposalCols) + "WHERE id = ?", {id}));
  if (!row) return std::optional<enterprise::DisposalRecord>();
  return std::optional(ToDisposal(*row));
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
