#include "domain/risk/retrofit.h"

#include <cmath>
#include <vector>

#include "domain/risk/energy_calc.h"

namespace parkhq::risk {

namespace {
constexpr double kMaxAmount = 1e9;
bool Bad(double v) { return !std::isfinite(v) || v < 0 || v > kMaxAmount; }
}  // namespace

Status ValidateRetrofit(const Retrofit& r) {
  std::vector<FieldError> e;
  if (r.kind != "elimination" && r.kind != "clean_production")
    e.push_back({"kind", "类型应为 elimination 或 clean_production"});
  if (r.status != "flagged" && r.status != "in_progress" && r.status != "completed" && r.status != "cancelled")
    e.push_back({"status", "状态应为 flagged、in_progress、completed 或 cancelled"});
  if (r.name.empty()) e.push_back({"name", "名称必填"});
  if (r.enterprise_id <= 0) e.push_back({"enterprise_id", "企业必填"});
  if (r.investment && Bad(*r.investment)) e.push_back({"investment", "投资额应为 0 到 10 亿之间的数"});
  if (r.saving_tce && Bad(*r.saving_tce)) e.push_back({"saving_tce", "节能量应为 0 到 10 亿之间的数"});
  if (r.status == "completed" && !r.completed_on) e.push_back({"completed_on", "已完成的项目须填写完成日期"});
  if (!e.empty()) return Status::Validation("改造项目有误", std::move(e));
  return Status::Ok();
}

bool RetrofitOverdue(const Retrofit& r, Date today) {
  return r.deadline && *r.deadline < today && r.status != "completed" && r.status != "cancelled";
}

Status ValidateAccount(const EnergyAccount& a) {
  std::vector<FieldError> e;
  for (const auto& [kind, v] : a.energy) {
    if (!FindEnergyFactor(kind)) e.push_back({"energy." + kind, "未知的能源品种"});
    else if (Bad(v)) e.push_back({"energy." + kind, "用量应为 0 到 10 亿之间的数"});
  }
  for (const auto& [code, v] : a.emissions) {
    if (!IsPollutant(code)) e.push_back({"emissions." + code, "未知的污染物"});
    else if (Bad(v)) e.push_back({"emissions." + code, "排放量应为 0 到 10 亿之间的数"});
  }
  if (a.year < 2000 || a.year > 2100) e.push_back({"year", "年份有误"});
  if (!e.empty()) return Status::Validation("能源消费台账有误", std::move(e));
  return Status::Ok();
}

}  // namespace parkhq::risk
