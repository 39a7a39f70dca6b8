// LandRepository, part 2: 标准地 contracts, inefficiency rules, disposal records.
#include <map>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/land/sql_land_repository.h"
#include "storage/land/sql_land_util.h"

namespace parkhq::storage {

using land::ContractRecord;
using land::Disposal;
using land::InefficiencyRules;

namespace {

using namespace land_sql;  // NOLINT: file-local helpers

const char kContractCols[] =
    "SELECT id, park_id, parcel_id, contract_no, signed_on, production_check, checked_on, note, is_demo, "
    "created_at, updated_at FROM land_contracts ";
const char kDisposalCols[] =
    "SELECT id, park_id, parcel_id, kind, method, unit, deadline, status, completed_on, audited, "
    "COALESCE(audited_by, ''), COALESCE(audited_at, ''), note, is_demo, created_at, updated_at FROM land_disposals ";
const char kDisposalSnapshot[] = "SELECT * FROM land_disposals WHERE id = ?";
const char kParcelSnapshot[] = "SELECT * FROM land_parcels WHERE id = ?";

ContractRecord ToContract(const Row& r) {
  ContractRecord c;
  c.id = r.Int(0);
  c.park_id = r.Int(1);
  c.parcel_id = r.Int(2);
  c.contract_no = r.Text(3);
  c.signed_on = OptDate(r, 4);
  c.production_check = OptDate(r, 5);
  c.checked_on = OptDate(r, 6);
  c.note = r.Text(7);
  c.is_demo = r.Bool(8);
  c.created_at = r.Text(9);
  c.updated_at = r.Text(10);
  return c;
}

// Loads the indicators of the given contracts (keyed by contract id).
Status LoadIndicators(Connection& c, std::vector<ContractRecord>& contracts) {
  if (contracts.empty()) return Status::Ok();
  std::map<int64_t, ContractRecord*> by_id;
  std::vector<int64_t> ids;
  for (auto& k : contracts) {
    by_id[k.id] = &k;
    ids.push_back(k.id);
  }
  std::vector<Value> params;
  std::string where = InList(ids, params, "contract_id");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT contract_id, code, agreed, actual FROM land_contract_indicators "
                                             "WHERE " + where + " ORDER BY contract_id, sort",
                                             params));
  for (const auto& r : rows) {
    auto code = evaluation::ParseIndicatorCode(r.Text(1));
    auto it = by_id.find(r.Int(0));
    if (!code || it == by_id.end()) continue;
    it->second->indicators.push_back({*code, r.Double(2), r.OptDouble(3)});
  }
  return Status::Ok();
}

std::string ContractSnapshot(Connection& c, int64_t parcel_id) {
  auto head = Snapshot(c, "SELECT * FROM land_contracts WHERE parcel_id = ?", {parcel_id});
  if (!head.ok() || head->empty()) return "";
  auto rows = c.Query("SELECT i.code, i.agreed, i.actual, i.passed FROM land_contract_indicators i JOIN land_contracts k "
                      "ON k.id = i.contract_id WHERE k.parcel_id = ? ORDER BY i.sort",
                      {parcel_id});
  std::string items = "[";
  if (rows.ok()) {
    for (size_t i = 0; i < rows->size(); ++i) {
      const Row& r = (*rows)[i];
      items += (i ? "," : "") + std::string("{\"code\":\"") + r.Text(0) + "\",\"agreed\":" + std::to_string(r.Double(1)) +
               ",\"actual\":" + (r.IsNull(2) ? "null" : std::to_string(r.Double(2))) +
               ",\"passed\":" + (r.IsNull(3) ? "null" : (r.Bool(3) ? "true" : "false")) + "}";
    }
  }
  items += "]";
  // head is a JSON object: append the indicators before its closing brace.
  std::string out = *head;
  out.pop_back();
  return out + ",\"indicators\":" + items + "}";
}

Disposal ToDisposal(const Row& r) {
  Disposal d;
  d.id = r.Int(0);
  d.park_id = r.Int(1);
  d.parcel_id = r.Int(2);
  d.kind = r.Text(3);
  d.method = r.Text(4);
  d.unit = r.Text(5);
  d.deadline = OptDate(r, 6);
  d.status = r.Text(7);
  d.completed_on = OptDate(r, 8);
  d.audited = r.Bool(9);
  d.audited_by = r.Text(10);
  d.audited_at = r.Text(11);
  d.note = r.Text(12);
  d.is_demo = r.Bool(13);
  d.created_at = r.Text(14);
  d.updated_at = r.Text(15);
  return d;
}


}  // namespace

StatusOr<std::vector<ContractRecord>> SqlLandRepository::ListContracts(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string where = InList(park_ids, params);
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kContractCols) + "WHERE " + where + " ORDER BY park_id, id", params));
  std::vector<ContractRecord> out;
  for (const auto& r : rows) out.push_back(ToContract(r));
  PARKHQ_RETURN_IF_ERROR(LoadIndicators(*c, out));
  return out;
}

StatusOr<std::optional<ContractRecord>> SqlLandRepository::FindContract(int64_t parcel_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kContractCols) + "WHERE parcel_id = ?", {parcel_id}));
  if (!r) return std::optional<ContractRecord>();
  std::vector<ContractRecord> one{ToContract(*r)};
  PARKHQ_RETURN_IF_ERROR(LoadIndicators(*c, one));
  return std::optional<ContractRecord>(std::move(one.front()));
}

StatusOr<int64_t> SqlLandRepository::PutContract(const ContractRecord& k, const std::vector<std::optional<bool>>& passed,
                                                 const land::Parcel& deadlines, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string before = ContractSnapshot(*c, k.parcel_id);
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(auto existing, c->QueryOne("SELECT id FROM land_contracts WHERE parcel_id = ?", {k.parcel_id}));
  int64_t id = 0;
  if (existing) {
    id = existing->Int(0);
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE land_contracts SET park_id = ?, contract_no = ?, signed_on = ?, "
                                   "production_check = ?, checked_on = ?, note = ?, updated_at = ? WHERE id = ?",
                                   {k.park_id, k.contract_no, DateValue(k.signed_on), DateValue(k.production_check),
                                    DateValue(k.checked_on), k.note, now, id})
                               .status());
    PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_contract_indicators WHERE contract_id = ?", {id}).status());
  } else {
    PARKHQ_ASSIGN_OR_RETURN(id, c->InsertId("INSERT INTO land_contracts(park_id, parcel_id, contract_no, signed_on, "
                                            "production_check, checked_on, note, is_demo, created_at, updated_at) "
                                            "VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
                                            {k.park_id, k.parcel_id, k.contract_no, DateValue(k.signed_on),
                                             DateValue(k.production_check), DateValue(k.checked_on), k.note,
                                             int64_t{k.is_demo}, now, now}));
  }
  for (size_t i = 0; i < k.indicators.size(); ++i) {
    const auto& ind = k.indicators[i];
    const std::optional<bool> ok = i < passed.size() ? passed[i] : std::nullopt;
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO land_contract_indicators(park_id, contract_id, code, agreed, actual, "
                                   "passed, sort) VALUES (?,?,?,?,?,?,?)",
                                   {k.park_id, id, std::string(evaluation::Info(ind.code).key), ind.agreed,
                                    Opt(ind.actual), ok ? Value(int64_t{*ok}) : Value(), static_cast<int64_t>(i)})
                               .status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto pbefore, Snapshot(*c, kParcelSnapshot, {k.parcel_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE land_parcels SET agreed_start = ?, agreed_completion = ?, agreed_production = ?, "
                                 "updated_at = ? WHERE id = ?",
                                 {DateValue(deadlines.agreed_start), DateValue(deadlines.agreed_completion),
                                  DateValue(deadlines.agreed_production), now, k.parcel_id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto pafter, Snapshot(*c, kParcelSnapshot, {k.parcel_id}));
  if (pbefore != pafter)
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "land_parcel", std::to_string(k.parcel_id), k.park_id, pbefore,
                                      pafter, "标准地合同约定期限"));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, existing ? "update" : "create", "land_contract", std::to_string(id),
                                    k.park_id, before, ContractSnapshot(*c, k.parcel_id)));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlLandRepository::DeleteContract(int64_t parcel_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT id, park_id FROM land_contracts WHERE parcel_id = ?", {parcel_id}));
  if (!row) return Status::NotFound("该地块尚无标准地合同");
  const std::string before = ContractSnapshot(*c, parcel_id);
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_contract_indicators WHERE contract_id = ?", {row->Int(0)}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_contracts WHERE id = ?", {row->Int(0)}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "land_contract", std::to_string(row->Int(0)), row->Int(1), before, ""));
  return tx.Commit();
}

StatusOr<std::optional<InefficiencyRules>> SqlLandRepository::FindRules(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT approved_not_supplied_years, idle_years_after_agreed_start, "
                                              "min_developed_share, min_invested_share, halted_years, "
                                              "national_min_coverage, national_min_far, max_undeveloped_share, "
                                              "idle_fee_share, idle_fee_after_years, reclaim_after_years "
                                              "FROM land_inefficiency_rules WHERE park_id = ?",
                                              {park_id}));
  if (!r) return std::optional<InefficiencyRules>();
  InefficiencyRules x;
  x.approved_not_supplied_years = static_cast<int>(r->Int(0));
  x.idle_years_after_agreed_start = static_cast<int>(r->Int(1));
  x.min_developed_share = r->Double(2);
  x.min_invested_share = r->Double(3);
  x.halted_years = static_cast<int>(r->Int(4));
  x.national_min_coverage = r->Double(5);
  x.national_min_far = r->OptDouble(6);
  x.max_undeveloped_share = r->OptDouble(7);
  x.idle_fee_share = r->Double(8);
  x.idle_fee_after_years = static_cast<int>(r->Int(9));
  x.reclaim_after_years = static_cast<int>(r->Int(10));
  return std::optional<InefficiencyRules>(x);
}

Status SqlLandRepository::PutRules(int64_t park_id, const InefficiencyRules& x, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char snap[] = "SELECT * FROM land_inefficiency_rules WHERE park_id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, {park_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_inefficiency_rules WHERE park_id = ?", {park_id}).status());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("INSERT INTO land_inefficiency_rules(park_id, approved_not_supplied_years, idle_years_after_agreed_start, "
              "min_developed_share, min_invested_share, halted_years, national_min_coverage, national_min_far, "
              "max_undeveloped_share, idle_fee_share, idle_fee_after_years, reclaim_after_years, updated_at) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
              {park_id, int64_t{x.approved_not_supplied_years}, int64_t{x.idle_years_after_agreed_start},
               x.min_developed_share, x.min_invested_share, int64_t{x.halted_years}, x.national_min_coverage,
               Opt(x.national_min_far), Opt(x.max_undeveloped_share), x.idle_fee_share,
               int64_t{x.idle_fee_after_years}, int64_t{x.reclaim_after_years}, NowIso()})
          .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {park_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "land_inefficiency_rules",
                                    std::to_string(park_id), park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<Disposal>> SqlLandRepository::ListDisposals(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string where = InList(park_ids, params);
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kDisposalCols) + "WHERE " + where +
                                                  " ORDER BY park_id, parcel_id, id",
                                              params));
  std::vector<Disposal> out;
  for (const auto& r : rows) out.push_back(ToDisposal(r));
  return out;
}

StatusOr<std::optional<Disposal>> SqlLandRepository::FindDisposal(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kDisposalCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<Disposal>();
  return std::optional<Disposal>(ToDisposal(*r));
}

StatusOr<int64_t> SqlLandRepository::CreateDisposal(const Disposal& d, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO land_disposals(park_id, parcel_id, kind, method, unit, "
                                                  "deadline, status, completed_on, audited, audited_by, audited_at, "
                                                  "note, is_demo, created_at, updated_at) "
                                                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                                                  {d.park_id, d.parcel_id, d.kind, d.method, d.unit,
                                                   DateValue(d.deadline), d.status, DateValue(d.completed_on),
                                                   int64_t{d.audited}, TextOrNull(d.audited_by), TextOrNull(d.audited_at), d.note,
                                                   int64_t{d.is_demo}, now, now}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kDisposalSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "land_disposal", std::to_string(id), d.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlLandRepository::UpdateDisposal(const Disposal& d, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kDisposalSnapshot, {d.id}));
  if (before.empty()) return Status::NotFound("处置记录不存在");
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE land_disposals SET kind = ?, method = ?, unit = ?, deadline = ?, status = ?, "
                                 "completed_on = ?, audited = ?, audited_by = ?, audited_at = ?, note = ?, "
                                 "updated_at = ? WHERE id = ?",
                                 {d.kind, d.method, d.unit, DateValue(d.deadline), d.status, DateValue(d.completed_on),
                                  int64_t{d.audited}, TextOrNull(d.audited_by), TextOrNull(d.audited_at), d.note, NowIso(), d.id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kDisposalSnapshot, {d.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "land_disposal", std::to_string(d.id), d.park_id, before, after));
  return tx.Commit();
}

Status SqlLandRepository::DeleteDisposal(int64_t id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT park_id FROM land_disposals WHERE id = ?", {id}));
  if (!row) return Status::NotFound("处置记录不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kDisposalSnapshot, {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_disposals WHERE id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "land_disposal", std::to_string(id), row->Int(0), before, ""));
  return tx.Commit();
}

}  // namespace parkhq::storage
