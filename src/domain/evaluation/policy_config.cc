#include "domain/evaluation/policy_config.h"

#include <cmath>

namespace parkhq::evaluation {

namespace {

// Characters of a UTF-8 string: bytes that do not continue a multi-byte sequence.
std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::optional<EvalClass> PolicyClass(std::string_view code) {
  const auto c = ParseClass(code);
  if (!c || *c == EvalClass::kT) return std::nullopt;  // 不定等级 firms get no measures
  return c;
}

void CheckItem(const PolicyItemSpec& it, const std::string& at, std::vector<FieldError>& errs) {
  if (!PolicyClass(it.cls)) errs.push_back({at + ".class", "等级应为 A、B、C、D 之一"});
  if (!IsKnownResource(it.resource))
    errs.push_back({at + ".resource", "资源要素应为用地、用电、用水、用能、信贷、财政奖补或其他"});
  if (Blank(it.measure))
    errs.push_back({at + ".measure", "请填写措施内容"});
  else if (Utf8Length(it.measure) > kMaxMeasureChars)
    errs.push_back({at + ".measure", "措施内容最多 " + std::to_string(kMaxMeasureChars) + " 个字"});
  if (it.rate && (!std::isfinite(*it.rate) || *it.rate < 0))
    errs.push_back({at + ".rate", "标准应为不小于0的数"});
  if (Utf8Length(it.unit) > kMaxUnitChars)
    errs.push_back({at + ".unit", "单位最多 " + std::to_string(kMaxUnitChars) + " 个字"});
}

}  // namespace

const std::vector<std::string_view>& KnownResources() {
  static const std::vector<std::string_view> kAll = {"land",   "electricity", "water", "energy",
                                                      "credit", "subsidy",     "other"};
  return kAll;
}

bool IsKnownResource(std::string_view resource) {
  for (const auto r : KnownResources())
    if (r == resource) return true;
  return false;
}

PolicyConfig DefaultPolicyConfig() {
  PolicyConfig c;
  for (const PolicyItem& p : DefaultPolicies())
    c.items.push_back({ClassCode(p.cls), p.resource, p.measure, p.rate, p.unit});
  return c;
}

Status ValidatePolicyConfig(const PolicyConfig& c) {
  std::vector<FieldError> errs;
  if (c.items.size() > kMaxPolicyItems)
    errs.push_back({"items", "政策条目最多 " + std::to_string(kMaxPolicyItems) + " 条"});
  else
    for (std::size_t i = 0; i < c.items.size(); ++i) CheckItem(c.items[i], "items[" + std::to_string(i) + "]", errs);
  for (auto& e : ScheduleErrors(c.surcharge, "surcharge.")) errs.push_back(std::move(e));
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "差别化政策配置有误，请检查标出的字段";
  return Status::Validation(std::move(top), std::move(errs));
}

std::vector<PolicyItem> PolicyItems(const PolicyConfig& c) {
  std::vector<PolicyItem> out;
  out.reserve(c.items.size());
  for (const PolicyItemSpec& it : c.items)
    if (const auto cls = PolicyClass(it.cls)) out.push_back({*cls, it.resource, it.measure, it.rate, it.unit});
  return out;
}

}  // namespace parkhq::evaluation
