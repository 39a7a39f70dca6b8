#include "domain/gates/land_quota_service.h"

namespace parkhq::gates {
namespace {

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return Status::FieldInvalid("year", "年度应在2000至2100之间");
  return Status::Ok();
}

Status Readable(const Scope& s, int64_t park_id) {
  if (s.role == Role::kEnterprise || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return Status::Ok();
}

Status Writable(const Scope& s, int64_t park_id) {
  PARKHQ_RETURN_IF_ERROR(Readable(s, park_id));
  if (s.read_only || !s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以维护用地计划");
  return Status::Ok();
}

}  // namespace

StatusOr<QuotaYear> LandQuotaService::Get(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  QuotaYear out;
  out.park_id = park_id;
  out.year = year;
  PARKHQ_ASSIGN_OR_RETURN(out.quota, repo_.FindQuota(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(out.allocations, repo_.Allocations(park_id, year));
  out.use = ComputeQuotaUse(out.quota.value_or(LandQuota{park_id, year, 0, "", false}), out.allocations);
  return out;
}

StatusOr<QuotaYear> LandQuotaService::SetQuota(const Scope& s, int64_t park_id, int year, LandQuota q) const {
  PARKHQ_RETURN_IF_ERROR(Writable(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  q.park_id = park_id;
  q.year = year;
  PARKHQ_RETURN_IF_ERROR(ValidateQuota(q));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveQuota(q, s));
  return Get(s, park_id, year);
}

StatusOr<QuotaYear> LandQuotaService::Allocate(const Scope& s, int64_t park_id, int year, LandAllocation a) const {
  PARKHQ_RETURN_IF_ERROR(Writable(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  a.park_id = park_id;
  a.year = year;
  a.created_by = s.username;
  if (a.allocated_on == Date{}) a.allocated_on = Today();
  if (a.project_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.Project(*a.project_id));
    if (!p || p->first != park_id) return Status::FieldInvalid("project_id", "项目不存在或不属于本园区");
    if (a.title.empty()) a.title = p->second;
  }
  PARKHQ_RETURN_IF_ERROR(repo_.AddAllocation(a, s.CanAdminPark(park_id), Today(), s).status());
  return Get(s, park_id, year);
}

}  // namespace parkhq::gates
