// Repair tickets (报修): a tenant files for a unit it leases, the operating company assigns and closes.
#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

StatusOr<std::optional<sme::Repair>> LoadRepair(Connection& c, int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(rows::kRepairSql) + "WHERE r.id = ?", {id}));
  if (!row) return std::optional<sme::Repair>();
  return std::optional<sme::Repair>(rows::ReadRepair(*row));
}

// Moves a ticket the caller manages: assigns (open/assigned → assigned) or closes (→ closed).
StatusOr<sme::Repair> Move(Database* db, const Scope& s, int64_t id, const char* action, const std::string& to,
                           const char* column, const std::string& text) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, LoadRepair(*c, id));
  if (!r || !sme::SeesTenantData(s, r->park_id, r->operator_unit_id, r->enterprise_id)) return rows::NotFound();
  if (!sme::CanManage(s, r->park_id, r->operator_unit_id)) return rows::NotManager();
  if (r->status == "closed") return Status::Conflict("报修单已关闭");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_repairs WHERE id = ?", {id}));
  const std::optional<std::string> closed_at =
      to == "closed" ? std::optional<std::string>(NowIso()) : std::optional<std::string>();
  PARKHQ_RETURN_IF_ERROR(c->Exec(std::string("UPDATE sme_repairs SET status = ?, ") + column +
                                     " = ?, closed_at = ? WHERE id = ?",
                                 {to, text, Opt(closed_at), id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_repairs WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, action, "sme_repair", std::to_string(id), r->park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, LoadRepair(*c, id));
  return *out;
}

}  // namespace

StatusOr<std::vector<sme::Repair>> SmeStore::ListRepairs(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(std::string(rows::kRepairSql) + "WHERE r.park_id = ? ORDER BY r.id DESC",
                                            {park_id}));
  std::vector<sme::Repair> out;
  for (const auto& r : rs) {
    sme::Repair x = rows::ReadRepair(r);
    if (sme::SeesTenantData(s, x.park_id, x.operator_unit_id, x.enterprise_id)) out.push_back(std::move(x));
  }
  return out;
}

StatusOr<sme::Repair> SmeStore::CreateRepair(const Scope& s, int64_t unit_id, const std::string& title,
                                             const std::string& description) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto u, rows::FindUnit(*c, unit_id));
  if (!u || !s.CanReadPark(u->park_id)) return Status::Validation("报修信息有误", {{"unit_id", "房间不存在或无权访问"}});
  const std::string t = Today().ToString();
  PARKHQ_ASSIGN_OR_RETURN(auto lease, c->QueryOne("SELECT enterprise_id FROM sme_leases WHERE unit_id = ? AND "
                                                  "start_on <= ? AND COALESCE(ended_on, end_on) >= ?",
                                                  {unit_id, t, t}));
  const std::optional<int64_t> tenant = lease ? std::optional<int64_t>(lease->Int(0)) : std::nullopt;
  if (s.role == Role::kEnterprise) {
    if (s.read_only || !tenant || !s.enterprise_id || *tenant != *s.enterprise_id)
      return Status::Validation("报修信息有误", {{"unit_id", "只能为本企业正在租用的房间报修"}});
  } else if (!sme::CanManage(s, u->park_id, u->operator_unit_id)) {
    return rows::NotManager();
  }
  if (title.empty()) return Status::Validation("报修信息有误", {{"title", "请填写故障概述"}});
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO sme_repairs(park_id, unit_id, enterprise_id, title, description, status, "
                              "reported_by, reported_at) VALUES (?,?,?,?,?,'open',?,?) RETURNING id",
                              {u->park_id, unit_id, Opt(tenant), title, description, s.username, NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_repairs WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_repair", std::to_string(id), u->park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, LoadRepair(*c, id));
  return *out;
}

StatusOr<sme::Repair> SmeStore::AssignRepair(const Scope& s, int64_t id, const std::string& assignee) const {
  if (assignee.empty()) return Status::Validation("派单信息有误", {{"assignee", "请填写维修人员"}});
  return Move(db_, s, id, "assign", "assigned", "assignee", assignee);
}

StatusOr<sme::Repair> SmeStore::CloseRepair(const Scope& s, int64_t id, const std::string& result) const {
  if (result.empty()) return Status::Validation("结单信息有误", {{"result", "请填写维修结果"}});
  return Move(db_, s, id, "close", "closed", "result", result);
}

}  // namespace parkhq::storage
