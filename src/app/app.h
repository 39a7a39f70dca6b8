// The composition root: config → database → repositories → services → dispatcher.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "domain/account/account_service.h"
#include "domain/enterprise/enterprise_service.h"
#include "domain/org/org_service.h"
#include "http/dispatcher.h"
#include "http/ops_settings.h"
#include "app/project_wiring.h"
#include "common/limits.h"
#include "storage/database.h"
#include "domain/evaluation/evaluation_service.h"  // evaluation module
#include "storage/evaluation/sql_evaluation_repository.h"  // evaluation module
#include "storage/evaluation/sql_platform_figures_repository.h"  // evaluation module
#include "storage/sql_account_repository.h"
#include "storage/sql_org_repository.h"
#include "domain/land/land_service.h"
#include "storage/land/sql_land_repository.h"
// -- monitoring --
#include "domain/monitoring/monitoring_service.h"
#include "storage/monitoring/sql_monitoring_repository.h"
#include "storage/enterprise/sql_enterprise_repository.h"

#include "app/figures_sources.h"
// -- management loop (issue 19) --
#include "domain/task/task_service.h"
#include "storage/task/sql_task_repository.h"
// -- briefings --
#include "app/briefing_wiring.h"
// -- figures (issue 11) --
#include "domain/figures/reconciliation_service.h"
#include "storage/figures/sql_reconciliation_repository.h"
// -- parks --
#include "domain/parks/parks_service.h"
#include "http/handlers/parks_module.h"
#include "storage/parks/sql_parks_repository.h"
// (end parks)
// -- talent --
#include "domain/talent/talent_service.h"
#include "http/handlers/talent_module.h"
#include "storage/talent/sql_talent_repository.h"
// (end talent)
// -- safety --
#include "domain/safety/safety_service.h"
#include "storage/safety/sql_safety_repository.h"
// (end safety)
// -- risk --
#include "app/risk_wiring.h"
// (end risk)
// -- gates --
#include "app/gates_wiring.h"
// (end gates)
// -- sme --
#include "http/handlers/sme_handlers.h"
#include "storage/sme/sme_store.h"
// (end sme)
// -- scale --
// (end scale)

namespace parkhq::app {

struct Config {
  std::string db = "data/parkhq.db";  // a SQLite path or postgresql://...
  std::string listen = "127.0.0.1:8080";
  std::string web_root = "web/dist";
  std::string time_zone = "Asia/Shanghai";  // the deployment's zone for "today", months, deadlines
  bool fast_hash = false;  // PARKHQ_FAST_HASH=1: minimum Argon2id cost, for tests only
  int64_t idle_timeout_seconds = 30 * 60;
  // -- ops (issue 17): see app/config_file.h and docs/configuration.md --
  int db_pool = 16;
  std::vector<std::string> db_replicas;  // --db-replica postgresql://... (issue 18, docs/scaling.md)
  std::string log_level = "info";
  std::string log_format = "text";  // text | json
  bool metrics_enabled = true;
  std::vector<std::string> metrics_allow = {"127.0.0.1", "::1", "::ffff:127.0.0.1"};
  std::string backup_dir;  // "" = backups/ next to a SQLite database, else ./backups
  int backup_keep = 14;
  std::string config_file;  // the TOML file read ("" = none)
  int64_t session_lifetime_seconds = 12 * 3600;  // absolute, however active
  bool secure_cookies = false;                   // --secure-cookies: behind HTTPS
  std::vector<std::string> trusted_proxies;      // --trusted-proxy
  int max_connections_per_ip = 64;
  int token_rate = 20;   // api.token_rate: requests per second per API token
  int token_burst = 40;  // api.token_burst
  Limits limits;         // [limits] keys (the serve flags --body-limit-mb ... fill the same keys)
};

// Owns everything the server needs; members are destroyed in reverse order.
struct App {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<storage::SqlOrgRepository> org_repo;
  std::unique_ptr<storage::SqlAccountRepository> account_repo;
  std::unique_ptr<OrgService> org;
  std::unique_ptr<AccountService> accounts;
  // Module repositories and services, each below its marker.
  // -- monitoring --
  std::unique_ptr<storage::SqlMonitoringRepository> monitoring_repo;
  std::unique_ptr<monitoring::MonitoringService> monitoring;

  // -- projects --
  std::unique_ptr<ProjectWiring> projects;  // app/project_wiring.h

  // -- enterprises --
  std::unique_ptr<storage::SqlEnterpriseRepository> enterprise_repo;
  std::unique_ptr<enterprise::EnterpriseService> enterprises;

  // -- land and evaluation --
  std::unique_ptr<storage::SqlLandRepository> land_repo;  // land
  std::unique_ptr<land::LandService> land;                // land
  std::unique_ptr<storage::SqlEvaluationRepository> evaluation_repo;
  std::unique_ptr<storage::SqlPlatformFiguresRepository> evaluation_platform_repo;  // evaluation: inputs from platform
  std::unique_ptr<evaluation::EvaluationService> evaluation;

  // Report once, use everywhere: monitoring figures from enterprise reports and project investment.
  std::unique_ptr<EnterpriseReportsSource> enterprise_figures;
  std::unique_ptr<ProjectInvestmentSource> project_figures;

  // -- management loop (issue 19) --
  std::unique_ptr<storage::SqlTaskRepository> task_repo;
  std::unique_ptr<task::TaskService> tasks;

  std::unique_ptr<http::OpsSettings> ops;  // -- ops (issue 17) --
  // -- briefings --
  std::unique_ptr<BriefingWiring> briefings;  // app/briefing_wiring.h: briefings, notifications, jobs
  // -- figures (issue 11): reconciliation between sources --
  std::unique_ptr<storage::SqlReconciliationRepository> reconciliation_repo;
  std::unique_ptr<figures::ReconciliationService> reconciliation;
  // -- parks --
  std::unique_ptr<storage::SqlParksRepository> parks_repo;
  std::unique_ptr<parks::ParksService> parks;
  std::unique_ptr<http::ParksModule> parks_module;
  // (end parks)
  // -- talent --
  std::unique_ptr<storage::SqlTalentRepository> talent_repo;
  std::unique_ptr<talent::TalentService> talent;
  http::TalentModule talent_module;
  // (end talent)
  // -- safety --
  std::unique_ptr<storage::SqlSafetyRepository> safety_repo;
  std::unique_ptr<safety::SafetyService> safety;
  // (end safety)
  // -- risk --
  std::unique_ptr<RiskWiring> risk;  // app/risk_wiring.h
  // (end risk)
  // -- gates --
  std::unique_ptr<GatesWiring> gates;  // app/gates_wiring.h: policies (惠企政策)
  // (end gates)
  // -- sme --
  std::unique_ptr<storage::SmeStore> sme_store;
  std::unique_ptr<http::SmeModule> sme;
  // (end sme)
  // -- scale --
  // Declared after the monitoring service's figures sources, so destroyed before them: waits for
  // the service's background refreshes of region results (which read those sources) to finish.
  struct RefreshGuard {
    monitoring::MonitoringService* monitoring = nullptr;
    ~RefreshGuard();  // app/scale_wiring.cc
  };
  RefreshGuard refresh_guard;
  // (end scale)

  std::unique_ptr<http::Dispatcher> dispatcher;
};

// Where the SQLite file lives ("." for PostgreSQL) and where backups go (ops, issue 17).
std::string DataDir(const Config& config);
std::string BackupDir(const Config& config);

// Opens the database, applies migrations and wires the services.
StatusOr<std::unique_ptr<App>> BuildApp(const Config& config);

}  // namespace parkhq::app
