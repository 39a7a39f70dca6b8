#include "storage/evaluation/sql_platform_figures_repository.h"

#include <cstdio>
#include <map>

#include "storage/enterprise/report_values_json.h"

namespace parkhq::storage {

StatusOr<std::vector<evaluation::PlatformFigures>> SqlPlatformFiguresRepository::LoadPlatformFigures(
    int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  char from[16], to[16];
  std::snprintf(from, sizeof from, "%04d-01", year);
  std::snprintf(to, sizeof to, "%04d-12", year);
  std::vector<evaluation::PlatformFigures> out;
  std::map<int64_t, size_t> at;
  {
    PARKHQ_ASSIGN_OR_RETURN(
        auto rows, c->Query("SELECT e.id, e.name, e.sub_park_id, e.leading_group, e.above_scale FROM enterprises e "
                            "WHERE e.park_id = ? OR e.sub_park_id = ? ORDER BY e.id",
                            {park_id, park_id}));
    out.reserve(rows.size());
    for (const auto& r : rows) {
      evaluation::PlatformFigures f;
      f.enterprise_id = r.Int(0);
      f.name = r.Text(1);
      f.sub_park_id = r.OptInt(2);
      f.leading_group = r.Text(3);
      f.above_scale = r.Bool(4);
      at[f.enterprise_id] = out.size();
      out.push_back(std::move(f));
    }
  }
  if (out.empty()) return out;
  // Approved reports of the year: months counted per enterprise, values summed per field (a
  // report's values are one JSON object, report_values_json.h).
  PARKHQ_RETURN_IF_ERROR(c->ForEach(
      "SELECT r.enterprise_id, r.values_json FROM enterprise_reports r JOIN enterprises e ON e.id = r.enterprise_id "
      "WHERE (e.park_id = ? OR e.sub_park_id = ?) AND r.state = 'approved' AND r.period >= ? AND r.period <= ?",
      {park_id, park_id, std::string(from), std::string(to)}, [&](const Row& r) {
        auto it = at.find(r.Int(0));
        if (it == at.end()) return true;
        auto& f = out[it->second];
        ++f.approved_months;
        for (const auto& [field, value] : DecodeReportValues(r.Text(1))) {
          f.sums[field] += value;
          ++f.months[field];
        }
        return true;
      }));
  {
    PARKHQ_ASSIGN_OR_RETURN(
        auto rows, c->Query("SELECT p.holder_enterprise_id, SUM(p.area_mu) FROM land_parcels p "
                            "JOIN enterprises e ON e.id = p.holder_enterprise_id "
                            "WHERE (e.park_id = ? OR e.sub_park_id = ?) GROUP BY p.holder_enterprise_id",
                            {park_id, park_id}));
    for (const auto& r : rows)
      if (auto it = at.find(r.Int(0)); it != at.end() && !r.IsNull(1)) out[it->second].land_mu = r.Double(1);
  }
  return out;
}

}  // namespace parkhq::storage
