// The gates-and-money module's services as handlers reach them: Services::gates points here (one
// pointer below the "gates" marker of services.h).
#pragma once

namespace parkhq::gates {
class PolicyService;
class LandQuotaService;
class DelegatedPowerService;
class FundingService;
}  // namespace parkhq::gates

namespace parkhq::http {

struct GatesModule {
  gates::PolicyService* policies = nullptr;     // 惠企政策
  gates::LandQuotaService* land_quota = nullptr;  // 用地计划单列
  gates::DelegatedPowerService* powers = nullptr;  // 承接事项清单
  gates::FundingService* funding = nullptr;        // 资金来源
};

}  // namespace parkhq::http
