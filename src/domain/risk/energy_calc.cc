#include "domain/risk/energy_calc.h"

namespace parkhq::risk {

namespace {

// GB/T 2589-2020 附录A 各种能源折标准煤参考系数. Stored units are the ones park energy
// ledgers use; tce_per_unit = kgce per base unit × base units per stored unit / 1000.
constexpr EnergyFactor kFactors[] = {
    {"electricity", "电力", "万千瓦时", 1.229, "0.1229 kgce/kWh（当量值）"},
    {"raw_coal", "原煤", "吨", 0.7143, "0.7143 kgce/kg"},
    {"washed_coal", "洗精煤", "吨", 0.9000, "0.9000 kgce/kg"},
    {"coke", "焦炭", "吨", 0.9714, "0.9714 kgce/kg"},
    {"crude_oil", "原油", "吨", 1.4286, "1.4286 kgce/kg"},
    {"fuel_oil", "燃料油", "吨", 1.4286, "1.4286 kgce/kg"},
    {"gasoline", "汽油", "吨", 1.4714, "1.4714 kgce/kg"},
    {"diesel", "柴油", "吨", 1.4571, "1.4571 kgce/kg"},
    {"lpg", "液化石油气", "吨", 1.7143, "1.7143 kgce/kg"},
    {"natural_gas", "天然气", "万立方米", 13.300, "1.3300 kgce/m³（附录A范围1.1000~1.3300的上限）"},
    {"heat", "热力", "吉焦", 0.03412, "0.03412 kgce/MJ"},
};

constexpr Pollutant kPollutants[] = {
    {"so2", "二氧化硫"}, {"nox", "氮氧化物"}, {"particulate", "颗粒物"},
    {"cod", "化学需氧量"}, {"nh3n", "氨氮"},  {"vocs", "挥发性有机物"},
};

std::optional<double> Pct(double value, const std::optional<double>& target) {
  if (!target || *target <= 0) return std::nullopt;
  return value / *target * 100.0;
}

}  // namespace

std::span<const EnergyFactor> EnergyFactors() { return kFactors; }

const EnergyFactor* FindEnergyFactor(std::string_view code) {
  for (const auto& f : kFactors)
    if (code == f.code) return &f;
  return nullptr;
}

std::span<const Pollutant> Pollutants() { return kPollutants; }

bool IsPollutant(std::string_view code) {
  for (const auto& p : kPollutants)
    if (code == p.code) return true;
  return false;
}

double ToTce(const std::map<std::string, double>& energy_by_kind) {
  double sum = 0;
  for (const auto& [kind, amount] : energy_by_kind)
    if (const EnergyFactor* f = FindEnergyFactor(kind)) sum += amount * f->tce_per_unit;
  return sum;
}

EnergySummary Summarize(const std::vector<EnterpriseEnergy>& rows, const EnergyTargets& targets) {
  EnergySummary s;
  double ratio_energy = 0, ratio_emissions = 0, ratio_va = 0;
  for (const auto& r : rows) {
    double tce = 0, em = 0;
    for (const auto& [kind, amount] : r.energy) {
      const EnergyFactor* f = FindEnergyFactor(kind);
      if (!f) continue;
      s.tce_by_kind[kind] += amount * f->tce_per_unit;
      tce += amount * f->tce_per_unit;
    }
    for (const auto& [code, t] : r.emissions) {
      s.emissions_by_pollutant[code] += t;
      em += t;
    }
    if (!r.energy.empty()) ++s.enterprises;
    s.energy_tce += tce;
    s.emissions_t += em;
    if (!r.energy.empty() && r.value_added && *r.value_added > 0) {
      s.value_added += *r.value_added;
      ratio_energy += tce;
      ratio_emissions += em;
      ratio_va += *r.value_added;
    }
  }
  if (ratio_va > 0) {
    s.intensity = ratio_energy / ratio_va;
    s.emission_intensity = ratio_emissions / ratio_va;
  }
  s.energy_cap_used_pct = Pct(s.energy_tce, targets.energy_cap_tce);
  s.emissions_cap_used_pct = Pct(s.emissions_t, targets.emissions_cap_t);
  if (s.intensity) s.intensity_vs_target_pct = Pct(*s.intensity, targets.intensity_target);
  s.energy_over = targets.energy_cap_tce && s.energy_tce > *targets.energy_cap_tce;
  s.emissions_over = targets.emissions_cap_t && s.emissions_t > *targets.emissions_cap_t;
  s.intensity_over = targets.intensity_target && s.intensity && *s.intensity > *targets.intensity_target;
  return s;
}

}  // namespace parkhq::risk
