#include "storage/gates/sql_policy_repository.h"

#include <boost/json.hpp>
#include <map>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {

namespace json = boost::json;
using gates::Application;
using gates::Criterion;
using gates::Policy;
using sql_dates::DateValue;
using sql_dates::OptDate;

namespace {

std::string CriteriaJson(const std::vector<Criterion>& cs) {
  json::array arr;
  for (const auto& c : cs) {
    json::array prefixes;
    for (const auto& p : c.prefixes) prefixes.emplace_back(p);
    arr.push_back(json::object{{"kind", gates::CriterionKindCode(c.kind)},
                               {"code", c.code},
                               {"code2", c.code2},
                               {"prefixes", std::move(prefixes)},
                               {"expect", c.expect},
                               {"op", gates::CompareOpCode(c.op)},
                               {"value", c.value}});
  }
  return json::serialize(arr);
}

std::string Str(const json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::vector<Criterion> ParseCriteria(const std::string& text) {
  std::vector<Criterion> out;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    Criterion c;
    c.kind = gates::ParseCriterionKind(Str(o, "kind")).value_or(gates::CriterionKind::kFlag);
    c.code = Str(o, "code");
    c.code2 = Str(o, "code2");
    if (const auto* p = o.if_contains("prefixes"); p && p->is_array())
      for (const auto& s : p->as_array())
        if (s.is_string()) c.prefixes.emplace_back(s.as_string());
    if (const auto* e = o.if_contains("expect"); e && e->is_bool()) c.expect = e->as_bool();
    c.op = gates::ParseCompareOp(Str(o, "op")).value_or(gates::CompareOp::kGe);
    if (const auto* n = o.if_contains("value"); n && n->is_number()) c.value = n->to_number<double>();
    out.push_back(std::move(c));
  }
  return out;
}

const char kPolicyCols[] =
    "id, park_id, title, issuer, category, benefit, how_to_apply, valid_from, valid_until, figures_year, "
    "criteria_json, is_demo, created_at, updated_at";

Policy PolicyFromRow(const Row& r) {
  Policy p;
  p.id = r.Int(0);
  p.park_id = r.Int(1);
  p.title = r.Text(2);
  p.issuer = r.Text(3);
  p.category = r.Text(4);
  p.benefit = r.Text(5);
  p.how_to_apply = r.Text(6);
  p.valid_from = OptDate(r, 7);
  p.valid_until = OptDate(r, 8);
  if (auto y = r.OptInt(9)) p.figures_year = static_cast<int>(*y);
  p.criteria = ParseCriteria(r.Text(10));
  p.is_demo = r.Bool(11);
  p.created_at = r.Text(12);
  p.updated_at = r.Text(13);
  return p;
}

const char kAppSelect[] =
    "SELECT a.id, a.park_id, a.policy_id, a.enterprise_id, p.title, e.name, a.applied_on, a.status, a.amount, "
    "a.paid_on, a.note, a.is_demo, a.created_at, a.updated_at FROM policy_applications a "
    "JOIN policies p ON p.id = a.policy_id JOIN enterprises e ON e.id = a.enterprise_id";

Application AppFromRow(const Row& r) {
  Application a;
  a.id = r.Int(0);
  a.park_id = r.Int(1);
  a.policy_id = r.Int(2);
  a.enterprise_id = r.Int(3);
  a.policy_title = r.Text(4);
  a.enterprise_name = r.Text(5);
  a.applied_on = Date::Parse(r.Text(6)).value_or(Date{});
  a.status = r.Text(7);
  a.amount = r.OptDouble(8);
  a.paid_on = OptDate(r, 9);
  a.note = r.Text(10);
  a.is_demo = r.Bool(11);
  a.created_at = r.Text(12);
  a.updated_at = r.Text(13);
  return a;
}

// " AND <col> IN (?,?,..)" for the parks, or "" for all parks; appends the ids to `params`.
std::string ParkFilter(const char* col, const std::vector<int64_t>& park_ids, bool all, std::vector<Value>& params) {
  if (all) return "";
  if (park_ids.empty()) return " AND 1 = 0";
  std::string marks;
  for (int64_t id : park_ids) {
    marks += marks.empty() ? "?" : ",?";
    params.push_back(id);
  }
  return std::string(" AND ") + col + " IN (" + marks + ")";
}

std::vector<Value> PolicyValues(const Policy& p) {
  return {p.title, p.issuer, p.category, p.benefit, p.how_to_apply, DateValue(p.valid_from), DateValue(p.valid_until),
          p.figures_year ? Value(int64_t{*p.figures_year}) : Value(), CriteriaJson(p.criteria)};
}

}  // namespace

StatusOr<int64_t> SqlPolicyRepository::InsertPolicy(Connection& c, const Policy& p) {
  auto v = PolicyValues(p);
  v.insert(v.begin(), p.park_id);
  const std::string now = NowIso();
  v.push_back(int64_t{p.is_demo ? 1 : 0});
  v.push_back(now);
  v.push_back(now);
  return c.InsertId(
      "INSERT INTO policies (park_id, title, issuer, category, benefit, how_to_apply, valid_from, valid_until, "
      "figures_year, criteria_json, is_demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
      v);
}

StatusOr<std::vector<Policy>> SqlPolicyRepository::ListPolicies(const std::vector<int64_t>& park_ids, bool all) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  const std::string where = ParkFilter("park_id", park_ids, all, params);
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string("SELECT ") + kPolicyCols + " FROM policies WHERE 1 = 1" +
                                                  where + " ORDER BY id DESC",
                                              params));
  std::vector<Policy> out;
  for (const auto& r : rows) out.push_back(PolicyFromRow(r));
  return out;
}

StatusOr<std::optional<Policy>> SqlPolicyRepository::FindPolicy(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string("SELECT ") + kPolicyCols + " FROM policies WHERE id = ?", {id}));
  if (!row) return std::optional<Policy>();
  return std::optional<Policy>(PolicyFromRow(*row));
}

StatusOr<int64_t> SqlPolicyRepository::SavePolicy(const Policy& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM policies WHERE id = ?";
  int64_t id = p.id;
  std::string before;
  if (id == 0) {
    PARKHQ_ASSIGN_OR_RETURN(id, InsertPolicy(*c, p));
  } else {
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, kSnap, {id}));
    auto v = PolicyValues(p);
    v.push_back(NowIso());
    v.push_back(id);
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE policies SET title = ?, issuer = ?, category = ?, benefit = ?, "
                                   "how_to_apply = ?, valid_from = ?, valid_until = ?, figures_year = ?, "
                                   "criteria_json = ?, updated_at = ? WHERE id = ?",
                                   v)
                               .status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, before.empty() ? "create" : "update", "policy", std::to_string(id), p.park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<gates::EnterpriseFacts>> SqlPolicyRepository::Facts(int64_t park_id,
                                                                         std::optional<int64_t> enterprise_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params = {park_id};
  std::string one;
  if (enterprise_id) {
    one = " AND id = ?";
    params.push_back(*enterprise_id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, name, status, above_scale, employees, industry_code "
                                              "FROM enterprises WHERE park_id = ?" + one + " ORDER BY id",
                                              params));
  std::vector<gates::EnterpriseFacts> out;
  std::map<int64_t, size_t> index;
  for (const auto& r : rows) {
    gates::EnterpriseFacts f;
    f.id = r.Int(0);
    f.name = r.Text(1);
    f.operating = r.Text(2) == "operating";
    f.above_scale = r.Bool(3);
    f.employees = r.OptInt(4);
    f.industry_code = r.Text(5);
    index[f.id] = out.size();
    out.push_back(std::move(f));
  }
  if (out.empty()) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto flags, c->Query("SELECT enterprise_id, flag, since, until FROM enterprise_flags "
                                               "WHERE park_id = ?" + std::string(enterprise_id ? " AND enterprise_id = ?" : ""),
                                               params));
  for (const auto& r : flags) {
    auto it = index.find(r.Int(0));
    if (it != index.end()) out[it->second].flags.push_back({r.Text(1), OptDate(r, 2), OptDate(r, 3)});
  }
  std::vector<Value> rp = {park_id, std::to_string(year) + "-01", std::to_string(year) + "-12"};
  if (enterprise_id) rp.push_back(*enterprise_id);
  PARKHQ_ASSIGN_OR_RETURN(auto reports,
                          c->Query("SELECT r.enterprise_id, r.values_json FROM enterprise_reports r "
                                   "JOIN enterprises e ON e.id = r.enterprise_id WHERE e.park_id = ? AND "
                                   "r.state = 'approved' AND r.period >= ? AND r.period <= ?" +
                                       std::string(enterprise_id ? " AND r.enterprise_id = ?" : ""),
                                   rp));
  for (const auto& r : reports) {
    auto it = index.find(r.Int(0));
    if (it == index.end()) continue;
    boost::system::error_code ec;
    json::value v = json::parse(r.Text(1), ec);
    if (ec || !v.is_object()) continue;
    for (const auto& [k, x] : v.as_object())
      if (x.is_number()) out[it->second].figures[std::string(k)] += x.to_number<double>();
  }
  return out;
}

StatusOr<std::optional<int64_t>> SqlPolicyRepository::EnterprisePark(int64_t enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT park_id FROM enterprises WHERE id = ?", {enterprise_id}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

StatusOr<std::vector<int64_t>> SqlPolicyRepository::EnterpriseUsers(const std::vector<int64_t>& enterprise_ids) {
  std::vector<int64_t> out;
  if (enterprise_ids.empty()) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  for (size_t i = 0; i < enterprise_ids.size(); i += 200) {
    std::vector<Value> params;
    std::string marks;
    for (size_t j = i; j < enterprise_ids.size() && j < i + 200; ++j) {
      marks += marks.empty() ? "?" : ",?";
      params.push_back(enterprise_ids[j]);
    }
    PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id FROM users WHERE role = 'enterprise' AND disabled = 0 AND "
                                                "enterprise_id IN (" + marks + ") ORDER BY id",
                                                params));
    for (const auto& r : rows) out.push_back(r.Int(0));
  }
  return out;
}

StatusOr<std::vector<Application>> SqlPolicyRepository::ListApplications(const std::vector<int64_t>& park_ids,
                                                                         bool all, std::optional<int64_t> enterprise_id,
                                                                         std::optional<int64_t> policy_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string where = " WHERE 1 = 1" + ParkFilter("a.park_id", park_ids, all, params);
  if (enterprise_id) {
    where += " AND a.enterprise_id = ?";
    params.push_back(*enterprise_id);
  }
  if (policy_id) {
    where += " AND a.policy_id = ?";
    params.push_back(*policy_id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kAppSelect) + where + " ORDER BY a.id DESC", params));
  std::vector<Application> out;
  for (const auto& r : rows) out.push_back(AppFromRow(r));
  return out;
}

StatusOr<std::optional<Application>> SqlPolicyRepository::FindApplication(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kAppSelect) + " WHERE a.id = ?", {id}));
  if (!row) return std::optional<Application>();
  return std::optional<Application>(AppFromRow(*row));
}

StatusOr<int64_t> SqlPolicyRepository::InsertApplication(Connection& c, const Application& a) {
  const std::string now = NowIso();
  return c.InsertId(
      "INSERT INTO policy_applications (park_id, policy_id, enterprise_id, applied_on, status, amount, paid_on, note, "
      "is_demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
      {a.park_id, a.policy_id, a.enterprise_id, a.applied_on.ToString(), a.status,
       a.amount ? Value(*a.amount) : Value(), DateValue(a.paid_on), a.note, int64_t{a.is_demo ? 1 : 0}, now, now});
}

StatusOr<int64_t> SqlPolicyRepository::SaveApplication(const Application& a, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM policy_applications WHERE id = ?";
  int64_t id = a.id;
  std::string before;
  if (id == 0) {
    PARKHQ_ASSIGN_OR_RETURN(id, InsertApplication(*c, a));
  } else {
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, kSnap, {id}));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE policy_applications SET status = ?, amount = ?, paid_on = ?, note = ?, "
                                   "updated_at = ? WHERE id = ?",
                                   {a.status, a.amount ? Value(*a.amount) : Value(), DateValue(a.paid_on), a.note,
                                    NowIso(), id})
                               .status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "policy_application",
                                    std::to_string(id), a.park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlPolicyRepository::AuditNotice(const Policy& p, int enterprises, int64_t notified, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  json::object after{{"enterprises", enterprises}, {"notified", notified}};
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "notify", "policy", std::to_string(p.id), p.park_id, "",
                                    json::serialize(after)));
  return tx.Commit();
}

}  // namespace parkhq::storage
