// Rewards and subsidies (奖补): award types, applications with evidence files, review, the yearly
// list with totals, and their XLSX exports.
#include "domain/enterprise/pools_calc.h"
#include "domain/talent/talent_service.h"
#include "http/handlers/talent_handlers.h"
#include "http/handlers/talent_json.h"
#include "http/handlers/talent_module.h"
#include "http/handlers/xlsx_file.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

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

StatusOr<int64_t> AppParam(RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("奖补申报不存在");
  return *id;
}

// ?year=YYYY (optional).
StatusOr<std::optional<int64_t>> YearQuery(const Request& req) {
  auto y = req.Query("year");
  if (!y || y->empty()) return std::optional<int64_t>();
  if (y->size() != 4 || y->find_first_not_of("0123456789") != std::string::npos)
    return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  return std::optional<int64_t>(std::stoll(*y));
}

io::CellValue Num(const std::optional<double>& v) { return v ? io::CellValue(*v) : io::CellValue(); }

const char* StateZh(const std::string& s) {
  if (s == "submitted") return "待审核";
  if (s == "approved") return "已核定";
  if (s == "rejected") return "不予支持";
  return "";
}

std::string FlagsZh(const std::vector<std::string>& flags) {
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : "、") + enterprise::FlagNameZh(f);
  return out;
}

io::Sheet ApplicationsSheet(const std::vector<t::RewardApplication>& apps, const std::string& title, bool* demo) {
  io::Sheet sh;
  sh.name = "奖补申报";
  sh.title = title;
  sh.columns = {Column{"年度", 8, ColumnKind::kInteger}, Column{"企业", 28}, Column{"奖补类型", 22},
                Column{"申报金额(万元)", 14, ColumnKind::kNumber}, Column{"核定金额(万元)", 14, ColumnKind::kNumber},
                Column{"状态", 10}, Column{"企业资质", 26}, Column{"综合评价类别", 12}, Column{"佐证材料(份)", 11,
                ColumnKind::kInteger}, Column{"审核意见", 30}};
  for (const auto& a : apps) {
    *demo = *demo || a.is_demo;
    std::string cls = a.eval_class ? *a.eval_class + "（" + std::to_string(*a.eval_year) + "）" : "";
    sh.rows.push_back({static_cast<double>(a.year), a.enterprise_name, a.type_name, a.amount_requested,
                       Num(a.amount_approved), std::string(StateZh(a.state)), FlagsZh(a.flags), cls,
                       static_cast<double>(a.files), a.review_reason});
  }
  return sh;
}

StatusOr<Response> Book(std::vector<io::Sheet> sheets, bool demo, const std::string& filename) {
  if (demo && !sheets.empty()) sheets[0].notes.push_back("含演示数据（演示）");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx(sheets));
  return XlsxFile(std::move(bytes), filename);
}

}  // namespace

StatusOr<Response> ListRewardTypes(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListRewardTypes(ctx.caller(), park_id));
  json::array a;
  for (const auto& x : list) a.push_back(tj::RewardTypeJson(x));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> RewardTypesXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListRewardTypes(ctx.caller(), park_id));
  io::Sheet sh;
  sh.name = "奖补类型";
  sh.title = "奖补类型";
  sh.columns = {Column{"代码", 16}, Column{"名称", 24}, Column{"金额(万元)", 12, ColumnKind::kNumber},
                Column{"奖补规则", 40}, Column{"审核单位", 16}, Column{"关联资质", 16}, Column{"启用", 8}};
  bool demo = false;
  for (const auto& x : list) {
    demo = demo || x.is_demo;
    sh.rows.push_back({x.code, x.name, Num(x.amount), x.rule, x.unit_name.empty() ? "园区管理员" : x.unit_name,
                       x.flag.empty() ? "" : enterprise::FlagNameZh(x.flag), std::string(x.active ? "是" : "否")});
  }
  return Book({std::move(sh)}, demo, "奖补类型.xlsx");
}

StatusOr<Response> CreateRewardType(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  t::RewardType x;
  PARKHQ_RETURN_IF_ERROR(tj::ReadRewardType(body, x, true));
  PARKHQ_ASSIGN_OR_RETURN(auto created, Svc(s).CreateRewardType(ctx.caller(), park_id, std::move(x)));
  return Json(tj::RewardTypeJson(created), 201);
}

StatusOr<Response> UpdateRewardType(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("奖补类型不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).GetRewardType(ctx.caller(), *id));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_RETURN_IF_ERROR(tj::ReadRewardType(body, x, false));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Svc(s).UpdateRewardType(ctx.caller(), *id, std::move(x)));
  return Json(tj::RewardTypeJson(after));
}

StatusOr<Response> ListRewardApplications(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto year, YearQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListApplications(ctx.caller(), park_id, year));
  json::array a;
  for (const auto& x : list) a.push_back(tj::ApplicationJson(x));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> RewardApplicationsXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto year, YearQuery(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).ListApplications(ctx.caller(), park_id, year));
  bool demo = false;
  auto sh = ApplicationsSheet(list, year ? std::to_string(*year) + "年奖补申报" : "奖补申报", &demo);
  return Book({std::move(sh)}, demo, "奖补申报.xlsx");
}

StatusOr<Response> CreateRewardApplication(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  t::RewardApplication a;
  PARKHQ_RETURN_IF_ERROR(tj::ReadApplication(body, a));
  PARKHQ_ASSIGN_OR_RETURN(auto created, Svc(s).CreateApplication(ctx.caller(), park_id, std::move(a)));
  return Json(tj::ApplicationJson(created), 201);
}

StatusOr<Response> GetRewardApplication(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, AppParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto a, Svc(s).GetApplication(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto files, Svc(s).ListFiles(ctx.caller(), id));
  json::object o = tj::ApplicationJson(a);
  json::array fs;
  for (const auto& f : files) fs.push_back(tj::FileJson(f));
  o["file_list"] = std::move(fs);
  return Json(o);
}

StatusOr<Response> ReviewRewardApplication(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, AppParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto decision = f.String("decision", true, 20);
  std::optional<double> amount;
  if (f.Has("amount_approved")) amount = f.NonNegative("amount_approved", false, 100000);
  auto reason = f.String("reason", false, 2000);
  PARKHQ_RETURN_IF_ERROR(f.Finish());
  PARKHQ_ASSIGN_OR_RETURN(auto a, Svc(s).Review(ctx.caller(), id, *decision, amount, reason.value_or("")));
  return Json(tj::ApplicationJson(a));
}

StatusOr<Response> ListRewardFiles(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, AppParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto files, Svc(s).ListFiles(ctx.caller(), id));
  json::array a;
  for (const auto& f : files) a.push_back(tj::FileJson(f));
  return JsonList(std::move(a), static_cast<int64_t>(files.size()));
}

// POST /reward-applications/{id}/files?filename=…: the file as the raw body.
StatusOr<Response> AddRewardFile(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, AppParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto f, Svc(s).AddFile(ctx.caller(), id, ctx.request.Query("filename").value_or(""),
                                                 ctx.request.body));
  return Json(tj::FileJson(f), 201);
}

StatusOr<Response> DownloadRewardFile(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("附件不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto got, Svc(s).DownloadFile(ctx.caller(), *id));
  Response r;
  r.content_type = got.first.content_type;
  r.body = std::move(got.second);
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(got.first.filename));
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

namespace {

StatusOr<t::RewardYearView> YearView(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  std::string y = ctx.params.count("year") ? ctx.params.at("year") : "";
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
    return Status::NotFound("年份有误");
  return Svc(s).RewardYearList(ctx.caller(), park_id, std::stoll(y));
}

}  // namespace

StatusOr<Response> RewardYear(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto v, YearView(ctx, s));
  json::array items, by_type;
  for (const auto& a : v.approved) items.push_back(tj::ApplicationJson(a));
  for (const auto& x : v.totals.by_type)
    by_type.push_back(json::object{{"type_id", x.type_id}, {"type_name", x.type_name}, {"count", x.count},
                                   {"amount", x.amount}});
  return Json(json::object{{"year", v.year},
                           {"items", std::move(items)},
                           {"totals", json::object{{"count", v.totals.count},
                                                   {"amount", v.totals.amount},
                                                   {"by_type", std::move(by_type)}}}});
}

StatusOr<Response> RewardYearXlsx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto v, YearView(ctx, s));
  bool demo = false;
  auto list = ApplicationsSheet(v.approved, std::to_string(v.year) + "年奖补兑现名单", &demo);
  list.name = "奖补名单";
  io::Sheet totals;
  totals.name = "按类型合计";
  totals.title = std::to_string(v.year) + "年奖补合计";
  totals.columns = {Column{"奖补类型", 24}, Column{"户数", 8, ColumnKind::kInteger},
                    Column{"金额(万元)", 14, ColumnKind::kNumber}};
  for (const auto& x : v.totals.by_type)
    totals.rows.push_back({x.type_name, static_cast<double>(x.count), x.amount});
  totals.rows.push_back({std::string("合计"), static_cast<double>(v.totals.count), v.totals.amount});
  return Book({std::move(list), std::move(totals)}, demo, std::to_string(v.year) + "年奖补名单.xlsx");
}

}  // namespace parkhq::http::handlers
