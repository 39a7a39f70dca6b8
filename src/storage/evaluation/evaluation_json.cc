#include "storage/evaluation/evaluation_json.h"

#include "common/status_or.h"

namespace parkhq::evaluation {
namespace {

class Reader {
 public:
  Reader(const json::value& v, std::string path, std::vector<FieldError>& errs)
      : obj_(v.if_object()), path_(std::move(path)), errs_(errs) {
    if (!obj_) errs_.push_back({path_.empty() ? "body" : path_, "应为对象"});
  }
  bool ok() const { return obj_ != nullptr; }
  std::string Field(const char* k) const { return path_.empty() ? k : path_ + "." + k; }
  const json::value* Get(const char* k) const {
    if (!obj_) return nullptr;
    const json::value* v = obj_->if_contains(k);
    return v && !v->is_null() ? v : nullptr;
  }
  std::optional<double> Number(const char* k) {
    const json::value* v = Get(k);
    if (!v) return std::nullopt;
    if (v->is_double()) return v->as_double();
    if (v->is_int64()) return static_cast<double>(v->as_int64());
    if (v->is_uint64()) return static_cast<double>(v->as_uint64());
    errs_.push_back({Field(k), "应为数字"});
    return std::nullopt;
  }
  std::optional<std::string> String(const char* k) {
    const json::value* v = Get(k);
    if (!v) return std::nullopt;
    if (v->is_string()) return std::string(v->as_string());
    errs_.push_back({Field(k), "应为文本"});
    return std::nullopt;
  }
  const json::array* Array(const char* k) {
    const json::value* v = Get(k);
    if (!v) return nullptr;
    if (!v->is_array()) {
      errs_.push_back({Field(k), "应为数组"});
      return nullptr;
    }
    return &v->as_array();
  }

 private:
  const json::object* obj_;
  std::string path_;
  std::vector<FieldError>& errs_;
};

std::vector<AdjustmentItem> Adjustments(Reader& g, const char* key, const std::string& path,
                                        std::vector<FieldError>& errs) {
  std::vector<AdjustmentItem> out;
  if (const json::array* a = g.Array(key))
    for (size_t i = 0; i < a->size(); ++i) {
      Reader r((*a)[i], path + "." + key + "[" + std::to_string(i) + "]", errs);
      AdjustmentItem it;
      it.code = r.String("code").value_or("");
      it.name = r.String("name").value_or("");
      it.points = r.Number("points").value_or(0);
      out.push_back(std::move(it));
    }
  return out;
}

json::value Opt(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::array AdjustmentsJson(const std::vector<AdjustmentItem>& v) {
  json::array a;
  for (const auto& i : v) a.push_back({{"code", i.code}, {"name", i.name}, {"points", i.points}});
  return a;
}

}  // namespace

Scheme SchemeFromJson(const json::value& v, std::vector<FieldError>& errs) {
  Scheme s;
  Reader root(v, "", errs);
  if (!root.ok()) return s;
  const json::array* groups = root.Array("groups");
  if (!groups) {
    if (!root.Get("groups")) errs.push_back({"groups", "请填写评价分组"});
    return s;
  }
  for (size_t gi = 0; gi < groups->size(); ++gi) {
    const std::string gp = "groups[" + std::to_string(gi) + "]";
    Reader g((*groups)[gi], gp, errs);
    GroupSpec spec;
    if (g.ok()) {
      spec.code = g.String("code").value_or("");
      if (const json::array* inds = g.Array("indicators"))
        for (size_t ii = 0; ii < inds->size(); ++ii) {
          Reader r((*inds)[ii], gp + ".indicators[" + std::to_string(ii) + "]", errs);
          IndicatorSpec is;
          is.code = r.String("code").value_or("");
          auto w = r.Number("weight");
          if (!w && r.ok() && !r.Get("weight")) errs.push_back({r.Field("weight"), "请填写权重"});
          is.weight = w.value_or(0);
          is.benchmark = r.Number("benchmark");
          if (auto k = r.Number("benchmark_k")) is.benchmark_k = *k;
          is.cap = r.Number("cap");
          spec.indicators.push_back(std::move(is));
        }
      if (const json::value* cv = g.Get("classes")) {
        Reader c(*cv, gp + ".classes", errs);
        if (auto m = c.String("method")) spec.classes.method = *m;
        if (const json::array* b = c.Array("bounds")) {
          spec.classes.bounds.clear();
          for (size_t bi = 0; bi < b->size(); ++bi) {
            const json::value& x = (*b)[bi];
            if (x.is_number()) spec.classes.bounds.push_back(x.to_number<double>());
            else errs.push_back({gp + ".classes.bounds[" + std::to_string(bi) + "]", "应为数字"});
          }
        }
        if (const json::value* qv = c.Get("quotas")) {
          Reader q(*qv, gp + ".classes.quotas", errs);
          const char* names[4] = {"A", "B", "C", "D"};
          for (int k = 0; k < 4; ++k)
            if (const json::value* one = q.Get(names[k])) {
              Reader r(*one, gp + ".classes.quotas." + names[k], errs);
              spec.classes.quotas[k].max_pct = r.Number("max_pct");
              spec.classes.quotas[k].min_pct = r.Number("min_pct");
            }
        }
      }
      spec.bonuses = Adjustments(g, "bonuses", gp, errs);
      spec.deductions = Adjustments(g, "deductions", gp, errs);
      spec.max_bonus = g.Number("max_bonus");
      if (auto m = g.String("missing")) spec.missing = *m;
    }
    s.groups.push_back(std::move(spec));
  }
  return s;
}

json::object SchemeToJson(const Scheme& s) {
  json::array groups;
  for (const auto& g : s.groups) {
    json::array inds;
    for (const auto& i : g.indicators)
      inds.push_back({{"code", i.code}, {"weight", i.weight}, {"benchmark", Opt(i.benchmark)},
                      {"benchmark_k", i.benchmark_k}, {"cap", Opt(i.cap)}});
    json::array bounds;
    for (double b : g.classes.bounds) bounds.push_back(b);
    json::object quotas;
    const char* names[4] = {"A", "B", "C", "D"};
    for (int k = 0; k < 4; ++k) {
      const auto& q = g.classes.quotas[k];
      if (q.max_pct || q.min_pct) quotas[names[k]] = {{"max_pct", Opt(q.max_pct)}, {"min_pct", Opt(q.min_pct)}};
    }
    groups.push_back({{"code", g.code},
                      {"indicators", std::move(inds)},
                      {"classes", {{"method", g.classes.method}, {"bounds", std::move(bounds)}, {"quotas", quotas}}},
                      {"bonuses", AdjustmentsJson(g.bonuses)},
                      {"deductions", AdjustmentsJson(g.deductions)},
                      {"max_bonus", Opt(g.max_bonus)},
                      {"missing", g.missing}});
  }
  return {{"groups", std::move(groups)}};
}

std::string SchemeToText(const Scheme& s) { return json::serialize(SchemeToJson(s)); }

StatusOr<Scheme> SchemeFromText(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Status::Internal("stored scheme is not JSON");
  std::vector<FieldError> errs;
  Scheme s = SchemeFromJson(v, errs);
  if (!errs.empty()) return Status::Internal("stored scheme is malformed: " + errs.front().field);
  return s;
}

json::object IndicatorValuesJson(const EnterpriseResult& r) {
  json::object o;
  for (size_t k = 0; k < kEvaluationIndicatorCount; ++k) {
    const auto code = static_cast<IndicatorCode>(k);
    auto v = r.Indicator(code);
    o[Info(code).key] = v ? json::value(*v) : json::value(nullptr);
  }
  return o;
}

json::object IndicatorScoresJson(const EnterpriseResult& r) {
  json::object o;
  for (size_t k = 0; k < kEvaluationIndicatorCount; ++k) {
    const auto code = static_cast<IndicatorCode>(k);
    if (auto v = r.IndicatorScore(code)) o[Info(code).key] = *v;
  }
  return o;
}

json::array ImputedJson(const EnterpriseResult& r) {
  json::array a;
  for (size_t k = 0; k < kEvaluationIndicatorCount; ++k) {
    const auto code = static_cast<IndicatorCode>(k);
    if (r.IsImputed(code)) a.push_back(json::string(Info(code).key));
  }
  return a;
}

}  // namespace parkhq::evaluation
