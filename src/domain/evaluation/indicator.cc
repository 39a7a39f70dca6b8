#include "domain/evaluation/indicator.h"

namespace parkhq::evaluation {

namespace {
using enum IndicatorCode;
constexpr Direction kUp = Direction::kHigherIsBetter;
constexpr std::array<IndicatorInfo, kIndicatorCount> kCatalogue = {{
    {kTaxPerMu, "tax_per_mu", "亩均税收", "万元/亩", kUp, true, true},
    {kValueAddedPerMu, "value_added_per_mu", "亩均增加值", "万元/亩", kUp, true, true},
    {kRevenuePerMu, "revenue_per_mu", "亩均营业收入", "万元/亩", kUp, true, true},
    {kLabourProductivity, "labour_productivity", "全员劳动生产率", "万元/人", kUp, true, false},
    {kValueAddedPerEnergy, "value_added_per_energy", "单位能耗增加值", "万元/吨标准煤", kUp, true,
     true},
    {kValueAddedPerEmission, "value_added_per_emission", "单位排放增加值", "万元/吨", kUp, true,
     true},
    {kRndIntensity, "rnd_intensity", "研发经费投入强度", "比值(研发经费/营业收入)", kUp, true, true},
    {kTaxPerKwh, "tax_per_kwh", "单位电耗税收", "万元/万千瓦时", kUp, true, false},
    {kInvestmentIntensity, "investment_intensity", "固定资产投资强度", "万元/亩", kUp, false, true},
    {kFloorAreaRatio, "floor_area_ratio", "容积率", "比值", kUp, false, true},
    {kBuildingCoverage, "building_coverage", "建筑系数", "比值", kUp, false, true},
}};
}  // namespace

const std::array<IndicatorInfo, kIndicatorCount>& Catalogue() { return kCatalogue; }

const IndicatorInfo& Info(IndicatorCode code) { return kCatalogue[Index(code)]; }

std::optional<IndicatorCode> ParseIndicatorCode(std::string_view key) {
  for (const IndicatorInfo& info : kCatalogue)
    if (info.key == key) return info.code;
  return std::nullopt;
}

}  // namespace parkhq::evaluation
