// Helpers shared by the SqlEnterpriseRepository files (registry, reports, settings, import sink).
// Not part of the storage seam: include only from src/storage/enterprise/*.cc.
#pragma once
#include <string>
#include <vector>

#include "domain/enterprise/enterprise_repository.h"
#include "storage/database.h"

namespace parkhq::storage::enterprise_sql {

inline std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

// Park filter: enterprises whose park or sub-park is one of the ids. alias is the enterprises alias.
inline std::string ParkClause(const std::string& alias, size_t n) {
  return "(" + alias + ".park_id IN (" + Placeholders(n) + ") OR " + alias + ".sub_park_id IN (" +
         Placeholders(n) + "))";
}
inline void AddParkParams(std::vector<Value>& params, const std::vector<int64_t>& ids) {
  for (int pass = 0; pass < 2; ++pass)
    for (int64_t id : ids) params.push_back(id);
}

// The columns ToReport reads, prefixed "r." (FROM enterprise_reports r).
extern const char kReportColumns[];
enterprise::StoredReport ToReport(const Row& r);

// Rewrites the report row (state, values, explanations, review fields; updated_at = now).
Status UpdateReportRow(Connection& c, const enterprise::StoredReport& next, const std::string& now);

// One enterprise_report_revisions row per changed value and explanation, and for the state (every
// field of a report that did not exist).
Status WriteRevisions(Connection& c, const enterprise::StoredReport* before, const enterprise::StoredReport& next,
                      const Scope& who, const std::string& at, const std::string& reason);

}  // namespace parkhq::storage::enterprise_sql
