// The briefings module's services as handlers reach them (issue 12): Services::briefings points
// here (one pointer below the "briefings" marker of services.h).
#pragma once

namespace parkhq::briefing {
class BriefingService;
}
namespace parkhq::notify {
class NotificationService;
}
namespace parkhq::jobs {
class JobRunner;
}

namespace parkhq::http {

struct BriefingsModule {
  briefing::BriefingService* briefings = nullptr;
  notify::NotificationService* notifications = nullptr;
  jobs::JobRunner* jobs = nullptr;
};

}  // namespace parkhq::http
