#include "storage/project/sql_chain_enterprise_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {
namespace {
const char kSnap[] = "SELECT * FROM chain_link_enterprises WHERE link_id = ? AND enterprise_id = ?";
std::string EntityId(int64_t link_id, int64_t enterprise_id) {
  return std::to_string(link_id) + ":" + std::to_string(enterprise_id);
}
}  // namespace

StatusOr<std::map<int64_t, std::vector<project::LinkMember>>> SqlChainEnterpriseRepository::EnterprisesByLink(
    int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::map<int64_t, std::vector<project::LinkMember>> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach("SELECT ce.link_id, e.id, e.name, e.status FROM chain_link_enterprises ce JOIN "
                                    "enterprises e ON e.id = ce.enterprise_id WHERE ce.park_id = ? "
                                    "ORDER BY ce.link_id, ce.created_at, e.id",
                                    {park_id}, [&](const Row& r) {
                                      out[r.Int(0)].push_back({r.Int(1), r.Text(2), r.Text(3)});
                                      return true;
                                    }));
  return out;
}

StatusOr<std::vector<project::LinkEnterprise>> SqlChainEnterpriseRepository::ListLinkEnterprises(int64_t link_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<project::LinkEnterprise> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach("SELECT ce.park_id, ce.link_id, ce.enterprise_id, e.name, e.status, ce.role, "
                                    "ce.note, ce.created_at FROM chain_link_enterprises ce JOIN enterprises e ON "
                                    "e.id = ce.enterprise_id WHERE ce.link_id = ? ORDER BY ce.created_at, e.id",
                                    {link_id}, [&](const Row& r) {
                                      project::LinkEnterprise e;
                                      e.park_id = r.Int(0);
                                      e.link_id = r.Int(1);
                                      e.enterprise_id = r.Int(2);
                                      e.name = r.Text(3);
                                      e.status = r.Text(4);
                                      e.role = r.Text(5);
                                      e.note = r.Text(6);
                                      e.created_at = r.Text(7);
                                      out.push_back(std::move(e));
                                      return true;
                                    }));
  return out;
}

StatusOr<std::optional<project::ChainEnterpriseRef>> SqlChainEnterpriseRepository::FindEnterprise(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row,
                          c->QueryOne("SELECT id, park_id, sub_park_id, name, status FROM enterprises WHERE id = ?", {id}));
  if (!row) return std::optional<project::ChainEnterpriseRef>{};
  project::ChainEnterpriseRef e;
  e.id = row->Int(0);
  e.park_id = row->Int(1);
  if (!row->IsNull(2)) e.sub_park_id = row->Int(2);
  e.name = row->Text(3);
  e.status = row->Text(4);
  return std::optional<project::ChainEnterpriseRef>(std::move(e));
}

Status SqlChainEnterpriseRepository::Attach(const project::LinkEnterprise& e, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto cur, c->QueryOne(kSnap, {e.link_id, e.enterprise_id}));
  if (cur) return Status::Conflict("该企业已在此环节上", {{"enterprise_id", "该企业已在此环节上"}});
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO chain_link_enterprises(park_id, link_id, enterprise_id, role, note, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                 {e.park_id, e.link_id, e.enterprise_id, e.role, e.note, NowIso()})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {e.link_id, e.enterprise_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "chain_link_enterprise", EntityId(e.link_id, e.enterprise_id),
                                    e.park_id, "", after));
  return tx.Commit();
}

Status SqlChainEnterpriseRepository::Detach(int64_t park_id, int64_t link_id, int64_t enterprise_id,
                                            const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {link_id, enterprise_id}));
  if (before.empty()) return Status::NotFound("该企业不在此环节上");
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM chain_link_enterprises WHERE park_id = ? AND link_id = ? AND "
                                 "enterprise_id = ?",
                                 {park_id, link_id, enterprise_id})
                             .status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "chain_link_enterprise", EntityId(link_id, enterprise_id),
                                    park_id, before, ""));
  return tx.Commit();
}

}  // namespace parkhq::storage
