// SME park: photos of repair tickets (报修照片, issue 16 item 4): upload (raw body, ?filename=), list, download.
#include "http/handlers/services.h"
#include "http/handlers/sme_handlers.h"
#include "http/handlers/sme_json.h"
#include "io/xlsx_writer.h"
#include "storage/sme/sme_store.h"

namespace parkhq::http::handlers {

namespace sj = sme_json;

namespace {

json::object PhotoJson(const task::Attachment& a) {
  return {{"id", a.id},
          {"repair_id", a.report_id},
          {"filename", a.filename},
          {"content_type", a.content_type},
          {"size", a.size},
          {"created_by", a.created_by},
          {"created_at", a.created_at},
          {"url", "/api/v1/sme-repair-photos/" + std::to_string(a.id)}};
}

}  // namespace

// POST /sme-repairs/{id}/photos?filename=…: the photo as the raw body.
StatusOr<Response> AddSmeRepairPhoto(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto a, s.sme->store->AddRepairPhoto(ctx.caller(), id,
                                                                ctx.request.Query("filename").value_or(""),
                                                                ctx.request.body));
  return Json(PhotoJson(a), 201);
}

StatusOr<Response> ListSmeRepairPhotos(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListRepairPhotos(ctx.caller(), id));
  json::array a;
  for (const auto& x : list) a.push_back(PhotoJson(x));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> DownloadSmeRepairPhoto(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto got, s.sme->store->DownloadRepairPhoto(ctx.caller(), id));
  Response r;
  r.content_type = got.first.content_type;
  r.body = std::move(got.second);
  r.AddHeader("Content-Disposition", io::AttachmentDisposition(got.first.filename));
  return r;
}

}  // namespace parkhq::http::handlers
