// Facilities and inspections; hazards are in hazard_service.cc.
#include "domain/safety/safety_service.h"

#include <cmath>

#include "common/time.h"

namespace parkhq::safety {

namespace {

// Staff who write safety data of a park: its admins (sysadmin included), and department users of
// a unit serving it. Never read-only callers.
bool IsStaffOf(const Scope& s, int64_t park) {
  if (s.read_only) return false;
  return s.CanAdminPark(park) || (s.role == Role::kDepartment && s.CanReadPark(park));
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

StatusOr<std::vector<int64_t>> SafetyService::ReadableParks(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  std::vector<int64_t> out;
  for (const auto& p : parks)
    if (s.CanReadPark(p.id) && (!park_id || p.id == *park_id)) out.push_back(p.id);
  if (park_id && out.empty()) return Status::NotFound("园区不存在或无权访问");
  return out;
}

StatusOr<int64_t> SafetyService::ResolvePark(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  for (const auto& p : parks) {
    if (!s.CanReadPark(p.id)) continue;
    if (park_id ? p.id == *park_id : !p.parent_id) return p.id;
  }
  return Status::NotFound("园区不存在或无权访问");
}

FacilityView SafetyService::View(const Facility& f, Date today) const {
  FacilityView v;
  v.f = f;
  v.permit_state = PermitLevel(f.permit_expiry, today, f.permit_warn_days);
  if (f.permit_expiry) v.permit_days_left = f.permit_expiry->DaysSinceEpoch() - today.DaysSinceEpoch();
  return v;
}

StatusOr<std::vector<FacilityView>> SafetyService::ListFacilities(const Scope& s, std::optional<int64_t> park_id) const {
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户无权查看园区公共设施");
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto list, repo_.ListFacilities(parks));
  const Date today = Today();
  std::vector<FacilityView> out;
  for (const auto& f : list) {
    FacilityView v = View(f, today);
    PARKHQ_ASSIGN_OR_RETURN(auto recs, repo_.ListRecords(f.id, 1));
    if (!recs.empty()) {
      v.latest = recs.front();
      v.load_pct = SharePct(v.latest->load, f.capacity);
      v.load_state = LimitLevel(v.latest->load, f.capacity, f.warn_pct);
      if (v.latest->discharge) {
        v.discharge_pct = SharePct(*v.latest->discharge, f.discharge_limit);
        v.discharge_state = LimitLevel(*v.latest->discharge, f.discharge_limit, f.warn_pct);
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<FacilityView> SafetyService::GetFacility(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto f, repo_.FindFacility(id));
  if (!f || !s.CanReadPark(f->park_id) || s.role == Role::kEnterprise)
    return Status::NotFound("设施不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto all, ListFacilities(s, f->park_id));
  for (auto& v : all)
    if (v.f.id == id) return v;
  return Status::NotFound("设施不存在或无权访问");
}

StatusOr<FacilityView> SafetyService::SaveFacility(const Scope& s, std::optional<int64_t> id, Facility in) const {
  if (id) {
    PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindFacility(*id));
    if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("设施不存在或无权访问");
    in.id = old->id;
    in.park_id = old->park_id;
    in.is_demo = old->is_demo;
    in.created_at = old->created_at;
  } else {
    PARKHQ_ASSIGN_OR_RETURN(in.park_id, ResolvePark(s, in.park_id ? std::optional<int64_t>(in.park_id) : std::nullopt));
  }
  if (!s.CanAdminPark(in.park_id) || s.read_only) return Status::PermissionDenied("只有园区管理员可以维护公共设施");
  std::vector<FieldError> e;
  if (in.name.empty()) e.push_back({"name", "必填"});
  if (in.kind.empty()) e.push_back({"kind", "必填"});
  if (in.capacity && !(*in.capacity > 0)) e.push_back({"capacity", "应大于 0"});
  if (in.discharge_limit && !(*in.discharge_limit > 0)) e.push_back({"discharge_limit", "应大于 0"});
  if (!(in.warn_pct >= 1 && in.warn_pct <= 100)) e.push_back({"warn_pct", "应在 1 到 100 之间"});
  if (in.permit_warn_days < 0 || in.permit_warn_days > 3650) e.push_back({"permit_warn_days", "应在 0 到 3650 之间"});
  if (!e.empty()) return Status::Validation("设施信息有误", e);
  in.updated_at = NowIso();
  if (in.created_at.empty()) in.created_at = in.updated_at;
  PARKHQ_ASSIGN_OR_RETURN(int64_t fid, repo_.SaveFacility(in, s));
  return GetFacility(s, fid);
}

StatusOr<std::vector<FacilityRecord>> SafetyService::ListRecords(const Scope& s, int64_t facility_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto f, GetFacility(s, facility_id));
  return repo_.ListRecords(f.f.id, 1000);
}

StatusOr<FacilityRecord> SafetyService::AddRecord(const Scope& s, int64_t facility_id, FacilityRecord in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto f, GetFacility(s, facility_id));
  if (!IsStaffOf(s, f.f.park_id)) return Status::PermissionDenied("只有园区管理员或服务园区的部门可以填报运行记录");
  if (in.recorded_on > Today()) return Status::FieldInvalid("recorded_on", "不能晚于今天");
  in.park_id = f.f.park_id;
  in.facility_id = f.f.id;
  in.created_by = s.username;
  in.created_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(in.id, repo_.AddRecord(in, s));
  return in;
}

StatusOr<std::vector<FacilityWarning>> SafetyService::Warnings(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto list, ListFacilities(s, park_id));
  std::vector<FacilityWarning> out;
  for (const auto& v : list) {
    const auto& f = v.f;
    auto warn = [&](const char* kind, const char* level, std::string msg) {
      out.push_back({f.id, f.name, kind, level, std::move(msg)});
    };
    const auto limit_msg = [&](const char* what, LimitState st, double pct, double limit) {
      return f.name + "最近一次" + what + "为限值（" + Fmt(limit) + f.unit + "）的 " + Fmt(pct) + "%" +
             (st == LimitState::kOver ? "，已超限" : "，接近限值");
    };
    if (v.load_state == LimitState::kNear || v.load_state == LimitState::kOver)
      warn("load", LimitStateName(v.load_state), limit_msg("负荷", v.load_state, *v.load_pct, *f.capacity));
    if (v.discharge_state == LimitState::kNear || v.discharge_state == LimitState::kOver)
      warn("discharge", LimitStateName(v.discharge_state),
          limit_msg("排放量", v.discharge_state, *v.discharge_pct, *f.discharge_limit));
    if (v.permit_state == PermitState::kExpired)
      warn("permit", "expired", f.name + "的许可证（" + f.permit_no + "）已于 " + f.permit_expiry->ToString() + " 过期");
    if (v.permit_state == PermitState::kExpiring)
      warn("permit", "expiring", f.name + "的许可证（" + f.permit_no + "）将于 " + f.permit_expiry->ToString() +
                                    " 到期（剩 " + std::to_string(*v.permit_days_left) + " 天）");
  }
  return out;
}

StatusOr<std::vector<Inspection>> SafetyService::ListInspections(const Scope& s, std::optional<int64_t> park_id) const {
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户无权查看检查记录");
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  return repo_.ListInspections(parks);
}

Status SafetyService::CheckInspection(const Scope& s, int64_t park, const InspectionInput& in, Date today,
                                      std::vector<FieldError>& e, Inspection& i, std::vector<Hazard>& hazards) const {
  i.park_id = park;
  auto on = Date::Parse(in.inspected_on);
  if (!on) e.push_back({"inspected_on", "应为 YYYY-MM-DD"});
  else if (!in.planned && *on > today) e.push_back({"inspected_on", "不能晚于今天"});
  else if (in.planned && (*on < today || *on > today.AddYears(1))) e.push_back({"inspected_on", "计划日期应在今天到一年之内"});
  else i.inspected_on = *on;
  if (in.inspector.empty()) e.push_back({"inspector", "必填"});
  i.inspector = in.inspector;
  i.place = in.place;
  i.checklist = in.checklist;
  i.provider = in.provider;
  i.notes = in.notes;
  i.status = in.planned ? "planned" : "done";
  if (in.enterprise_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto ep, repo_.EnterprisePark(*in.enterprise_id));
    if (!ep || *ep != park) e.push_back({"enterprise_id", "企业不存在或不属于该园区"});
    i.enterprise_id = in.enterprise_id;
  }
  if (in.facility_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto f, repo_.FindFacility(*in.facility_id));
    if (!f || f->park_id != park) e.push_back({"facility_id", "设施不存在或不属于该园区"});
    i.facility_id = in.facility_id;
  }
  if (in.planned && !in.hazards.empty()) e.push_back({"hazards", "计划中的检查还没有发现隐患"});
  if (in.hazards.size() > 50) e.push_back({"hazards", "一次最多登记 50 条隐患"});
  for (size_t k = 0; k < in.hazards.size() && k < 50 && !in.planned; ++k) {
    HazardInput h = in.hazards[k];
    h.park_id = park;
    if (!h.enterprise_id && !h.facility_id) {
      h.enterprise_id = in.enterprise_id;
      h.facility_id = in.facility_id;
    }
    if (on) h.found_on = on->ToString();
    Hazard out;
    PARKHQ_RETURN_IF_ERROR(CheckHazard(s, park, h, "hazards[" + std::to_string(k) + "].", today, e, out));
    hazards.push_back(std::move(out));
  }
  return Status::Ok();
}

StatusOr<Inspection> SafetyService::CreateInspection(const Scope& s, const InspectionInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, in.park_id));
  if (!IsStaffOf(s, park)) return Status::PermissionDenied("只有园区管理员或服务园区的部门可以登记检查");
  std::vector<FieldError> e;
  Inspection i;
  std::vector<Hazard> hazards;
  PARKHQ_RETURN_IF_ERROR(CheckInspection(s, park, in, Today(), e, i, hazards));
  if (!e.empty()) return Status::Validation("检查记录有误", e);
  i.created_by = s.username;
  i.created_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(i.id, repo_.CreateInspection(i, hazards, s));
  i.hazard_count = static_cast<int>(hazards.size());
  return i;
}

StatusOr<Inspection> SafetyService::CompleteInspection(const Scope& s, int64_t id, const InspectionInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindInspection(id));
  if (!old || !s.CanReadPark(old->park_id) || s.role == Role::kEnterprise)
    return Status::NotFound("检查记录不存在或无权访问");
  if (!IsStaffOf(s, old->park_id)) return Status::PermissionDenied("只有园区管理员或服务园区的部门可以登记检查");
  if (old->status != "planned") return Status::Conflict("该检查已完成，不能再次登记");
  InspectionInput x = in;
  x.planned = false;
  // Fields left out keep the plan's.
  if (x.inspector.empty()) x.inspector = old->inspector;
  if (x.place.empty()) x.place = old->place;
  if (!x.enterprise_id) x.enterprise_id = old->enterprise_id;
  if (!x.facility_id) x.facility_id = old->facility_id;
  if (x.checklist.empty()) x.checklist = old->checklist;
  if (x.provider.empty()) x.provider = old->provider;
  if (x.notes.empty()) x.notes = old->notes;
  std::vector<FieldError> e;
  Inspection i;
  std::vector<Hazard> hazards;
  PARKHQ_RETURN_IF_ERROR(CheckInspection(s, old->park_id, x, Today(), e, i, hazards));
  if (!e.empty()) return Status::Validation("检查记录有误", e);
  i.id = old->id;
  i.created_by = old->created_by;
  i.created_at = old->created_at;
  i.is_demo = old->is_demo;
  PARKHQ_RETURN_IF_ERROR(repo_.CompleteInspection(i, hazards, s));
  i.hazard_count = static_cast<int>(hazards.size());
  return i;
}

}  // namespace parkhq::safety
