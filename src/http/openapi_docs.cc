// Richer OpenAPI text for some routes: summary, schemas, list kind, filters. Keyed by method + path;
// a route without an entry is still documented (openapi.cc) with generic schemas. A test checks
// every entry here names a route of the table.
#include <map>
#include <mutex>

#include "http/openapi.h"

namespace parkhq::http {

namespace {

constexpr std::string_view kUser = R"({"type":"object","properties":{
  "id":{"type":"integer"},"username":{"type":"string"},"display_name":{"type":"string"},
  "role":{"type":"string","enum":["sysadmin","park_admin","department","enterprise","leader"]},
  "role_name":{"type":"string"},"park_id":{"type":"integer","nullable":true},
  "unit_id":{"type":"integer","nullable":true},"unit":{"type":"string","nullable":true},
  "enterprise_id":{"type":"integer","nullable":true},"disabled":{"type":"boolean"},
  "created_at":{"type":"string"},"last_login_at":{"type":"string","nullable":true}}})";

constexpr std::string_view kNewUser = R"({"type":"object","required":["username","password","role"],"properties":{
  "username":{"type":"string","maxLength":64},"password":{"type":"string","maxLength":128},
  "display_name":{"type":"string","maxLength":100},
  "role":{"type":"string","enum":["sysadmin","park_admin","department","enterprise","leader"]},
  "park_id":{"type":"integer"},"unit":{"type":"string"},"enterprise_id":{"type":"integer"}}})";

constexpr std::string_view kToken = R"({"type":"object","properties":{
  "id":{"type":"integer"},"name":{"type":"string"},"user_id":{"type":"integer"},
  "scope_park_id":{"type":"integer","nullable":true},"read_only":{"type":"boolean"},
  "created_at":{"type":"string"},"last_used_at":{"type":"string","nullable":true},
  "revoked_at":{"type":"string","nullable":true},"expires_at":{"type":"string","nullable":true},
  "modules":{"type":"array","items":{"type":"string"}},"last_used_ip":{"type":"string","nullable":true},
  "requests_today":{"type":"integer"},"requests_14d":{"type":"integer"},
  "usage":{"type":"array","items":{"type":"object","properties":{"day":{"type":"string"},
    "requests":{"type":"integer"}}}}}})";

constexpr std::string_view kAudit = R"({"type":"object","properties":{
  "id":{"type":"integer"},"park_id":{"type":"integer","nullable":true},"at":{"type":"string"},
  "user_id":{"type":"integer","nullable":true},"username":{"type":"string"},"ip":{"type":"string"},
  "action":{"type":"string"},"entity":{"type":"string"},"entity_id":{"type":"string"},
  "before":{"nullable":true},"after":{"nullable":true},"reason":{"type":"string"}}})";

constexpr std::string_view kIdName = R"({"type":"object","properties":{
  "id":{"type":"integer"},"name":{"type":"string"}},"additionalProperties":true})";

constexpr std::string_view kStatus = R"({"type":"object","properties":{
  "version":{"type":"string"},"started_at":{"type":"string"},"uptime_seconds":{"type":"integer"},
  "db":{"type":"object","properties":{"engine":{"type":"string"},"size_bytes":{"type":"integer"},
    "pool_open":{"type":"integer"},"pool_idle":{"type":"integer"},"pool_max":{"type":"integer"},
    "schema_version":{"type":"string"}}},
  "disk":{"type":"object","properties":{"path":{"type":"string"},"free_bytes":{"type":"integer"},
    "total_bytes":{"type":"integer"}}},
  "last_backup":{"type":"object","nullable":true,"properties":{"at":{"type":"string"},"file":{"type":"string"},
    "size_bytes":{"type":"integer"},"engine":{"type":"string"}}},
  "sessions":{"type":"object","properties":{"active":{"type":"integer"}}},
  "requests":{"type":"object","properties":{"total":{"type":"integer"},"errors":{"type":"integer"}}},
  "jobs":{"type":"array","items":{"type":"object"}}}})";

// Method, path, summary, request schema, response schema, kind, success status, filters.
std::vector<RouteDoc> Build() {
  using K = RouteDoc::Kind;
  return {
      {"GET", "/api/v1/health", "Health check (no login)",
       "", R"({"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["ok"]},
         "db":{"type":"string"},"version":{"type":"string"}}})"},
      {"POST", "/api/v1/auth/login", "Log in; sets the session cookie and returns the CSRF token",
       R"({"type":"object","required":["username","password"],"properties":{"username":{"type":"string"},
         "password":{"type":"string"}}})",
       R"({"type":"object","properties":{"user":{"type":"object"},"csrf_token":{"type":"string"}}})"},
      {"POST", "/api/v1/auth/logout", "Log out (ends the session)", "", "", K::kObject, 204},
      {"GET", "/api/v1/me", "The caller: account, role and data scope"},
      {"GET", "/api/v1/regions", "Regions (市/区) visible to the caller", "", kIdName, K::kList},
      {"GET", "/api/v1/parks", "Parks visible to the caller", "", kIdName, K::kList},
      {"POST", "/api/v1/parks", "Create a park", "", kIdName, K::kObject, 201},
      {"GET", "/api/v1/units", "Department units (责任单位)", "", kIdName, K::kList},
      {"GET", "/api/v1/tasks", "The plan's 25 tasks with their lead units", "", "", K::kList},
      {"GET", "/api/v1/users", "Accounts (paginated)", "", kUser, K::kPagedList},
      {"POST", "/api/v1/users", "Create an account", kNewUser, kUser, K::kObject, 201},
      {"PATCH", "/api/v1/users/{id}", "Change an account (role, scope, disabled)", "", kUser},
      {"POST", "/api/v1/users/{id}/password", "Set a password (own, or any as sysadmin)",
       R"({"type":"object","required":["password"],"properties":{"password":{"type":"string"},
         "current_password":{"type":"string"}}})", "", K::kObject, 204},
      {"GET", "/api/v1/tokens", "API tokens for other systems", "", kToken, K::kList},
      {"POST", "/api/v1/tokens", "Create an API token; the secret is shown once",
       R"({"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":100},
         "read_only":{"type":"boolean"},"scope_park_id":{"type":"integer"},
         "expires_at":{"type":"string","description":"YYYY-MM-DD (end of that day) or an ISO time"},
         "modules":{"type":"array","items":{"type":"string","enum":["monitoring","projects","enterprises",
           "land","evaluation","tasks","briefings","comparison","talent","safety","gates","sme"]}}}})",
       kToken, K::kObject, 201},
      {"DELETE", "/api/v1/tokens/{id}", "Revoke an API token", "", "", K::kObject, 204},
      {"GET", "/api/v1/task-plans/{id}/tasks", "The tasks of a plan (实施方案的任务) by number", "", "", K::kList},
      {"GET", "/api/v1/tokens/{id}/uses", "Each use of a token: time, method, path, status, address (90 days)", "", "",
       K::kList},
      {"GET", "/api/v1/audit", "The audit log (paginated, newest first)", "", kAudit, K::kPagedList, 0,
       "user,entity,entity_id,from,to"},
      // Paginated lists of the modules.
      {"GET", "/api/v1/enterprises", "Enterprises of the registry (paginated)", "", kIdName, K::kPagedList, 0,
       "park_id,q,leading_group,above_scale,status,flag"},
      {"GET", "/api/v1/parks/{park_id}/parcels", "Land parcels of a park (paginated)", "", "", K::kPagedList, 0,
       "all"},
      {"GET", "/api/v1/parks/{park_id}/indicator-values/history", "Changes of indicator values (paginated)", "",
       "", K::kPagedList, 0, "period,indicator"},
      {"GET", "/api/v1/projects", "Projects (paginated)", "", kIdName, K::kPagedList, 0,
       "park_id,stage,kind,suspended,terminated,q"},
      {"GET", "/api/v1/briefings", "Briefings (paginated, newest first)", "", "", K::kPagedList, 0, "park_id"},
      {"GET", "/api/v1/notifications", "The caller's notifications (paginated)", "", "", K::kPagedList, 0,
       "kind,unread"},
      // Unpaginated lists ({"items","total"}); page, page_size and sort work on them too.
      {"GET", "/api/v1/indicators", "Monitoring indicators", "", "", K::kList},
      {"GET", "/api/v1/projects/{id}/stage-log", "A project's stage changes", "", "", K::kList},
      {"GET", "/api/v1/projects/{id}/milestones", "A project's milestones", "", "", K::kList},
      {"GET", "/api/v1/projects/{id}/approvals", "A project's approvals", "", "", K::kList},
      {"GET", "/api/v1/projects/{id}/problems", "A project's problems", "", "", K::kList},
      // gates and money (issue 15): admission review, policies, land quota
      {"GET", "/api/v1/projects/{id}/admission", "A project's admission decisions (项目准入评审), newest first", "", "",
       K::kList},
      {"GET", "/api/v1/parks/{park_id}/admissions", "The park's projects with their current admission decision", "", "",
       K::kList},
      {"GET", "/api/v1/policies", "Policies (惠企政策); enterprise users get those that fit them", "", "", K::kList, 0,
       "park_id"},
      {"GET", "/api/v1/policies/{id}/matches", "The enterprises a policy fits, with reasons", "", "", K::kList},
      {"GET", "/api/v1/policy-applications", "Policy applications and 兑现; enterprise users get their own", "", "",
       K::kList, 0, "park_id,policy_id"},
      {"GET", "/api/v1/parks/{park_id}/policy-sums", "兑现 summed per policy and year", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/land-quotas/{year}", "The yearly land quota (用地计划单列): use, remainder, allocations",
       "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/delegated-powers", "Powers delegated to the park (承接事项清单)", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/delegated-powers/log", "The list's adjustment log, newest first", "", "",
       K::kList},
      {"GET", "/api/v1/delegated-powers/{id}/counts", "Handling counts (办件量) by month", "", "", K::kList},
      {"GET", "/api/v1/projects/{id}/funding", "A project's funding by month and source (资金来源), with totals", "", "",
       K::kList, 0, "year"},
      {"GET", "/api/v1/parks/{park_id}/funding-totals", "The park's funding by source for a year", "", "", K::kList, 0,
       "year"},
      {"GET", "/api/v1/parks/{park_id}/bond-projects", "Projects funded by special bonds, with drawdowns", "", "",
       K::kList, 0, "year"},
      {"GET", "/api/v1/investors", "Investors (客商信息库)", "", "", K::kList},
      {"GET", "/api/v1/leads", "Investment leads", "", "", K::kList},
      {"GET", "/api/v1/industries", "Industry classification (GB/T 4754)", "", "", K::kList},
      {"GET", "/api/v1/report-fields", "Fields of the enterprise monthly report", "", "", K::kList},
      {"GET", "/api/v1/enterprises/{id}/reports", "An enterprise's monthly reports", "", "", K::kList, 0, "from,to"},
      {"GET", "/api/v1/enterprises/{id}/report-queue", "Reports an enterprise still owes", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/land-contracts", "Land contracts of a park", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/land-disposals", "Disposals of inefficient land", "", "", K::kList},
      // safety (issue 14): facilities, inspections, hidden hazards
      {"GET", "/api/v1/parks/{park_id}/facilities", "Shared facilities of a park with their latest load and permit state",
       "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/facility-warnings", "Facility limit and permit warnings", "", "", K::kList},
      {"GET", "/api/v1/facilities/{id}/records", "A facility's operating records", "", "", K::kList},
      {"GET", "/api/v1/inspections", "Safety and environmental inspections", "", "", K::kList, 0, "park_id"},
      {"GET", "/api/v1/hazards", "Hidden hazards (隐患; enterprise users: their own)", "", "", K::kList, 0,
       "park_id,state,level,enterprise_id,overdue"},
      {"GET", "/api/v1/hazards/{id}/photos", "Photos of a hazard", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/facility-export", "Facilities as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/facilities/{id}/records/export", "A facility's operating records as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/inspection-export", "Inspections as XLSX", "", "", K::kFile, 0, "park_id"},
      {"GET", "/api/v1/hazard-export", "Hazards as XLSX", "", "", K::kFile, 0, "park_id"},
      {"GET", "/api/v1/hazard-photos/{id}", "A hazard photo", "", "", K::kFile},
      {"POST", "/api/v1/hazards", "Record a hidden hazard (发现)", "", "", K::kObject, 201},
      {"POST", "/api/v1/inspections", "Record an inspection with the hazards found, or plan one (planned)", "", "",
       K::kObject, 201},
      {"POST", "/api/v1/inspections/{id}/complete", "Carry out a planned inspection (with the hazards found)"},
      {"POST", "/api/v1/parks/{park_id}/facilities", "Register a shared facility", "", "", K::kObject, 201},
      {"POST", "/api/v1/facilities/{id}/records", "Add a facility's operating record", "", "", K::kObject, 201},
      {"POST", "/api/v1/hazards/{id}/photos", "Upload a hazard photo (raw body, ?filename=)", "", "", K::kObject, 201},
      // talent demand and rewards (issue 13)
      {"GET", "/api/v1/parks/{park_id}/talent-posts", "Talent needs posted by enterprises (own only for enterprises)", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/talent-candidates", "The talent pool (人社局)", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/talent-matches", "Suggested candidate-post matches", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/reward-types", "Award types (奖补类型)", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/reward-applications", "Reward applications (own only for enterprises)", "", "", K::kList, 0, "year"},
      {"GET", "/api/v1/reward-applications/{id}/files", "Evidence files of a reward application", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/talent-posts.xlsx", "Talent needs as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/talent-candidates.xlsx", "Talent pool as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/talent-matches.xlsx", "Suggested matches as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/reward-types.xlsx", "Award types as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/reward-applications.xlsx", "Reward applications as XLSX", "", "", K::kFile, 0, "year"},
      {"GET", "/api/v1/parks/{park_id}/rewards/{year}.xlsx", "The year's reward list with totals as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/reward-files/{id}", "Download an evidence file", "", "", K::kFile},
      // risk: risk profiles, emergency resources, energy (issue 14 items 3-5)
      {"GET", "/api/v1/parks/{park_id}/risk-items", "Risk profile records and emergency resources", "", "", K::kList, 0,
       "kind,enterprise_id"},
      {"GET", "/api/v1/parks/{park_id}/risk-items.xlsx", "Risk records and emergency resources as XLSX", "", "",
       K::kFile, 0, "kind,enterprise_id"},
      {"POST", "/api/v1/parks/{park_id}/risk-items", "Add a risk profile record or an emergency resource",
       R"({"type":"object","required":["kind","name"],"properties":{"kind":{"type":"string","enum":["chemical",
         "hazard_source","permit","accident","penalty","ent_plan","ent_drill","team","store","equipment","plan",
         "drill"]},"enterprise_id":{"type":"integer"},"name":{"type":"string"},"quantity":{"type":"number"},
         "unit":{"type":"string"},"level":{"type":"string"},"location":{"type":"string"},
         "contact_name":{"type":"string"},"contact_phone":{"type":"string"},"event_date":{"type":"string"},
         "expiry_date":{"type":"string"},"revised_on":{"type":"string"},"amount":{"type":"number"},
         "veto":{"type":"boolean"},"note":{"type":"string"}}})", "", K::kObject, 201},
      {"PUT", "/api/v1/risk-items/{id}", "Replace a risk record's fields (kind and enterprise stay)"},
      {"DELETE", "/api/v1/risk-items/{id}", "Delete a risk record", "", "", K::kObject, 204},
      {"GET", "/api/v1/parks/{park_id}/risk-profiles", "Enterprise risk profiles: review state and counts", "", "",
       K::kList},
      {"GET", "/api/v1/parks/{park_id}/risk-profiles.xlsx", "Enterprise risk profiles as XLSX", "", "", K::kFile},
      {"POST", "/api/v1/enterprises/{id}/risk-profile/submit", "Submit the enterprise's risk profile for review"},
      {"POST", "/api/v1/enterprises/{id}/risk-profile/review", "Approve or return a submitted risk profile",
       R"({"type":"object","required":["result"],"properties":{"result":{"type":"string","enum":["approved",
         "returned"]},"note":{"type":"string"}}})"},
      {"GET", "/api/v1/parks/{park_id}/risk-vetoes", "Accidents and penalties of a year that veto the evaluation", "",
       "", K::kList, 0, "year"},
      {"POST", "/api/v1/parks/{park_id}/risk-vetoes/apply", "Write the year's vetoes into the evaluation inputs",
       R"({"type":"object","required":["year"],"properties":{"year":{"type":"integer"}}})"},
      {"GET", "/api/v1/energy-factors", "Energy conversion factors to tonnes of standard coal (GB/T 2589-2020)"},
      {"GET", "/api/v1/parks/{park_id}/energy-accounts", "Energy and emission accounts per enterprise of a year", "",
       "", K::kList, 0, "year"},
      {"GET", "/api/v1/parks/{park_id}/energy-accounts.xlsx", "Energy and emission accounts as XLSX", "", "",
       K::kFile, 0, "year"},
      {"PUT", "/api/v1/enterprises/{id}/energy-accounts/{year}", "Replace an enterprise's energy and emission account",
       R"({"type":"object","properties":{"energy":{"type":"object","additionalProperties":{"type":"number"}},
         "emissions":{"type":"object","additionalProperties":{"type":"number"}}}})"},
      {"GET", "/api/v1/parks/{park_id}/energy-summary", "Park energy and emission totals and intensities vs targets",
       "", "", K::kObject, 0, "year"},
      {"PUT", "/api/v1/parks/{park_id}/energy-targets/{year}", "Set the park's energy and emission targets of a year",
       R"({"type":"object","properties":{"energy_cap_tce":{"type":"number"},"intensity_target":{"type":"number"},
         "emissions_cap_t":{"type":"number"}}})"},
      {"GET", "/api/v1/parks/{park_id}/retrofits", "High-energy equipment elimination and clean-production retrofits",
       "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/retrofits.xlsx", "Retrofit projects as XLSX", "", "", K::kFile},
      {"POST", "/api/v1/parks/{park_id}/retrofits", "Flag an enterprise for a retrofit project", "", "", K::kObject,
       201},
      {"PUT", "/api/v1/retrofits/{id}", "Update a retrofit project"},
      // Files.
      {"GET", "/api/v1/parks/{park_id}/monitoring.xlsx", "Monitoring table as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/regions/{region_id}/monitoring.xlsx", "Region monitoring table as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/enterprise-export", "Enterprises as XLSX (or CSV with format=csv)", "", "", K::kFile, 0,
       "format"},
      {"GET", "/api/v1/parks/{park_id}/parcels/export", "Parcels as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/project-ledger", "Project ledger as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/project-ledger/template", "Project ledger import template", "", "", K::kFile},
      // SME park (issue 16): space, leases, bills, repairs.
      {"GET", "/api/v1/parks/{park_id}/occupancy", "Occupancy (出租率) by building and for the park", "",
       R"({"type":"object","required":["buildings","occupancy_pct"],"properties":{
         "buildings":{"type":"array","items":{"type":"object","required":["id","name","area","leased_area",
         "occupancy_pct"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},"area":{"type":"number"},
         "leased_area":{"type":"number"},"occupancy_pct":{"type":"number"}}}},
         "area":{"type":"number"},"leased_area":{"type":"number"},"vacant_area":{"type":"number"},
         "occupancy_pct":{"type":"number"},"as_of":{"type":"string"}}})"},
      {"GET", "/api/v1/parks/{park_id}/sme-buildings", "SME park buildings with occupancy", "", kIdName, K::kList},
      {"GET", "/api/v1/parks/{park_id}/leases", "Leases of the SME park (tenants: their own)", "", "", K::kList, 0,
       "status"},
      {"GET", "/api/v1/parks/{park_id}/expiring-leases", "Leases ending within 90 days (30/60/90)", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/sme-bills", "Bills by period (tenants: their own)", "", "", K::kList, 0,
       "period"},
      {"GET", "/api/v1/parks/{park_id}/sme-repairs", "Repair tickets (报修; tenants: their own)", "", "", K::kList},
      {"POST", "/api/v1/leases", "Lease a unit to an enterprise (409 when leased for an overlapping term)",
       R"({"type":"object","required":["unit_id","enterprise_id","start_on","end_on","monthly_rent"],"properties":{
         "unit_id":{"type":"integer"},"enterprise_id":{"type":"integer"},"start_on":{"type":"string"},
         "end_on":{"type":"string"},"monthly_rent":{"type":"number"},"property_fee":{"type":"number"},
         "deposit":{"type":"number"},"free_months":{"type":"integer"},"relief_pct":{"type":"number"},
         "relief_years":{"type":"integer"},"incubatee":{"type":"boolean"}}})",
       "", K::kObject, 201},
      {"GET", "/api/v1/parks/{park_id}/leases.xlsx", "Rent roll (租金台账) as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/sme-bills.xlsx", "Bills as XLSX", "", "", K::kFile, 0, "period"},
      {"GET", "/api/v1/parks/{park_id}/sme-repairs.xlsx", "Repair tickets as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/sme-repairs/{id}/photos", "Photos of a repair ticket", "", "", K::kList},
      {"GET", "/api/v1/sme-repair-photos/{id}", "A repair ticket's photo", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/sme-refurbishments", "Refurbishment projects (维修改造)", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/sme-refurbishments.xlsx", "Refurbishment projects as XLSX", "", "", K::kFile},
      {"GET", "/api/v1/parks/{park_id}/financing-needs", "Financing needs (融资需求; enterprises: their own)", "", "",
       K::kList},
      {"GET", "/api/v1/parks/{park_id}/financing-needs.xlsx", "Financing needs as XLSX", "", "", K::kFile},
      // Parks compared (issue 13 items 1 and 2).
      {"GET", "/api/v1/park-evaluation-schemes", "Park evaluation schemes (categories, indicators, weights, methods)", "",
       "", K::kList},
      {"GET", "/api/v1/regions/{region_id}/park-evaluation/{year}",
       "Park evaluation of a region: ranking, category and indicator scores, year-on-year change (?scheme=plan8|national5)",
       "", R"({"type":"object","required":["parks"],"properties":{"parks":{"type":"array","items":{"type":"object",
         "required":["park_id","score","rank","categories","indicators"]}}}})"},
      {"GET", "/api/v1/regions/{region_id}/park-evaluation/{year}/export", "Park evaluation ranking as XLSX", "", "",
       K::kFile},
      {"GET", "/api/v1/parks/{park_id}/park-evaluation-entries/{year}", "Values a park enters for the evaluation, with evidence",
       "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/chemical-park", "Chemical-park recognition ledger by category with progress", "",
       R"({"type":"object","required":["categories"],"properties":{"categories":{"type":"array","items":{"type":"object",
         "required":["name","items","done","total"]}}}})"},
      {"GET", "/api/v1/parks/{park_id}/chemical-park/export", "Chemical-park recognition ledger as XLSX", "", "", K::kFile},
      {"POST", "/api/v1/parks/{park_id}/chemical-park/items", "Add an item to the chemical-park ledger", "", "",
       K::kObject, 201},
      {"DELETE", "/api/v1/chemical-park-items/{id}", "Delete a chemical-park ledger item", "", "", K::kObject, 204},
      // Operations (issue 17).
      {"GET", "/api/v1/openapi.json", "This document (OpenAPI 3, generated from the route table)", "",
       R"({"type":"object","required":["openapi","paths"]})"},
      {"GET", "/api/v1/system/status", "System status: version, database, disk, last backup, sessions", "",
       kStatus},
  };
}

}  // namespace

const std::vector<RouteDoc>& AllRouteDocs() {
  static const std::vector<RouteDoc> docs = Build();
  return docs;
}

const RouteDoc* FindRouteDoc(std::string_view method, std::string_view path) {
  static const auto* index = [] {
    auto* m = new std::map<std::pair<std::string_view, std::string_view>, const RouteDoc*>();
    for (const auto& d : AllRouteDocs()) (*m)[{d.method, d.path}] = &d;
    return m;
  }();
  auto it = index->find({method, path});
  return it == index->end() ? nullptr : it->second;
}

}  // namespace parkhq::http
