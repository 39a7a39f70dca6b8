#include "app/parks_demo.h"

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "common/crypto.h"
#include "common/time.h"
#include "domain/access/scope.h"
#include "storage/audit_store.h"

namespace parkhq::app {
namespace {

using storage::Connection;
using storage::Value;

double Round2(double v) { return std::round(v * 100) / 100; }

// Percent of the year per month (output is steady, winter a little lower).
constexpr std::array<double, 12> kOutputShare = {7.2, 7.0, 8.2, 8.4, 8.6, 8.5, 8.4, 8.4, 8.6, 8.9, 8.9, 8.9};
constexpr std::array<double, 12> kInvestShare = {3, 4, 7, 8, 9.5, 10.5, 9.5, 9.5, 10, 10, 10, 9};

struct DemoPark {
  const char* name;
  const char* short_name;
  const char* code;        // parcel code prefix
  double output_2022;      // 万元 (above-scale output, the monitored figure)
  double growth;           // yearly output growth
  double va_rate;          // value added / output
  double tax_rate;         // tax / sales
  double energy_per_va;    // 吨标准煤 / 万元 of value added
  double fai_2022;
  double funds_2022;
  double employees;
  double leading_share;    // leading groups' share of output
  double rnd_pct;          // R&D / sales, percent
  double debt_ratio;       // percent
  double export_2022;
  double foreign_2022;
  std::array<double, 5> parcel_mu;  // parcels; the first `started` are under way or built
  int started;
};

const DemoPark kParks[] = {
    {"平凉工业园区（演示）", "平凉园区（演示）", "PL", 212000, 0.065, 0.135, 0.038, 1.65, 41000, 36000, 9800, 0.62, 1.4,
     58.5, 26000, 5200, {520, 410, 380, 300, 260}, 4},
    {"静宁工业园区（演示）", "静宁园区（演示）", "JN", 68000, 0.092, 0.158, 0.031, 0.92, 16500, 12800, 4100, 0.71, 1.9,
     44.0, 9600, 1100, {260, 220, 180, 150, 120}, 3},
    {"崇信工业园区（演示）", "崇信园区（演示）", "CX", 121000, 0.041, 0.112, 0.029, 2.35, 23800, 15200, 5600, 0.55, 0.7,
     71.2, 3800, 0, {480, 360, 300, 240, 220}, 3},
};

// Entered values of the Huating park (its R&D and leading output come from its firms' reports).
struct HuatingEntry {
  double debt_ratio, export_value, foreign_capital;
};
constexpr HuatingEntry kHuating = {63.4, 12800, 2100};

struct ChemSeed {
  const char* category;
  const char* requirement;
  const char* units;
  const char* deadline;
  const char* status;
  const char* evidence;
  double score;  // −1: not scored yet
  int review_years;
  const char* last_review;
  const char* tracked;
};

const ChemSeed kChemItems[] = {
    {"设立与规划", "园区经省级人民政府或其授权机构认定，四至范围清晰（演示）", "工业园区、发改局", "2024-06-30", "met",
     "园区四至范围批复文件（演示）.pdf", 10, 5, "2023-08-15", ""},
    {"设立与规划", "编制园区总体规划、产业发展规划并经审批（演示）", "工业园区、自然资源局", "2024-06-30", "met",
     "总体规划批复（演示）.pdf", 10, 5, "2023-08-15", ""},
    {"设立与规划", "规划环评通过审查并落实审查意见（演示）", "生态环境局华亭分局", "2024-12-31", "rectifying",
     "规划环评报告书（演示）.pdf", -1, 5, nullptr, ""},
    {"选址与布局", "化工园区与河道保持规定的退让距离，划定河道退让线并落图（演示）", "水务局、自然资源局", "2024-09-30",
     "rectifying", "河道退让线测绘图（演示）.pdf", -1, 3, nullptr, "river_setback"},
    {"选址与布局", "开展园区整体性安全风险评估，外部安全防护距离满足要求（演示）", "应急管理局", "2024-06-30", "met",
     "整体性安全风险评估报告（演示）.pdf", 8, 3, "2023-11-20", ""},
    {"选址与布局", "功能分区合理，危险化学品企业集中布置（演示）", "工业园区", "2024-06-30", "met", "园区功能分区图（演示）.pdf",
     6, 3, "2023-11-20", ""},
    {"基础设施", "建成园区污水集中处理设施并稳定运行（演示）", "住建局、生态环境局华亭分局", "2024-12-31", "met",
     "污水处理厂运行台账（演示）.xlsx", 8, 3, "2023-12-10", ""},
    {"基础设施", "建设园区公共管廊和危险化学品车辆专用停车场（演示）", "工业园区、弘达聚鑫基础产业投资集团", "2025-06-30",
     "unmet", "", -1, 3, nullptr, ""},
    {"安全管理", "设立专门安全生产监督管理机构，配备化工专业人员（演示）", "应急管理局、工业园区", "2024-03-31", "met",
     "机构设置文件（演示）.pdf", 10, 3, "2023-10-08", ""},
    {"安全管理", "建成安全风险智能化管控平台并接入重大危险源监测（演示）", "网信办(大数据中心)、应急管理局", "2025-03-31",
     "rectifying", "平台建设方案（演示）.docx", -1, 3, nullptr, ""},
    {"环境保护", "建立园区环境监测监控体系和有毒有害气体预警体系（演示）", "生态环境局华亭分局", "2024-12-31", "unmet", "",
     -1, 3, nullptr, ""},
    {"环境保护", "固体废物集中收集、贮存、处置设施满足需要（演示）", "生态环境局华亭分局", "2024-12-31", "met",
     "固废处置协议（演示）.pdf", 6, 3, "2023-12-10", ""},
    {"应急管理", "建设园区事故应急池，容量满足事故状态下废水收集要求（演示）", "应急管理局、住建局", "2024-10-31",
     "rectifying", "应急池设计图（演示）.pdf", -1, 3, nullptr, "emergency_pool"},
    {"应急管理", "编制园区突发事件应急预案并定期演练（演示）", "应急管理局", "2024-06-30", "met",
     "应急演练记录（演示）.pdf", 8, 3, "2023-09-01", ""},
};

Status InsertValue(Connection& c, int64_t park, const std::string& period, const char* code, double value) {
  const std::string at = Period::Parse(period)->AddMonths(1).ToString() + "-05T02:00:00Z";
  PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO indicator_values(park_id, period, indicator_code, value, is_demo, "
                                "updated_at, updated_by) VALUES (?,?,?,?,1,?,'parkadmin')",
                                {park, period, std::string(code), value, at})
                             .status());
  return c.Exec("INSERT INTO indicator_value_history(park_id, period, indicator_code, old_value, new_value, mode, "
                "entered, at, username, reason) VALUES (?,?,?,NULL,?,'month',?,?,'parkadmin','演示数据（DEMO）')",
                {park, period, std::string(code), value, value, at})
      .status();
}

Status InsertEntry(Connection& c, int64_t park, int year, const char* code, double value, const std::string& evidence) {
  return c.Exec("INSERT INTO park_eval_entries(park_id, year, code, value, evidence, is_demo, updated_at, updated_by) "
                "VALUES (?,?,?,?,?,1,?,'parkadmin')",
                {park, int64_t{year}, std::string(code), Round2(value), evidence, std::to_string(year + 1) + "-01-20T02:00:00Z"})
      .status();
}

// One comparison park: monthly approved figures, parcels and entered values.
Status SeedPark(Connection& c, const DemoPark& d, int64_t park, Period last, const std::string& now) {
  for (int year = 2022; year <= last.year; ++year) {
    const double g = std::pow(1 + d.growth, year - 2022);
    const double output = d.output_2022 * g;
    double year_output = 0, year_sales = 0;
    for (int m = 1; m <= 12 && Period{year, m} <= last; ++m) {
      const std::string p = Period{year, m}.ToString();
      const double o = Round2(output * kOutputShare[m - 1] / 100);
      const double sales = Round2(o * 0.97);
      const double va = Round2(o * d.va_rate);
      year_output += o;
      year_sales += sales;
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "output", o));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "sales", sales));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "value_added", va));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "tax", Round2(sales * d.tax_rate)));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "energy", Round2(va * d.energy_per_va)));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "fai", Round2(d.fai_2022 * g * kInvestShare[m - 1] / 100)));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "funds_in_place", Round2(d.funds_2022 * g * kInvestShare[m - 1] / 100)));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "employees", std::round(d.employees * (1 + 0.02 * (year - 2022)))));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "new_enterprises", m % 4 == 0 ? 1 : 0));
      PARKHQ_RETURN_IF_ERROR(InsertValue(c, park, p, "new_above_scale", m == 6 ? 1 : 0));
      const std::string next = Period{year, m}.AddMonths(1).ToString();
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO monitoring_months(park_id, period, state, submitted_at, submitted_by, "
                                    "approved_at, approved_by, reason, updated_at) VALUES (?,?,'approved',?,'parkadmin',?,"
                                    "'admin','演示数据（DEMO）',?)",
                                    {park, p, next + "-08T02:00:00Z", next + "-09T03:00:00Z", next + "-09T03:00:00Z"})
                                 .status());
    }
    const std::string y = std::to_string(year);
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "debt_ratio", d.debt_ratio + 0.8 * (year - 2022),
                                       y + "年园区平台公司审计报告（演示）"));
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "export_value", d.export_2022 * g, y + "年海关进出口统计（演示）"));
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "foreign_capital", d.foreign_2022 * g, y + "年商务局外资统计（演示）"));
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "leading_output", year_output * d.leading_share,
                                       y + "年主导产业产值统计台账（演示）"));
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "rnd", year_sales * d.rnd_pct / 100, y + "年研发费用加计扣除汇总（演示）"));
  }
  for (size_t i = 0; i < d.parcel_mu.size(); ++i) {
    const bool started = static_cast<int>(i) < d.started;
    const std::string code = std::string(d.code) + "-" + std::to_string(i + 1) + "-DEMO";
    PARKHQ_RETURN_IF_ERROR(
        c.Exec("INSERT INTO land_parcels(park_id, code, name, area_mu, area_m2, land_use, approved, supplied, "
               "supply_kind, actual_start, completed, note, is_demo, created_at, updated_at) "
               "VALUES (?,?,?,?,?,'工业用地',?,?,'transfer',?,?,'演示数据（DEMO）',1,?,?)",
               {park, code, std::string(d.short_name) + "地块" + std::to_string(i + 1), d.parcel_mu[i],
                Round2(d.parcel_mu[i] * 666.67), std::string("2019-0") + std::to_string(3 + i) + "-15",
                started ? Value(std::string("2020-04-01")) : Value(), started ? Value(std::string("2020-09-01")) : Value(),
                started && i < 2 ? Value(std::string("2021-10-30")) : Value(), now, now})
            .status());
  }
  return Status::Ok();
}

Status SeedChemLedger(Connection& c, int64_t park, const std::string& now) {
  int no = 0;
  std::string last_category;
  for (const auto& s : kChemItems) {
    no = last_category == s.category ? no + 1 : 1;
    last_category = s.category;
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO chem_items(park_id, category, no, requirement, units, deadline, status, "
                                  "evidence, score, review_years, last_review, tracked, is_demo, updated_at, updated_by) "
                                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?,'parkadmin')",
                                  {park, std::string(s.category), int64_t{no}, std::string(s.requirement),
                                   std::string(s.units), std::string(s.deadline), std::string(s.status),
                                   std::string(s.evidence), s.score < 0 ? Value() : Value(s.score),
                                   int64_t{s.review_years}, s.last_review ? Value(std::string(s.last_review)) : Value(),
                                   std::string(s.tracked), now})
                               .status());
  }
  return Status::Ok();
}

}  // namespace

Status SeedParksDemo(storage::Database& db, bool fast_hash, Period last) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto huating, c.QueryOne("SELECT p.id, r.parent_id FROM parks p JOIN regions r ON r.id = "
                                                   "p.region_id WHERE p.name = '华亭工业园区' AND p.parent_id IS NULL "
                                                   "ORDER BY p.id"));
  if (!huating || huating->IsNull(1)) return Status::Ok();
  const int64_t park = huating->Int(0), city = huating->Int(1);
  PARKHQ_ASSIGN_OR_RETURN(auto done, c.QueryOne("SELECT COUNT(*) FROM parks WHERE name = ?", {std::string(kParks[0].name)}));
  if (done && done->Int(0) > 0) return Status::Ok();
  const std::string now = NowIso();
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  int sort = 10;
  for (const auto& d : kParks) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO parks(region_id, name, short_name, is_demo, sort, "
                                                   "created_at) VALUES (?,?,?,1,?,?) RETURNING id",
                                                   {city, std::string(d.name), std::string(d.short_name), int64_t{sort++}, now}));
    PARKHQ_RETURN_IF_ERROR(SeedPark(c, d, id, last, now));
  }
  for (int year = 2022; year <= last.year; ++year) {
    const std::string y = std::to_string(year);
    const double g = std::pow(1.07, year - 2022);
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "debt_ratio", kHuating.debt_ratio - 0.6 * (year - 2022),
                                       y + "年弘达聚鑫基础产业投资集团审计报告（演示）"));
    PARKHQ_RETURN_IF_ERROR(InsertEntry(c, park, year, "export_value", kHuating.export_value * g, y + "年海关进出口统计（演示）"));
    PARKHQ_RETURN_IF_ERROR(
        InsertEntry(c, park, year, "foreign_capital", kHuating.foreign_capital * g, y + "年商务局外资统计（演示）"));
  }
  PARKHQ_RETURN_IF_ERROR(SeedChemLedger(c, park, now));
  // A leader of the city (no park: reads every park, like the region's monitoring) to compare them.
  PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO users(username, display_name, password_hash, role, park_id, unit_id, "
                                "created_at) VALUES ('pingliang', '平凉市领导，只读（演示）', ?, 'leader', NULL, NULL, ?)",
                                {HashPassword("City@2023demo", fast_hash), now})
                             .status());
  Scope system;
  system.username = "system";
  system.role = Role::kSysadmin;
  PARKHQ_RETURN_IF_ERROR(storage::WriteAudit(c, system, "import", "park_eval_entries", "demo", park, "",
                                             "{\"parks\":3,\"chem_items\":14,\"is_demo\":1}", "演示数据（DEMO）"));
  return tx.Commit();
}

}  // namespace parkhq::app
