// The project module's repositories and services, owned by the App (composition root).
#pragma once
#include <memory>

#include "domain/project/crm_service.h"
#include "domain/project/project_service.h"
#include "http/handlers/project_module.h"
#include "storage/database.h"
#include "storage/project/sql_chain_enterprise_repository.h"
#include "storage/project/sql_crm_repository.h"
#include "storage/project/sql_project_repository.h"

namespace parkhq::app {

struct ProjectWiring {
  ProjectWiring(storage::Database& db, OrgRepository& org)
      : repo(db), service(repo, org), crm_repo(db), crm(crm_repo, org), chain_enterprises(db) {
    module.projects = &service;
    module.crm = &crm;
  }
  storage::SqlProjectRepository repo;
  project::ProjectService service;
  storage::SqlCrmRepository crm_repo;
  project::CrmService crm;  // the enterprise module may call crm.SetEnterpriseSource(...)
  storage::SqlChainEnterpriseRepository chain_enterprises;  // enterprises on chain links (app.cc wires it)
  http::ProjectsModule module;
};

}  // namespace parkhq::app
