// Attachments of progress reports: who may add and read them, type and size checks.
#include "common/crypto.h"
#include "common/time.h"
#include "domain/task/task_service.h"

namespace parkhq::task {

StatusOr<Attachment> TaskService::AddAttachment(const Scope& s, int64_t report_id, const std::string& filename,
                                                const std::string& bytes) const {
  PARKHQ_ASSIGN_OR_RETURN(auto r, repo_.FindReport(report_id));
  if (!r || !s.CanReadPark(r->park_id)) return Status::NotFound("进展报告不存在");
  if (s.read_only || !(s.CanAdminPark(r->park_id) || (s.unit_id && *s.unit_id == r->unit_id)))
    return Status::PermissionDenied("只有报送该进展的单位可以上传附件");
  if (bytes.size() > kMaxAttachmentBytes)
    return Status(StatusCode::kPayloadTooLarge, "附件过大（最多 10 MiB）", {{"file", "附件过大（最多 10 MiB）"}});
  if (bytes.empty()) return Status::Validation("附件有误", {{"file", "文件为空"}});
  if (auto p = AttachmentNameProblem(filename); !p.empty()) return Status::Validation("附件有误", {{"filename", p}});
  auto type = AttachmentType(filename, bytes);
  if (!type) return Status::Validation("附件有误", {{"file", "只接受 PDF、PNG、JPG、DOCX、XLSX 文件"}});
  Attachment a;
  a.park_id = r->park_id;
  a.report_id = r->id;
  a.sha256 = Sha256Hex(bytes);
  a.filename = filename;
  a.content_type = *type;
  a.size = static_cast<int64_t>(bytes.size());
  a.created_by = s.username;
  a.created_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(a.id, repo_.AddAttachment(a, bytes, s));
  return a;
}

StatusOr<std::vector<Attachment>> TaskService::ListAttachments(const Scope& s, int64_t report_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto r, repo_.FindReport(report_id));
  if (!r || !s.CanReadPark(r->park_id)) return Status::NotFound("进展报告不存在");
  return repo_.ListAttachments(report_id);
}

StatusOr<std::pair<Attachment, std::string>> TaskService::DownloadAttachment(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto a, repo_.FindAttachment(id));
  if (!a || !s.CanReadPark(a->park_id)) return Status::NotFound("附件不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, repo_.AttachmentBytes(a->sha256));
  return std::pair{*a, std::move(bytes)};
}

}  // namespace parkhq::task
