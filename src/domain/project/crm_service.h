// Use cases of the investor CRM (客商信息库) and the industry-chain map (产业链图谱).
// Access: reads need the park in scope (404 otherwise); writes need CanAdminPark or a department
// user serving the park (招商专班 work is done by departments such as 招商服务中心); leaders and
// enterprise users never write. Thread-safe.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/org/org_repository.h"
#include "domain/project/crm_repository.h"

namespace parkhq::project {

struct LeadReminder {
  Lead lead;
  int64_t days_left = 0;  // negative when overdue
};

struct LinkView {
  ChainLink link;
  std::vector<LinkMember> projects, investors, enterprises;
  bool gap = false;  // 补链 target: no project at 开工 or later and no enterprise on the link
};
struct ChainView {
  Chain chain;  // links empty here; see `links`
  std::vector<LinkView> links;
};

class CrmService {
 public:
  CrmService(CrmRepository& repo, OrgRepository& org) : repo_(repo), org_(org) {}
  // The enterprise module calls this once at wiring time (nullptr = none).
  void SetEnterpriseSource(ChainEnterpriseSource* src) { enterprises_ = src; }
  // The placements of enterprises on links (also used as the enterprise source of the chain map).
  void SetChainEnterprises(ChainEnterpriseRepository* r) {
    chain_enterprises_ = r;
    enterprises_ = r;
  }

  StatusOr<std::vector<Investor>> ListInvestors(const Scope& s, std::optional<int64_t> park_id, const std::string& q) const;
  StatusOr<Investor> GetInvestor(const Scope& s, int64_t id) const;
  StatusOr<Investor> SaveInvestor(const Scope& s, Investor in) const;  // create when id == 0
  StatusOr<Contact> AddContact(const Scope& s, int64_t investor_id, Contact c) const;

  StatusOr<std::vector<Lead>> ListLeads(const Scope& s, std::optional<int64_t> park_id, std::optional<LeadStage> st) const;
  StatusOr<Lead> GetLead(const Scope& s, int64_t id) const;
  StatusOr<Lead> SaveLead(const Scope& s, Lead in) const;  // create when id == 0
  // Moves the lead; signing creates its project. Returns the lead (project_id set when signed).
  StatusOr<Lead> MoveLead(const Scope& s, int64_t id, LeadStage to, Date date, const std::string& reason) const;
  StatusOr<FollowUp> AddFollowUp(const Scope& s, int64_t lead_id, FollowUp f) const;
  StatusOr<std::vector<FollowUp>> FollowUps(const Scope& s, int64_t lead_id) const;
  // Open leads whose next date is on or before date + within_days.
  StatusOr<std::vector<LeadReminder>> Reminders(const Scope& s, int64_t park_id, Date date, int within_days) const;

  StatusOr<std::vector<ChainView>> ChainMap(const Scope& s, int64_t park_id) const;
  StatusOr<Chain> SaveChain(const Scope& s, Chain c) const;          // create when id == 0
  StatusOr<ChainLink> SaveLink(const Scope& s, ChainLink l) const;   // create when id == 0
  Status DeleteLink(const Scope& s, int64_t link_id) const;

  // Enterprises placed on a link of the park: staff and leaders read; park staff attach/detach
  // (the enterprise must belong to the park, else Validation on enterprise_id).
  StatusOr<std::vector<LinkEnterprise>> LinkEnterprises(const Scope& s, int64_t park_id, int64_t link_id) const;
  StatusOr<LinkEnterprise> AttachEnterprise(const Scope& s, LinkEnterprise e) const;
  Status DetachEnterprise(const Scope& s, int64_t park_id, int64_t link_id, int64_t enterprise_id) const;

 private:
  StatusOr<ChainLink> LinkOfPark(const Scope& s, int64_t park_id, int64_t link_id) const;
  StatusOr<ChainEnterpriseRepository*> ChainEnterprises() const;
  StatusOr<std::vector<int64_t>> Parks(const Scope& s, std::optional<int64_t> park_id) const;
  Status CheckRead(const Scope& s, int64_t park_id) const;
  Status CheckWrite(const Scope& s, int64_t park_id) const;

  CrmRepository& repo_;
  OrgRepository& org_;
  ChainEnterpriseSource* enterprises_ = nullptr;
  ChainEnterpriseRepository* chain_enterprises_ = nullptr;
};

}  // namespace parkhq::project
