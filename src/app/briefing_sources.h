// Where a briefing's figures come from (issue 12): the module services, called exactly as their own
// API handlers call them, so the briefing states the same numbers as the API (the monitoring
// table's 1-N月累计, 同比, 完成率 and 序时进度 come from MonitoringService::ParkDashboard with the
// API's default basis). A module that refuses the caller or is absent leaves its section out.
#pragma once
#include "domain/briefing/briefing_service.h"

namespace parkhq {
namespace monitoring {
class MonitoringService;
}
namespace enterprise {
class EnterpriseService;
}
namespace project {
class ProjectService;
class CrmService;
}  // namespace project
namespace land {
class LandService;
}
}  // namespace parkhq

namespace parkhq::app {

class ModuleFacts final : public briefing::FactsSource {
 public:
  ModuleFacts(const monitoring::MonitoringService& monitoring, const enterprise::EnterpriseService* enterprises,
              const project::ProjectService* projects, const project::CrmService* crm, const land::LandService* land)
      : monitoring_(monitoring), enterprises_(enterprises), projects_(projects), crm_(crm), land_(land) {}
  StatusOr<briefing::BriefingInput> Gather(const Scope& s, const Park& park, Period period) const override;

 private:
  const monitoring::MonitoringService& monitoring_;
  const enterprise::EnterpriseService* enterprises_;
  const project::ProjectService* projects_;
  const project::CrmService* crm_;
  const land::LandService* land_;
};

}  // namespace parkhq::app
