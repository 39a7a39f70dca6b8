// Photos of repair tickets (报修照片): content once per SHA-256 in task_files (the loop module's store,
// base64 text, portable), link rows in sme_repair_photos, audited.
#include <sodium.h>

#include <cstring>

#include "common/crypto.h"
#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

const char kCols[] = "SELECT id, park_id, repair_id, sha256, filename, content_type, size, created_by, created_at "
                     "FROM sme_repair_photos ";

task::Attachment ToPhoto(const Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6), r.Text(7), r.Text(8)};
}

std::string ToBase64(const std::string& bytes) {
  CryptoInit();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// The ticket if the caller sees it (404 otherwise).
StatusOr<sme::Repair> VisibleRepair(Connection& c, const Scope& s, int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(rows::kRepairSql) + "WHERE r.id = ?", {id}));
  if (!row) return rows::NotFound();
  sme::Repair r = rows::ReadRepair(*row);
  if (!sme::SeesTenantData(s, r.park_id, r.operator_unit_id, r.enterprise_id)) return rows::NotFound();
  return r;
}

}  // namespace

StatusOr<task::Attachment> SmeStore::AddRepairPhoto(const Scope& s, int64_t repair_id, const std::string& filename,
                                                    const std::string& bytes) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, VisibleRepair(*c, s, repair_id));
  const bool tenant = s.role == Role::kEnterprise && !s.read_only && s.enterprise_id && r.enterprise_id &&
                      *s.enterprise_id == *r.enterprise_id;
  if (!tenant && !sme::CanManage(s, r.park_id, r.operator_unit_id))
    return Status::PermissionDenied("只有报修的租户和运营公司可以上传照片");
  if (bytes.size() > task::kMaxAttachmentBytes)
    return Status(StatusCode::kPayloadTooLarge, "照片过大（最多 10 MiB）", {{"file", "照片过大（最多 10 MiB）"}});
  if (bytes.empty()) return Status::Validation("照片有误", {{"file", "文件为空"}});
  if (auto p = task::AttachmentNameProblem(filename); !p.empty()) return Status::Validation("照片有误", {{"filename", p}});
  const auto type = task::AttachmentType(filename, bytes);
  if (!type || type->rfind("image/", 0) != 0) return Status::Validation("照片有误", {{"file", "只接受 PNG、JPG 照片"}});
  task::Attachment a;
  a.park_id = r.park_id;
  a.report_id = repair_id;
  a.sha256 = Sha256Hex(bytes);
  a.filename = filename;
  a.content_type = *type;
  a.size = static_cast<int64_t>(bytes.size());
  a.created_by = s.username;
  a.created_at = NowIso();
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto have, c->QueryOne("SELECT 1 FROM task_files WHERE sha256 = ?", {a.sha256}));
  if (!have)
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO task_files(sha256, size, data_b64, created_at) VALUES (?,?,?,?)",
                                   {a.sha256, a.size, ToBase64(bytes), a.created_at})
                               .status());
  PARKHQ_ASSIGN_OR_RETURN(a.id, c->InsertId("INSERT INTO sme_repair_photos(park_id, repair_id, sha256, filename, "
                                            "content_type, size, created_by, created_at) VALUES (?,?,?,?,?,?,?,?) "
                                            "RETURNING id",
                                            {a.park_id, repair_id, a.sha256, a.filename, a.content_type, a.size,
                                             a.created_by, a.created_at}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_repair_photos WHERE id = ?", {a.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_repair_photo", std::to_string(a.id), a.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return a;
}

StatusOr<std::vector<task::Attachment>> SmeStore::ListRepairPhotos(const Scope& s, int64_t repair_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_RETURN_IF_ERROR(VisibleRepair(*c, s, repair_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(std::string(kCols) + "WHERE repair_id = ? ORDER BY id", {repair_id}));
  std::vector<task::Attachment> out;
  for (const auto& r : rs) out.push_back(ToPhoto(r));
  return out;
}

StatusOr<std::pair<task::Attachment, std::string>> SmeStore::DownloadRepairPhoto(const Scope& s, int64_t photo_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kCols) + "WHERE id = ?", {photo_id}));
  if (!row) return rows::NotFound();
  const task::Attachment a = ToPhoto(*row);
  PARKHQ_RETURN_IF_ERROR(VisibleRepair(*c, s, a.report_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto f, c->QueryOne("SELECT data_b64, size FROM task_files WHERE sha256 = ?", {a.sha256}));
  if (!f) return rows::NotFound();
  const std::string b64 = f->Text(0);
  std::string out(static_cast<size_t>(f->Int(1)), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return Status::Internal("photo content is damaged");
  out.resize(len);
  return std::pair{a, std::move(out)};
}

}  // namespace parkhq::storage
