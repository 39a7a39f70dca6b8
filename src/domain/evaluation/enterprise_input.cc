#include "domain/evaluation/enterprise_input.h"

#include <algorithm>
#include <cmath>

namespace parkhq::evaluation {
namespace {

constexpr std::size_t kMaxErrors = 200;

std::optional<double> Div(const std::optional<double>& num, const std::optional<double>& den,
                          double den_scale = 1.0) {
  if (!num || !den || *den <= 0) return std::nullopt;
  return *num / (*den / den_scale);
}

// The numerator and denominator inputs of an evaluation indicator.
struct Parts {
  std::optional<double> EnterpriseInput::*num;
  std::optional<double> EnterpriseInput::*den;
  double den_scale;
};
std::optional<Parts> PartsOf(IndicatorCode c) {
  using E = EnterpriseInput;
  switch (c) {
    case IndicatorCode::kTaxPerMu: return Parts{&E::tax, &E::land_mu, 1};
    case IndicatorCode::kValueAddedPerMu: return Parts{&E::value_added, &E::land_mu, 1};
    case IndicatorCode::kRevenuePerMu: return Parts{&E::revenue, &E::land_mu, 1};
    case IndicatorCode::kLabourProductivity: return Parts{&E::value_added, &E::employees_avg, 1};
    case IndicatorCode::kValueAddedPerEnergy: return Parts{&E::value_added, &E::energy_tce, 1};
    case IndicatorCode::kValueAddedPerEmission: return Parts{&E::value_added, &E::emissions_t, 1};
    case IndicatorCode::kRndIntensity: return Parts{&E::rnd, &E::revenue, 1};
    case IndicatorCode::kTaxPerKwh: return Parts{&E::tax, &E::electricity_kwh, 10000};
    default: return std::nullopt;
  }
}

}  // namespace

IndicatorValues ComputeIndicators(const EnterpriseInput& in) {
  IndicatorValues v{};
  for (const IndicatorInfo& info : Catalogue()) {
    const auto parts = PartsOf(info.code);
    if (parts) v[Index(info.code)] = Div(in.*(parts->num), in.*(parts->den), parts->den_scale);
  }
  return v;
}

GroupAverageTable GroupAverages(const std::vector<EnterpriseInput>& items) {
  std::array<std::array<double, kIndicatorCount>, kGroupCount> num{}, den{};
  std::array<std::array<bool, kIndicatorCount>, kGroupCount> any{};
  for (const EnterpriseInput& in : items) {
    if (in.excluded_reason) continue;
    const auto g = static_cast<std::size_t>(in.group);
    for (const IndicatorInfo& info : Catalogue()) {
      const auto parts = PartsOf(info.code);
      if (!parts) continue;
      const auto& n = in.*(parts->num);
      const auto& d = in.*(parts->den);
      if (!n || !d || *d <= 0) continue;
      num[g][Index(info.code)] += *n;
      den[g][Index(info.code)] += *d / parts->den_scale;
      any[g][Index(info.code)] = true;
    }
  }
  GroupAverageTable out{};
  for (std::size_t g = 0; g < kGroupCount; ++g)
    for (std::size_t i = 0; i < kIndicatorCount; ++i)
      if (any[g][i]) out[g][i] = num[g][i] / den[g][i];
  return out;
}

Status ValidateInputs(const std::vector<EnterpriseInput>& items, const ResolvedScheme* scheme) {
  std::vector<FieldError> errs;
  const auto add = [&](std::string field, std::string message) {
    if (errs.size() < kMaxErrors) errs.push_back({std::move(field), std::move(message)});
  };
  std::vector<std::pair<int64_t, std::size_t>> ids;
  ids.reserve(items.size());
  for (std::size_t i = 0; i < items.size() && errs.size() < kMaxErrors; ++i) {
    const EnterpriseInput& in = items[i];
    const std::string f = "items[" + std::to_string(i) + "].";
    ids.emplace_back(in.enterprise_id, i);
    if (!in.land_mu) {
      if (!in.excluded_reason) add(f + "land_mu", "用地面积缺失");
    } else if (!std::isfinite(*in.land_mu) || *in.land_mu < 0) {
      add(f + "land_mu", "用地面积不能为负数");
    } else if (*in.land_mu == 0 && !in.excluded_reason) {
      add(f + "land_mu", "用地面积必须大于0");
    }
    const auto non_negative = [&](const char* field, const std::optional<double>& v, const char* label) {
      if (v && (!std::isfinite(*v) || *v < 0)) add(f + field, std::string(label) + "不能为负数");
    };
    const auto finite = [&](const char* field, const std::optional<double>& v, const char* label) {
      if (v && !std::isfinite(*v)) add(f + field, std::string(label) + "不是有效数字");
    };
    finite("tax", in.tax, "税收");
    finite("value_added", in.value_added, "工业增加值");
    non_negative("revenue", in.revenue, "营业收入");
    non_negative("energy_tce", in.energy_tce, "综合能耗");
    non_negative("emissions_t", in.emissions_t, "排放量");
    non_negative("employees_avg", in.employees_avg, "年平均从业人员");
    non_negative("rnd", in.rnd, "研发经费");
    non_negative("electricity_kwh", in.electricity_kwh, "用电量");
    if (!scheme) continue;
    const auto& group = scheme->groups[static_cast<std::size_t>(in.group)];
    if (!group) {
      if (!in.excluded_reason) add(f + "group", "评价方案中没有该分组");
      continue;
    }
    const auto check_codes = [&](const char* field, const std::vector<std::string>& codes,
                                 const std::vector<AdjustmentItem>& defined, const char* label) {
      for (std::size_t j = 0; j < codes.size(); ++j) {
        const bool known = std::any_of(defined.begin(), defined.end(),
                                       [&](const AdjustmentItem& a) { return a.code == codes[j]; });
        if (!known) add(f + field + "[" + std::to_string(j) + "]", std::string("方案中没有该") + label);
      }
    };
    check_codes("bonuses", in.bonuses, group->bonuses, "加分项");
    check_codes("deductions", in.deductions, group->deductions, "减分项");
  }
  std::sort(ids.begin(), ids.end());
  for (std::size_t k = 1; k < ids.size(); ++k)
    if (ids[k].first == ids[k - 1].first)
      add("items[" + std::to_string(ids[k].second) + "].enterprise_id", "企业重复");
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "评价数据有误";
  return Status::Validation(std::move(top), std::move(errs));
}

}  // namespace parkhq::evaluation
