#include "domain/org/org_service.h"

#include <algorithm>
#include <set>

namespace parkhq {

std::vector<int64_t> WithSubParks(const std::vector<Park>& parks, const std::vector<int64_t>& roots) {
  std::set<int64_t> out(roots.begin(), roots.end());
  bool grew = true;
  while (grew) {
    grew = false;
    for (const auto& p : parks)
      if (p.parent_id && out.count(*p.parent_id) && !out.count(p.id)) {
        out.insert(p.id);
        grew = true;
      }
  }
  return {out.begin(), out.end()};
}

StatusOr<std::vector<Region>> OrgService::ListRegions(const Scope& s) const { return repo_.ListRegions(); }

StatusOr<std::vector<Park>> OrgService::ListParks(const Scope& s) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, repo_.ListParks());
  std::vector<Park> out;
  for (auto& p : parks)
    if (s.CanReadPark(p.id)) out.push_back(std::move(p));
  return out;
}

StatusOr<Park> OrgService::GetPark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.FindPark(park_id));
  if (!p || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return *p;
}

StatusOr<Park> OrgService::CreatePark(const Scope& s, const NewPark& in) const {
  if (!s.IsSysadmin() || s.read_only) return Status::PermissionDenied("只有系统管理员可以新建园区");
  std::vector<FieldError> errs;
  std::string name = in.name;
  if (name.empty()) errs.push_back({"name", "请填写园区名称"});
  if (name.size() > 100) errs.push_back({"name", "园区名称过长（最多 100 字节）"});
  Park p;
  p.name = name;
  if (in.parent_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto parent, repo_.FindPark(*in.parent_id));
    if (!parent) errs.push_back({"parent_id", "上级园区不存在"});
    else {
      p.parent_id = parent->id;
      p.region_id = parent->region_id;
    }
  }
  if (in.region_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto region, repo_.FindRegion(*in.region_id));
    if (!region) errs.push_back({"region_id", "所属地区不存在"});
    else if (p.parent_id && p.region_id != region->id)
      errs.push_back({"region_id", "子园区须与上级园区属于同一地区"});
    else p.region_id = region->id;
  }
  if (!errs.empty()) return Status::Validation("园区信息有误", errs);
  if (p.region_id == 0) {
    PARKHQ_ASSIGN_OR_RETURN(auto regions, repo_.ListRegions());
    if (regions.empty()) return Status::Validation("尚无地区，请先建立地区", {{"region_id", "必填"}});
    p.region_id = regions.back().id;  // the most specific (last created) region
  }
  PARKHQ_ASSIGN_OR_RETURN(p.id, repo_.CreatePark(p, s));
  return p;
}

StatusOr<std::vector<Unit>> OrgService::ListUnits(const Scope& s) const {
  PARKHQ_ASSIGN_OR_RETURN(auto units, repo_.ListUnits());
  if (s.all_parks) return units;
  // A bank (a unit of kind "bank", issue 16) is a partner of the parks it serves: listed only to
  // callers of one of them. The city's departments are listed to everyone.
  std::vector<Unit> out;
  for (auto& u : units) {
    if (u.kind == "bank") {
      PARKHQ_ASSIGN_OR_RETURN(auto parks, repo_.ParksServedByUnit(u.id));
      if (std::none_of(parks.begin(), parks.end(), [&](int64_t p) { return s.CanReadPark(p); })) continue;
    }
    out.push_back(std::move(u));
  }
  return out;
}

StatusOr<std::vector<Task>> OrgService::ListTasks(const Scope& s, std::optional<int64_t> park_id) const {
  std::vector<int64_t> ids;
  if (park_id) {
    PARKHQ_RETURN_IF_ERROR(GetPark(s, *park_id).status());
    ids.push_back(*park_id);
  } else {
    PARKHQ_ASSIGN_OR_RETURN(auto parks, ListParks(s));
    for (const auto& p : parks) ids.push_back(p.id);
  }
  return repo_.ListTasks(ids);
}

}  // namespace parkhq
