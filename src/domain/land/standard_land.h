// 标准地 contract: the control indicators agreed when the land was supplied, the agreed deadlines,
// and the actual values reported at the 达产复核 (production check). Value types + validation.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/evaluation/indicator.h"

namespace parkhq::land {

using evaluation::IndicatorCode;

// One agreed control indicator: a minimum for higher-is-better indicators (every catalogue entry
// today), a maximum for lower-is-better ones.
struct AgreedIndicator {
  IndicatorCode code = IndicatorCode::kInvestmentIntensity;
  double value = 0;
};

struct StandardLandContract {
  std::vector<AgreedIndicator> indicators;  // at most one per code
  std::optional<Date> production_check;     // 达产复核 date (约定达产复核日期)
};

// Actual values, indexed by evaluation::Index(code); nullopt = not reported / not computable.
using ActualValues = std::array<std::optional<double>, evaluation::kIndicatorCount>;

// OK, or Status::Validation with details like
// {"indicators[2].code","该指标不能作为标准地控制指标"}, {"indicators[0].value","约定值不能为负数"},
// {"indicators[3].code","指标重复"}.
Status ValidateContract(const StandardLandContract& c);

// The agreed value of `code`, or nullopt when the contract does not set it.
std::optional<double> AgreedValue(const StandardLandContract& c, IndicatorCode code);

}  // namespace parkhq::land
