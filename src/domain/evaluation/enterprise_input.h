// One enterprise's inputs for a year's 亩均效益 evaluation (一企一单), their validation, and the
// indicator values computed from them. Amounts in 万元, land in 亩, energy in 吨标准煤 (tce),
// emissions in 吨, electricity in kWh.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/evaluation/indicator.h"
#include "domain/evaluation/scheme.h"

namespace parkhq::evaluation {

struct EnterpriseInput {
  int64_t enterprise_id = 0;
  Group group = Group::kAboveScale;
  std::optional<double> land_mu;          // 用地面积 (亩), > 0 unless excluded
  std::optional<double> tax;              // 实缴税收 (万元), may be negative (net of refunds)
  std::optional<double> value_added;      // 工业增加值 (万元), may be negative
  std::optional<double> revenue;          // 营业收入 (万元), ≥ 0
  std::optional<double> energy_tce;       // 综合能耗 (吨标准煤), ≥ 0
  std::optional<double> emissions_t;      // 主要污染物排放当量 (吨), ≥ 0
  std::optional<double> employees_avg;    // 年平均从业人员 (人), ≥ 0
  std::optional<double> rnd;              // 研发经费 (万元), ≥ 0
  std::optional<double> electricity_kwh;  // 用电量 (千瓦时), ≥ 0
  std::optional<std::string> excluded_reason;  // set → class T (公用事业、投产不满2年、建设期 …)
  std::optional<std::string> veto_reason;      // set → not A or B (重大安全/环境事故 …)
  std::optional<std::string> d_exempt_reason;  // set → not D (新投产、刚入规 …)
  std::vector<std::string> bonuses;            // codes of the group's 加分项 that apply
  std::vector<std::string> deductions;         // codes of the group's 减分项 that apply
};

// Validates a whole import. OK, or Status::Validation with details (at most 200) like
// {"items[3].land_mu","用地面积缺失"} / {"items[3].land_mu","用地面积必须大于0"} /
// {"items[5].energy_tce","综合能耗不能为负数"} / {"items[7].enterprise_id","企业重复"} /
// {"items[2].group","评价方案中没有该分组"} / {"items[4].bonuses[0]","方案中没有该加分项"}.
// `scheme` may be null (then the group and adjustment codes are not checked).
Status ValidateInputs(const std::vector<EnterpriseInput>& items, const ResolvedScheme* scheme);

// The eight evaluation indicators (the catalogue entries with in_evaluation), indexed by
// Index(code); entries for other codes stay nullopt. An indicator is nullopt when an input is
// missing or its denominator is ≤ 0:
//   tax_per_mu = tax / land_mu                 value_added_per_mu = value_added / land_mu
//   revenue_per_mu = revenue / land_mu          labour_productivity = value_added / employees_avg
//   value_added_per_energy = value_added / energy_tce
//   value_added_per_emission = value_added / emissions_t
//   rnd_intensity = rnd / revenue (fraction)    tax_per_kwh = tax / (electricity_kwh / 10000)
using IndicatorValues = std::array<std::optional<double>, kIndicatorCount>;
IndicatorValues ComputeIndicators(const EnterpriseInput& in);

// Group averages for the k × average benchmark rule, as ratios of sums over the group's
// non-excluded enterprises that have both inputs with a positive denominator, e.g.
// tax_per_mu average = Σ tax / Σ land_mu. nullopt where no enterprise qualifies.
GroupAverageTable GroupAverages(const std::vector<EnterpriseInput>& items);

}  // namespace parkhq::evaluation
