// Space: buildings, units, occupancy (出租率) and the floor plan.
#include <set>

#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

// Unit ids a lease covers on `today`, with the tenant's enterprise id and name.
struct Cover {
  int64_t lease_id = 0, enterprise_id = 0;
  std::string tenant;
};
StatusOr<std::map<int64_t, Cover>> Covered(Connection& c, int64_t park_id, Date today) {
  const std::string t = today.ToString();
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c.Query("SELECT l.unit_id, l.id, l.enterprise_id, e.name FROM sme_leases l "
                                           "JOIN enterprises e ON e.id = l.enterprise_id WHERE l.park_id = ? AND "
                                           "l.start_on <= ? AND COALESCE(l.ended_on, l.end_on) >= ?",
                                           {park_id, t, t}));
  std::map<int64_t, Cover> out;
  for (const auto& r : rs) out[r.Int(0)] = Cover{r.Int(1), r.Int(2), r.Text(3)};
  return out;
}

}  // namespace

StatusOr<SmeStore::OccupancyView> SmeStore::Occupancy(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto bs, c->Query(std::string("SELECT ") + rows::kBuildingCols + rows::kBuildingFrom +
                                                " WHERE b.park_id = ? ORDER BY b.id",
                                            {park_id}));
  PARKHQ_ASSIGN_OR_RETURN(auto covered, Covered(*c, park_id, Today()));
  PARKHQ_ASSIGN_OR_RETURN(auto us, c->Query("SELECT id, building_id, area FROM sme_units WHERE park_id = ?", {park_id}));
  OccupancyView v;
  std::vector<int64_t> ids;
  for (const auto& r : bs) {
    v.buildings.push_back(rows::ReadBuilding(r));
    ids.push_back(v.buildings.back().id);
  }
  std::vector<sme::UnitArea> units;
  std::map<int64_t, int64_t> counts;
  for (const auto& r : us) {
    units.push_back({r.Int(1), r.Double(2), covered.count(r.Int(0)) > 0});
    ++counts[r.Int(1)];
  }
  v.totals = sme::ComputeOccupancy(ids, units);
  for (size_t i = 0; i < v.buildings.size(); ++i) {
    auto& b = v.buildings[i];
    b.units = counts[b.id];
    b.area = v.totals.buildings[i].area;
    b.leased_area = v.totals.buildings[i].leased_area;
    b.occupancy_pct = v.totals.buildings[i].occupancy_pct;
  }
  return v;
}

StatusOr<sme::Building> SmeStore::CreateBuilding(const Scope& s, int64_t park_id, const NewBuilding& in) const {
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("仅园区管理员可以登记楼宇");
  std::vector<FieldError> errs;
  static const std::set<std::string> kKinds = {"standard_factory", "incubator", "office"};
  if (!kKinds.count(in.kind)) errs.push_back({"kind", "应为 standard_factory、incubator 或 office"});
  if (in.floors < 1 || in.floors > 60) errs.push_back({"floors", "应为 1 到 60"});
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  if (in.sub_park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto p, c->QueryOne("SELECT id FROM parks WHERE id = ? AND (id = ? OR parent_id = ?)",
                                                {*in.sub_park_id, park_id, park_id}));
    if (!p) errs.push_back({"sub_park_id", "不是本园区的分园"});
  }
  if (in.operator_unit_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto u, c->QueryOne("SELECT unit_id FROM unit_parks WHERE unit_id = ? AND park_id = ?",
                                                {*in.operator_unit_id, park_id}));
    if (!u) errs.push_back({"operator_unit_id", "该单位不服务本园区"});
  }
  PARKHQ_ASSIGN_OR_RETURN(auto dup, c->QueryOne("SELECT id FROM sme_buildings WHERE park_id = ? AND name = ?",
                                                {park_id, in.name}));
  if (dup) errs.push_back({"name", "本园区已有同名楼宇"});
  if (!errs.empty()) return Status::Validation("楼宇信息有误", std::move(errs));
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO sme_buildings(park_id, sub_park_id, operator_unit_id, name, kind, floors, "
                              "created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
                              {park_id, Opt(in.sub_park_id), Opt(in.operator_unit_id), in.name, in.kind, in.floors,
                               NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_buildings WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_building", std::to_string(id), park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string("SELECT ") + rows::kBuildingCols + rows::kBuildingFrom +
                                                    " WHERE b.id = ?",
                                                {id}));
  return rows::ReadBuilding(*row);
}

StatusOr<SmeStore::FloorPlan> SmeStore::GetFloorPlan(const Scope& s, int64_t building_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string("SELECT ") + rows::kBuildingCols + rows::kBuildingFrom +
                                                    " WHERE b.id = ?",
                                                {building_id}));
  if (!row) return rows::NotFound();
  FloorPlan fp;
  fp.building = rows::ReadBuilding(*row);
  if (!s.CanReadPark(fp.building.park_id) || s.role == Role::kEnterprise) return rows::NotFound();
  PARKHQ_ASSIGN_OR_RETURN(auto covered, Covered(*c, fp.building.park_id, Today()));
  PARKHQ_ASSIGN_OR_RETURN(auto us, c->Query("SELECT id, park_id, building_id, floor, position, code, use_kind, area, "
                                            "rent_standard, status, is_demo FROM sme_units WHERE building_id = ? "
                                            "ORDER BY floor, position, code",
                                            {building_id}));
  std::vector<sme::UnitArea> areas;
  for (const auto& r : us) {
    sme::Unit u{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Text(5), r.Text(6), r.Double(7),
                r.Double(8), r.Text(9), r.Text(9), std::nullopt, "", r.Bool(10)};
    if (auto it = covered.find(u.id); it != covered.end()) {
      u.status = "leased";
      u.lease_id = it->second.lease_id;
      if (sme::SeesTenantData(s, u.park_id, fp.building.operator_unit_id, it->second.enterprise_id))
        u.tenant = it->second.tenant;
    }
    areas.push_back({building_id, u.area, u.status == "leased"});
    fp.units.push_back(std::move(u));
  }
  const auto occ = sme::ComputeOccupancy({building_id}, areas);
  fp.building.units = static_cast<int64_t>(fp.units.size());
  fp.building.area = occ.area;
  fp.building.leased_area = occ.leased_area;
  fp.building.occupancy_pct = occ.occupancy_pct;
  return fp;
}

StatusOr<sme::Unit> SmeStore::CreateUnit(const Scope& s, int64_t building_id, const NewUnit& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string("SELECT ") + rows::kBuildingCols + rows::kBuildingFrom +
                                                    " WHERE b.id = ?",
                                                {building_id}));
  if (!row) return rows::NotFound();
  const sme::Building b = rows::ReadBuilding(*row);
  if (!s.CanReadPark(b.park_id)) return rows::NotFound();
  if (!sme::CanManage(s, b.park_id, b.operator_unit_id)) return rows::NotManager();
  std::vector<FieldError> errs;
  static const std::set<std::string> kUses = {"factory", "office", "warehouse", "lab"};
  static const std::set<std::string> kStatus = {"vacant", "self_use", "repair"};
  if (in.floor < 1 || in.floor > b.floors) errs.push_back({"floor", "应在 1 到楼宇层数之间"});
  if (in.position < 0 || in.position > 200) errs.push_back({"position", "应为 0 到 200"});
  if (!(in.area > 0 && in.area <= 100000)) errs.push_back({"area", "面积应大于 0 且不超过 100000 ㎡"});
  if (!(in.rent_standard >= 0 && in.rent_standard <= 10000)) errs.push_back({"rent_standard", "租金标准应为 0 到 10000 元/㎡·月"});
  if (!kUses.count(in.use_kind)) errs.push_back({"use_kind", "应为 factory、office、warehouse 或 lab"});
  if (!kStatus.count(in.status)) errs.push_back({"status", "应为 vacant、self_use 或 repair"});
  PARKHQ_ASSIGN_OR_RETURN(auto dup, c->QueryOne("SELECT id FROM sme_units WHERE building_id = ? AND code = ?",
                                                {building_id, in.code}));
  if (dup) errs.push_back({"code", "该楼宇已有此房号"});
  if (!errs.empty()) return Status::Validation("房间信息有误", std::move(errs));
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO sme_units(park_id, building_id, floor, code, position, area, use_kind, "
                              "rent_standard, status) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                              {b.park_id, building_id, in.floor, in.code, in.position, in.area, in.use_kind,
                               in.rent_standard, in.status}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_units WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_unit", std::to_string(id), b.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return sme::Unit{id, b.park_id, building_id, in.floor, in.position, in.code, in.use_kind, in.area,
                   in.rent_standard, in.status, in.status, std::nullopt, "", false};
}

Status SmeStore::SetUnitStatus(const Scope& s, int64_t unit_id, const std::string& status) const {
  if (status != "vacant" && status != "self_use" && status != "repair")
    return Status::Validation("房间状态有误", {{"status", "应为 vacant、self_use 或 repair"}});
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto u, rows::FindUnit(*c, unit_id));
  if (!u || !s.CanReadPark(u->park_id)) return rows::NotFound();
  if (!sme::CanManage(s, u->park_id, u->operator_unit_id)) return rows::NotManager();
  const std::string t = Today().ToString();
  PARKHQ_ASSIGN_OR_RETURN(auto lease, rows::OverlappingLease(*c, unit_id, t, t, 0));
  if (lease) return Status::Conflict("该房间当前有租约，状态由租约决定");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_units WHERE id = ?", {unit_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE sme_units SET status = ? WHERE id = ?", {status, unit_id}).status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_units WHERE id = ?", {unit_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "update", "sme_unit", std::to_string(unit_id), u->park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
