// What handlers can reach: the services built by the composition root (app/). Handlers hold no
// state of their own; everything here is thread-safe.
#pragma once
#include <string>

namespace parkhq {
class AccountService;
class OrgService;
namespace land {
class LandService;
}
namespace evaluation {
class EvaluationService;  // evaluation module
}
namespace monitoring {
class MonitoringService;
}
namespace enterprise {
class EnterpriseService;
}
namespace storage {
class Database;
}
namespace task {
class TaskService;  // management loop (issue 19)
}
namespace figures {
class ReconciliationService;  // figures (issue 11)
}
namespace safety {
class SafetyService;  // safety (issue 14)
}
}  // namespace parkhq

namespace parkhq::http {

struct OpsSettings;  // http/ops_settings.h

struct Services {
  storage::Database* db = nullptr;
  AccountService* accounts = nullptr;
  OrgService* org = nullptr;
  // Module services, each added below its marker.
  // -- monitoring --
  monitoring::MonitoringService* monitoring = nullptr;

  // -- projects --
  struct ProjectsModule* projects = nullptr;  // http/handlers/project_module.h

  // -- enterprises --
  enterprise::EnterpriseService* enterprises = nullptr;

  // -- land and evaluation --
  land::LandService* land = nullptr;  // land: parcels, 标准地, inefficient land, disposals
  evaluation::EvaluationService* evaluation = nullptr;

  // -- management loop (issue 19) --
  task::TaskService* tasks = nullptr;
  // -- ops (issue 17) --
  const OpsSettings* ops = nullptr;  // metrics access, data and backup paths; null = defaults
  // -- briefings --
  struct BriefingsModule* briefings = nullptr;  // http/handlers/briefing_module.h
  // -- figures (issue 11) --
  figures::ReconciliationService* reconciliation = nullptr;

  // -- parks: parks compared: region evaluation, chemical-park ledger (issue 13) --
  struct ParksModule* parks = nullptr;  // http/handlers/parks_module.h
  // (end parks)

  // -- talent: talent demand and rewards (issue 13) --
  struct TalentModule* talent = nullptr;  // http/handlers/talent_module.h
  // (end talent)

  // -- safety: safety: facilities, inspections, hazards (issue 14) --
  safety::SafetyService* safety = nullptr;  // domain/safety/safety_service.h
  // (end safety)

  // -- risk: risk profiles, emergency resources, energy (issue 14) --
  struct RiskModule* risk = nullptr;  // http/handlers/risk_module.h
  // (end risk)

  // -- gates: gates and money: admission, funding, land quota, powers, policies (issue 15) --
  struct GatesModule* gates = nullptr;  // http/handlers/gates_module.h
  // (end gates)

  // -- sme: SME park: space, leases, bills, repairs, financing (issue 16) --
  struct SmeModule* sme = nullptr;  // http/handlers/sme_handlers.h
  // (end sme)

  // -- scale: scale (issue 18) --
  // (end scale)

  std::string version;
  bool secure_cookies = false;  // add the Secure attribute (behind HTTPS)
};

}  // namespace parkhq::http
