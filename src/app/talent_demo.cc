#include "app/talent_demo.h"

#include <map>
#include <string>
#include <vector>

#include "common/crypto.h"
#include "common/time.h"
#include "domain/talent/talent.h"
#include "storage/talent/sql_talent_repository.h"

namespace parkhq::app {

namespace {

using storage::Connection;
using storage::Value;

// Demo enterprises by their index in the registry (id order, enterprise_demo.cc kFirms): 0 煤制甲醇
// (high_tech), 1 焦化, 2 煤制油 (high_tech), 6 精细化工, 7 涂料, 9 电厂 (water_saving), 10 热电,
// 23 矿山机械 (qiye), 26 啤酒 (qiye2). "past" posts were made in 2024 (the registry's flags were valid then) and are
// filled; the others are open now.
struct PostSeed {
  size_t firm;
  const char* post;
  int64_t heads;
  const char* major;
  const char* education;
  int64_t years;
  double salary_min, salary_max;
  const char* urgency;
  const char* program;
  bool past;
};
const PostSeed kPosts[] = {
    {0, "化工工艺工程师（演示）", 3, "化学工程", "bachelor", 2, 6000, 9000, "urgent", "none", false},
    {0, "DCS操作员（支企，演示）", 4, "化工技术", "college", 0, 4500, 6000, "normal", "support", true},
    {2, "煤制油工艺技术员（就业见习，演示）", 5, "化学工程与工艺", "college", 0, 3500, 4500, "normal", "internship", true},
    {9, "电气运行值班员（演示）", 2, "电气工程", "college", 1, 5000, 7000, "normal", "none", false},
    {9, "见习电气技术员（演示）", 3, "电气自动化", "college", 0, 3000, 4000, "normal", "internship", true},
    {6, "精细化工研发员（演示）", 1, "应用化学", "master", 0, 8000, 12000, "urgent", "none", false},
    {7, "涂料配方见习生（演示）", 2, "高分子材料", "bachelor", 0, 3500, 4500, "normal", "internship", true},
    {1, "焦化设备维修工（支企，演示）", 3, "机械设计", "secondary", 2, 4500, 6000, "normal", "support", true},
    {23, "数控机床操作工（演示）", 4, "机械制造", "secondary", 1, 4500, 6500, "urgent", "none", false},
    {23, "机械设计工程师（演示）", 1, "机械设计", "bachelor", 3, 7000, 10000, "normal", "none", false},
    {26, "酿造技术员（演示）", 2, "食品科学", "college", 1, 4000, 5500, "normal", "none", false},
    {26, "质检见习生（演示）", 2, "食品检测", "college", 0, 3000, 3800, "normal", "internship", false},
    {10, "热电运行见习生（演示）", 3, "热能动力", "college", 0, 3200, 4000, "normal", "internship", false},
};

struct CandidateSeed {
  const char* name;
  const char* education;
  const char* major;
  const char* skills;
  int64_t years;
  double salary;
};
const CandidateSeed kCandidates[] = {
    {"张伟（演示）", "bachelor", "化学工程", "化工工艺、DCS操作", 2, 8000},
    {"李娜（演示）", "college", "化工技术", "DCS操作、化验", 0, 5000},
    {"王强（演示）", "secondary", "机械制造", "数控、车工", 3, 5500},
    {"赵敏（演示）", "master", "应用化学", "研发、色谱分析", 1, 11000},
    {"刘洋（演示）", "college", "电气工程", "电工、PLC、电气运行", 2, 6500},
    {"陈静（演示）", "college", "食品科学", "酿造、品控", 1, 5000},
    {"杨帆（演示）", "bachelor", "机械设计", "CAD、SolidWorks", 4, 9000},
    {"黄磊（演示）", "college", "热能动力", "锅炉运行、热电运行", 0, 3800},
    {"周婷（演示）", "college", "食品检测", "质检、检验", 0, 3500},
    {"吴昊（演示）", "bachelor", "会计", "财务、税务", 2, 6000},
};

struct TypeSeed {
  const char* code;
  const char* name;
  double amount;  // < 0: by rule
  const char* rule;
  const char* unit;
  const char* flag;
};
const TypeSeed kTypes[] = {
    {"high_tech_new", "新认定高新技术企业（演示）", 30, "首次认定一次性奖励 30 万元", "科技局", "high_tech"},
    {"green_factory", "绿色工厂（演示）", 20, "获评省级以上绿色工厂奖励 20 万元", "工信局", "green_factory"},
    {"energy_retrofit", "节能降碳技改（演示）", -1, "按节能技改设备投资额的 10% 补助，单户最高 100 万元", "发改局", ""},
    {"water_saving", "节水型企业（演示）", 10, "获评节水型企业奖励 10 万元", "水务局", "water_saving"},
    {"new_above_scale", "新入规（演示）", 10, "首次纳入规模以上工业统计奖励 10 万元", "工信局", ""},
    {"internship_subsidy", "就业见习补贴（演示）", -1, "按见习人数每人每月 1500 元，最长 12 个月", "人社局", ""},
};

struct AppSeed {
  size_t firm;
  const char* type;
  int year;  // 0: the current year
  double requested;
  const char* state;
  double approved;
  const char* reason;
};
const AppSeed kApps[] = {
    {0, "green_factory", 2024, 20, "approved", 20, "材料齐全，同意（演示）"},
    {2, "high_tech_new", 2024, 30, "approved", 30, "证书有效，同意（演示）"},
    {9, "water_saving", 2024, 10, "approved", 10, "同意（演示）"},
    {23, "energy_retrofit", 2024, 45, "approved", 40, "按核定投资额 400 万元的 10%（演示）"},
    {6, "new_above_scale", 2024, 10, "rejected", 0, "当年未纳入规上统计（演示）"},
    {26, "new_above_scale", 2024, 10, "approved", 10, "同意（演示）"},
    {2, "internship_subsidy", 2024, 9, "approved", 9, "5 人见习 12 个月（演示）"},
    {23, "high_tech_new", 0, 30, "submitted", 0, ""},
    {10, "energy_retrofit", 0, 60, "submitted", 0, ""},
    {26, "water_saving", 0, 10, "submitted", 0, ""},
};

// A minimal PDF for the demo evidence file.
const char kPdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

}  // namespace

Status SeedTalentDemo(storage::Database& db, bool fast_hash) {
  int64_t park = 0, first_app = 0;
  {
    PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
    Connection& c = *conn;
    PARKHQ_ASSIGN_OR_RETURN(auto park_row, c.QueryOne("SELECT id FROM parks WHERE is_demo = 1 AND parent_id IS NULL "
                                                      "ORDER BY id"));
    if (!park_row) return Status::Ok();
    park = park_row->Int(0);
    PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM talent_posts WHERE park_id = ?", {park}));
    if (any && any->Int(0) > 0) return Status::Ok();
    PARKHQ_ASSIGN_OR_RETURN(auto erows, c.Query("SELECT id FROM enterprises WHERE park_id = ? AND is_demo = 1 "
                                                "ORDER BY id", {park}));
    std::vector<int64_t> firms;
    for (const auto& r : erows) firms.push_back(r.Int(0));
    if (firms.size() < 27) return Status::Ok();  // the registry demo did not run
    std::map<std::string, int64_t> units;
    PARKHQ_ASSIGN_OR_RETURN(auto urows, c.Query("SELECT id, name FROM units"));
    for (const auto& r : urows) units[r.Text(1)] = r.Int(0);

    storage::Transaction tx(c);
    PARKHQ_RETURN_IF_ERROR(tx.status());
    const std::string now = NowIso();
    const Date today = Today();
    if (units.count("人社局"))
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO users(username, display_name, password_hash, role, park_id, unit_id, "
                                    "created_at) VALUES ('rsj', ?, ?, 'department', ?, ?, ?)",
                                    {std::string("人社局部门用户（演示）"), HashPassword("Dept@2023demo", fast_hash),
                                     park, units["人社局"], now})
                                 .status());
    int month = 3;
    for (const auto& p : kPosts) {
      const std::string created = p.past ? "2024-0" + std::to_string(month++) + "-15T02:00:00Z" : now;
      const Value until = p.past ? Value(std::string("2024-12-31")) : Value(today.AddDays(90).ToString());
      PARKHQ_RETURN_IF_ERROR(
          c.Exec("INSERT INTO talent_posts(park_id, enterprise_id, post, headcount, major, education, experience_years, "
                 "salary_min, salary_max, urgency, program, until_date, status, note, is_demo, created_by, created_at, "
                 "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'',1,'demo',?,?)",
                 {park, firms[p.firm], std::string(p.post), p.heads, std::string(p.major), std::string(p.education),
                  p.years, p.salary_min, p.salary_max, std::string(p.urgency), std::string(p.program), until,
                  std::string(p.past ? "filled" : "open"), created, created})
              .status());
    }
    for (const auto& x : kCandidates)
      PARKHQ_RETURN_IF_ERROR(
          c.Exec("INSERT INTO talent_candidates(park_id, name, education, major, skills, experience_years, "
                 "expected_salary, status, note, is_demo, created_by, created_at, updated_at) "
                 "VALUES (?,?,?,?,?,?,?,'available','',1,'demo',?,?)",
                 {park, std::string(x.name), std::string(x.education), std::string(x.major), std::string(x.skills),
                  x.years, x.salary, now, now})
              .status());
    std::map<std::string, int64_t> types;
    for (const auto& t : kTypes) {
      auto unit = units.find(t.unit);
      PARKHQ_ASSIGN_OR_RETURN(
          types[t.code],
          c.InsertId("INSERT INTO reward_types(park_id, code, name, amount, rule, unit_id, flag, active, is_demo, "
                     "created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,1,?,?) RETURNING id",
                     {park, std::string(t.code), std::string(t.name), t.amount < 0 ? Value() : Value(t.amount),
                      std::string(t.rule), unit == units.end() ? Value() : Value(unit->second), std::string(t.flag),
                      now, now}));
    }
    for (const auto& a : kApps) {
      const bool reviewed = std::string(a.state) != "submitted";
      PARKHQ_ASSIGN_OR_RETURN(
          int64_t id,
          c.InsertId("INSERT INTO reward_applications(park_id, enterprise_id, type_id, year, amount_requested, "
                     "amount_approved, state, note, review_reason, reviewed_at, reviewed_by, is_demo, created_by, "
                     "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,'demo',?,?) RETURNING id",
                     {park, firms[a.firm], types[a.type], int64_t{a.year ? a.year : today.year}, a.requested,
                      std::string(a.state) == "approved" ? Value(a.approved) : Value(), std::string(a.state),
                      std::string("申报材料见附件（演示）"), std::string(a.reason),
                      reviewed ? Value(now) : Value(), reviewed ? Value(std::string("demo")) : Value(), now, now}));
      if (!reviewed && first_app == 0) first_app = id;
    }
    PARKHQ_RETURN_IF_ERROR(tx.Commit());
  }
  // One evidence file, through the repository (base64 content, audited as the demo).
  storage::SqlTalentRepository repo(db);
  Scope demo;
  demo.username = "demo";
  demo.role = Role::kSysadmin;
  demo.all_parks = true;
  talent::RewardFile f;
  f.park_id = park;
  f.application_id = first_app;
  f.filename = "高新技术企业证书（演示）.pdf";
  f.content_type = "application/pdf";
  const std::string bytes(kPdf);
  f.size = static_cast<int64_t>(bytes.size());
  f.sha256 = Sha256Hex(bytes);
  f.created_by = "demo";
  f.created_at = NowIso();
  return repo.AddFile(f, bytes, demo).status();
}

}  // namespace parkhq::app
