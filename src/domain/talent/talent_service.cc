// Posts, the demand summary, the talent pool and matches: scope rules and validation.
#include <cmath>

#include "common/time.h"
#include "domain/access/registers.h"
#include "domain/talent/talent_service.h"

namespace parkhq::talent {

namespace {

constexpr double kMaxSalary = 1e6;  // 元/月
constexpr int64_t kMaxHeadcount = 10000;

Status ParkNotFound() { return Status::NotFound("园区不存在"); }
Status PostNotFound() { return Status::NotFound("人才需求不存在"); }
Status CandidateNotFound() { return Status::NotFound("人才库人员不存在"); }

void Text(std::vector<FieldError>& e, const char* field, const std::string& v, size_t max, bool required) {
  if (required && v.empty()) e.push_back({field, "必填"});
  if (v.size() > max) e.push_back({field, "过长（最多 " + std::to_string(max) + " 字节）"});
}

void Salary(std::vector<FieldError>& e, const char* field, const std::optional<double>& v) {
  if (v && (!std::isfinite(*v) || *v < 0 || *v > kMaxSalary)) e.push_back({field, "应为 0–1000000 元/月"});
}

}  // namespace

std::vector<FieldError> PostProblems(const Post& p) {
  std::vector<FieldError> e;
  Text(e, "post", p.post, 200, true);
  Text(e, "major", p.major, 100, false);
  Text(e, "note", p.note, 2000, false);
  if (p.headcount < 1 || p.headcount > kMaxHeadcount) e.push_back({"headcount", "应为 1–10000 人"});
  if (EducationRank(p.education) < 0) e.push_back({"education", "应为 none、secondary、college、bachelor、master 或 doctor"});
  if (p.experience_years < 0 || p.experience_years > 50) e.push_back({"experience_years", "应为 0–50 年"});
  Salary(e, "salary_min", p.salary_min);
  Salary(e, "salary_max", p.salary_max);
  if (p.salary_min && p.salary_max && *p.salary_min > *p.salary_max) e.push_back({"salary_max", "不能低于最低薪资"});
  if (!IsUrgency(p.urgency)) e.push_back({"urgency", "应为 normal 或 urgent"});
  if (!IsProgram(p.program)) e.push_back({"program", "应为 none、support 或 internship"});
  if (!IsPostStatus(p.status)) e.push_back({"status", "应为 open、filled 或 closed"});
  if (p.until && !Date::Parse(*p.until)) e.push_back({"until", "应为 YYYY-MM-DD 日期"});
  return e;
}

std::vector<FieldError> CandidateProblems(const Candidate& c) {
  std::vector<FieldError> e;
  Text(e, "name", c.name, 100, true);
  Text(e, "major", c.major, 100, false);
  Text(e, "skills", c.skills, 500, false);
  Text(e, "note", c.note, 2000, false);
  if (EducationRank(c.education) < 0) e.push_back({"education", "应为 none、secondary、college、bachelor、master 或 doctor"});
  if (c.experience_years < 0 || c.experience_years > 60) e.push_back({"experience_years", "应为 0–60 年"});
  Salary(e, "expected_salary", c.expected_salary);
  if (!IsCandidateStatus(c.status)) e.push_back({"status", "应为 available、placed 或 withdrawn"});
  return e;
}

namespace {

Status ValidatePost(const Post& p) {
  auto e = PostProblems(p);
  if (!e.empty()) return Status::Validation("人才需求有误", std::move(e));
  return Status::Ok();
}

Status ValidateCandidate(const Candidate& c) {
  auto e = CandidateProblems(c);
  if (!e.empty()) return Status::Validation("人才库人员有误", std::move(e));
  return Status::Ok();
}

}  // namespace

bool TalentService::KeepsTalent(const Scope& s, int64_t park_id) {
  return s.CanKeepRegister(kRegisterTalent, park_id);
}

Status TalentService::ReadTalentPool(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户不能查看人才库");
  if (s.role == Role::kDepartment) {
    for (const auto& [reg, park] : s.keeps)
      if (reg == kRegisterTalent && park == park_id) return Status::Ok();
    return Status::PermissionDenied("只有人社局（人才需求信息库的维护单位）和园区管理员可以查看人才库");
  }
  return Status::Ok();
}

StatusOr<std::vector<Post>> TalentService::ListPosts(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  std::optional<int64_t> only;
  if (s.role == Role::kEnterprise) {
    if (!s.enterprise_id) return std::vector<Post>{};
    only = *s.enterprise_id;
  }
  return repo_.ListPosts(park_id, only);
}

StatusOr<Post> TalentService::GetPost(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto p, repo_.FindPost(id));
  if (!p || !s.CanReadPark(p->park_id)) return PostNotFound();
  if (s.role == Role::kEnterprise && (!s.enterprise_id || *s.enterprise_id != p->enterprise_id)) return PostNotFound();
  return *p;
}

// Checks who may write a post of enterprise p.enterprise_id in the park and that the enterprise is
// the park's; fills in the enterprise for enterprise users.
StatusOr<Post> TalentService::FillPost(const Scope& s, int64_t park_id, Post p) const {
  if (s.read_only) return Status::PermissionDenied("只读账号不能修改");
  if (s.role == Role::kEnterprise) {
    if (!s.enterprise_id) return Status::PermissionDenied("账号未关联企业");
    p.enterprise_id = *s.enterprise_id;
  } else if (!KeepsTalent(s, park_id)) {
    return Status::PermissionDenied("只有企业本身、人社局和园区管理员可以发布人才需求");
  }
  PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.FindEnterprise(p.enterprise_id));
  if (!e || e->park_id != park_id)
    return Status::Validation("人才需求有误", {{"enterprise_id", "本园区没有这家企业"}});
  p.park_id = park_id;
  p.enterprise_name = e->name;
  return p;
}

StatusOr<Post> TalentService::CreatePost(const Scope& s, int64_t park_id, Post p) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  PARKHQ_ASSIGN_OR_RETURN(p, FillPost(s, park_id, std::move(p)));
  PARKHQ_RETURN_IF_ERROR(ValidatePost(p));
  p.created_by = s.username;
  p.created_at = p.updated_at = NowIso();
  p.is_demo = false;
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreatePost(p, s));
  return GetPost(s, id);
}

StatusOr<Post> TalentService::UpdatePost(const Scope& s, int64_t id, Post p) const {
  PARKHQ_ASSIGN_OR_RETURN(Post before, GetPost(s, id));
  p.enterprise_id = before.enterprise_id;  // a post stays with its enterprise
  PARKHQ_ASSIGN_OR_RETURN(p, FillPost(s, before.park_id, std::move(p)));
  PARKHQ_RETURN_IF_ERROR(ValidatePost(p));
  p.id = id;
  p.is_demo = before.is_demo;
  p.created_by = before.created_by;
  p.created_at = before.created_at;
  p.updated_at = NowIso();
  PARKHQ_RETURN_IF_ERROR(repo_.UpdatePost(p, s));
  return GetPost(s, id);
}

StatusOr<DemandView> TalentService::Demand(const Scope& s, int64_t park_id, std::optional<int64_t> year) const {
  PARKHQ_RETURN_IF_ERROR(ReadTalentPool(s, park_id));
  const std::string today = TodayText();
  DemandView v;
  v.year = year.value_or(today_().year);
  v.as_of = today;
  if (v.year < 2000 || v.year > 2100) return Status::Validation("年份有误", {{"year", "应为 2000–2100"}});
  PARKHQ_ASSIGN_OR_RETURN(auto posts, repo_.ListPosts(park_id, std::nullopt));
  std::vector<Post> open, of_year;
  const std::string prefix = std::to_string(v.year);
  for (const Post& p : posts) {
    if (p.status == "open" && (!p.until || *p.until >= today)) open.push_back(p);
    if (p.created_at.compare(0, 4, prefix) == 0) of_year.push_back(p);
  }
  v.open = SummarizeDemand(open);
  v.programs = ProgramShares(of_year);
  return v;
}

StatusOr<std::vector<Candidate>> TalentService::ListCandidates(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadTalentPool(s, park_id));
  return repo_.ListCandidates(park_id);
}

StatusOr<Candidate> TalentService::GetCandidate(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, repo_.FindCandidate(id));
  if (!c || !s.CanReadPark(c->park_id)) return CandidateNotFound();
  PARKHQ_RETURN_IF_ERROR(ReadTalentPool(s, c->park_id));
  return *c;
}

StatusOr<Candidate> TalentService::CreateCandidate(const Scope& s, int64_t park_id, Candidate c) const {
  if (!s.CanReadPark(park_id)) return ParkNotFound();
  if (!KeepsTalent(s, park_id)) return Status::PermissionDenied("只有人社局和园区管理员可以维护人才库");
  PARKHQ_RETURN_IF_ERROR(ValidateCandidate(c));
  c.park_id = park_id;
  c.is_demo = false;
  c.created_by = s.username;
  c.created_at = c.updated_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateCandidate(c, s));
  return GetCandidate(s, id);
}

StatusOr<Candidate> TalentService::UpdateCandidate(const Scope& s, int64_t id, Candidate c) const {
  PARKHQ_ASSIGN_OR_RETURN(Candidate before, GetCandidate(s, id));
  if (!KeepsTalent(s, before.park_id)) return Status::PermissionDenied("只有人社局和园区管理员可以维护人才库");
  PARKHQ_RETURN_IF_ERROR(ValidateCandidate(c));
  c.id = id;
  c.park_id = before.park_id;
  c.is_demo = before.is_demo;
  c.created_by = before.created_by;
  c.created_at = before.created_at;
  c.updated_at = NowIso();
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateCandidate(c, s));
  return GetCandidate(s, id);
}

StatusOr<std::vector<MatchRow>> TalentService::Matches(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadTalentPool(s, park_id));
  const std::string today = TodayText();
  PARKHQ_ASSIGN_OR_RETURN(auto posts, repo_.ListPosts(park_id, std::nullopt));
  std::erase_if(posts, [&](const Post& p) { return p.until && *p.until < today; });
  PARKHQ_ASSIGN_OR_RETURN(auto candidates, repo_.ListCandidates(park_id));
  std::vector<MatchRow> out;
  for (const Match& m : SuggestMatches(posts, candidates)) {
    MatchRow r;
    r.match = m;
    for (const Post& p : posts)
      if (p.id == m.post_id) r.post = p;
    for (const Candidate& c : candidates)
      if (c.id == m.candidate_id) r.candidate = c;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace parkhq::talent
