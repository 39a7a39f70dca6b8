#include "http/handlers/briefing_handlers.h"

#include "domain/briefing/briefing_service.h"
#include "domain/briefing/briefing_text.h"
#include "http/handlers/briefing_module.h"
#include "http/json/json_util.h"
#include "io/docx_writer.h"
#include "io/html_document.h"
#include "io/png_chart.h"
#include "io/xlsx_writer.h"
#include "storage/briefing/briefing_json.h"

namespace parkhq::http::handlers {

const RoleSet kBriefingReaders = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader};

namespace {

namespace b = parkhq::briefing;

json::object SummaryJson(const b::BriefingSummary& x) {
  return {{"id", x.id},
          {"park_id", x.park_id},
          {"park_name", x.park_name},
          {"period", x.period.ToString()},
          {"state", b::StateName(x.state)},
          {"state_zh", b::StateNameZh(x.state)},
          {"title", x.title},
          {"data_version", x.data_version},
          {"created_at", x.created_at},
          {"updated_at", x.updated_at},
          {"issued_at", x.issued_at.empty() ? json::value(nullptr) : json::value(x.issued_at)}};
}

json::object BriefingJson(const b::Briefing& x) {
  auto opt = [](const std::string& v) { return v.empty() ? json::value(nullptr) : json::value(v); };
  json::object o = storage::ContentToJson(x.content);
  o["id"] = x.id;
  o["park_id"] = x.park_id;
  o["park_name"] = x.park_name;
  o["period"] = x.period.ToString();
  o["state"] = b::StateName(x.state);
  o["state_zh"] = b::StateNameZh(x.state);
  o["data_version"] = x.data_version;
  o["is_demo"] = x.is_demo;
  o["created_at"] = x.created_at;
  o["created_by"] = x.created_by;
  o["approved_at"] = opt(x.approved_at);
  o["approved_by"] = opt(x.approved_by);
  o["issued_at"] = opt(x.issued_at);
  o["issued_by"] = opt(x.issued_by);
  o["updated_at"] = x.updated_at;
  o["docx_url"] = "/api/v1/briefings/" + std::to_string(x.id) + ".docx";
  o["html_url"] = "/api/v1/briefings/" + std::to_string(x.id) + ".html";
  return o;
}

b::BriefingService& Svc(const Services& s) { return *s.briefings->briefings; }

StatusOr<int64_t> Id(const RequestContext& ctx) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("通报不存在或无权访问");
  return *id;
}

// The document model both outputs are written from: headings, sentences, notes, tables, charts.
io::DocxDocument ToDocument(const b::Briefing& x) {
  io::DocxDocument d;
  d.title = x.content.title;
  d.subtitle = x.content.subtitle;
  d.author = x.issued_by.empty() ? x.created_by : x.issued_by;
  int figure = 0;
  for (const auto& s : x.content.sections) {
    d.blocks.push_back({io::DocxBlock::Kind::kHeading, s.title, {}, "", 0, 0});
    std::string para;
    for (const auto& sentence : s.sentences) para += sentence.text;
    if (!para.empty()) d.blocks.push_back({io::DocxBlock::Kind::kParagraph, para, {}, "", 0, 0});
    for (const auto& c : s.charts) {
      auto png = io::RenderBarChartPng(c.bars);
      std::string caption = "图" + std::to_string(++figure) + " " + c.title + "（" + c.unit + "）：";
      for (size_t i = 0; i < c.bars.size() && i < 24; ++i)
        caption += (i ? "；" : "") + std::to_string(i + 1) + " " + c.bars[i].first + " " +
                   b::FormatNumber(c.bars[i].second, c.unit == "%" ? 1 : 2);
      d.blocks.push_back({io::DocxBlock::Kind::kImage, caption, {}, std::move(png.bytes), png.width, png.height});
    }
    for (const auto& t : s.tables) {
      io::DocxBlock tb{io::DocxBlock::Kind::kTable, "", {}, "", 0, 0};
      tb.rows.push_back(t.header);
      for (const auto& r : t.rows) tb.rows.push_back(r);
      d.blocks.push_back(std::move(tb));
    }
    if (!s.note.empty()) d.blocks.push_back({io::DocxBlock::Kind::kNote, s.note, {}, "", 0, 0});
  }
  return d;
}

StatusOr<Response> Act(RequestContext& ctx, const Services& s, const char* action) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Act(ctx.caller(), id, action));
  return Json(BriefingJson(x));
}

// A map of strings from an optional object field, with errors per key.
std::map<std::string, std::string> StringMap(FieldReader& f, const char* key) {
  std::map<std::string, std::string> out;
  const json::value* v = f.Raw(key);
  if (!v || v->is_null()) return out;
  if (!v->is_object()) {
    f.AddError(key, "应为对象");
    return out;
  }
  if (v->as_object().size() > 200) {
    f.AddError(key, "一次最多修改 200 项");
    return out;
  }
  for (const auto& [k, val] : v->as_object()) {
    if (!val.is_string()) f.AddError(std::string(key) + "." + std::string(k), "应为文本");
    else out[std::string(k)] = std::string(val.as_string());
  }
  return out;
}

}  // namespace

StatusOr<Response> CreateBriefing(RequestContext& ctx, const Services& s) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  std::optional<Period> period;
  if (auto p = f.String("period", true, 16)) {
    period = Period::Parse(*p);
    if (!period) f.AddError("period", "格式应为 YYYY-MM，如 2023-06");
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("通报期间有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Generate(ctx.caller(), *park_id, *period, Today()));
  return Json(BriefingJson(x), 201);
}

StatusOr<Response> ListBriefings(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto page, ParsePage(ctx.request));
  std::optional<int64_t> park_id;
  if (auto q = ctx.request.Query("park_id"); q && !q->empty()) {
    try {
      park_id = std::stoll(*q);
    } catch (const std::exception&) {
      return Status::Validation("园区参数有误", {{"park_id", "应为园区编号"}});
    }
  }
  int64_t total = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).List(ctx.caller(), park_id, page.offset(), page.page_size, &total));
  json::array items;
  for (const auto& x : list) items.push_back(SummaryJson(x));
  return JsonList(std::move(items), total);
}

StatusOr<Response> GetBriefing(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Get(ctx.caller(), id));
  return Json(BriefingJson(x));
}

StatusOr<Response> EditBriefing(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  b::BriefingEdit e;
  e.templates = StringMap(f, "sentences");
  e.notes = StringMap(f, "notes");
  PARKHQ_RETURN_IF_ERROR(f.Finish("通报修改有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Edit(ctx.caller(), id, e));
  return Json(BriefingJson(x));
}

StatusOr<Response> RefreshBriefing(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Refresh(ctx.caller(), id));
  return Json(BriefingJson(x));
}

StatusOr<Response> ApproveBriefing(RequestContext& ctx, const Services& s) { return Act(ctx, s, "approve"); }
StatusOr<Response> IssueBriefing(RequestContext& ctx, const Services& s) { return Act(ctx, s, "issue"); }
StatusOr<Response> ReopenBriefing(RequestContext& ctx, const Services& s) { return Act(ctx, s, "reopen"); }

StatusOr<Response> BriefingDocx(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Get(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(std::string bytes, io::WriteDocx(ToDocument(x)));
  Response r;
  r.content_type = io::kDocxContentType;
  r.body = std::move(bytes);
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(x.content.title + ".docx"));
  return r;
}

StatusOr<Response> BriefingHtml(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Id(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto x, Svc(s).Get(ctx.caller(), id));
  std::string banner;
  if (x.state != b::State::kIssued)
    banner = std::string("状态：") + b::StateNameZh(x.state) + "（未印发，数据版本 " + x.data_version + "）";
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = io::WriteHtmlDocument(ToDocument(x), banner);
  r.AddHeader("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
  return r;
}

}  // namespace parkhq::http::handlers
