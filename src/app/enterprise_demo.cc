#include "app/enterprise_demo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "common/crypto.h"
#include "common/time.h"
#include "domain/enterprise/industry.h"
#include "domain/enterprise/uscc.h"
#include "storage/enterprise/sql_enterprise_repository.h"
#include "app/demo_world.h"

namespace parkhq::app {
namespace {

using enterprise::LeadingGroup;
using storage::Value;

struct DemoFirm {
  const char* name;
  const char* industry;
  int sub_park;            // index into the four demo sub-parks
  double output_2023;      // 万元 per year (firms >= 5000 are scaled so the park total is 157000)
  double growth;           // 2023 / 2022; 0 = the firm's own pattern (see special)
  bool above_scale;
  const char* scale_changed_on;  // "" none
  const char* moved_in_on;
  const char* flags;       // comma separated flag codes
  const char* special;     // "" | "zombie" (stopped, no output from 2023-07) | "flat"
};

// clang-format off
const DemoFirm kFirms[] = {
    {"华亭煤制甲醇有限公司（演示）", "2614", 0, 32000, 1.08, true, "", "2012-05-10", "high_tech,green_factory", ""},
    {"华亭焦化有限公司（演示）", "2521", 0, 15000, 1.05, true, "", "2010-03-18", "", ""},
    {"华亭煤制油科技有限公司（演示）", "2523", 0, 12000, 1.11, true, "", "2016-09-01", "high_tech", ""},
    {"华亭合成氨化肥有限公司（演示）", "2621", 0, 8000, 1.04, true, "", "2011-07-20", "", ""},
    {"陇东聚烯烃新材料有限公司（演示）", "2651", 0, 9000, 1.09, true, "", "2018-04-12", "specialized_sme", ""},
    {"华亭煤制品加工厂（演示）", "2524", 0, 2150, 0.94, true, "", "2014-11-03", "", ""},
    {"华亭精细化工有限公司（演示）", "2619", 0, 1800, 1.15, false, "", "2019-06-15", "tech_sme", ""},
    {"华亭涂料科技有限公司（演示）", "2641", 0, 900, 1.06, false, "", "2020-08-08", "tech_sme", ""},
    {"华亭农药制剂有限公司（演示）", "2631", 0, 1500, 0.97, false, "", "2015-02-26", "", "flat"},
    {"华亭电厂（演示）", "4411", 1, 22000, 1.06, true, "", "2008-12-01", "water_saving", ""},
    {"华亭热电联产有限公司（演示）", "4412", 1, 9000, 1.07, true, "", "2013-10-10", "", ""},
    {"华亭风电场（演示）", "4415", 1, 3500, 1.12, true, "", "2017-05-05", "green_factory", ""},
    {"华亭光伏发电有限公司（演示）", "4416", 1, 2800, 0, true, "2023-03-15", "2023-03-15", "", ""},
    {"华亭城区供热有限公司（演示）", "4430", 1, 4200, 1.03, true, "", "2012-09-09", "", ""},
    {"华亭铁合金冶炼有限公司（演示）", "3140", 2, 7500, 1.06, true, "", "2013-03-03", "", ""},
    {"陇东钢材压延有限公司（演示）", "3130", 2, 6000, 1.05, true, "", "2015-06-06", "", ""},
    {"华亭铝业有限公司（演示）", "3216", 2, 5500, 1.10, true, "", "2016-01-16", "green_factory", ""},
    {"华亭铸造炼铁厂（演示）", "3110", 2, 1200, 0, false, "", "2009-04-01", "", "zombie"},
    {"华亭水泥有限公司（演示）", "3011", 2, 6500, 1.04, true, "", "2011-11-11", "", ""},
    {"华亭新型墙材有限公司（演示）", "3031", 2, 2400, 1.26, true, "2023-01-01", "2019-03-20", "", ""},
    {"华亭水泥制品厂（演示）", "3021", 2, 1650, 1.18, false, "", "2018-10-10", "", ""},
    {"华亭玻璃纤维制品有限公司（演示）", "3062", 2, 2200, 1.09, true, "", "2017-07-07", "high_tech", ""},
    {"华亭碳素制品有限公司（演示）", "3091", 2, 3000, 1.08, true, "", "2016-12-12", "specialized_sme,tech_sme", ""},
    {"华亭矿山机械制造有限公司（演示）", "3511", 3, 2600, 1.10, true, "", "2018-05-18", "tech_sme,specialized_sme", ""},
    {"华亭金属结构有限公司（演示）", "3311", 3, 1200, 1.05, false, "", "2020-04-04", "", ""},
    {"华亭淀粉制品有限公司（演示）", "1391", 3, 800, 1.02, false, "", "2019-09-19", "", ""},
    {"华亭啤酒有限公司（演示）", "1513", 3, 2300, 1.04, true, "", "2010-06-01", "water_saving", ""},
    {"华亭人造板有限公司（演示）", "2029", 3, 700, 1.03, false, "", "2021-01-10", "", ""},
    {"华亭塑料制品有限公司（演示）", "2927", 3, 500, 1.08, false, "", "2021-08-08", "tech_sme", ""},
    {"华亭金属表面处理有限公司（演示）", "3360", 3, 400, 0, false, "", "2023-06-12", "", ""},
    {"华亭电子设备有限公司（演示）", "3932", 3, 600, 0, false, "", "2023-09-01", "tech_sme", ""},
    {"华亭印务有限公司（演示）", "2330", 3, 300, 0, false, "", "2023-11-06", "", ""},
};
// clang-format on

// Month shares of a year's output (sum 1).
constexpr std::array<double, 12> kSeason = {0.070, 0.072, 0.082, 0.083, 0.085, 0.086,
                                            0.084, 0.085, 0.087, 0.088, 0.086, 0.092};

// Deterministic noise in [-1, 1).
double Noise(uint64_t& state) {
  state = state * 6364136223846793005ull + 1442695040888963407ull;
  return static_cast<double>((state >> 11) % 2000000) / 1000000.0 - 1.0;
}

std::string Uscc(int seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "91620824MA72%05d", 10000 + seq * 37);
  std::string first17(buf);
  return first17 + *enterprise::UsccCheckCharacter(first17);
}

double Round2(double v) { return std::round(v * 100) / 100; }

// Monthly output of firm f in year y (index 0 = January); nullopt when not yet in the park. After
// 2023 a firm above scale keeps growing at its 2023 rate (at most 10%; 6% for firms without one),
// one below scale 2% a year.
std::optional<double> MonthOutput(const DemoFirm& f, int year, int m, double scale) {
  const Period p{year, m + 1};
  const auto moved = Date::Parse(f.moved_in_on);
  if (moved && p < moved->period()) return std::nullopt;
  const std::string special = f.special;
  double annual = f.output_2023 * scale;
  if (special == "zombie") {
    if (year == 2022) return 1200.0 / 12;
    return year == 2023 && m < 6 ? 55.0 : 0.0;
  }
  if (special == "flat") return annual / 12;
  if (year == 2022) annual /= f.growth > 0 ? f.growth : 1;
  // Firms below scale grow 2% a year, so the 小升规 pool keeps growing candidates below 2000 万元.
  const double later = !f.above_scale ? 1.02 : f.growth > 0 ? std::min(f.growth, 1.10) : 1.06;
  for (int y = 2024; y <= year; ++y) annual *= later;
  return annual * kSeason[m];
}

bool AboveAt(const DemoFirm& f, Period p) { return AboveScaleAt(f.above_scale, f.scale_changed_on, p); }

}  // namespace

Status SeedEnterpriseDemo(storage::Database& db, bool fast_hash, Period last) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  storage::Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM enterprises WHERE is_demo = 1"));
  if (any && any->Int(0) > 0) return Status::Ok();
  PARKHQ_ASSIGN_OR_RETURN(auto park_row, c.QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id"));
  if (!park_row) return Status::Ok();
  const int64_t park = park_row->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto subs, c.Query("SELECT id FROM parks WHERE parent_id = ? ORDER BY sort, id", {park}));
  if (subs.size() < 4) return Status::Internal("demo: the four sub-parks are missing");
  const auto mapping = enterprise::LeadingGroupMapping::Default();

  // Firms of 5000 万元 and more are scaled so that the above-scale firms' 2022 output is the base the
  // plan's 2023 target implies (157000 / 1.07 = 146729 万元).
  double small = 0, big = 0;
  for (const auto& f : kFirms)
    for (int m = 0; m < 12; ++m) {
      if (!AboveAt(f, {2022, m + 1})) continue;
      const double v = MonthOutput(f, 2022, m, 1).value_or(0);
      (f.output_2023 >= 5000 ? big : small) += v;
    }
  const double big_scale = (kOutputTarget2023 / (1 + kOutputGrowthPct / 100) - small) / big;

  const std::string now = NowIso();
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::vector<int64_t> ids;
  int seq = 0;
  for (const auto& f : kFirms) {
    const LeadingGroup g = mapping.Classify(f.industry);
    const bool zombie = std::string(f.special) == "zombie";
    const auto founded = Date::Parse(f.moved_in_on)->AddYears(-1);
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t id,
        c.InsertId("INSERT INTO enterprises(park_id, sub_park_id, uscc, name, legal_rep, address, contact_phone, "
                   "land_parcels, industry_code, leading_group, leading_group_manual, above_scale, scale_changed_on, "
                   "employees, founded_on, moved_in_on, status, status_changed_on, tax_arrears, is_demo, created_at, "
                   "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?,?,?,?,1,?,?) RETURNING id",
                   {park, subs[f.sub_park].Int(0), Uscc(++seq), std::string(f.name), std::string("张某（演示）"),
                    std::string("华亭工业园区（演示地址）") + std::to_string(seq) + "号", std::string("0933-0000000"),
                    std::string("HT-") + std::to_string(2000 + seq), std::string(f.industry),
                    std::string(enterprise::LeadingGroupCode(g)), int64_t{f.above_scale},
                    *f.scale_changed_on ? Value(std::string(f.scale_changed_on)) : Value(),
                    int64_t(std::max(8.0, std::round(f.output_2023 * (f.output_2023 >= 5000 ? big_scale : 1) / 60))),
                    founded.ToString(), std::string(f.moved_in_on),
                    std::string(zombie ? "stopped" : "operating"), zombie ? Value(std::string("2023-07-01")) : Value(),
                    int64_t{zombie}, now, now}));
    ids.push_back(id);
    std::string flags = f.flags;
    size_t pos = 0;
    while (pos < flags.size()) {
      size_t comma = flags.find(',', pos);
      if (comma == std::string::npos) comma = flags.size();
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO enterprise_flags(park_id, enterprise_id, flag, since, until) VALUES "
                                    "(?,?,?,'2021-12-01','2024-11-30')",
                                    {park, id, flags.substr(pos, comma - pos)})
                                 .status());
      pos = comma + 1;
    }
    // Approved monthly reports from 2022 through `last`.
    uint64_t rng = 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(seq);
    const double scale = f.output_2023 >= 5000 ? big_scale : 1;
    const int64_t staff = int64_t(std::max(8.0, std::round(f.output_2023 * scale / 60)));
    const double intensity = EnergyIntensity(f.industry).demo;
    for (int year = 2022; year <= last.year; ++year) {
      for (int m = 0; m < 12 && Period{year, m + 1} <= last; ++m) {
        auto out = MonthOutput(f, year, m, scale);
        if (!out) continue;
        const double o = Round2(*out * (1 + 0.03 * Noise(rng)));
        enterprise::StoredReport r;
        r.park_id = park;
        r.enterprise_id = id;
        r.period = {year, m + 1};
        r.state = enterprise::ReportState::kApproved;
        r.is_demo = true;
        const Date deadline{year + (m == 11), m == 11 ? 1 : m + 2, 8};
        r.first_submitted_on = deadline;
        r.submitted_at = deadline.ToString() + "T02:00:00Z";
        r.reviewed_at = deadline.AddDays(3).ToString() + "T02:00:00Z";
        r.reviewed_by = "parkadmin";
        r.updated_at = r.reviewed_at;
        const double energy = Round2(o * intensity * (1 + 0.02 * Noise(rng)));
        r.values = {{"output", o},
                    {"revenue", Round2(o * 0.9873 * (1 + 0.01 * Noise(rng)))},
                    {"value_added", Round2(o * kValueAddedDemo * (1 + 0.04 * Noise(rng)))},
                    {"tax", Round2(o * kTaxRateDemo * (1 + 0.1 * Noise(rng)))},
                    {"profit", Round2(o * 0.06 * (0.5 + Noise(rng)))},
                    {"energy", energy},
                    {"electricity", Round2(o * 0.08 * (1 + 0.05 * Noise(rng)))},
                    {"employees", static_cast<double>(o > 0 ? staff : std::max<int64_t>(2, staff / 10))},
                    {"emissions", Round2(energy * 0.002)}};
        if (*f.flags) r.values["rnd"] = Round2(o * 0.012);
        PARKHQ_RETURN_IF_ERROR(storage::SqlEnterpriseRepository::InsertReportRaw(c, r));
      }
    }
  }
  // Enterprise demo accounts: qiye files for 华亭矿山机械制造 (above scale), qiye2 for 华亭啤酒.
  const std::pair<const char*, size_t> kUsers[] = {{"qiye", 23}, {"qiye2", 26}};
  for (const auto& [username, index] : kUsers)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO users(username, display_name, password_hash, role, park_id, "
                                  "enterprise_id, created_at) VALUES (?,?,?,'enterprise',?,?,?)",
                                  {std::string(username), std::string(kFirms[index].name) + "填报员（演示）",
                                   HashPassword("Ent@2023demo", fast_hash), park, ids[index], now})
                               .status());
  return tx.Commit();
}

}  // namespace parkhq::app
