// 承接事项清单: delegated approval powers, monthly handling counts, the adjustment log (issue 15 item 4).
#include "domain/gates/delegated_power.h"
#include "http/handlers/gates_handlers.h"
#include "http/handlers/gates_module.h"
#include "http/json/json_util.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

using gates::DelegatedPower;

const gates::DelegatedPowerService& Svc(const Services& s) { return *s.gates->powers; }

StatusOr<int64_t> Param(const RequestContext& ctx, const char* name, const char* not_found) {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound(not_found);
  return *id;
}

json::object PowerJson(const DelegatedPower& p) {
  json::object o{{"id", p.id},
                 {"park_id", p.park_id},
                 {"name", p.name},
                 {"legal_basis", p.legal_basis},
                 {"delegating_unit", p.delegating_unit},
                 {"status", p.status},
                 {"status_name", gates::PowerStatusNameZh(p.status)},
                 {"note", p.note},
                 {"handled_total", p.handled_total},
                 {"is_demo", p.is_demo},
                 {"updated_at", p.updated_at}};
  o["delegated_on"] = p.delegated_on ? json::value(p.delegated_on->ToString()) : json::value(nullptr);
  return o;
}

// The editable fields; on PATCH a missing field keeps its value.
void ReadPower(FieldReader& f, const json::object& body, DelegatedPower& p, bool creating) {
  if (creating || body.contains("name")) p.name = f.String("name", creating, 600).value_or("");
  if (body.contains("legal_basis")) p.legal_basis = f.String("legal_basis", false, 1500).value_or("");
  if (body.contains("delegating_unit")) p.delegating_unit = f.String("delegating_unit", false, 1500).value_or("");
  if (body.contains("status")) p.status = f.String("status", false, 20).value_or("");
  if (body.contains("note")) p.note = f.String("note", false, 1000).value_or("");
  if (body.contains("delegated_on")) {
    auto d = f.DateString("delegated_on", false);
    p.delegated_on = d ? Date::Parse(*d) : std::nullopt;
  }
}

Response CountsJson(const std::vector<gates::PowerCount>& counts) {
  json::array items;
  for (const auto& c : counts) items.push_back(json::object{{"period", c.period.ToString()}, {"handled", c.handled}});
  return JsonList(std::move(items), static_cast<int64_t>(counts.size()));
}

}  // namespace

StatusOr<Response> ListDelegatedPowers(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).List(ctx.caller(), park));
  json::array items;
  for (const auto& p : list) items.push_back(PowerJson(p));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> CreateDelegatedPower(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  DelegatedPower p;
  ReadPower(f, body, p, true);
  PARKHQ_RETURN_IF_ERROR(f.Finish("承接事项信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).Create(ctx.caller(), park, std::move(p)));
  return Json(PowerJson(saved), 201);
}

StatusOr<Response> UpdateDelegatedPower(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Param(ctx, "id", "承接事项不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  // Start from the stored item (404 outside the scope); the service diffs against it.
  PARKHQ_ASSIGN_OR_RETURN(DelegatedPower p, Svc(s).Get(ctx.caller(), id));
  FieldReader f(body);
  const std::string reason = f.String("reason", false, 1000).value_or("");
  ReadPower(f, body, p, false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("承接事项信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).Update(ctx.caller(), id, std::move(p), reason));
  return Json(PowerJson(saved));
}

StatusOr<Response> ListDelegatedPowerCounts(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Param(ctx, "id", "承接事项不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto counts, Svc(s).Counts(ctx.caller(), id));
  return CountsJson(counts);
}

StatusOr<Response> PutDelegatedPowerCount(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, Param(ctx, "id", "承接事项不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  gates::PowerCount c;
  if (auto per = f.String("period", true, 7)) {
    if (auto p = Period::Parse(*per)) c.period = *p;
    else f.AddError("period", "月份格式应为 YYYY-MM");
  }
  c.handled = f.Int("handled", true).value_or(0);
  PARKHQ_RETURN_IF_ERROR(f.Finish("办件量有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto counts, Svc(s).SetCount(ctx.caller(), id, c));
  return CountsJson(counts);
}

StatusOr<Response> ListDelegatedPowerLog(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto log, Svc(s).Log(ctx.caller(), park));
  json::array items;
  for (const auto& e : log)
    items.push_back(json::object{{"id", e.id},         {"power_id", e.power_id}, {"power_name", e.power_name},
                                 {"at", e.at},         {"username", e.username}, {"action", e.action},
                                 {"changes", e.changes}, {"reason", e.reason}});
  return JsonList(std::move(items), static_cast<int64_t>(log.size()));
}

StatusOr<Response> ExportDelegatedPowers(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, Param(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).List(ctx.caller(), park));
  PARKHQ_ASSIGN_OR_RETURN(auto log, Svc(s).Log(ctx.caller(), park));
  using io::Column;
  io::Sheet items;
  items.name = "承接事项清单";
  items.title = "承接事项清单";
  items.columns = {Column{"事项名称", 36}, Column{"法律依据", 36}, Column{"下放单位", 18}, Column{"下放日期", 12},
                   Column{"状态", 10},     Column{"累计办件量", 12, io::ColumnKind::kNumber}, Column{"备注", 24}};
  bool demo = false;
  for (const auto& p : list) {
    demo = demo || p.is_demo;
    items.rows.push_back({p.name, p.legal_basis, p.delegating_unit, p.delegated_on ? p.delegated_on->ToString() : "",
                          gates::PowerStatusNameZh(p.status), static_cast<double>(p.handled_total), p.note});
  }
  if (demo) items.notes.push_back("含演示数据（DEMO）");
  io::Sheet changes;
  changes.name = "动态调整记录";
  changes.columns = {Column{"时间", 22}, Column{"操作人", 12}, Column{"事项", 30}, Column{"调整内容", 50},
                     Column{"理由", 30}};
  for (const auto& e : log) changes.rows.push_back({e.at, e.username, e.power_name, e.changes, e.reason});
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({items, changes}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("承接事项清单.xlsx"));
  return r;
}

}  // namespace parkhq::http::handlers
