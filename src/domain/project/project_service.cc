#include "domain/project/project_service.h"

#include "domain/access/registers.h"

#include <algorithm>
#include <map>
#include <set>

namespace parkhq::project {
namespace {

const char kNotFound[] = "项目不存在或无权访问";

void CheckText(const std::string& v, const char* field, const char* label, size_t max,
               bool required, std::vector<FieldError>& errs) {
  if (required && v.empty()) errs.push_back({field, std::string(label) + "不能为空"});
  if (v.size() > max) errs.push_back({field, std::string(label) + "过长"});
}

bool ValidStatus(const std::string& v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed)
    if (v == a) return true;
  return false;
}

}  // namespace

bool CanWriteProject(const Scope& s, const ProjectRecord& p) {
  if (s.read_only) return false;
  if (s.CanAdminPark(p.core.park_id)) return true;
  if (p.core.stage == Stage::kReserve && s.CanKeepRegister(kRegisterReserveProjects, p.core.park_id)) return true;
  return s.role == Role::kDepartment && s.unit_id && p.responsible_unit_id &&
         *s.unit_id == *p.responsible_unit_id && s.CanReadPark(p.core.park_id);
}

StatusOr<ProjectService::ParkSelection> ProjectService::SelectPark(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(park_id));
  if (!park || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  ParkSelection sel;
  if (park->parent_id) {
    sel.park_id = *park->parent_id;
    sel.sub_park_id = park->id;
  } else {
    sel.park_id = park->id;
  }
  return sel;
}

StatusOr<ProjectRecord> ProjectService::Readable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.Find(id));
  if (!p || !(s.CanReadPark(p->core.park_id) ||
              (p->core.sub_park_id && s.CanReadPark(*p->core.sub_park_id))))
    return Status::NotFound(kNotFound);
  return std::move(*p);
}

StatusOr<ProjectRecord> ProjectService::Writable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Readable(s, id));
  if (!CanWriteProject(s, p))
    return Status::PermissionDenied("无权修改该项目（园区管理员或项目责任单位可以修改）");
  return p;
}

Status ProjectService::ResolvePark(const Scope& s, ProjectRecord& in, std::vector<FieldError>& errs) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(in.core.park_id));
  if (!park || !s.CanReadPark(in.core.park_id)) {
    errs.push_back({"park_id", "园区不存在"});
    return Status::Ok();
  }
  if (park->parent_id) {  // a sub-park was given as the park
    in.core.sub_park_id = park->id;
    in.core.park_id = *park->parent_id;
  } else if (in.core.sub_park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto sub, org_.FindPark(*in.core.sub_park_id));
    if (!sub || sub->parent_id != std::optional<int64_t>(park->id))
      errs.push_back({"sub_park_id", "子园区不属于该园区"});
  }
  return Status::Ok();
}

StatusOr<ProjectRecord> ProjectService::Create(const Scope& s, ProjectRecord in) const {
  if (s.read_only) return Status::PermissionDenied("只读账号不能新建项目");
  std::vector<FieldError> errs;
  PARKHQ_RETURN_IF_ERROR(ResolvePark(s, in, errs));
  if (errs.empty() && !s.CanAdminPark(in.core.park_id)) {
    // The keepers of the reserve-project register (工信局 by default) add reserve projects.
    if (in.core.stage != Stage::kReserve || !s.CanKeepRegister(kRegisterReserveProjects, in.core.park_id))
      return Status::PermissionDenied("只有园区管理员或储备项目库的责任部门可以新建项目（部门只能新建储备项目）");
    if (!in.responsible_unit_id) in.responsible_unit_id = s.unit_id;
  }
  CheckText(in.core.name, "name", "项目名称", 200, false, errs);
  CheckText(in.investor, "investor", "投资主体", 200, false, errs);
  const Date today = Today();
  if (!in.core.actual[in.core.stage]) {
    // The reserve date defaults to 1 January of the earliest planned date's year, or today.
    std::optional<Date> earliest;
    for (Stage st : kAllStages)
      if (in.core.planned[st] && (!earliest || *in.core.planned[st] < *earliest)) earliest = in.core.planned[st];
    Date d = today;
    if (earliest && Date{earliest->year, 1, 1} < today) d = Date{earliest->year, 1, 1};
    if (in.core.stage == Stage::kReserve) in.core.actual[Stage::kReserve] = d;
  }
  Status v = ValidateProject(in.core, today);
  if (!v.ok()) errs.insert(errs.end(), v.details().begin(), v.details().end());
  if (!errs.empty()) return Status::Validation("项目信息有误，请检查标出的字段", errs);
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.Create(in, s));
  return Readable(s, id);
}

StatusOr<ProjectRecord> ProjectService::Get(const Scope& s, int64_t id) const { return Readable(s, id); }

StatusOr<ProjectRecord> ProjectService::Update(const Scope& s, int64_t id, ProjectRecord in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto cur, Writable(s, id));
  std::vector<FieldError> errs;
  in.core.id = id;
  in.core.park_id = cur.core.park_id;
  if (in.core.sub_park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto sub, org_.FindPark(*in.core.sub_park_id));
    if (!sub || sub->parent_id != std::optional<int64_t>(cur.core.park_id))
      errs.push_back({"sub_park_id", "子园区不属于该园区"});
  }
  // Stage, actual dates, flags and monthly reports change only through their own use cases.
  in.core.stage = cur.core.stage;
  in.core.actual = cur.core.actual;
  in.core.suspended_on = cur.core.suspended_on;
  in.core.terminated_on = cur.core.terminated_on;
  in.core.resumed_on = cur.core.resumed_on;
  in.core.monthly = cur.core.monthly;
  in.lead_id = cur.lead_id;
  in.is_demo = cur.is_demo;
  CheckText(in.core.name, "name", "项目名称", 200, false, errs);
  Status v = ValidateProject(in.core, Today());
  if (!v.ok()) errs.insert(errs.end(), v.details().begin(), v.details().end());
  if (!errs.empty()) return Status::Validation("项目信息有误，请检查标出的字段", errs);
  PARKHQ_RETURN_IF_ERROR(repo_.Update(in, s));
  return Readable(s, id);
}

StatusOr<ProjectPage> ProjectService::List(const Scope& s, ProjectFilter f, std::optional<int64_t> park_id) const {
  f.park_ids.clear();
  if (park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, *park_id));
    f.park_ids.push_back(sel.park_id);
    if (sel.sub_park_id) f.sub_park_id = sel.sub_park_id;
  } else {
    PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
    for (const auto& p : parks)
      if (!p.parent_id && s.CanReadPark(p.id)) f.park_ids.push_back(p.id);
  }
  if (f.park_ids.empty()) return ProjectPage{};
  return repo_.List(f);
}

StatusOr<ProjectRecord> ProjectService::ChangeStage(const Scope& s, int64_t id, StageChangeRequest r) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  r.by_admin = s.CanAdminPark(p.core.park_id);
  // The admission gate (项目准入): a project refused admission is not signed without an override.
  PARKHQ_ASSIGN_OR_RETURN(auto admissions, repo_.Admissions(id));
  std::optional<AdmissionDecision> current;
  if (!admissions.empty()) current = admissions.front().decision;
  bool admission_override = false;
  PARKHQ_RETURN_IF_ERROR(CheckSigningGate(p.core, r.to, current, r.override_admission, r.by_admin, r.reason,
                                          &admission_override));
  PARKHQ_ASSIGN_OR_RETURN(auto change, CheckStageChange(p.core, r, Today()));
  ApplyStageChange(p.core, change);
  StageLogEntry log;
  log.change_type = ChangeTypeCode(change.type);
  log.from = change.from;
  log.to = change.to;
  log.date = change.date;
  log.reason = change.reason;
  log.override_used = change.override_used || admission_override;
  if (admission_override) log.reason = "越过「不予准入不得签约」：" + r.reason;
  PARKHQ_RETURN_IF_ERROR(repo_.SaveStageChange(p.core, log, s));
  return Readable(s, id);
}

StatusOr<std::vector<Admission>> ProjectService::RecordAdmission(const Scope& s, int64_t id, Admission a) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  if (!s.CanAdminPark(p.core.park_id)) return Status::PermissionDenied("只有园区管理员可以作出准入评审结论");
  if (p.core.terminated_on) return Status::Conflict("规则「终止项目不可变更」：项目已终止，不能再作准入评审");
  if (StageIndex(p.core.stage) >= StageIndex(Stage::kSigned))
    return Status::Conflict("项目已签约，准入评审应在签约前作出");
  a.id = 0;
  a.project_id = id;
  a.park_id = p.core.park_id;
  if (a.decided_on == Date{}) a.decided_on = Today();
  a.decided_by = s.username;
  PARKHQ_RETURN_IF_ERROR(ValidateAdmission(a, Today()));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveAdmission(a, s).status());
  return repo_.Admissions(id);
}

StatusOr<std::vector<Admission>> ProjectService::Admissions(const Scope& s, int64_t id) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, id).status());
  return repo_.Admissions(id);
}

StatusOr<ProjectRecord> ProjectService::ChangeFlag(const Scope& s, int64_t id, const FlagChangeRequest& r) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  PARKHQ_ASSIGN_OR_RETURN(auto change, CheckFlagChange(p.core, r, Today()));
  ApplyFlagChange(p.core, change);
  StageLogEntry log;
  log.change_type = FlagActionCode(change.action);
  log.from = p.core.stage;
  log.to = p.core.stage;
  log.date = change.date;
  log.reason = change.reason;
  PARKHQ_RETURN_IF_ERROR(repo_.SaveStageChange(p.core, log, s));
  return Readable(s, id);
}

StatusOr<std::vector<StageLogEntry>> ProjectService::StageLog(const Scope& s, int64_t id) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, id).status());
  return repo_.StageLog(id);
}

StatusOr<ProjectRecord> ProjectService::ReportInvestment(const Scope& s, int64_t id,
                                                         const MonthlyInvestment& m) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  if (p.core.terminated_on) return Status::Conflict("规则「终止项目不可变更」：项目已终止，不能再填报投资");
  PARKHQ_RETURN_IF_ERROR(ValidateMonthlyInvestment(m, Today()));
  PARKHQ_RETURN_IF_ERROR(repo_.UpsertMonthly(id, p.core.park_id, m, s));
  return Readable(s, id);
}

StatusOr<std::vector<Milestone>> ProjectService::Milestones(const Scope& s, int64_t id) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, id).status());
  return repo_.Milestones(id);
}

StatusOr<Milestone> ProjectService::SaveMilestone(const Scope& s, int64_t id, Milestone m) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  std::vector<FieldError> errs;
  CheckText(m.title, "title", "节点名称", 200, true, errs);
  if (!errs.empty()) return Status::Validation("节点信息有误", errs);
  m.project_id = id;
  PARKHQ_ASSIGN_OR_RETURN(m.id, repo_.SaveMilestone(p.core.park_id, m, s));
  return m;
}

StatusOr<std::vector<ApprovalItem>> ProjectService::Approvals(const Scope& s, int64_t id) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, id).status());
  return repo_.Approvals(id);
}

StatusOr<ApprovalItem> ProjectService::SaveApproval(const Scope& s, int64_t id, ApprovalItem a) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  std::vector<FieldError> errs;
  CheckText(a.item, "item", "审批事项", 200, true, errs);
  if (!ValidStatus(a.status, {"pending", "in_progress", "done", "not_needed"}))
    errs.push_back({"status", "状态应为 pending、in_progress、done 或 not_needed"});
  if (a.status == "done" && !a.done_on) errs.push_back({"done_on", "已办结的事项须填写办结日期"});
  if (a.done_on && *a.done_on > Today()) errs.push_back({"done_on", "办结日期不能晚于今天"});
  if (!errs.empty()) return Status::Validation("审批事项有误", errs);
  a.project_id = id;
  PARKHQ_ASSIGN_OR_RETURN(a.id, repo_.SaveApproval(p.core.park_id, a, s));
  return a;
}

StatusOr<std::vector<Problem>> ProjectService::Problems(const Scope& s, int64_t id) const {
  PARKHQ_RETURN_IF_ERROR(Readable(s, id).status());
  return repo_.Problems(id);
}

StatusOr<Problem> ProjectService::SaveProblem(const Scope& s, int64_t id, Problem pr) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, Writable(s, id));
  std::vector<FieldError> errs;
  CheckText(pr.issue, "issue", "问题", 1000, true, errs);
  if (!ValidStatus(pr.status, {"open", "in_progress", "resolved"}))
    errs.push_back({"status", "状态应为 open、in_progress 或 resolved"});
  if (pr.deadline && *pr.deadline < pr.raised_on) errs.push_back({"deadline", "办结时限不能早于提出日期"});
  if (pr.status == "resolved" && pr.resolution.empty()) errs.push_back({"resolution", "已解决的问题须填写解决情况"});
  if (pr.status == "resolved" && !pr.resolved_on) pr.resolved_on = Today();
  if (!errs.empty()) return Status::Validation("问题信息有误", errs);
  pr.project_id = id;
  PARKHQ_ASSIGN_OR_RETURN(pr.id, repo_.SaveProblem(p.core.park_id, pr, s));
  return pr;
}

Status ProjectService::DeleteChild(const Scope& s, int64_t id, const std::string& entity, int64_t child_id) const {
  PARKHQ_RETURN_IF_ERROR(Writable(s, id).status());
  return repo_.DeleteChild(entity, id, child_id, s);
}

StatusOr<ParkRates> ProjectService::Rates(const Scope& s, int64_t park_id, Date d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.LoadForRates({sel.park_id}, sel.sub_park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto target, repo_.FundsInPlaceTarget({park_id}, d.year));
  ParkRates out;
  out.date = d;
  out.park_id = park_id;
  out.rates = ComputeRates(projects, d, target);
  return out;
}

StatusOr<ParkRates> ProjectService::RegionRates(const Scope& s, int64_t region_id, Date d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto regions, org_.ListRegions());
  std::set<int64_t> in_region = {region_id};
  bool found = false;
  for (const auto& r : regions) found = found || r.id == region_id;
  if (!found) return Status::NotFound("地区不存在或无权访问");
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& r : regions)
      if (r.parent_id && in_region.count(*r.parent_id) && in_region.insert(r.id).second) grew = true;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  std::vector<int64_t> ids;
  for (const auto& p : parks)
    if (!p.parent_id && in_region.count(p.region_id) && s.CanReadPark(p.id)) ids.push_back(p.id);
  if (ids.empty()) return Status::NotFound("地区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.LoadForRates(ids, std::nullopt));
  PARKHQ_ASSIGN_OR_RETURN(auto target, repo_.FundsInPlaceTarget(ids, d.year));
  ParkRates out;
  out.date = d;
  out.park_id = 0;
  out.rates = ComputeRates(projects, d, target);
  return out;
}

namespace {
const char* const kLightKeys[] = {"start_red_after_months", "progress_yellow_points", "progress_red_points"};
}

StatusOr<LightSettings> ProjectService::LightsFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto m, repo_.Settings(park_id));
  LightSettings l;
  if (m.count(kLightKeys[0])) l.start_red_after_months = static_cast<int>(m[kLightKeys[0]]);
  if (m.count(kLightKeys[1])) l.progress_yellow_points = m[kLightKeys[1]];
  if (m.count(kLightKeys[2])) l.progress_red_points = m[kLightKeys[2]];
  if (!ValidateLightSettings(l).ok()) return LightSettings{};
  return l;
}

StatusOr<StuckSettings> ProjectService::StuckFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto m, repo_.Settings(park_id));
  StuckSettings st;
  for (Stage x : kAllStages) {
    auto it = m.find(std::string("stuck_days.") + StageCode(x));
    if (it != m.end()) st.limit_days[StageIndex(x)] = static_cast<int>(it->second);
  }
  if (!ValidateStuckSettings(st).ok()) return StuckSettings{};
  return st;
}

StatusOr<LightSettings> ProjectService::GetLightSettings(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  return LightsFor(sel.park_id);
}

StatusOr<StuckSettings> ProjectService::GetStuckSettings(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  return StuckFor(sel.park_id);
}

Status ProjectService::SaveSettings(const Scope& s, int64_t park_id, const LightSettings& l,
                                    const StuckSettings& st) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  if (!s.CanAdminPark(sel.park_id)) return Status::PermissionDenied("只有园区管理员可以修改亮灯与停滞阈值");
  std::vector<FieldError> errs;
  Status a = ValidateLightSettings(l), b = ValidateStuckSettings(st);
  errs.insert(errs.end(), a.details().begin(), a.details().end());
  errs.insert(errs.end(), b.details().begin(), b.details().end());
  if (!errs.empty()) return Status::Validation("阈值设置有误", errs);
  std::map<std::string, double> v = {{kLightKeys[0], l.start_red_after_months},
                                     {kLightKeys[1], l.progress_yellow_points},
                                     {kLightKeys[2], l.progress_red_points}};
  for (Stage x : kAllStages)
    if (x != Stage::kProduction) v[std::string("stuck_days.") + StageCode(x)] = st.limit_days[StageIndex(x)];
  return repo_.SaveSettings(sel.park_id, v, s);
}

StatusOr<std::vector<ProjectLights>> ProjectService::Lights(const Scope& s, int64_t park_id, Date d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto settings, LightsFor(sel.park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.LoadForRates({sel.park_id}, sel.sub_park_id));
  std::vector<ProjectLights> out;
  for (const auto& p : projects) out.push_back(ComputeLights(p, d, settings));
  return out;
}

StatusOr<std::vector<ProjectWarning>> ProjectService::Warnings(const Scope& s, int64_t park_id, Date d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.LoadForRates({sel.park_id}, sel.sub_park_id));
  std::vector<ProjectWarning> out;
  for (const auto& p : projects) {
    if (IsTerminatedAt(p, d)) continue;
    // Stage overdue: the next stage's planned date has passed and it is not reached.
    for (Stage st : kAllStages) {
      if (StageIndex(st) <= StageIndex(p.stage) || !p.planned[st] || *p.planned[st] >= d) continue;
      out.push_back({p.id, p.name, "stage_overdue",
                     std::string("计划") + StageNameZh(st) + "日期（" + p.planned[st]->ToString() + "）已过，尚未" +
                         StageNameZh(st),
                     p.planned[st]});
      break;
    }
    // No investment reported this month for a project under construction.
    if (p.stage == Stage::kStarted && !IsSuspendedAt(p, d)) {
      bool reported = std::any_of(p.monthly.begin(), p.monthly.end(),
                                  [&](const MonthlyInvestment& m) { return m.period == d.period(); });
      if (!reported)
        out.push_back({p.id, p.name, "no_investment", d.period().ToString() + " 月尚未填报完成投资",
                       Date::LastOfMonth(d.period())});
    }
    PARKHQ_ASSIGN_OR_RETURN(auto approvals, repo_.Approvals(p.id));
    for (const auto& a : approvals)
      if (a.deadline && *a.deadline < d && (a.status == "pending" || a.status == "in_progress"))
        out.push_back({p.id, p.name, "approval_overdue",
                       "审批事项「" + a.item + "」已超过时限（" + a.deadline->ToString() + "）", a.deadline});
    PARKHQ_ASSIGN_OR_RETURN(auto problems, repo_.Problems(p.id));
    for (const auto& pr : problems)
      if (pr.deadline && *pr.deadline < d && pr.status != "resolved")
        out.push_back({p.id, p.name, "problem_overdue",
                       "问题「" + pr.issue + "」已超过办结时限（" + pr.deadline->ToString() + "）", pr.deadline});
  }
  return out;
}

StatusOr<PipelineAnalytics> ProjectService::Analytics(const Scope& s, int64_t park_id, Date d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto projects, repo_.LoadForRates({sel.park_id}, sel.sub_park_id));
  PipelineAnalytics a;
  a.as_of = d;
  a.cohorts = ConversionByCohort(projects, d);
  a.durations = MedianDaysInStage(projects, d);
  PARKHQ_ASSIGN_OR_RETURN(auto stuck, StuckFor(sel.park_id));
  a.stuck = StuckProjects(projects, d, stuck);
  a.batches = CountYearBatches(projects, d.year, d);
  return a;
}

StatusOr<std::vector<ProjectRecord>> ProjectService::AllProjects(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  ProjectFilter f;
  f.park_ids = {sel.park_id};
  f.sub_park_id = sel.sub_park_id;
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto page, repo_.List(f));
  PARKHQ_ASSIGN_OR_RETURN(auto full, repo_.LoadForRates({sel.park_id}, sel.sub_park_id));
  std::map<int64_t, const Project*> byId;
  for (const auto& p : full) byId[p.id] = &p;
  for (auto& r : page.items)
    if (auto it = byId.find(r.core.id); it != byId.end()) r.core.monthly = it->second->monthly;
  return std::move(page.items);
}

StatusOr<ProjectService::ImportResult> ProjectService::ImportLedger(const Scope& s, int64_t park_id,
                                                                    const std::vector<io::InputRow>& rows) const {
  PARKHQ_ASSIGN_OR_RETURN(auto sel, SelectPark(s, park_id));
  if (!s.CanAdminPark(sel.park_id)) return Status::PermissionDenied("只有园区管理员可以导入项目台账");
  LedgerImport parsed = ParseLedger(rows, sel.park_id, Today());
  if (!parsed.errors.empty()) return io::ImportFailed(parsed.errors);
  ProjectFilter f;
  f.park_ids = {sel.park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto existing, repo_.List(f));
  std::map<std::string, const ProjectRecord*> byName;
  for (const auto& p : existing.items) byName[p.core.name] = &p;
  std::vector<ProjectRecord> creates, updates;
  for (auto& r : parsed.records) {
    r.core.sub_park_id = sel.sub_park_id;
    auto it = byName.find(r.core.name);
    if (it == byName.end()) {
      creates.push_back(std::move(r));
      continue;
    }
    ProjectRecord u = *it->second;  // keeps stage, actual dates, flags, unit, chain link
    u.investor = r.investor;
    u.core.kind = r.core.kind;
    u.core.total_investment = r.core.total_investment;
    u.core.contracted_investment = r.core.contracted_investment;
    u.core.planned = r.core.planned;
    for (const auto& plan : r.core.annual_plans) {
      auto same = std::find_if(u.core.annual_plans.begin(), u.core.annual_plans.end(),
                               [&](const AnnualPlan& a) { return a.year == plan.year; });
      if (same == u.core.annual_plans.end()) u.core.annual_plans.push_back(plan);
      else same->planned_investment = plan.planned_investment;
    }
    u.responsible_leader = r.responsible_leader;
    u.responsible_team = r.responsible_team;
    u.industry = r.industry;
    u.parcel_ref = r.parcel_ref;
    u.content = r.content;
    Status v = ValidateProject(u.core, Today());
    if (!v.ok()) {
      std::vector<io::ImportError> errs;
      const size_t i = &r - parsed.records.data();
      for (const auto& d : v.details()) errs.push_back({parsed.rows[i], d.field, d.message});
      return io::ImportFailed(errs);
    }
    updates.push_back(std::move(u));
  }
  PARKHQ_RETURN_IF_ERROR(repo_.ImportProjects(creates, updates, s));
  return ImportResult{static_cast<int>(creates.size()), static_cast<int>(updates.size())};
}

}  // namespace parkhq::project
