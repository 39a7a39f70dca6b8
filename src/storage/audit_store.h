// Writing and reading the audit log. Writes happen inside the caller's transaction, so a change and
// its audit row commit together or not at all.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/scope.h"
#include "domain/audit/audit.h"
#include "storage/database.h"

namespace parkhq::storage {

// A JSON object of the first row of a query (column → value), "" when there is no row. Columns whose
// names end in "_hash" are redacted.
StatusOr<std::string> Snapshot(Connection& c, std::string_view sql, const std::vector<Value>& params);

// Appends one audit row for `who`.
Status WriteAudit(Connection& c, const Scope& who, std::string_view action, std::string_view entity,
                  const std::string& entity_id, std::optional<int64_t> park_id,
                  const std::string& before_json, const std::string& after_json,
                  const std::string& reason = "");

// Appends a row for an event without a logged-in caller (e.g. a failed login).
Status WriteAuditAnonymous(Connection& c, const std::string& username, const std::string& ip,
                           std::string_view action, std::string_view entity,
                           const std::string& entity_id, const std::string& after_json);

struct AuditPage {
  std::vector<AuditEntry> items;
  int64_t total = 0;
};
StatusOr<AuditPage> ListAudit(Connection& c, const AuditFilter& f);

}  // namespace parkhq::storage
