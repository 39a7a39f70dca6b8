// The risk module's repository and service (issue 14 items 3-5), owned by the App.
#pragma once
#include "domain/evaluation/evaluation_service.h"
#include "domain/risk/risk_service.h"
#include "http/handlers/risk_module.h"
#include "storage/database.h"
#include "storage/evaluation/sql_platform_figures_repository.h"
#include "storage/risk/sql_risk_repository.h"

namespace parkhq::app {

struct RiskWiring {
  // `reports` gives each enterprise's year sums of approved reports (value added, energy);
  // `evaluation` receives the vetoes. Both outlive this object.
  RiskWiring(storage::Database& db, evaluation::PlatformFiguresRepository* reports,
             const evaluation::EvaluationService* evaluation)
      : repo(db), service(repo, reports, evaluation) {
    module.service = &service;
  }
  storage::SqlRiskRepository repo;
  risk::RiskService service;
  http::RiskModule module;
};

// Seeds the risk demo from the demo world (app/risk_demo.cc): profiles of the registry's firms,
// the park's emergency resources, energy accounts matching the firms' approved reports.
Status SeedRiskDemo(storage::Database& db);

}  // namespace parkhq::app
