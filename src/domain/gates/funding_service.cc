#include "domain/gates/funding_service.h"

#include <map>

namespace parkhq::gates {
namespace {

Status ReadablePark(const Scope& s, int64_t park_id) {
  if (s.role == Role::kEnterprise || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return Status::Ok();
}

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return Status::FieldInvalid("year", "年度应在2000至2100之间");
  return Status::Ok();
}

}  // namespace

StatusOr<FundedProject> FundingService::Readable(const Scope& s, int64_t project_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.Project(project_id));
  if (!p || s.role == Role::kEnterprise || !s.CanReadPark(p->park_id))
    return Status::NotFound("项目不存在或无权访问");
  return *p;
}

StatusOr<std::vector<FundingRecord>> FundingService::ProjectFunding(const Scope& s, int64_t project_id,
                                                                    int year) const {
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_RETURN_IF_ERROR(Readable(s, project_id).status());
  return repo_.ProjectRecords(project_id, year);
}

StatusOr<std::vector<FundingRecord>> FundingService::Save(const Scope& s, int64_t project_id, FundingRecord r) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Readable(s, project_id));
  if (s.read_only || !s.CanAdminPark(p.park_id)) return Status::PermissionDenied("只有园区管理员可以填报项目资金来源");
  r.project_id = project_id;
  const Date today = Today();
  PARKHQ_RETURN_IF_ERROR(ValidateFunding(r, Period{today.year, today.month}));
  PARKHQ_RETURN_IF_ERROR(repo_.Save(p.park_id, r, s));
  return repo_.ProjectRecords(project_id, r.period.year);
}

StatusOr<std::vector<SourceTotal>> FundingService::ParkTotals(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_ASSIGN_OR_RETURN(auto records, repo_.ParkRecords(park_id, year));
  return TotalsBySource(records, year);
}

StatusOr<std::vector<FundingService::BondRow>> FundingService::ParkBondProjects(const Scope& s, int64_t park_id,
                                                                                int year) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_ASSIGN_OR_RETURN(auto records, repo_.ParkRecords(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.ParkProjects(park_id));
  std::map<int64_t, FundedProject> by;
  for (auto& p : projects) by[p.id] = std::move(p);
  std::vector<BondRow> out;
  for (auto& b : BondProjects(records, year)) out.push_back({by[b.project_id], std::move(b)});
  return out;
}

}  // namespace parkhq::gates
