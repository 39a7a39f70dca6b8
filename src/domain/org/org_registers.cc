// Registers (台账) and their keepers per park (issue 11 item 7). The assignment itself is pure
// (domain/access/registers.cc); here: reading, checking and writing it with its audit row.
#include <algorithm>

#include "domain/org/org_service.h"

namespace parkhq {
namespace {

std::vector<Unit> UnitsOf(const std::vector<Unit>& all, const std::vector<int64_t>& ids) {
  std::vector<Unit> out;
  for (int64_t id : ids)
    for (const Unit& u : all)
      if (u.id == id) out.push_back(u);
  return out;
}

// {"crm":[5,7],...} for the audit row (codes and ids only, nothing to escape).
std::string AssignmentText(const RegisterAssignment& a) {
  std::string out = "{";
  for (const auto& [code, ids] : a) {
    if (out.size() > 1) out += ",";
    out += "\"" + code + "\":[";
    for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
    out += "]";
  }
  return out + "}";
}

}  // namespace

StatusOr<std::vector<RegisterKeepers>> OrgService::Registers(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, GetPark(s, park_id));
  const int64_t root = park.parent_id.value_or(park.id);
  PARKHQ_ASSIGN_OR_RETURN(auto units, repo_.ListUnits());
  PARKHQ_ASSIGN_OR_RETURN(auto overrides, repo_.RegisterOverrides({root}));
  const RegisterAssignment effective = EffectiveAssignment(units, overrides[root]);
  const RegisterAssignment plan = EffectiveAssignment(units, {});
  std::vector<RegisterKeepers> out;
  for (const auto& info : AllRegisters()) {
    RegisterKeepers k;
    k.info = &info;
    k.units = UnitsOf(units, effective.at(info.code));
    k.default_units = UnitsOf(units, plan.at(info.code));
    // The plan's keepers, whether or not the park ever changed them.
    std::vector<int64_t> mine = effective.at(info.code), plan_ids = plan.at(info.code);
    std::sort(mine.begin(), mine.end());
    std::sort(plan_ids.begin(), plan_ids.end());
    k.is_default = mine == plan_ids;
    out.push_back(std::move(k));
  }
  return out;
}

StatusOr<std::vector<RegisterKeepers>> OrgService::PutRegisters(
    const Scope& s, int64_t park_id, const std::map<std::string, std::vector<int64_t>>& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, GetPark(s, park_id));
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以分配台账责任部门");
  if (park.parent_id) return Status::FieldInvalid("park_id", "台账责任部门按园区（非子园区）分配");
  PARKHQ_ASSIGN_OR_RETURN(auto units, repo_.ListUnits());
  std::vector<FieldError> errs;
  for (const auto& [code, ids] : in) {
    const std::string field = "registers." + code;
    if (!FindRegister(code)) {
      errs.push_back({field, "未知台账：" + code});
      continue;
    }
    if (ids.size() > 20) errs.push_back({field, "责任部门过多（最多 20 个）"});
    for (int64_t id : ids) {
      auto u = std::find_if(units.begin(), units.end(), [&](const Unit& x) { return x.id == id; });
      if (u == units.end() || u->kind == "park_committee") {
        errs.push_back({field, "单位不存在或不是部门：" + std::to_string(id)});
        continue;
      }
      PARKHQ_ASSIGN_OR_RETURN(auto served, repo_.ParksServedByUnit(id));
      if (std::find(served.begin(), served.end(), park_id) == served.end())
        errs.push_back({field, "该单位不服务本园区：" + u->name});
    }
  }
  if (!errs.empty()) return Status::Validation("台账责任部门有误", std::move(errs));
  PARKHQ_ASSIGN_OR_RETURN(auto overrides, repo_.RegisterOverrides({park_id}));
  const RegisterAssignment before = EffectiveAssignment(units, overrides[park_id]);
  RegisterAssignment after = before;
  for (const auto& [code, ids] : in) after[code] = ids;
  PARKHQ_RETURN_IF_ERROR(
      repo_.PutRegisterOverrides(park_id, in, AssignmentText(before), AssignmentText(after), s));
  return Registers(s, park_id);
}

}  // namespace parkhq
