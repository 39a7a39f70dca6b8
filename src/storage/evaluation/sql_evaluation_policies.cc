// SqlEvaluationRepository, the park's policy configuration: one row of the shared `settings` table
// (key "evaluation.policies", the JSON of policy_config_json.h), each write audited in its
// transaction with the before and after values.
#include <boost/json.hpp>

#include "storage/audit_store.h"
#include "storage/evaluation/policy_config_json.h"
#include "storage/evaluation/sql_evaluation_repository.h"

namespace parkhq::storage {

using evaluation::PolicyConfig;

namespace {

const char kPoliciesKey[] = "evaluation.policies";

// The audit form of a settings value: {"value": <the stored JSON>}, "" for none.
std::string AuditValue(const std::optional<std::string>& v) {
  if (!v) return "";
  boost::system::error_code ec;
  auto parsed = boost::json::parse(*v, ec);
  return boost::json::serialize(boost::json::object{{"value", ec ? boost::json::value(*v) : parsed}});
}

StatusOr<std::optional<std::string>> Stored(Connection& c, int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT value FROM settings WHERE park_id = ? AND key = ?",
                                               {park_id, std::string(kPoliciesKey)}));
  if (!row) return std::optional<std::string>();
  return std::optional(row->Text(0));
}

}  // namespace

StatusOr<std::optional<int64_t>> SqlEvaluationRepository::TopPark(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT id, parent_id FROM parks WHERE id = ?", {park_id}));
  if (!row) return std::optional<int64_t>();
  return std::optional(row->OptInt(1).value_or(row->Int(0)));
}

StatusOr<std::optional<PolicyConfig>> SqlEvaluationRepository::GetPolicyConfig(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto text, Stored(*c, park_id));
  if (!text) return std::optional<PolicyConfig>();
  PARKHQ_ASSIGN_OR_RETURN(auto config, evaluation::PolicyConfigFromText(*text));
  return std::optional(std::move(config));
}

Status SqlEvaluationRepository::SavePolicyConfig(int64_t park_id, const PolicyConfig& config, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Stored(*c, park_id));
  const std::string value = evaluation::PolicyConfigToText(config);
  const std::string key = kPoliciesKey;
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM settings WHERE park_id = ? AND key = ?", {park_id, key}).status());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("INSERT INTO settings(park_id, key, value) VALUES (?,?,?)", {park_id, key, value}).status());
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "update", "setting", key, park_id, AuditValue(before), AuditValue(value)));
  return tx.Commit();
}

Status SqlEvaluationRepository::DeletePolicyConfig(int64_t park_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Stored(*c, park_id));
  if (!before) return Status::Ok();  // already the defaults: nothing changes, nothing to audit
  const std::string key = kPoliciesKey;
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM settings WHERE park_id = ? AND key = ?", {park_id, key}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "setting", key, park_id, AuditValue(before), "",
                                    "恢复默认差别化政策配置"));
  return tx.Commit();
}

}  // namespace parkhq::storage
