// Pure computations of the SME park (中小企业创业园, issue 16): occupancy (出租率), lease-term
// overlap, rent by period with free-rent months and incubation relief, arrears aging (欠费账龄),
// expiring leases. Plain values in and out; formulas in docs/sme.md.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace parkhq::sme {

// One unit as occupancy sees it: its building, area (㎡) and whether a lease covers the day.
struct UnitArea {
  int64_t building_id = 0;
  double area = 0;
  bool leased = false;
};

struct BuildingOccupancy {
  int64_t building_id = 0;
  double area = 0;         // 可租面积: the sum of the building's unit areas
  double leased_area = 0;  // 已租面积: the units a lease covers on the day
  double occupancy_pct = 0;  // 出租率 = leased_area / area × 100, 2 places; 0 when area is 0
};

struct Occupancy {
  std::vector<BuildingOccupancy> buildings;  // in the order of building_ids
  double area = 0, leased_area = 0, vacant_area = 0;
  double occupancy_pct = 0;  // over all buildings: Σ leased_area / Σ area × 100
};

// Occupancy of the given buildings (each listed once, also when it has no units).
Occupancy ComputeOccupancy(const std::vector<int64_t>& building_ids, const std::vector<UnitArea>& units);

// Does [a_start, a_end] overlap [b_start, b_end]? Both ends inclusive.
bool TermsOverlap(Date a_start, Date a_end, Date b_start, Date b_end);

// Rent terms of a lease for billing.
struct RentTerms {
  Date start, end;            // the term (end = the early end when ended early)
  double monthly_rent = 0;    // 万元 per month
  int free_months = 0;        // 免租期: the first N months of the term are free
  double relief_pct = 0;      // 孵化减免: rent relief in the first relief_years, percent
  int relief_years = 0;
};

// The rent (万元, 2 places) billed for month p: 0 outside the term or within the free months; a
// month partly in the term is pro-rated by days; relief applies in the term's first relief_years.
double RentForPeriod(const RentTerms& t, Period p);

// One bill as arrears aging sees it.
struct BillDue {
  Date due_on;
  double amount = 0;  // 万元
  double paid = 0;    // 万元
};

// Outstanding amounts by days past due on `today` (欠费账龄): 1–30, 31–90, 91–180, over 180 days.
// Bills not yet due (due_on >= today) and settled bills are not arrears.
struct ArrearsAging {
  double d1_30 = 0, d31_90 = 0, d91_180 = 0, over_180 = 0, total = 0;
  int64_t bills = 0;  // bills in arrears
};
ArrearsAging AgeArrears(const std::vector<BillDue>& bills, Date today);

// The expiry window (30, 60 or 90 days) a lease ending on `end` falls in seen from `today`, or
// nullopt when it ends before today or more than 90 days ahead.
std::optional<int> ExpiryWindow(Date end, Date today);

double Round2(double v);

}  // namespace parkhq::sme
