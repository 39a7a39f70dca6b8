// Demo data of the project pipeline: the plan's industry chains, the three projects the plan names
// (real names, demo figures) and a dozen made-up projects marked （演示） across every stage, with
// 2023 plans and monthly investment; a few demo investors and leads. One transaction.
#include <algorithm>
#include <cmath>
#include <map>

#include "common/time.h"
#include "storage/database.h"
#include "storage/project/sql_project_repository.h"

namespace parkhq::app {
namespace {

using project::Kind;
using project::ProjectRecord;
using project::Stage;
using storage::Connection;
using storage::Value;

struct ChainSeed {
  const char* name;
  std::vector<std::pair<const char*, const char*>> links;  // name, position
};
// The plan's three coal-chemical chains (plan.md section 2) and the four industries it adds.
const std::vector<ChainSeed> kChains = {
    {"煤制甲醇—烯烃—化工新材料", {{"煤炭", "up"}, {"煤制甲醇", "up"}, {"甲醇制烯烃", "mid"}, {"聚乙烯/聚丙烯", "mid"}, {"化工新材料", "down"}}},
    {"煤制甲醇—甲醛—精细化工产品", {{"煤制甲醇", "up"}, {"甲醛", "mid"}, {"精细化工产品", "down"}}},
    {"煤制合成氨—尿素—精细化学品", {{"煤制合成氨", "up"}, {"尿素", "mid"}, {"精细化学品", "down"}}},
    {"聚丙烯下游", {{"聚丙烯", "up"}, {"改性塑料", "mid"}, {"管材/膜材/无纺布", "down"}}},
    {"电力", {{"火电", "up"}, {"光伏/风电", "up"}, {"储能", "mid"}, {"绿电消纳", "down"}}},
    {"冶金", {{"铸造生铁", "up"}, {"铸件", "mid"}, {"高铁配件", "down"}}},
    {"建材", {{"煤矸石/粉煤灰", "up"}, {"新型建材", "mid"}, {"装配式构件", "down"}}},
};

struct ProjectSeed {
  const char* name;
  const char* investor;
  Kind kind;
  const char* sub_park;  // demo sub-park name
  const char* link;      // chain link name ("" none)
  double total, contracted, plan2023;
  // planned / actual dates per stage ("" none): reserve, signed, landed, started, completed, production
  std::array<const char*, 6> planned, actual;
  const char* suspended;
  const char* terminated;
  const char* resumed;
  const char* leader;
  const char* unit;
  const char* team;
  const char* industry;
};

// Names without （演示） are the plan's; their figures are demo figures (the park is is_demo).
const std::vector<ProjectSeed> kProjects = {
    {"年产20万吨聚丙烯高值化产业园", "华亭煤业集团（演示）", Kind::kNew, "煤化工产业园（演示）", "聚丙烯/聚乙烯", 120000, 100000, 30000,
     {"", "2022-11-15", "2023-02-28", "2023-04-15", "2024-10-31", "2024-12-31"},
     {"2022-06-01", "2022-11-10", "2023-02-20", "2023-04-08", "", ""}, "", "", "", "市委常委（演示）", "工信局", "聚丙烯项目专班（演示）", "化工新材料"},
    {"50万吨高铁配件生产线", "平凉铸造有限公司（演示）", Kind::kNew, "冶金建材园（演示）", "高铁配件", 35000, 30000, 12000,
     {"", "2023-01-20", "2023-04-30", "2023-06-30", "2024-06-30", "2024-09-30"},
     {"2022-10-01", "2023-01-18", "2023-05-20", "", "", ""}, "", "", "", "副市长（演示）", "招商服务中心", "冶金项目专班（演示）", "装备制造"},
    {"电线电缆及仪器仪表生产线", "陇东电缆科技（演示）", Kind::kNew, "中小企业创业园（演示）", "", 18000, 15000, 8000,
     {"", "2023-03-15", "2023-05-31", "2023-07-01", "2024-03-31", "2024-05-31"},
     {"2023-01-05", "2023-03-10", "2023-05-25", "2023-07-15", "", ""}, "", "", "", "副市长（演示）", "工信局", "电缆项目专班（演示）", "装备制造"},
    {"煤制甲醇技改项目（演示）", "华亭煤化工公司（演示）", Kind::kContinuing, "煤化工产业园（演示）", "煤制甲醇", 45000, 45000, 15000,
     {"", "2021-12-01", "2022-03-01", "2022-06-01", "2023-10-31", "2023-12-31"},
     {"2021-06-01", "2021-11-20", "2022-02-25", "2022-06-05", "2023-11-20", ""}, "", "", "2023-03-05", "市委常委（演示）", "发改局", "煤化工专班（演示）", "煤化工"},
    {"甲醛及精细化工中间体项目（演示）", "陇原精细化工（演示）", Kind::kNew, "煤化工产业园（演示）", "甲醛", 26000, 22000, 14000,
     {"", "2022-12-01", "2023-01-31", "2023-03-01", "2023-09-30", "2023-11-30"},
     {"2022-08-01", "2022-11-28", "2023-01-20", "2023-02-26", "2023-09-28", "2023-11-15"}, "", "", "", "副市长（演示）", "工信局", "精细化工专班（演示）", "精细化工"},
    {"合成氨尿素提质增效项目（演示）", "华亭化肥厂（演示）", Kind::kContinuing, "煤化工产业园（演示）", "尿素", 30000, 30000, 9000,
     {"", "2021-05-01", "2021-07-01", "2021-09-01", "2023-04-30", "2023-06-30"},
     {"2021-01-10", "2021-04-28", "2021-06-30", "2021-09-10", "2023-04-25", "2023-06-18"}, "", "", "2023-03-01", "市委常委（演示）", "发改局", "煤化工专班（演示）", "煤化工"},
    {"聚丙烯改性材料项目（演示）", "西北改性塑料（演示）", Kind::kNew, "煤化工产业园（演示）", "改性塑料", 12000, 0, 0,
     {"", "2024-03-31", "", "", "", ""}, {"2023-05-10", "", "", "", "", ""}, "", "", "", "", "招商服务中心", "", "化工新材料"},
    {"光伏发电项目（演示）", "陇电新能源（演示）", Kind::kNew, "电力能源园（演示）", "光伏/风电", 40000, 40000, 25000,
     {"", "2022-12-20", "2023-02-15", "2023-03-31", "2023-12-31", "2024-01-31"},
     {"2022-09-01", "2022-12-18", "2023-02-10", "2023-03-20", "", ""}, "", "", "", "副市长（演示）", "发改局", "新能源专班（演示）", "新能源"},
    {"储能电站项目（演示）", "陇电储能（演示）", Kind::kNew, "电力能源园（演示）", "储能", 20000, 18000, 5000,
     {"", "2023-08-01", "2023-10-31", "2023-12-31", "", ""}, {"2023-04-01", "2023-08-01", "", "", "", ""}, "", "", "", "副市长（演示）", "招商服务中心", "新能源专班（演示）", "新能源"},
    {"铸造用生铁项目（演示）", "华亭冶金（演示）", Kind::kNew, "冶金建材园（演示）", "铸造生铁", 16000, 15000, 6000,
     {"", "2022-12-01", "2023-02-28", "2023-04-01", "2023-12-31", ""},
     {"2022-07-01", "2022-11-25", "2023-02-20", "2023-04-01", "", ""}, "2023-07-01", "", "", "副市长（演示）", "工信局", "冶金项目专班（演示）", "冶金"},
    {"新型建材项目（演示）", "陇东建材（演示）", Kind::kNew, "冶金建材园（演示）", "新型建材", 8000, 8000, 3000,
     {"", "2023-01-10", "2023-05-31", "2023-07-31", "", ""}, {"2022-10-01", "2023-01-10", "", "", "", ""}, "", "2023-06-01", "", "", "招商服务中心", "", "建材"},
    {"煤矸石综合利用项目（演示）", "华亭资源综合利用（演示）", Kind::kNew, "冶金建材园（演示）", "煤矸石/粉煤灰", 9000, 0, 0,
     {"", "2024-06-30", "", "", "", ""}, {"2023-09-01", "", "", "", "", ""}, "", "", "", "", "发改局", "", "建材"},
    {"工业园区标准化厂房（演示）", "弘达聚鑫基础产业投资集团", Kind::kContinuing, "中小企业创业园（演示）", "", 15000, 15000, 6000,
     {"", "2022-01-10", "2022-03-01", "2022-05-01", "2023-12-31", ""},
     {"2021-10-01", "2022-01-10", "2022-03-01", "2022-05-06", "", ""}, "", "", "2023-03-01", "市委常委（演示）", "工业园区", "园区建设专班（演示）", "基础设施"},
    {"烯烃下游新材料项目（演示）", "甘肃新材料（演示）", Kind::kNew, "煤化工产业园（演示）", "化工新材料", 60000, 50000, 8000,
     {"", "2023-06-30", "2023-09-30", "2023-11-30", "2025-06-30", ""},
     {"2023-02-01", "2023-06-28", "2023-09-10", "", "", ""}, "", "", "", "市委常委（演示）", "招商服务中心", "新材料专班（演示）", "化工新材料"},
    {"精细化学品项目（演示）", "陇原精细化工（演示）", Kind::kNew, "煤化工产业园（演示）", "精细化学品", 15000, 12000, 0,
     {"", "2023-10-31", "2024-03-31", "2024-05-31", "", ""}, {"2023-06-01", "2023-10-20", "", "", "", ""}, "", "", "", "", "招商服务中心", "", "精细化工"},
};

std::optional<Date> D(const char* s) { return *s ? Date::Parse(s) : std::nullopt; }

// The seeds' 2023 plans are the projects' full-year capacity; the park's FAI target is 31400 万元
// (plan.md §1), so the demo plans a fifth of it in 2023 and the projects' completed investment
// stays inside the park's FAI (issue 11 item 1).
constexpr double kPlanScale = 0.2;

// Monthly 2023 investment of a project under construction: the plan spread over its construction
// months with a demo shape; funds in place at 60% of completed, split by source.
void AddMonthly(ProjectRecord& p, const ProjectSeed& s) {
  if (s.plan2023 <= 0) return;
  auto started = p.core.actual[Stage::kStarted];
  if (!started) return;
  int first = started->year < 2023 ? 3 : started->month;  // winter stop until March
  int last = 12;
  if (auto c = p.core.actual[Stage::kCompleted]; c && c->year == 2023) last = c->month;
  if (p.core.suspended_on && p.core.suspended_on->year == 2023) last = p.core.suspended_on->month - 1;
  if (last < first) return;
  const double share = 0.9 * s.plan2023 * kPlanScale / (last - first + 1);  // ~90% of the plan
  for (int m = first; m <= last; ++m) {
    project::MonthlyInvestment mi;
    mi.period = {2023, m};
    mi.completed = std::round(share * (0.8 + 0.05 * (m % 5)));
    mi.funds_in_place = std::round(mi.completed * 0.6);
    mi.funds_by_source = {std::round(mi.funds_in_place * 0.5), std::round(mi.funds_in_place * 0.4), 0};
    mi.funds_by_source.foreign = mi.funds_in_place - mi.funds_by_source.out_of_province - mi.funds_by_source.in_province;
    p.core.monthly.push_back(mi);
  }
}

Status SeedChecklist(Connection& c, int64_t park, int64_t pid, const ProjectRecord& p) {
  const char* items[] = {"立项/备案", "用地预审与选址", "规划许可", "环评", "能评", "安评", "施工许可"};
  const bool started = StageIndex(p.core.stage) >= StageIndex(Stage::kStarted);
  int sort = 0;
  for (const char* item : items) {
    std::string status = started ? "done" : (sort < 2 ? "done" : (sort < 4 ? "in_progress" : "pending"));
    auto base = p.core.actual[Stage::kSigned].value_or(Date{2023, 1, 1});
    Value done = status == "done" ? Value(base.AddDays(10 + 7 * sort).ToString()) : Value();
    PARKHQ_RETURN_IF_ERROR(
        c.Exec("INSERT INTO project_approvals(park_id, project_id, item, status, deadline, done_on, "
               "tolerance_acceptance, commitment, agent, sort) VALUES (?,?,?,?,?,?,?,?,?,?)",
               {park, pid, std::string(item), status, base.AddDays(30 + 10 * sort).ToString(), done,
                int64_t{sort == 3 ? 1 : 0}, int64_t{sort == 6 ? 1 : 0}, std::string("政务服务中心帮办（演示）"),
                int64_t{sort}})
            .status());
    ++sort;
  }
  return Status::Ok();
}

}  // namespace

Status SeedProjectDemo(storage::Database& db) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto parkRow, c.QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id"));
  if (!parkRow) return Status::Ok();
  const int64_t park = parkRow->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto existing, c.QueryOne("SELECT COUNT(*) FROM projects WHERE park_id = ?", {park}));
  if (existing && existing->Int(0) > 0) return Status::Ok();
  std::map<std::string, int64_t> subs, units, links;
  PARKHQ_ASSIGN_OR_RETURN(auto subRows, c.Query("SELECT id, name FROM parks WHERE parent_id = ?", {park}));
  for (const auto& r : subRows) subs[r.Text(1)] = r.Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto unitRows, c.Query("SELECT id, name FROM units"));
  for (const auto& r : unitRows) units[r.Text(1)] = r.Int(0);
  const std::string now = NowIso();

  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  int chain_sort = 0;
  for (const auto& ch : kChains) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t chain_id,
                            c.InsertId("INSERT INTO industry_chains(park_id, name, sort) VALUES (?,?,?) RETURNING id",
                                       {park, std::string(ch.name), int64_t{chain_sort++}}));
    int sort = 0;
    for (const auto& [name, pos] : ch.links) {
      PARKHQ_ASSIGN_OR_RETURN(
          int64_t link_id, c.InsertId("INSERT INTO chain_links(park_id, chain_id, name, position, sort) VALUES "
                                      "(?,?,?,?,?) RETURNING id",
                                      {park, chain_id, std::string(name), std::string(pos), int64_t{sort++}}));
      links.emplace(name, link_id);  // the first chain with the link name wins
    }
  }

  for (const auto& s : kProjects) {
    ProjectRecord p;
    p.core.park_id = park;
    if (auto it = subs.find(s.sub_park); it != subs.end()) p.core.sub_park_id = it->second;
    p.core.name = s.name;
    p.investor = s.investor;
    p.core.kind = s.kind;
    p.core.total_investment = s.total;
    p.core.contracted_investment = s.contracted;
    for (int i = 0; i < project::kStageCount; ++i) {
      p.core.planned.by_stage[i] = D(s.planned[i]);
      p.core.actual.by_stage[i] = D(s.actual[i]);
      if (p.core.actual.by_stage[i]) p.core.stage = project::kAllStages[i];
    }
    p.core.suspended_on = D(s.suspended);
    p.core.terminated_on = D(s.terminated);
    if (p.core.suspended_on) p.suspend_reason = "环保手续整改（演示）";
    if (p.core.terminated_on) p.terminate_reason = "投资方资金链断裂，解除协议（演示）";
    if (*s.resumed) p.core.resumed_on.push_back(*Date::Parse(s.resumed));
    if (s.plan2023 > 0) p.core.annual_plans.push_back({2023, std::round(s.plan2023 * kPlanScale)});
    if (auto it = links.find(s.link); it != links.end()) p.chain_link_id = it->second;
    if (auto it = units.find(s.unit); it != units.end()) p.responsible_unit_id = it->second;
    p.responsible_leader = s.leader;
    p.responsible_team = s.team;
    p.industry = s.industry;
    p.content = "建设内容为演示数据";
    p.is_demo = true;
    AddMonthly(p, s);
    PARKHQ_ASSIGN_OR_RETURN(int64_t pid, storage::SqlProjectRepository::InsertProject(c, p, "demo", std::nullopt));
    PARKHQ_RETURN_IF_ERROR(SeedChecklist(c, park, pid, p));
    if (p.core.stage == Stage::kLanded || p.core.suspended_on)
      PARKHQ_RETURN_IF_ERROR(
          c.Exec("INSERT INTO project_problems(park_id, project_id, issue, raised_on, responsible_unit, deadline, "
                 "status) VALUES (?,?,?,?,?,?,'open')",
                 {park, pid, std::string("施工用电线路迁改未完成（演示）"), std::string("2023-06-01"),
                  std::string("发改局"), std::string("2023-07-31")})
              .status());
    for (const char* title : {"完成施工图设计", "主体结构封顶", "设备安装调试"}) {
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO project_milestones(park_id, project_id, title, planned_date, sort) "
                                    "VALUES (?,?,?,?,?)",
                                    {park, pid, std::string(title),
                                     p.core.planned[Stage::kStarted] ? Value(p.core.planned[Stage::kStarted]->ToString())
                                                                     : Value(),
                                     int64_t{0}})
                                 .status());
    }
  }

  // No funds-in-place target is seeded here: targets belong to the monitoring module (its demo
  // sets the park's 2023 `funds_in_place`); until then 资金到位率 shows its numerator with a null rate.

  // CRM demo: investors and leads at every stage.
  struct LeadSeed {
    const char* investor;
    const char* origin;
    const char* title;
    const char* source;
    const char* link;
    const char* intent;
    const char* stage;
    double planned;
    const char* next_date;
  };
  const LeadSeed kLeads[] = {
      {"长三角新材料集团（演示）", "江苏苏州", "高端聚烯烃薄膜项目（演示）", "产业链招商", "化工新材料", "high", "negotiation", 50000, "2023-07-15"},
      {"浙江塑业控股（演示）", "浙江宁波", "聚丙烯无纺布项目（演示）", "以商招商", "管材/膜材/无纺布", "medium", "contact", 8000, "2023-07-05"},
      {"天津储能科技（演示）", "天津", "共享储能电站二期（演示）", "展会", "储能", "high", "lead", 30000, "2023-06-20"},
      {"东部精细化工（演示）", "山东淄博", "甲醛下游树脂项目（演示）", "飞地经济", "精细化工产品", "low", "abandoned", 6000, ""},
      {"省属建材集团（演示）", "甘肃兰州", "装配式构件基地（演示）", "上级推介", "装配式构件", "medium", "negotiation", 12000, "2023-07-30"},
  };
  // The CRM lives in the present (issue 11 item 8: no "overdue 1,266 days"): the leads' dates move
  // with the demo, so their next steps fall around today.
  const int shift = std::max(0, Today().period().Index() - Period{2023, 7}.Index());
  auto moved = [&](const char* d) -> Value {
    if (!*d) return Value();
    return Value(Date::Parse(d)->AddMonths(shift).ToString());
  };
  for (const auto& l : kLeads) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t inv, c.InsertId("INSERT INTO investors(park_id, name, origin, industry, is_demo, "
                                                    "created_at) VALUES (?,?,?,?,1,?) RETURNING id",
                                                    {park, std::string(l.investor), std::string(l.origin),
                                                     std::string("制造业"), now}));
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO investor_contacts(park_id, investor_id, name, title, phone) "
                                  "VALUES (?,?,?,?,?)",
                                  {park, inv, std::string("张经理（演示）"), std::string("投资总监"),
                                   std::string("138-0000-0000")})
                               .status());
    auto link = links.find(l.link);
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t lead,
        c.InsertId("INSERT INTO leads(park_id, investor_id, title, source, chain_link_id, intent, planned_investment, "
                   "team, owner, stage, abandon_reason, next_step, next_date, is_demo, created_at, updated_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?) RETURNING id",
                   {park, inv, std::string(l.title), std::string(l.source),
                    link == links.end() ? Value() : Value(link->second), std::string(l.intent), l.planned,
                    std::string("招商一组（演示）"), std::string("李科长（演示）"), std::string(l.stage),
                    std::string(std::string(l.stage) == "abandoned" ? "投资方战略调整（演示）" : ""),
                    std::string(*l.next_date ? "赴企业总部洽谈（演示）" : ""), moved(l.next_date), now, now}));
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO lead_followups(park_id, lead_id, kind, date, content, next_step, "
                                  "next_date, username, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                                  {park, lead, std::string("visit"), moved("2023-05-18"),
                                   std::string("招商专班赴企业走访，介绍园区产业链配套与政策（演示）"),
                                   std::string("准备项目建议书（演示）"), moved(l.next_date), std::string("demo"), now})
                               .status());
  }
  return tx.Commit();
}

// The enterprise registry's demo firms placed on fitting links of the demo chains (龙头/配套). Runs
// after the enterprise demo; links left without firms or started projects show as 补链 gaps. One
// transaction; does nothing when the park already has placements or the firms are missing.
Status SeedChainEnterpriseDemo(storage::Database& db) {
  struct Placement {
    const char* firm;
    const char* link;  // every link of the park with this name
    const char* role;
  };
  static const Placement kPlacements[] = {
      {"华亭煤制甲醇有限公司（演示）", "煤制甲醇", "龙头"},
      {"华亭焦化有限公司（演示）", "煤炭", "配套"},
      {"华亭煤制品加工厂（演示）", "煤炭", "配套"},
      {"华亭合成氨化肥有限公司（演示）", "煤制合成氨", "龙头"},
      {"华亭合成氨化肥有限公司（演示）", "尿素", "龙头"},
      {"陇东聚烯烃新材料有限公司（演示）", "聚乙烯/聚丙烯", "龙头"},
      {"陇东聚烯烃新材料有限公司（演示）", "聚丙烯", "龙头"},
      {"华亭精细化工有限公司（演示）", "精细化工产品", "配套"},
      {"华亭涂料科技有限公司（演示）", "精细化学品", "配套"},
      {"华亭塑料制品有限公司（演示）", "改性塑料", "配套"},
      {"华亭电厂（演示）", "火电", "龙头"},
      {"华亭热电联产有限公司（演示）", "火电", "配套"},
      {"华亭风电场（演示）", "光伏/风电", "龙头"},
      {"华亭光伏发电有限公司（演示）", "光伏/风电", "配套"},
      {"华亭铸造炼铁厂（演示）", "铸造生铁", "配套"},
      {"华亭矿山机械制造有限公司（演示）", "铸件", "配套"},
      {"华亭水泥有限公司（演示）", "煤矸石/粉煤灰", "龙头"},
      {"华亭新型墙材有限公司（演示）", "新型建材", "龙头"},
      {"华亭水泥制品厂（演示）", "装配式构件", "配套"},
  };
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto parkRow, c.QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id"));
  if (!parkRow) return Status::Ok();
  const int64_t park = parkRow->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto existing,
                          c.QueryOne("SELECT COUNT(*) FROM chain_link_enterprises WHERE park_id = ?", {park}));
  if (existing && existing->Int(0) > 0) return Status::Ok();
  std::map<std::string, int64_t> firms;
  std::multimap<std::string, int64_t> links;
  PARKHQ_ASSIGN_OR_RETURN(auto firmRows,
                          c.Query("SELECT id, name FROM enterprises WHERE park_id = ? AND is_demo = 1", {park}));
  for (const auto& r : firmRows) firms[r.Text(1)] = r.Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto linkRows, c.Query("SELECT id, name FROM chain_links WHERE park_id = ?", {park}));
  for (const auto& r : linkRows) links.emplace(r.Text(1), r.Int(0));
  const std::string now = NowIso();
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  for (const auto& p : kPlacements) {
    auto f = firms.find(p.firm);
    if (f == firms.end()) continue;
    auto [from, to] = links.equal_range(p.link);
    for (auto it = from; it != to; ++it)
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO chain_link_enterprises(park_id, link_id, enterprise_id, role, note, "
                                    "created_at) VALUES (?,?,?,?,?,?)",
                                    {park, it->second, f->second, std::string(p.role), std::string("演示数据"), now})
                                 .status());
  }
  return tx.Commit();
}

}  // namespace parkhq::app
