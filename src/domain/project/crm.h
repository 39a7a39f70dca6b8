// Investor CRM (客商信息库): investors with contacts, leads moving 线索 → 接洽 → 洽谈 → 签约 or
// 放弃 (with a reason), follow-up records and reminders of due next steps. Plain values and the
// pure rules; signing a lead produces the project it creates. docs/projects.md "客商信息库".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"
#include "common/time.h"
#include "domain/project/project_repository.h"

namespace parkhq::project {

struct Contact {
  int64_t id = 0;
  int64_t investor_id = 0;
  std::string name, title, phone, email;
};

struct Investor {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;
  std::string industry;
  std::string origin;  // 所在地
  std::string note;
  bool is_demo = false;
  std::vector<Contact> contacts;
  int lead_count = 0;  // read only
};

// 线索 → 接洽 → 洽谈 → 签约, or 放弃 from any open stage. The order is the pipeline order.
enum class LeadStage { kLead = 0, kContact, kNegotiation, kSigned, kAbandoned };
const char* LeadStageCode(LeadStage s);    // lead | contact | negotiation | signed | abandoned
const char* LeadStageNameZh(LeadStage s);  // 线索 | 接洽 | 洽谈 | 签约 | 放弃
std::optional<LeadStage> ParseLeadStage(std::string_view code);

struct Lead {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t investor_id = 0;
  std::string investor_name;  // read only (joined)
  std::string title;          // the intended project
  std::string source;         // 以商招商 | 产业链招商 | 飞地经济 | 展会 | 上级推介 | 其他
  std::optional<int64_t> chain_link_id;
  std::string intent = "medium";  // high | medium | low
  double planned_investment = 0;  // 万元
  std::string team;               // 招商专班
  std::string owner;              // 负责人
  LeadStage stage = LeadStage::kLead;
  std::string abandon_reason;
  std::optional<int64_t> project_id;  // set when signed
  std::string next_step;
  std::optional<Date> next_date;
  bool is_demo = false;
  std::string created_at, updated_at;
};

struct FollowUp {
  int64_t id = 0;
  int64_t lead_id = 0;
  std::string kind;  // visit | talk | phone (走访/洽谈/电话)
  Date date;
  std::string content;
  std::string next_step;
  std::optional<Date> next_date;
  std::string username;
  std::string created_at;
};

extern const char* const kLeadSources[];  // the sources the UI offers (free text is allowed too)

// Field checks of a lead (422 details "title", "investor_id", "intent", "planned_investment").
Status ValidateLead(const Lead& l);
Status ValidateFollowUp(const FollowUp& f, Date today);

// Forward moves (skipping allowed) among the open stages; 放弃 from any open stage with a reason;
// 签约 and 放弃 are final. Conflict (409) when refused, Validation ("reason") without a reason.
Status CheckLeadMove(const Lead& l, LeadStage to, const std::string& reason);

// The project a signed lead creates: stage 签约 on `date`, named after the lead, investment =
// the lead's planned investment, the lead's chain link and park.
ProjectRecord ProjectFromLead(const Lead& l, Date date);

}  // namespace parkhq::project
