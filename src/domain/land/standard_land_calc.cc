#include "domain/land/standard_land_calc.h"

#include <cstdio>


namespace parkhq::land {
namespace {
std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
std::optional<double> Ratio(std::optional<double> num, double den) {
  if (!num || den <= 0) return std::nullopt;
  return *num / den;
}
}  // namespace

double CountedFloorArea(const std::vector<Storey>& storeys) {
  double total = 0;
  for (const Storey& s : storeys) {
    if (s.floor_area_m2 <= 0) continue;
    total += s.height_m > kDoubleCountHeightM ? 2 * s.floor_area_m2 : s.floor_area_m2;
  }
  return total;
}

std::optional<double> FloorAreaRatio(std::optional<double> counted_floor_area_m2, double area_m2) {
  return Ratio(counted_floor_area_m2, area_m2);
}
std::optional<double> BuildingCoverage(std::optional<double> footprint_m2, double area_m2) {
  return Ratio(footprint_m2, area_m2);
}
std::optional<double> InvestmentIntensity(std::optional<double> invested, double area_mu) {
  return Ratio(invested, area_mu);
}

ContractCheck CheckContract(const StandardLandContract& contract, const ActualValues& actual) {
  ContractCheck out;
  for (const AgreedIndicator& a : contract.indicators) {
    const evaluation::IndicatorInfo& info = evaluation::Info(a.code);
    IndicatorCheck c;
    c.code = a.code;
    c.agreed = a.value;
    c.actual = actual[evaluation::Index(a.code)];
    const std::string name(info.name_zh), unit(info.unit);
    if (!c.actual) {
      c.missing = true;
      c.reason = name + "未提供实际值，按未达标处理";
    } else {
      const bool higher = info.direction == evaluation::Direction::kHigherIsBetter;
      c.passed = higher ? *c.actual >= a.value : *c.actual <= a.value;
      c.reason = name + " 实际" + Fmt(*c.actual) +
                 (c.passed ? (higher ? " 不低于约定" : " 不高于约定") : (higher ? " 低于约定" : " 高于约定")) +
                 Fmt(a.value) + " " + unit;
    }
    if (!c.passed) ++out.failed;
    out.items.push_back(std::move(c));
  }
  return out;
}

}  // namespace parkhq::land
