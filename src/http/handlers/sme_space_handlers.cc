// SME park: occupancy (出租率), buildings, floor plans and units (issue 16 item 1).
#include "http/handlers/services.h"
#include "http/handlers/sme_handlers.h"
#include "http/handlers/sme_json.h"
#include "storage/sme/sme_store.h"

namespace parkhq::http::handlers {

namespace sj = sme_json;

const RoleSet kSmeReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};

// GET /parks/{park_id}/occupancy → {"buildings":[{"id","name","area","leased_area","occupancy_pct",..}],
// "area","leased_area","vacant_area","occupancy_pct","as_of"}
StatusOr<Response> GetOccupancy(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.sme->store->Occupancy(ctx.caller(), sj::ParkParam(ctx)));
  json::array bs;
  for (const auto& b : v.buildings) bs.push_back(sj::BuildingJson(b));
  return Json(json::object{{"buildings", std::move(bs)},
                           {"area", v.totals.area},
                           {"leased_area", v.totals.leased_area},
                           {"vacant_area", v.totals.vacant_area},
                           {"occupancy_pct", v.totals.occupancy_pct},
                           {"as_of", Today().ToString()}});
}

StatusOr<Response> ListSmeBuildings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.sme->store->Occupancy(ctx.caller(), sj::ParkParam(ctx)));
  json::array bs;
  for (const auto& b : v.buildings) bs.push_back(sj::BuildingJson(b));
  return JsonList(std::move(bs), static_cast<int64_t>(v.buildings.size()));
}

// POST /parks/{park_id}/sme-buildings {"name","kind","floors","sub_park_id"?,"operator_unit_id"?}
StatusOr<Response> CreateSmeBuilding(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  storage::SmeStore::NewBuilding in;
  in.name = f.String("name", true, 100).value_or("");
  in.kind = f.String("kind", true, 30).value_or("");
  in.floors = f.Int("floors", true).value_or(0);
  in.sub_park_id = f.Int("sub_park_id", false);
  in.operator_unit_id = f.Int("operator_unit_id", false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("楼宇信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto b, s.sme->store->CreateBuilding(ctx.caller(), sj::ParkParam(ctx), in));
  return Json(sj::BuildingJson(b), 201);
}

// GET /sme-buildings/{id}/floor-plan → the building and its units by floor (the grid coloured by status).
StatusOr<Response> GetSmeFloorPlan(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto fp, s.sme->store->GetFloorPlan(ctx.caller(), id));
  json::array us;
  for (const auto& u : fp.units) us.push_back(sj::UnitJson(u));
  return Json(json::object{{"building", sj::BuildingJson(fp.building)}, {"units", std::move(us)}});
}

// POST /sme-buildings/{id}/units {"floor","code","area","use_kind","rent_standard","position"?,"status"?}
StatusOr<Response> CreateSmeUnit(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  storage::SmeStore::NewUnit in;
  in.floor = f.Int("floor", true).value_or(0);
  in.position = f.Int("position", false).value_or(0);
  in.code = f.String("code", true, 30).value_or("");
  in.use_kind = f.String("use_kind", true, 20).value_or("");
  in.status = f.String("status", false, 20).value_or("vacant");
  in.area = f.NonNegative("area", true, 1e6).value_or(0);
  in.rent_standard = f.NonNegative("rent_standard", true, 1e6).value_or(0);
  PARKHQ_RETURN_IF_ERROR(f.Finish("房间信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto u, s.sme->store->CreateUnit(ctx.caller(), id, in));
  return Json(sj::UnitJson(u), 201);
}

// PATCH /sme-units/{id} {"status": "vacant"|"self_use"|"repair"}
StatusOr<Response> UpdateSmeUnit(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string status = f.String("status", true, 20).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("房间状态有误"));
  PARKHQ_RETURN_IF_ERROR(s.sme->store->SetUnitStatus(ctx.caller(), id, status));
  return NoContent();
}

}  // namespace parkhq::http::handlers
