// The parks-compared module's services as handlers reach them (issue 13 items 1 and 2):
// Services::parks points here (one pointer below the "parks" marker of services.h).
#pragma once

namespace parkhq::parks {
class ParksService;
}

namespace parkhq::http {

struct ParksModule {
  parks::ParksService* service = nullptr;
};

}  // namespace parkhq::http
