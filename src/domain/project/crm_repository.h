// What the investor CRM and the industry-chain map need from storage. Every write records its
// audit row in the same transaction.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/project/crm.h"

namespace parkhq::project {

struct ChainLink {
  int64_t id = 0;
  int64_t chain_id = 0;
  int64_t park_id = 0;
  std::string name;
  std::string position = "mid";  // up | mid | down (上游/中游/下游)
  std::string note;
  int sort = 0;
};

struct Chain {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;
  std::string note;
  int sort = 0;
  std::vector<ChainLink> links;
};

// Something placed on a chain link: a project, a lead's investor, an enterprise.
struct LinkMember {
  int64_t id = 0;
  std::string name;
  std::string status;  // project stage, lead stage, or enterprise status
};

struct LinkMembers {
  std::map<int64_t, std::vector<LinkMember>> projects;   // link id → projects on it
  std::map<int64_t, std::vector<LinkMember>> investors;  // link id → target investors (open leads)
};

class CrmRepository {
 public:
  virtual ~CrmRepository() = default;

  virtual StatusOr<std::vector<Investor>> ListInvestors(const std::vector<int64_t>& park_ids, const std::string& q) = 0;
  virtual StatusOr<std::optional<Investor>> FindInvestor(int64_t id) = 0;  // with contacts
  virtual StatusOr<int64_t> SaveInvestor(const Investor& i, const Scope& who) = 0;  // insert when id == 0
  virtual StatusOr<int64_t> AddContact(int64_t park_id, const Contact& c, const Scope& who) = 0;

  virtual StatusOr<std::vector<Lead>> ListLeads(const std::vector<int64_t>& park_ids,
                                                std::optional<LeadStage> stage) = 0;
  virtual StatusOr<std::optional<Lead>> FindLead(int64_t id) = 0;
  virtual StatusOr<int64_t> SaveLead(const Lead& l, const Scope& who) = 0;  // insert when id == 0
  // Writes the lead's stage (and abandon reason) with the audit row.
  virtual Status MoveLead(const Lead& after, const Scope& who) = 0;
  // In one transaction: inserts `p`, marks the lead signed with the project id. Returns the id.
  virtual StatusOr<int64_t> SignLead(const Lead& after, const ProjectRecord& p, const Scope& who) = 0;
  // Inserts the record and copies its next step / next date onto the lead.
  virtual StatusOr<int64_t> AddFollowUp(int64_t park_id, const FollowUp& f, const Scope& who) = 0;
  virtual StatusOr<std::vector<FollowUp>> FollowUps(int64_t lead_id) = 0;

  virtual StatusOr<std::vector<Chain>> ListChains(int64_t park_id) = 0;  // with links, by sort
  virtual StatusOr<std::optional<Chain>> FindChain(int64_t id) = 0;
  virtual StatusOr<std::optional<ChainLink>> FindLink(int64_t id) = 0;
  virtual StatusOr<int64_t> SaveChain(const Chain& c, const Scope& who) = 0;     // insert when id == 0
  virtual StatusOr<int64_t> SaveLink(const ChainLink& l, const Scope& who) = 0;  // insert when id == 0
  // Conflict when projects or leads still point at the link.
  virtual Status DeleteLink(const ChainLink& l, const Scope& who) = 0;
  virtual StatusOr<LinkMembers> Members(int64_t park_id) = 0;
};

// The enterprise module plugs in here to show the park's enterprises on each link (issue 5).
class ChainEnterpriseSource {
 public:
  virtual ~ChainEnterpriseSource() = default;
  // link id → enterprises of the park on that link.
  virtual StatusOr<std::map<int64_t, std::vector<LinkMember>>> EnterprisesByLink(int64_t park_id) = 0;
};

// An enterprise of the park placed on a chain link (chain_link_enterprises), with the registry's
// name and status.
struct LinkEnterprise {
  int64_t park_id = 0;
  int64_t link_id = 0;
  int64_t enterprise_id = 0;
  std::string name, status;  // from the enterprise registry
  std::string role;          // e.g. 龙头 / 配套
  std::string note;
  std::string created_at;
};

// The registry's view of one enterprise (the enterprises table, owned by the enterprise module).
struct ChainEnterpriseRef {
  int64_t id = 0;
  int64_t park_id = 0;
  std::optional<int64_t> sub_park_id;
  std::string name, status;
};

// Storage of the link ↔ enterprise placements; also the ChainEnterpriseSource of the chain map.
class ChainEnterpriseRepository : public ChainEnterpriseSource {
 public:
  virtual StatusOr<std::vector<LinkEnterprise>> ListLinkEnterprises(int64_t link_id) = 0;
  virtual StatusOr<std::optional<ChainEnterpriseRef>> FindEnterprise(int64_t id) = 0;
  // Conflict when the enterprise is already on the link.
  virtual Status Attach(const LinkEnterprise& e, const Scope& who) = 0;
  // NotFound when the enterprise is not on the link.
  virtual Status Detach(int64_t park_id, int64_t link_id, int64_t enterprise_id, const Scope& who) = 0;
};

}  // namespace parkhq::project
