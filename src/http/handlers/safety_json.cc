#include "http/handlers/safety_json.h"
#include "http/handlers/xlsx_file.h"

#include "io/xlsx_writer.h"

namespace parkhq::http::handlers::safety_json {

namespace s = parkhq::safety;

namespace {

json::value OptText(const std::string& v) { return v.empty() ? json::value(nullptr) : json::value(v); }

json::object CountJson(const s::HazardCount& c) {
  return {{"found", c.found}, {"closed", c.closed}, {"overdue", c.overdue}, {"closure_pct", c.closure_pct}};
}

io::CellValue Num(const std::optional<double>& v) { return v ? io::CellValue(*v) : io::CellValue(); }

}  // namespace

StatusOr<std::optional<int64_t>> QueryPark(const Request& r) {
  auto q = r.Query("park_id");
  if (!q || q->empty()) return std::optional<int64_t>();
  int64_t v = 0;
  for (char c : *q) {
    if (c < '0' || c > '9' || v > 1'000'000'000'000) return Status::FieldInvalid("park_id", "应为园区编号");
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return Status::FieldInvalid("park_id", "应为园区编号");
  return std::optional<int64_t>(v);
}

json::object FacilityJson(const s::FacilityView& v) {
  const auto& f = v.f;
  json::value latest = nullptr;
  if (v.latest) latest = RecordJson(*v.latest, f);
  return {{"id", f.id},
          {"park_id", f.park_id},
          {"name", f.name},
          {"kind", f.kind},
          {"operator", f.op},
          {"unit", f.unit},
          {"capacity", OptJson(f.capacity)},
          {"discharge_limit", OptJson(f.discharge_limit)},
          {"permit_no", f.permit_no},
          {"permit_expiry", DateJson(f.permit_expiry)},
          {"permit_days_left", OptJson(v.permit_days_left)},
          {"permit_state", s::PermitStateName(v.permit_state)},
          {"warn_pct", f.warn_pct},
          {"permit_warn_days", f.permit_warn_days},
          {"latest", latest},
          {"load_pct", OptJson(v.load_pct)},
          {"load_state", s::LimitStateName(v.load_state)},
          {"discharge_pct", OptJson(v.discharge_pct)},
          {"discharge_state", s::LimitStateName(v.discharge_state)},
          {"is_demo", f.is_demo},
          {"updated_at", f.updated_at}};
}

json::object RecordJson(const s::FacilityRecord& r, const s::Facility& f) {
  const auto load_pct = s::SharePct(r.load, f.capacity);
  std::optional<double> dis_pct;
  std::string dis_state = "none";
  if (r.discharge) {
    dis_pct = s::SharePct(*r.discharge, f.discharge_limit);
    dis_state = s::LimitStateName(s::LimitLevel(*r.discharge, f.discharge_limit, f.warn_pct));
  }
  return {{"id", r.id},
          {"facility_id", r.facility_id},
          {"recorded_on", r.recorded_on.ToString()},
          {"load", r.load},
          {"discharge", OptJson(r.discharge)},
          {"load_pct", OptJson(load_pct)},
          {"load_state", s::LimitStateName(s::LimitLevel(r.load, f.capacity, f.warn_pct))},
          {"discharge_pct", OptJson(dis_pct)},
          {"discharge_state", dis_state},
          {"note", r.note},
          {"created_by", r.created_by},
          {"created_at", r.created_at},
          {"is_demo", r.is_demo}};
}

json::object InspectionJson(const s::Inspection& i) {
  return {{"id", i.id},
          {"park_id", i.park_id},
          {"inspected_on", i.inspected_on.ToString()},
          {"inspector", i.inspector},
          {"place", i.place},
          {"enterprise_id", OptJson(i.enterprise_id)},
          {"enterprise_name", OptText(i.enterprise_name)},
          {"facility_id", OptJson(i.facility_id)},
          {"facility_name", OptText(i.facility_name)},
          {"checklist", i.checklist},
          {"provider", i.provider},
          {"notes", i.notes},
          {"hazard_count", i.hazard_count},
          {"status", i.status},
          {"plan_overdue", i.status == "planned" && i.inspected_on < Today()},
          {"created_by", i.created_by},
          {"created_at", i.created_at},
          {"is_demo", i.is_demo}};
}

json::object HazardJson(const s::Hazard& h, Date today) {
  const bool overdue = s::IsOverdue(h.state, h.deadline, today);
  return {{"id", h.id},
          {"park_id", h.park_id},
          {"inspection_id", OptJson(h.inspection_id)},
          {"enterprise_id", OptJson(h.enterprise_id)},
          {"enterprise_name", OptText(h.enterprise_name)},
          {"facility_id", OptJson(h.facility_id)},
          {"facility_name", OptText(h.facility_name)},
          {"responsible", h.responsible},
          {"level", s::LevelName(h.level)},
          {"level_zh", s::LevelNameZh(h.level)},
          {"category", h.category},
          {"description", h.description},
          {"measures", h.measures},
          {"deadline", h.deadline.ToString()},
          {"state", s::StateName(h.state)},
          {"state_zh", s::StateNameZh(h.state)},
          {"overdue", overdue},
          {"days_left", h.deadline.DaysSinceEpoch() - today.DaysSinceEpoch()},
          {"found_on", h.found_on.ToString()},
          {"found_by", h.found_by},
          {"rectified_at", OptText(h.rectified_at)},
          {"rectified_by", OptText(h.rectified_by)},
          {"rectify_text", h.rectify_text},
          {"rechecked_at", OptText(h.rechecked_at)},
          {"rechecked_by", OptText(h.rechecked_by)},
          {"recheck_comment", h.recheck_comment},
          {"closed_on", DateJson(h.closed_on)},
          {"reopen_count", h.reopen_count},
          {"supervision_id", OptJson(h.supervision_id)},
          {"is_demo", h.is_demo},
          {"created_at", h.created_at},
          {"updated_at", h.updated_at}};
}

json::object StatsJson(const s::HazardStats& st, int64_t park_id, int year) {
  json::object by_level, by_ent, by_cat;
  for (const auto& [k, c] : st.by_level) by_level[k] = CountJson(c);
  json::array ents, cats, months;
  for (const auto& [k, c] : st.by_enterprise) {
    auto o = CountJson(c);
    o["enterprise"] = k.empty() ? json::value(nullptr) : json::value(k);
    ents.push_back(std::move(o));
  }
  for (const auto& [k, c] : st.by_category) {
    auto o = CountJson(c);
    o["category"] = k;
    cats.push_back(std::move(o));
  }
  for (size_t m = 0; m < st.by_month.size(); ++m) {
    auto o = CountJson(st.by_month[m]);
    o["period"] = Period{year, static_cast<int>(m + 1)}.ToString();
    months.push_back(std::move(o));
  }
  json::object o = CountJson(st.total);
  o["park_id"] = park_id;
  o["year"] = year;
  o["by_level"] = std::move(by_level);
  o["by_enterprise"] = std::move(ents);
  o["by_category"] = std::move(cats);
  o["by_month"] = std::move(months);
  return o;
}

json::object PhotoJson(const s::HazardFile& f) {
  return {{"id", f.id},
          {"hazard_id", f.hazard_id},
          {"stage", f.stage},
          {"filename", f.filename},
          {"content_type", f.content_type},
          {"size", f.size},
          {"created_by", f.created_by},
          {"created_at", f.created_at},
          {"url", "/api/v1/hazard-photos/" + std::to_string(f.id)}};
}

StatusOr<Response> HazardsXlsx(const std::vector<s::Hazard>& list, Date today) {
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "隐患台账";
  sh.title = "隐患排查治理台账";
  sh.columns = {Column{"编号", 8, ColumnKind::kInteger}, Column{"发现日期", 12}, Column{"等级", 8}, Column{"类别", 10},
                Column{"责任企业", 28}, Column{"设施", 18}, Column{"责任单位", 16}, Column{"隐患描述", 40},
                Column{"整改措施", 30}, Column{"整改期限", 12}, Column{"状态", 10}, Column{"是否逾期", 8},
                Column{"整改情况", 30}, Column{"闭环日期", 12}, Column{"督办单", 8, ColumnKind::kInteger}};
  bool demo = false;
  for (const auto& h : list) {
    demo = demo || h.is_demo;
    sh.rows.push_back({static_cast<double>(h.id), h.found_on.ToString(), std::string(s::LevelNameZh(h.level)),
                       h.category, h.enterprise_name, h.facility_name, h.responsible, h.description, h.measures,
                       h.deadline.ToString(), std::string(s::StateNameZh(h.state)),
                       std::string(s::IsOverdue(h.state, h.deadline, today) ? "是" : "否"), h.rectify_text,
                       h.closed_on ? io::CellValue(h.closed_on->ToString()) : io::CellValue(),
                       h.supervision_id ? io::CellValue(static_cast<double>(*h.supervision_id)) : io::CellValue()});
  }
  if (demo) sh.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto body, io::WriteXlsx({sh}));
  return XlsxFile(std::move(body), "隐患台账.xlsx");
}

StatusOr<Response> InspectionsXlsx(const std::vector<s::Inspection>& list) {
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "检查记录";
  sh.title = "安全环保检查记录";
  sh.columns = {Column{"编号", 8, ColumnKind::kInteger}, Column{"检查日期", 12}, Column{"检查人", 14},
                Column{"地点", 20}, Column{"企业", 28}, Column{"设施", 18}, Column{"检查表", 20},
                Column{"第三方服务机构", 20}, Column{"发现隐患数", 10, ColumnKind::kInteger}, Column{"备注", 30},
                Column{"状态", 8}};
  bool demo = false;
  for (const auto& i : list) {
    demo = demo || i.is_demo;
    sh.rows.push_back({static_cast<double>(i.id), i.inspected_on.ToString(), i.inspector, i.place, i.enterprise_name,
                       i.facility_name, i.checklist, i.provider, static_cast<double>(i.hazard_count), i.notes,
                       std::string(i.status == "planned" ? "计划" : "已完成")});
  }
  if (demo) sh.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto body, io::WriteXlsx({sh}));
  return XlsxFile(std::move(body), "检查记录.xlsx");
}

StatusOr<Response> FacilitiesXlsx(const std::vector<s::FacilityView>& list) {
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "公共设施";
  sh.title = "园区公共设施运行台账";
  sh.columns = {Column{"名称", 24}, Column{"类型", 14}, Column{"运营单位", 20}, Column{"计量单位", 10},
                Column{"设计能力/容量", 12, ColumnKind::kNumber}, Column{"许可排放限值", 12, ColumnKind::kNumber},
                Column{"许可证号", 20}, Column{"许可证到期", 12}, Column{"预警比例(%)", 10, ColumnKind::kNumber},
                Column{"最近记录日期", 12}, Column{"最近负荷", 12, ColumnKind::kNumber},
                Column{"负荷占比(%)", 10, ColumnKind::kNumber}, Column{"最近排放", 12, ColumnKind::kNumber},
                Column{"排放占比(%)", 10, ColumnKind::kNumber}};
  bool demo = false;
  for (const auto& v : list) {
    const auto& f = v.f;
    demo = demo || f.is_demo;
    sh.rows.push_back({f.name, f.kind, f.op, f.unit, Num(f.capacity), Num(f.discharge_limit), f.permit_no,
                       f.permit_expiry ? io::CellValue(f.permit_expiry->ToString()) : io::CellValue(), f.warn_pct,
                       v.latest ? io::CellValue(v.latest->recorded_on.ToString()) : io::CellValue(),
                       v.latest ? io::CellValue(v.latest->load) : io::CellValue(), Num(v.load_pct),
                       v.latest ? Num(v.latest->discharge) : io::CellValue(), Num(v.discharge_pct)});
  }
  if (demo) sh.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto body, io::WriteXlsx({sh}));
  return XlsxFile(std::move(body), "公共设施.xlsx");
}

StatusOr<Response> RecordsXlsx(const s::Facility& f, const std::vector<s::FacilityRecord>& list) {
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "运行记录";
  sh.title = f.name + " 运行记录（" + f.unit + "）";
  sh.columns = {Column{"记录日期", 12}, Column{"负荷/存量", 12, ColumnKind::kNumber},
                Column{"占设计能力(%)", 12, ColumnKind::kNumber}, Column{"负荷状态", 10},
                Column{"排放量", 12, ColumnKind::kNumber}, Column{"占许可限值(%)", 12, ColumnKind::kNumber},
                Column{"排放状态", 10}, Column{"备注", 30}, Column{"填报人", 14}};
  static const char* kZh[] = {"—", "正常", "接近限值", "超限"};
  bool demo = f.is_demo;
  for (const auto& r : list) {
    demo = demo || r.is_demo;
    const auto ls = s::LimitLevel(r.load, f.capacity, f.warn_pct);
    const auto ds = r.discharge ? s::LimitLevel(*r.discharge, f.discharge_limit, f.warn_pct) : s::LimitState::kNone;
    sh.rows.push_back({r.recorded_on.ToString(), r.load, Num(s::SharePct(r.load, f.capacity)),
                       std::string(kZh[static_cast<int>(ls)]), Num(r.discharge),
                       r.discharge ? Num(s::SharePct(*r.discharge, f.discharge_limit)) : io::CellValue(),
                       std::string(kZh[static_cast<int>(ds)]), r.note, r.created_by});
  }
  if (demo) sh.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto body, io::WriteXlsx({sh}));
  return XlsxFile(std::move(body), "运行记录.xlsx");
}

}  // namespace parkhq::http::handlers::safety_json
