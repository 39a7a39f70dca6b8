#include "domain/sme/sme.h"

namespace parkhq::sme {

bool CanManage(const Scope& s, int64_t park_id, std::optional<int64_t> operator_unit_id) {
  if (s.read_only) return false;
  if (s.CanAdminPark(park_id)) return true;
  return s.role == Role::kDepartment && s.unit_id && operator_unit_id && *s.unit_id == *operator_unit_id &&
         s.CanReadPark(park_id);
}

bool SeesTenantData(const Scope& s, int64_t park_id, std::optional<int64_t> operator_unit_id,
                    std::optional<int64_t> enterprise_id) {
  if (!s.CanReadPark(park_id)) return false;
  switch (s.role) {
    case Role::kSysadmin:
    case Role::kParkAdmin:
    case Role::kLeader:
      return true;
    case Role::kDepartment:
      return s.unit_id && operator_unit_id && *s.unit_id == *operator_unit_id;
    case Role::kEnterprise:
      return s.enterprise_id && enterprise_id && *s.enterprise_id == *enterprise_id;
  }
  return false;
}

}  // namespace parkhq::sme
