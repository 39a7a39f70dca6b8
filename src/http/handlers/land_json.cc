#include "http/handlers/land_json.h"

#include "common/limits.h"
#include "common/text_check.h"

#include <cmath>
#include <map>

#include "domain/land/standard_land_calc.h"

namespace parkhq::http::land_json {

namespace {

std::string Idx(size_t i) { return "[" + std::to_string(i) + "]"; }

// "外环" / "第2个内环", with "第1个面的" in front for a MultiPolygon.
std::string RingName(bool multi, size_t poly, size_t ring) {
  std::string s = multi ? "第" + std::to_string(poly + 1) + "个面的" : "";
  return s + (ring == 0 ? "外环" : "第" + std::to_string(ring) + "个内环");
}

bool ReadRing(const json::value& v, bool multi, size_t poly, size_t ring, const std::string& field,
              land::Ring& out, std::vector<FieldError>& errs) {
  if (!v.is_array()) {
    errs.push_back({field, RingName(multi, poly, ring) + "应为坐标点数组"});
    return false;
  }
  const auto& a = v.as_array();
  const size_t max_points = GetLimits().geojson_points_per_ring;
  if (a.size() > max_points) {
    errs.push_back({field, RingName(multi, poly, ring) + "点数过多（最多 " + std::to_string(max_points) + " 个）"});
    return false;
  }
  out.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const json::value& p = a[i];
    const auto num = [](const json::value& x, double& d) {
      if (x.is_double()) d = x.as_double();
      else if (x.is_int64()) d = static_cast<double>(x.as_int64());
      else if (x.is_uint64()) d = static_cast<double>(x.as_uint64());
      else return false;
      return true;
    };
    land::Point pt;
    if (!p.is_array() || p.as_array().size() < 2 || !num(p.as_array()[0], pt.x) || !num(p.as_array()[1], pt.y)) {
      errs.push_back({field + Idx(i), RingName(multi, poly, ring) + "第" + std::to_string(i + 1) + "个点应为 [x, y] 数字坐标"});
      return false;
    }
    out.push_back(pt);
  }
  return true;
}

bool ReadPolygon(const json::value& v, bool multi, size_t poly, const std::string& field, land::Polygon& out,
                 std::vector<FieldError>& errs) {
  if (!v.is_array() || v.as_array().empty()) {
    errs.push_back({field, (multi ? "第" + std::to_string(poly + 1) + "个面" : std::string("多边形")) + "应为至少含外环的环数组"});
    return false;
  }
  bool ok = true;
  const auto& rings = v.as_array();
  for (size_t r = 0; r < rings.size(); ++r) {
    land::Ring ring;
    ok = ReadRing(rings[r], multi, poly, r, field + Idx(r), ring, errs) && ok;
    out.rings.push_back(std::move(ring));
  }
  return ok;
}

std::optional<Date> ReadDate(const json::value& v, const std::string& field, std::vector<FieldError>& errs) {
  if (v.is_string()) {
    if (auto d = Date::Parse(std::string_view(v.as_string()))) return d;
  }
  errs.push_back({field, "日期格式应为 YYYY-MM-DD"});
  return std::nullopt;
}

std::optional<double> ReadNumber(const json::value& v, const std::string& field, std::vector<FieldError>& errs) {
  std::optional<double> d;
  if (v.is_double()) d = v.as_double();
  else if (v.is_int64()) d = static_cast<double>(v.as_int64());
  else if (v.is_uint64()) d = static_cast<double>(v.as_uint64());
  else if (v.is_string()) {  // spreadsheets and GIS tools often write numbers as text
    try {
      size_t used = 0;
      double parsed = std::stod(std::string(v.as_string()), &used);
      if (used == v.as_string().size()) d = parsed;
    } catch (const std::exception&) {
    }
  }
  if (!d) {
    errs.push_back({field, "应为数字"});
    return std::nullopt;
  }
  if (std::string bad = NumberProblem(*d); !bad.empty()) {
    errs.push_back({field, bad});
    return std::nullopt;
  }
  return d;
}

std::optional<int64_t> ReadId(const json::value& v, const std::string& field, std::vector<FieldError>& errs) {
  if (v.is_int64() && v.as_int64() > 0) return v.as_int64();
  if (v.is_uint64() && v.as_uint64() < (1ull << 62)) return static_cast<int64_t>(v.as_uint64());
  errs.push_back({field, "应为正整数"});
  return std::nullopt;
}

std::optional<std::string> ReadText(const json::value& v, const std::string& field, size_t max,
                                    std::vector<FieldError>& errs) {
  if (!v.is_string()) {
    errs.push_back({field, "应为文本"});
    return std::nullopt;
  }
  if (v.as_string().size() > max) {
    errs.push_back({field, "过长（最多 " + std::to_string(max) + " 字节）"});
    return std::nullopt;
  }
  if (std::string bad = BadTextReason(std::string_view(v.as_string()), max > 200); !bad.empty()) {
    errs.push_back({field, bad});
    return std::nullopt;
  }
  return std::string(v.as_string());
}

// Chinese column names surveyors' files use, mapped to the API names.
const std::map<std::string, std::string>& Aliases() {
  static const std::map<std::string, std::string> m = {
      {"地块编号", "code"}, {"编号", "code"},         {"名称", "name"},          {"地块名称", "name"},
      {"面积亩", "area_mu"}, {"面积(亩)", "area_mu"}, {"面积", "area_mu"},        {"用地性质", "land_use"},
      {"用地单位", "holder_name"}, {"备注", "note"},
  };
  return m;
}

}  // namespace

std::optional<land::CoordinateSystem> ReadCrs(const json::value* v, const std::string& field,
                                              std::vector<FieldError>& errs) {
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_string()) {
    if (auto c = land::ParseCrs(std::string_view(v->as_string()))) return c;
  } else if (v->is_object()) {
    const json::value* props = v->as_object().if_contains("properties");
    const json::value* name = props && props->is_object() ? props->as_object().if_contains("name") : nullptr;
    if (name && name->is_string()) {
      const std::string n(name->as_string());
      for (const char* geo : {"CRS84", "4326", "4490", "4610", "4214"})
        if (n.find(geo) != std::string::npos) return land::CoordinateSystem::kLonLat;
      return land::CoordinateSystem::kProjectedMetres;
    }
  }
  errs.push_back({field, "坐标系应为 lonlat（经纬度）或 projected（投影坐标，米）"});
  return std::nullopt;
}

std::optional<land::Geometry> ParseGeometry(const json::value& v, land::CoordinateSystem crs, const std::string& field,
                                            std::vector<FieldError>& errs, std::string* canonical) {
  if (!v.is_object()) {
    errs.push_back({field, "应为 GeoJSON 几何对象（Polygon 或 MultiPolygon）"});
    return std::nullopt;
  }
  const auto& o = v.as_object();
  const json::value* type = o.if_contains("type");
  const json::value* coords = o.if_contains("coordinates");
  const std::string t = type && type->is_string() ? std::string(type->as_string()) : "";
  if (t != "Polygon" && t != "MultiPolygon") {
    errs.push_back({field + ".type", "仅支持 Polygon 或 MultiPolygon"});
    return std::nullopt;
  }
  if (!coords || !coords->is_array()) {
    errs.push_back({field + ".coordinates", "缺少坐标数组"});
    return std::nullopt;
  }
  const std::string cf = field + ".coordinates";
  // Sizes first (cheap), before any point is read or checked.
  const Limits& lim = GetLimits();
  size_t polygons = 0, rings = 0, points = 0;
  const auto count = [&](const json::value& pv) {
    ++polygons;
    if (!pv.is_array()) return;
    for (const auto& rv : pv.as_array()) {
      ++rings;
      if (rv.is_array()) points += rv.as_array().size();
    }
  };
  if (t == "MultiPolygon") {
    for (const auto& pv : coords->as_array()) count(pv);
  } else {
    count(*coords);
  }
  if (polygons > lim.geojson_polygons) {
    errs.push_back({cf, "面的个数过多（最多 " + std::to_string(lim.geojson_polygons) + " 个）"});
    return std::nullopt;
  }
  if (rings > lim.geojson_rings) {
    errs.push_back({cf, "环的个数过多（最多 " + std::to_string(lim.geojson_rings) + " 个）"});
    return std::nullopt;
  }
  if (points > lim.geojson_points) {
    errs.push_back({cf, "坐标点过多（最多 " + std::to_string(lim.geojson_points) + " 个）"});
    return std::nullopt;
  }
  land::Geometry g;
  g.crs = crs;
  g.multi = t == "MultiPolygon";
  const size_t before = errs.size();
  if (g.multi) {
    const auto& polys = coords->as_array();
    if (polys.empty()) errs.push_back({cf, "MultiPolygon 至少包含一个面"});
    for (size_t p = 0; p < polys.size(); ++p) {
      land::Polygon poly;
      ReadPolygon(polys[p], true, p, cf + Idx(p), poly, errs);
      g.polygons.push_back(std::move(poly));
    }
  } else {
    land::Polygon poly;
    ReadPolygon(*coords, false, 0, cf, poly, errs);
    g.polygons.push_back(std::move(poly));
  }
  if (errs.size() > before) return std::nullopt;
  if (canonical) *canonical = json::serialize(json::object{{"type", t}, {"coordinates", *coords}});
  return g;
}

void ApplyGeometry(const json::value& g, std::optional<land::CoordinateSystem> crs, land::ParcelRecord& r,
                   const std::string& field, std::vector<FieldError>& errs) {
  if (crs) r.crs = *crs;
  if (g.is_null()) {
    r.geometry.reset();
    r.geometry_json.reset();
    r.geometry_area_m2.reset();
    return;
  }
  std::string text;
  auto geom = ParseGeometry(g, r.crs, field, errs, &text);
  if (!geom) return;
  r.geometry = std::move(*geom);
  r.geometry_json = std::move(text);
}

void ApplyParcelFields(const json::object& in, land::ParcelRecord& r, const std::string& prefix,
                       std::vector<FieldError>& errs) {
  json::object o;
  for (const auto& kv : in) {
    auto it = Aliases().find(std::string(kv.key()));
    o[it == Aliases().end() ? kv.key() : json::string_view(it->second)] = kv.value();
  }
  land::Parcel& p = r.parcel;
  const auto has = [&](const char* k) { return o.contains(k); };
  const auto get = [&](const char* k) -> const json::value& { return o.at(k); };
  const auto f = [&](const char* k) { return prefix + k; };
  const auto text = [&](const char* k, std::string& out, size_t max) {
    if (!has(k)) return;
    if (get(k).is_null()) out.clear();
    else if (auto s = ReadText(get(k), f(k), max, errs)) out = *s;
  };
  const auto date = [&](const char* k, std::optional<Date>& out) {
    if (!has(k)) return;
    if (get(k).is_null() || (get(k).is_string() && get(k).as_string().empty())) out.reset();
    else out = ReadDate(get(k), f(k), errs);
  };
  const auto number = [&](const char* k, std::optional<double>& out) {
    if (!has(k)) return;
    if (get(k).is_null()) out.reset();
    else out = ReadNumber(get(k), f(k), errs);
  };
  const auto id = [&](const char* k, std::optional<int64_t>& out) {
    if (!has(k)) return;
    if (get(k).is_null()) out.reset();
    else out = ReadId(get(k), f(k), errs);
  };
  text("code", p.code, 64);
  text("name", r.name, 200);
  text("land_use", p.land_use, 50);
  text("holder_name", r.holder_name, 200);
  text("note", r.note, 2000);
  if (has("park_id") && !get("park_id").is_null()) {
    if (auto v = ReadId(get("park_id"), f("park_id"), errs)) p.park_id = *v;
  }
  if (has("area_mu")) {
    std::optional<double> a;
    number("area_mu", a);
    p.area_mu = a.value_or(0);
  }
  number("area_m2", p.area_m2);
  id("holder_enterprise_id", p.holder_enterprise_id);
  id("project_id", p.project_id);
  date("approved", p.approved);
  date("supplied", p.supplied);
  if (has("supply_kind")) {
    if (get("supply_kind").is_null()) p.supply_kind.reset();
    else if (get("supply_kind").is_string()) {
      p.supply_kind = land::ParseSupplyKind(std::string_view(get("supply_kind").as_string()));
      if (!p.supply_kind) errs.push_back({f("supply_kind"), "供地方式应为 transfer（出让）或 allocation（划拨）"});
    } else {
      errs.push_back({f("supply_kind"), "供地方式应为 transfer（出让）或 allocation（划拨）"});
    }
  }
  date("agreed_start", p.agreed_start);
  date("actual_start", p.actual_start);
  date("agreed_completion", p.agreed_completion);
  date("completed", p.completed);
  date("agreed_production", p.agreed_production);
  date("production", p.production);
  date("halted_since", p.halted_since);
  number("floor_area_m2", p.floor_area_m2);
  number("footprint_m2", p.footprint_m2);
  number("developed_area_m2", p.developed_area_m2);
  number("invested", p.invested);
  number("total_investment", p.total_investment);
  number("land_price", p.land_price);
}


json::object ParcelJson(const land::ParcelView& v, bool with_geometry) {
  const land::ParcelRecord& r = v.record;
  const land::Parcel& p = r.parcel;
  json::array kinds;
  for (auto k : v.kinds) kinds.push_back(json::string(land::KindCode(k)));
  json::object o{{"id", p.id},
                 {"park_id", p.park_id},
                 {"code", p.code},
                 {"name", r.name},
                 {"area_mu", p.area_mu},
                 {"area_m2", p.AreaM2()},
                 {"recorded_area_m2", OptJson(p.area_m2)},
                 {"land_use", p.land_use},
                 {"holder_enterprise_id", OptJson(p.holder_enterprise_id)},
                 {"holder_name", r.holder_name},
                 {"project_id", OptJson(p.project_id)},
                 {"approved", DateJson(p.approved)},
                 {"supplied", DateJson(p.supplied)},
                 {"supply_kind", p.supply_kind ? json::value(land::SupplyKindName(*p.supply_kind)) : json::value(nullptr)},
                 {"agreed_start", DateJson(p.agreed_start)},
                 {"actual_start", DateJson(p.actual_start)},
                 {"agreed_completion", DateJson(p.agreed_completion)},
                 {"completed", DateJson(p.completed)},
                 {"agreed_production", DateJson(p.agreed_production)},
                 {"production", DateJson(p.production)},
                 {"halted_since", DateJson(p.halted_since)},
                 {"floor_area_m2", OptJson(p.floor_area_m2)},
                 {"footprint_m2", OptJson(p.footprint_m2)},
                 {"developed_area_m2", OptJson(p.developed_area_m2)},
                 {"invested", OptJson(p.invested)},
                 {"total_investment", OptJson(p.total_investment)},
                 {"land_price", OptJson(p.land_price)},
                 {"floor_area_ratio", OptJson(land::FloorAreaRatio(p.floor_area_m2, p.AreaM2()))},
                 {"building_coverage", OptJson(land::BuildingCoverage(p.footprint_m2, p.AreaM2()))},
                 {"investment_intensity", OptJson(land::InvestmentIntensity(p.invested, p.area_mu))},
                 {"crs", land::CrsName(r.crs)},
                 {"has_geometry", r.geometry_json.has_value()},
                 {"geometry_area_m2", OptJson(r.geometry_area_m2)},
                 {"stage", land::StageCode(v.stage)},
                 {"standard_status", land::StandardStatusCode(v.standard)},
                 {"inefficiency_kinds", std::move(kinds)},
                 {"note", r.note},
                 {"is_demo", r.is_demo},
                 {"created_at", r.created_at},
                 {"updated_at", r.updated_at}};
  if (v.area_check) {
    const auto& c = *v.area_check;
    o["area_check"] = json::object{{"recorded_m2", c.recorded_m2}, {"computed_m2", c.computed_m2},
                                   {"difference_m2", c.difference_m2}, {"relative", c.relative},
                                   {"within_tolerance", c.within_tolerance}};
  } else {
    o["area_check"] = nullptr;
  }
  if (with_geometry) {
    json::value g = nullptr;
    if (r.geometry_json) {
      boost::system::error_code ec;
      g = json::parse(*r.geometry_json, ec);
      if (ec) g = nullptr;
    }
    o["geometry"] = std::move(g);
  }
  return o;
}

json::object ContractJson(const land::ContractView& v) {
  const auto& c = v.contract;
  json::array items;
  for (size_t i = 0; i < c.indicators.size(); ++i) {
    const auto& ind = c.indicators[i];
    const auto& info = evaluation::Info(ind.code);
    const land::IndicatorCheck* chk = i < v.check.items.size() ? &v.check.items[i] : nullptr;
    items.push_back({{"code", info.key},
                     {"name", info.name_zh},
                     {"unit", info.unit},
                     {"agreed", ind.agreed},
                     {"actual", OptJson(ind.actual)},
                     {"actual_used", OptJson(v.actual[evaluation::Index(ind.code)])},
                     {"computed", !ind.actual && v.actual[evaluation::Index(ind.code)].has_value()},
                     {"passed", chk ? json::value(chk->passed) : json::value(nullptr)},
                     {"missing", chk ? chk->missing : true},
                     {"reason", chk ? chk->reason : ""}});
  }
  return {{"id", c.id},
          {"parcel_id", c.parcel_id},
          {"park_id", c.park_id},
          {"contract_no", c.contract_no},
          {"signed_on", DateJson(c.signed_on)},
          {"agreed_start", DateJson(v.parcel.agreed_start)},
          {"agreed_completion", DateJson(v.parcel.agreed_completion)},
          {"agreed_production", DateJson(v.parcel.agreed_production)},
          {"production_check", DateJson(c.production_check)},
          {"checked_on", DateJson(c.checked_on)},
          {"note", c.note},
          {"indicators", std::move(items)},
          {"check", json::object{{"passed", v.check.passed()}, {"failed", v.check.failed}}},
          {"status", land::StandardStatusCode(v.status)},
          {"is_demo", c.is_demo},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

json::object DisposalJson(const land::Disposal& d) {
  return {{"id", d.id},
          {"park_id", d.park_id},
          {"parcel_id", d.parcel_id},
          {"kind", d.kind},
          {"method", d.method},
          {"unit", d.unit},
          {"deadline", DateJson(d.deadline)},
          {"status", d.status},
          {"overdue", d.deadline && d.status != "completed" && d.status != "cancelled" && *d.deadline < Today()},
          {"completed_on", DateJson(d.completed_on)},
          {"audited", d.audited},
          {"audited_by", d.audited_by.empty() ? json::value(nullptr) : json::value(d.audited_by)},
          {"audited_at", d.audited_at.empty() ? json::value(nullptr) : json::value(d.audited_at)},
          {"note", d.note},
          {"is_demo", d.is_demo},
          {"created_at", d.created_at},
          {"updated_at", d.updated_at}};
}

json::object RulesJson(const land::InefficiencyRules& r) {
  return {{"approved_not_supplied_years", r.approved_not_supplied_years},
          {"idle_years_after_agreed_start", r.idle_years_after_agreed_start},
          {"min_developed_share", r.min_developed_share},
          {"min_invested_share", r.min_invested_share},
          {"halted_years", r.halted_years},
          {"national_min_coverage", r.national_min_coverage},
          {"national_min_far", OptJson(r.national_min_far)},
          {"max_undeveloped_share", OptJson(r.max_undeveloped_share)},
          {"idle_fee_share", r.idle_fee_share},
          {"idle_fee_after_years", r.idle_fee_after_years},
          {"reclaim_after_years", r.reclaim_after_years}};
}

json::object FindingJson(const land::InefficiencyFinding& f) {
  json::array rules, reasons, consequences;
  for (const auto& s : f.rules) rules.push_back(json::string(s));
  for (const auto& s : f.reasons) reasons.push_back(json::string(s));
  json::object facts;
  for (const auto& fact : f.facts) {
    if (const double* d = std::get_if<double>(&fact.value)) facts[fact.key] = *d;
    else if (const Date* dt = std::get_if<Date>(&fact.value)) facts[fact.key] = dt->ToString();
    else facts[fact.key] = std::get<std::string>(fact.value);
  }
  for (const auto& c : f.consequences)
    consequences.push_back({{"code", c.code}, {"text", c.text}, {"from", c.from.ToString()},
                            {"reached", c.reached}, {"amount", OptJson(c.amount)}});
  return {{"parcel_id", f.parcel_id},   {"parcel_code", f.parcel_code},
          {"kind", land::KindCode(f.kind)}, {"kind_name", land::KindNameZh(f.kind)},
          {"area_mu", f.area_mu},       {"rules", std::move(rules)},
          {"reasons", std::move(reasons)}, {"facts", std::move(facts)},
          {"consequences", std::move(consequences)}};
}

json::object TotalsJson(const std::array<double, land::kInefficiencyKindCount>& totals) {
  json::object o;
  for (size_t i = 0; i < land::kInefficiencyKindCount; ++i)
    o[land::KindCode(static_cast<land::InefficiencyKind>(i))] = totals[i];
  return o;
}

StatusOr<Date> QueryDate(const Request& req, const char* name) {
  auto q = req.Query(name);
  if (!q || q->empty()) return Today();
  auto d = Date::Parse(*q);
  if (!d) return Status::Validation("日期有误", {{name, "日期格式应为 YYYY-MM-DD"}});
  return *d;
}

}  // namespace parkhq::http::land_json
