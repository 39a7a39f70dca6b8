// Who is asking, and what data they may touch. Built once per request from the session or API
// token; every service call takes it. Plain values only: no HTTP, no SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parkhq {

enum class Role { kSysadmin, kParkAdmin, kDepartment, kEnterprise, kLeader };

// "sysadmin" | "park_admin" | "department" | "enterprise" | "leader"
const char* RoleName(Role r);
std::optional<Role> ParseRole(std::string_view s);
// 系统管理员 | 园区管理员 | 部门用户 | 企业用户 | 领导
const char* RoleNameZh(Role r);

struct Scope {
  int64_t user_id = 0;
  std::string username;
  Role role = Role::kLeader;
  // Parks (with their sub-parks) this caller may read. Empty with all_parks=false means none.
  bool all_parks = false;
  std::vector<int64_t> park_ids;
  std::optional<int64_t> unit_id;        // department users
  std::optional<int64_t> enterprise_id;  // enterprise users
  bool read_only = false;                // leaders, read-only API tokens
  // Registers (台账) a department user keeps, as (register code, park id) pairs, sub-parks
  // included (issue 11 item 7; codes and the plan's assignment: domain/access/registers.h).
  std::vector<std::pair<std::string, int64_t>> keeps;
  std::string ip;                        // where the request came from (for the audit log)

  bool IsSysadmin() const { return role == Role::kSysadmin; }
  // May this caller read data of this park (or sub-park)?
  bool CanReadPark(int64_t park_id) const;
  // May this caller write park-level data (targets, monitoring values, reviews) of this park?
  // Sysadmins and the park's admins; departments and enterprises write only their own items.
  bool CanAdminPark(int64_t park_id) const;
  // May this caller write the register `code` of this park: CanAdminPark, or a department user whose
  // unit keeps it there (and serves the park). Never for read-only callers.
  bool CanKeepRegister(std::string_view code, int64_t park_id) const;
  // May this caller act for this enterprise (enterprise users: only their own)?
  bool CanActForEnterprise(int64_t enterprise_id, int64_t enterprise_park_id) const;
  // "all" | "park" | "unit" | "enterprise"
  const char* ScopeKind() const;
};

}  // namespace parkhq
