// The project module's services as handlers reach them: Services::projects points here (one
// pointer below the "projects" marker of services.h keeps the shared file's edit to one line).
#pragma once

namespace parkhq::project {
class ProjectService;
class CrmService;
}  // namespace parkhq::project

namespace parkhq::http {

struct ProjectsModule {
  project::ProjectService* projects = nullptr;
  project::CrmService* crm = nullptr;  // investors, leads and the chain map
};

}  // namespace parkhq::http
