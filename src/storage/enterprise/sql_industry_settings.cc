// SqlEnterpriseRepository, part three: the zombie months setting and the installation's GB/T 4754
// table (settings park_id 0, key enterprise.industry_table), with the codes enterprises use.
#include <boost/json.hpp>

#include "storage/audit_store.h"
#include "storage/enterprise/sql_enterprise_repository.h"

namespace parkhq::storage {
namespace {

const char kZombieMonthsKey[] = "enterprise.zombie_months";
const char kIndustryTableKey[] = "enterprise.industry_table";
constexpr size_t kMaxListedCodes = 500;  // per list in the audit row

boost::json::array Codes(const std::vector<std::string>& codes) {
  boost::json::array a;
  for (size_t i = 0; i < codes.size() && i < kMaxListedCodes; ++i) a.push_back(boost::json::value(codes[i]));
  return a;
}

}  // namespace

StatusOr<std::optional<int>> SqlEnterpriseRepository::FindZombieMonths(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto text, GetSetting(park_id, kZombieMonthsKey));
  if (!text) return std::optional<int>();
  try {
    return std::optional<int>(std::stoi(*text));
  } catch (const std::exception&) {
    return std::optional<int>();  // unreadable: the default applies
  }
}

Status SqlEnterpriseRepository::SaveZombieMonths(int64_t park_id, int months, const Scope& who) {
  return PutSetting(park_id, kZombieMonthsKey, std::to_string(months), who);
}

StatusOr<std::optional<std::string>> SqlEnterpriseRepository::FindIndustryTable() {
  return GetSetting(0, kIndustryTableKey);
}

Status SqlEnterpriseRepository::SaveIndustryTable(const std::optional<std::string>& csv,
                                                  const enterprise::IndustryTableDiff& diff, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto old, c->QueryOne("SELECT value FROM settings WHERE park_id = 0 AND key = ?",
                                                {std::string(kIndustryTableKey)}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM settings WHERE park_id = 0 AND key = ?", {std::string(kIndustryTableKey)}).status());
  if (csv)
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO settings(park_id, key, value) VALUES (0, ?, ?)",
                                   {std::string(kIndustryTableKey), *csv})
                               .status());
  // The audit row carries what changed, not two copies of a 1,900-row table.
  boost::json::object before{{"source", old ? "imported" : "embedded"},
                             {"rows", static_cast<int64_t>(diff.rows_before)}};
  boost::json::object after{{"source", csv ? "imported" : "embedded"},
                            {"rows", static_cast<int64_t>(diff.rows_after)},
                            {"added_count", static_cast<int64_t>(diff.added.size())},
                            {"removed_count", static_cast<int64_t>(diff.removed.size())},
                            {"renamed_count", static_cast<int64_t>(diff.renamed.size())},
                            {"added", Codes(diff.added)},
                            {"removed", Codes(diff.removed)},
                            {"renamed", Codes(diff.renamed)}};
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, csv ? "import" : "reset", "industry_table", "gbt4754", std::nullopt,
                                    boost::json::serialize(before), boost::json::serialize(after)));
  return tx.Commit();
}

StatusOr<std::map<std::string, std::vector<std::string>>> SqlEnterpriseRepository::IndustryCodesInUse() {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT industry_code, name FROM enterprises WHERE industry_code <> '' "
                                              "ORDER BY industry_code, id",
                                              {}));
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& r : rows) out[r.Text(0)].push_back(r.Text(1));
  return out;
}

}  // namespace parkhq::storage
