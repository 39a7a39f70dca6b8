#include "domain/access/registers.h"

namespace parkhq {

const std::vector<RegisterInfo>& AllRegisters() {
  static const std::vector<RegisterInfo> kAll = {
      {kRegisterReserveProjects, "储备项目库", "Reserve projects", {22}, {"工信局"}},
      {kRegisterScalePools, "入规后备库", "Above-scale reserve pools", {12}, {"工信局"}},
      {kRegisterTechPools, "高新技术与科技型中小企业培育库", "High-tech and S&T SME pools", {4}, {"科技局"}},
      {kRegisterParcels, "地块与标准地合同", "Parcels and standard-land contracts", {16}, {"自然资源局"}},
      {kRegisterCrm, "招商客商库", "Investor CRM", {23}, {"招商服务中心"}},
      {kRegisterTalent, "人才需求信息库", "Talent-demand database", {18}, {"人社局"}},  // issue 13
  };
  return kAll;
}

const RegisterInfo* FindRegister(std::string_view code) {
  for (const auto& r : AllRegisters())
    if (code == r.code) return &r;
  return nullptr;
}

const char* RegisterOfPool(std::string_view pool_code) {
  if (pool_code == "high_tech" || pool_code == "tech_sme") return kRegisterTechPools;
  return kRegisterScalePools;
}

RegisterAssignment EffectiveAssignment(const std::vector<Unit>& units,
                                       const std::map<std::string, std::vector<int64_t>>& overrides) {
  RegisterAssignment out;
  for (const auto& r : AllRegisters()) {
    auto o = overrides.find(r.code);
    if (o != overrides.end()) {
      out[r.code] = o->second;
      continue;
    }
    std::vector<int64_t>& ids = out[r.code];
    for (const char* name : r.default_units)
      for (const Unit& u : units)
        if (u.name == name) ids.push_back(u.id);
  }
  return out;
}

std::vector<std::pair<std::string, int64_t>> KeptRegisters(int64_t unit_id,
                                                            const std::map<int64_t, RegisterAssignment>& parks) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& [park, assignment] : parks)
    for (const auto& [code, units] : assignment)
      for (int64_t u : units)
        if (u == unit_id) out.emplace_back(code, park);
  return out;
}

}  // namespace parkhq
