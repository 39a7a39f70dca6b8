#include "app/app.h"

#include "storage/migrations.h"

namespace parkhq::app {

StatusOr<std::unique_ptr<App>> BuildApp(const Config& config) {
  auto a = std::make_unique<App>();
  PARKHQ_ASSIGN_OR_RETURN(a->db, storage::Database::Open(config.db, 16));
  PARKHQ_RETURN_IF_ERROR(storage::Migrate(*a->db).status());
  a->org_repo = std::make_unique<storage::SqlOrgRepository>(*a->db);
  a->account_repo = std::make_unique<storage::SqlAccountRepository>(*a->db);
  a->org = std::make_unique<OrgService>(*a->org_repo);
  AccountPolicy policy;
  policy.fast_hash = config.fast_hash;
  policy.idle_timeout_seconds = config.idle_timeout_seconds;
  a->accounts = std::make_unique<AccountService>(*a->account_repo, *a->org_repo, policy);

  http::Services services;
  services.db = a->db.get();
  services.accounts = a->accounts.get();
  services.org = a->org.get();
  services.version = PARKHQ_VERSION;
  // Module wiring, each below its marker.
  // -- monitoring --

  // -- projects --
  a->projects = std::make_unique<ProjectWiring>(*a->db, *a->org_repo);
  services.projects = &a->projects->module;

  // -- enterprises --

  // -- land and evaluation --

  a->dispatcher = std::make_unique<http::Dispatcher>(http::Router(http::AllRoutes()), services,
                                                     std::make_unique<http::StaticFiles>(config.web_root));
  return a;
}

}  // namespace parkhq::app
