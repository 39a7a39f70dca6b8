#include "storage/enterprise/sql_enterprise_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/sql_enterprise_internal.h"
#include "storage/sql_dates.h"

namespace parkhq::storage {
namespace {

using namespace enterprise_sql;
using enterprise::Enterprise;
using enterprise::EnterpriseFlag;

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

}  // namespace parkhq::storage
