#include "app/evaluation_demo.h"

#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "domain/evaluation/evaluation_service.h"
#include "storage/enterprise/report_values_json.h"
#include "storage/evaluation/sql_evaluation_repository.h"

namespace parkhq::app {
namespace {

using namespace parkhq::evaluation;  // NOLINT

struct DemoFirm {
  const char* name;
  const char* industry;
  int sub_park;     // index into the four demo sub-parks
  bool above;       // 规上
};

const DemoFirm kFirms[] = {
    {"华亭煤业精煤加工有限公司（演示）", "煤化工", 0, true},
    {"华亭甲醇化工有限公司（演示）", "煤化工", 0, true},
    {"陇东煤焦化有限公司（演示）", "煤化工", 0, true},
    {"华亭煤层气利用有限公司（演示）", "煤化工", 0, true},
    {"平凉煤基新材料有限公司（演示）", "煤化工", 0, true},
    {"华亭热电联产有限公司（演示）", "电力能源", 1, true},
    {"关山风电运维有限公司（演示）", "电力能源", 1, true},
    {"华亭光伏储能科技有限公司（演示）", "电力能源", 1, true},
    {"陇原配电设备有限公司（演示）", "电力能源", 1, true},
    {"华亭水泥建材有限公司（演示）", "冶金建材", 2, true},
    {"华亭铸造材料有限公司（演示）", "冶金建材", 2, true},
    {"平凉新型墙材有限公司（演示）", "冶金建材", 2, true},
    {"华亭硅铁冶炼有限公司（演示）", "冶金建材", 2, true},
    {"关山石材加工有限公司（演示）", "冶金建材", 2, true},
    {"华亭矿山机械制造有限公司（演示）", "装备制造", 3, true},
    {"陇东液压支架维修有限公司（演示）", "装备制造", 3, true},
    {"华亭农产品加工有限公司（演示）", "农产品加工", 3, true},
    {"关山牧业乳品有限公司（演示）", "农产品加工", 3, true},
    {"华亭中药材饮片有限公司（演示）", "农产品加工", 3, true},
    {"平凉包装印刷有限公司（演示）", "轻工", 3, true},
    {"华亭五金加工厂（演示）", "装备制造", 3, false},
    {"华亭食品小作坊联合社（演示）", "农产品加工", 3, false},
    {"关山木业加工有限公司（演示）", "轻工", 3, false},
    {"华亭建材门窗有限公司（演示）", "冶金建材", 2, false},
    {"陇东汽修服务有限公司（演示）", "装备制造", 3, false},
    {"华亭电子组件有限公司（演示）", "轻工", 3, false},
    {"平凉服装加工有限公司（演示）", "轻工", 3, false},
    {"华亭塑料制品有限公司（演示）", "轻工", 3, false},
    {"华亭供水有限公司（演示）", "公用事业", 1, true},
    {"华亭新能源装备有限公司（演示）", "装备制造", 3, true},
};

// A small deterministic generator so every demo database has the same figures.
struct Lcg {
  uint64_t s;
  double Next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>((s >> 11) & ((1ULL << 53) - 1)) / static_cast<double>(1ULL << 53);
  }
  double Range(double lo, double hi) { return lo + (hi - lo) * Next(); }
};

double R2(double v) { return std::round(v * 100) / 100; }

// A demo enterprise of the registry (the enterprise module seeds it before this runs).
struct YearSums {
  double output = 0, revenue = 0, value_added = 0, tax = 0, energy = 0, employees = 0;
  int months = 0;
};

struct RegistryFirm {
  int64_t id;
  std::string name;
  std::optional<int64_t> sub_park_id;
  bool above;
  std::string group_zh;
  std::map<int, YearSums> years;     // the year's sums of the firm's approved reports
  std::optional<double> parcel_mu;   // 亩 of the parcels it holds
};

std::string GroupZh(const std::string& code) {
  static const std::map<std::string, std::string> kNames = {
      {"coal_chemical", "煤化工"}, {"power", "电力"}, {"metallurgy", "环保型冶金"},
      {"building_materials", "新型建材"}, {"other", "其他"}};
  auto it = kNames.find(code);
  return it == kNames.end() ? code : it->second;
}

// Inputs for the demo firms. When the registry has demo enterprises, firm i is the registry's i-th
// (its id, name, sub-park and scale), so the evaluation, the land map and the registry agree.
std::vector<InputRecord> MakeInputs(int year, const std::vector<int64_t>& sub_parks,
                                    const std::vector<RegistryFirm>& registry) {
  std::vector<InputRecord> out;
  Lcg g{static_cast<uint64_t>(year) * 7919};
  for (size_t i = 0; i < std::size(kFirms); ++i) {
    const DemoFirm& f = kFirms[i];
    InputRecord r;
    EnterpriseInput& in = r.input;
    const RegistryFirm* reg = i < registry.size() ? &registry[i] : nullptr;
    in.enterprise_id = reg ? reg->id : static_cast<int64_t>(i + 1);
    const bool above = reg ? reg->above : f.above;
    in.group = above ? Group::kAboveScale : Group::kBelowScale;
    r.enterprise_name = reg ? reg->name : f.name;
    r.industry = reg ? reg->group_zh : f.industry;
    if (reg) r.sub_park_id = reg->sub_park_id;
    else if (f.sub_park < static_cast<int>(sub_parks.size())) r.sub_park_id = sub_parks[f.sub_park];
    const double land = R2(above ? g.Range(40, 320) : g.Range(6, 40));
    const double strength = g.Range(0.3, 1.8) * (year == 2023 ? 1.06 : 1.0);  // a firm's productivity
    in.land_mu = land;
    in.tax = R2(land * strength * (above ? 9.0 : 4.5));
    in.revenue = R2(land * strength * (above ? 180 : 70));
    r.output = R2(*in.revenue * g.Range(1.0, 1.15));
    in.electricity_kwh = std::round(land * g.Range(60000, 300000));
    if (above) {
      in.value_added = R2(*in.revenue * g.Range(0.18, 0.32));
      in.energy_tce = R2(land * g.Range(3, 40));
      in.emissions_t = R2(land * g.Range(0.02, 0.4));
      in.employees_avg = std::round(land * g.Range(0.8, 3.5));
      in.rnd = R2(*in.revenue * g.Range(0.002, 0.04));
    }
    // One demo world (issue 11 item 1): a registry firm's inputs are the year's sums of its own
    // approved reports, and its land the parcels it holds.
    if (reg) {
      if (reg->parcel_mu) in.land_mu = R2(*reg->parcel_mu);
      if (auto y = reg->years.find(year); y != reg->years.end() && y->second.months > 0) {
        const YearSums& ys = y->second;
        in.revenue = R2(ys.revenue);
        r.output = R2(ys.output);
        in.tax = R2(ys.tax);
        if (above) {
          in.value_added = R2(ys.value_added);
          in.energy_tce = R2(ys.energy);
          in.employees_avg = std::round(ys.employees / ys.months);
        }
      }
    }
    r.sources = {{"land_mu", "natural_resources"}, {"tax", "tax_bureau"},         {"revenue", "platform"},
                 {"output", "platform"},          {"electricity_kwh", "power_supply"}};
    if (above) {
      r.sources["value_added"] = "platform";
      r.sources["energy_tce"] = "platform";
      r.sources["emissions_t"] = "ecology";
      r.sources["employees_avg"] = "platform";
      r.sources["rnd"] = "platform";
    }
    if (std::string(f.industry) == "公用事业") in.excluded_reason = reg ? "建设期企业（演示）" : "公用事业（演示）";
    if (i == 29 && year == 2023) in.excluded_reason = "投产不满2年（演示）";
    if (i == 12 && year == 2023) in.veto_reason = "发生一般环境事件，按一票否决处理（演示）";
    if (i == 6 && year == 2023) in.emissions_t.reset();  // 缺失排放数据：按组平均得分
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Status SeedEvaluationDemo(storage::Database& db) {
  int64_t park_id = 0, admin_id = 0;
  std::vector<int64_t> sub_parks;
  std::vector<RegistryFirm> registry;
  {
    PARKHQ_ASSIGN_OR_RETURN(auto c, db.Acquire());
    PARKHQ_ASSIGN_OR_RETURN(auto park, c->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL AND is_demo = 1 "
                                                   "ORDER BY id LIMIT 1"));
    if (!park) return Status::Ok();
    park_id = park->Int(0);
    PARKHQ_ASSIGN_OR_RETURN(auto any, c->QueryOne("SELECT COUNT(*) FROM eval_inputs WHERE park_id = ?", {park_id}));
    if (any && any->Int(0) > 0) return Status::Ok();
    PARKHQ_ASSIGN_OR_RETURN(auto subs, c->Query("SELECT id FROM parks WHERE parent_id = ? ORDER BY sort, id", {park_id}));
    for (const auto& r : subs) sub_parks.push_back(r.Int(0));
    PARKHQ_ASSIGN_OR_RETURN(auto admin, c->QueryOne("SELECT id FROM users WHERE role = 'sysadmin' ORDER BY id LIMIT 1"));
    if (admin) admin_id = admin->Int(0);
    PARKHQ_ASSIGN_OR_RETURN(auto firms, c->Query("SELECT id, name, sub_park_id, above_scale, leading_group FROM "
                                                 "enterprises WHERE park_id = ? AND is_demo = 1 ORDER BY id LIMIT 30",
                                                 {park_id}));
    for (const auto& f : firms)
      registry.push_back({f.Int(0), f.Text(1), f.OptInt(2), f.Bool(3), GroupZh(f.Text(4)), {}, std::nullopt});
    std::map<int64_t, RegistryFirm*> by_id;
    for (auto& f : registry) by_id[f.id] = &f;
    PARKHQ_RETURN_IF_ERROR(c->ForEach(
        "SELECT r.enterprise_id, r.period, r.values_json FROM enterprise_reports r JOIN enterprises e ON e.id = "
        "r.enterprise_id WHERE e.park_id = ? AND r.state = 'approved' AND r.period >= '2022-01' AND r.period <= "
        "'2023-12'",
        {park_id}, [&](const storage::Row& row) {
          auto it = by_id.find(row.Int(0));
          if (it == by_id.end()) return true;
          YearSums& ys = it->second->years[std::stoi(row.Text(1).substr(0, 4))];
          const std::string json = row.Text(2);
          auto add = [&](const char* field, double& into) {
            if (auto v = storage::FindReportValue(json, field)) into += *v;
          };
          add("output", ys.output);
          add("revenue", ys.revenue);
          add("value_added", ys.value_added);
          add("tax", ys.tax);
          add("energy", ys.energy);
          add("employees", ys.employees);
          ++ys.months;
          return true;
        }));
    PARKHQ_ASSIGN_OR_RETURN(auto land, c->Query("SELECT holder_enterprise_id, SUM(area_mu) FROM land_parcels WHERE "
                                                "holder_enterprise_id IS NOT NULL GROUP BY holder_enterprise_id"));
    for (const auto& l : land)
      if (auto it = by_id.find(l.Int(0)); it != by_id.end()) it->second->parcel_mu = l.Double(1);
  }
  Scope who;
  who.user_id = admin_id;
  who.username = "demo-seed";
  who.role = Role::kSysadmin;
  who.all_parks = true;
  who.ip = "127.0.0.1";
  storage::SqlEvaluationRepository repo(db);
  EvaluationService svc(repo);
  // 2022: explicit benchmarks (no 2021 data); 2023: the default scheme (k × 2022 averages).
  Scheme s2022 = DefaultScheme();
  const double b22[2][6] = {{20, 60, 40, 6, 600, 0.03}, {6, 0.5}};
  for (size_t g = 0; g < s2022.groups.size(); ++g)
    for (size_t i = 0; i < s2022.groups[g].indicators.size() && i < 6; ++i)
      s2022.groups[g].indicators[i].benchmark = b22[g][i];
  PARKHQ_RETURN_IF_ERROR(svc.PutScheme(who, park_id, 2022, s2022).status());
  PARKHQ_RETURN_IF_ERROR(svc.PutInputs(who, park_id, 2022, MakeInputs(2022, sub_parks, registry)).status());
  PARKHQ_RETURN_IF_ERROR(svc.Run(who, park_id, 2022).status());
  PARKHQ_RETURN_IF_ERROR(svc.Publish(who, park_id, 2022, 7).status());
  PARKHQ_RETURN_IF_ERROR(svc.PutScheme(who, park_id, 2023, DefaultScheme()).status());
  PARKHQ_RETURN_IF_ERROR(svc.PutInputs(who, park_id, 2023, MakeInputs(2023, sub_parks, registry)).status());
  PARKHQ_RETURN_IF_ERROR(svc.Run(who, park_id, 2023).status());
  return Status::Ok();
}

}  // namespace parkhq::app
