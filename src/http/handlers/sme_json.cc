#include "http/handlers/sme_json.h"

#include "domain/sme/sme_calc.h"

namespace parkhq::http::sme_json {

namespace {
json::value OptStr(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value OptId(const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }
}  // namespace

json::object BuildingJson(const sme::Building& b) {
  return {{"id", b.id},
          {"park_id", b.park_id},
          {"sub_park_id", OptId(b.sub_park_id)},
          {"operator_unit_id", OptId(b.operator_unit_id)},
          {"operator", b.operator_name},
          {"name", b.name},
          {"kind", b.kind},
          {"floors", b.floors},
          {"units", b.units},
          {"area", b.area},
          {"leased_area", b.leased_area},
          {"vacant_area", sme::Round2(b.area - b.leased_area)},
          {"occupancy_pct", b.occupancy_pct},
          {"is_demo", b.is_demo}};
}

json::object UnitJson(const sme::Unit& u) {
  return {{"id", u.id},
          {"building_id", u.building_id},
          {"floor", u.floor},
          {"position", u.position},
          {"code", u.code},
          {"use_kind", u.use_kind},
          {"area", u.area},
          {"rent_standard", u.rent_standard},
          {"status", u.status},
          {"lease_id", OptId(u.lease_id)},
          {"tenant", u.tenant},
          {"is_demo", u.is_demo}};
}

json::object LeaseJson(const sme::Lease& l) {
  return {{"id", l.id},
          {"park_id", l.park_id},
          {"unit_id", l.unit_id},
          {"unit_code", l.unit_code},
          {"building_id", l.building_id},
          {"building", l.building_name},
          {"area", l.area},
          {"enterprise_id", l.enterprise_id},
          {"enterprise", l.enterprise_name},
          {"start_on", l.start_on},
          {"end_on", l.end_on},
          {"ended_on", OptStr(l.ended_on)},
          {"end_kind", OptStr(l.end_kind)},
          {"monthly_rent", l.monthly_rent},
          {"property_fee", l.property_fee},
          {"deposit", l.deposit},
          {"free_months", l.free_months},
          {"relief_pct", l.relief_pct},
          {"relief_years", l.relief_years},
          {"incubatee", l.incubatee},
          {"graduated_on", OptStr(l.graduated_on)},
          {"graduation_kind", OptStr(l.graduation_kind)},
          {"renewals", l.renewals},
          {"status", l.status},
          {"expiry_window", l.expiry_window ? json::value(*l.expiry_window) : json::value(nullptr)},
          {"created_by", l.created_by},
          {"created_at", l.created_at},
          {"is_demo", l.is_demo}};
}

json::object BillJson(const sme::Bill& b) {
  return {{"id", b.id},
          {"park_id", b.park_id},
          {"lease_id", b.lease_id},
          {"enterprise_id", b.enterprise_id},
          {"enterprise", b.enterprise_name},
          {"unit_code", b.unit_code},
          {"building", b.building_name},
          {"period", b.period},
          {"due_on", b.due_on},
          {"rent", b.rent},
          {"property_fee", b.property_fee},
          {"utilities", b.utilities},
          {"amount", b.amount},
          {"paid", b.paid},
          {"owed", sme::Round2(b.amount - b.paid)},
          {"is_demo", b.is_demo}};
}

json::object RepairJson(const sme::Repair& r) {
  return {{"id", r.id},
          {"park_id", r.park_id},
          {"unit_id", r.unit_id},
          {"unit_code", r.unit_code},
          {"building", r.building_name},
          {"enterprise_id", OptId(r.enterprise_id)},
          {"enterprise", r.enterprise_name},
          {"title", r.title},
          {"description", r.description},
          {"status", r.status},
          {"assignee", r.assignee},
          {"result", r.result},
          {"reported_by", r.reported_by},
          {"reported_at", r.reported_at},
          {"closed_at", OptStr(r.closed_at)},
          {"is_demo", r.is_demo}};
}

StatusOr<int64_t> IdParam(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("数据不存在或无权访问");
  return *id;
}

int64_t ParkParam(RequestContext& ctx) { return ctx.IdParam("park_id").value_or(0); }

}  // namespace parkhq::http::sme_json
