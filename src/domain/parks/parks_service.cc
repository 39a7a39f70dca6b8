#include "domain/parks/parks_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/enterprise/rule_expr.h"

namespace parkhq::parks {
namespace {

using Vars = std::map<std::string, double, std::less<>>;

Status Denied(const Scope& s, const char* what) {
  if (s.read_only) return Status::PermissionDenied("只读账号不能修改数据");
  return Status::PermissionDenied(what);
}

std::set<int64_t> RegionTree(const std::vector<Region>& regions, int64_t root) {
  std::set<int64_t> out{root};
  bool grew = true;
  while (grew) {
    grew = false;
    for (const auto& r : regions)
      if (r.parent_id && out.count(*r.parent_id) && !out.count(r.id)) grew = out.insert(r.id).second;
  }
  return out;
}

std::optional<double> Evaluate(const EvalIndicator& ind, const Vars& cur, const Vars* prev) {
  auto expr = enterprise::Expr::Parse(ind.formula, nullptr, "formula");
  if (!expr.ok()) return std::nullopt;
  enterprise::EvalContext ctx;
  ctx.current = &cur;
  ctx.last_year = prev;
  return expr->Evaluate(ctx);
}

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return Status::Validation("年份有误", {{"year", "年份应在2000到2100之间"}});
  return Status::Ok();
}

}  // namespace

StatusOr<Park> ParksService::ReadablePark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, org_.FindPark(park_id));
  if (!p || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return *p;
}

StatusOr<Park> ParksService::WritablePark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, ReadablePark(s, park_id));
  if (s.read_only || !s.CanAdminPark(park_id)) return Denied(s, "只有系统管理员和本园区管理员可以修改园区评价和认定台账");
  return p;
}

StatusOr<std::vector<EvalScheme>> ParksService::ListSchemes(const Scope&) const { return repo_.ListSchemes(); }

StatusOr<std::vector<std::map<std::string, std::optional<double>>>> ParksService::IndicatorValues(
    const EvalScheme& scheme, const std::vector<Park>& all, const std::vector<int64_t>& ids, int year,
    std::vector<Vars>* vars_out) const {
  std::vector<std::map<std::string, std::optional<double>>> out;
  for (int64_t id : ids) {
    const std::vector<int64_t> tree = WithSubParks(all, {id});
    Vars by_year[2];
    for (int k = 0; k < 2; ++k) {
      PARKHQ_ASSIGN_OR_RETURN(by_year[k], repo_.PlatformVariables(id, tree, year - k));
      PARKHQ_ASSIGN_OR_RETURN(auto entries, repo_.ListEntries(id, year - k));
      for (const auto& e : entries) by_year[k].emplace(e.code, e.value);  // fills gaps only
    }
    std::map<std::string, std::optional<double>> values;
    for (const auto& ind : scheme.indicators)
      values[ind.code] = Evaluate(ind, by_year[0], by_year[1].empty() ? nullptr : &by_year[1]);
    out.push_back(std::move(values));
    if (vars_out) vars_out->push_back(std::move(by_year[0]));
  }
  return out;
}

StatusOr<RegionEvaluation> ParksService::EvaluateRegion(const Scope& s, int64_t region_id, int year,
                                                        const std::string& scheme_code) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_ASSIGN_OR_RETURN(auto region, org_.FindRegion(region_id));
  if (!region) return Status::NotFound("地区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto schemes, repo_.ListSchemes());
  auto scheme = std::find_if(schemes.begin(), schemes.end(), [&](const auto& x) { return x.code == scheme_code; });
  if (scheme == schemes.end()) return Status::NotFound("评价方案不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto regions, org_.ListRegions());
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  const std::set<int64_t> tree = RegionTree(regions, region_id);
  std::vector<int64_t> ids;
  std::vector<const Park*> chosen;
  for (const auto& p : parks)
    if (!p.parent_id && tree.count(p.region_id) && s.CanReadPark(p.id)) {
      ids.push_back(p.id);
      chosen.push_back(&p);
    }
  if (ids.empty()) return Status::NotFound("地区不存在或无权访问");

  std::vector<Vars> vars;
  PARKHQ_ASSIGN_OR_RETURN(auto now_values, IndicatorValues(*scheme, parks, ids, year, &vars));
  PARKHQ_ASSIGN_OR_RETURN(auto prev_values, IndicatorValues(*scheme, parks, ids, year - 1, nullptr));
  const auto now = ScoreParks(*scheme, ids, now_values);
  const auto prev = ScoreParks(*scheme, ids, prev_values);

  RegionEvaluation r;
  r.region_id = region->id;
  r.region_name = region->name;
  r.year = year;
  r.scheme = *scheme;
  for (size_t i = 0; i < ids.size(); ++i) {
    ParkEvaluation e;
    e.park_id = ids[i];
    e.park_name = chosen[i]->name;
    e.is_demo = chosen[i]->is_demo;
    e.result = now[i];
    bool had_data = false;
    for (const auto& [code, v] : prev_values[i]) had_data = had_data || v.has_value();
    if (had_data) {
      e.previous_score = prev[i].score;
      e.previous_rank = prev[i].rank;
    }
    e.lost = LostPoints(now[i], 3);
    e.variables = std::move(vars[i]);
    r.parks.push_back(std::move(e));
  }
  std::stable_sort(r.parks.begin(), r.parks.end(),
                   [](const auto& a, const auto& b) { return a.result.rank < b.result.rank; });
  return r;
}

StatusOr<std::vector<EvalEntry>> ParksService::ListEntries(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  return repo_.ListEntries(park_id, year);
}

Status ParksService::PutEntries(const Scope& s, int64_t park_id, int year,
                                const std::vector<EvalEntry>& entries) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_ASSIGN_OR_RETURN(auto park, WritablePark(s, park_id));
  if (park.parent_id) return Status::Validation("只能为园区（非子园区）填报评价数据", {{"park_id", "请选择园区"}});
  std::vector<FieldError> errors;
  std::set<std::string> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string at = "entries[" + std::to_string(i) + "].";
    const auto& e = entries[i];
    const EnteredVariable* v = FindEnteredVariable(e.code);
    if (!v) {
      errors.push_back({at + "code", "不是可填报的评价数据"});
      continue;
    }
    if (!seen.insert(e.code).second) errors.push_back({at + "code", "同一数据重复填报"});
    if (!std::isfinite(e.value) || e.value < 0 || e.value > v->max) errors.push_back({at + "value", "数值超出合理范围"});
    if (e.evidence.empty()) errors.push_back({at + "evidence", "请填写佐证材料"});
    if (e.evidence.size() > 1500) errors.push_back({at + "evidence", "佐证材料过长"});
  }
  if (entries.size() > 50) errors.push_back({"entries", "一次最多填报50项"});
  if (!errors.empty()) return Status::Validation("输入有误，请检查标出的字段", std::move(errors));
  return repo_.PutEntries(s, park_id, year, entries);
}

StatusOr<std::vector<ChemCategoryProgress>> ParksService::ChemLedger(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto categories, repo_.ChemCategories());
  PARKHQ_ASSIGN_OR_RETURN(auto items, repo_.ListChemItems(park_id));
  return GroupByCategory(categories, items);
}

StatusOr<ChemItem> ParksService::CreateChemItem(const Scope& s, ChemItem item) const {
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, item.park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto categories, repo_.ChemCategories());
  PARKHQ_RETURN_IF_ERROR(ValidateChemItem(item, categories));
  PARKHQ_ASSIGN_OR_RETURN(item.id, repo_.CreateChemItem(s, item));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindChemItem(item.id));
  if (!stored) return Status::Internal("chem item vanished");
  return *stored;
}

StatusOr<ChemItem> ParksService::UpdateChemItem(const Scope& s, ChemItem item) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindChemItem(item.id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("认定事项不存在或无权访问");
  item.park_id = old->park_id;
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, item.park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto categories, repo_.ChemCategories());
  PARKHQ_RETURN_IF_ERROR(ValidateChemItem(item, categories));
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateChemItem(s, item));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindChemItem(item.id));
  if (!stored) return Status::Internal("chem item vanished");
  return *stored;
}

Status ParksService::DeleteChemItem(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindChemItem(id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("认定事项不存在或无权访问");
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, old->park_id).status());
  return repo_.DeleteChemItem(s, id);
}

}  // namespace parkhq::parks
