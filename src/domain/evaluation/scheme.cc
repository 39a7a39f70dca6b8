#include "domain/evaluation/scheme.h"

#include <cmath>

namespace parkhq::evaluation {

const char* GroupCode(Group g) { return g == Group::kAboveScale ? "above_scale" : "below_scale"; }

std::optional<Group> ParseGroup(std::string_view s) {
  if (s == "above_scale") return Group::kAboveScale;
  if (s == "below_scale") return Group::kBelowScale;
  return std::nullopt;
}

const char* ClassCode(EvalClass c) {
  static const char* kCodes[] = {"A", "B", "C", "D", "T"};
  return kCodes[static_cast<int>(c)];
}

std::optional<EvalClass> ParseClass(std::string_view s) {
  for (EvalClass c : {EvalClass::kA, EvalClass::kB, EvalClass::kC, EvalClass::kD, EvalClass::kT})
    if (s == ClassCode(c)) return c;
  return std::nullopt;
}

Scheme DefaultScheme() {
  Scheme s;
  GroupSpec above;
  above.code = "above_scale";
  const auto spec = [](const char* code, double weight) {
    IndicatorSpec is;
    is.code = code;
    is.weight = weight;
    return is;
  };
  above.indicators = {spec("tax_per_mu", 30), spec("value_added_per_mu", 20),
                      spec("labour_productivity", 15), spec("value_added_per_energy", 15),
                      spec("value_added_per_emission", 10), spec("rnd_intensity", 10)};
  GroupSpec below;
  below.code = "below_scale";
  below.indicators = {spec("tax_per_mu", 60), spec("tax_per_kwh", 40)};
  s.groups = {above, below};
  return s;
}

namespace {

bool Finite(double v) { return std::isfinite(v); }

class SchemeValidator {
 public:
  std::vector<FieldError> Run(const Scheme& s) {
    if (s.groups.empty()) Add("groups", "至少需要一个分组");
    std::array<bool, kGroupCount> seen{};
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
      const std::string f = "groups[" + std::to_string(g) + "]";
      const GroupSpec& gs = s.groups[g];
      if (const auto grp = ParseGroup(gs.code); !grp) {
        Add(f + ".code", "未知分组(应为above_scale或below_scale)");
      } else if (seen[static_cast<std::size_t>(*grp)]) {
        Add(f + ".code", "分组重复");
      } else {
        seen[static_cast<std::size_t>(*grp)] = true;
      }
      Indicators(f, gs.indicators);
      Classes(f + ".classes", gs.classes);
      Adjustments(f + ".bonuses", gs.bonuses);
      Adjustments(f + ".deductions", gs.deductions);
      if (gs.max_bonus && (!Finite(*gs.max_bonus) || *gs.max_bonus < 0))
        Add(f + ".max_bonus", "加分上限不能为负数");
      if (gs.missing != "group_average" && gs.missing != "zero")
        Add(f + ".missing", "缺失数据规则应为group_average或zero");
    }
    return std::move(errs_);
  }

 private:
  void Add(std::string field, std::string message) { errs_.push_back({std::move(field), std::move(message)}); }

  void Indicators(const std::string& g, const std::vector<IndicatorSpec>& list) {
    if (list.empty()) Add(g + ".indicators", "至少需要一个指标");
    std::array<bool, kIndicatorCount> seen{};
    double total = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const IndicatorSpec& s = list[i];
      const std::string f = g + ".indicators[" + std::to_string(i) + "]";
      const auto code = ParseIndicatorCode(s.code);
      if (!code) {
        Add(f + ".code", "未知指标代码：" + s.code);
      } else if (!Info(*code).in_evaluation) {
        Add(f + ".code", "该指标不能用于亩均效益评价");
      } else if (seen[Index(*code)]) {
        Add(f + ".code", "指标重复");
      } else {
        seen[Index(*code)] = true;
      }
      if (!Finite(s.weight) || s.weight < 0) Add(f + ".weight", "权重不能为负数");
      else total += s.weight;
      if (s.benchmark && (!Finite(*s.benchmark) || *s.benchmark <= 0))
        Add(f + ".benchmark", "基准值须大于0");
      if (!s.benchmark && (!Finite(s.benchmark_k) || s.benchmark_k <= 0))
        Add(f + ".benchmark_k", "基准倍数k须大于0");
      if (s.cap && (!Finite(*s.cap) || *s.cap < 0)) Add(f + ".cap", "封顶分不能为负数");
    }
    if (!list.empty() && total <= 0) Add(g + ".indicators", "权重合计须大于0");
  }

  void Classes(const std::string& f, const ClassSpec& c) {
    const bool pct = c.method == "percentile";
    const bool known = pct || c.method == "threshold";
    if (!known) Add(f + ".method", "分档方法应为percentile或threshold");
    if (!known) {
      // The bounds cannot be judged without a method.
    } else if (c.bounds.size() != 3) {
      Add(f + ".bounds", "须给出A、B、C三档的界限");
    } else {
      for (std::size_t i = 0; i < 3; ++i) {
        const double b = c.bounds[i];
        if (!Finite(b) || (pct && (b <= 0 || b > 100)))
          Add(f + ".bounds[" + std::to_string(i) + "]", pct ? "百分位界限须大于0且不大于100" : "分数界限无效");
      }
      if (pct && !(c.bounds[0] < c.bounds[1] && c.bounds[1] < c.bounds[2]))
        Add(f + ".bounds", "百分位界限须严格递增(A<B<C)");
      if (!pct && !(c.bounds[0] > c.bounds[1] && c.bounds[1] > c.bounds[2]))
        Add(f + ".bounds", "分数界限须严格递减(A>B>C)");
    }
    double min_sum = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const Quota& q = c.quotas[k];
      const std::string qf = f + ".quotas." + ClassCode(static_cast<EvalClass>(k));
      const auto pct_ok = [](const std::optional<double>& v) { return !v || (Finite(*v) && *v >= 0 && *v <= 100); };
      if (!pct_ok(q.max_pct)) Add(qf + ".max_pct", "比例须在0~100之间");
      if (!pct_ok(q.min_pct)) Add(qf + ".min_pct", "比例须在0~100之间");
      if (k == 0 && q.min_pct) Add(qf + ".min_pct", "A类不支持下限配额");
      if (k == 3 && q.max_pct) Add(qf + ".max_pct", "D类不支持上限配额");
      if (q.min_pct && q.max_pct && *q.min_pct > *q.max_pct) Add(qf + ".min_pct", "下限不能大于上限");
      if (q.min_pct && Finite(*q.min_pct)) min_sum += *q.min_pct;
    }
    if (min_sum > 100) Add(f + ".quotas", "各类下限之和不能超过100%");
  }

  void Adjustments(const std::string& f, const std::vector<AdjustmentItem>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string itf = f + "[" + std::to_string(i) + "]";
      if (items[i].code.empty()) Add(itf + ".code", "代码不能为空");
      for (std::size_t j = 0; j < i; ++j)
        if (!items[i].code.empty() && items[j].code == items[i].code) Add(itf + ".code", "代码重复");
      if (!Finite(items[i].points) || items[i].points < 0) Add(itf + ".points", "分值不能为负数");
    }
  }

  std::vector<FieldError> errs_;
};

Status FromErrors(std::vector<FieldError> errs) {
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "评价方案有误";
  return Status::Validation(std::move(top), std::move(errs));
}

}  // namespace

Status ValidateScheme(const Scheme& s) { return FromErrors(SchemeValidator().Run(s)); }

StatusOr<ResolvedScheme> ResolveScheme(const Scheme& s, const GroupAverageTable& last_year) {
  PARKHQ_RETURN_IF_ERROR(ValidateScheme(s));
  ResolvedScheme out;
  std::vector<FieldError> errs;
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    const GroupSpec& gs = s.groups[g];
    ResolvedGroup rg{*ParseGroup(gs.code), {},  ClassMethod::kPercentile, {}, gs.classes.quotas,
                     gs.bonuses, gs.deductions, gs.max_bonus, MissingRule::kGroupAverage};
    if (gs.classes.method == "threshold") rg.method = ClassMethod::kThreshold;
    if (gs.missing == "zero") rg.missing = MissingRule::kZero;
    for (std::size_t k = 0; k < 3; ++k) rg.bounds[k] = gs.classes.bounds[k];
    for (std::size_t i = 0; i < gs.indicators.size(); ++i) {
      const IndicatorSpec& is = gs.indicators[i];
      const IndicatorCode code = *ParseIndicatorCode(is.code);
      double benchmark = is.benchmark.value_or(0);
      if (!is.benchmark) {
        const auto avg = last_year[static_cast<std::size_t>(rg.group)][Index(code)];
        if (!avg || *avg <= 0) {
          errs.push_back({"groups[" + std::to_string(g) + "].indicators[" + std::to_string(i) + "].benchmark",
                          "未设基准值，且缺少可用的上年平均值(须大于0)，无法按k倍上年平均确定基准值"});
          continue;
        }
        benchmark = is.benchmark_k * *avg;
      }
      rg.indicators.push_back({code, is.weight, benchmark, is.cap});
    }
    out.groups[static_cast<std::size_t>(rg.group)] = std::move(rg);
  }
  PARKHQ_RETURN_IF_ERROR(FromErrors(std::move(errs)));
  return out;
}

}  // namespace parkhq::evaluation
