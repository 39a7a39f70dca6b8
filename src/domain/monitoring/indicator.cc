#include "domain/monitoring/indicator.h"

#include <cmath>
#include <set>

namespace parkhq::monitoring {
namespace {

constexpr size_t kMaxCodeLength = 32;
constexpr size_t kMaxNameChars = 64;
constexpr size_t kMaxUnitChars = 16;
constexpr int kMaxDecimals = 6;

// Number of UTF-8 code points (bytes that are not continuation bytes).
size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxCodeLength) return false;
  if (code[0] < 'a' || code[0] > 'z') return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

void CheckText(std::string_view value, size_t max_chars, const char* field, const char* label,
               std::vector<FieldError>& errors) {
  if (IsBlank(value)) {
    errors.push_back({field, std::string(label) + "不能为空"});
  } else if (Utf8Length(value) > max_chars) {
    errors.push_back(
        {field, std::string(label) + "不能超过" + std::to_string(max_chars) + "个字符"});
  }
}

std::vector<FieldError> IndicatorErrors(const Indicator& ind) {
  std::vector<FieldError> errors;
  if (!IsValidCode(ind.code)) {
    errors.push_back(
        {"code", "指标代码须以小写字母开头，只含小写字母、数字和下划线，不超过32个字符"});
  }
  CheckText(ind.name_zh, kMaxNameChars, "name_zh", "中文名称", errors);
  CheckText(ind.name_en, kMaxNameChars, "name_en", "英文名称", errors);
  CheckText(ind.unit, kMaxUnitChars, "unit", "计量单位", errors);
  if (ind.decimals < 0 || ind.decimals > kMaxDecimals) {
    errors.push_back({"decimals", "小数位数须在0到6之间"});
  }
  return errors;
}

}  // namespace

const char* IndicatorKindName(IndicatorKind kind) {
  return kind == IndicatorKind::kStock ? "stock" : "flow";
}

std::optional<IndicatorKind> ParseIndicatorKind(std::string_view s) {
  if (s == "flow") return IndicatorKind::kFlow;
  if (s == "stock") return IndicatorKind::kStock;
  return std::nullopt;
}

const std::vector<Indicator>& SeededIndicators() {
  using K = IndicatorKind;
  static const std::vector<Indicator> kSeed = {
      {"fai", "固定资产投资", "Fixed-asset investment", "万元", K::kFlow, true, 2},
      {"output", "工业总产值", "Gross industrial output", "万元", K::kFlow, true, 2},
      {"sales", "销售收入", "Sales revenue", "万元", K::kFlow, true, 2},
      {"value_added", "工业增加值", "Industrial value added", "万元", K::kFlow, true, 2},
      {"tax", "税收", "Tax revenue", "万元", K::kFlow, true, 2},
      {"energy", "综合能耗", "Comprehensive energy consumption", "吨标准煤", K::kFlow, false, 2},
      {"employees", "从业人员", "Employees", "人", K::kStock, true, 0},
      {"new_above_scale", "新培育规上企业", "New above-scale enterprises", "户", K::kFlow, true, 0},
      {"new_enterprises", "新入园企业", "New enterprises in the park", "户", K::kFlow, true, 0},
      {"funds_in_place", "资金到位", "Funds in place", "万元", K::kFlow, true, 2},
  };
  return kSeed;
}

const Indicator* FindIndicator(const std::vector<Indicator>& catalog, std::string_view code) {
  for (const Indicator& ind : catalog)
    if (ind.code == code) return &ind;
  return nullptr;
}

Status ValidateIndicator(const Indicator& indicator) {
  std::vector<FieldError> errors = IndicatorErrors(indicator);
  if (errors.empty()) return Status::Ok();
  return Status::Validation("指标定义无效", std::move(errors));
}

Status ValidateCatalog(const std::vector<Indicator>& catalog) {
  std::vector<FieldError> errors;
  std::set<std::string, std::less<>> seen;
  for (size_t i = 0; i < catalog.size(); ++i) {
    const std::string prefix = "items[" + std::to_string(i) + "].";
    for (FieldError& e : IndicatorErrors(catalog[i])) {
      errors.push_back({prefix + e.field, std::move(e.message)});
    }
    if (!seen.insert(catalog[i].code).second) {
      errors.push_back({prefix + "code", "指标代码重复：" + catalog[i].code});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::Validation("指标目录无效", std::move(errors));
}

Status ValidateIndicatorValue(const Indicator& indicator, double value, std::string_view field) {
  if (!std::isfinite(value)) {
    return Status::FieldInvalid(std::string(field), indicator.name_zh + "须为有效数字");
  }
  if (value < 0) {
    return Status::FieldInvalid(std::string(field), indicator.name_zh + "不能为负数");
  }
  return Status::Ok();
}

}  // namespace parkhq::monitoring
