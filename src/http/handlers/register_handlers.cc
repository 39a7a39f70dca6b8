// The registers (台账) of a park and the units keeping them (issue 11 item 7).
#include "domain/org/org_service.h"
#include "http/handlers/figures_handlers.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {
namespace {

json::array UnitsJson(const std::vector<Unit>& units) {
  json::array a;
  for (const auto& u : units) a.push_back({{"id", u.id}, {"name", u.name}, {"kind", u.kind}});
  return a;
}

Response RegistersJson(int64_t park_id, const std::vector<RegisterKeepers>& regs) {
  json::array items;
  for (const auto& r : regs) {
    json::array tasks;
    for (int t : r.info->plan_tasks) tasks.push_back(t);
    items.push_back({{"register", r.info->code},
                     {"name", r.info->name_zh},
                     {"name_en", r.info->name_en},
                     {"plan_tasks", std::move(tasks)},
                     {"units", UnitsJson(r.units)},
                     {"default_units", UnitsJson(r.default_units)},
                     {"is_default", r.is_default}});
  }
  return Json(json::object{{"park_id", park_id}, {"items", std::move(items)}});
}

StatusOr<int64_t> ParkParam(const RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在或无权访问");
  return *id;
}

}  // namespace

StatusOr<Response> GetRegisters(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto regs, s.org->Registers(ctx.caller(), park_id));
  return RegistersJson(park_id, regs);
}

// Body {"registers":{"crm":[5,7],"parcels":[]}}: the registers named are replaced.
StatusOr<Response> PutRegisters(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  const json::value* regs = body.if_contains("registers");
  if (!regs || !regs->is_object() || regs->as_object().empty())
    return Status::FieldInvalid("registers", "应为对象：台账代码 → 单位ID列表");
  if (regs->as_object().size() > 50) return Status::FieldInvalid("registers", "台账过多");
  std::map<std::string, std::vector<int64_t>> in;
  std::vector<FieldError> errs;
  for (const auto& kv : regs->as_object()) {
    const std::string key(kv.key());
    const json::value& v = kv.value();
    const std::string field = "registers." + key;
    if (!v.is_array() || v.as_array().size() > 20) {
      errs.push_back({field, "应为单位ID列表（最多 20 个）"});
      continue;
    }
    std::vector<int64_t>& ids = in[key];
    for (const auto& id : v.as_array()) {
      if (!id.is_int64() || id.as_int64() <= 0) {
        errs.push_back({field, "单位ID应为正整数"});
        break;
      }
      ids.push_back(id.as_int64());
    }
  }
  if (!errs.empty()) return Status::Validation("台账责任部门有误", std::move(errs));
  PARKHQ_ASSIGN_OR_RETURN(auto out, s.org->PutRegisters(ctx.caller(), park_id, in));
  return RegistersJson(park_id, out);
}

}  // namespace parkhq::http::handlers
