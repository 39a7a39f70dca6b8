#include "app/safety_demo.h"

#include <cmath>
#include <string>
#include <vector>

namespace parkhq::app {

using storage::Connection;
using storage::Value;

namespace {

struct FacilitySpec {
  const char* name;
  const char* kind;
  const char* op;
  const char* unit;
  double capacity;
  double discharge_limit;  // 0 = none
  const char* permit_no;
  int permit_days;          // permit expiry: today + this many days
  double base_share;        // typical load as a share of capacity
};

// The plan (task 11) names these four; capacities are the demo's.
const FacilitySpec kFacilities[] = {
    {"华亭工业园区污水处理厂（演示）", "污水处理厂", "华亭市水务投资有限公司（演示）", "吨/日", 20000, 18000,
     "91620800MA-PW-2021-017（演示）", 400, 0.68},
    {"园区危险废物集中暂存库（演示）", "危废暂存库", "华亭安环技术服务有限公司（演示）", "吨", 500, 0,
     "甘危废经营 2021-0042（演示）", 40, 0.74},
    {"园区事故应急池（演示）", "事故应急池", "工业园区管委会（演示）", "立方米", 6000, 0, "", 0, 0.05},
    {"华亭市生活垃圾填埋场园区分区（演示）", "垃圾填埋场", "华亭市城投环境公司（演示）", "吨/月", 3000, 0,
     "平环许可 2019-008（演示）", 900, 0.62},
};

struct HazardSpec {
  const char* category;
  const char* text;
  const char* measures;
};

const HazardSpec kHazards[] = {
    {"消防", "消防通道堆放杂物，占用疏散通道（演示）", "立即清理通道并设置禁止堆放标识（演示）"},
    {"消防", "灭火器压力不足、超期未检（演示）", "更换灭火器并建立月检台账（演示）"},
    {"用电", "配电箱未可靠接地，线路私拉乱接（演示）", "由持证电工整改接地并规范布线（演示）"},
    {"危化品", "危化品库未设防爆照明，未张贴安全周知卡（演示）", "更换防爆灯具，张贴周知卡（演示）"},
    {"环保", "废气收集设施运行不正常，活性炭未按期更换（演示）", "更换活性炭并记录运行台账（演示）"},
    {"特种设备", "叉车未按期检验，司机无证操作（演示）", "送检叉车，安排持证人员操作（演示）"},
    {"有限空间", "有限空间作业未审批、未检测（演示）", "执行作业审批和气体检测制度（演示）"},
    {"环保", "危废暂存间标识不全，台账缺失（演示）", "完善标识和危废管理台账（演示）"},
};

// A small deterministic variation (no randomness: the demo is the same on every run).
double Wave(int i) { return ((i * 37) % 17 - 8) / 100.0; }

}  // namespace

Status SeedSafetyDemo(storage::Database& db, Period last) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto park_row, c.QueryOne("SELECT id FROM parks WHERE is_demo = 1 AND parent_id IS NULL "
                                                    "ORDER BY id"));
  if (!park_row) return Status::Ok();
  const int64_t park = park_row->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM safety_facilities WHERE park_id = ?", {park}));
  if (any->Int(0) > 0) return Status::Ok();
  PARKHQ_ASSIGN_OR_RETURN(auto erows, c.Query("SELECT id FROM enterprises WHERE park_id = ? AND is_demo = 1 ORDER BY id",
                                              {park}));
  std::vector<int64_t> ents;
  for (const auto& r : erows) ents.push_back(r.Int(0));
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  const Date today = Today();
  const std::string seeder = "parkadmin";

  // Facilities with a monthly record (the month's last day) from 2023-01 to the last demo month.
  std::vector<int64_t> fac_ids;
  int i = 0;
  for (const auto& f : kFacilities) {
    Value expiry = f.permit_no[0] ? Value(today.AddDays(f.permit_days).ToString()) : Value();
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO safety_facilities(park_id, name, kind, operator, unit, "
                                                   "capacity, discharge_limit, permit_no, permit_expiry, warn_pct, "
                                                   "permit_warn_days, is_demo, created_at, updated_at) VALUES "
                                                   "(?,?,?,?,?,?,?,?,?,80,60,1,?,?) RETURNING id",
                                                   {park, std::string(f.name), std::string(f.kind), std::string(f.op),
                                                    std::string(f.unit), f.capacity,
                                                    f.discharge_limit > 0 ? Value(f.discharge_limit) : Value(),
                                                    std::string(f.permit_no), expiry, now, now}));
    fac_ids.push_back(id);
    int k = 0;
    for (Period p{2023, 1}; !(last < p); p = p.AddMonths(1), ++k) {
      double share = f.base_share + Wave(k + i * 5);
      // The store fills up towards the end: its latest month is at 86% of capacity (a warning).
      if (std::string(f.kind) == "危废暂存库" && p.Index() == last.Index()) share = 0.86;
      const double load = std::round(f.capacity * share * 10) / 10;
      Value discharge = f.discharge_limit > 0 ? Value(std::round(load * 0.93 * 10) / 10) : Value();
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO safety_facility_records(park_id, facility_id, recorded_on, load_value, "
                                    "discharge, note, created_by, created_at, is_demo) VALUES (?,?,?,?,?,?,?,?,1)",
                                    {park, id, Date::LastOfMonth(p).ToString(), load, discharge,
                                     std::string("月度运行记录（演示）"), seeder, now})
                                 .status());
    }
    ++i;
  }
  if (ents.empty()) return tx.Commit();

  // 2023: two inspections a month, each finding one hazard. Most are closed after re-check; the
  // last ones stay open (overdue), one waits for re-check and one was reopened.
  auto add = [&](Date found, int n, const char* state, bool major) -> Status {
    const auto& h = kHazards[n % 8];
    const int64_t ent = ents[(static_cast<size_t>(n) * 7 + 3) % ents.size()];
    const Date deadline = found.AddDays(major ? 30 : 15);
    PARKHQ_ASSIGN_OR_RETURN(int64_t ins, c.InsertId("INSERT INTO safety_inspections(park_id, inspected_on, inspector, "
                                                    "place, enterprise_id, checklist, provider, notes, created_by, "
                                                    "created_at, is_demo) VALUES (?,?,?,?,?,?,?,?,?,?,1) RETURNING id",
                                                    {park, found.ToString(), std::string("园区安环办 张工（演示）"),
                                                     std::string("企业生产车间及仓库（演示）"), ent,
                                                     std::string(n % 2 ? "企业安全生产检查表（演示）"
                                                                       : "环保设施检查表（演示）"),
                                                     std::string(n % 3 == 0 ? "华亭安环技术服务有限公司（演示）" : ""),
                                                     std::string("例行检查（演示）"), seeder, now}));
    const std::string st = state;
    const bool done = st != "open";
    const Date fixed = found.AddDays(major ? 20 : 9);
    PARKHQ_RETURN_IF_ERROR(
        c.Exec("INSERT INTO safety_hazards(park_id, inspection_id, enterprise_id, level, category, description, "
               "measures, deadline, state, found_on, found_by, rectified_at, rectified_by, rectify_text, rechecked_at, "
               "rechecked_by, recheck_comment, closed_on, reopen_count, is_demo, created_at, updated_at) VALUES "
               "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)",
               {park, ins, ent, std::string(major ? "major" : "general"), std::string(h.category),
                std::string(h.text), std::string(h.measures), deadline.ToString(), st, found.ToString(), seeder,
                done ? Value(fixed.ToString() + "T08:00:00Z") : Value(), done ? Value(std::string("企业填报员（演示）")) : Value(),
                std::string(done ? "已按要求整改（演示）" : ""),
                st == "closed" || st == "reopened" ? Value(fixed.AddDays(3).ToString() + "T08:00:00Z") : Value(),
                st == "closed" || st == "reopened" ? Value(seeder) : Value(),
                std::string(st == "reopened" ? "整改不到位，重新整改（演示）" : st == "closed" ? "复查合格（演示）" : ""),
                st == "closed" ? Value(fixed.AddDays(3).ToString()) : Value(), int64_t{st == "reopened" ? 1 : 0}, now,
                now})
            .status());
    return Status::Ok();
  };
  int n = 0;
  for (int m = 1; m <= 12; ++m)
    for (int k = 0; k < 2; ++k, ++n) {
      const Date found{2023, m, 4 + k * 12};
      const char* state = "closed";
      if (m == 12 && k == 1) state = "open";
      if (m == 11 && k == 1) state = "open";
      if (m == 12 && k == 0) state = "rectified";
      if (m == 10 && k == 1) state = "reopened";
      PARKHQ_RETURN_IF_ERROR(add(found, n, state, n % 7 == 3));
    }
  // Next week's planned inspection (检查计划) of a firm.
  PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO safety_inspections(park_id, inspected_on, inspector, place, enterprise_id, "
                                "checklist, provider, notes, created_by, created_at, is_demo, status) VALUES "
                                "(?,?,?,?,?,?,?,?,?,?,1,'planned')",
                                {park, today.AddDays(7).ToString(), std::string("园区安环办 张工（演示）"),
                                 std::string("危化品仓库及储罐区（演示）"), ents[ents.size() / 2],
                                 std::string("危险化学品专项检查表（演示）"),
                                 std::string("华亭安环技术服务有限公司（演示）"), std::string("季度专项检查（演示）"),
                                 seeder, now})
                             .status());
  // Two recent ones: one open within its deadline, one overdue (a candidate for 督办).
  if (today.year > 2023 || today.month > 1) {
    PARKHQ_RETURN_IF_ERROR(add(today.AddDays(-5), n++, "open", false));
    PARKHQ_RETURN_IF_ERROR(add(today.AddDays(-40), n++, "open", true));
  }
  return tx.Commit();
}

}  // namespace parkhq::app
