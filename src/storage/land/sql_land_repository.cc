// LandRepository, part 1: parcels (contracts, rules and disposals: sql_land_records.cc).
#include "storage/land/sql_land_repository.h"

#include "storage/park_refs.h"

#include <map>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/land/sql_land_util.h"

namespace parkhq::storage {

using land::ParcelRecord;

namespace {

using namespace land_sql;  // NOLINT: file-local helpers

const char kParcelCols[] =
    "SELECT id, park_id, code, name, area_mu, area_m2, land_use, holder_enterprise_id, holder_name, project_id, "
    "approved, supplied, supply_kind, agreed_start, actual_start, agreed_completion, completed, "
    "agreed_production, production, halted_since, floor_area_m2, footprint_m2, developed_area_m2, invested, "
    "total_investment, land_price, crs, geometry_area_m2, note, is_demo, created_at, updated_at, ";
const char kParcelSnapshot[] = "SELECT * FROM land_parcels WHERE id = ?";

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

}  // namespace

StatusOr<std::vector<ParcelRecord>> SqlLandRepository::ListParcels(const std::vector<int64_t>& park_ids,
                                                                   bool with_geometry) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params;
  std::string where = InList(park_ids, params);
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
  if (r.parcel.holder_enterprise_id)
    PARKHQ_RETURN_IF_ERROR(CheckEnterpriseInPark(*c, *r.parcel.holder_enterprise_id, r.parcel.park_id,
                                                 "holder_enterprise_id", "地块信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertParcel(*c, r, who));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlLandRepository::UpdateParcel(const ParcelRecord& r, const std::string& reason, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  if (r.parcel.holder_enterprise_id)
    PARKHQ_RETURN_IF_ERROR(CheckEnterpriseInPark(*c, *r.parcel.holder_enterprise_id, r.parcel.park_id,
                                                 "holder_enterprise_id", "地块信息有误"));
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

}  // namespace parkhq::storage
