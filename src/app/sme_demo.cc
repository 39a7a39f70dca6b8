#include "app/sme_demo.h"

#include <cmath>
#include <iterator>
#include <map>
#include <vector>

#include "common/crypto.h"
#include "common/time.h"
#include "domain/sme/sme_calc.h"

namespace parkhq::app {

namespace {

using storage::Connection;
using storage::Value;

struct BuildingSeed {
  const char* name;
  const char* kind;
  int floors, per_floor;
  double area;           // ㎡ per unit
  const char* use_kind;
  double rent_standard;  // 元/㎡·月
};
const BuildingSeed kBuildings[] = {
    {"标准化厂房1号楼（演示）", "standard_factory", 2, 4, 600, "factory", 12},
    {"标准化厂房2号楼（演示）", "standard_factory", 2, 3, 800, "factory", 11},
    {"科技孵化楼（演示）", "incubator", 3, 4, 120, "office", 25},
    {"综合办公楼（演示）", "office", 2, 3, 200, "office", 20},
};

// A lease of the demo: firm (registry name), building index and unit code, start, end as days from
// today, incubation terms, and how many of the last months it has not paid (arrears).
struct LeaseSeed {
  const char* firm;
  int building;
  const char* code;
  const char* start;
  int end_days;
  int free_months;
  double relief_pct;
  int relief_years;
  bool incubatee;
  int unpaid_months;
};
const LeaseSeed kLeases[] = {
    {"华亭矿山机械制造有限公司（演示）", 0, "1-101", "2018-05-18", 75, 0, 0, 0, false, 0},
    {"华亭金属结构有限公司（演示）", 0, "1-102", "2020-04-04", 400, 0, 0, 0, false, 0},
    {"华亭淀粉制品有限公司（演示）", 0, "1-103", "2019-09-19", 25, 0, 0, 0, false, 5},
    {"华亭金属表面处理有限公司（演示）", 0, "1-201", "2023-06-12", 800, 2, 0, 0, false, 0},
    {"华亭人造板有限公司（演示）", 1, "2-101", "2021-01-10", 50, 0, 0, 0, false, 1},
    {"华亭啤酒有限公司（演示）", 1, "2-102", "2021-06-01", 700, 0, 0, 0, false, 0},
    {"华亭塑料制品有限公司（演示）", 2, "3-101", "2021-08-08", 500, 3, 50, 2, true, 0},
    {"华亭电子设备有限公司（演示）", 2, "3-102", "2023-09-01", 900, 3, 50, 3, true, 0},
    {"华亭印务有限公司（演示）", 2, "3-201", "2023-11-06", 600, 0, 30, 2, true, 2},
};

Status SeedLeases(Connection& c, int64_t park, const std::map<std::string, int64_t>& units, Date today) {
  const Period last = today.period().AddMonths(-1), first = today.period().AddMonths(-12);
  const std::string now = NowIso();
  for (const auto& l : kLeases) {
    PARKHQ_ASSIGN_OR_RETURN(auto e, c.QueryOne("SELECT id FROM enterprises WHERE park_id = ? AND name = ?",
                                               {park, std::string(l.firm)}));
    if (!e) return Status::Internal(std::string("sme demo: no enterprise ") + l.firm);
    const std::string key = std::to_string(l.building) + "/" + l.code;
    const int64_t unit = units.at(key);
    const BuildingSeed& b = kBuildings[l.building];
    const double rent = std::round(b.area * b.rent_standard) / 10000.0;  // 万元/月
    const double fee = std::round(b.area * 2.0) / 10000.0;               // 物业费 2 元/㎡·月
    const Date start = *Date::Parse(l.start), end = today.AddDays(l.end_days);
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t lease, c.InsertId("INSERT INTO sme_leases(park_id, unit_id, enterprise_id, start_on, end_on, "
                                  "monthly_rent, property_fee, deposit, free_months, relief_pct, relief_years, "
                                  "incubatee, is_demo, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,"
                                  "'hdjx',?) RETURNING id",
                                  {park, unit, e->Int(0), start.ToString(), end.ToString(), rent, fee, rent * 2,
                                   int64_t{l.free_months}, l.relief_pct, int64_t{l.relief_years},
                                   int64_t{l.incubatee ? 1 : 0}, now}));
    const sme::RentTerms terms{start, end, rent, l.free_months, l.relief_pct, l.relief_years};
    const sme::RentTerms fees{start, end, fee, 0, 0, 0};
    for (Period p = first; p <= last; p = p.AddMonths(1)) {
      const double r = sme::RentForPeriod(terms, p), f = sme::RentForPeriod(fees, p);
      const double util = sme::Round2(b.area * (0.0004 + 0.00005 * (p.month % 4)));  // 水电, 万元
      const double amount = sme::Round2(r + f + util);
      const Date due{p.year, p.month, 15};
      const bool unpaid = last.Index() - p.Index() < l.unpaid_months;
      const double paid = unpaid ? 0 : amount;
      PARKHQ_ASSIGN_OR_RETURN(
          int64_t bill, c.InsertId("INSERT INTO sme_bills(park_id, lease_id, enterprise_id, period, rent, property_fee, "
                                   "utilities, amount, paid, due_on, is_demo, created_at) VALUES "
                                   "(?,?,?,?,?,?,?,?,?,?,1,?) RETURNING id",
                                   {park, lease, e->Int(0), p.ToString(), r, f, util, amount, paid, due.ToString(),
                                    now}));
      if (paid > 0)
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO sme_payments(park_id, bill_id, amount, paid_on, created_by, "
                                      "created_at) VALUES (?,?,?,?,'hdjx',?)",
                                      {park, bill, paid, due.AddDays(-(p.month % 5)).ToString(), now})
                                   .status());
    }
  }
  // A graduated incubatee (毕业): 华亭新型墙材 grew above scale on 2023-01-01 and moved out of the
  // incubator at the end of 2022 (registry: scale_changed_on 2023-01-01).
  PARKHQ_ASSIGN_OR_RETURN(auto wall, c.QueryOne("SELECT id FROM enterprises WHERE park_id = ? AND name = ?",
                                                {park, std::string("华亭新型墙材有限公司（演示）")}));
  if (wall)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO sme_leases(park_id, unit_id, enterprise_id, start_on, end_on, ended_on, "
                                  "end_kind, monthly_rent, property_fee, deposit, incubatee, graduated_on, "
                                  "graduation_kind, is_demo, created_by, created_at) VALUES (?,?,?,'2019-03-20',"
                                  "'2024-03-19','2022-12-31','move_out',0.6,0.05,1.2,1,'2023-01-01','above_scale',1,"
                                  "'hdjx',?)",
                                  {park, units.at("2/3-202"), wall->Int(0), now})
                               .status());
  return Status::Ok();
}

Status SeedRepairs(Connection& c, int64_t park, const std::map<std::string, int64_t>& units) {
  struct RepairSeed {
    const char* firm;
    const char* key;
    const char* title;
    const char* status;
    const char* assignee;
    const char* result;
  };
  const RepairSeed kRepairs[] = {
      {"华亭塑料制品有限公司（演示）", "2/3-101", "实验室空调不制冷（演示）", "open", "", ""},
      {"华亭啤酒有限公司（演示）", "1/2-102", "仓库屋面漏水（演示）", "closed", "物业维修组（演示）",
       "已更换屋面防水卷材（演示）"},
  };
  const std::string now = NowIso();
  for (const auto& r : kRepairs) {
    PARKHQ_ASSIGN_OR_RETURN(auto e, c.QueryOne("SELECT id FROM enterprises WHERE park_id = ? AND name = ?",
                                               {park, std::string(r.firm)}));
    const bool closed = std::string(r.status) == "closed";
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO sme_repairs(park_id, unit_id, enterprise_id, title, description, status, "
                                  "assignee, result, reported_by, reported_at, closed_at, is_demo) VALUES "
                                  "(?,?,?,?,'',?,?,?,?,?,?,1)",
                                  {park, units.at(r.key), e ? Value(e->Int(0)) : Value(), std::string(r.title),
                                   std::string(r.status), std::string(r.assignee), std::string(r.result),
                                   std::string("租户报修（演示）"), now, closed ? Value(now) : Value()})
                               .status());
  }
  return Status::Ok();
}

// Financing needs (融资需求) of the park's small firms, at each stage 金融办 records.
Status SeedFinancing(Connection& c, int64_t park, Date today) {
  struct NeedSeed {
    const char* firm;
    double amount;
    int term;
    const char* purpose;
    const char* collateral;
    const char* channel;
    const char* status;
    const char* bank;
    double loan;
    int days_ago;
  };
  const NeedSeed kNeeds[] = {
      {"华亭电子设备有限公司（演示）", 200, 12, "采购贴片生产线原材料（演示）", "credit", "xinyidai", "open", "", 0, 12},
      {"华亭塑料制品有限公司（演示）", 300, 24, "购置注塑设备（演示）", "equipment", "bank", "matched",
       "甘肃银行平凉分行（演示）", 0, 40},
      {"华亭金属结构有限公司（演示）", 500, 36, "扩建钢结构车间（演示）", "factory_mortgage", "chain_credit",
       "granted", "平凉农商银行（演示）", 450, 90},
      {"华亭矿山机械制造有限公司（演示）", 800, 36, "矿山装备研发与流动资金（演示）", "guarantee", "chain_credit",
       "granted", "甘肃银行平凉分行（演示）", 800, 150},
  };
  for (const auto& n : kNeeds) {
    PARKHQ_ASSIGN_OR_RETURN(auto e, c.QueryOne("SELECT id FROM enterprises WHERE park_id = ? AND name = ?",
                                               {park, std::string(n.firm)}));
    if (!e) return Status::Internal(std::string("sme demo: no enterprise ") + n.firm);
    const std::string posted = today.AddDays(-n.days_ago).ToString();
    const std::string status = n.status;
    const Value matched = status == "open" ? Value() : Value(today.AddDays(-n.days_ago + 10).ToString());
    const Value loan_on = status == "granted" ? Value(today.AddDays(-n.days_ago + 30).ToString()) : Value();
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO sme_financing_needs(park_id, enterprise_id, amount, term_months, purpose, "
                                  "collateral, channel, status, bank, matched_on, loan_amount, loan_on, is_demo, "
                                  "created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,'金融办（演示）',?)",
                                  {park, e->Int(0), n.amount, int64_t{n.term}, std::string(n.purpose),
                                   std::string(n.collateral), std::string(n.channel), status, std::string(n.bank),
                                   matched, status == "granted" ? Value(n.loan) : Value(), loan_on,
                                   posted + "T02:00:00Z"})
                               .status());
  }
  return Status::Ok();
}

}  // namespace

Status SeedSmeDemo(storage::Database& db, bool fast_hash) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto park_row, c.QueryOne("SELECT id FROM parks WHERE is_demo = 1 AND parent_id IS NULL "
                                                    "ORDER BY id LIMIT 1"));
  if (!park_row) return Status::Ok();
  const int64_t park = park_row->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM sme_buildings WHERE park_id = ?", {park}));
  if (any && any->Int(0) > 0) return Status::Ok();
  PARKHQ_ASSIGN_OR_RETURN(auto sub, c.QueryOne("SELECT id FROM parks WHERE parent_id = ? AND name = ?",
                                               {park, std::string("中小企业创业园（演示）")}));
  PARKHQ_ASSIGN_OR_RETURN(auto op, c.QueryOne("SELECT id FROM units WHERE name = ?",
                                              {std::string("弘达聚鑫基础产业投资集团")}));
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  std::map<std::string, int64_t> units;  // "<building index>/<code>" → id
  std::vector<int64_t> bids;
  for (int bi = 0; bi < static_cast<int>(std::size(kBuildings)); ++bi) {
    const auto& b = kBuildings[bi];
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t bid, c.InsertId("INSERT INTO sme_buildings(park_id, sub_park_id, operator_unit_id, name, kind, floors, "
                                "is_demo, created_at) VALUES (?,?,?,?,?,?,1,?) RETURNING id",
                                {park, sub ? Value(sub->Int(0)) : Value(), op ? Value(op->Int(0)) : Value(),
                                 std::string(b.name), std::string(b.kind), int64_t{b.floors}, now}));
    bids.push_back(bid);
    for (int f = 1; f <= b.floors; ++f)
      for (int i = 1; i <= b.per_floor; ++i) {
        const std::string code = std::to_string(bi == 2 ? 3 : bi + 1) + "-" + std::to_string(f * 100 + i);
        // The office building's first unit is the operating company's own office; one is under repair.
        const char* status = bi == 3 && f == 1 && i == 1 ? "self_use" : (bi == 3 && f == 2 && i == 3 ? "repair" : "vacant");
        PARKHQ_ASSIGN_OR_RETURN(
            int64_t uid, c.InsertId("INSERT INTO sme_units(park_id, building_id, floor, code, position, area, use_kind, "
                                    "rent_standard, status, is_demo) VALUES (?,?,?,?,?,?,?,?,?,1) RETURNING id",
                                    {park, bid, int64_t{f}, code, int64_t{i}, b.area,
                                     std::string(bi == 1 && i == 2 ? "warehouse" : b.use_kind), b.rent_standard,
                                     std::string(status)}));
        units[std::to_string(bi) + "/" + code] = uid;
      }
  }
  PARKHQ_RETURN_IF_ERROR(SeedLeases(c, park, units, Today()));
  PARKHQ_RETURN_IF_ERROR(SeedRepairs(c, park, units));
  PARKHQ_RETURN_IF_ERROR(SeedFinancing(c, park, Today()));
  // Refurbishment projects (维修改造): the office building's roof (the unit under repair), and the
  // fire-safety upgrade of factory building 2 planned for next quarter.
  const Date today = Today();
  PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO sme_refurbishments(park_id, building_id, title, budget, spent, progress_pct, "
                                "status, start_on, end_on, is_demo, created_by, created_at) VALUES "
                                "(?,?,?,48,26.5,60,'in_progress',?,?,1,'hdjx',?), (?,?,?,120,0,0,'planned',?,?,1,'hdjx',?)",
                                {park, bids[3], std::string("综合办公楼屋面防水改造（演示）"),
                                 today.AddDays(-45).ToString(), today.AddDays(30).ToString(), now, park, bids[1],
                                 std::string("标准化厂房2号楼消防设施升级（演示）"), today.AddDays(40).ToString(),
                                 today.AddDays(160).ToString(), now})
                             .status());
  // The operating company's demo user: a department user of its unit (its own data scope).
  if (op)
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO users(username, display_name, password_hash, role, park_id, unit_id, "
                                  "created_at) VALUES ('hdjx', ?, ?, 'department', ?, ?, ?)",
                                  {std::string("弘达聚鑫运营公司用户（演示）"), HashPassword("Dept@2023demo", fast_hash),
                                   park, op->Int(0), now})
                               .status());
  // Banks' contact persons (item 5): each bank of the demo's financing needs is a unit of kind "bank"
  // serving the park; the demo contact of 甘肃银行平凉分行 (yinhang) sees the open needs and its bank's,
  // and records its own matches and loans.
  PARKHQ_ASSIGN_OR_RETURN(auto region, c.QueryOne("SELECT region_id FROM parks WHERE id = ?", {park}));
  int64_t sort = 100;
  std::optional<int64_t> contact_unit;
  for (const char* bank : {"甘肃银行平凉分行（演示）", "平凉农商银行（演示）"}) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t unit, c.InsertId("INSERT INTO units(region_id, name, kind, sort) VALUES "
                                                     "(?, ?, 'bank', ?) RETURNING id",
                                                     {region ? Value(region->Int(0)) : Value(), std::string(bank), sort++}));
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO unit_parks(unit_id, park_id) VALUES (?,?)", {unit, park}).status());
    if (!contact_unit) contact_unit = unit;
  }
  PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO users(username, display_name, password_hash, role, park_id, unit_id, "
                                "created_at) VALUES ('yinhang', ?, ?, 'department', ?, ?, ?)",
                                {std::string("甘肃银行平凉分行客户经理（演示）"), HashPassword("Dept@2023demo", fast_hash),
                                 park, *contact_unit, now})
                             .status());
  return tx.Commit();
}

}  // namespace parkhq::app
