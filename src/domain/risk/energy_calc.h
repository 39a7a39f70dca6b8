// Energy and emissions accounts (节能降碳、减污, issue 14 item 5): energy by kind converted to
// tonnes of standard coal (吨标准煤, tce) with the reference coefficients of GB/T 2589-2020
// 《综合能耗计算通则》 附录A (cited in docs/risk.md), and the park's totals and intensities
// per 万元 of value added against the year's targets. Pure functions over plain values.
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parkhq::risk {

// One energy kind: its code, Chinese name, physical unit as stored, and tce per unit.
struct EnergyFactor {
  const char* code;
  const char* name_zh;
  const char* unit;      // e.g. "万千瓦时", "吨", "万立方米", "吉焦"
  double tce_per_unit;   // 吨标准煤 per unit
  const char* basis;     // the coefficient as GB/T 2589-2020 gives it, e.g. "0.1229 kgce/kWh（当量值）"
};
std::span<const EnergyFactor> EnergyFactors();
const EnergyFactor* FindEnergyFactor(std::string_view code);

// Main pollutants accounted (吨): code, Chinese name.
struct Pollutant {
  const char* code;
  const char* name_zh;
};
std::span<const Pollutant> Pollutants();
bool IsPollutant(std::string_view code);

// Σ amount × factor over the kinds given (unknown kinds are ignored; callers validate first).
double ToTce(const std::map<std::string, double>& energy_by_kind);

// One enterprise-year as the account and the reports give it.
struct EnterpriseEnergy {
  int64_t enterprise_id = 0;
  std::map<std::string, double> energy;     // kind → physical amount
  std::map<std::string, double> emissions;  // pollutant → 吨
  std::optional<double> value_added;        // 工业增加值 (万元), Σ approved reports of the year
};

struct EnergyTargets {
  std::optional<double> energy_cap_tce;
  std::optional<double> intensity_target;   // 吨标准煤/万元
  std::optional<double> emissions_cap_t;
};

struct EnergySummary {
  double energy_tce = 0;                            // 综合能源消费量
  std::map<std::string, double> tce_by_kind;        // 分品种折标量
  double emissions_t = 0;                           // 主要污染物排放量
  std::map<std::string, double> emissions_by_pollutant;
  double value_added = 0;                           // Σ value added of enterprises with an account
  int enterprises = 0;                              // enterprises with an energy account
  std::optional<double> intensity;                  // energy_tce / value_added (吨标准煤/万元)
  std::optional<double> emission_intensity;         // emissions_t / value_added (吨/万元)
  std::optional<double> energy_cap_used_pct;        // energy_tce / cap × 100
  std::optional<double> intensity_vs_target_pct;    // intensity / target × 100 (≤ 100 is on target)
  std::optional<double> emissions_cap_used_pct;
  bool energy_over = false, intensity_over = false, emissions_over = false;
};

// Park totals: sums over enterprises; intensities only over enterprises that have both energy and
// a positive value added (so a firm without reports does not dilute the ratio); nullopt when the
// value added sum is ≤ 0. Each *_over is true when the figure exceeds its target.
EnergySummary Summarize(const std::vector<EnterpriseEnergy>& rows, const EnergyTargets& targets);

}  // namespace parkhq::risk
