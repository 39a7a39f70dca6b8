#include "domain/evaluation/evaluation_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/time.h"

namespace parkhq::evaluation {

bool IsKnownSource(std::string_view s) {
  for (const char* k : {"platform", "tax_bureau", "power_supply", "ecology", "natural_resources", "manual"})
    if (s == k) return true;
  return false;
}

namespace {

bool IsEnterprise(const Scope& s) { return s.role == Role::kEnterprise; }

template <typename T>
void Merge(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}

// The stored record with the set fields of `in` laid over it.
InputRecord MergeRecord(const InputRecord* old, const InputRecord& in) {
  if (!old) return in;
  InputRecord m = *old;
  EnterpriseInput& a = m.input;
  const EnterpriseInput& b = in.input;
  a.group = b.group;
  Merge(a.land_mu, b.land_mu);
  Merge(a.tax, b.tax);
  Merge(a.value_added, b.value_added);
  Merge(a.revenue, b.revenue);
  Merge(a.energy_tce, b.energy_tce);
  Merge(a.emissions_t, b.emissions_t);
  Merge(a.employees_avg, b.employees_avg);
  Merge(a.rnd, b.rnd);
  Merge(a.electricity_kwh, b.electricity_kwh);
  Merge(a.excluded_reason, b.excluded_reason);
  Merge(a.veto_reason, b.veto_reason);
  Merge(a.d_exempt_reason, b.d_exempt_reason);
  if (!b.bonuses.empty()) a.bonuses = b.bonuses;
  if (!b.deductions.empty()) a.deductions = b.deductions;
  Merge(m.enterprise_name, in.enterprise_name);
  Merge(m.sub_park_id, in.sub_park_id);
  Merge(m.industry, in.industry);
  Merge(m.output, in.output);
  for (const auto& [k, v] : in.sources) m.sources[k] = v;
  // Changed figures need a fresh 一企一单 confirmation.
  m.confirmed_at.reset();
  m.confirmed_by.reset();
  return m;
}

std::array<int32_t, 5> Counts(const EvaluationRun& run, Group g) {
  std::array<int32_t, 5> c{};
  for (const auto& r : run.items)
    if (r.group == g) ++c[static_cast<int>(r.cls)];
  return c;
}

void SortResults(std::vector<ResultRecord>& v) {
  std::sort(v.begin(), v.end(), [](const ResultRecord& a, const ResultRecord& b) {
    if (a.r.group != b.r.group) return a.r.group < b.r.group;
    const int32_t ra = a.r.rank.value_or(INT32_MAX), rb = b.r.rank.value_or(INT32_MAX);
    if (ra != rb) return ra < rb;
    return a.r.enterprise_id < b.r.enterprise_id;
  });
}

std::vector<EnterpriseInput> Plain(const std::vector<InputRecord>& rows) {
  std::vector<EnterpriseInput> v;
  v.reserve(rows.size());
  for (const auto& r : rows) v.push_back(r.input);
  return v;
}

}  // namespace

Status EvaluationService::RequireRead(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(bool exists, repo_.ParkExists(park_id));
  if (!exists || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return Status::Ok();
}

Status EvaluationService::RequireAdmin(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理人员可以进行此操作");
  return Status::Ok();
}

StatusOr<ResolvedScheme> EvaluationService::Resolve(int64_t park_id, int year, const Scheme& scheme) const {
  PARKHQ_ASSIGN_OR_RETURN(auto last, repo_.LoadScoringInputs(park_id, year - 1));
  return ResolveScheme(scheme, GroupAverages(last));
}

StatusOr<SchemeView> EvaluationService::GetScheme(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.GetScheme(park_id, year));
  if (saved) return SchemeView{*saved, false};
  return SchemeView{DefaultScheme(), true};
}

StatusOr<SchemeView> EvaluationService::PutScheme(const Scope& s, int64_t park_id, int year,
                                                  const Scheme& scheme) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  PARKHQ_RETURN_IF_ERROR(ValidateScheme(scheme));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveScheme(park_id, year, scheme, s));
  return SchemeView{scheme, false};
}

StatusOr<std::vector<InputRecord>> EvaluationService::PutInputs(const Scope& s, int64_t park_id, int year,
                                                                const std::vector<InputRecord>& items) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  if (items.empty()) return Status::Validation("没有要导入的数据", {{"items", "至少一条"}});
  if (items.size() > 200000) return Status::Validation("一次最多导入 200000 家企业", {{"items", "条数过多"}});
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.LoadInputs(park_id, year));
  std::map<int64_t, const InputRecord*> by_id;
  for (const auto& r : stored) by_id[r.input.enterprise_id] = &r;
  std::vector<InputRecord> merged;
  merged.reserve(items.size());
  std::vector<FieldError> errs;
  for (size_t i = 0; i < items.size(); ++i) {
    auto it = by_id.find(items[i].input.enterprise_id);
    merged.push_back(MergeRecord(it == by_id.end() ? nullptr : it->second, items[i]));
    const std::string p = "items[" + std::to_string(i) + "]";
    if (items[i].input.enterprise_id <= 0) errs.push_back({p + ".enterprise_id", "企业编号应为正整数"});
    for (const auto& [field, src] : items[i].sources)
      if (!IsKnownSource(src))
        errs.push_back({p + ".sources." + field,
                        "未知来源，应为 platform、tax_bureau、power_supply、ecology、natural_resources 或 manual"});
  }
  // Group and adjustment codes are checked against the year's scheme when it resolves.
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.GetScheme(park_id, year));
  auto resolved = Resolve(park_id, year, saved ? *saved : DefaultScheme());
  Status v = ValidateInputs(Plain(merged), resolved.ok() ? &*resolved : nullptr);
  if (!v.ok()) {
    if (!v.IsValidation()) return v;
    for (const auto& d : v.details()) errs.push_back(d);
  }
  if (!errs.empty()) {
    if (errs.size() > 200) errs.resize(200);
    return Status::Validation("评价数据有误，请检查标出的字段", errs);
  }
  PARKHQ_RETURN_IF_ERROR(repo_.UpsertInputs(park_id, year, merged, s));
  return merged;
}

namespace {

// Input field ← monthly report field, with the unit factor (electricity is reported in 万kWh).
struct PlatformField {
  const char* input;
  const char* report;
  double factor;
  std::optional<double> EnterpriseInput::*member;
};
const PlatformField kPlatformFields[] = {
    {"tax", "tax", 1, &EnterpriseInput::tax},
    {"value_added", "value_added", 1, &EnterpriseInput::value_added},
    {"revenue", "revenue", 1, &EnterpriseInput::revenue},
    {"energy_tce", "energy", 1, &EnterpriseInput::energy_tce},
    {"emissions_t", "emissions", 1, &EnterpriseInput::emissions_t},
    {"rnd", "rnd", 1, &EnterpriseInput::rnd},
    {"electricity_kwh", "electricity", 10000, &EnterpriseInput::electricity_kwh},
};

bool SameValue(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::abs(*a - *b) <= 1e-9 * std::max(1.0, std::abs(*a));
}

bool SameSheet(const InputRecord& a, const InputRecord& b) {
  const EnterpriseInput &x = a.input, &y = b.input;
  return x.group == y.group && SameValue(x.land_mu, y.land_mu) && SameValue(x.tax, y.tax) &&
         SameValue(x.value_added, y.value_added) && SameValue(x.revenue, y.revenue) &&
         SameValue(x.energy_tce, y.energy_tce) && SameValue(x.emissions_t, y.emissions_t) &&
         SameValue(x.employees_avg, y.employees_avg) && SameValue(x.rnd, y.rnd) &&
         SameValue(x.electricity_kwh, y.electricity_kwh) && SameValue(a.output, b.output) &&
         a.sources == b.sources && a.enterprise_name == b.enterprise_name && a.sub_park_id == b.sub_park_id &&
         a.industry == b.industry;
}

}  // namespace

StatusOr<FromPlatformView> EvaluationService::InputsFromPlatform(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  if (!platform_) return Status::Internal("平台数据读取未配置");
  PARKHQ_ASSIGN_OR_RETURN(auto figures, platform_->LoadPlatformFigures(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.LoadInputs(park_id, year));
  std::map<int64_t, const InputRecord*> by_id;
  for (const auto& r : stored) by_id[r.input.enterprise_id] = &r;
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.GetScheme(park_id, year));
  auto resolved = Resolve(park_id, year, saved ? *saved : DefaultScheme());

  FromPlatformView v;
  v.enterprises = static_cast<int64_t>(figures.size());
  std::vector<InputRecord> writes;
  for (const auto& f : figures) {
    auto it = by_id.find(f.enterprise_id);
    const InputRecord* old = it == by_id.end() ? nullptr : it->second;
    // A stored value may be replaced when it is absent or came from the platform itself.
    auto replaceable = [&](const std::optional<double>& value, const char* field) {
      if (!old || !value) return true;
      auto src = old->sources.find(field);
      return src != old->sources.end() && src->second == "platform";
    };
    if (f.approved_months == 0) {
      v.skipped.push_back({f.enterprise_id, "本年度没有已审核的月报", f.name});
      continue;
    }
    const bool land_kept = old && !replaceable(old->input.land_mu, "land_mu");
    if (!land_kept && !(f.land_mu && *f.land_mu > 0)) {
      v.skipped.push_back({f.enterprise_id, "未持有地块，用地面积缺失（用地面积为必填）", f.name});
      continue;
    }
    InputRecord m = old ? *old : InputRecord{};
    m.input.enterprise_id = f.enterprise_id;
    m.input.group = f.above_scale ? Group::kAboveScale : Group::kBelowScale;
    m.enterprise_name = f.name;
    if (f.sub_park_id) m.sub_park_id = f.sub_park_id;
    if (!m.industry && !f.leading_group.empty()) m.industry = f.leading_group;
    auto set = [&](std::optional<double>& into, const char* field, std::optional<double> value) {
      if (!replaceable(into, field)) return;
      into = value;
      if (value) m.sources[field] = "platform";
      else m.sources.erase(field);
    };
    if (!land_kept) set(m.input.land_mu, "land_mu", f.land_mu);
    for (const auto& pf : kPlatformFields) {
      auto sum = f.sums.find(pf.report);
      set(m.input.*pf.member, pf.input,
          sum == f.sums.end() ? std::nullopt : std::optional<double>(sum->second * pf.factor));
    }
    {
      auto sum = f.sums.find("employees");
      auto n = f.months.find("employees");
      set(m.input.employees_avg, "employees_avg",
          sum == f.sums.end() || n == f.months.end() || n->second <= 0
              ? std::nullopt
              : std::optional<double>(sum->second / static_cast<double>(n->second)));
    }
    {
      auto sum = f.sums.find("output");
      set(m.output, "output", sum == f.sums.end() ? std::nullopt : std::optional<double>(sum->second));
    }
    if (old && SameSheet(*old, m)) continue;  // nothing changed: keep the confirmation
    Status valid = ValidateInputs({m.input}, resolved.ok() ? &*resolved : nullptr);
    if (!valid.ok()) {
      if (!valid.IsValidation()) return valid;
      std::string reason = valid.message();
      if (!valid.details().empty()) {
        const auto& d = valid.details().front();
        const auto dot = d.field.find('.');
        reason = (dot == std::string::npos ? d.field : d.field.substr(dot + 1)) + "：" + d.message;
      }
      v.skipped.push_back({f.enterprise_id, reason, f.name});
      continue;
    }
    m.confirmed_at.reset();  // changed figures need a fresh 一企一单 confirmation
    m.confirmed_by.reset();
    writes.push_back(std::move(m));
  }
  if (!writes.empty()) PARKHQ_RETURN_IF_ERROR(repo_.UpsertInputs(park_id, year, writes, s));
  v.updated = static_cast<int64_t>(writes.size());
  return v;
}

StatusOr<std::vector<InputRecord>> EvaluationService::ListInputs(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterprise(s)) {
    if (!s.enterprise_id) return std::vector<InputRecord>{};
    return repo_.LoadInputs(park_id, year, *s.enterprise_id);
  }
  return repo_.LoadInputs(park_id, year);
}

StatusOr<InputRecord> EvaluationService::ConfirmInput(const Scope& s, int64_t park_id, int year,
                                                      int64_t enterprise_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (!IsEnterprise(s) || s.read_only)
    return Status::PermissionDenied("一企一单须由企业本身确认");
  if (!s.enterprise_id || *s.enterprise_id != enterprise_id) return Status::NotFound("企业数据不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, repo_.LoadInputs(park_id, year, enterprise_id));
  if (rows.empty()) return Status::NotFound("该企业本年度尚无评价数据");
  PARKHQ_RETURN_IF_ERROR(repo_.ConfirmInput(park_id, year, enterprise_id, s));
  PARKHQ_ASSIGN_OR_RETURN(rows, repo_.LoadInputs(park_id, year, enterprise_id));
  return rows.front();
}

StatusOr<RunView> EvaluationService::Run(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.GetScheme(park_id, year));
  const Scheme scheme = saved ? *saved : DefaultScheme();
  PARKHQ_ASSIGN_OR_RETURN(auto resolved, Resolve(park_id, year, scheme));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, repo_.LoadScoringInputs(park_id, year));
  if (rows.empty()) return Status::Validation("本年度尚无评价数据，请先导入", {{"inputs", "尚无数据"}});
  PARKHQ_ASSIGN_OR_RETURN(auto run, Evaluate(resolved, rows));
  std::vector<ResultRecord> results;
  results.reserve(run.items.size());
  for (auto& item : run.items) results.push_back(ResultRecord{std::move(item), std::nullopt, false});
  PARKHQ_RETURN_IF_ERROR(repo_.SaveRun(park_id, year, scheme, results, s).status());
  return Results(s, park_id, year);
}

StatusOr<RunView> EvaluationService::Results(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  RunView v;
  PARKHQ_ASSIGN_OR_RETURN(v.run, repo_.LatestRun(park_id, year));
  if (!v.run) return v;
  if (IsEnterprise(s)) {
    // An enterprise sees its own result once it is published (公示).
    if (v.run->status != "published" || !s.enterprise_id) {
      v.run.reset();
      return v;
    }
    PARKHQ_ASSIGN_OR_RETURN(v.items, repo_.LoadResults(park_id, v.run->id, *s.enterprise_id));
    return v;
  }
  PARKHQ_ASSIGN_OR_RETURN(v.items, repo_.LoadResults(park_id, v.run->id));
  SortResults(v.items);
  PARKHQ_ASSIGN_OR_RETURN(auto inputs, repo_.LoadInputs(park_id, year));
  for (const auto& r : inputs)
    if (!r.confirmed_at) ++v.unconfirmed;
  return v;
}

StatusOr<WhatIfView> EvaluationService::WhatIf(const Scope& s, int64_t park_id, int year,
                                               const Scheme& proposed) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterprise(s)) return Status::PermissionDenied("企业用户不能进行模拟测算");
  PARKHQ_RETURN_IF_ERROR(ValidateScheme(proposed));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.GetScheme(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto current, Resolve(park_id, year, saved ? *saved : DefaultScheme()));
  PARKHQ_ASSIGN_OR_RETURN(auto next, Resolve(park_id, year, proposed));
  PARKHQ_ASSIGN_OR_RETURN(const auto inputs, repo_.LoadScoringInputs(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto before, Evaluate(current, inputs));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Evaluate(next, inputs));
  WhatIfView v;
  v.changes = DiffRuns(before, after);
  v.enterprises = static_cast<int64_t>(inputs.size());
  for (Group g : {Group::kAboveScale, Group::kBelowScale}) {
    v.before[static_cast<int>(g)] = Counts(before, g);
    v.after[static_cast<int>(g)] = Counts(after, g);
  }
  return v;
}

StatusOr<MigrationView> EvaluationService::Migration(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterprise(s)) return Status::PermissionDenied("企业用户只能查看本企业结果");
  MigrationView v;
  v.year = year;
  std::vector<ClassOf> last, now;
  PARKHQ_ASSIGN_OR_RETURN(auto run_now, repo_.LatestRun(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto run_last, repo_.LatestRun(park_id, year - 1));
  if (run_now) {
    PARKHQ_ASSIGN_OR_RETURN(auto rs, repo_.LoadResults(park_id, run_now->id));
    for (const auto& r : rs) now.emplace_back(r.r.enterprise_id, r.r.cls);
  }
  if (run_last) {
    v.has_last_year = true;
    PARKHQ_ASSIGN_OR_RETURN(auto rs, repo_.LoadResults(park_id, run_last->id));
    for (const auto& r : rs) last.emplace_back(r.r.enterprise_id, r.r.cls);
  }
  v.matrix = evaluation::Migration(std::move(last), std::move(now));
  return v;
}

StatusOr<PerMuView> EvaluationService::PerMu(const Scope& s, int64_t park_id, int year,
                                             const std::vector<std::pair<int64_t, std::string>>& sub_parks) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterprise(s)) return Status::PermissionDenied("企业用户只能查看本企业结果");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, repo_.LoadInputs(park_id, year));
  auto add = [](PerMuFigure& f, const InputRecord& r) {
    if (r.input.excluded_reason || !r.input.land_mu || *r.input.land_mu <= 0) return;
    ++f.enterprises;
    f.land_mu += *r.input.land_mu;
    f.tax += r.input.tax.value_or(0);
    f.output += r.output ? *r.output : r.input.revenue.value_or(0);
    f.value_added += r.input.value_added.value_or(0);
  };
  auto finish = [](PerMuFigure& f) {
    if (f.land_mu > 0) {
      f.tax_per_mu = f.tax / f.land_mu;
      f.output_per_mu = f.output / f.land_mu;
      f.value_added_per_mu = f.value_added / f.land_mu;
    }
  };
  PerMuView v;
  v.park.key = "park";
  v.park.name = "全园区";
  std::map<std::string, PerMuFigure> sub, ind, grp;
  std::map<int64_t, std::string> sub_names(sub_parks.begin(), sub_parks.end());
  for (const auto& r : rows) {
    add(v.park, r);
    const std::string sk = r.sub_park_id ? std::to_string(*r.sub_park_id) : "";
    auto& sf = sub[sk];
    sf.key = sk;
    sf.name = r.sub_park_id ? (sub_names.count(*r.sub_park_id) ? sub_names[*r.sub_park_id] : sk) : "未分园区";
    add(sf, r);
    const std::string ik = r.industry.value_or("");
    auto& inf = ind[ik];
    inf.key = ik;
    inf.name = ik.empty() ? "未分产业" : ik;
    add(inf, r);
    const std::string gk = GroupCode(r.input.group);
    auto& gf = grp[gk];
    gf.key = gk;
    gf.name = r.input.group == Group::kAboveScale ? "规上企业" : "规下企业";
    add(gf, r);
  }
  finish(v.park);
  for (auto* m : {&sub, &ind, &grp})
    for (auto& [k, f] : *m) {
      finish(f);
      (m == &sub ? v.by_sub_park : m == &ind ? v.by_industry : v.by_group).push_back(f);
    }
  return v;
}

StatusOr<RunInfo> EvaluationService::Publish(const Scope& s, int64_t park_id, int year, int days) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  if (days < 1 || days > 60) return Status::Validation("公示期有误", {{"publicity_days", "应为 1 至 60 天"}});
  PARKHQ_ASSIGN_OR_RETURN(auto run, repo_.LatestRun(park_id, year));
  if (!run) return Status::Conflict("本年度尚未评价，不能公示");
  if (run->status == "published") return Status::Conflict("最新评价结果已经公示");
  const Date today = Today();
  PARKHQ_RETURN_IF_ERROR(
      repo_.Publish(park_id, run->id, today.ToString(), today.AddDays(days - 1).ToString(), s));
  PARKHQ_ASSIGN_OR_RETURN(run, repo_.LatestRun(park_id, year));
  return *run;
}

StatusOr<Appeal> EvaluationService::CreateAppeal(const Scope& s, int64_t park_id, int year, int64_t enterprise_id,
                                                 const std::string& reason) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (!IsEnterprise(s) || s.read_only) return Status::PermissionDenied("评价异议须由企业本身提出");
  if (!s.enterprise_id || *s.enterprise_id != enterprise_id) return Status::NotFound("企业不存在或无权访问");
  std::string r = reason;
  if (r.empty()) return Status::Validation("请填写异议理由", {{"reason", "必填"}});
  PARKHQ_ASSIGN_OR_RETURN(auto run, repo_.LatestRun(park_id, year));
  if (!run || run->status != "published") return Status::Conflict("评价结果尚未公示，暂不能提出异议");
  const std::string today = Today().ToString();
  if (run->publicity_end && today > *run->publicity_end) return Status::Conflict("公示期已结束，不能再提出异议");
  PARKHQ_ASSIGN_OR_RETURN(auto mine, repo_.LoadResults(park_id, run->id, enterprise_id));
  if (mine.empty()) return Status::NotFound("本企业不在本年度评价结果中");
  PARKHQ_ASSIGN_OR_RETURN(auto existing, repo_.ListAppeals(park_id, year, enterprise_id));
  for (const auto& a : existing)
    if (a.run_id == run->id && a.status == "pending") return Status::Conflict("已有待处理的异议");
  Appeal a;
  a.park_id = park_id;
  a.year = year;
  a.run_id = run->id;
  a.enterprise_id = enterprise_id;
  a.reason = r;
  a.class_before = ClassCode(mine.front().r.cls);
  PARKHQ_ASSIGN_OR_RETURN(a.id, repo_.CreateAppeal(a, s));
  PARKHQ_ASSIGN_OR_RETURN(auto found, repo_.FindAppeal(park_id, a.id));
  return *found;
}

StatusOr<std::vector<Appeal>> EvaluationService::ListAppeals(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterprise(s)) {
    if (!s.enterprise_id) return std::vector<Appeal>{};
    return repo_.ListAppeals(park_id, year, *s.enterprise_id);
  }
  return repo_.ListAppeals(park_id, year, std::nullopt);
}

StatusOr<Appeal> EvaluationService::DecideAppeal(const Scope& s, int64_t park_id, int64_t appeal_id,
                                                 const std::string& decision, std::optional<std::string> new_class,
                                                 const std::string& note) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto found, repo_.FindAppeal(park_id, appeal_id));
  if (!found) return Status::NotFound("异议不存在");
  std::vector<FieldError> errs;
  if (decision != "upheld" && decision != "rejected") errs.push_back({"decision", "应为 upheld（支持）或 rejected（驳回）"});
  if (new_class) {
    auto c = ParseClass(*new_class);
    if (!c || *c == EvalClass::kT) errs.push_back({"class", "应为 A、B、C 或 D"});
    else if (decision != "upheld") errs.push_back({"class", "只有支持异议时才能调整等级"});
  }
  if (note.empty()) errs.push_back({"note", "请填写处理意见"});
  if (!errs.empty()) return Status::Validation("处理意见有误", errs);
  if (found->status != "pending") return Status::Conflict("该异议已处理");
  Appeal a = *found;
  a.status = decision;
  a.decision_note = note;
  if (new_class && decision == "upheld") a.class_after = *new_class;
  PARKHQ_RETURN_IF_ERROR(repo_.DecideAppeal(a, s));
  PARKHQ_ASSIGN_OR_RETURN(found, repo_.FindAppeal(park_id, appeal_id));
  return *found;
}

}  // namespace parkhq::evaluation
