#include "domain/land/standard_land.h"

#include <cmath>
#include <string>

namespace parkhq::land {

Status ValidateContract(const StandardLandContract& c) {
  std::vector<FieldError> errs;
  std::array<bool, evaluation::kIndicatorCount> seen{};
  for (std::size_t i = 0; i < c.indicators.size(); ++i) {
    const AgreedIndicator& a = c.indicators[i];
    const std::string f = "indicators[" + std::to_string(i) + "]";
    if (!evaluation::Info(a.code).in_standard_land) {
      errs.push_back({f + ".code", "该指标不能作为标准地控制指标"});
    } else if (seen[evaluation::Index(a.code)]) {
      errs.push_back({f + ".code", "指标重复"});
    }
    seen[evaluation::Index(a.code)] = true;
    if (!std::isfinite(a.value) || a.value < 0) errs.push_back({f + ".value", "约定值不能为负数"});
  }
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "标准地控制指标有误";
  return Status::Validation(std::move(top), std::move(errs));
}

std::optional<double> AgreedValue(const StandardLandContract& c, IndicatorCode code) {
  for (const AgreedIndicator& a : c.indicators)
    if (a.code == code) return a.value;
  return std::nullopt;
}

}  // namespace parkhq::land
