#include "domain/access/scope.h"

#include <algorithm>

namespace parkhq {

const char* RoleName(Role r) {
  switch (r) {
    case Role::kSysadmin: return "sysadmin";
    case Role::kParkAdmin: return "park_admin";
    case Role::kDepartment: return "department";
    case Role::kEnterprise: return "enterprise";
    case Role::kLeader: return "leader";
  }
  return "leader";
}

const char* RoleNameZh(Role r) {
  switch (r) {
    case Role::kSysadmin: return "系统管理员";
    case Role::kParkAdmin: return "园区管理员";
    case Role::kDepartment: return "部门用户";
    case Role::kEnterprise: return "企业用户";
    case Role::kLeader: return "领导";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (Role r : {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise, Role::kLeader})
    if (s == RoleName(r)) return r;
  return std::nullopt;
}

bool Scope::CanReadPark(int64_t park_id) const {
  if (all_parks) return true;
  return std::find(park_ids.begin(), park_ids.end(), park_id) != park_ids.end();
}

bool Scope::CanAdminPark(int64_t park_id) const {
  if (read_only) return false;
  if (role == Role::kSysadmin && all_parks) return true;
  return (role == Role::kSysadmin || role == Role::kParkAdmin) && CanReadPark(park_id);
}

bool Scope::CanKeepRegister(std::string_view code, int64_t park_id) const {
  if (read_only) return false;
  if (CanAdminPark(park_id)) return true;
  if (role != Role::kDepartment || !CanReadPark(park_id)) return false;
  for (const auto& [reg, park] : keeps)
    if (park == park_id && reg == code) return true;
  return false;
}

bool Scope::CanActForEnterprise(int64_t eid, int64_t enterprise_park_id) const {
  if (read_only) return false;
  if (role == Role::kEnterprise) return enterprise_id && *enterprise_id == eid;
  return CanAdminPark(enterprise_park_id);
}

const char* Scope::ScopeKind() const {
  if (all_parks) return "all";
  if (role == Role::kEnterprise) return "enterprise";
  if (role == Role::kDepartment) return "unit";
  return "park";
}

}  // namespace parkhq
