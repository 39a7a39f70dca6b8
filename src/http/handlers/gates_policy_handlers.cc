// 惠企政策: the policy library, its matches and notice, applications and 兑现 (issue 15).
#include <cmath>

#include "domain/gates/policy_service.h"
#include "http/handlers/gates_handlers.h"
#include "http/handlers/gates_module.h"
#include "http/json/json_util.h"
#include "http/handlers/xlsx_file.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

using gates::Application;
using gates::Criterion;
using gates::Policy;

const gates::PolicyService& Svc(const Services& s) { return *s.gates->policies; }

StatusOr<int64_t> PathId(const RequestContext& ctx, const char* name, const char* not_found) {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound(not_found);
  return *id;
}

// An optional positive id in the query (422 naming it when malformed).
StatusOr<std::optional<int64_t>> QueryId(const RequestContext& ctx, const char* name) {
  auto q = ctx.request.Query(name);
  if (!q || q->empty()) return std::optional<int64_t>();
  int64_t v = 0;
  try {
    size_t used = 0;
    v = std::stoll(*q, &used);
    if (used != q->size() || v <= 0) throw std::invalid_argument("id");
  } catch (const std::exception&) {
    return Status::FieldInvalid(name, "应为正整数");
  }
  return std::optional<int64_t>(v);
}

std::optional<Date> ReadOptDate(FieldReader& f, const char* key) {
  auto s = f.DateString(key, false);
  if (!s) return std::nullopt;
  return Date::Parse(*s);
}

void ReadCriteria(FieldReader& f, const json::object& body, Policy& p) {
  const json::value* v = body.if_contains("criteria");
  if (!v || v->is_null()) return;
  if (!v->is_array()) {
    f.AddError("criteria", "条件应为数组");
    return;
  }
  if (v->as_array().size() > gates::kMaxCriteria) {
    f.AddError("criteria", "条件过多");
    return;
  }
  for (size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& x = v->as_array()[i];
    const std::string prefix = "criteria[" + std::to_string(i) + "].";
    if (!x.is_object()) {
      f.AddError("criteria[" + std::to_string(i) + "]", "每个条件应为对象");
      continue;
    }
    FieldReader c(x.as_object(), prefix);
    Criterion cr;
    if (auto k = c.String("kind", true, 20)) {
      if (auto kind = gates::ParseCriterionKind(*k)) cr.kind = *kind;
      else c.AddError(prefix + "kind", "应为 flag、above_scale、figure、ratio、industry 或 employees");
    }
    cr.code = c.String("code", false, 40).value_or("");
    cr.code2 = c.String("code2", false, 40).value_or("");
    cr.expect = c.Bool("expect", false).value_or(true);
    if (auto op = c.String("op", false, 4)) {
      if (auto o = gates::ParseCompareOp(*op)) cr.op = *o;
      else c.AddError(prefix + "op", "应为 ge、gt、le 或 lt");
    }
    cr.value = c.Number("value", false, 1e9).value_or(0);
    if (const auto* ps = x.as_object().if_contains("prefixes"); ps && !ps->is_null()) {
      if (!ps->is_array()) {
        c.AddError(prefix + "prefixes", "应为行业代码前缀数组");
      } else {
        for (const auto& s : ps->as_array()) {
          if (s.is_string()) cr.prefixes.emplace_back(s.as_string());
          else c.AddError(prefix + "prefixes", "应为行业代码前缀数组");
        }
      }
    }
    for (const auto& e : c.errors()) f.AddError(e.field, e.message);
    p.criteria.push_back(std::move(cr));
  }
}

// The editable fields of a policy; `creating` requires park_id and title.
Status ReadPolicy(const json::object& body, Policy& p, bool creating) {
  FieldReader f(body);
  if (creating) p.park_id = f.Int("park_id", true).value_or(0);
  if (auto t = f.String("title", creating, 600)) p.title = *t;
  if (body.contains("issuer")) p.issuer = f.String("issuer", false, 300).value_or("");
  if (auto c = f.String("category", false, 20)) p.category = *c;
  if (body.contains("benefit")) p.benefit = f.String("benefit", false, 6000).value_or("");
  if (body.contains("how_to_apply")) p.how_to_apply = f.String("how_to_apply", false, 6000).value_or("");
  if (body.contains("valid_from")) p.valid_from = ReadOptDate(f, "valid_from");
  if (body.contains("valid_until")) p.valid_until = ReadOptDate(f, "valid_until");
  if (body.contains("figures_year")) {
    auto y = f.Int("figures_year", false);
    p.figures_year = y ? std::optional<int>(static_cast<int>(std::clamp<int64_t>(*y, 0, 9999))) : std::nullopt;
  }
  if (body.contains("criteria")) {
    p.criteria.clear();
    ReadCriteria(f, body, p);
  }
  return f.Finish("政策信息有误，请检查标出的字段");
}

json::object CriterionJson(const Criterion& c) {
  json::array prefixes;
  for (const auto& p : c.prefixes) prefixes.emplace_back(p);
  return json::object{{"kind", gates::CriterionKindCode(c.kind)}, {"code", c.code},       {"code2", c.code2},
                      {"prefixes", std::move(prefixes)},          {"expect", c.expect},   {"op", gates::CompareOpCode(c.op)},
                      {"value", c.value}};
}

json::value OptDateJson(const std::optional<Date>& d) { return d ? json::value(d->ToString()) : json::value(nullptr); }

json::object PolicyJson(const Policy& p) {
  json::array criteria;
  for (const auto& c : p.criteria) criteria.push_back(CriterionJson(c));
  json::object o{{"id", p.id},
                 {"park_id", p.park_id},
                 {"title", p.title},
                 {"issuer", p.issuer},
                 {"category", p.category},
                 {"benefit", p.benefit},
                 {"how_to_apply", p.how_to_apply},
                 {"criteria", std::move(criteria)},
                 {"is_demo", p.is_demo},
                 {"created_at", p.created_at},
                 {"updated_at", p.updated_at}};
  o["valid_from"] = OptDateJson(p.valid_from);
  o["valid_until"] = OptDateJson(p.valid_until);
  o["figures_year"] = p.figures_year ? json::value(*p.figures_year) : json::value(nullptr);
  return o;
}

json::object ApplicationJson(const Application& a) {
  json::object o{{"id", a.id},
                 {"park_id", a.park_id},
                 {"policy_id", a.policy_id},
                 {"policy_title", a.policy_title},
                 {"enterprise_id", a.enterprise_id},
                 {"enterprise_name", a.enterprise_name},
                 {"applied_on", a.applied_on.ToString()},
                 {"status", a.status},
                 {"note", a.note},
                 {"is_demo", a.is_demo},
                 {"created_at", a.created_at},
                 {"updated_at", a.updated_at}};
  o["amount"] = OptJson(a.amount);
  o["paid_on"] = OptDateJson(a.paid_on);
  return o;
}

StatusOr<Response> XlsxResponse(io::Sheet sheet, const std::string& filename, bool demo) {
  if (demo) sheet.notes.push_back("含演示数据（DEMO）");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sheet}));
  return XlsxFile(std::move(bytes), filename);
}

std::string CriteriaText(const Policy& p) {
  std::string out;
  for (const auto& c : p.criteria) {
    std::string one = gates::CriterionKindCode(c.kind);
    if (!c.code.empty()) one += ":" + c.code;
    if (!c.code2.empty()) one += "/" + c.code2;
    if (c.kind == gates::CriterionKind::kIndustry) {
      for (const auto& x : c.prefixes) one += " " + x;
    } else if (c.kind == gates::CriterionKind::kAboveScale) {
      one += c.expect ? "=是" : "=否";
    } else if (c.kind != gates::CriterionKind::kFlag) {
      char buf[48];
      std::snprintf(buf, sizeof buf, " %s %.4g", gates::CompareOpSymbol(c.op), c.value);
      one += buf;
    }
    out += (out.empty() ? "" : "；") + one;
  }
  return out;
}

}  // namespace

StatusOr<Response> ListPolicies(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park_id, QueryId(ctx, "park_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).List(ctx.caller(), park_id));
  json::array items;
  for (const auto& p : list) items.push_back(PolicyJson(p));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> CreatePolicy(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  Policy p;
  PARKHQ_RETURN_IF_ERROR(ReadPolicy(body, p, true));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).Create(ctx.caller(), std::move(p)));
  return Json(PolicyJson(saved), 201);
}

StatusOr<Response> GetPolicy(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "政策不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).Get(ctx.caller(), id));
  return Json(PolicyJson(p));
}

StatusOr<Response> UpdatePolicy(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "政策不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto p, Svc(s).Get(ctx.caller(), id));
  PARKHQ_RETURN_IF_ERROR(ReadPolicy(body, p, false));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).Update(ctx.caller(), id, std::move(p)));
  return Json(PolicyJson(saved));
}

StatusOr<Response> GetPolicyMatches(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "政策不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto matches, Svc(s).Matches(ctx.caller(), id));
  json::array items;
  for (const auto& m : matches) {
    json::array reasons;
    for (const auto& r : m.reasons) reasons.emplace_back(r);
    items.push_back(json::object{{"enterprise_id", m.enterprise_id},
                                 {"enterprise_name", m.enterprise_name},
                                 {"reasons", std::move(reasons)}});
  }
  return JsonList(std::move(items), static_cast<int64_t>(matches.size()));
}

StatusOr<Response> NotifyPolicyMatches(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "政策不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, Svc(s).NotifyMatched(ctx.caller(), id));
  return Json(json::object{{"enterprises", r.enterprises}, {"notified", r.notified}});
}

StatusOr<Response> ExportPolicies(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park_id, QueryId(ctx, "park_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).List(ctx.caller(), park_id));
  using io::Column;
  io::Sheet sheet;
  sheet.name = "惠企政策";
  sheet.title = "惠企政策库";
  sheet.columns = {Column{"政策名称", 36}, Column{"发布单位", 18}, Column{"类别", 10}, Column{"匹配条件", 40},
                   Column{"支持内容", 40}, Column{"申报方式", 30}, Column{"有效期起", 12}, Column{"有效期止", 12}};
  bool demo = false;
  for (const auto& p : list) {
    demo = demo || p.is_demo;
    sheet.rows.push_back({p.title, p.issuer, p.category, CriteriaText(p), p.benefit, p.how_to_apply,
                          p.valid_from ? p.valid_from->ToString() : "", p.valid_until ? p.valid_until->ToString() : ""});
  }
  return XlsxResponse(std::move(sheet), "惠企政策.xlsx", demo);
}

StatusOr<Response> ListPolicyApplications(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park_id, QueryId(ctx, "park_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto policy_id, QueryId(ctx, "policy_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).Applications(ctx.caller(), park_id, policy_id));
  json::array items;
  for (const auto& a : list) items.push_back(ApplicationJson(a));
  return JsonList(std::move(items), static_cast<int64_t>(list.size()));
}

StatusOr<Response> CreatePolicyApplication(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "政策不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  Application a;
  a.enterprise_id = f.Int("enterprise_id", false).value_or(0);
  if (auto d = ReadOptDate(f, "applied_on")) a.applied_on = *d;
  if (auto st = f.String("status", false, 20)) a.status = *st;
  a.amount = f.Number("amount", false, 1e9);
  a.paid_on = ReadOptDate(f, "paid_on");
  a.note = f.String("note", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("申报信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).Apply(ctx.caller(), id, std::move(a)));
  return Json(ApplicationJson(saved), 201);
}

StatusOr<Response> UpdatePolicyApplication(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "申报记录不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  Application a;
  a.status = f.String("status", true, 20).value_or("");
  a.amount = f.Number("amount", false, 1e9);
  a.paid_on = ReadOptDate(f, "paid_on");
  a.note = f.String("note", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("申报信息有误，请检查标出的字段"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Svc(s).UpdateApplication(ctx.caller(), id, std::move(a)));
  return Json(ApplicationJson(saved));
}

StatusOr<Response> ExportPolicyApplications(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park_id, QueryId(ctx, "park_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto policy_id, QueryId(ctx, "policy_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto list, Svc(s).Applications(ctx.caller(), park_id, policy_id));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sheet;
  sheet.name = "政策申报兑现";
  sheet.title = "惠企政策申报与兑现";
  sheet.columns = {Column{"政策", 36},      Column{"企业", 30},
                   Column{"申报日期", 12},  Column{"状态", 10},
                   Column{"兑现金额(万元)", 14, ColumnKind::kNumber}, Column{"兑现日期", 12},
                   Column{"备注", 30}};
  bool demo = false;
  for (const auto& a : list) {
    demo = demo || a.is_demo;
    sheet.rows.push_back({a.policy_title, a.enterprise_name, a.applied_on.ToString(), a.status,
                          a.amount ? io::CellValue(*a.amount) : io::CellValue(),
                          a.paid_on ? a.paid_on->ToString() : "", a.note});
  }
  return XlsxResponse(std::move(sheet), "惠企政策申报兑现.xlsx", demo);
}

StatusOr<Response> GetPolicySums(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, PathId(ctx, "park_id", "园区不存在或无权访问"));
  PARKHQ_ASSIGN_OR_RETURN(auto sums, Svc(s).Sums(ctx.caller(), park_id));
  json::array items;
  for (const auto& x : sums)
    items.push_back(json::object{{"policy_id", x.policy_id}, {"policy_title", x.policy_title}, {"year", x.year},
                                 {"applications", x.applications}, {"paid", x.paid},
                                 {"amount", std::round(x.amount * 10000) / 10000}});
  return JsonList(std::move(items), static_cast<int64_t>(sums.size()));
}

}  // namespace parkhq::http::handlers
