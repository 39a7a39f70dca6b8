// The briefings module's repositories, services and scheduled jobs (issue 12), owned by the App.
#pragma once
#include <memory>
#include <string>

#include "app/briefing_sources.h"
#include "domain/briefing/briefing_service.h"
#include "domain/jobs/job_runner.h"
#include "domain/notify/notification_service.h"
#include "http/handlers/briefing_module.h"
#include "storage/briefing/sql_briefing_repository.h"
#include "storage/database.h"
#include "storage/jobs/sql_job_repository.h"
#include "storage/notify/sql_notification_repository.h"

namespace parkhq::app {

struct BriefingWiring {
  BriefingWiring(storage::Database& db, OrgRepository& org, const monitoring::MonitoringService& monitoring,
                 const enterprise::EnterpriseService* enterprises, const project::ProjectService* projects,
                 const project::CrmService* crm, const land::LandService* land)
      : repo(db),
        facts(monitoring, enterprises, projects, crm, land),
        service(repo, org, facts),
        notify_repo(db),
        notifications(notify_repo, org, enterprises),
        job_repo(db),
        jobs(job_repo) {
    service.SetNotifier(&notifications);
    module.briefings = &service;
    module.notifications = &notifications;
    module.jobs = &jobs;
  }
  storage::SqlBriefingRepository repo;
  ModuleFacts facts;
  briefing::BriefingService service;
  storage::SqlNotificationRepository notify_repo;
  notify::NotificationService notifications;
  storage::SqlJobRepository job_repo;
  jobs::JobRunner jobs;
  http::BriefingsModule module;
};

// Adds the four jobs (报送截止前提醒, 月度通报草稿, 在线备份, 年度目标滚动) to w.jobs (Register).
// `backup_dir` receives parkhq-YYYY-MM-DD.db copies (SQLite), the newest `keep` kept.
void AddJobs(BriefingWiring& w, storage::Database& db, OrgRepository& org, const monitoring::MonitoringService& monitoring,
             const enterprise::EnterpriseService* enterprises, std::string backup_dir, int keep = 7);

}  // namespace parkhq::app
