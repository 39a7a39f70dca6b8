// Per-park configuration of the enterprises module (report fields, deadline day, pool rules,
// leading-group mapping) and disposal record updates.
#include "domain/enterprise/enterprise_service.h"
#include "http/handlers/enterprise_handlers.h"
#include "http/handlers/enterprise_json.h"

namespace parkhq::http::handlers {

using namespace parkhq::enterprise;

namespace {

StatusOr<int64_t> ConfigParkId(const RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

json::object FieldJson(const ReportField& f) {
  return {{"code", f.code}, {"name", f.name_zh}, {"unit", f.unit}, {"required", f.required},
          {"non_negative", f.non_negative}};
}

// Reads body[key], a list of objects: `read(f, at)` reads one item through a FieldReader whose
// error names start with at = "<key>[i]."; every error goes to `errs` (a missing list under `key`, an
// item that is not an object under at + first_field).
template <typename Read>
void ReadObjects(const json::object& body, const char* key, const char* first_field, std::vector<FieldError>& errs,
                 Read read) {
  const json::value* v = body.if_contains(key);
  if (!v || !v->is_array()) {
    errs.push_back({key, "请提供列表"});
    return;
  }
  size_t i = 0;
  for (const auto& item : v->as_array()) {
    const std::string at = std::string(key) + "[" + std::to_string(i++) + "].";
    if (!item.is_object()) {
      errs.push_back({at + first_field, "应为对象"});
      continue;
    }
    FieldReader f(item.as_object(), at);
    read(f, at);
    for (const auto& e : f.errors()) errs.push_back(e);
  }
}

// The domain's errors with the API's names: the domain says name_zh where the API says name.
Status WithApiNames(const Status& st) {
  if (st.ok()) return st;
  std::vector<FieldError> d = st.details();
  for (auto& e : d) {
    auto pos = e.field.rfind(".name_zh");
    if (pos != std::string::npos && pos + 8 == e.field.size()) e.field = e.field.substr(0, pos) + ".name";
  }
  return Status(st.code(), st.message(), d);
}

json::object PoolsJson(const PoolsConfig& c) {
  json::array pools;
  for (const auto& p : c.flag_pools) {
    json::array flags;
    for (const auto& f : p.any_of_flags) flags.push_back(json::value(f));
    pools.push_back({{"code", p.code}, {"name", p.name_zh}, {"any_of_flags", std::move(flags)},
                     {"target_flag", p.target_flag}, {"cycle_months", p.cycle_months}});
  }
  return {{"reserve",
           {{"min_ttm_revenue", c.reserve.min_ttm_revenue},
            {"max_ttm_revenue", c.reserve.max_ttm_revenue},
            {"growth_lookback_months", c.reserve.growth_lookback_months},
            {"min_growth_pct", c.reserve.min_growth_pct}}},
          {"reserve_cycle_months", c.reserve_cycle_months},
          {"watch", {{"ttm_revenue_below", c.watch.ttm_revenue_below}, {"falling_months", c.watch.falling_months}}},
          {"watch_cycle_months", c.watch_cycle_months},
          {"flag_pools", std::move(pools)}};
}

json::object DisposalJson(const DisposalRecord& d) {
  return {{"id", d.id},
          {"enterprise_id", d.enterprise_id},
          {"park_id", d.park_id},
          {"measure", d.disposal.measure},
          {"responsible_unit", d.disposal.responsible_unit},
          {"due", DateJson(d.disposal.due)},
          {"status", DisposalStatusName(d.disposal.status)},
          {"completed_on", DateJson(d.disposal.completed_on)},
          {"note", d.note}};
}

}  // namespace

// --- report fields ---
StatusOr<Response> GetParkReportFields(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto fields, s.enterprises->ReportFieldsOf(ctx.caller(), park_id));
  json::array items;
  for (const auto& f : fields) items.push_back(FieldJson(f));
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> PutParkReportFields(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  std::vector<FieldError> errs;
  std::vector<ReportField> fields;
  ReadObjects(body, "fields", "code", errs, [&](FieldReader& f, const std::string&) {
    ReportField rf;
    rf.code = f.String("code", true, 40).value_or("");
    rf.name_zh = f.String("name", true, 100).value_or("");
    rf.unit = f.String("unit", false, 20).value_or("");
    rf.required = f.Bool("required", false).value_or(false);
    rf.non_negative = f.Bool("non_negative", false).value_or(false);
    fields.push_back(std::move(rf));
  });
  if (!errs.empty()) return Status::Validation("填报字段有误", errs);
  PARKHQ_RETURN_IF_ERROR(WithApiNames(s.enterprises->SetReportFields(ctx.caller(), park_id, fields)));
  return GetParkReportFields(ctx, s);
}

// --- whole-number settings: the deadline day, the zombie months ---
namespace {
// GET answers {"park_id", <key>}; PUT reads <key>, range-checks it before the int conversion (the
// service checks it too, after the caller's rights) and answers as GET.
struct IntSetting {
  const char* key;
  int64_t lo, hi;
  const char* form_error;
  const char* range_error;
  StatusOr<int> (enterprise::EnterpriseService::*get)(const Scope&, int64_t) const;
  Status (enterprise::EnterpriseService::*set)(const Scope&, int64_t, int) const;
};
const IntSetting kDeadlineDay{"deadline_day", 1, 28, "报送设置有误", "报送截止日应为 1 到 28 之间的整数",
                              &enterprise::EnterpriseService::DeadlineDayOf,
                              &enterprise::EnterpriseService::SetDeadlineDay};
const IntSetting kZombieMonths{"months", 1, 60, "僵尸企业设置有误", "连续月数应为 1 到 60 之间的整数",
                               &enterprise::EnterpriseService::ZombieMonthsOf,
                               &enterprise::EnterpriseService::SetZombieMonths};

StatusOr<Response> GetIntSetting(RequestContext& ctx, const Services& s, const IntSetting& k) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(int value, (s.enterprises->*k.get)(ctx.caller(), park_id));
  return Json(json::object{{"park_id", park_id}, {k.key, value}});
}

StatusOr<Response> PutIntSetting(RequestContext& ctx, const Services& s, const IntSetting& k) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto value = f.Int(k.key, true);
  PARKHQ_RETURN_IF_ERROR(f.Finish(k.form_error));
  if (*value < k.lo || *value > k.hi) return Status::FieldInvalid(k.key, k.range_error);
  PARKHQ_RETURN_IF_ERROR((s.enterprises->*k.set)(ctx.caller(), park_id, static_cast<int>(*value)));
  return GetIntSetting(ctx, s, k);
}
}  // namespace

StatusOr<Response> GetReportSettings(RequestContext& ctx, const Services& s) {
  return GetIntSetting(ctx, s, kDeadlineDay);
}
StatusOr<Response> PutReportSettings(RequestContext& ctx, const Services& s) {
  return PutIntSetting(ctx, s, kDeadlineDay);
}
StatusOr<Response> GetZombieSettings(RequestContext& ctx, const Services& s) {
  return GetIntSetting(ctx, s, kZombieMonths);
}
StatusOr<Response> PutZombieSettings(RequestContext& ctx, const Services& s) {
  return PutIntSetting(ctx, s, kZombieMonths);
}

// --- pool rules ---
StatusOr<Response> GetPoolRules(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto c, s.enterprises->PoolsConfigOf(ctx.caller(), park_id));
  return Json(PoolsJson(c));
}

StatusOr<Response> PutPoolRules(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  std::vector<FieldError> errs;
  PoolsConfig c;
  auto obj = [&](const char* key) -> const json::object* {
    const json::value* v = body.if_contains(key);
    if (!v || !v->is_object()) {
      errs.push_back({key, "应为对象"});
      return nullptr;
    }
    return &v->as_object();
  };
  if (const json::object* r = obj("reserve")) {
    FieldReader f(*r, "reserve.");
    c.reserve.min_ttm_revenue = f.Number("min_ttm_revenue", true).value_or(0);
    c.reserve.max_ttm_revenue = f.Number("max_ttm_revenue", true).value_or(0);
    c.reserve.growth_lookback_months = static_cast<int>(f.Int("growth_lookback_months", true).value_or(0));
    c.reserve.min_growth_pct = f.Number("min_growth_pct", true).value_or(0);
    for (const auto& e : f.errors()) errs.push_back(e);
  }
  if (const json::object* w = obj("watch")) {
    FieldReader f(*w, "watch.");
    c.watch.ttm_revenue_below = f.Number("ttm_revenue_below", true).value_or(0);
    c.watch.falling_months = static_cast<int>(f.Int("falling_months", true).value_or(0));
    for (const auto& e : f.errors()) errs.push_back(e);
  }
  {
    FieldReader f(body);
    c.reserve_cycle_months = static_cast<int>(f.Int("reserve_cycle_months", true).value_or(0));
    c.watch_cycle_months = static_cast<int>(f.Int("watch_cycle_months", true).value_or(0));
    for (const auto& e : f.errors()) errs.push_back(e);
  }
  ReadObjects(body, "flag_pools", "code", errs, [&](FieldReader& f, const std::string& at) {
    FlagPoolRule p;
    p.code = f.String("code", true, 40).value_or("");
    p.name_zh = f.String("name", true, 100).value_or("");
    p.target_flag = f.String("target_flag", true, 40).value_or("");
    p.cycle_months = static_cast<int>(f.Int("cycle_months", true).value_or(0));
    if (const json::value* af = f.Raw("any_of_flags"); af && af->is_array()) {
      for (const auto& x : af->as_array())
        if (x.is_string()) p.any_of_flags.emplace_back(x.as_string());
        else f.AddError(at + "any_of_flags", "应为标识代码列表");
    } else {
      f.AddError(at + "any_of_flags", "请选择入库依据的企业标识");
    }
    c.flag_pools.push_back(std::move(p));
  });
  if (!errs.empty()) return Status::Validation("培育库规则有误", errs);
  PARKHQ_RETURN_IF_ERROR(WithApiNames(s.enterprises->SetPoolsConfig(ctx.caller(), park_id, c)));
  return GetPoolRules(ctx, s);
}

// --- leading-group mapping ---
StatusOr<Response> GetLeadingGroupMapping(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto rules, s.enterprises->LeadingGroupRulesOf(ctx.caller(), park_id));
  json::array items;
  for (const auto& r : rules)
    items.push_back({{"code_prefix", r.code_prefix},
                     {"group", LeadingGroupCode(r.group)},
                     {"group_name", LeadingGroupNameZh(r.group)},
                     {"industry_name", [&]() -> json::value {
                        const auto* c = s.enterprises->industries()->Find(r.code_prefix);
                        return c ? json::value(c->name) : json::value(nullptr);
                      }()}});
  const int64_t n = static_cast<int64_t>(items.size());
  return JsonList(std::move(items), n);
}

StatusOr<Response> PutLeadingGroupMapping(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ConfigParkId(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  std::vector<FieldError> errs;
  std::vector<LeadingGroupRule> rules;
  ReadObjects(body, "rules", "code_prefix", errs, [&](FieldReader& f, const std::string& at) {
    LeadingGroupRule r;
    r.code_prefix = f.String("code_prefix", true, 10).value_or("");
    if (auto g = f.String("group", true, 40)) {
      auto p = ParseLeadingGroup(*g);
      if (!p) f.AddError(at + "group", "主导产业应为 coal_chemical、power、metallurgy、building_materials 或 other");
      else r.group = *p;
    }
    rules.push_back(std::move(r));
  });
  if (!errs.empty()) return Status::Validation("主导产业对照表有误", errs);
  PARKHQ_RETURN_IF_ERROR(s.enterprises->SetLeadingGroupRules(ctx.caller(), park_id, rules));
  return GetLeadingGroupMapping(ctx, s);
}

// --- disposal records ---
StatusOr<Response> UpdateZombieDisposal(RequestContext& ctx, const Services& s) {
  auto id = ctx.IdParam("id");
  if (!id) return Status::NotFound("处置记录不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto rec, s.enterprises->GetDisposal(ctx.caller(), *id));
  FieldReader f(body);
  if (f.Has("measure")) rec.disposal.measure = f.String("measure", false, 200).value_or("");
  if (f.Has("responsible_unit")) rec.disposal.responsible_unit = f.String("responsible_unit", false, 200).value_or("");
  if (const json::value* v = f.Raw("due")) {
    if (v->is_null()) rec.disposal.due.reset();
    else if (auto x = f.DateString("due", false)) rec.disposal.due = Date::Parse(*x);
  }
  if (const json::value* v = f.Raw("completed_on")) {
    if (v->is_null()) rec.disposal.completed_on.reset();
    else if (auto x = f.DateString("completed_on", false)) rec.disposal.completed_on = Date::Parse(*x);
  }
  if (f.Has("status")) {
    if (auto st = f.String("status", false, 20)) {
      auto p = ParseDisposalStatus(*st);
      if (!p) f.AddError("status", "状态应为 planned、in_progress、done 或 cancelled");
      else rec.disposal.status = *p;
    }
  }
  if (f.Has("note")) rec.note = f.String("note", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("处置记录有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto updated, s.enterprises->UpdateDisposal(ctx.caller(), rec));
  return Json(DisposalJson(updated));
}

}  // namespace parkhq::http::handlers
