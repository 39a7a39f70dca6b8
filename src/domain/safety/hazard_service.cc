// Hidden hazards (隐患排查治理): found → rectified → re-checked (closed or reopened), overdue
// escalation to 督办, statistics and photos.
#include "common/crypto.h"
#include "common/time.h"
#include "domain/safety/safety_service.h"
#include "domain/task/attachments.h"
#include "domain/task/task_service.h"

namespace parkhq::safety {

namespace {

bool IsStaffOf(const Scope& s, int64_t park) {
  if (s.read_only) return false;
  return s.CanAdminPark(park) || (s.role == Role::kDepartment && s.CanReadPark(park));
}

// May the caller rectify (and add photos to) this hazard? Its enterprise's users, or park staff.
bool MayRectify(const Scope& s, const Hazard& h) {
  if (s.read_only) return false;
  if (s.role == Role::kEnterprise)
    return h.enterprise_id && s.enterprise_id && *s.enterprise_id == *h.enterprise_id;
  return IsStaffOf(s, h.park_id);
}

}  // namespace

Status SafetyService::CheckHazard(const Scope& s, int64_t park, const HazardInput& in, const std::string& prefix,
                                  Date today, std::vector<FieldError>& e, Hazard& out) const {
  (void)s;
  out.park_id = park;
  auto level = ParseLevel(in.level);
  if (!level) e.push_back({prefix + "level", "应为 general（一般）或 major（重大）"});
  else out.level = *level;
  if (in.description.empty()) e.push_back({prefix + "description", "必填"});
  out.description = in.description;
  out.measures = in.measures;
  out.category = in.category;
  out.responsible = in.responsible;
  // Found on: the given date (an inspection's day, or a hazard recorded afterwards), else today.
  out.found_on = today;
  if (!in.found_on.empty()) {
    auto f = Date::Parse(in.found_on);
    if (!f || f->year < 2000) e.push_back({prefix + "found_on", "应为 YYYY-MM-DD"});
    else if (*f > today) e.push_back({prefix + "found_on", "不能晚于今天"});
    else out.found_on = *f;
  }
  auto deadline = Date::Parse(in.deadline);
  if (!deadline || deadline->year < 2000) e.push_back({prefix + "deadline", "应为 YYYY-MM-DD"});
  else if (*deadline < out.found_on) e.push_back({prefix + "deadline", "整改期限不能早于发现日期"});
  else if (*deadline > out.found_on.AddYears(3)) e.push_back({prefix + "deadline", "整改期限不能超过发现后三年"});
  else out.deadline = *deadline;
  if (in.enterprise_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto ep, repo_.EnterprisePark(*in.enterprise_id));
    if (!ep || *ep != park) e.push_back({prefix + "enterprise_id", "企业不存在或不属于该园区"});
    out.enterprise_id = in.enterprise_id;
  }
  if (in.facility_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto f, repo_.FindFacility(*in.facility_id));
    if (!f || f->park_id != park) e.push_back({prefix + "facility_id", "设施不存在或不属于该园区"});
    out.facility_id = in.facility_id;
  }
  out.state = HazardState::kOpen;
  out.found_by = s.username;
  out.created_at = NowIso();
  out.updated_at = out.created_at;
  return Status::Ok();
}

StatusOr<std::vector<Hazard>> SafetyService::ListHazards(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  if (s.role == Role::kEnterprise) {
    if (!s.enterprise_id) return std::vector<Hazard>{};
    return repo_.ListHazards(parks, s.enterprise_id);
  }
  return repo_.ListHazards(parks, std::nullopt);
}

StatusOr<Hazard> SafetyService::Readable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, repo_.FindHazard(id));
  if (!h || !s.CanReadPark(h->park_id)) return Status::NotFound("隐患不存在或无权访问");
  return *h;
}

StatusOr<Hazard> SafetyService::GetHazard(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, Readable(s, id));
  // Another enterprise's hazard does not exist for an enterprise user.
  if (s.role == Role::kEnterprise && !(h.enterprise_id && s.enterprise_id && *h.enterprise_id == *s.enterprise_id))
    return Status::NotFound("隐患不存在或无权访问");
  return h;
}

StatusOr<Hazard> SafetyService::CreateHazard(const Scope& s, const HazardInput& in) const {
  if (!in.park_id) return Status::FieldInvalid("park_id", "必填");
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, in.park_id));
  if (!IsStaffOf(s, park)) return Status::PermissionDenied("只有园区管理员或服务园区的部门可以登记隐患");
  std::vector<FieldError> e;
  Hazard h;
  PARKHQ_RETURN_IF_ERROR(CheckHazard(s, park, in, "", Today(), e, h));
  if (!e.empty()) return Status::Validation("隐患信息有误", e);
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateHazard(h, s));
  return Readable(s, id);
}

StatusOr<Hazard> SafetyService::Rectify(const Scope& s, int64_t id, const std::string& text) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, Readable(s, id));
  if (!MayRectify(s, h)) return Status::PermissionDenied("只有隐患所属企业或园区安全管理人员可以整改");
  if (h.state != HazardState::kOpen && h.state != HazardState::kReopened)
    return Status::Conflict(std::string("隐患当前为“") + StateNameZh(h.state) + "”，不能提交整改");
  const HazardState was = h.state;
  h.state = HazardState::kRectified;
  h.rectified_at = NowIso();
  h.rectified_by = s.username;
  h.rectify_text = text;
  h.updated_at = h.rectified_at;
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateHazard(h, was, "rectify", s));
  return Readable(s, id);
}

StatusOr<Hazard> SafetyService::Recheck(const Scope& s, int64_t id, const std::string& result,
                                        const std::string& comment, const std::string& new_deadline) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, Readable(s, id));
  if (!IsStaffOf(s, h.park_id)) return Status::PermissionDenied("只有园区安全管理人员可以复查隐患");
  std::vector<FieldError> e;
  if (result != "closed" && result != "reopened") e.push_back({"result", "应为 closed（复查通过）或 reopened（重新整改）"});
  std::optional<Date> deadline;
  if (!new_deadline.empty()) {
    deadline = Date::Parse(new_deadline);
    if (!deadline || *deadline < Today()) e.push_back({"deadline", "应为今天或以后的日期 YYYY-MM-DD"});
  }
  if (!e.empty()) return Status::Validation("复查结果有误", e);
  if (h.state != HazardState::kRectified)
    return Status::Conflict(std::string("隐患当前为“") + StateNameZh(h.state) + "”，只有待复查的隐患可以复查");
  h.rechecked_at = NowIso();
  h.rechecked_by = s.username;
  h.recheck_comment = comment;
  h.updated_at = h.rechecked_at;
  if (result == "closed") {
    h.state = HazardState::kClosed;
    h.closed_on = Today();
  } else {
    h.state = HazardState::kReopened;
    ++h.reopen_count;
    if (deadline) h.deadline = *deadline;
  }
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateHazard(h, HazardState::kRectified, "recheck", s));
  return Readable(s, id);
}

StatusOr<Hazard> SafetyService::Escalate(const Scope& s, int64_t id, const std::vector<std::string>& units,
                                         const std::string& deadline) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, Readable(s, id));
  if (!s.CanAdminPark(h.park_id) || s.read_only) return Status::PermissionDenied("只有园区管理员可以交办督办事项");
  if (h.supervision_id) return Status::Conflict("该隐患已转为督办事项");
  if (!IsOverdue(h.state, h.deadline, Today())) return Status::Conflict("只有逾期未整改的隐患可以转督办");
  if (!tasks_) return Status::Unavailable("督办模块未启用");
  task::TaskService::NewSupervision in;
  in.park_id = h.park_id;
  const std::string who = h.enterprise_name.empty() ? (h.facility_name.empty() ? h.responsible : h.facility_name)
                                                    : h.enterprise_name;
  in.title = std::string("隐患逾期未整改：") + who;
  in.content = std::string(LevelNameZh(h.level)) + "隐患：" + h.description + "（整改期限 " + h.deadline.ToString() +
               "）" + (h.measures.empty() ? "" : "整改措施：" + h.measures);
  in.units = units;
  in.deadline = deadline.empty() ? Today().AddDays(15).ToString() : deadline;
  in.source_kind = "warning";
  in.source_id = "hazard-" + std::to_string(h.id);
  in.source_text = "隐患排查治理 · 隐患 #" + std::to_string(h.id);
  PARKHQ_ASSIGN_OR_RETURN(auto sv, tasks_->IssueSupervision(s, in));
  h.supervision_id = sv.s.id;
  h.updated_at = NowIso();
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateHazard(h, h.state, "escalate", s));
  return Readable(s, id);
}

StatusOr<HazardStats> SafetyService::Stats(const Scope& s, int64_t park_id, int year) const {
  if (year < 2000 || year > 2100) return Status::FieldInvalid("year", "年份应在 2000 到 2100 之间");
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户无权查看园区隐患统计");
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto list, repo_.ListHazards(parks, std::nullopt));
  return ComputeStats(list, year, Today());
}

StatusOr<HazardFile> SafetyService::AddPhoto(const Scope& s, int64_t hazard_id, const std::string& filename,
                                             const std::string& bytes) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, GetHazard(s, hazard_id));
  if (!MayRectify(s, h)) return Status::PermissionDenied("只有隐患所属企业或园区安全管理人员可以上传照片");
  if (bytes.size() > task::kMaxAttachmentBytes)
    return Status(StatusCode::kPayloadTooLarge, "照片过大（最多 10 MiB）", {{"file", "照片过大（最多 10 MiB）"}});
  if (bytes.empty()) return Status::Validation("照片有误", {{"file", "文件为空"}});
  if (auto p = task::AttachmentNameProblem(filename); !p.empty())
    return Status::Validation("照片有误", {{"filename", p}});
  auto type = task::AttachmentType(filename, bytes);
  if (!type || (*type != "image/png" && *type != "image/jpeg"))
    return Status::Validation("照片有误", {{"file", "只接受 PNG、JPG 照片"}});
  HazardFile f;
  f.park_id = h.park_id;
  f.hazard_id = h.id;
  f.stage = h.state == HazardState::kOpen ? "found" : "rectified";
  f.sha256 = Sha256Hex(bytes);
  f.filename = filename;
  f.content_type = *type;
  f.size = static_cast<int64_t>(bytes.size());
  f.created_by = s.username;
  f.created_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(f.id, repo_.AddHazardFile(f, bytes, s));
  return f;
}

StatusOr<std::vector<HazardFile>> SafetyService::ListPhotos(const Scope& s, int64_t hazard_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto h, GetHazard(s, hazard_id));
  return repo_.ListHazardFiles(h.id);
}

StatusOr<std::pair<HazardFile, std::string>> SafetyService::DownloadPhoto(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto f, repo_.LoadHazardFile(id));
  if (!f) return Status::NotFound("照片不存在或无权访问");
  auto h = GetHazard(s, f->first.hazard_id);
  if (!h.ok()) return Status::NotFound("照片不存在或无权访问");
  return std::move(*f);
}

}  // namespace parkhq::safety
