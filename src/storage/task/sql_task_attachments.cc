// Attachments of progress reports: content once per SHA-256 (base64 text, portable), link rows audited.
#include <sodium.h>

#include <cstring>

#include "common/crypto.h"
#include "storage/audit_store.h"
#include "storage/task/sql_task_repository.h"

namespace parkhq::storage {

namespace {

const char kCols[] = "SELECT id, park_id, report_id, sha256, filename, content_type, size, created_by, created_at "
                     "FROM task_report_files ";

task::Attachment ToAttachment(const Row& r) {
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

}  // namespace

StatusOr<int64_t> SqlTaskRepository::AddAttachment(const task::Attachment& a, const std::string& bytes,
                                                   const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto have, c->QueryOne("SELECT 1 FROM task_files WHERE sha256 = ?", {a.sha256}));
  if (!have)
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO task_files(sha256, size, data_b64, created_at) VALUES (?,?,?,?)",
                                   {a.sha256, a.size, ToBase64(bytes), a.created_at})
                               .status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO task_report_files(park_id, report_id, sha256, filename, "
                                                  "content_type, size, created_by, created_at) VALUES (?,?,?,?,?,?,?,?) "
                                                  "RETURNING id",
                                                  {a.park_id, a.report_id, a.sha256, a.filename, a.content_type, a.size,
                                                   a.created_by, a.created_at}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM task_report_files WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "task_report_file", std::to_string(id), a.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<task::Attachment>> SqlTaskRepository::ListAttachments(int64_t report_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kCols) + "WHERE report_id = ? ORDER BY id", {report_id}));
  std::vector<task::Attachment> out;
  for (const auto& r : rows) out.push_back(ToAttachment(r));
  return out;
}

StatusOr<std::optional<task::Attachment>> SqlTaskRepository::FindAttachment(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<task::Attachment>();
  return std::optional<task::Attachment>(ToAttachment(*r));
}

StatusOr<std::string> SqlTaskRepository::AttachmentBytes(const std::string& sha256) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT data_b64, size FROM task_files WHERE sha256 = ?", {sha256}));
  if (!r) return Status::NotFound("附件不存在");
  const std::string b64 = r->Text(0);
  std::string out(static_cast<size_t>(r->Int(1)), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return Status::Internal("attachment content is damaged");
  out.resize(len);
  return out;
}

}  // namespace parkhq::storage
