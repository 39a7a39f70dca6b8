#include "storage/project/sql_crm_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/project/sql_project_repository.h"

namespace parkhq::storage {
namespace {

using project::Chain;
using project::ChainLink;
using project::Contact;
using project::FollowUp;
using project::Investor;
using project::Lead;
using project::LeadStage;

std::string Marks(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}
Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }
std::optional<Date> OptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}

const char kLeadCols[] =
    "SELECT l.id, l.park_id, l.investor_id, i.name, l.title, l.source, l.chain_link_id, l.intent, "
    "l.planned_investment, l.team, l.owner, l.stage, l.abandon_reason, l.project_id, l.next_step, l.next_date, "
    "l.is_demo, l.created_at, l.updated_at FROM leads l JOIN investors i ON i.id = l.investor_id ";

Lead ToLead(const Row& r) {
  Lead l;
  l.id = r.Int(0);
  l.park_id = r.Int(1);
  l.investor_id = r.Int(2);
  l.investor_name = r.Text(3);
  l.title = r.Text(4);
  l.source = r.Text(5);
  l.chain_link_id = r.OptInt(6);
  l.intent = r.Text(7);
  l.planned_investment = r.Double(8);
  l.team = r.Text(9);
  l.owner = r.Text(10);
  l.stage = project::ParseLeadStage(r.Text(11)).value_or(LeadStage::kLead);
  l.abandon_reason = r.Text(12);
  l.project_id = r.OptInt(13);
  l.next_step = r.Text(14);
  l.next_date = OptDate(r, 15);
  l.is_demo = r.Bool(16);
  l.created_at = r.Text(17);
  l.updated_at = r.Text(18);
  return l;
}

// Runs `write` in a transaction between a before and after snapshot and writes the audit row.
template <typename Fn>
StatusOr<int64_t> Audited(Database& db, const Scope& who, const std::string& table, const std::string& entity,
                          int64_t id, int64_t park_id, Fn write) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap = "SELECT * FROM " + table + " WHERE id = ?";
  std::string before;
  if (id) {
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, snap, {id}));
  }
  PARKHQ_ASSIGN_OR_RETURN(int64_t new_id, write(*c));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {new_id}));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, id ? "update" : "create", entity, std::to_string(new_id), park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return new_id;
}

}  // namespace

StatusOr<std::vector<Investor>> SqlCrmRepository::ListInvestors(const std::vector<int64_t>& park_ids,
                                                                 const std::string& q) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params(park_ids.begin(), park_ids.end());
  std::string sql =
      "SELECT i.id, i.park_id, i.name, i.industry, i.origin, i.note, i.is_demo, "
      "(SELECT COUNT(*) FROM leads l WHERE l.investor_id = i.id) FROM investors i WHERE i.park_id IN (" +
      Marks(park_ids.size()) + ")";
  if (!q.empty()) {
    sql += " AND i.name LIKE ?";
    params.push_back("%" + q + "%");
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql + " ORDER BY i.id", params));
  std::vector<Investor> out;
  for (const auto& r : rows) {
    Investor i;
    i.id = r.Int(0);
    i.park_id = r.Int(1);
    i.name = r.Text(2);
    i.industry = r.Text(3);
    i.origin = r.Text(4);
    i.note = r.Text(5);
    i.is_demo = r.Bool(6);
    i.lead_count = static_cast<int>(r.Int(7));
    out.push_back(std::move(i));
  }
  return out;
}

StatusOr<std::optional<Investor>> SqlCrmRepository::FindInvestor(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne("SELECT id, park_id, name, industry, origin, note, is_demo FROM investors WHERE id = ?", {id}));
  if (!r) return std::optional<Investor>();
  Investor i;
  i.id = r->Int(0);
  i.park_id = r->Int(1);
  i.name = r->Text(2);
  i.industry = r->Text(3);
  i.origin = r->Text(4);
  i.note = r->Text(5);
  i.is_demo = r->Bool(6);
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, investor_id, name, title, phone, email FROM "
                                              "investor_contacts WHERE investor_id = ? ORDER BY id",
                                              {id}));
  for (const auto& x : rows) i.contacts.push_back({x.Int(0), x.Int(1), x.Text(2), x.Text(3), x.Text(4), x.Text(5)});
  return std::optional<Investor>(std::move(i));
}

StatusOr<int64_t> SqlCrmRepository::SaveInvestor(const Investor& i, const Scope& who) {
  return Audited(db_, who, "investors", "investor", i.id, i.park_id, [&](Connection& c) -> StatusOr<int64_t> {
    if (i.id) {
      PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE investors SET name = ?, industry = ?, origin = ?, note = ? WHERE id = ?",
                                    {i.name, i.industry, i.origin, i.note, i.id})
                                 .status());
      return i.id;
    }
    return c.InsertId("INSERT INTO investors(park_id, name, industry, origin, note, is_demo, created_at) "
                      "VALUES (?,?,?,?,?,0,?) RETURNING id",
                      {i.park_id, i.name, i.industry, i.origin, i.note, NowIso()});
  });
}

StatusOr<int64_t> SqlCrmRepository::AddContact(int64_t park_id, const Contact& ct, const Scope& who) {
  return Audited(db_, who, "investor_contacts", "investor_contact", 0, park_id, [&](Connection& c) {
    return c.InsertId("INSERT INTO investor_contacts(park_id, investor_id, name, title, phone, email) "
                      "VALUES (?,?,?,?,?,?) RETURNING id",
                      {park_id, ct.investor_id, ct.name, ct.title, ct.phone, ct.email});
  });
}

StatusOr<std::vector<Lead>> SqlCrmRepository::ListLeads(const std::vector<int64_t>& park_ids,
                                                        std::optional<LeadStage> stage) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params(park_ids.begin(), park_ids.end());
  std::string sql = std::string(kLeadCols) + "WHERE l.park_id IN (" + Marks(park_ids.size()) + ")";
  if (stage) {
    sql += " AND l.stage = ?";
    params.push_back(std::string(project::LeadStageCode(*stage)));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql + " ORDER BY l.id", params));
  std::vector<Lead> out;
  for (const auto& r : rows) out.push_back(ToLead(r));
  return out;
}

StatusOr<std::optional<Lead>> SqlCrmRepository::FindLead(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kLeadCols) + "WHERE l.id = ?", {id}));
  if (!r) return std::optional<Lead>();
  return std::optional<Lead>(ToLead(*r));
}

StatusOr<int64_t> SqlCrmRepository::SaveLead(const Lead& l, const Scope& who) {
  return Audited(db_, who, "leads", "lead", l.id, l.park_id, [&](Connection& c) -> StatusOr<int64_t> {
    const std::string now = NowIso();
    if (l.id) {
      PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE leads SET investor_id = ?, title = ?, source = ?, chain_link_id = ?, "
                                    "intent = ?, planned_investment = ?, team = ?, owner = ?, next_step = ?, "
                                    "next_date = ?, updated_at = ? WHERE id = ?",
                                    {l.investor_id, l.title, l.source, Opt(l.chain_link_id), l.intent,
                                     l.planned_investment, l.team, l.owner, l.next_step, DateValue(l.next_date), now,
                                     l.id})
                                 .status());
      return l.id;
    }
    return c.InsertId("INSERT INTO leads(park_id, investor_id, title, source, chain_link_id, intent, "
                      "planned_investment, team, owner, stage, next_step, next_date, is_demo, created_at, updated_at) "
                      "VALUES (?,?,?,?,?,?,?,?,?,'lead',?,?,0,?,?) RETURNING id",
                      {l.park_id, l.investor_id, l.title, l.source, Opt(l.chain_link_id), l.intent,
                       l.planned_investment, l.team, l.owner, l.next_step, DateValue(l.next_date), now, now});
  });
}

Status SqlCrmRepository::MoveLead(const Lead& l, const Scope& who) {
  return Audited(db_, who, "leads", "lead", l.id, l.park_id, [&](Connection& c) -> StatusOr<int64_t> {
           PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE leads SET stage = ?, abandon_reason = ?, updated_at = ? WHERE id = ?",
                                         {std::string(project::LeadStageCode(l.stage)), l.abandon_reason, NowIso(),
                                          l.id})
                                      .status());
           return l.id;
         })
      .status();
}

StatusOr<int64_t> SqlCrmRepository::SignLead(const Lead& l, const project::ProjectRecord& p, const Scope& who) {
  int64_t project_id = 0;
  PARKHQ_RETURN_IF_ERROR(
      Audited(db_, who, "leads", "lead", l.id, l.park_id, [&](Connection& c) -> StatusOr<int64_t> {
        PARKHQ_ASSIGN_OR_RETURN(project_id, SqlProjectRepository::InsertProject(c, p, who.username, who.user_id));
        PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, "SELECT * FROM projects WHERE id = ?", {project_id}));
        PARKHQ_RETURN_IF_ERROR(
            WriteAudit(c, who, "create", "project", std::to_string(project_id), p.core.park_id, "", after,
                       "签约线索 " + std::to_string(l.id)));
        PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE leads SET stage = 'signed', project_id = ?, updated_at = ? WHERE id = ?",
                                      {project_id, NowIso(), l.id})
                                   .status());
        return l.id;
      }).status());
  return project_id;
}

StatusOr<int64_t> SqlCrmRepository::AddFollowUp(int64_t park_id, const FollowUp& f, const Scope& who) {
  return Audited(db_, who, "lead_followups", "lead_followup", 0, park_id, [&](Connection& c) -> StatusOr<int64_t> {
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t id, c.InsertId("INSERT INTO lead_followups(park_id, lead_id, kind, date, content, next_step, next_date, "
                               "user_id, username, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
                               {park_id, f.lead_id, f.kind, f.date.ToString(), f.content, f.next_step,
                                DateValue(f.next_date), who.user_id, who.username, NowIso()}));
    PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE leads SET next_step = ?, next_date = ?, updated_at = ? WHERE id = ?",
                                  {f.next_step, DateValue(f.next_date), NowIso(), f.lead_id})
                               .status());
    return id;
  });
}

StatusOr<std::vector<FollowUp>> SqlCrmRepository::FollowUps(int64_t lead_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, lead_id, kind, date, content, next_step, next_date, username, "
                                              "created_at FROM lead_followups WHERE lead_id = ? ORDER BY date DESC, id DESC",
                                              {lead_id}));
  std::vector<FollowUp> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Int(1), r.Text(2), OptDate(r, 3).value_or(Date{}), r.Text(4), r.Text(5), OptDate(r, 6),
                   r.Text(7), r.Text(8)});
  return out;
}

StatusOr<std::vector<Chain>> SqlCrmRepository::ListChains(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, name, note, sort FROM industry_chains "
                                              "WHERE park_id = ? ORDER BY sort, id",
                                              {park_id}));
  std::vector<Chain> out;
  std::map<int64_t, size_t> index;
  for (const auto& r : rows) {
    index[r.Int(0)] = out.size();
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4)), {}});
  }
  PARKHQ_ASSIGN_OR_RETURN(auto links, c->Query("SELECT id, chain_id, park_id, name, position, note, sort FROM "
                                               "chain_links WHERE park_id = ? ORDER BY chain_id, sort, id",
                                               {park_id}));
  for (const auto& r : links)
    if (auto it = index.find(r.Int(1)); it != index.end())
      out[it->second].links.push_back(
          {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), static_cast<int>(r.Int(6))});
  return out;
}

StatusOr<std::optional<Chain>> SqlCrmRepository::FindChain(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT id, park_id, name, note, sort FROM industry_chains WHERE id = ?",
                                              {id}));
  if (!r) return std::optional<Chain>();
  return std::optional<Chain>(Chain{r->Int(0), r->Int(1), r->Text(2), r->Text(3), static_cast<int>(r->Int(4)), {}});
}

StatusOr<std::optional<ChainLink>> SqlCrmRepository::FindLink(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne("SELECT id, chain_id, park_id, name, position, note, sort FROM chain_links WHERE id = ?", {id}));
  if (!r) return std::optional<ChainLink>();
  return std::optional<ChainLink>(
      ChainLink{r->Int(0), r->Int(1), r->Int(2), r->Text(3), r->Text(4), r->Text(5), static_cast<int>(r->Int(6))});
}

StatusOr<int64_t> SqlCrmRepository::SaveChain(const Chain& ch, const Scope& who) {
  return Audited(db_, who, "industry_chains", "industry_chain", ch.id, ch.park_id,
                 [&](Connection& c) -> StatusOr<int64_t> {
                   if (ch.id) {
                     PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE industry_chains SET name = ?, note = ?, sort = ? WHERE id = ?",
                                                   {ch.name, ch.note, int64_t{ch.sort}, ch.id})
                                                .status());
                     return ch.id;
                   }
                   return c.InsertId("INSERT INTO industry_chains(park_id, name, note, sort) VALUES (?,?,?,?) RETURNING id",
                                     {ch.park_id, ch.name, ch.note, int64_t{ch.sort}});
                 });
}

StatusOr<int64_t> SqlCrmRepository::SaveLink(const ChainLink& l, const Scope& who) {
  return Audited(db_, who, "chain_links", "chain_link", l.id, l.park_id, [&](Connection& c) -> StatusOr<int64_t> {
    if (l.id) {
      PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE chain_links SET name = ?, position = ?, note = ?, sort = ? WHERE id = ?",
                                    {l.name, l.position, l.note, int64_t{l.sort}, l.id})
                                 .status());
      return l.id;
    }
    return c.InsertId("INSERT INTO chain_links(park_id, chain_id, name, position, note, sort) VALUES (?,?,?,?,?,?) "
                      "RETURNING id",
                      {l.park_id, l.chain_id, l.name, l.position, l.note, int64_t{l.sort}});
  });
}

Status SqlCrmRepository::DeleteLink(const ChainLink& l, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto used, c->QueryOne("SELECT (SELECT COUNT(*) FROM projects WHERE park_id = ? AND "
                                                 "chain_link_id = ?) + (SELECT COUNT(*) FROM leads WHERE park_id = ? "
                                                 "AND chain_link_id = ?) + (SELECT COUNT(*) FROM chain_link_enterprises WHERE "
                                                 "park_id = ? AND link_id = ?)",
                                                 {l.park_id, l.id, l.park_id, l.id, l.park_id, l.id}));
  if (used && used->Int(0) > 0) return Status::Conflict("该环节仍有项目、线索或企业，不能删除");
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM chain_links WHERE id = ?", {l.id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM chain_links WHERE id = ?", {l.id}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "delete", "chain_link", std::to_string(l.id), l.park_id, before, ""));
  return tx.Commit();
}

StatusOr<project::LinkMembers> SqlCrmRepository::Members(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  project::LinkMembers m;
  PARKHQ_RETURN_IF_ERROR(c->ForEach("SELECT chain_link_id, id, name, stage, terminated_on FROM projects WHERE "
                                    "park_id = ? AND chain_link_id IS NOT NULL ORDER BY id",
                                    {park_id}, [&](const Row& r) {
                                      if (r.IsNull(4)) m.projects[r.Int(0)].push_back({r.Int(1), r.Text(2), r.Text(3)});
                                      return true;
                                    }));
  PARKHQ_RETURN_IF_ERROR(c->ForEach("SELECT l.chain_link_id, l.investor_id, i.name, l.stage FROM leads l JOIN "
                                    "investors i ON i.id = l.investor_id WHERE l.park_id = ? AND l.chain_link_id IS "
                                    "NOT NULL AND l.stage NOT IN ('signed', 'abandoned') ORDER BY l.id",
                                    {park_id}, [&](const Row& r) {
                                      m.investors[r.Int(0)].push_back({r.Int(1), r.Text(2), r.Text(3)});
                                      return true;
                                    }));
  return m;
}

}  // namespace parkhq::storage
