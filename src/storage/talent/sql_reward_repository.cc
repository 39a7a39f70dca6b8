// Award types, applications (with the enterprise's flags and evaluation class) and evidence files.
#include <sodium.h>

#include <cstring>
#include <map>

#include "common/crypto.h"
#include "storage/audit_store.h"
#include "storage/talent/sql_talent_repository.h"

namespace parkhq::storage {

using talent::RewardApplication;
using talent::RewardFile;
using talent::RewardType;

namespace {

const char kTypeCols[] =
    "SELECT t.id, t.park_id, t.code, t.name, t.amount, t.rule, t.unit_id, COALESCE(u.name, ''), t.flag, t.active, "
    "t.is_demo, t.created_at, t.updated_at FROM reward_types t LEFT JOIN units u ON u.id = t.unit_id ";

RewardType ToType(const Row& r) {
  RewardType t;
  t.id = r.Int(0);
  t.park_id = r.Int(1);
  t.code = r.Text(2);
  t.name = r.Text(3);
  t.amount = r.OptDouble(4);
  t.rule = r.Text(5);
  t.unit_id = r.OptInt(6);
  t.unit_name = r.Text(7);
  t.flag = r.Text(8);
  t.active = r.Bool(9);
  t.is_demo = r.Bool(10);
  t.created_at = r.Text(11);
  t.updated_at = r.Text(12);
  return t;
}

const char kAppCols[] =
    "SELECT a.id, a.park_id, a.enterprise_id, e.name, a.type_id, t.name, t.unit_id, t.flag, a.year, "
    "a.amount_requested, a.amount_approved, a.state, a.note, a.review_reason, COALESCE(a.reviewed_at, ''), "
    "COALESCE(a.reviewed_by, ''), a.is_demo, a.created_by, a.created_at, a.updated_at, "
    "(SELECT COUNT(*) FROM reward_files f WHERE f.application_id = a.id) "
    "FROM reward_applications a JOIN enterprises e ON e.id = a.enterprise_id "
    "JOIN reward_types t ON t.id = a.type_id ";

RewardApplication ToApp(const Row& r) {
  RewardApplication a;
  a.id = r.Int(0);
  a.park_id = r.Int(1);
  a.enterprise_id = r.Int(2);
  a.enterprise_name = r.Text(3);
  a.type_id = r.Int(4);
  a.type_name = r.Text(5);
  a.type_unit_id = r.OptInt(6);
  a.type_flag = r.Text(7);
  a.year = r.Int(8);
  a.amount_requested = r.Double(9);
  a.amount_approved = r.OptDouble(10);
  a.state = r.Text(11);
  a.note = r.Text(12);
  a.review_reason = r.Text(13);
  a.reviewed_at = r.Text(14);
  a.reviewed_by = r.Text(15);
  a.is_demo = r.Bool(16);
  a.created_by = r.Text(17);
  a.created_at = r.Text(18);
  a.updated_at = r.Text(19);
  a.files = r.Int(20);
  return a;
}

// Adds each application's flags (valid at some time in its year) and the class of the latest
// published evaluation run of its year or before.
Status AddLinks(Connection& c, std::vector<RewardApplication>& apps) {
  for (RewardApplication& a : apps) {
    PARKHQ_ASSIGN_OR_RETURN(auto flags, c.Query("SELECT flag FROM enterprise_flags WHERE enterprise_id = ? AND "
                                                "(since IS NULL OR since <= ?) AND (until IS NULL OR until >= ?) "
                                                "ORDER BY flag",
                                                {a.enterprise_id, std::to_string(a.year) + "-12-31",
                                                 std::to_string(a.year) + "-01-01"}));
    for (const Row& f : flags) a.flags.push_back(f.Text(0));
    PARKHQ_ASSIGN_OR_RETURN(auto cls, c.QueryOne("SELECT r.class, run.year FROM eval_results r JOIN eval_runs run ON "
                                                 "run.id = r.run_id WHERE r.enterprise_id = ? AND "
                                                 "run.status = 'published' AND run.year <= ? "
                                                 "ORDER BY run.year DESC, run.id DESC LIMIT 1",
                                                 {a.enterprise_id, a.year}));
    if (cls) {
      a.eval_class = cls->Text(0);
      a.eval_year = cls->Int(1);
    }
  }
  return Status::Ok();
}

StatusOr<std::string> Snap(Connection& c, const char* table, int64_t id) {
  return Snapshot(c, std::string("SELECT * FROM ") + table + " WHERE id = ?", {id});
}

std::string ToBase64(const std::string& bytes) {
  CryptoInit();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

const char kFileCols[] =
    "SELECT id, park_id, application_id, filename, content_type, size, sha256, created_by, created_at "
    "FROM reward_files ";

RewardFile ToFile(const Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5), r.Text(6), r.Text(7), r.Text(8)};
}

}  // namespace

StatusOr<std::vector<RewardType>> SqlTalentRepository::ListRewardTypes(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kTypeCols) + "WHERE t.park_id = ? ORDER BY t.id", {park_id}));
  std::vector<RewardType> out;
  for (const Row& r : rows) out.push_back(ToType(r));
  return out;
}

StatusOr<std::optional<RewardType>> SqlTalentRepository::FindRewardType(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kTypeCols) + "WHERE t.id = ?", {id}));
  if (!r) return std::optional<RewardType>();
  return std::optional<RewardType>(ToType(*r));
}

StatusOr<int64_t> SqlTalentRepository::CreateRewardType(const RewardType& t, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto taken, c->QueryOne("SELECT id FROM reward_types WHERE park_id = ? AND code = ?",
                                                  {t.park_id, t.code}));
  if (taken) return Status::Conflict("奖补类型代码已存在", {{"code", "本园区已有这个代码"}});
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO reward_types(park_id, code, name, amount, rule, unit_id, flag, active, "
                              "is_demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                              {t.park_id, t.code, t.name, Opt(t.amount), t.rule, Opt(t.unit_id), t.flag,
                               int64_t{t.active ? 1 : 0}, int64_t{t.is_demo ? 1 : 0}, t.created_at, t.updated_at}));
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "reward_types", id));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "reward_type", std::to_string(id), t.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTalentRepository::UpdateRewardType(const RewardType& t, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(std::string before, Snap(*c, "reward_types", t.id));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE reward_types SET name = ?, amount = ?, rule = ?, unit_id = ?, flag = ?, "
                                 "active = ?, updated_at = ? WHERE id = ?",
                                 {t.name, Opt(t.amount), t.rule, Opt(t.unit_id), t.flag, int64_t{t.active ? 1 : 0},
                                  t.updated_at, t.id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "reward_types", t.id));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "reward_type", std::to_string(t.id), t.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<RewardApplication>> SqlTalentRepository::ListApplications(int64_t park_id,
                                                                               std::optional<int64_t> year,
                                                                               std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string sql = std::string(kAppCols) + "WHERE a.park_id = ? ";
  std::vector<Value> params = {park_id};
  if (year) {
    sql += "AND a.year = ? ";
    params.emplace_back(*year);
  }
  if (enterprise_id) {
    sql += "AND a.enterprise_id = ? ";
    params.emplace_back(*enterprise_id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql + "ORDER BY a.year DESC, a.id DESC", params));
  std::vector<RewardApplication> out;
  for (const Row& r : rows) out.push_back(ToApp(r));
  PARKHQ_RETURN_IF_ERROR(AddLinks(*c, out));
  return out;
}

StatusOr<std::optional<RewardApplication>> SqlTalentRepository::FindApplication(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kAppCols) + "WHERE a.id = ?", {id}));
  if (!r) return std::optional<RewardApplication>();
  std::vector<RewardApplication> one = {ToApp(*r)};
  PARKHQ_RETURN_IF_ERROR(AddLinks(*c, one));
  return std::optional<RewardApplication>(std::move(one[0]));
}

StatusOr<int64_t> SqlTalentRepository::CreateApplication(const RewardApplication& a, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c->InsertId("INSERT INTO reward_applications(park_id, enterprise_id, type_id, year, amount_requested, "
                  "amount_approved, state, note, review_reason, reviewed_at, reviewed_by, is_demo, created_by, "
                  "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                  {a.park_id, a.enterprise_id, a.type_id, a.year, a.amount_requested, Opt(a.amount_approved), a.state,
                   a.note, a.review_reason, a.reviewed_at.empty() ? Value() : Value(a.reviewed_at),
                   a.reviewed_by.empty() ? Value() : Value(a.reviewed_by), int64_t{a.is_demo ? 1 : 0}, a.created_by,
                   a.created_at, a.updated_at}));
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "reward_applications", id));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "create", "reward_application", std::to_string(id), a.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTalentRepository::UpdateApplication(const RewardApplication& a, const std::string& action,
                                              const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(std::string before, Snap(*c, "reward_applications", a.id));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE reward_applications SET amount_approved = ?, state = ?, review_reason = ?, "
                                 "reviewed_at = ?, reviewed_by = ?, updated_at = ? WHERE id = ?",
                                 {Opt(a.amount_approved), a.state, a.review_reason,
                                  a.reviewed_at.empty() ? Value() : Value(a.reviewed_at),
                                  a.reviewed_by.empty() ? Value() : Value(a.reviewed_by), a.updated_at, a.id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "reward_applications", a.id));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, action, "reward_application", std::to_string(a.id), a.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<RewardFile>> SqlTalentRepository::ListFiles(int64_t application_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kFileCols) + "WHERE application_id = ? ORDER BY id",
                                              {application_id}));
  std::vector<RewardFile> out;
  for (const Row& r : rows) out.push_back(ToFile(r));
  return out;
}

StatusOr<std::optional<RewardFile>> SqlTalentRepository::FindFile(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kFileCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<RewardFile>();
  return std::optional<RewardFile>(ToFile(*r));
}

StatusOr<int64_t> SqlTalentRepository::AddFile(const RewardFile& f, const std::string& bytes, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO reward_files(park_id, application_id, filename, content_type, size, sha256, "
                              "data_b64, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                              {f.park_id, f.application_id, f.filename, f.content_type, f.size, f.sha256,
                               ToBase64(bytes), f.created_by, f.created_at}));
  PARKHQ_ASSIGN_OR_RETURN(std::string after,
                          Snapshot(*c, std::string(kFileCols) + "WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "reward_file", std::to_string(id), f.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::string> SqlTalentRepository::FileBytes(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT data_b64, size FROM reward_files WHERE id = ?", {id}));
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
