#include "domain/sme/sme_calc.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace parkhq::sme {

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

namespace {
double Pct(double part, double whole) { return whole > 0 ? Round2(part / whole * 100.0) : 0; }
}  // namespace

Occupancy ComputeOccupancy(const std::vector<int64_t>& building_ids, const std::vector<UnitArea>& units) {
  std::map<int64_t, BuildingOccupancy> by;
  for (int64_t id : building_ids) by[id].building_id = id;
  for (const auto& u : units) {
    auto it = by.find(u.building_id);
    if (it == by.end() || !(u.area > 0)) continue;
    it->second.area += u.area;
    if (u.leased) it->second.leased_area += u.area;
  }
  Occupancy out;
  for (int64_t id : building_ids) {
    BuildingOccupancy b = by[id];
    b.area = Round2(b.area);
    b.leased_area = Round2(b.leased_area);
    b.occupancy_pct = Pct(b.leased_area, b.area);
    out.area += b.area;
    out.leased_area += b.leased_area;
    out.buildings.push_back(b);
  }
  out.area = Round2(out.area);
  out.leased_area = Round2(out.leased_area);
  out.vacant_area = Round2(out.area - out.leased_area);
  out.occupancy_pct = Pct(out.leased_area, out.area);
  return out;
}

bool TermsOverlap(Date a_start, Date a_end, Date b_start, Date b_end) {
  return a_start <= b_end && b_start <= a_end;
}

double RentForPeriod(const RentTerms& t, Period p) {
  const Date first{p.year, p.month, 1};
  const Date last = Date::LastOfMonth(p);
  const Date from = std::max(first, t.start), to = std::min(last, t.end);
  if (to < from) return 0;
  const Date free_until = t.start.AddMonths(t.free_months);  // first day after the free months
  const Date billable_from = std::max(from, free_until);
  if (to < billable_from) return 0;
  const double days = static_cast<double>(to.DaysSinceEpoch() - billable_from.DaysSinceEpoch() + 1);
  const double month_days = static_cast<double>(DaysInMonth(p.year, p.month));
  double rent = t.monthly_rent * days / month_days;
  if (t.relief_years > 0 && t.relief_pct > 0 && first < t.start.AddYears(t.relief_years))
    rent *= (100.0 - std::clamp(t.relief_pct, 0.0, 100.0)) / 100.0;
  return Round2(rent);
}

ArrearsAging AgeArrears(const std::vector<BillDue>& bills, Date today) {
  ArrearsAging a;
  for (const auto& b : bills) {
    const double owed = Round2(b.amount - b.paid);
    if (owed <= 0 || !(b.due_on < today)) continue;
    const int64_t days = today.DaysSinceEpoch() - b.due_on.DaysSinceEpoch();
    if (days <= 30) a.d1_30 += owed;
    else if (days <= 90) a.d31_90 += owed;
    else if (days <= 180) a.d91_180 += owed;
    else a.over_180 += owed;
    a.total += owed;
    ++a.bills;
  }
  a.d1_30 = Round2(a.d1_30);
  a.d31_90 = Round2(a.d31_90);
  a.d91_180 = Round2(a.d91_180);
  a.over_180 = Round2(a.over_180);
  a.total = Round2(a.total);
  return a;
}

std::optional<int> ExpiryWindow(Date end, Date today) {
  if (end < today) return std::nullopt;
  const int64_t days = end.DaysSinceEpoch() - today.DaysSinceEpoch();
  if (days <= 30) return 30;
  if (days <= 60) return 60;
  if (days <= 90) return 90;
  return std::nullopt;
}

}  // namespace parkhq::sme
