#include "domain/land/parcel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace parkhq::land {

const char* SupplyKindName(SupplyKind k) {
  return k == SupplyKind::kTransfer ? "transfer" : "allocation";
}
const char* SupplyKindNameZh(SupplyKind k) { return k == SupplyKind::kTransfer ? "出让" : "划拨"; }

std::optional<SupplyKind> ParseSupplyKind(std::string_view s) {
  if (s == "transfer" || s == "出让") return SupplyKind::kTransfer;
  if (s == "allocation" || s == "划拨") return SupplyKind::kAllocation;
  return std::nullopt;
}

AreaComparison CompareAreas(double recorded_m2, double computed_m2, double tolerance) {
  AreaComparison c;
  c.recorded_m2 = recorded_m2;
  c.computed_m2 = computed_m2;
  c.difference_m2 = computed_m2 - recorded_m2;
  const double base = std::max(std::abs(recorded_m2), std::abs(computed_m2));
  c.relative = base > 0 ? std::abs(c.difference_m2) / base : 0.0;
  c.within_tolerance = c.relative <= tolerance;
  return c;
}

namespace {

void CheckAmount(std::vector<FieldError>& errs, const char* field, const std::optional<double>& v,
                 const char* label) {
  if (!v) return;
  if (!std::isfinite(*v) || *v < 0) errs.push_back({field, std::string(label) + "不能为负数"});
}

// `later` must not be before `earlier` when both are set.
void CheckOrder(std::vector<FieldError>& errs, const char* field, const std::optional<Date>& later,
                const std::optional<Date>& earlier, const char* message) {
  if (later && earlier && *later < *earlier) errs.push_back({field, message});
}

// A stage date needs the stage before it.
void CheckNeeds(std::vector<FieldError>& errs, const char* field, const std::optional<Date>& stage,
                const std::optional<Date>& prerequisite, const char* message) {
  if (stage && !prerequisite) errs.push_back({field, message});
}

}  // namespace

Status ValidateParcel(const Parcel& p) {
  std::vector<FieldError> errs;
  if (p.code.empty()) errs.push_back({"code", "地块编号不能为空"});
  if (!std::isfinite(p.area_mu) || p.area_mu <= 0) {
    errs.push_back({"area_mu", "地块面积必须大于0"});
  } else if (p.area_m2) {
    if (!std::isfinite(*p.area_m2) || *p.area_m2 <= 0) {
      errs.push_back({"area_m2", "地块面积(平方米)必须大于0"});
    } else if (!CompareAreas(MuToM2(p.area_mu), *p.area_m2).within_tolerance) {
      errs.push_back({"area_m2", "平方米面积与亩数不一致(1亩=666.67平方米，允许误差0.5%)"});
    }
  }
  CheckAmount(errs, "floor_area_m2", p.floor_area_m2, "总建筑面积");
  CheckAmount(errs, "footprint_m2", p.footprint_m2, "建筑基底面积");
  CheckAmount(errs, "developed_area_m2", p.developed_area_m2, "已开发面积");
  CheckAmount(errs, "invested", p.invested, "已完成投资");
  CheckAmount(errs, "total_investment", p.total_investment, "总投资");
  CheckAmount(errs, "land_price", p.land_price, "土地价款");
  if (p.area_mu > 0) {
    const double limit = p.AreaM2() * (1 + kDefaultAreaTolerance);
    if (p.footprint_m2 && *p.footprint_m2 > limit)
      errs.push_back({"footprint_m2", "建筑基底面积不能大于地块面积"});
    if (p.developed_area_m2 && *p.developed_area_m2 > limit)
      errs.push_back({"developed_area_m2", "已开发面积不能大于地块面积"});
  }
  if (p.supplied && !p.supply_kind) errs.push_back({"supply_kind", "已供地的地块须填写供地方式(出让/划拨)"});
  if (!p.supplied && p.supply_kind) errs.push_back({"supplied", "填写了供地方式，但缺少供地日期"});

  CheckOrder(errs, "supplied", p.supplied, p.approved, "供地日期不能早于批准日期");
  CheckOrder(errs, "agreed_start", p.agreed_start, p.supplied, "约定动工日期不能早于供地日期");
  CheckOrder(errs, "actual_start", p.actual_start, p.supplied, "实际动工日期不能早于供地日期");
  CheckOrder(errs, "agreed_completion", p.agreed_completion, p.agreed_start,
             "约定竣工日期不能早于约定动工日期");
  CheckOrder(errs, "agreed_production", p.agreed_production, p.agreed_completion,
             "约定投产日期不能早于约定竣工日期");
  CheckOrder(errs, "completed", p.completed, p.actual_start, "竣工日期不能早于实际动工日期");
  CheckOrder(errs, "production", p.production, p.completed, "投产日期不能早于竣工日期");
  CheckOrder(errs, "halted_since", p.halted_since, p.actual_start, "停工日期不能早于实际动工日期");

  CheckNeeds(errs, "actual_start", p.actual_start, p.supplied, "尚未供地的地块不能填写实际动工日期");
  CheckNeeds(errs, "completed", p.completed, p.actual_start, "未填写实际动工日期，不能填写竣工日期");
  CheckNeeds(errs, "production", p.production, p.completed, "未填写竣工日期，不能填写投产日期");
  CheckNeeds(errs, "halted_since", p.halted_since, p.actual_start, "未动工的地块不能填写停工日期");
  if (p.halted_since && p.completed)
    errs.push_back({"halted_since", "已竣工的地块不能处于停工状态"});

  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "地块信息有误";
  return Status::Validation(std::move(top), std::move(errs));
}

}  // namespace parkhq::land
