#include "app/demo_seed.h"
#include "app/land_demo.h"

#include "app/monitoring_demo.h"  // -- monitoring --

#include "app/enterprise_demo.h"

#include <map>
#include <sstream>

#include "common/crypto.h"
#include "common/embedded.h"
#include "common/time.h"
#include "app/evaluation_demo.h"  // evaluation module
#include "app/safety_demo.h"  // safety (issue 14)
#include "app/task_demo.h"        // management loop (issue 19)
#include "app/sme_demo.h"         // SME park (issue 16)
#include "app/talent_demo.h"      // talent and rewards (issue 13)
#include "app/parks_demo.h"       // parks compared (issue 13)

namespace parkhq::app {
namespace {

using storage::Connection;
using storage::Value;

// Every unit the plan names, in the plan's order; kind tells the park committee and the
// operating company from the departments.
const std::vector<std::pair<const char*, const char*>> kUnits = {
    {"工业园区", "park_committee"}, {"工信局", "department"},       {"发改局", "department"},
    {"科技局", "department"},       {"招商服务中心", "department"}, {"自然资源局", "department"},
    {"财政局", "department"},       {"税务局", "department"},       {"金融办", "department"},
    {"市场监管局", "department"},   {"人社局", "department"},       {"商务局", "department"},
    {"水务局", "department"},       {"住建局", "department"},       {"生态环境局华亭分局", "department"},
    {"应急管理局", "department"},   {"网信办(大数据中心)", "department"},
    {"政务服务中心", "department"}, {"弘达聚鑫基础产业投资集团", "company"},
};

// 2023 targets of plan.md section 1 (万元 and 户); base = last year's total where the plan gives a
// growth rate but no base (left empty: the plan does not state it).
struct TargetSeed {
  const char* code;
  double target;
  double growth_pct;
};
const TargetSeed kTargets2023[] = {
    {"fai", 31400, 10}, {"output", 157000, 7}, {"sales", 155000, 7}, {"value_added", 19000, 7},
    {"new_above_scale", 5, -1}, {"new_enterprises", 5, -1},
};

struct IndicatorSeed {
  const char* code;
  const char* zh;
  const char* en;
  const char* unit;
  const char* kind;
  int higher_is_better;
  int decimals;
};
const IndicatorSeed kIndicators[] = {
    {"fai", "固定资产投资", "Fixed-asset investment", "万元", "flow", 1, 2},
    {"output", "工业总产值", "Gross industrial output", "万元", "flow", 1, 2},
    {"sales", "销售收入", "Sales revenue", "万元", "flow", 1, 2},
    {"value_added", "工业增加值", "Industrial value added", "万元", "flow", 1, 2},
    {"tax", "税收", "Tax revenue", "万元", "flow", 1, 2},
    {"energy", "综合能耗", "Energy consumption", "吨标准煤", "flow", 0, 2},
    {"employees", "从业人员", "Employees", "人", "stock", 1, 0},
    {"new_above_scale", "新培育规上企业", "New above-scale enterprises", "户", "flow", 1, 0},
    {"new_enterprises", "新入园企业", "New enterprises in the park", "户", "flow", 1, 0},
    {"funds_in_place", "招商引资到位资金", "Investment funds in place", "万元", "flow", 1, 2},
};

const DemoAccount kAccountsInit[] = {
    {"admin", "Admin@2023demo", "sysadmin", "系统管理员（演示）"},
    {"parkadmin", "Park@2023demo", "park_admin", "华亭工业园区管理员（演示）"},
    {"gxj", "Dept@2023demo", "department", "工信局部门用户（演示）"},
    {"zsfw", "Dept@2023demo", "department", "招商服务中心部门用户（演示）"},
    {"leader", "Leader@2023demo", "leader", "园区领导，只读（演示）"},
};

std::vector<std::string> SplitUnits(const std::string& s) {
  std::vector<std::string> out;
  const std::string sep = "、";
  size_t pos = 0;
  while (pos < s.size()) {
    size_t at = s.find(sep, pos);
    if (at == std::string::npos) at = s.size();
    if (at > pos) out.push_back(s.substr(pos, at - pos));
    pos = at + sep.size();
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

Status SeedTasks(Connection& c, int64_t park_id, const std::map<std::string, int64_t>& unit_ids) {
  std::istringstream in{std::string(SeedFile("tasks.tsv"))};
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = SplitTabs(line);
    if (f.size() < 5) return Status::Internal("tasks.tsv: bad line " + line);
    const std::string note = f.size() > 5 ? f[5] : "";
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t task_id, c.InsertId("INSERT INTO tasks(park_id, no, group_name, title, note) VALUES "
                                    "(?,?,?,?,?) RETURNING id",
                                    {park_id, int64_t{std::stoi(f[0])}, f[1], f[2], note}));
    for (const char* role : {"lead", "responsible"}) {
      int sort = 0;
      for (const auto& name : SplitUnits(role[0] == 'l' ? f[3] : f[4])) {
        auto it = unit_ids.find(name);
        if (it == unit_ids.end()) return Status::Internal("tasks.tsv: unknown unit " + name);
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_units(park_id, task_id, unit_id, role, sort) "
                                      "VALUES (?,?,?,?,?)",
                                      {park_id, task_id, it->second, std::string(role), int64_t{sort++}})
                                   .status());
      }
    }
  }
  return Status::Ok();
}

}  // namespace

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> v(std::begin(kAccountsInit), std::end(kAccountsInit));
  return v;
}

Period DefaultDemoUntil() { return Today().period().AddMonths(-1); }

Period LastDemoMonth(Period until) {
  const Period before = until.AddMonths(-1);
  return before < Period{2023, 12} ? Period{2023, 12} : before;
}

Status SeedDemo(storage::Database& db, bool fast_hash) { return SeedDemo(db, fast_hash, DefaultDemoUntil()); }

Status SeedDemo(storage::Database& db, bool fast_hash, Period until) {
  if (until < Period{2023, 1}) return Status::InvalidArgument("--demo-until must be 2023-01 or later");
  const Period last = LastDemoMonth(until);
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM regions"));
  if (any && any->Int(0) > 0) return Status::Ok();
  const std::string now = NowIso();
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());

  PARKHQ_ASSIGN_OR_RETURN(int64_t gansu, c.InsertId("INSERT INTO regions(name, parent_id, level, created_at) "
                                                    "VALUES ('甘肃省', NULL, 'province', ?) RETURNING id", {now}));
  PARKHQ_ASSIGN_OR_RETURN(int64_t pingliang, c.InsertId("INSERT INTO regions(name, parent_id, level, created_at) "
                                                        "VALUES ('平凉市', ?, 'city', ?) RETURNING id", {gansu, now}));
  PARKHQ_ASSIGN_OR_RETURN(int64_t huating, c.InsertId("INSERT INTO regions(name, parent_id, level, created_at) "
                                                      "VALUES ('华亭市', ?, 'county', ?) RETURNING id", {pingliang, now}));
  // The park is real; its figures in this database are demo figures, so it is flagged is_demo.
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, c.InsertId("INSERT INTO parks(region_id, name, short_name, is_demo, sort, "
                                                   "created_at) VALUES (?, '华亭工业园区', '华亭园区', 1, 0, ?) "
                                                   "RETURNING id", {huating, now}));
  // "一区四园": the plan does not name the four sub-parks, so these names are demo names.
  const char* kSubParks[] = {"煤化工产业园（演示）", "电力能源园（演示）", "冶金建材园（演示）",
                             "中小企业创业园（演示）"};
  int sort = 1;
  for (const char* name : kSubParks)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO parks(region_id, parent_id, name, is_demo, sort, created_at) "
                                  "VALUES (?,?,?,1,?,?)",
                                  {huating, park, std::string(name), int64_t{sort++}, now})
                               .status());

  std::map<std::string, int64_t> unit_ids;
  sort = 0;
  for (const auto& [name, kind] : kUnits) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO units(region_id, name, kind, sort) VALUES "
                                                   "(?,?,?,?) RETURNING id",
                                                   {huating, std::string(name), std::string(kind), int64_t{sort++}}));
    unit_ids[name] = id;
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO unit_parks(unit_id, park_id) VALUES (?,?)", {id, park}).status());
  }
  PARKHQ_RETURN_IF_ERROR(SeedTasks(c, park, unit_ids));

  sort = 0;
  for (const auto& i : kIndicators)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO indicators(code, name_zh, name_en, unit, kind, higher_is_better, "
                                  "decimals, sort) VALUES (?,?,?,?,?,?,?,?)",
                                  {std::string(i.code), std::string(i.zh), std::string(i.en), std::string(i.unit),
                                   std::string(i.kind), int64_t{i.higher_is_better}, int64_t{i.decimals},
                                   int64_t{sort++}})
                               .status());
  for (const auto& t : kTargets2023)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO targets(park_id, year, indicator_code, target, growth_pct, base, "
                                  "updated_at) VALUES (?, 2023, ?, ?, ?, NULL, ?)",
                                  {park, std::string(t.code), t.target,
                                   t.growth_pct < 0 ? Value() : Value(t.growth_pct), now})
                               .status());

  for (const auto& a : DemoAccounts()) {
    std::optional<int64_t> park_id, unit_id;
    if (a.role != "sysadmin") park_id = park;
    if (a.username == "gxj") unit_id = unit_ids["工信局"];
    if (a.username == "zsfw") unit_id = unit_ids["招商服务中心"];
    if (a.role == "park_admin") unit_id = unit_ids["工业园区"];
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO users(username, display_name, password_hash, role, park_id, "
                                  "unit_id, created_at) VALUES (?,?,?,?,?,?,?)",
                                  {a.username, a.note, HashPassword(a.password, fast_hash), a.role,
                                   storage::Opt(park_id), storage::Opt(unit_id), now})
                               .status());
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  // Module demo data, each below its marker (each function runs its own transaction). One demo
  // world (issue 11 item 1): monitoring runs last, as the sums of what the others seeded.
  // -- projects --
  {
    Status SeedProjectDemo(storage::Database & db);  // app/project_demo.cc
    PARKHQ_RETURN_IF_ERROR(SeedProjectDemo(db));
  }

  // -- enterprises --
  PARKHQ_RETURN_IF_ERROR(SeedEnterpriseDemo(db, fast_hash, last));

  // -- land and evaluation --
  PARKHQ_RETURN_IF_ERROR(SeedLandDemo(db));  // land
  PARKHQ_RETURN_IF_ERROR(SeedEvaluationDemo(db));

  // -- projects (after the enterprise registry) --
  {
    Status SeedChainEnterpriseDemo(storage::Database & db);  // app/project_demo.cc
    PARKHQ_RETURN_IF_ERROR(SeedChainEnterpriseDemo(db));
  }

  // -- management loop (issue 19) --
  PARKHQ_RETURN_IF_ERROR(SeedTaskDemo(db));
  // -- parks: parks compared: region evaluation, chemical-park ledger (issue 13) --
  PARKHQ_RETURN_IF_ERROR(SeedParksDemo(db, fast_hash, last));  // app/parks_demo.cc
  // (end parks)

  // -- talent: talent demand and rewards (issue 13) --
  PARKHQ_RETURN_IF_ERROR(SeedTalentDemo(db, fast_hash));
  // (end talent)

  // -- safety: safety: facilities, inspections, hazards (issue 14) --
  PARKHQ_RETURN_IF_ERROR(SeedSafetyDemo(db, last));  // app/safety_demo.cc
  // (end safety)

  // -- risk: risk profiles, emergency resources, energy (issue 14) --
  {
    Status SeedRiskDemo(storage::Database & db);  // app/risk_demo.cc
    PARKHQ_RETURN_IF_ERROR(SeedRiskDemo(db));
  }
  // (end risk)

  // -- gates: gates and money: admission, funding, land quota, powers, policies (issue 15) --
  {
    Status SeedGatesDemo(storage::Database & db);  // app/gates_demo.cc
    PARKHQ_RETURN_IF_ERROR(SeedGatesDemo(db));
  }
  // (end gates)

  // -- sme: SME park: space, leases, bills, repairs, financing (issue 16) --
  PARKHQ_RETURN_IF_ERROR(SeedSmeDemo(db, fast_hash));  // app/sme_demo.h
  // (end sme)

  // -- scale: scale (issue 18) --
  // (end scale)

  // -- monitoring (after projects and enterprises: its figures are their sums) --
  PARKHQ_RETURN_IF_ERROR(SeedMonitoringDemo(db, last));

  return Status::Ok();
}

}  // namespace parkhq::app
