#include "app/figures_sources.h"

namespace parkhq::app {

std::string EnterpriseReportsSource::FieldFor(const std::string& code) {
  static const std::map<std::string, std::string> kFields = {
      {"output", "output"}, {"sales", "revenue"}, {"value_added", "value_added"},
      {"tax", "tax"},       {"energy", "energy"}, {"employees", "employees"}};
  auto it = kFields.find(code);
  return it == kFields.end() ? "" : it->second;
}

StatusOr<std::map<int64_t, monitoring::MonthlySeries>> EnterpriseReportsSource::Series(
    const std::string& indicator_code, const std::vector<int64_t>& park_ids, int year) {
  const std::string field = FieldFor(indicator_code);
  if (field.empty()) return std::map<int64_t, monitoring::MonthlySeries>{};
  PARKHQ_ASSIGN_OR_RETURN(auto sums, repo_.ApprovedMonthlyTotals(field, park_ids, year));
  std::map<int64_t, monitoring::MonthlySeries> out;
  for (auto& [park, months] : sums) out[park] = months;
  return out;
}

StatusOr<std::map<int64_t, monitoring::MonthlySeries>> ProjectInvestmentSource::Series(
    const std::string& indicator_code, const std::vector<int64_t>& park_ids, int year) {
  if (indicator_code != "fai") return std::map<int64_t, monitoring::MonthlySeries>{};
  PARKHQ_ASSIGN_OR_RETURN(auto sums, repo_.MonthlyCompletedInvestment(park_ids, year));
  std::map<int64_t, monitoring::MonthlySeries> out;
  for (auto& [park, months] : sums) out[park] = months;
  return out;
}

}  // namespace parkhq::app
