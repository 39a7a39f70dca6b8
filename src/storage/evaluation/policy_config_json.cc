#include "storage/evaluation/policy_config_json.h"

namespace parkhq::evaluation {

namespace json = boost::json;

namespace {

std::optional<double> AsNumber(const json::value& v) {
  if (v.is_double()) return v.as_double();
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  return std::nullopt;
}

// A string field: "" when missing or null (the domain reports empty required values).
std::string Text(const json::object& o, const char* key, const std::string& at, std::vector<FieldError>& errs) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return {};
  if (v->is_string()) return std::string(v->as_string());
  errs.push_back({at + "." + key, "应为文本"});
  return {};
}

PolicyItemSpec ItemFromJson(const json::value& v, const std::string& at, std::vector<FieldError>& errs) {
  PolicyItemSpec it;
  const json::object* o = v.if_object();
  if (!o) {
    errs.push_back({at, "应为对象"});
    return it;
  }
  it.cls = Text(*o, "class", at, errs);
  it.resource = Text(*o, "resource", at, errs);
  it.measure = Text(*o, "measure", at, errs);
  it.unit = Text(*o, "unit", at, errs);
  if (const json::value* r = o->if_contains("rate"); r && !r->is_null()) {
    it.rate = AsNumber(*r);
    if (!it.rate) errs.push_back({at + ".rate", "应为数字"});
  }
  return it;
}

}  // namespace

PolicyConfig PolicyConfigFromJson(const json::value& v, std::vector<FieldError>& errs) {
  PolicyConfig c;
  const json::object* root = v.if_object();
  if (!root) {
    errs.push_back({"body", "应为对象"});
    return c;
  }
  const json::value* items = root->if_contains("items");
  if (!items || items->is_null()) {
    errs.push_back({"items", "必填"});
  } else if (!items->is_array()) {
    errs.push_back({"items", "应为数组"});
  } else {
    const json::array& a = items->as_array();
    // The domain reports too many items; do not read an absurd body item by item.
    const std::size_t n = std::min<std::size_t>(a.size(), kMaxPolicyItems + 1);
    c.items.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      c.items.push_back(ItemFromJson(a[i], "items[" + std::to_string(i) + "]", errs));
  }
  const json::value* s = root->if_contains("surcharge");
  const json::value* rates = s && s->is_object() ? s->as_object().if_contains("yuan_per_kwh") : nullptr;
  if (!s || s->is_null()) {
    errs.push_back({"surcharge.yuan_per_kwh", "必填"});
  } else if (!s->is_object()) {
    errs.push_back({"surcharge", "应为对象"});
  } else if (!rates || !rates->is_array()) {
    errs.push_back({"surcharge.yuan_per_kwh", rates && !rates->is_null() ? "应为数组" : "必填"});
  } else {
    c.surcharge.yuan_per_kwh.clear();
    const json::array& a = rates->as_array();
    for (std::size_t i = 0; i < a.size() && i <= kMaxSurchargeYears; ++i) {
      const auto x = AsNumber(a[i]);
      if (!x) errs.push_back({"surcharge.yuan_per_kwh[" + std::to_string(i) + "]", "应为数字"});
      c.surcharge.yuan_per_kwh.push_back(x.value_or(0));
    }
  }
  return c;
}

json::object PolicyConfigToJson(const PolicyConfig& c) {
  json::array items;
  for (const PolicyItemSpec& it : c.items)
    items.push_back({{"class", it.cls},
                     {"resource", it.resource},
                     {"measure", it.measure},
                     {"rate", it.rate ? json::value(*it.rate) : json::value(nullptr)},
                     {"unit", it.unit}});
  json::array rates;
  for (const double r : c.surcharge.yuan_per_kwh) rates.push_back(r);
  return {{"items", std::move(items)}, {"surcharge", {{"yuan_per_kwh", std::move(rates)}}}};
}

std::string PolicyConfigToText(const PolicyConfig& c) { return json::serialize(PolicyConfigToJson(c)); }

StatusOr<PolicyConfig> PolicyConfigFromText(const std::string& text) {
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  std::vector<FieldError> errs;
  PolicyConfig c;
  if (!ec) c = PolicyConfigFromJson(v, errs);
  if (ec || !errs.empty()) return Status::Internal("设置 evaluation.policies 格式损坏");
  return c;
}

}  // namespace parkhq::evaluation
