// Registers (台账) that departments keep (issue 11 item 7). The plan gives each register to a unit:
// 工信局 the 入规后备库 and reserve projects (tasks 12, 22), 科技局 the high-tech and S&T SME pools
// (task 4), 自然资源局 parcels and 标准地 contracts (task 16), 招商服务中心 the investor CRM (task 23).
// A park may assign a register to other units (settings `registers.<code>`); the keepers of a
// register write it in the parks they serve, with park staff. Pure values and functions.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/org/org.h"

namespace parkhq {

inline constexpr char kRegisterReserveProjects[] = "reserve_projects";  // 储备项目库
inline constexpr char kRegisterScalePools[] = "scale_pools";            // 入规后备库 (小升规, 防退规, 专精特新)
inline constexpr char kRegisterTechPools[] = "tech_pools";              // 高新技术企业、科技型中小企业培育库
inline constexpr char kRegisterParcels[] = "parcels";                   // 地块与标准地合同
inline constexpr char kRegisterCrm[] = "crm";                           // 客商 (招商 CRM)
inline constexpr char kRegisterTalent[] = "talent";                     // 人才需求信息库 (人社局, issue 13)

struct RegisterInfo {
  const char* code;
  const char* name_zh;
  const char* name_en;
  std::vector<int> plan_tasks;             // the plan's task numbers that give it
  std::vector<const char*> default_units;  // the plan's keepers, by unit name
};

// Every register, in a fixed order.
const std::vector<RegisterInfo>& AllRegisters();
const RegisterInfo* FindRegister(std::string_view code);

// The register of a cultivation pool code: "high_tech" and "tech_sme" → tech_pools; "reserve",
// "watch", "specialized_sme", "little_giant" and any other → scale_pools.
const char* RegisterOfPool(std::string_view pool_code);

// Register code → keeping unit ids for one park.
using RegisterAssignment = std::map<std::string, std::vector<int64_t>, std::less<>>;

// The assignment of a park: the plan's default (units found by name in `units`) overridden by
// `overrides` register by register.
RegisterAssignment EffectiveAssignment(const std::vector<Unit>& units,
                                       const std::map<std::string, std::vector<int64_t>>& overrides);

// The (register, park) pairs a unit keeps among `parks` (each with its effective assignment).
std::vector<std::pair<std::string, int64_t>> KeptRegisters(int64_t unit_id,
                                                            const std::map<int64_t, RegisterAssignment>& parks);

}  // namespace parkhq
