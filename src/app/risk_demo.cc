// The risk module's demo (issue 14 items 3-5), drawn from the one demo world: the registry's demo
// firms get risk profiles by their industry, the evaluation's 2023 veto becomes the accident that
// causes it, and every energy account converts back to the firm's approved reports: electricity is
// the reported 用电量, the rest of the reported 综合能耗 is split over coal/gas/diesel and converted
// with the GB/T 2589 factors, so Σ account tce = Σ reported 综合能耗 (docs/risk.md).
#include <algorithm>
#include <cmath>
#include <map>

#include "app/risk_wiring.h"
#include "common/time.h"
#include "domain/risk/energy_calc.h"

namespace parkhq::app {

namespace {

using storage::Connection;
using storage::Value;

struct Firm {
  int64_t id;
  std::string name;
  std::string industry;
  std::string group;
  bool above;
};

double R4(double v) { return std::round(v * 10000) / 10000; }

Status AddItem(Connection& c, int64_t park, std::optional<int64_t> firm, const std::string& kind,
               const std::string& name, std::optional<double> qty, const std::string& unit, const std::string& level,
               const std::string& location, const std::string& contact, const std::string& phone,
               std::optional<Date> event, std::optional<Date> expiry, std::optional<Date> revised, bool veto,
               const std::string& now) {
  auto d = [](const std::optional<Date>& x) { return x ? Value(x->ToString()) : Value(); };
  return c
      .Exec("INSERT INTO risk_items(park_id, enterprise_id, kind, name, quantity, unit, level, location, contact_name, "
            "contact_phone, event_date, expiry_date, revised_on, veto, is_demo, created_at, created_by, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,'demo-seed',?)",
            {park, storage::Opt(firm), kind, name, storage::Opt(qty), unit, level, location, contact, phone, d(event),
             d(expiry), d(revised), int64_t{veto ? 1 : 0}, now, now})
      .status();
}

// One firm's profile by its industry: coal chemistry and metallurgy hold hazardous chemicals and
// major hazard sources; every firm has an environmental permit, a plan and a drill.
Status SeedProfile(Connection& c, int64_t park, const Firm& f, size_t i, Date today, const std::string& now) {
  const bool chem = f.group == "coal_chemical";
  const bool heavy = chem || f.group == "metallurgy" || f.group == "power";
  const int64_t id = f.id;
  if (chem) {
    static const std::pair<const char*, double> kChem[] = {{"甲醇", 2000}, {"液氨", 150}, {"粗苯", 300},
                                                           {"煤焦油", 800}, {"硫化氢", 2}};
    for (size_t k = 0; k < 2; ++k) {
      const auto& [name, qty] = kChem[(i + k) % 5];
      PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "chemical", std::string(name) + "（演示）", qty * (1 + i % 3), "吨",
                                     "", "储罐区", "", "", {}, {}, {}, false, now));
    }
    PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "hazard_source", "罐区重大危险源（演示）", {}, "",
                                   std::to_string(1 + i % 4), "罐区", "", "", {}, {}, {}, false, now));
    PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "permit", "安全生产许可证（演示）", {}, "", "safety", "", "", "", {},
                                   today.AddDays(i % 3 == 0 ? 40 : 400 + 30 * static_cast<int64_t>(i)), {}, false,
                                   now));
  } else if (heavy) {
    PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "chemical", "天然气（演示）", 20.0 + 5 * static_cast<double>(i % 4),
                                   "吨", "", "调压站", "", "", {}, {}, {}, false, now));
  }
  // Every fifth firm's 排污许可证 has lapsed: the permit warning shows in the demo.
  PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "permit", "排污许可证（演示）", {}, "", "environment", "", "", "", {},
                                 today.AddDays(i % 5 == 4 ? -20 : 200 + 20 * static_cast<int64_t>(i)), {}, false, now));
  PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "ent_plan", "生产安全事故应急预案（演示）", {}, "", "", "", "", "", {},
                                 {}, Date{2022, 1 + static_cast<int>(i % 12), 15}, false, now));
  return AddItem(c, park, id, "ent_drill", heavy ? "泄漏及火灾综合演练（演示）" : "消防疏散演练（演示）", {}, "", "",
                 "厂区", "", "", Date{2023, 3 + static_cast<int>(i % 9), 20}, {}, {}, false, now);
}

Status SeedEmergency(Connection& c, int64_t park, const std::string& now) {
  struct R {
    const char* kind;
    const char* name;
    double qty;
    const char* unit;
    const char* level;
    const char* location;
    const char* contact;
    const char* phone;
  };
  const R kRes[] = {
      {"team", "园区专职消防救援队（演示）", 32, "人", "", "园区消防站（东区）", "王建军", "0933-7712119"},
      {"team", "危险化学品应急救援队（演示）", 18, "人", "", "煤化工产业园应急中心", "李振华", "0933-7712345"},
      {"team", "环境应急监测队（演示）", 8, "人", "", "园区环境监测站", "赵敏", "0933-7716688"},
      {"store", "园区应急物资储备库（演示）", 0, "", "", "园区管委会北侧仓库", "周立新", "13909331234"},
      {"store", "煤化工园应急物资库（演示）", 0, "", "", "煤化工产业园3号路", "孙海涛", "13893351122"},
      {"equipment", "泡沫消防车（演示）", 2, "辆", "", "园区消防站（东区）", "王建军", "0933-7712119"},
      {"equipment", "正压式空气呼吸器（演示）", 40, "套", "", "园区应急物资储备库", "周立新", "13909331234"},
      {"equipment", "围油栏及吸附棉（演示）", 500, "米", "", "煤化工园应急物资库", "孙海涛", "13893351122"},
      {"equipment", "便携式气体检测仪（演示）", 25, "台", "", "环境监测站", "赵敏", "0933-7716688"},
  };
  for (const auto& r : kRes)
    PARKHQ_RETURN_IF_ERROR(AddItem(c, park, std::nullopt, r.kind, r.name,
                                   r.qty > 0 ? std::optional<double>(r.qty) : std::nullopt, r.unit, r.level, r.location,
                                   r.contact, r.phone, {}, {}, {}, false, now));
  PARKHQ_RETURN_IF_ERROR(AddItem(c, park, std::nullopt, "plan", "华亭工业园区突发事件综合应急预案（演示）", {}, "",
                                 "park", "", "", "", {}, {}, Date{2021, 6, 30}, false, now));
  PARKHQ_RETURN_IF_ERROR(AddItem(c, park, std::nullopt, "plan", "危险化学品事故专项应急预案（演示）", {}, "",
                                 "special", "", "", "", {}, {}, Date{2023, 4, 10}, false, now));
  PARKHQ_RETURN_IF_ERROR(AddItem(c, park, std::nullopt, "plan", "突发环境事件应急预案（演示）", {}, "", "special", "",
                                 "", "", {}, {}, Date{2022, 9, 1}, false, now));
  PARKHQ_RETURN_IF_ERROR(AddItem(c, park, std::nullopt, "drill", "园区危化品泄漏联合演练（演示）", 120, "人", "",
                                 "煤化工产业园", "", "", Date{2023, 6, 16}, {}, {}, false, now));
  return AddItem(c, park, std::nullopt, "drill", "事故应急池启用演练（演示）", 45, "人", "", "园区污水处理厂", "", "",
                 Date{2023, 10, 26}, {}, {}, false, now);
}

// One firm-year account from its approved reports (see the file comment).
Status SeedAccount(Connection& c, int64_t park, const Firm& f, int year, const evaluation::PlatformFigures& pf,
                   const std::string& now) {
  auto sum = [&](const char* k) {
    auto it = pf.sums.find(k);
    return it == pf.sums.end() ? 0.0 : it->second;
  };
  const double energy = sum("energy"), electricity = sum("electricity"), emissions = sum("emissions");
  if (energy <= 0) return Status::Ok();
  std::map<std::string, double> kinds;
  const double elec_tce = electricity * risk::FindEnergyFactor("electricity")->tce_per_unit;
  if (elec_tce >= energy) {
    kinds["electricity"] = energy / risk::FindEnergyFactor("electricity")->tce_per_unit;
  } else {
    if (electricity > 0) kinds["electricity"] = electricity;
    const double rest = energy - elec_tce;
    const bool coal = f.group == "coal_chemical" || f.group == "power" || f.group == "metallurgy" ||
                      f.group == "building_materials";
    const std::pair<const char*, double> split[] = {{coal ? "raw_coal" : "natural_gas", 0.8},
                                                    {coal ? "natural_gas" : "diesel", 0.2}};
    for (const auto& [kind, share] : split) kinds[kind] = rest * share / risk::FindEnergyFactor(kind)->tce_per_unit;
  }
  std::map<std::string, double> em;
  if (emissions > 0) {
    const std::pair<const char*, double> shares[] = {{"so2", 0.3}, {"nox", 0.35}, {"particulate", 0.1},
                                                     {"cod", 0.2}, {"nh3n", 0.05}};
    for (const auto& [code, share] : shares) em[code] = emissions * share;
  }
  for (const auto& [cat, m] : {std::pair{"energy", &kinds}, std::pair{"emission", &em}})
    for (const auto& [item, amount] : *m)
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO energy_accounts(park_id, enterprise_id, year, category, item, amount, "
                                    "is_demo, updated_at) VALUES (?,?,?,?,?,?,1,?)",
                                    {park, f.id, int64_t{year}, std::string(cat), item, R4(amount), now})
                                 .status());
  return Status::Ok();
}

}  // namespace

Status SeedRiskDemo(storage::Database& db) {
  int64_t park = 0;
  std::vector<Firm> firms;
  std::vector<int64_t> vetoed;
  {
    PARKHQ_ASSIGN_OR_RETURN(auto c, db.Acquire());
    PARKHQ_ASSIGN_OR_RETURN(auto p, c->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL AND is_demo = 1 "
                                                "ORDER BY id LIMIT 1"));
    if (!p) return Status::Ok();
    park = p->Int(0);
    PARKHQ_ASSIGN_OR_RETURN(auto any, c->QueryOne("SELECT COUNT(*) FROM risk_items WHERE park_id = ?", {park}));
    if (any && any->Int(0) > 0) return Status::Ok();
    PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, name, industry_code, leading_group, above_scale FROM "
                                                "enterprises WHERE park_id = ? AND is_demo = 1 ORDER BY id",
                                                {park}));
    for (const auto& r : rows) firms.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Bool(4)});
    // The evaluation demo's 2023 veto (一票否决) names the firm whose accident is recorded here.
    PARKHQ_ASSIGN_OR_RETURN(auto v, c->Query("SELECT enterprise_id FROM eval_inputs WHERE park_id = ? AND year = 2023 "
                                             "AND veto_reason IS NOT NULL AND veto_reason <> ''",
                                             {park}));
    for (const auto& r : v) vetoed.push_back(r.Int(0));
  }
  // Energy accounts for every year with approved reports (the demo runs 2022 onwards).
  storage::SqlPlatformFiguresRepository reports(db);
  std::map<int, std::vector<evaluation::PlatformFigures>> by_year;
  for (int year = 2022; year <= Today().year; ++year) {
    PARKHQ_ASSIGN_OR_RETURN(by_year[year], reports.LoadPlatformFigures(park, year));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  const Date today = Today();
  std::map<int64_t, const Firm*> by_id;
  for (size_t i = 0; i < firms.size(); ++i) {
    by_id[firms[i].id] = &firms[i];
    PARKHQ_RETURN_IF_ERROR(SeedProfile(c, park, firms[i], i, today, now));
    // Profiles: most firms submitted, some approved (park staff reviewed), the rest still draft.
    const char* state = i % 3 == 0 ? "approved" : (i % 3 == 1 ? "submitted" : "draft");
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO risk_profiles(park_id, enterprise_id, state, review_note, submitted_at, "
                                  "reviewed_at, reviewed_by, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                                  {park, firms[i].id, std::string(state), std::string(""),
                                   std::string(state) == "draft" ? Value() : Value(now),
                                   std::string(state) == "approved" ? Value(now) : Value(),
                                   std::string(state) == "approved" ? Value(std::string("admin")) : Value(), now})
                               .status());
  }
  for (int64_t id : vetoed)
    PARKHQ_RETURN_IF_ERROR(AddItem(c, park, id, "accident", "发生一般环境事件（演示）", {}, "", "general", "厂区", "",
                                   "", Date{2023, 8, 16}, {}, {}, true, now));
  if (firms.size() > 2)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO risk_items(park_id, enterprise_id, kind, name, amount, event_date, veto, "
                                  "is_demo, created_at, created_by, updated_at) VALUES (?,?,'penalty',?,?,?,0,1,?,"
                                  "'demo-seed',?)",
                                  {park, firms[2].id, std::string("危险废物贮存不规范行政处罚（演示）"), 5.0,
                                   std::string("2023-05-12"), now, now})
                               .status());
  PARKHQ_RETURN_IF_ERROR(SeedEmergency(c, park, now));

  std::vector<std::pair<double, int64_t>> tce_2023;  // for the retrofit flags
  double total_2023 = 0, em_2023 = 0;
  for (const auto& [year, figures] : by_year)
    for (const auto& pf : figures) {
      auto it = by_id.find(pf.enterprise_id);
      if (it == by_id.end() || pf.approved_months == 0) continue;
      PARKHQ_RETURN_IF_ERROR(SeedAccount(c, park, *it->second, year, pf, now));
      if (year == 2023) {
        auto e = pf.sums.find("energy");
        auto m = pf.sums.find("emissions");
        if (e != pf.sums.end()) tce_2023.push_back({e->second, pf.enterprise_id}), total_2023 += e->second;
        if (m != pf.sums.end()) em_2023 += m->second;
      }
    }
  // 2023 targets: the energy cap a little above the year's use, the emission cap a little below
  // (so the demo shows one target met and one missed), intensity from the plan's 单位增加值能耗 goal.
  if (total_2023 > 0)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO energy_targets(park_id, year, energy_cap_tce, intensity_target, "
                                  "emissions_cap_t, updated_at) VALUES (?, 2023, ?, NULL, ?, ?)",
                                  {park, std::round(total_2023 * 1.05), em_2023 > 0 ? Value(std::round(em_2023 * 0.97)) : Value(), now})
                               .status());
  std::sort(tce_2023.rbegin(), tce_2023.rend());
  struct Rf {
    const char* kind;
    const char* name;
    const char* status;
    double investment;
    double share;  // expected saving as a share of the firm's 2023 use
    Date deadline;
  };
  const Rf kRf[] = {
      {"elimination", "淘汰落后燃煤锅炉改造（演示）", "in_progress", 1200, 0.04, {2024, 12, 31}},
      {"clean_production", "清洁生产审核及余热回收改造（演示）", "flagged", 800, 0.03, {2025, 6, 30}},
      {"elimination", "高耗能电机淘汰更换（演示）", "completed", 260, 0.01, {2023, 10, 31}},
  };
  for (size_t k = 0; k < std::size(kRf) && k < tce_2023.size(); ++k) {
    const Rf& r = kRf[k];
    const bool done = std::string(r.status) == "completed";
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO retrofits(park_id, enterprise_id, kind, name, status, investment, "
                                  "saving_tce, deadline, completed_on, note, is_demo, created_at, updated_at) VALUES "
                                  "(?,?,?,?,?,?,?,?,?,'',1,?,?)",
                                  {park, tce_2023[k].second, std::string(r.kind), std::string(r.name),
                                   std::string(r.status), r.investment, std::round(tce_2023[k].first * r.share),
                                   r.deadline.ToString(), done ? Value(std::string("2023-10-20")) : Value(), now, now})
                               .status());
  }
  return tx.Commit();
}

}  // namespace parkhq::app
