#include "storage/risk/sql_risk_repository.h"

#include "storage/audit_store.h"

namespace parkhq::storage {

using risk::Profile;
using risk::RiskItem;

namespace {

Value OptDate(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }
std::optional<Date> ParseOptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}

const char kItemCols[] =
    "SELECT i.id, i.park_id, i.enterprise_id, COALESCE(e.name, ''), i.kind, i.name, i.quantity, i.unit, i.level, "
    "i.location, i.contact_name, i.contact_phone, i.event_date, i.expiry_date, i.revised_on, i.amount, i.veto, "
    "i.note, i.is_demo, i.created_at, i.created_by, i.updated_at FROM risk_items i "
    "LEFT JOIN enterprises e ON e.id = i.enterprise_id ";
const char kItemSnap[] = "SELECT * FROM risk_items WHERE id = ?";

RiskItem ToItem(const Row& r) {
  RiskItem it;
  it.id = r.Int(0);
  it.park_id = r.Int(1);
  it.enterprise_id = r.OptInt(2);
  it.enterprise_name = r.Text(3);
  it.kind = r.Text(4);
  it.name = r.Text(5);
  it.quantity = r.OptDouble(6);
  it.unit = r.Text(7);
  it.level = r.Text(8);
  it.location = r.Text(9);
  it.contact_name = r.Text(10);
  it.contact_phone = r.Text(11);
  it.event_date = ParseOptDate(r, 12);
  it.expiry_date = ParseOptDate(r, 13);
  it.revised_on = ParseOptDate(r, 14);
  it.amount = r.OptDouble(15);
  it.veto = r.Bool(16);
  it.note = r.Text(17);
  it.is_demo = r.Bool(18);
  it.created_at = r.Text(19);
  it.created_by = r.Text(20);
  it.updated_at = r.Text(21);
  return it;
}

// A profile record changed: the profile goes back to draft (kept when already draft).
Status ResetProfile(Connection& c, const RiskItem& it, const std::string& now) {
  if (!it.enterprise_id || !risk::IsProfileKind(it.kind)) return Status::Ok();
  return c.Exec("UPDATE risk_profiles SET state = 'draft', updated_at = ? WHERE enterprise_id = ? AND state <> 'draft'",
                {now, *it.enterprise_id})
      .status();
}

std::string InList(const std::vector<std::string>& v, std::vector<Value>& params) {
  std::string in = "(";
  for (size_t i = 0; i < v.size(); ++i) {
    in += i ? ",?" : "?";
    params.push_back(v[i]);
  }
  return in + ")";
}

}  // namespace

StatusOr<bool> SqlRiskRepository::ParkExists(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT 1 FROM parks WHERE id = ?", {park_id}));
  return row.has_value();
}

StatusOr<std::optional<risk::EnterpriseRef>> SqlRiskRepository::FindEnterprise(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT id, park_id, name FROM enterprises WHERE id = ?", {id}));
  if (!row) return std::optional<risk::EnterpriseRef>();
  return std::optional<risk::EnterpriseRef>(risk::EnterpriseRef{row->Int(0), row->Int(1), row->Text(2)});
}

StatusOr<std::vector<risk::EnterpriseRef>> SqlRiskRepository::ParkEnterprises(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, name FROM enterprises WHERE park_id = ? OR "
                                              "sub_park_id = ? ORDER BY id",
                                              {park_id, park_id}));
  std::vector<risk::EnterpriseRef> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2)});
  return out;
}

StatusOr<std::vector<RiskItem>> SqlRiskRepository::ListItems(int64_t park_id, const std::vector<std::string>& kinds,
                                                             std::optional<int64_t> enterprise_id,
                                                             bool with_park_level) {
  std::vector<RiskItem> out;
  if (kinds.empty()) return out;
  std::vector<Value> params = {park_id};
  std::string sql = std::string(kItemCols) + "WHERE i.park_id = ? AND i.kind IN " + InList(kinds, params);
  if (enterprise_id) {
    sql += with_park_level ? " AND (i.enterprise_id = ? OR i.enterprise_id IS NULL)" : " AND i.enterprise_id = ?";
    params.push_back(*enterprise_id);
  }
  sql += " ORDER BY i.kind, i.enterprise_id, i.id";
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql, params));
  for (const auto& r : rows) out.push_back(ToItem(r));
  return out;
}

StatusOr<std::optional<RiskItem>> SqlRiskRepository::FindItem(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kItemCols) + "WHERE i.id = ?", {id}));
  if (!row) return std::optional<RiskItem>();
  return std::optional<RiskItem>(ToItem(*row));
}

StatusOr<int64_t> SqlRiskRepository::CreateItem(const RiskItem& it, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c->InsertId("INSERT INTO risk_items(park_id, enterprise_id, kind, name, quantity, unit, level, location, "
                  "contact_name, contact_phone, event_date, expiry_date, revised_on, amount, veto, note, is_demo, "
                  "created_at, created_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                  {it.park_id, Opt(it.enterprise_id), it.kind, it.name, Opt(it.quantity), it.unit, it.level,
                   it.location, it.contact_name, it.contact_phone, OptDate(it.event_date), OptDate(it.expiry_date),
                   OptDate(it.revised_on), Opt(it.amount), int64_t{it.veto ? 1 : 0}, it.note,
                   int64_t{it.is_demo ? 1 : 0}, now, who.username, now}));
  PARKHQ_RETURN_IF_ERROR(ResetProfile(*c, it, now));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kItemSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "risk_item", std::to_string(id), it.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlRiskRepository::UpdateItem(const RiskItem& it, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kItemSnap, {it.id}));
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t n,
      c->Exec("UPDATE risk_items SET name = ?, quantity = ?, unit = ?, level = ?, location = ?, contact_name = ?, "
              "contact_phone = ?, event_date = ?, expiry_date = ?, revised_on = ?, amount = ?, veto = ?, note = ?, "
              "updated_at = ? WHERE id = ?",
              {it.name, Opt(it.quantity), it.unit, it.level, it.location, it.contact_name, it.contact_phone,
               OptDate(it.event_date), OptDate(it.expiry_date), OptDate(it.revised_on), Opt(it.amount),
               int64_t{it.veto ? 1 : 0}, it.note, now, it.id}));
  if (n != 1) return Status::NotFound("记录不存在或无权访问");
  PARKHQ_RETURN_IF_ERROR(ResetProfile(*c, it, now));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kItemSnap, {it.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "risk_item", std::to_string(it.id), it.park_id, before, after));
  return tx.Commit();
}

Status SqlRiskRepository::DeleteItem(int64_t id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kItemCols) + "WHERE i.id = ?", {id}));
  if (!row) return Status::NotFound("记录不存在或无权访问");
  const RiskItem it = ToItem(*row);
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kItemSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM risk_items WHERE id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(ResetProfile(*c, it, NowIso()));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "risk_item", std::to_string(id), it.park_id, before, ""));
  return tx.Commit();
}

StatusOr<std::vector<Profile>> SqlRiskRepository::ListProfiles(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows,
      c->Query("SELECT e.id, e.park_id, e.name, COALESCE(p.state, 'draft'), COALESCE(p.review_note, ''), "
               "p.submitted_at, p.reviewed_at, p.reviewed_by, COALESCE(p.updated_at, '') FROM enterprises e "
               "LEFT JOIN risk_profiles p ON p.enterprise_id = e.id WHERE e.park_id = ? OR e.sub_park_id = ? "
               "ORDER BY e.id",
               {park_id, park_id}));
  std::vector<Profile> out;
  for (const auto& r : rows) {
    Profile p;
    p.enterprise_id = r.Int(0);
    p.park_id = r.Int(1);
    p.enterprise_name = r.Text(2);
    p.state = risk::ParseProfileState(r.Text(3)).value_or(risk::ProfileState::kDraft);
    p.review_note = r.Text(4);
    p.submitted_at = r.OptText(5);
    p.reviewed_at = r.OptText(6);
    p.reviewed_by = r.OptText(7);
    p.updated_at = r.Text(8);
    out.push_back(std::move(p));
  }
  return out;
}

Status SqlRiskRepository::SaveProfile(const Profile& p, const std::string& action, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM risk_profiles WHERE enterprise_id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {p.enterprise_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM risk_profiles WHERE enterprise_id = ?", {p.enterprise_id}).status());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("INSERT INTO risk_profiles(park_id, enterprise_id, state, review_note, submitted_at, reviewed_at, "
              "reviewed_by, updated_at) VALUES (?,?,?,?,?,?,?,?)",
              {p.park_id, p.enterprise_id, std::string(risk::ProfileStateName(p.state)), p.review_note,
               Opt(p.submitted_at), Opt(p.reviewed_at), Opt(p.reviewed_by), p.updated_at})
          .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {p.enterprise_id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, action, "risk_profile", std::to_string(p.enterprise_id), p.park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
