// Rewards and subsidies (奖补): award types, applications, review, evidence files, the yearly list.
#include <cmath>

#include "common/crypto.h"
#include "common/time.h"
#include "domain/talent/talent_service.h"
#include "domain/task/attachments.h"

namespace parkhq::talent {

namespace {

constexpr double kMaxAmount = 100000;  // 万元 (10 亿元): more is a typing error

Status ParkNotFound() { return Status::NotFound("园区不存在"); }
Status TypeNotFound() { return Status::NotFound("奖补类型不存在"); }
Status ApplicationNotFound() { return Status::NotFound("奖补申报不存在"); }

bool BadAmount(double v) { return !std::isfinite(v) || v < 0 || v > kMaxAmount; }

bool OwnsOrNotEnterprise(const Scope& s, int64_t enterprise_id) {
  return s.role != Role::kEnterprise || (s.enterprise_id && *s.enterprise_id == enterprise_id);
}

}  // namespace

StatusOr<std::vector<RewardType>> TalentService::ListRewardTypes(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  return repo_.ListRewardTypes(park_id);
}

StatusOr<RewardType> TalentService::GetRewardType(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto t, repo_.FindRewardType(id));
  if (!t || !s.CanReadPark(t->park_id)) return TypeNotFound();
  return *t;
}

StatusOr<RewardType> TalentService::CreateRewardType(const Scope& s, int64_t park_id, RewardType t) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以设置奖补类型");
  std::vector<FieldError> e;
  if (t.code.empty() || t.code.size() > 40) e.push_back({"code", "必填，最多 40 字节"});
  for (char ch : t.code)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-')) {
      e.push_back({"code", "只能含字母、数字、_ 和 -"});
      break;
    }
  if (t.name.empty() || t.name.size() > 100) e.push_back({"name", "必填，最多 100 字节"});
  if (t.amount && BadAmount(*t.amount)) e.push_back({"amount", "应为 0–100000 万元"});
  if (!t.amount && t.rule.empty()) e.push_back({"rule", "未给金额时须写明奖补规则"});
  if (t.rule.size() > 2000) e.push_back({"rule", "过长（最多 2000 字节）"});
  if (t.flag.size() > 40) e.push_back({"flag", "过长"});
  if (t.unit_id) {
    PARKHQ_ASSIGN_OR_RETURN(bool serves, repo_.UnitServesPark(*t.unit_id, park_id));
    if (!serves) e.push_back({"unit_id", "该单位不存在或不服务本园区"});
  }
  if (!e.empty()) return Status::Validation("奖补类型有误", std::move(e));
  t.park_id = park_id;
  t.is_demo = false;
  t.created_at = t.updated_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateRewardType(t, s));
  return GetRewardType(s, id);
}

StatusOr<RewardType> TalentService::UpdateRewardType(const Scope& s, int64_t id, RewardType t) const {
  PARKHQ_ASSIGN_OR_RETURN(RewardType before, GetRewardType(s, id));
  if (!s.CanAdminPark(before.park_id)) return Status::PermissionDenied("只有园区管理员可以设置奖补类型");
  std::vector<FieldError> e;
  if (t.name.empty() || t.name.size() > 100) e.push_back({"name", "必填，最多 100 字节"});
  if (t.amount && BadAmount(*t.amount)) e.push_back({"amount", "应为 0–100000 万元"});
  if (!t.amount && t.rule.empty()) e.push_back({"rule", "未给金额时须写明奖补规则"});
  if (t.rule.size() > 2000) e.push_back({"rule", "过长（最多 2000 字节）"});
  if (t.unit_id) {
    PARKHQ_ASSIGN_OR_RETURN(bool serves, repo_.UnitServesPark(*t.unit_id, before.park_id));
    if (!serves) e.push_back({"unit_id", "该单位不存在或不服务本园区"});
  }
  if (!e.empty()) return Status::Validation("奖补类型有误", std::move(e));
  t.id = id;
  t.park_id = before.park_id;
  t.code = before.code;
  t.is_demo = before.is_demo;
  t.created_at = before.created_at;
  t.updated_at = NowIso();
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateRewardType(t, s));
  return GetRewardType(s, id);
}

StatusOr<std::vector<RewardApplication>> TalentService::ListApplications(const Scope& s, int64_t park_id,
                                                                         std::optional<int64_t> year) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  std::optional<int64_t> only;
  if (s.role == Role::kEnterprise) {
    if (!s.enterprise_id) return std::vector<RewardApplication>{};
    only = *s.enterprise_id;
  }
  return repo_.ListApplications(park_id, year, only);
}

StatusOr<RewardApplication> TalentService::GetApplication(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto a, repo_.FindApplication(id));
  if (!a || !s.CanReadPark(a->park_id) || !OwnsOrNotEnterprise(s, a->enterprise_id)) return ApplicationNotFound();
  return *a;
}

StatusOr<RewardApplication> TalentService::CreateApplication(const Scope& s, int64_t park_id,
                                                             RewardApplication a) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  if (s.read_only) return Status::PermissionDenied("只读账号不能申报");
  if (s.role == Role::kEnterprise) {
    if (!s.enterprise_id) return Status::PermissionDenied("账号未关联企业");
    a.enterprise_id = *s.enterprise_id;
  } else if (!s.CanAdminPark(park_id)) {
    return Status::PermissionDenied("奖补由企业申报（或园区管理员代为录入）");
  }
  std::vector<FieldError> e;
  PARKHQ_ASSIGN_OR_RETURN(auto ent, repo_.FindEnterprise(a.enterprise_id));
  if (!ent || ent->park_id != park_id) e.push_back({"enterprise_id", "本园区没有这家企业"});
  PARKHQ_ASSIGN_OR_RETURN(auto type, repo_.FindRewardType(a.type_id));
  if (!type || type->park_id != park_id || !type->active) e.push_back({"type_id", "本园区没有这个（启用的）奖补类型"});
  if (a.year < 2000 || a.year > today_().year + 1) e.push_back({"year", "应为 2000 至明年"});
  if (BadAmount(a.amount_requested)) e.push_back({"amount_requested", "应为 0–100000 万元"});
  if (a.note.size() > 2000) e.push_back({"note", "过长（最多 2000 字节）"});
  if (!e.empty()) return Status::Validation("奖补申报有误", std::move(e));
  a.park_id = park_id;
  a.state = "submitted";
  a.amount_approved.reset();
  a.review_reason.clear();
  a.is_demo = false;
  a.created_by = s.username;
  a.created_at = a.updated_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateApplication(a, s));
  return GetApplication(s, id);
}

StatusOr<RewardApplication> TalentService::Review(const Scope& s, int64_t id, const std::string& decision,
                                                  std::optional<double> amount, const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(RewardApplication a, GetApplication(s, id));
  const bool unit_reviews = s.role == Role::kDepartment && !s.read_only && s.unit_id && a.type_unit_id &&
                            *s.unit_id == *a.type_unit_id;
  if (!(s.CanAdminPark(a.park_id) || unit_reviews))
    return Status::PermissionDenied("只有该奖补类型的负责单位或园区管理员可以审核");
  if (a.state != "submitted") return Status::Conflict("只有已申报（待审核）的申报可以审核");
  std::vector<FieldError> e;
  if (decision != "approve" && decision != "reject") e.push_back({"decision", "应为 approve 或 reject"});
  if (amount && BadAmount(*amount)) e.push_back({"amount_approved", "应为 0–100000 万元"});
  if (decision == "reject" && reason.empty()) e.push_back({"reason", "不予支持时须写明理由"});
  if (reason.size() > 2000) e.push_back({"reason", "过长（最多 2000 字节）"});
  if (!e.empty()) return Status::Validation("审核有误", std::move(e));
  if (decision == "approve") {
    a.state = "approved";
    if (!amount) {
      PARKHQ_ASSIGN_OR_RETURN(auto type, repo_.FindRewardType(a.type_id));
      amount = type && type->amount ? *type->amount : a.amount_requested;
    }
    a.amount_approved = *amount;
  } else {
    a.state = "rejected";
    a.amount_approved.reset();
  }
  a.review_reason = reason;
  a.reviewed_by = s.username;
  a.reviewed_at = a.updated_at = NowIso();
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateApplication(a, decision, s));
  return GetApplication(s, id);
}

StatusOr<RewardYearView> TalentService::RewardYearList(const Scope& s, int64_t park_id, int64_t year) const {
  if (year < 2000 || year > 2100) return Status::NotFound("年份有误");
  PARKHQ_ASSIGN_OR_RETURN(auto apps, ListApplications(s, park_id, year));
  RewardYearView v;
  v.year = year;
  for (auto& a : apps)
    if (a.state == "approved") v.approved.push_back(std::move(a));
  v.totals = RewardTotals(v.approved);
  return v;
}

StatusOr<std::vector<RewardFile>> TalentService::ListFiles(const Scope& s, int64_t application_id) const {
  PARKHQ_RETURN_IF_ERROR(GetApplication(s, application_id).status());
  return repo_.ListFiles(application_id);
}

StatusOr<RewardFile> TalentService::AddFile(const Scope& s, int64_t application_id, const std::string& filename,
                                            const std::string& bytes) const {
  PARKHQ_ASSIGN_OR_RETURN(RewardApplication a, GetApplication(s, application_id));
  if (!s.CanActForEnterprise(a.enterprise_id, a.park_id))
    return Status::PermissionDenied("只有申报企业或园区管理员可以上传佐证材料");
  if (a.state != "submitted") return Status::Conflict("已审核的申报不能再上传材料");
  if (bytes.size() > task::kMaxAttachmentBytes)
    return Status(StatusCode::kPayloadTooLarge, "附件过大（最多 10 MiB）", {{"file", "附件过大（最多 10 MiB）"}});
  if (bytes.empty()) return Status::Validation("附件有误", {{"file", "文件为空"}});
  if (auto p = task::AttachmentNameProblem(filename); !p.empty())
    return Status::Validation("附件有误", {{"filename", p}});
  auto type = task::AttachmentType(filename, bytes);
  if (!type) return Status::Validation("附件有误", {{"file", "只接受 PDF、PNG、JPG、DOCX、XLSX 文件"}});
  RewardFile f;
  f.park_id = a.park_id;
  f.application_id = a.id;
  f.filename = filename;
  f.content_type = *type;
  f.size = static_cast<int64_t>(bytes.size());
  f.sha256 = Sha256Hex(bytes);
  f.created_by = s.username;
  f.created_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(f.id, repo_.AddFile(f, bytes, s));
  return f;
}

StatusOr<std::pair<RewardFile, std::string>> TalentService::DownloadFile(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto f, repo_.FindFile(id));
  if (!f) return Status::NotFound("附件不存在");
  auto a = GetApplication(s, f->application_id);
  if (!a.ok()) return Status::NotFound("附件不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, repo_.FileBytes(id));
  return std::pair{*f, std::move(bytes)};
}

}  // namespace parkhq::talent
