// The gates-and-money module's repositories and services (issue 15), owned by the App. The
// admission review lives in the project module (ProjectService); this holds the policy library.
#pragma once
#include "domain/gates/delegated_power.h"
#include "domain/gates/funding_service.h"
#include "domain/gates/land_quota_service.h"
#include "domain/gates/policy_service.h"
#include "domain/notify/notification_service.h"
#include "http/handlers/gates_module.h"
#include "storage/database.h"
#include "storage/gates/sql_delegated_power_repository.h"
#include "storage/gates/sql_funding_repository.h"
#include "storage/gates/sql_land_quota_repository.h"
#include "storage/gates/sql_policy_repository.h"

namespace parkhq::app {

struct GatesWiring {
  GatesWiring(storage::Database& db, const notify::Notifier* notifier)
      : policy_repo(db), policies(policy_repo, notifier), land_quota_repo(db), land_quota(land_quota_repo),
        power_repo(db), powers(power_repo), funding_repo(db), funding(funding_repo) {
    module.policies = &policies;
    module.land_quota = &land_quota;
    module.powers = &powers;
    module.funding = &funding;
  }

  storage::SqlPolicyRepository policy_repo;
  gates::PolicyService policies;
  storage::SqlLandQuotaRepository land_quota_repo;
  gates::LandQuotaService land_quota;
  storage::SqlDelegatedPowerRepository power_repo;
  gates::DelegatedPowerService powers;
  storage::SqlFundingRepository funding_repo;
  gates::FundingService funding;
  http::GatesModule module;
};

}  // namespace parkhq::app
