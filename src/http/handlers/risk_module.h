// The risk module's service as handlers reach it (issue 14 items 3-5): Services::risk points here.
#pragma once

namespace parkhq::risk {
class RiskService;
}

namespace parkhq::http {

struct RiskModule {
  risk::RiskService* service = nullptr;
};

}  // namespace parkhq::http
