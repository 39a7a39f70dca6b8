#include "app/app.h"

#include <filesystem>

#include "common/embedded.h"
#include "http/metrics.h"
#include "storage/migrations.h"
#include "storage/replica_set.h"

namespace parkhq::app {

std::string DataDir(const Config& config) {
  if (config.db.rfind("postgres", 0) == 0 || config.db == ":memory:") return ".";
  auto parent = std::filesystem::path(config.db).parent_path();
  return parent.empty() ? "." : parent.string();
}

std::string BackupDir(const Config& config) {
  if (!config.backup_dir.empty()) return config.backup_dir;
  return (std::filesystem::path(DataDir(config)) / "backups").string();
}

StatusOr<std::unique_ptr<App>> BuildApp(const Config& config) {
  auto a = std::make_unique<App>();
  PARKHQ_ASSIGN_OR_RETURN(a->db, storage::Database::Open(config.db, config.db_pool));
  PARKHQ_RETURN_IF_ERROR(storage::Migrate(*a->db).status());
  if (!config.db_replicas.empty()) {  // read replicas (issue 18): PostgreSQL standbys of a->db
    if (a->db->engine() != storage::Engine::kPostgres)
      return Status::InvalidArgument("database.replicas (--db-replica) needs a PostgreSQL primary (--db postgresql://...)");
    PARKHQ_ASSIGN_OR_RETURN(auto replicas, storage::ReplicaSet::Open(config.db_replicas, config.db_pool, {}));
    a->db->SetReplicas(std::move(replicas));
  }
  a->org_repo = std::make_unique<storage::SqlOrgRepository>(*a->db);
  a->account_repo = std::make_unique<storage::SqlAccountRepository>(*a->db);
  a->org = std::make_unique<OrgService>(*a->org_repo);
  AccountPolicy policy;
  policy.fast_hash = config.fast_hash;
  policy.idle_timeout_seconds = config.idle_timeout_seconds;
  policy.absolute_lifetime_seconds = config.session_lifetime_seconds;
  policy.token_rate = config.token_rate;
  policy.token_burst = config.token_burst;
  a->accounts = std::make_unique<AccountService>(*a->account_repo, *a->org_repo, policy);

  http::Services services;
  services.db = a->db.get();
  services.accounts = a->accounts.get();
  services.org = a->org.get();
  services.version = PARKHQ_VERSION;
  services.secure_cookies = config.secure_cookies;
  // Module wiring, each below its marker.
  // -- monitoring --
  a->monitoring_repo = std::make_unique<storage::SqlMonitoringRepository>(*a->db);
  a->monitoring = std::make_unique<monitoring::MonitoringService>(*a->monitoring_repo, *a->org_repo);
  // Figures of indicators whose park setting "source" is enterprise_reports / projects come from
  // a->monitoring->RegisterSource(...) once those modules provide a MonthlyFiguresSource.
  services.monitoring = a->monitoring.get();

  // -- projects --
  a->projects = std::make_unique<ProjectWiring>(*a->db, *a->org_repo);
  services.projects = &a->projects->module;
  // Enterprises of the registry placed on chain links: shown on the chain map, they close 补链 gaps.
  a->projects->crm.SetChainEnterprises(&a->projects->chain_enterprises);

  // -- enterprises --
  a->enterprise_repo = std::make_unique<storage::SqlEnterpriseRepository>(*a->db);
  {
    PARKHQ_ASSIGN_OR_RETURN(auto industries, enterprise::IndustryTable::ParseCsv(SeedFile("gbt4754.csv")));
    a->enterprises = std::make_unique<enterprise::EnterpriseService>(*a->enterprise_repo, *a->org_repo,
                                                                     std::move(industries));
    PARKHQ_RETURN_IF_ERROR(a->enterprises->LoadStoredIndustries());  // a sysadmin's imported table
  }
  services.enterprises = a->enterprises.get();

  // -- land and evaluation --
  a->land_repo = std::make_unique<storage::SqlLandRepository>(*a->db);  // land
  a->land = std::make_unique<land::LandService>(*a->land_repo, *a->org_repo);
  services.land = a->land.get();
  a->evaluation_repo = std::make_unique<storage::SqlEvaluationRepository>(*a->db);
  a->evaluation_platform_repo = std::make_unique<storage::SqlPlatformFiguresRepository>(*a->db);
  a->evaluation = std::make_unique<evaluation::EvaluationService>(*a->evaluation_repo, a->evaluation_platform_repo.get());
  services.evaluation = a->evaluation.get();

  // Report once, use everywhere: a park that sets monitoring.source.<code> to enterprise_reports
  // (output, sales, value_added, tax, energy, employees) or projects (fai) sees those figures.
  a->enterprise_figures = std::make_unique<EnterpriseReportsSource>(*a->enterprise_repo);
  a->project_figures = std::make_unique<ProjectInvestmentSource>(a->projects->repo);
  a->monitoring->RegisterSource(monitoring::kSourceEnterpriseReports, a->enterprise_figures.get());
  a->monitoring->RegisterSource(monitoring::kSourceProjects, a->project_figures.get());

  // -- management loop (issue 19) --
  a->task_repo = std::make_unique<storage::SqlTaskRepository>(*a->db);
  a->tasks = std::make_unique<task::TaskService>(*a->task_repo, *a->org_repo);
  services.tasks = a->tasks.get();
  // -- ops (issue 17) --
  a->ops = std::make_unique<http::OpsSettings>();
  a->ops->metrics.enabled = config.metrics_enabled;
  a->ops->metrics.allow = config.metrics_allow;
  a->ops->config_file = config.config_file;
  a->ops->data_dir = DataDir(config);
  a->ops->backup_dir = BackupDir(config);
  a->ops->backup_keep = config.backup_keep;
  services.ops = a->ops.get();
  // -- briefings --
  a->briefings = std::make_unique<BriefingWiring>(*a->db, *a->org_repo, *a->monitoring, a->enterprises.get(),
                                                  &a->projects->service, &a->projects->crm, a->land.get());
  AddJobs(*a->briefings, *a->db, *a->org_repo, *a->monitoring, a->enterprises.get(), BackupDir(config),
          config.backup_keep);
  // Every job run is counted for /metrics and the status page's job health (issue 17).
  a->briefings->jobs.SetObserver([](const std::string& name, bool ok, double seconds) {
    http::Metrics::Global().CountJob(name, ok, seconds);
  });
  services.briefings = &a->briefings->module;
  // -- figures (issue 11) --
  a->reconciliation_repo = std::make_unique<storage::SqlReconciliationRepository>(*a->db);
  a->reconciliation = std::make_unique<figures::ReconciliationService>(*a->org_repo, *a->reconciliation_repo);
  services.reconciliation = a->reconciliation.get();

  // -- parks: parks compared: region evaluation, chemical-park ledger (issue 13) --
  a->parks_repo = std::make_unique<storage::SqlParksRepository>(*a->db);
  a->parks = std::make_unique<parks::ParksService>(*a->org_repo, *a->parks_repo);
  a->parks_module = std::make_unique<http::ParksModule>();
  a->parks_module->service = a->parks.get();
  services.parks = a->parks_module.get();
  // (end parks)

  // -- talent: talent demand and rewards (issue 13) --
  a->talent_repo = std::make_unique<storage::SqlTalentRepository>(*a->db);
  a->talent = std::make_unique<talent::TalentService>(*a->talent_repo);
  a->talent_module.service = a->talent.get();
  services.talent = &a->talent_module;
  // (end talent)

  // -- safety: safety: facilities, inspections, hazards (issue 14) --
  a->safety_repo = std::make_unique<storage::SqlSafetyRepository>(*a->db);
  a->safety = std::make_unique<safety::SafetyService>(*a->safety_repo, *a->org_repo, a->tasks.get());
  services.safety = a->safety.get();
  // (end safety)

  // -- risk: risk profiles, emergency resources, energy (issue 14) --
  a->risk = std::make_unique<RiskWiring>(*a->db, a->evaluation_platform_repo.get(), a->evaluation.get());
  services.risk = &a->risk->module;
  // (end risk)

  // -- gates: gates and money: admission, funding, land quota, powers, policies (issue 15) --
  a->gates = std::make_unique<GatesWiring>(*a->db, &a->briefings->notifications);
  services.gates = &a->gates->module;
  // (end gates)

  // -- sme: SME park: space, leases, bills, repairs, financing (issue 16) --
  a->sme_store = std::make_unique<storage::SmeStore>(a->db.get());
  a->sme = std::make_unique<http::SmeModule>(http::SmeModule{a->sme_store.get()});
  services.sme = a->sme.get();
  // (end sme)

  // -- scale: scale (issue 18) --
  a->refresh_guard.monitoring = a->monitoring.get();
  // (end scale)

  a->dispatcher = std::make_unique<http::Dispatcher>(http::Router(http::AllRoutes()), services,
                                                     std::make_unique<http::StaticFiles>(config.web_root));
  a->dispatcher->TrustProxies(config.trusted_proxies);
  return a;
}

}  // namespace parkhq::app
