// Attachments of progress reports (台账附件): upload (raw body, ?filename=), list, download.
#include "domain/task/task_service.h"
#include "http/handlers/task_handlers.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {

namespace {

json::object AttachmentJson(const task::Attachment& a) {
  return {{"id", a.id},           {"report_id", a.report_id},         {"filename", a.filename},
          {"content_type", a.content_type}, {"size", a.size},   {"sha256", a.sha256},
          {"created_by", a.created_by}, {"created_at", a.created_at},
          {"url", "/api/v1/task-attachments/" + std::to_string(a.id)}};
}

// Content-Disposition: an ASCII fallback name and the UTF-8 name percent-encoded (RFC 6266 / 5987).
std::string Disposition(const std::string& name) {
  std::string ascii, encoded;
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

// POST /task-reports/{id}/attachments?filename=…: the file as the raw body.
StatusOr<Response> AddTaskAttachment(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("进展报告不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto a, s.tasks->AddAttachment(ctx.caller(), *id, ctx.request.Query("filename").value_or(""),
                                                         ctx.request.body));
  return Json(AttachmentJson(a), 201);
}

StatusOr<Response> ListTaskAttachments(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("进展报告不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.tasks->ListAttachments(ctx.caller(), *id));
  json::array a;
  for (const auto& x : list) a.push_back(AttachmentJson(x));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> DownloadTaskAttachment(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("附件不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto got, s.tasks->DownloadAttachment(ctx.caller(), *id));
  Response r;
  r.content_type = got.first.content_type;
  r.body = std::move(got.second);
  r.AddHeader("Content-Disposition", Disposition(got.first.filename));
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

}  // namespace parkhq::http::handlers
