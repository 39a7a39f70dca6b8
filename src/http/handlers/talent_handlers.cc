// Talent demand (人才需求信息库): posts, the demand summary, the talent pool, suggested matches, and
// their XLSX exports.
#include "http/handlers/talent_handlers.h"

#include "domain/talent/talent_service.h"
#include "http/handlers/talent_json.h"
#include "http/handlers/talent_module.h"
#include "http/handlers/xlsx_file.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

const RoleSet kTalentReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};
const RoleSet kTalentWriters = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise};

namespace {

namespace tj = talent_json;
namespace t = parkhq::talent;
using io::Column;
using io::ColumnKind;

t::TalentService& Svc(const Services& s) { return *s.talent->service; }

StatusOr<int64_t> ParkParam(RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

io::CellValue Num(const std::optional<double>& v) { return v ? io::CellValue(*v) : io::CellValue(); }
io::CellValue Num(double v) { return io::CellValue(v); }

// A body the reader refused: its field errors plus the domain's problems of the fields it could
// read, so one answer names every bad field.
Status Merged(const Status& read, std::vector<FieldError> more) {
  std::vector<FieldError> all = read.details();
  for (auto& m : more) {
    bool seen = false;
    for (const auto& a : all) seen = seen || a.field == m.field;
    if (!seen) all.push_back(std::move(m));
  }
  return Status(read.code(), read.message(), std::move(all));
}

StatusOr<Response> Sheet(io::Sheet sheet, bool demo, const std::string& filename) {
  if (demo) sheet.notes.push_back("含演示数据（演示）");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sheet}));
  return XlsxFile(std::move(bytes), filename);
}

const char* StatusZh(const std::string& s) {
  if (s == "open") return "招聘中";
  if (s == "filled") return "已满足";
  if (s == "closed") return "已关闭";
  if (s == "available") return "待就业";
  if (s == "placed") return "已就业";
  if (s == "withdrawn") return "已退出";
  return "";
}

}  // namespace

StatusOr<Response> ListTalentPosts(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto posts, Svc(s).ListPosts(ctx.caller(), park_id));
  json::array a;
  for (const auto& p : posts) a.push_back(tj::PostJson(p));
  return JsonList(std::move(a), static_cast<int64_t>(posts.size()));
}

StatusOr<Response> TalentPostsXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto posts, Svc(s).ListPosts(ctx.caller(), park_id));
  io::Sheet sh;
  sh.name = "人才需求";
  sh.title = "人才需求信息库";
  sh.columns = {Column{"企业", 28},          Column{"岗位", 22},
                Column{"人数", 8, ColumnKind::kInteger}, Column{"专业", 16},
                Column{"学历", 10},          Column{"经验(年)", 9, ColumnKind::kInteger},
                Column{"薪资下限(元/月)", 14, ColumnKind::kNumber, 0},
                Column{"薪资上限(元/月)", 14, ColumnKind::kNumber, 0},
                Column{"紧急程度", 9},       Column{"类别", 10},
                Column{"有效期至", 12},      Column{"状态", 9},
                Column{"高新技术企业", 12}};
  bool demo = false;
  for (const auto& p : posts) {
    demo = demo || p.is_demo;
    sh.rows.push_back({p.enterprise_name, p.post, Num(static_cast<double>(p.headcount)), p.major,
                       std::string(t::EducationNameZh(p.education)), Num(static_cast<double>(p.experience_years)),
                       Num(p.salary_min), Num(p.salary_max), std::string(p.urgency == "urgent" ? "急需" : "一般"),
                       std::string(t::ProgramNameZh(p.program)), p.until.value_or(""), std::string(StatusZh(p.status)),
                       std::string(p.high_tech ? "是" : "否")});
  }
  return Sheet(std::move(sh), demo, "人才需求.xlsx");
}

StatusOr<Response> CreateTalentPost(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  // Who may post is decided before the body is read (the service checks again).
  const Scope& who = ctx.caller();
  if (!who.CanReadPark(park_id)) return Status::NotFound("园区不存在");
  if (who.read_only || (who.role != Role::kEnterprise && !t::TalentService::KeepsTalent(who, park_id)))
    return Status::PermissionDenied("只有企业本身、人社局和园区管理员可以发布人才需求");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  t::Post p;
  if (Status st = tj::ReadPost(body, p, true); !st.ok()) return Merged(st, t::PostProblems(p));
  PARKHQ_ASSIGN_OR_RETURN(auto created, Svc(s).CreatePost(ctx.caller(), park_id, std::move(p)));
  return Json(tj::PostJson(created), 201);
}

StatusOr<Response> GetTalentPost(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("人才需求不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).GetPost(ctx.caller(), *id));
  return Json(tj::PostJson(p));
}

StatusOr<Response> UpdateTalentPost(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("人才需求不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).GetPost(ctx.caller(), *id));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  if (Status st = tj::ReadPost(body, p, false); !st.ok()) return Merged(st, t::PostProblems(p));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Svc(s).UpdatePost(ctx.caller(), *id, std::move(p)));
  return Json(tj::PostJson(after));
}

StatusOr<Response> TalentDemand(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  std::optional<int64_t> year;
  if (auto y = ctx.request.Query("year")) {
    try {
      year = std::stoll(*y);
    } catch (...) {
      return Status::Validation("年份有误", {{"year", "应为四位年份"}});
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).Demand(ctx.caller(), park_id, year));
  return Json(tj::DemandJson(v));
}

StatusOr<Response> ListTalentCandidates(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListCandidates(ctx.caller(), park_id));
  json::array a;
  for (const auto& c : list) a.push_back(tj::CandidateJson(c));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> TalentCandidatesXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListCandidates(ctx.caller(), park_id));
  io::Sheet sh;
  sh.name = "人才库";
  sh.title = "人才库（求职人员）";
  sh.columns = {Column{"姓名", 16}, Column{"学历", 10}, Column{"专业", 18}, Column{"技能", 30},
                Column{"经验(年)", 9, ColumnKind::kInteger}, Column{"期望薪资(元/月)", 14, ColumnKind::kNumber, 0},
                Column{"状态", 9}, Column{"备注", 30}};
  bool demo = false;
  for (const auto& c : list) {
    demo = demo || c.is_demo;
    sh.rows.push_back({c.name, std::string(t::EducationNameZh(c.education)), c.major, c.skills,
                       Num(static_cast<double>(c.experience_years)), Num(c.expected_salary),
                       std::string(StatusZh(c.status)), c.note});
  }
  return Sheet(std::move(sh), demo, "人才库.xlsx");
}

StatusOr<Response> CreateTalentCandidate(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  t::Candidate c;
  if (Status st = tj::ReadCandidate(body, c, true); !st.ok()) return Merged(st, t::CandidateProblems(c));
  PARKHQ_ASSIGN_OR_RETURN(auto created, Svc(s).CreateCandidate(ctx.caller(), park_id, std::move(c)));
  return Json(tj::CandidateJson(created), 201);
}

StatusOr<Response> UpdateTalentCandidate(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("人才库人员不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto c, Svc(s).GetCandidate(ctx.caller(), *id));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  if (Status st = tj::ReadCandidate(body, c, false); !st.ok()) return Merged(st, t::CandidateProblems(c));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Svc(s).UpdateCandidate(ctx.caller(), *id, std::move(c)));
  return Json(tj::CandidateJson(after));
}

StatusOr<Response> ListTalentMatches(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).Matches(ctx.caller(), park_id));
  json::array a;
  for (const auto& m : list) a.push_back(tj::MatchJson(m));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> TalentMatchesXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).Matches(ctx.caller(), park_id));
  io::Sheet sh;
  sh.name = "推荐匹配";
  sh.title = "人岗推荐匹配";
  sh.columns = {Column{"企业", 28}, Column{"岗位", 22}, Column{"岗位专业", 16}, Column{"人员", 14},
                Column{"人员专业", 16}, Column{"学历", 10}, Column{"匹配分", 9, ColumnKind::kInteger},
                Column{"匹配理由", 40}};
  bool demo = false;
  for (const auto& m : list) {
    demo = demo || m.post.is_demo || m.candidate.is_demo;
    std::string reasons;
    for (const auto& r : m.match.reasons) reasons += (reasons.empty() ? "" : "；") + r;
    sh.rows.push_back({m.post.enterprise_name, m.post.post, m.post.major, m.candidate.name, m.candidate.major,
                       std::string(t::EducationNameZh(m.candidate.education)),
                       Num(static_cast<double>(m.match.score)), reasons});
  }
  return Sheet(std::move(sh), demo, "人岗匹配.xlsx");
}

}  // namespace parkhq::http::handlers
