// The talent and rewards module as handlers reach it (issue 13 items 3 and 4): Services::talent
// points here (below the "talent" marker of services.h).
#pragma once

namespace parkhq::talent {
class TalentService;
}

namespace parkhq::http {

struct TalentModule {
  talent::TalentService* service = nullptr;
};

}  // namespace parkhq::http
