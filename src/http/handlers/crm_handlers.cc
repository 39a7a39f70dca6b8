// Handlers of the investor CRM (客商信息库) and the industry-chain map (产业链图谱).
#include "domain/project/crm_service.h"
#include "http/handlers/crm_handlers.h"
#include "http/handlers/project_json.h"
#include "http/handlers/project_module.h"

namespace parkhq::http::handlers {
namespace {

using project::Lead;

const project::CrmService& Crm(const Services& s) { return *s.projects->crm; }

json::object InvestorJson(const project::Investor& i) {
  json::array contacts;
  for (const auto& c : i.contacts)
    contacts.push_back({{"id", c.id}, {"name", c.name}, {"title", c.title}, {"phone", c.phone}, {"email", c.email}});
  return {{"id", i.id},         {"park_id", i.park_id}, {"name", i.name},       {"industry", i.industry},
          {"origin", i.origin}, {"note", i.note},       {"is_demo", i.is_demo}, {"lead_count", i.lead_count},
          {"contacts", std::move(contacts)}};
}

json::object LeadJson(const Lead& l) {
  return {{"id", l.id},
          {"park_id", l.park_id},
          {"investor_id", l.investor_id},
          {"investor_name", l.investor_name},
          {"title", l.title},
          {"source", l.source},
          {"chain_link_id", OptJson(l.chain_link_id)},
          {"intent", l.intent},
          {"planned_investment", Round(l.planned_investment, 4)},
          {"team", l.team},
          {"owner", l.owner},
          {"stage", project::LeadStageCode(l.stage)},
          {"stage_name", project::LeadStageNameZh(l.stage)},
          {"abandon_reason", l.abandon_reason},
          {"project_id", OptJson(l.project_id)},
          {"next_step", l.next_step},
          {"next_date", DateJson(l.next_date)},
          {"is_demo", l.is_demo},
          {"created_at", l.created_at},
          {"updated_at", l.updated_at}};
}

json::object FollowUpJson(const project::FollowUp& f) {
  return {{"id", f.id},           {"lead_id", f.lead_id},     {"kind", f.kind},
          {"date", f.date.ToString()}, {"content", f.content}, {"next_step", f.next_step},
          {"next_date", DateJson(f.next_date)}, {"username", f.username}, {"created_at", f.created_at}};
}

StatusOr<std::optional<int64_t>> QueryId(const RequestContext& ctx, const char* name) {
  auto q = ctx.request.Query(name);
  if (!q || q->empty()) return std::optional<int64_t>();
  try {
    return std::optional<int64_t>(std::stoll(*q));
  } catch (const std::exception&) {
    return Status::Validation("查询参数有误", {{name, "应为整数"}});
  }
}

StatusOr<int64_t> PathId(const RequestContext& ctx, const char* name, const char* what) {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound(std::string(what) + "不存在");
  return *id;
}

std::optional<Date> ReadDate(FieldReader& f, const char* key, bool required) {
  auto s = f.DateString(key, required);
  return s ? Date::Parse(*s) : std::nullopt;
}

void ReadLead(FieldReader& f, const json::object& body, Lead& l) {
  if (auto v = f.Int("investor_id", false)) l.investor_id = *v;
  if (auto v = f.String("title", false, 300)) l.title = *v;
  if (auto v = f.String("source", false, 50)) l.source = *v;
  if (body.contains("chain_link_id")) l.chain_link_id = f.Int("chain_link_id", false);
  if (auto v = f.String("intent", false, 10)) l.intent = *v;
  if (auto v = f.Number("planned_investment", false)) l.planned_investment = *v;
  if (auto v = f.String("team", false, 100)) l.team = *v;
  if (auto v = f.String("owner", false, 100)) l.owner = *v;
  if (auto v = f.String("next_step", false, 500)) l.next_step = *v;
  if (body.contains("next_date")) l.next_date = ReadDate(f, "next_date", false);
}

}  // namespace

StatusOr<Response> ListInvestors(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park_id, QueryId(ctx, "park_id"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Crm(s).ListInvestors(ctx.caller(), park_id, ctx.request.Query("q").value_or("")));
  json::array items;
  for (const auto& i : v) items.push_back(InvestorJson(i));
  return JsonList(std::move(items), static_cast<int64_t>(v.size()));
}

StatusOr<Response> GetInvestor(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "客商"));
  PARKHQ_ASSIGN_OR_RETURN(auto i, Crm(s).GetInvestor(ctx.caller(), id));
  return Json(InvestorJson(i));
}

StatusOr<Response> SaveInvestor(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::Investor i;
  i.id = ctx.IdParam("id").value_or(0);
  if (i.id) {
    PARKHQ_ASSIGN_OR_RETURN(i, Crm(s).GetInvestor(ctx.caller(), i.id));
  } else {
    i.park_id = f.Int("park_id", true).value_or(0);
    f.String("name", true, 300);
  }
  if (auto v = f.String("name", false, 300)) i.name = *v;
  if (auto v = f.String("industry", false, 100)) i.industry = *v;
  if (auto v = f.String("origin", false, 100)) i.origin = *v;
  if (auto v = f.String("note", false, 2000)) i.note = *v;
  PARKHQ_RETURN_IF_ERROR(f.Finish("客商信息有误"));
  const bool created = i.id == 0;
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).SaveInvestor(ctx.caller(), i));
  return Json(InvestorJson(saved), created ? 201 : 200);
}

StatusOr<Response> AddInvestorContact(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "客商"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::Contact c;
  c.name = f.String("name", true, 100).value_or("");
  c.title = f.String("title", false, 100).value_or("");
  c.phone = f.String("phone", false, 50).value_or("");
  c.email = f.String("email", false, 100).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("联系人信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).AddContact(ctx.caller(), id, c));
  return Json({{"id", saved.id}, {"name", saved.name}, {"title", saved.title}, {"phone", saved.phone},
               {"email", saved.email}},
              201);
}

StatusOr<Response> ListLeads(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto park_id, QueryId(ctx, "park_id"));
  std::optional<project::LeadStage> stage;
  if (auto q = ctx.request.Query("stage"); q && !q->empty()) {
    stage = project::ParseLeadStage(*q);
    if (!stage) return Status::Validation("查询参数有误", {{"stage", "未知阶段"}});
  }
  PARKHQ_ASSIGN_OR_RETURN(auto v, Crm(s).ListLeads(ctx.caller(), park_id, stage));
  json::array items;
  for (const auto& l : v) items.push_back(LeadJson(l));
  return JsonList(std::move(items), static_cast<int64_t>(v.size()));
}

StatusOr<Response> GetLead(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "线索"));
  PARKHQ_ASSIGN_OR_RETURN(auto l, Crm(s).GetLead(ctx.caller(), id));
  PARKHQ_ASSIGN_OR_RETURN(auto follow, Crm(s).FollowUps(ctx.caller(), id));
  json::object o = LeadJson(l);
  json::array fs;
  for (const auto& f : follow) fs.push_back(FollowUpJson(f));
  o["followups"] = std::move(fs);
  return Json(o);
}

StatusOr<Response> SaveLead(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  Lead l;
  l.id = ctx.IdParam("id").value_or(0);
  if (l.id) {
    PARKHQ_ASSIGN_OR_RETURN(l, Crm(s).GetLead(ctx.caller(), l.id));
  } else {
    f.Int("investor_id", true);
    f.String("title", true, 300);
  }
  ReadLead(f, body, l);
  PARKHQ_RETURN_IF_ERROR(f.Finish("线索信息有误"));
  const bool created = l.id == 0;
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).SaveLead(ctx.caller(), l));
  return Json(LeadJson(saved), created ? 201 : 200);
}

StatusOr<Response> MoveLead(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "线索"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  std::optional<project::LeadStage> to;
  if (auto st = f.String("stage", true, 20)) {
    to = project::ParseLeadStage(*st);
    if (!to) f.AddError("stage", "应为 lead、contact、negotiation、signed 或 abandoned");
  }
  Date date = ReadDate(f, "date", false).value_or(Today());
  std::string reason = f.String("reason", false, 1000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("线索变更有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto l, Crm(s).MoveLead(ctx.caller(), id, *to, date, reason));
  return Json(LeadJson(l));
}

StatusOr<Response> AddLeadFollowUp(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "id", "线索"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::FollowUp fu;
  fu.kind = f.String("kind", true, 10).value_or("");
  fu.date = ReadDate(f, "date", false).value_or(Today());
  fu.content = f.String("content", true, 4000).value_or("");
  fu.next_step = f.String("next_step", false, 500).value_or("");
  fu.next_date = ReadDate(f, "next_date", false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("跟进记录有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).AddFollowUp(ctx.caller(), id, fu));
  return Json(FollowUpJson(saved), 201);
}

StatusOr<Response> GetLeadReminders(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, PathId(ctx, "park_id", "园区"));
  PARKHQ_ASSIGN_OR_RETURN(Date d, QueryDate(ctx.request, "date"));
  int within = 7;
  if (auto q = ctx.request.Query("within_days"); q && !q->empty()) {
    try {
      within = std::stoi(*q);
    } catch (const std::exception&) {
      return Status::Validation("查询参数有误", {{"within_days", "应为整数"}});
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(auto v, Crm(s).Reminders(ctx.caller(), park_id, d, within));
  json::array items;
  for (const auto& r : v) {
    json::object o = LeadJson(r.lead);
    o["days_left"] = r.days_left;
    o["overdue"] = r.days_left < 0;
    items.push_back(std::move(o));
  }
  return JsonList(std::move(items), static_cast<int64_t>(v.size()));
}

StatusOr<Response> GetChainMap(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, PathId(ctx, "park_id", "园区"));
  PARKHQ_ASSIGN_OR_RETURN(auto chains, Crm(s).ChainMap(ctx.caller(), park_id));
  auto members = [](const std::vector<project::LinkMember>& v) {
    json::array a;
    for (const auto& m : v) a.push_back({{"id", m.id}, {"name", m.name}, {"status", m.status}});
    return a;
  };
  json::array items;
  for (const auto& c : chains) {
    json::array links;
    for (const auto& l : c.links)
      links.push_back({{"id", l.link.id},
                       {"name", l.link.name},
                       {"position", l.link.position},
                       {"note", l.link.note},
                       {"sort", l.link.sort},
                       {"projects", members(l.projects)},
                       {"investors", members(l.investors)},
                       {"enterprises", members(l.enterprises)},
                       {"gap", l.gap}});
    items.push_back({{"id", c.chain.id}, {"name", c.chain.name}, {"note", c.chain.note}, {"sort", c.chain.sort},
                     {"links", std::move(links)}});
  }
  return JsonList(std::move(items), static_cast<int64_t>(chains.size()));
}

StatusOr<Response> SaveChain(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::Chain c;
  c.id = ctx.IdParam("id").value_or(0);
  c.park_id = ctx.IdParam("park_id").value_or(0);
  c.name = f.String("name", true, 200).value_or("");
  c.note = f.String("note", false, 2000).value_or("");
  c.sort = static_cast<int>(f.Int("sort", false).value_or(0));
  PARKHQ_RETURN_IF_ERROR(f.Finish("产业链信息有误"));
  const bool created = c.id == 0;
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).SaveChain(ctx.caller(), c));
  return Json({{"id", saved.id}, {"park_id", saved.park_id}, {"name", saved.name}, {"note", saved.note},
               {"sort", saved.sort}},
              created ? 201 : 200);
}

StatusOr<Response> SaveChainLink(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::ChainLink l;
  l.id = ctx.IdParam("link_id").value_or(0);
  l.chain_id = ctx.IdParam("id").value_or(0);
  l.name = f.String("name", true, 200).value_or("");
  l.position = f.String("position", false, 10).value_or("mid");
  l.note = f.String("note", false, 2000).value_or("");
  l.sort = static_cast<int>(f.Int("sort", false).value_or(0));
  PARKHQ_RETURN_IF_ERROR(f.Finish("环节信息有误"));
  const bool created = l.id == 0;
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).SaveLink(ctx.caller(), l));
  return Json({{"id", saved.id}, {"chain_id", saved.chain_id}, {"name", saved.name}, {"position", saved.position},
               {"note", saved.note}, {"sort", saved.sort}},
              created ? 201 : 200);
}

StatusOr<Response> DeleteChainLink(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx, "link_id", "产业链环节"));
  PARKHQ_RETURN_IF_ERROR(Crm(s).DeleteLink(ctx.caller(), id));
  return NoContent();
}

namespace {
json::object LinkEnterpriseJson(const project::LinkEnterprise& e) {
  return {{"park_id", e.park_id}, {"link_id", e.link_id}, {"enterprise_id", e.enterprise_id},
          {"name", e.name},       {"status", e.status},   {"role", e.role},
          {"note", e.note},       {"created_at", e.created_at}};
}
}  // namespace

StatusOr<Response> ListLinkEnterprises(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, PathId(ctx, "park_id", "园区"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t link_id, PathId(ctx, "link_id", "产业链环节"));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Crm(s).LinkEnterprises(ctx.caller(), park_id, link_id));
  json::array items;
  for (const auto& e : v) items.push_back(LinkEnterpriseJson(e));
  return JsonList(std::move(items), static_cast<int64_t>(v.size()));
}

StatusOr<Response> AttachLinkEnterprise(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, PathId(ctx, "park_id", "园区"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t link_id, PathId(ctx, "link_id", "产业链环节"));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  project::LinkEnterprise e;
  e.park_id = park_id;
  e.link_id = link_id;
  e.enterprise_id = f.Int("enterprise_id", true).value_or(0);
  e.role = f.String("role", false, 60).value_or("");
  e.note = f.String("note", false, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("环节企业信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, Crm(s).AttachEnterprise(ctx.caller(), e));
  return Json(LinkEnterpriseJson(saved), 201);
}

StatusOr<Response> DetachLinkEnterprise(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, PathId(ctx, "park_id", "园区"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t link_id, PathId(ctx, "link_id", "产业链环节"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t ent_id, PathId(ctx, "enterprise_id", "企业"));
  PARKHQ_RETURN_IF_ERROR(Crm(s).DetachEnterprise(ctx.caller(), park_id, link_id, ent_id));
  return NoContent();
}

}  // namespace parkhq::http::handlers
