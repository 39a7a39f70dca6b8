// Value types of the SME park (中小企业创业园, issue 16): buildings → units, leases, bills and
// payments, repair tickets. Plain values; the store (storage/sme) loads and saves them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/scope.h"

namespace parkhq::sme {

struct Building {
  int64_t id = 0, park_id = 0;
  std::optional<int64_t> sub_park_id, operator_unit_id;
  std::string name, kind, operator_name;  // kind: standard_factory | incubator | office
  int64_t floors = 0;
  bool is_demo = false;
  // Derived on the day asked: unit count, areas and occupancy (出租率).
  int64_t units = 0;
  double area = 0, leased_area = 0, occupancy_pct = 0;
};

struct Unit {
  int64_t id = 0, park_id = 0, building_id = 0, floor = 0, position = 0;
  std::string code, use_kind;
  double area = 0, rent_standard = 0;  // ㎡, 元/㎡·月
  std::string stored_status;           // vacant | self_use | repair
  std::string status;                  // stored_status, or leased when a lease covers the day
  std::optional<int64_t> lease_id;     // the lease covering the day
  std::string tenant;                  // its enterprise (only for callers who see tenant data)
  bool is_demo = false;
};

struct Lease {
  int64_t id = 0, park_id = 0, unit_id = 0, enterprise_id = 0, building_id = 0;
  std::optional<int64_t> operator_unit_id;
  std::string unit_code, building_name, enterprise_name;
  std::string start_on, end_on;
  std::optional<std::string> ended_on, end_kind, graduated_on, graduation_kind;
  double monthly_rent = 0, property_fee = 0, deposit = 0, relief_pct = 0, area = 0;
  int64_t free_months = 0, relief_years = 0, renewals = 0;
  bool incubatee = false, is_demo = false;
  std::string created_by, created_at;
  std::string status;  // active | upcoming | expired | early_end | move_out (on the day asked)
  std::optional<int> expiry_window;  // 30 | 60 | 90 for an active lease ending that soon
};

struct NewLease {
  int64_t unit_id = 0, enterprise_id = 0;
  std::string start_on, end_on;
  double monthly_rent = 0, property_fee = 0, deposit = 0, relief_pct = 0;
  int64_t free_months = 0, relief_years = 0;
  bool incubatee = false;
};

struct Bill {
  int64_t id = 0, park_id = 0, lease_id = 0, enterprise_id = 0;
  std::optional<int64_t> operator_unit_id;
  std::string enterprise_name, unit_code, building_name, period, due_on;
  double rent = 0, property_fee = 0, utilities = 0, amount = 0, paid = 0;
  bool is_demo = false;
};

struct Repair {
  int64_t id = 0, park_id = 0, unit_id = 0;
  std::optional<int64_t> enterprise_id, operator_unit_id;
  std::string unit_code, building_name, enterprise_name;
  std::string title, description, status, assignee, result, reported_by, reported_at;
  std::optional<std::string> closed_at;
  bool is_demo = false;
};

// A refurbishment project (维修改造) of a building.
struct Refurbishment {
  int64_t id = 0, park_id = 0, building_id = 0;
  std::optional<int64_t> operator_unit_id;
  std::string building_name, title, status, start_on, end_on, note, created_by, created_at;
  double budget = 0, spent = 0, progress_pct = 0;  // 万元, 万元, percent
  bool is_demo = false;
};

// A financing need (融资需求) posted by an enterprise, with the match and loan 金融办 records.
struct FinancingNeed {
  int64_t id = 0, park_id = 0, enterprise_id = 0, term_months = 0;
  std::string enterprise_name, chain;  // chain: the enterprise's industry chain ("" none)
  double amount = 0;                   // 万元
  std::string purpose, collateral, channel, status, bank, note, created_by, created_at;
  std::optional<std::string> matched_on, loan_on;
  std::optional<double> loan_amount;
  bool is_demo = false;
};

// Who may do what with the SME park's data (the operating company's scope, issue 16 item 6).
// Manage (space, leases, bills, payments, repairs): sysadmins and the park's admins, and department
// users of the unit operating the building (operator_unit_id). Read-only callers never.
bool CanManage(const Scope& s, int64_t park_id, std::optional<int64_t> operator_unit_id);
// See a tenant's leases, bills and repair tickets: the park's sysadmins, admins and leaders; the
// operating unit's department users; the tenant enterprise's own users. Nobody else.
bool SeesTenantData(const Scope& s, int64_t park_id, std::optional<int64_t> operator_unit_id,
                    std::optional<int64_t> enterprise_id);

}  // namespace parkhq::sme
