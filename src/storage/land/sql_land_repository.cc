#include "storage/land/sql_land_repository.h"

#include <map>

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {

using land::ContractRecord;
using land::Disposal;
using land::InefficiencyRules;
using land::ParcelRecord;

namespace {

const char kParcelCols[] =
    "SELECT id, park_id, code, name, area_mu, area_m2, land_use, holder_enterprise_id, holder_name, project_id, "
    "approved, supplied, supply_kind, agreed_start, actual_start, agreed_completion, completed, "
    "agreed_production, production, halted_since, floor_area_m2, footprint_m2, developed_area_m2, invested, "
    "total_investment, land_price, crs, geometry_area_m2, note, is_demo, created_at, updated_at, ";
const char kParcelSnapshot[] = "SELECT * FROM land_parcels WHERE id = ?";
const char kContractCols[] =
    "SELECT id, park_id, parcel_id, contract_no, signed_on, production_check, checked_on, note, is_demo, "
    "created_at, updated_at FROM land_contracts ";
const char kDisposalCols[] =
    "SELECT id, park_id, parcel_id, kind, method, unit, deadline, status, completed_on, audited, "
    "COALESCE(audited_by, ''), COALESCE(audited_at, ''), note, is_demo, created_at, updated_at FROM land_disposals ";
const char kDisposalSnapshot[] = "SELECT * FROM land_disposals WHERE id = ?";

std::optional<Date> OptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}
Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }

// "park_id IN (?,?,…)" and its parameters; "1=0" when the list is empty.
std::string InParks(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* col = "park_id") {
  if (ids.empty()) return "1=0";
  std::string s = std::string(col) + " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    params.emplace_back(ids[i]);
  }
  return s + ")";
}

ParcelRecord ToParcel(const Row& r) {
  ParcelRecord out;
  land::Parcel& p = out.parcel;
  p.id = r.Int(0);
  p.park_id = r.Int(1);
  p.code = r.Text(2);
  out.name = r.Text(3);
  p.area_mu = r.Double(4);
  p.area_m2 = r.OptDouble(5);
  p.land_use = r.Text(6);
  p.holder_enterprise_id = r.OptInt(7);
  out.holder_name = r.Text(8);
  p.project_id = r.OptInt(9);
  p.approved = OptDate(r, 10);
  p.supplied = OptDate(r, 11);
  if (auto k = r.OptText(12)) p.supply_kind = land::ParseSupplyKind(*k);
  p.agreed_start = OptDate(r, 13);
  p.actual_start = OptDate(r, 14);
  p.agreed_completion = OptDate(r, 15);
  p.completed = OptDate(r, 16);
  p.agreed_production = OptDate(r, 17);
  p.production = OptDate(r, 18);
  p.halted_since = OptDate(r, 19);
  p.floor_area_m2 = r.OptDouble(20);
  p.footprint_m2 = r.OptDouble(21);
  p.developed_area_m2 = r.OptDouble(22);
  p.invested = r.OptDouble(23);
  p.total_investment = r.OptDouble(24);
  p.land_price = r.OptDouble(25);
  out.crs = land::ParseCrs(r.Text(26)).value_or(land::CoordinateSystem::kLonLat);
  out.geometry_area_m2 = r.OptDouble(27);
  out.note = r.Text(28);
  out.is_demo = r.Bool(29);
  out.created_at = r.Text(30);
  out.updated_at = r.Text(31);
  out.geometry_json = r.OptText(32);
  return out;
}

// The writable columns in a fixed order, shared by INSERT and UPDATE.
const char kParcelWriteCols[] =
    "park_id, code, name, area_mu, area_m2, land_use, holder_enterprise_id, holder_name, project_id, approved, "
    "supplied, supply_kind, agreed_start, actual_start, agreed_completion, completed, agreed_production, "
    "production, halted_since, floor_area_m2, footprint_m2, developed_area_m2, invested, total_investment, "
    "land_price, geometry, crs, geometry_area_m2, note, is_demo";
constexpr int kParcelWriteCount = 30;

std::vector<Value> ParcelValues(const ParcelRecord& r) {
  const land::Parcel& p = r.parcel;
  return {p.park_id,
          p.code,
          r.name,
          p.area_mu,
          Opt(p.area_m2),
          p.land_use,
          Opt(p.holder_enterprise_id),
          r.holder_name,
          Opt(p.project_id),
          DateValue(p.approved),
          DateValue(p.supplied),
          p.supply_kind ? Value(std::string(land::SupplyKindName(*p.supply_kind))) : Value(),
          DateValue(p.agreed_start),
          DateValue(p.actual_start),
          DateValue(p.agreed_completion),
          DateValue(p.completed),
          DateValue(p.agreed_production),
          DateValue(p.production),
          DateValue(p.halted_since),
          Opt(p.floor_area_m2),
          Opt(p.footprint_m2),
          Opt(p.developed_area_m2),
          Opt(p.invested),
          Opt(p.total_investment),
          Opt(p.land_price),
          Opt(r.geometry_json),
          std::string(land::CrsName(r.crs)),
          Opt(r.geometry_area_m2),
          r.note,
          int64_t{r.is_demo}};
}

std::string InsertParcelSql() {
  std::string q = std::string("INSERT INTO land_parcels(") + kParcelWriteCols + ", created_at, updated_at) VALUES (";
  for (int i = 0; i < kParcelWriteCount + 2; ++i) q += i ? ",?" : "?";
  return q + ") RETURNING id";
}

std::string UpdateParcelSql() {
  std::string cols = kParcelWriteCols, q = "UPDATE land_parcels SET ";
  size_t pos = 0;
  bool first = true;
  while (pos <= cols.size()) {
    size_t end = cols.find(',', pos);
    if (end == std::string::npos) end = cols.size();
    std::string name = cols.substr(pos, end - pos);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    q += (first ? "" : ", ") + name + " = ?";
    first = false;
    pos = end + 1;
  }
  return q + ", updated_at = ? WHERE id = ?";
}

StatusOr<int64_t> InsertParcel(Connection& c, const ParcelRecord& r, const Scope& who) {
  auto vals = ParcelValues(r);
  const std::string now = NowIso();
  vals.emplace_back(now);
  vals.emplace_back(now);
  auto id = c.InsertId(InsertParcelSql(), vals);
  if (!id.ok()) {
    if (id.status().IsConflict())
      return Status::Conflict("地块编号已存在", {{"code", "本园区已有编号为 " + r.parcel.code + " 的地块"}});
    return id.status();
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kParcelSnapshot, {*id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "land_parcel", std::to_string(*id), r.parcel.park_id, "", after));
  return *id;
}

Status UpdateParcelIn(Connection& c, const ParcelRecord& r, const std::string& reason, const Scope& who) {
  const int64_t id = r.parcel.id;
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(c, kParcelSnapshot, {id}));
  if (before.empty()) return Status::NotFound("地块不存在");
  auto vals = ParcelValues(r);
  vals.emplace_back(NowIso());
  vals.emplace_back(id);
  auto n = c.Exec(UpdateParcelSql(), vals);
  if (!n.ok()) {
    if (n.status().IsConflict())
      return Status::Conflict("地块编号已存在", {{"code", "本园区已有编号为 " + r.parcel.code + " 的地块"}});
    return n.status();
  }
  // The contract and disposal records follow the parcel to its (sub-)park.
  PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE land_contracts SET park_id = ? WHERE parcel_id = ?", {r.parcel.park_id, id}).status());
  PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE land_contract_indicators SET park_id = ? WHERE contract_id IN "
                                "(SELECT id FROM land_contracts WHERE parcel_id = ?)",
                                {r.parcel.park_id, id})
                             .status());
  PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE land_disposals SET park_id = ? WHERE parcel_id = ?", {r.parcel.park_id, id}).status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kParcelSnapshot, {id}));
  return WriteAudit(c, who, "update", "land_parcel", std::to_string(id), r.parcel.park_id, before, after, reason);
}

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
  std::string where = InParks(ids, params, "contract_id");
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

Value Text(const std::string& s) { return s.empty() ? Value() : Value(s); }

}  // namespace

StatusOr<std::vector<ParcelRecord>> SqlLandRepository::ListParcels(const std::vector<int64_t>& park_ids,
                                                                   bool with_geometry) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string where = InParks(park_ids, params);
  std::vector<ParcelRecord> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(std::string(kParcelCols) + (with_geometry ? "geometry" : "NULL") +
                                        " FROM land_parcels WHERE " + where + " ORDER BY park_id, code",
                                    params, [&](const Row& r) {
                                      out.push_back(ToParcel(r));
                                      return true;
                                    }));
  return out;
}

StatusOr<std::optional<ParcelRecord>> SqlLandRepository::FindParcel(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kParcelCols) + "geometry FROM land_parcels WHERE id = ?", {id}));
  if (!r) return std::optional<ParcelRecord>();
  return std::optional<ParcelRecord>(ToParcel(*r));
}

StatusOr<int64_t> SqlLandRepository::CreateParcel(const ParcelRecord& r, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertParcel(*c, r, who));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlLandRepository::UpdateParcel(const ParcelRecord& r, const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_RETURN_IF_ERROR(UpdateParcelIn(*c, r, reason, who));
  return tx.Commit();
}

Status SqlLandRepository::DeleteParcel(int64_t id, const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kParcelSnapshot, {id}));
  if (before.empty()) return Status::NotFound("地块不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto park, c->QueryOne("SELECT park_id FROM land_parcels WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_contract_indicators WHERE contract_id IN "
                                 "(SELECT id FROM land_contracts WHERE parcel_id = ?)", {id}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_contracts WHERE parcel_id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_disposals WHERE parcel_id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM land_parcels WHERE id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "land_parcel", std::to_string(id), park->Int(0), before, "", reason));
  return tx.Commit();
}

StatusOr<std::vector<int64_t>> SqlLandRepository::SaveParcels(const std::vector<ParcelRecord>& rs, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::vector<int64_t> ids;
  for (const auto& r : rs) {
    if (r.parcel.id == 0) {
      PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertParcel(*c, r, who));
      ids.push_back(id);
    } else {
      PARKHQ_RETURN_IF_ERROR(UpdateParcelIn(*c, r, "GeoJSON 导入", who));
      ids.push_back(r.parcel.id);
    }
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return ids;
}

StatusOr<std::vector<ContractRecord>> SqlLandRepository::ListContracts(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string where = InParks(park_ids, params);
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
  std::string where = InParks(park_ids, params);
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
                                                   int64_t{d.audited}, Text(d.audited_by), Text(d.audited_at), d.note,
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
                                  int64_t{d.audited}, Text(d.audited_by), Text(d.audited_at), d.note, NowIso(), d.id})
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
