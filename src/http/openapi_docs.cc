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
           "land","evaluation","tasks","briefings"]}}}})",
       kToken, K::kObject, 201},
      {"DELETE", "/api/v1/tokens/{id}", "Revoke an API token", "", "", K::kObject, 204},
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
      {"GET", "/api/v1/investors", "Investors (客商信息库)", "", "", K::kList},
      {"GET", "/api/v1/leads", "Investment leads", "", "", K::kList},
      {"GET", "/api/v1/industries", "Industry classification (GB/T 4754)", "", "", K::kList},
      {"GET", "/api/v1/report-fields", "Fields of the enterprise monthly report", "", "", K::kList},
      {"GET", "/api/v1/enterprises/{id}/reports", "An enterprise's monthly reports", "", "", K::kList, 0, "from,to"},
      {"GET", "/api/v1/enterprises/{id}/report-queue", "Reports an enterprise still owes", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/land-contracts", "Land contracts of a park", "", "", K::kList},
      {"GET", "/api/v1/parks/{park_id}/land-disposals", "Disposals of inefficient land", "", "", K::kList},
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
