#include "domain/parks/parks.h"

#include <algorithm>
#include <cmath>

namespace parkhq::parks {

const std::vector<EnteredVariable>& EnteredVariables() {
  static const std::vector<EnteredVariable> v = {
      {"debt_ratio", "园区平台资产负债率", "%", 1000},
      {"export_value", "进出口总额", "万元", 1e9},
      {"foreign_capital", "实际使用外资", "万元", 1e9},
      {"rnd", "研发经费支出（无企业报表时）", "万元", 1e9},
      {"leading_output", "主导产业产值（无企业报表时）", "万元", 1e10},
  };
  return v;
}

const EnteredVariable* FindEnteredVariable(std::string_view code) {
  for (const auto& v : EnteredVariables())
    if (code == v.code) return &v;
  return nullptr;
}

const char* ChemStatusCode(ChemStatus s) {
  switch (s) {
    case ChemStatus::kMet: return "met";
    case ChemStatus::kUnmet: return "unmet";
    case ChemStatus::kRectifying: return "rectifying";
  }
  return "unmet";
}

const char* ChemStatusNameZh(ChemStatus s) {
  switch (s) {
    case ChemStatus::kMet: return "达标";
    case ChemStatus::kUnmet: return "未达标";
    case ChemStatus::kRectifying: return "整改中";
  }
  return "未达标";
}

std::optional<ChemStatus> ParseChemStatus(std::string_view s) {
  if (s == "met") return ChemStatus::kMet;
  if (s == "unmet") return ChemStatus::kUnmet;
  if (s == "rectifying") return ChemStatus::kRectifying;
  return std::nullopt;
}

std::optional<Date> NextReview(const ChemItem& item) {
  if (!item.last_review) return std::nullopt;
  return item.last_review->AddYears(static_cast<int>(item.review_years));
}

Status ValidateChemItem(const ChemItem& item, const std::vector<std::string>& categories) {
  std::vector<FieldError> errors;
  if (std::find(categories.begin(), categories.end(), item.category) == categories.end())
    errors.push_back({"category", "类别不在认定清单的类别中"});
  if (item.requirement.empty() || item.requirement.size() > 3000)
    errors.push_back({"requirement", "认定要求不能为空，且不超过1000字"});
  if (item.units.size() > 600) errors.push_back({"units", "责任单位过长"});
  if (item.evidence.size() > 6000) errors.push_back({"evidence", "佐证材料过长"});
  if (item.review_years != 3 && item.review_years != 5) errors.push_back({"review_years", "复核周期只能是3年或5年"});
  if (item.score && (!std::isfinite(*item.score) || *item.score < 0 || *item.score > 100))
    errors.push_back({"score", "得分应在0到100之间"});
  if (item.no < 0 || item.no > 999) errors.push_back({"no", "序号应在0到999之间"});
  if (!item.tracked.empty() && item.tracked != "river_setback" && item.tracked != "emergency_pool")
    errors.push_back({"tracked", "跟踪事项只能是河道退让线或事故应急池"});
  if (!errors.empty()) return Status::Validation("输入有误，请检查标出的字段", std::move(errors));
  return Status::Ok();
}

std::vector<ChemCategoryProgress> GroupByCategory(const std::vector<std::string>& categories,
                                                  const std::vector<ChemItem>& items) {
  std::vector<ChemCategoryProgress> out;
  for (const auto& c : categories) out.push_back({c, {}, 0, 0});
  for (const auto& item : items) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.name == item.category; });
    if (it == out.end()) {
      out.push_back({item.category, {}, 0, 0});
      it = out.end() - 1;
    }
    it->items.push_back(item);
    it->total += 1;
    it->done += item.status == ChemStatus::kMet;
  }
  return out;
}

}  // namespace parkhq::parks
