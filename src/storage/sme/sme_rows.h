// Shared SQL and row readers of the SME store (storage/sme). Internal to storage/sme.
#pragma once
#include <optional>
#include <string>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/sme/sme.h"
#include "storage/database.h"

namespace parkhq::storage::sme_rows {

inline constexpr char kBuildingCols[] =
    "b.id, b.park_id, b.sub_park_id, b.operator_unit_id, b.name, b.kind, b.floors, b.is_demo, "
    "COALESCE(u.name, '')";
inline constexpr char kBuildingFrom[] = " FROM sme_buildings b LEFT JOIN units u ON u.id = b.operator_unit_id";
sme::Building ReadBuilding(const Row& r);

inline constexpr char kLeaseSql[] =
    "SELECT l.id, l.park_id, l.unit_id, l.enterprise_id, u.building_id, b.operator_unit_id, u.code, b.name, "
    "e.name, l.start_on, l.end_on, l.ended_on, l.end_kind, l.graduated_on, l.graduation_kind, l.monthly_rent, "
    "l.property_fee, l.deposit, l.relief_pct, u.area, l.free_months, l.relief_years, l.renewals, l.incubatee, "
    "l.is_demo, l.created_by, l.created_at FROM sme_leases l JOIN sme_units u ON u.id = l.unit_id "
    "JOIN sme_buildings b ON b.id = u.building_id JOIN enterprises e ON e.id = l.enterprise_id ";
// Reads a row of kLeaseSql and derives status and expiry window on `today`.
sme::Lease ReadLease(const Row& r, Date today);
// The day a lease stops covering its unit: the early end when there is one, else the agreed end.
std::string EffectiveEnd(const sme::Lease& l);

inline constexpr char kBillSql[] =
    "SELECT bl.id, bl.park_id, bl.lease_id, bl.enterprise_id, b.operator_unit_id, e.name, u.code, b.name, "
    "bl.period, bl.due_on, bl.rent, bl.property_fee, bl.utilities, bl.amount, bl.paid, bl.is_demo "
    "FROM sme_bills bl JOIN sme_leases l ON l.id = bl.lease_id JOIN sme_units u ON u.id = l.unit_id "
    "JOIN sme_buildings b ON b.id = u.building_id JOIN enterprises e ON e.id = bl.enterprise_id ";
sme::Bill ReadBill(const Row& r);

inline constexpr char kRepairSql[] =
    "SELECT r.id, r.park_id, r.unit_id, r.enterprise_id, b.operator_unit_id, u.code, b.name, COALESCE(e.name, ''), "
    "r.title, r.description, r.status, r.assignee, r.result, r.reported_by, r.reported_at, r.closed_at, r.is_demo "
    "FROM sme_repairs r JOIN sme_units u ON u.id = r.unit_id JOIN sme_buildings b ON b.id = u.building_id "
    "LEFT JOIN enterprises e ON e.id = r.enterprise_id ";
sme::Repair ReadRepair(const Row& r);

// A unit with its building's park and operating unit; nullopt when there is none.
struct UnitRef {
  int64_t id = 0, park_id = 0, building_id = 0;
  std::optional<int64_t> operator_unit_id;
  std::string stored_status, code;
};
StatusOr<std::optional<UnitRef>> FindUnit(Connection& c, int64_t unit_id);

// Does a lease other than `except_id` cover any day of [from, to] on the unit? Returns its id.
StatusOr<std::optional<int64_t>> OverlappingLease(Connection& c, int64_t unit_id, const std::string& from,
                                                  const std::string& to, int64_t except_id);

// Standard refusals.
Status NotFound();        // 404 数据不存在或无权访问
Status NotManager();      // 403 only the park's admins and the operating company

}  // namespace parkhq::storage::sme_rows
