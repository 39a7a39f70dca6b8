// The annual assessment of units (考核评价): live scores, settings, bonuses, publication (frozen)
// and the score sheet as XLSX.
#include "domain/task/task_service.h"
#include "http/handlers/task_handlers.h"
#include "http/handlers/task_json.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

namespace tj = task_json;

namespace {

StatusOr<int> YearParam(RequestContext& ctx) {
  auto y = ctx.IdParam("year");
  if (!y || *y < 2000 || *y > 2100) return Status::NotFound("年度有误");
  return static_cast<int>(*y);
}

json::object SettingsJson(const task::AssessmentSettings& s) {
  return {{"method", task::ScoringMethodCode(s.method)},
          {"completion_cap_pct", s.completion_cap * 100},
          {"efficacy_best", s.efficacy_best},
          {"efficacy_worst", s.efficacy_worst},
          {"deduct_overdue_item", s.deduct_overdue_item},
          {"deduct_returned_report", s.deduct_returned_report},
          {"deduct_overdue_supervision", s.deduct_overdue_supervision},
          {"bonus_cap", s.bonus_cap},
          {"supervision_weight", s.supervision_weight}};
}

// The live result as JSON (also what publication freezes).
json::object AssessmentJson(const task::AssessmentView& v) {
  json::array units;
  for (const auto& u : v.units) {
    json::array items;
    for (size_t k = 0; k < u.items.size(); ++k) {
      const auto& iv = v.items[u.items[k]];
      const auto& sc = u.score.items.at(k);
      items.push_back({{"item_id", iv.item.id},
                       {"task_no", iv.item.task_no},
                       {"content", iv.item.content},
                       {"weight", sc.weight},
                       {"completion_pct", sc.completion * 100},
                       {"score", sc.score},
                       {"status", task::ItemStatusCode(iv.status.status)},
                       {"overdue", iv.overdue}});
    }
    for (size_t k = 0; k < u.supervisions.size(); ++k) {
      const auto& sc = u.score.items.at(u.items.size() + k);
      items.push_back({{"supervision_id", u.supervisions[k].first},
                       {"content", u.supervisions[k].second},
                       {"weight", sc.weight},
                       {"completion_pct", sc.completion * 100},
                       {"score", sc.score},
                       {"kind", "supervision"}});
    }
    units.push_back({{"unit", u.score.unit},
                     {"score", u.score.score},
                     {"rank", u.score.rank},
                     {"base", u.score.base},
                     {"rate_pct", u.score.rate * 100},
                     {"weight_total", u.score.weight_total},
                     {"deductions", u.score.deductions},
                     {"bonus", u.score.bonus},
                     {"returned_reports", u.returned_reports},
                     {"overdue_supervisions", u.overdue_supervisions},
                     {"items", std::move(items)}});
  }
  return {{"park_id", v.park_id}, {"year", v.year}, {"settings", SettingsJson(v.settings)}, {"units", std::move(units)}};
}

}  // namespace

// GET /assessment/{year}?park_id=: the published (frozen) result when there is one, else live.
StatusOr<Response> GetAssessment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->Assessment(ctx.caller(), park, year));
  if (v.published_json) {
    boost::system::error_code ec;
    json::value frozen = json::parse(*v.published_json, ec);
    if (!ec && frozen.is_object()) {
      json::object o = frozen.as_object();
      o["published"] = true;
      return Json(o);
    }
  }
  json::object o = AssessmentJson(v);
  o["published"] = false;
  return Json(o);
}

// GET /assessment/{year}/export?park_id=: the score sheet (考核得分表) as XLSX.
StatusOr<Response> ExportAssessment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->Assessment(ctx.caller(), park, year));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "考核得分表";
  sh.title = std::to_string(year) + " 年度单位考核得分表（" +
             (v.settings.method == task::ScoringMethod::kEfficacy ? "功效系数法" : "完成率×分值") + "）";
  sh.columns = {Column{"名次", 6, ColumnKind::kInteger}, Column{"单位", 24}, Column{"考核指标数", 10, ColumnKind::kInteger},
                Column{"总分值", 10, ColumnKind::kNumber}, Column{"加权完成率(%)", 12, ColumnKind::kNumber},
                Column{"基础得分", 10, ColumnKind::kNumber}, Column{"扣分", 8, ColumnKind::kNumber},
                Column{"加分", 8, ColumnKind::kNumber}, Column{"得分", 10, ColumnKind::kNumber}};
  for (const auto& u : v.units)
    sh.rows.push_back({static_cast<double>(u.score.rank), u.score.unit, static_cast<double>(u.items.size()),
                       u.score.weight_total, u.score.rate * 100, u.score.base, u.score.deductions, u.score.bonus,
                       u.score.score});
  sh.notes.push_back(v.published_json ? "结果已发布（冻结）；本表按当前数据计算" : "结果未发布，按当前数据计算");
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sh}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("考核得分表-" + std::to_string(year) + ".xlsx"));
  return r;
}

StatusOr<Response> GetAssessmentSettings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->GetSettings(ctx.caller(), park, year));
  return Json(SettingsJson(v));
}

// PUT /assessment/{year}/settings: members absent keep their value.
StatusOr<Response> PutAssessmentSettings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->GetSettings(ctx.caller(), park, year));
  FieldReader f(body);
  if (auto m = f.String("method", false, 20)) {
    if (auto pm = task::ParseScoringMethod(*m)) v.method = *pm;
    else f.AddError("method", "应为 completion 或 efficacy");
  }
  if (auto c = f.Number("completion_cap_pct", false)) v.completion_cap = *c / 100;
  for (auto [k, out] : {std::pair{"efficacy_best", &v.efficacy_best}, std::pair{"efficacy_worst", &v.efficacy_worst},
                        std::pair{"deduct_overdue_item", &v.deduct_overdue_item},
                        std::pair{"deduct_returned_report", &v.deduct_returned_report},
                        std::pair{"deduct_overdue_supervision", &v.deduct_overdue_supervision},
                        std::pair{"bonus_cap", &v.bonus_cap}, std::pair{"supervision_weight", &v.supervision_weight}})
    if (auto x = f.Number(k, false)) *out = *x;
  PARKHQ_RETURN_IF_ERROR(f.Finish("考核设置有误"));
  PARKHQ_RETURN_IF_ERROR(s.tasks->PutSettings(ctx.caller(), park, year, v));
  return Json(SettingsJson(v));
}

// POST /assessment/{year}/bonuses {"unit","points","reason","evidence"}
StatusOr<Response> AddAssessmentBonus(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const auto unit = f.String("unit", true, 100).value_or("");
  const auto points = f.Number("points", true);
  const auto reason = f.String("reason", true, 1000).value_or("");
  const auto evidence = f.String("evidence", true, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("加分项有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto b, s.tasks->AddBonus(ctx.caller(), park, year, unit, *points, reason, evidence));
  return Json(json::object{{"id", b.id}, {"unit", unit}, {"points", b.points}, {"reason", b.reason},
                           {"evidence", b.evidence}, {"year", b.year}},
              201);
}

// POST /assessment/{year}/publish?park_id=: freezes the result of the year.
StatusOr<Response> PublishAssessment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int year, YearParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto park, tj::QueryPark(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.tasks->Assessment(ctx.caller(), park, year));
  json::object o = AssessmentJson(v);
  o["published_at"] = NowIso();
  o["published_by"] = ctx.caller().username;
  PARKHQ_RETURN_IF_ERROR(s.tasks->Publish(ctx.caller(), v.park_id, year, WriteJson(o)));
  o["published"] = true;
  return Json(o);
}

}  // namespace parkhq::http::handlers
