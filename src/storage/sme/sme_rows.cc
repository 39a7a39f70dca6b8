#include "storage/sme/sme_rows.h"

#include "domain/sme/sme_calc.h"

namespace parkhq::storage::sme_rows {

sme::Building ReadBuilding(const Row& r) {
  sme::Building b;
  b.id = r.Int(0);
  b.park_id = r.Int(1);
  b.sub_park_id = r.OptInt(2);
  b.operator_unit_id = r.OptInt(3);
  b.name = r.Text(4);
  b.kind = r.Text(5);
  b.floors = r.Int(6);
  b.is_demo = r.Bool(7);
  b.operator_name = r.Text(8);
  return b;
}

std::string EffectiveEnd(const sme::Lease& l) { return l.ended_on ? *l.ended_on : l.end_on; }

sme::Lease ReadLease(const Row& r, Date today) {
  sme::Lease l;
  l.id = r.Int(0);
  l.park_id = r.Int(1);
  l.unit_id = r.Int(2);
  l.enterprise_id = r.Int(3);
  l.building_id = r.Int(4);
  l.operator_unit_id = r.OptInt(5);
  l.unit_code = r.Text(6);
  l.building_name = r.Text(7);
  l.enterprise_name = r.Text(8);
  l.start_on = r.Text(9);
  l.end_on = r.Text(10);
  l.ended_on = r.OptText(11);
  l.end_kind = r.OptText(12);
  l.graduated_on = r.OptText(13);
  l.graduation_kind = r.OptText(14);
  l.monthly_rent = r.Double(15);
  l.property_fee = r.Double(16);
  l.deposit = r.Double(17);
  l.relief_pct = r.Double(18);
  l.area = r.Double(19);
  l.free_months = r.Int(20);
  l.relief_years = r.Int(21);
  l.renewals = r.Int(22);
  l.incubatee = r.Bool(23);
  l.is_demo = r.Bool(24);
  l.created_by = r.Text(25);
  l.created_at = r.Text(26);
  const std::string t = today.ToString();
  if (l.ended_on && *l.ended_on < t) {
    l.status = l.end_kind.value_or("early_end");
  } else if (l.end_on < t) {
    l.status = "expired";
  } else if (l.start_on > t) {
    l.status = "upcoming";
  } else {
    l.status = "active";
    if (auto end = Date::Parse(EffectiveEnd(l))) l.expiry_window = sme::ExpiryWindow(*end, today);
  }
  return l;
}

sme::Bill ReadBill(const Row& r) {
  sme::Bill b;
  b.id = r.Int(0);
  b.park_id = r.Int(1);
  b.lease_id = r.Int(2);
  b.enterprise_id = r.Int(3);
  b.operator_unit_id = r.OptInt(4);
  b.enterprise_name = r.Text(5);
  b.unit_code = r.Text(6);
  b.building_name = r.Text(7);
  b.period = r.Text(8);
  b.due_on = r.Text(9);
  b.rent = r.Double(10);
  b.property_fee = r.Double(11);
  b.utilities = r.Double(12);
  b.amount = r.Double(13);
  b.paid = r.Double(14);
  b.is_demo = r.Bool(15);
  return b;
}

sme::Repair ReadRepair(const Row& r) {
  sme::Repair x;
  x.id = r.Int(0);
  x.park_id = r.Int(1);
  x.unit_id = r.Int(2);
  x.enterprise_id = r.OptInt(3);
  x.operator_unit_id = r.OptInt(4);
  x.unit_code = r.Text(5);
  x.building_name = r.Text(6);
  x.enterprise_name = r.Text(7);
  x.title = r.Text(8);
  x.description = r.Text(9);
  x.status = r.Text(10);
  x.assignee = r.Text(11);
  x.result = r.Text(12);
  x.reported_by = r.Text(13);
  x.reported_at = r.Text(14);
  x.closed_at = r.OptText(15);
  x.is_demo = r.Bool(16);
  return x;
}

StatusOr<std::optional<UnitRef>> FindUnit(Connection& c, int64_t unit_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT u.id, u.park_id, u.building_id, b.operator_unit_id, u.status, "
                                               "u.code FROM sme_units u JOIN sme_buildings b ON b.id = u.building_id "
                                               "WHERE u.id = ?",
                                               {unit_id}));
  if (!row) return std::optional<UnitRef>();
  return std::optional<UnitRef>(
      UnitRef{row->Int(0), row->Int(1), row->Int(2), row->OptInt(3), row->Text(4), row->Text(5)});
}

StatusOr<std::optional<int64_t>> OverlappingLease(Connection& c, int64_t unit_id, const std::string& from,
                                                  const std::string& to, int64_t except_id) {
  // Terms overlap when start <= to and from <= effective end (sme::TermsOverlap, both inclusive).
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT id FROM sme_leases WHERE unit_id = ? AND id <> ? AND "
                                               "start_on <= ? AND COALESCE(ended_on, end_on) >= ? ORDER BY id LIMIT 1",
                                               {unit_id, except_id, to, from}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Status NotFound() { return Status::NotFound("数据不存在或无权访问"); }
Status NotManager() { return Status::PermissionDenied("仅园区管理员和运营公司可以管理创业园房源、租约和账单"); }

}  // namespace parkhq::storage::sme_rows
