#include "app/land_demo.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "common/time.h"
#include "domain/land/geometry.h"
#include "domain/land/parcel.h"

namespace parkhq::app {
namespace {

using storage::Connection;
using storage::Value;

// Block plan: the sub-parks are four quadrants separated by the main roads; blocks are 220 m × 170 m
// with 30 m estate roads. Origin ≈ a CGCS2000 3° Gauss-Krüger position near Huating (metres).
constexpr double kX0 = 512000, kY0 = 3897000;
constexpr double kBlockW = 220, kBlockH = 170, kRoad = 30;
struct Quadrant {
  const char* sub_park;
  double ox, oy;
};
constexpr Quadrant kQuadrants[] = {
    {"煤化工产业园（演示）", kX0, kY0 + 420},
    {"电力能源园（演示）", kX0 + 760, kY0 + 420},
    {"冶金建材园（演示）", kX0, kY0},
    {"中小企业创业园（演示）", kX0 + 760, kY0},
};

struct DemoParcel {
  int quadrant;
  const char* code;
  const char* name;
  const char* holder;
  const char* land_use;
  double col, row, span_w, span_h;  // position and size in blocks (fractions for small lots)
  bool chamfer;                     // a cut corner along a road bend
  double area_factor;               // recorded area / boundary area (1 = the land file agrees)
  const char *approved, *supplied, *agreed_start, *actual_start, *agreed_completion, *completed,
      *agreed_production, *production, *halted;
  double far, coverage, developed_share;  // −1 = unknown
  double invested, total_investment, land_price;  // 万元, −1 = unknown
};

// Dates are chosen so that at 2023-12-31 the park shows every kind of inefficient land
// (docs/land.md §4): 批而未供 DL-04; 供而未用 MH-04 (not started) and DL-05 (halted);
// 用而未尽 MH-03, ZX-06; 建而未投 DL-02, YJ-05; 投而未达标 MH-02.
const DemoParcel kParcels[] = {
    {0, "HT-MH-01-DEMO", "煤制烯烃配套项目地块（演示）", "华亭煤业化工有限公司（演示）", "工业用地", 0, 1, 1, 1, false, 1,
     "2018-03-10", "2018-09-20", "2019-03-01", "2019-02-15", "2020-06-30", "2020-05-20", "2020-12-31", "2020-10-08", nullptr,
     1.25, 0.48, 1.0, 19800, 21000, 1120},
    {0, "HT-MH-02-DEMO", "甲醇深加工项目地块（演示）", "陇东精细化工有限公司（演示）", "工业用地", 1, 1, 2, 1, false, 1,
     "2018-05-12", "2019-01-08", "2019-06-30", "2019-06-10", "2020-12-31", "2020-11-25", "2021-06-30", "2021-05-18", nullptr,
     1.05, 0.41, 1.0, 36500, 38000, 2390},
    {0, "HT-MH-03-DEMO", "焦化副产品回收项目地块（演示）", "华亭焦化新材料有限公司（演示）", "工业用地", 0, 0, 1, 1, true, 1,
     "2019-02-20", "2019-08-16", "2020-03-01", "2020-02-20", "2021-08-31", "2021-08-05", "2022-03-31", "2022-03-10", nullptr,
     0.45, 0.22, 0.45, 7600, 9000, 1050},
    {0, "HT-MH-04-DEMO", "煤基新材料二期地块（演示）", "陇原煤基新材料有限公司（演示）", "工业用地", 1, 0, 1, 1, false, 1,
     "2020-09-15", "2021-06-18", "2022-03-01", nullptr, "2023-12-31", nullptr, "2024-06-30", nullptr, nullptr,
     -1, -1, -1, -1, 16000, 1680},
    {0, "HT-MH-05-DEMO", "化工园区公用工程地块（演示）", "华亭园区公用工程有限公司（演示）", "公用设施用地", 2, 0, 1, 1, false, 1,
     "2017-04-01", "2017-06-30", "2017-10-01", "2017-09-12", "2018-12-31", "2018-11-30", "2019-03-31", "2019-01-15", nullptr,
     0.82, 0.38, 1.0, 9800, 10000, -1},

    {1, "HT-DL-01-DEMO", "热电联产项目地块（演示）", "华亭热电有限责任公司（演示）", "工业用地", 0, 1, 1.5, 1, false, 1,
     "2015-03-18", "2015-07-01", "2015-10-01", "2015-09-20", "2017-06-30", "2017-05-31", "2017-12-31", "2017-10-16", nullptr,
     0.9, 0.43, 1.0, 28000, 28000, 1950},
    {1, "HT-DL-02-DEMO", "储能装备制造项目地块（演示）", "陇东储能科技有限公司（演示）", "工业用地", 1.6, 1, 1.3, 1, false, 1,
     "2020-06-01", "2020-12-15", "2021-04-30", "2021-04-20", "2022-12-31", "2022-11-30", "2023-06-30", nullptr, nullptr,
     1.1, 0.46, 1.0, 24500, 26000, 1760},
    {1, "HT-DL-03-DEMO", "光伏组件项目地块（演示）", "华亭新能源装备有限公司（演示）", "工业用地", 0, 0, 1, 1, false, 1,
     "2022-10-20", "2023-04-10", "2023-10-01", "2023-09-20", "2026-12-31", nullptr, "2027-06-30", nullptr, nullptr,
     -1, -1, 0.55, 9200, 21000, 1480},
    {1, "HT-DL-04-DEMO", "电力能源园预留地块（演示）", "", "工业用地", 1, 0, 1, 1, true, 1,
     "2020-11-05", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
     -1, -1, -1, -1, -1, -1},
    {1, "HT-DL-05-DEMO", "风电塔筒制造项目地块（演示）", "陇原重工风电设备有限公司（演示）", "工业用地", 2, 0, 1, 1, false, 1.03,
     "2019-08-01", "2020-04-20", "2020-10-01", "2020-12-01", "2022-06-30", nullptr, "2022-12-31", nullptr, "2022-05-01",
     -1, -1, 0.18, 2100, 15000, 1320},

    {2, "HT-YJ-01-DEMO", "新型墙材项目地块（演示）", "华亭建材集团有限公司（演示）", "工业用地", 0, 1, 1, 1, false, 1,
     "2018-07-01", "2019-03-15", "2019-09-01", "2019-08-20", "2020-12-31", "2020-10-30", "2021-06-30", "2021-03-22", nullptr,
     1.12, 0.52, 1.0, 18200, 18500, 1090},
    {2, "HT-YJ-02-DEMO", "铁合金冶炼项目地块（演示）", "平凉铁合金有限公司（演示）", "工业用地", 1, 1, 1, 1, false, 1,
     "2019-05-01", "2019-11-20", "2020-05-01", "2020-04-25", "2021-10-31", "2021-09-30", "2022-06-30", "2022-05-26", nullptr,
     0.62, 0.36, 1.0, 15600, 16000, 1180},
    {2, "HT-YJ-03-DEMO", "商品混凝土搅拌站地块（演示）", "华亭恒基建材有限公司（演示）", "工业用地", 2, 1, 1, 1, true, 1,
     "2016-04-10", "2016-08-01", "2016-12-01", "2016-11-15", "2017-10-31", "2017-09-28", "2018-03-31", "2018-01-10", nullptr,
     0.7, 0.35, 1.0, 6300, 6300, 620},
    {2, "HT-YJ-04-DEMO", "冶金建材园预留地块（演示）", "", "工业用地", 0, 0, 1, 1, false, 1,
     "2022-08-15", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
     -1, -1, -1, -1, -1, -1},
    {2, "HT-YJ-05-DEMO", "镁合金深加工项目地块（演示）", "陇东轻合金材料有限公司（演示）", "工业用地", 1, 0, 2, 1, false, 1,
     "2020-03-01", "2020-09-30", "2021-03-31", "2021-03-15", "2023-03-31", "2023-03-31", "2023-09-30", nullptr, nullptr,
     0.95, 0.44, 1.0, 33000, 34000, 2360},

    {3, "HT-ZX-01-DEMO", "标准化厂房一期地块（演示）", "华亭园区开发建设有限公司（演示）", "工业用地", 0, 1, 1, 1, false, 1,
     "2017-09-01", "2018-03-01", "2018-06-30", "2018-06-18", "2019-06-30", "2019-05-31", "2019-09-30", "2019-08-01", nullptr,
     1.6, 0.5, 1.0, 14800, 15000, 860},
    {3, "HT-ZX-02-DEMO", "农产品精深加工地块（演示）", "华亭陇味食品有限公司（演示）", "工业用地", 1, 1, 0.5, 1, false, 1,
     "2019-03-20", "2019-10-10", "2020-04-01", "2020-03-28", "2021-03-31", "2021-02-26", "2021-06-30", "2021-05-06", nullptr,
     1.3, 0.47, 1.0, 6800, 7000, 420},
    {3, "HT-ZX-03-DEMO", "电子元器件项目地块（演示）", "陇东微电子有限公司（演示）", "工业用地", 1.5, 1, 0.5, 1, false, 1,
     "2022-02-10", "2022-09-01", "2023-03-01", nullptr, "2024-09-30", nullptr, "2025-03-31", nullptr, nullptr,
     -1, -1, -1, -1, 5600, 390},
    {3, "HT-ZX-04-DEMO", "医药包装材料项目地块（演示）", "华亭康瑞包装有限公司（演示）", "工业用地", 2, 1, 1, 1, false, 1,
     "2023-01-15", "2023-08-20", "2024-06-30", "2024-05-12", "2026-12-31", nullptr, "2027-06-30", nullptr, nullptr,
     -1, -1, 0.7, 4300, 8800, 640},
    {3, "HT-ZX-05-DEMO", "创业园三期预留地块（演示）", "", "工业用地", 0, 0, 1, 1, true, 1,
     "2025-06-20", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
     -1, -1, -1, -1, -1, -1},
    {3, "HT-ZX-06-DEMO", "物流仓储项目地块（演示）", "华亭通达物流有限公司（演示）", "仓储用地", 1, 0, 2, 1, false, 1,
     "2018-10-01", "2019-04-01", "2019-09-30", "2019-09-01", "2020-10-31", "2020-09-30", "2021-01-31", "2020-12-15", nullptr,
     0.5, 0.31, 0.4, 5200, 9000, 980},
};

// Holders that are firms of the enterprise module's demo registry (issue 11 item 1: each parcel is
// held by the firm its name describes), found by name: the map colours these parcels by the holder's
// 亩均效益 class, and the evaluation takes their land from here.
const std::map<std::string, const char*>& DemoHolders() {
  static const std::map<std::string, const char*> m = {
      {"HT-MH-01-DEMO", "陇东聚烯烃新材料有限公司（演示）"}, {"HT-MH-02-DEMO", "华亭煤制甲醇有限公司（演示）"},
      {"HT-MH-03-DEMO", "华亭焦化有限公司（演示）"},         {"HT-MH-04-DEMO", "华亭煤制油科技有限公司（演示）"},
      {"HT-DL-01-DEMO", "华亭热电联产有限公司（演示）"},     {"HT-DL-03-DEMO", "华亭光伏发电有限公司（演示）"},
      {"HT-DL-05-DEMO", "华亭风电场（演示）"},               {"HT-YJ-01-DEMO", "华亭新型墙材有限公司（演示）"},
      {"HT-YJ-02-DEMO", "华亭铁合金冶炼有限公司（演示）"},   {"HT-YJ-03-DEMO", "华亭水泥制品厂（演示）"},
      {"HT-YJ-05-DEMO", "华亭铝业有限公司（演示）"},         {"HT-ZX-02-DEMO", "华亭淀粉制品有限公司（演示）"},
      {"HT-ZX-03-DEMO", "华亭电子设备有限公司（演示）"},     {"HT-ZX-04-DEMO", "华亭塑料制品有限公司（演示）"},
  };
  return m;
}

struct DemoContract {
  const char* code;
  const char* contract_no;
  const char* signed_on;
  const char* production_check;
  const char* checked_on;
  std::vector<std::tuple<const char*, double, double>> indicators;  // code, agreed, actual (−1 none)
};

const std::vector<DemoContract>& Contracts() {
  static const std::vector<DemoContract> v = {
      {"HT-MH-01-DEMO", "华自然资出〔2018〕021号（演示）", "2018-09-20", "2023-06-30", "2023-07-15",
       {{"investment_intensity", 300, -1}, {"floor_area_ratio", 1.0, -1}, {"tax_per_mu", 15, 18.6},
        {"value_added_per_energy", 0.8, 0.96}}},
      {"HT-MH-02-DEMO", "华自然资出〔2019〕003号（演示）", "2019-01-08", "2023-10-31", "2023-11-20",
       {{"investment_intensity", 300, -1}, {"floor_area_ratio", 1.0, -1}, {"tax_per_mu", 15, 8.2},
        {"value_added_per_energy", 0.8, 0.62}}},
      {"HT-YJ-01-DEMO", "华自然资出〔2019〕017号（演示）", "2019-03-15", "2023-09-30", "2023-10-12",
       {{"investment_intensity", 280, -1}, {"floor_area_ratio", 1.0, -1}, {"building_coverage", 0.4, -1},
        {"tax_per_mu", 12, 13.1}}},
      {"HT-YJ-02-DEMO", "华自然资出〔2019〕041号（演示）", "2019-11-20", "2024-12-31", nullptr,
       {{"investment_intensity", 250, -1}, {"floor_area_ratio", 1.0, -1}, {"tax_per_mu", 12, -1}}},
      {"HT-DL-03-DEMO", "华自然资出〔2023〕009号（演示）", "2023-04-10", "2028-06-30", nullptr,
       {{"investment_intensity", 300, -1}, {"floor_area_ratio", 1.2, -1}, {"tax_per_mu", 15, -1},
        {"rnd_intensity", 0.02, -1}}},
      {"HT-ZX-02-DEMO", "华自然资出〔2019〕036号（演示）", "2019-10-10", "2023-06-30", "2023-08-01",
       {{"investment_intensity", 200, -1}, {"tax_per_mu", 10, 11.4}}},
  };
  return v;
}

struct DemoDisposal {
  const char* code;
  const char* kind;
  const char* method;
  const char* unit;
  const char* deadline;
  const char* status;
  const char* note;
};
const DemoDisposal kDisposals[] = {
    {"HT-MH-04-DEMO", "supplied_not_used", "idle_fee", "自然资源局", "2024-06-30", "in_progress",
     "已下达《闲置土地认定书》，按出让价款20%征缴闲置费；约谈企业限期动工（演示）"},
    {"HT-DL-05-DEMO", "supplied_not_used", "joint_development", "招商服务中心", "2024-12-31", "planned",
     "引入合作方共同开发剩余用地（演示）"},
    {"HT-DL-02-DEMO", "built_not_producing", "rectify", "工信局", "2024-03-31", "in_progress",
     "督促企业完成设备调试，限期投产（演示）"},
    {"HT-MH-02-DEMO", "producing_below_standard", "rectify", "工信局", "2024-10-31", "planned",
     "按标准地合同约定整改，提升亩均税收和能效（演示）"},
    {"HT-DL-04-DEMO", "approved_not_supplied", "other", "自然资源局", "2024-06-30", "in_progress",
     "组织招商对接，尽快完成供地（演示）"},
};

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// The parcel's corner points (closed ring) in metres.
land::Ring Boundary(const DemoParcel& p) {
  const Quadrant& q = kQuadrants[p.quadrant];
  const double x = q.ox + p.col * (kBlockW + kRoad);
  const double y = q.oy + p.row * (kBlockH + kRoad);
  const double w = p.span_w * kBlockW + (std::ceil(p.span_w) - 1) * kRoad;
  const double h = p.span_h * kBlockH;
  land::Ring r;
  if (p.chamfer) {
    const double c = 40;
    r = {{x, y}, {x + w, y}, {x + w, y + h - c}, {x + w - c, y + h}, {x, y + h}, {x, y}};
  } else {
    r = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}};
  }
  return r;
}

std::string GeoJson(const land::Ring& r) {
  std::string s = "{\"type\":\"Polygon\",\"coordinates\":[[";
  for (size_t i = 0; i < r.size(); ++i) s += (i ? ",[" : "[") + Num(r[i].x) + "," + Num(r[i].y) + "]";
  return s + "]]}";
}

Value D(const char* s) { return s ? Value(std::string(s)) : Value(); }
Value N(double v) { return v < 0 ? Value() : Value(v); }

}  // namespace

Status SeedLandDemo(storage::Database& db) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM land_parcels"));
  if (any && any->Int(0) > 0) return Status::Ok();
  std::map<std::string, int64_t> sub_parks;
  PARKHQ_ASSIGN_OR_RETURN(auto parks, c.Query("SELECT id, name FROM parks WHERE parent_id IS NOT NULL"));
  for (const auto& r : parks) sub_parks[r.Text(1)] = r.Int(0);
  for (const auto& q : kQuadrants)
    if (!sub_parks.count(q.sub_park)) return Status::Ok();  // not the Huating demo
  const std::string now = NowIso();
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::map<std::string, std::pair<int64_t, int64_t>> ids;  // code → (parcel id, park id)
  for (const DemoParcel& p : kParcels) {
    const int64_t park_id = sub_parks[kQuadrants[p.quadrant].sub_park];
    land::Geometry g;
    g.crs = land::CoordinateSystem::kProjectedMetres;
    g.polygons.push_back({{Boundary(p)}});
    PARKHQ_RETURN_IF_ERROR(land::ValidateGeometry(g));
    const double area_m2 = land::AreaM2(g);
    const double recorded_mu = std::round(land::M2ToMu(area_m2 * p.area_factor) * 100) / 100;
    const double area = land::MuToM2(recorded_mu);
    const bool supplied = p.supplied != nullptr;
    std::string holder = p.holder;
    Value holder_id;
    if (auto it = DemoHolders().find(p.code); it != DemoHolders().end()) {
      // The enterprise module's demo registry is seeded first.
      PARKHQ_ASSIGN_OR_RETURN(auto reg, c.QueryOne("SELECT id, name FROM enterprises WHERE name = ? AND is_demo = 1",
                                                   {std::string(it->second)}));
      if (reg) {
        holder_id = reg->Int(0);
        holder = reg->Text(1);
      }
    }
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t id,
        c.InsertId("INSERT INTO land_parcels(park_id, code, name, area_mu, land_use, holder_name, holder_enterprise_id, approved, supplied, "
                   "supply_kind, agreed_start, actual_start, agreed_completion, completed, agreed_production, "
                   "production, halted_since, floor_area_m2, footprint_m2, developed_area_m2, invested, "
                   "total_investment, land_price, geometry, crs, geometry_area_m2, note, is_demo, created_at, "
                   "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?) RETURNING id",
                   {park_id, std::string(p.code), std::string(p.name), recorded_mu, std::string(p.land_use),
                    holder, holder_id, D(p.approved), D(p.supplied),
                    supplied ? Value(std::string("transfer")) : Value(), D(p.agreed_start), D(p.actual_start),
                    D(p.agreed_completion), D(p.completed), D(p.agreed_production), D(p.production), D(p.halted),
                    p.far < 0 ? Value() : Value(std::round(p.far * area)),
                    p.coverage < 0 ? Value() : Value(std::round(p.coverage * area)),
                    p.developed_share < 0 ? Value() : Value(std::round(p.developed_share * area)), N(p.invested),
                    N(p.total_investment), N(p.land_price), GeoJson(g.polygons[0].rings[0]),
                    std::string("projected"), area_m2, std::string("演示数据"), now, now}));
    ids[p.code] = {id, park_id};
  }
  for (const auto& k : Contracts()) {
    const auto [parcel_id, park_id] = ids.at(k.code);
    PARKHQ_ASSIGN_OR_RETURN(int64_t cid, c.InsertId("INSERT INTO land_contracts(park_id, parcel_id, contract_no, signed_on, "
                                                    "production_check, checked_on, note, is_demo, created_at, updated_at) "
                                                    "VALUES (?,?,?,?,?,?,'演示数据',1,?,?) RETURNING id",
                                                    {park_id, parcel_id, std::string(k.contract_no), D(k.signed_on),
                                                     D(k.production_check), D(k.checked_on), now, now}));
    int64_t sort = 0;
    for (const auto& [code, agreed, actual] : k.indicators)
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO land_contract_indicators(park_id, contract_id, code, agreed, actual, "
                                    "passed, sort) VALUES (?,?,?,?,?,NULL,?)",
                                    {park_id, cid, std::string(code), agreed, N(actual), sort++})
                                 .status());
  }
  for (const auto& d : kDisposals) {
    const auto [parcel_id, park_id] = ids.at(d.code);
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO land_disposals(park_id, parcel_id, kind, method, unit, deadline, status, "
                                  "note, is_demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,1,?,?)",
                                  {park_id, parcel_id, std::string(d.kind), std::string(d.method), std::string(d.unit),
                                   D(d.deadline), std::string(d.status), std::string(d.note), now, now})
                               .status());
  }
  return tx.Commit();
}

}  // namespace parkhq::app
