#include "app/demo_world.h"

#include <utility>

namespace parkhq::app {

bool AboveScaleAt(bool above_scale, std::string_view changed_on, Period p) {
  if (!above_scale) return false;
  if (changed_on.empty()) return true;
  return std::string(changed_on) <= Date::LastOfMonth(p).ToString();
}

IntensityRange EnergyIntensity(std::string_view code) {
  // tce per 万元 of output; four-digit codes first, then the two-digit division.
  struct Row {
    std::string_view code;
    IntensityRange r;
  };
  static constexpr Row kRows[] = {
      {"2614", {3.0, 9.0, 5.6}},   // 煤制甲醇: ~1.5 tce/t methanol at 2000-2800 元/t
      {"2521", {2.0, 6.0, 3.6}},   // 炼焦: ~0.12 tce/t coke processing + coal input counted
      {"2523", {3.0, 9.0, 5.0}},   // 煤制液体燃料
      {"2621", {2.5, 8.0, 4.5}},   // 合成氨/尿素: ~1.3 tce/t ammonia at 2500-3500 元/t
      {"2651", {0.5, 3.0, 1.2}},   // 合成树脂 (聚烯烃)
      {"2524", {1.0, 5.0, 2.5}},   // 煤制品
      {"4411", {6.0, 12.0, 8.5}},  // 火力发电: ~300 gce/kWh at 0.3 元/kWh ≈ 10 tce/万元
      {"4412", {5.0, 11.0, 7.5}},  // 热电联产
      {"4415", {0.0, 0.3, 0.05}},  // 风力发电
      {"4416", {0.0, 0.3, 0.05}},  // 太阳能发电
      {"4430", {4.0, 10.0, 6.0}},  // 热力生产和供应
      {"3140", {2.5, 7.0, 4.0}},   // 铁合金冶炼: ~1.8 tce/t at 6000-8000 元/t
      {"3130", {0.2, 1.0, 0.5}},   // 钢压延加工
      {"3216", {0.3, 3.0, 1.0}},   // 铝压延/加工
      {"3110", {1.5, 5.0, 3.0}},   // 炼铁
      {"3011", {1.5, 4.0, 2.5}},   // 水泥: ~0.11 tce/t at 350-450 元/t
      {"3031", {0.3, 1.5, 0.8}},   // 墙体材料
      {"3021", {0.1, 0.8, 0.3}},   // 水泥制品
      {"3062", {0.5, 2.0, 1.0}},   // 玻璃纤维制品
      {"3091", {0.8, 3.0, 1.5}},   // 石墨及碳素制品
  };
  for (const auto& r : kRows)
    if (r.code == code) return r.r;
  // Light industry, machinery, food, printing: 0.02-0.3 tce per 万元.
  return {0.02, 0.3, 0.08};
}

}  // namespace parkhq::app
