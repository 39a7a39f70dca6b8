// "Report once, use everywhere": the monitoring module's MonthlyFiguresSource implementations over
// the enterprise module (sums of approved enterprise monthly reports) and the project module
// (sums of projects' monthly completed investment). Glue of the composition root: each side keeps
// its own narrow interface and neither module depends on the other.
#pragma once
#include <map>
#include <string>

#include "domain/enterprise/enterprise_repository.h"
#include "domain/monitoring/figures_source.h"
#include "domain/project/project_repository.h"

namespace parkhq::app {

// Indicator code → enterprise report field: output→output, sales→revenue, value_added, tax, energy,
// employees. Other indicators have no figures from this source (an empty map).
class EnterpriseReportsSource final : public monitoring::MonthlyFiguresSource {
 public:
  explicit EnterpriseReportsSource(enterprise::EnterpriseRepository& repo) : repo_(repo) {}
  StatusOr<std::map<int64_t, monitoring::MonthlySeries>> Series(const std::string& indicator_code,
                                                                const std::vector<int64_t>& park_ids,
                                                                int year) override;
  // The report field behind an indicator, "" when none.
  static std::string FieldFor(const std::string& indicator_code);

 private:
  enterprise::EnterpriseRepository& repo_;
};

// fai ← the projects' monthly completed investment. Other indicators: an empty map.
class ProjectInvestmentSource final : public monitoring::MonthlyFiguresSource {
 public:
  explicit ProjectInvestmentSource(project::ProjectRepository& repo) : repo_(repo) {}
  StatusOr<std::map<int64_t, monitoring::MonthlySeries>> Series(const std::string& indicator_code,
                                                                const std::vector<int64_t>& park_ids,
                                                                int year) override;

 private:
  project::ProjectRepository& repo_;
};

}  // namespace parkhq::app
