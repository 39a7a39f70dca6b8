// The authorization matrix, generated from the route table: every route × every kind of caller
// (anonymous; sysadmin, park admin, department, enterprise and leader sessions; a read-only token
// of each role; a sysadmin's token scoped to another park; the park admin, department user and
// leader of another park; an enterprise user on another enterprise's id).
//
// What it asserts, from nothing but the table (method, path parameters, roles):
//   anonymous → 401 on every non-public route (and before the body is read: PreAuthorize);
//   a role not in the route's roles → 403; a role in them → neither 401 nor the role refusal;
//   a read-only token → 403 on every write, whatever the route allows read-only sessions;
//   a leader → 403 on every write but the few routes in kReadOnlyWrites;
//   callers of another park (and a park-scoped token) → 403/404 on every route whose path names a
//   park or one of its objects, and no demo park data in any answer they get;
//   an enterprise user → 404 on another enterprise's id.
// A route with a role set or a public/read-only exception the tables below do not know fails the
// test: a new route must be placed in them (usually it already is). A path parameter or object the
// test does not know is filled with 1.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <set>

#include "app/app.h"
#include "app/demo_seed.h"
#include "common/crypto.h"
#include "common/time.h"
#include "http/dispatcher.h"
#include "storage/database.h"
#include "storage/sql_account_repository.h"

namespace parkhq::http {
namespace {

// The role sets routes may use, each with what it means. A route with any other set fails.
const std::vector<std::pair<std::string, std::set<Role>>> kKnownRoleSets = {
    {"any role", {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise, Role::kLeader}},
    {"sysadmin only", {Role::kSysadmin}},
    {"park staff", {Role::kSysadmin, Role::kParkAdmin}},
    {"staff", {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment}},
    {"reporters", {Role::kSysadmin, Role::kParkAdmin, Role::kEnterprise}},
    {"staff and leaders (readers)", {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kLeader}},
    // -- parks --
    // (end parks)
    // -- talent --
    {"staff and enterprises (talent posts)", {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise}},
    // (end talent)
    // -- safety --
    {"hazard rectifiers (staff and enterprises)", {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise}},
    // (end safety)
    // -- risk --
    // (end risk)
    // -- gates --
    // (end gates)
    // -- sme --
    // (end sme)
    // -- scale --
    // (end scale)
};
// Routes anyone may call.
const std::set<std::string> kPublic = {"GET /api/v1/health", "POST /api/v1/auth/login",
                                       "GET /api/v1/openapi.json"};  // the API's description (issue 17)
// Writes a read-only session (a leader) may make: about its own account only.
const std::set<std::string> kReadOnlyWrites = {"POST /api/v1/auth/logout", "POST /api/v1/users/{id}/password",
                                               "DELETE /api/v1/me/sessions/{id}",
                                               // marking one's own notifications read
                                               "POST /api/v1/notifications/{id}/read",
                                               "POST /api/v1/notifications/read-all",
                                               // a leader's 批示: the one write a leader makes (issue 19)
                                               "POST /api/v1/instructions"};
// Routes whose path names no park data: the caller's own account, tokens, users (sysadmin) and
// global catalogs. They are exempt from "403/404 for another park" (their refusals are covered by
// the role and read-only rules; a park-scoped token is a park admin there).
const std::set<std::string> kNotParkData = {
    "POST /api/v1/users/{id}/password", "PATCH /api/v1/users/{id}", "DELETE /api/v1/tokens/{id}",
    "DELETE /api/v1/me/sessions/{id}",  "PUT /api/v1/indicators/{code}"};

// Writes whose path names no park and that act on the caller's own park or account (another park's
// admin writes its own assessment settings, marks its own notifications read): a success there is
// not a write into the demo park.
const std::set<std::string> kOwnParkWrites = {
    "PUT /api/v1/assessment/{year}/settings", "POST /api/v1/assessment/{year}/publish",
    "POST /api/v1/assessment/{year}/bonuses", "POST /api/v1/notifications/read-all"};

std::string Key(const Route& r) { return r.method + " " + r.pattern; }

// The table a path parameter's id is looked up in, by the path segment before it.
const std::map<std::string, std::string> kIdTables = {
    {"projects", "projects"},       {"investors", "investors"},       {"leads", "leads"},
    {"chains", "industry_chains"},  {"chain-links", "chain_links"},   {"enterprises", "enterprises"},
    {"disposals", "zombie_disposals"}, {"parcels", "land_parcels"},   {"land-disposals", "land_disposals"},
    {"users", "users"},             {"tokens", "api_tokens"},         {"evaluation-appeals", "eval_appeals"},
    {"milestones", "project_milestones"}, {"approvals", "project_approvals"}, {"problems", "project_problems"},
    {"sessions", ""},
    // management loop (issue 19)
    {"task-items", "task_items"},   {"task-reports", "task_reports"}, {"task-plans", "task_plans"},
    {"task-attachments", "task_report_files"}, {"supervision", "supervisions"}, {"meetings", "meetings"},
    // -- parks --
    {"chemical-park-items", "chem_items"},
    // (end parks)
    // -- talent --
    {"talent-posts", "talent_posts"}, {"talent-candidates", "talent_candidates"},
    {"reward-types", "reward_types"}, {"reward-applications", "reward_applications"},
    {"reward-files", "reward_files"},
    // (end talent)
    // -- safety --
    {"hazards", "safety_hazards"}, {"facilities", "safety_facilities"}, {"hazard-photos", "safety_hazard_files"},
    {"inspections", "safety_inspections"},
    // (end safety)
    // -- risk --
    {"risk-items", "risk_items"}, {"retrofits", "retrofits"},
    // (end risk)
    // -- gates --
    {"policies", "policies"}, {"policy-applications", "policy_applications"},
    {"delegated-powers", "delegated_powers"},
    // (end gates)
    // -- sme --
    {"sme-buildings", "sme_buildings"}, {"sme-units", "sme_units"}, {"leases", "sme_leases"},
    {"sme-bills", "sme_bills"},         {"sme-repairs", "sme_repairs"}, {"sme-repair-photos", "sme_repair_photos"},
    {"financing-needs", "sme_financing_needs"}, {"sme-refurbishments", "sme_refurbishments"},
    // (end sme)
    // -- scale --
    // (end scale)
};

struct Caller {
  std::string name;
  std::optional<Role> role;  // nullopt: anonymous
  std::string cookie, csrf, bearer;
  bool read_only_token = false;
  bool other_park = false;  // a caller of the other park (or a token scoped to it)
};

class AuthzMatrixTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto path = testing::TempDir() + "/authz-matrix-" + std::to_string(getpid()) + ".db";
    std::remove(path.c_str());
    app::Config c;
    c.db = path;
    c.fast_hash = true;
    c.web_root = "/nonexistent";
    c.token_rate = 100000;  // each token walks every route at once; the rate limit has its own tests
    c.token_burst = 100000;
    auto a = app::BuildApp(c);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    app_ = std::move(a).value().release();
    ASSERT_TRUE(app::SeedDemo(*app_->db, true).ok());
    Scope cli;
    cli.role = Role::kSysadmin;
    cli.all_parks = true;
    cli.username = "matrix";
    // The other park: a new top-level park with its own admin, department and leader.
    NewPark np;
    np.name = "矩阵测试园区";
    auto park = app_->org->CreatePark(cli, np);
    ASSERT_TRUE(park.ok()) << park.status().ToString();
    other_park_ = park->id;
    auto conn = app_->db->Acquire();
    ASSERT_TRUE(conn.ok());
    auto unit = (*conn)->InsertId("INSERT INTO units(region_id, name, kind) VALUES (1, '矩阵测试局', 'department') RETURNING id");
    ASSERT_TRUE(unit.ok()) << unit.status().ToString();
    ASSERT_TRUE((*conn)->Exec("INSERT INTO unit_parks(unit_id, park_id) VALUES (?, ?)", {*unit, other_park_}).ok());
    using P = std::pair<const char*, const char*>;
    for (auto [name, role] : {P{"matrix_pa", "park_admin"}, P{"matrix_dept", "department"}, P{"matrix_lead", "leader"}}) {
      NewUser u;
      u.username = name;
      u.password = "Matrix@2023x";
      u.role = role;
      u.park_id = other_park_;
      if (std::string(role) == "department") u.unit = "矩阵测试局";
      auto r = app_->accounts->CreateUser(cli, u);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
    // The lowest token id is a spare one: "DELETE /api/v1/tokens/{id}" as the admin revokes it,
    // not a token the matrix uses.
    ApiToken spare;
    spare.user_id = 1;
    spare.name = "spare";
    spare.created_at = NowIso();
    ASSERT_TRUE(app_->account_repo->CreateToken(spare, Sha256Hex("phq_spare_" + RandomToken(8)), cli).ok());
  }
  static void TearDownTestSuite() {
    delete app_;
    app_ = nullptr;
  }

  Caller SessionOf(const std::string& user, const std::string& pw, Role role, bool other = false) {
    auto login = app_->accounts->Login(user, pw, "10.0.0." + std::to_string(++ip_));
    EXPECT_TRUE(login.ok()) << user << " " << login.status().ToString();
    if (!login.ok()) return {};
    return Caller{user + " session", role, login->session_token, login->csrf_token, "", false, other};
  }
  Caller TokenOf(const std::string& user, Role role, bool read_only, std::optional<int64_t> park, bool other) {
    auto u = app_->account_repo->FindUserByName(user);
    EXPECT_TRUE(u.ok() && *u);
    ApiToken t;
    t.user_id = (**u).id;
    t.name = "matrix";
    t.park_id = park;
    t.read_only = read_only;
    t.created_at = NowIso();
    std::string secret = "phq_matrix_" + RandomToken(16);
    Scope who;
    who.role = Role::kSysadmin;
    who.all_parks = true;
    EXPECT_TRUE(app_->account_repo->CreateToken(t, Sha256Hex(secret), who).ok());
    return Caller{user + (read_only ? " read-only token" : " park-scoped token"), role, "", "", secret, read_only, other};
  }

  int64_t IdOf(const std::string& table) {
    if (table.empty()) return 1;
    auto conn = app_->db->Acquire();
    auto row = (*conn)->QueryOne("SELECT MIN(id) FROM " + table);
    return row.ok() && *row && !(*row)->IsNull(0) ? (*row)->Int(0) : 1;
  }

  // The route's path with every parameter filled (objects by the lowest id of their table).
  std::string Fill(const std::string& pattern, int64_t park, std::optional<int64_t> enterprise = std::nullopt) {
    std::string out, prev;
    size_t i = 0;
    while (i < pattern.size()) {
      if (pattern[i] != '{') {
        size_t j = pattern.find('/', i + 1);
        if (pattern[i] == '/') j = i + 1;
        std::string seg = pattern.substr(i, (j == std::string::npos ? pattern.size() : j) - i);
        if (seg != "/") prev = seg;
        out += seg;
        i += seg.size();
        continue;
      }
      size_t end = pattern.find('}', i);
      std::string name = pattern.substr(i + 1, end - i - 1);
      i = end + 1;
      if (name == "park_id") out += std::to_string(park);
      else if (name == "region_id") out += "1";
      else if (name == "year") out += "2023";
      else if (name == "period") out += "2023-06";
      else if (name == "code") out += "output";
      else if (name == "pool") out += "specialized";
      else if (name == "enterprise_id") out += std::to_string(enterprise.value_or(IdOf("enterprises")));
      else if (name == "link_id") out += std::to_string(IdOf("chain_links"));
      else if (name == "item_id" || name == "id") {
        // An object the table does not know yet is addressed as id 1 (add its table to kIdTables
        // so the other-park checks look at a real object).
        auto t = kIdTables.find(prev);
        out += std::to_string(prev == "enterprises" && enterprise ? *enterprise
                              : t == kIdTables.end()         ? 1
                                                             : IdOf(t->second));
      } else {
        out += "1";  // a parameter Fill does not know: the role, token and leader rules still apply
      }
    }
    return out;
  }

  Response Call(const Caller& c, const Route& r, const std::string& path) {
    Request req;
    req.method = r.method;
    req.path = path;
    req.remote_ip = "127.0.0.1";
    if (r.is_write()) {
      req.body = "{}";
      req.headers["content-type"] = "application/json";
    }
    if (!c.cookie.empty()) req.headers["cookie"] = std::string(kSessionCookie) + "=" + c.cookie;
    if (!c.csrf.empty()) req.headers["x-csrf-token"] = c.csrf;
    if (!c.bearer.empty()) req.headers["authorization"] = "Bearer " + c.bearer;
    return app_->dispatcher->Handle(req);
  }

  static inline app::App* app_ = nullptr;
  static inline int64_t other_park_ = 0;
  int ip_ = 0;
};

bool NamesParkData(const Route& r) {
  for (const char* p : {"{park_id}", "{id}", "{link_id}", "{item_id}", "{enterprise_id}"})
    if (r.pattern.find(p) != std::string::npos) return true;
  return false;
}

TEST_F(AuthzMatrixTest, EveryRouteIsInTheExpectationTables) {
  for (const auto& r : app_->dispatcher->router().routes()) {
    std::set<Role> roles(r.roles.begin(), r.roles.end());
    if (r.is_public()) {
      EXPECT_TRUE(kPublic.count(Key(r))) << Key(r) << " is public but not in kPublic";
      continue;
    }
    bool known = false;
    for (const auto& [name, set] : kKnownRoleSets) known = known || set == roles;
    EXPECT_TRUE(known) << Key(r) << ": its role set is not in kKnownRoleSets; add it with what it means";
    if (r.allow_read_only) {
      EXPECT_TRUE(kReadOnlyWrites.count(Key(r))) << Key(r) << " allows read-only callers";
    }
  }
}

TEST_F(AuthzMatrixTest, RolesReadOnlyTokensLeadersAndOtherParks) {
  const int64_t own = 1;
  std::vector<Caller> own_sessions = {
      SessionOf("admin", "Admin@2023demo", Role::kSysadmin), SessionOf("parkadmin", "Park@2023demo", Role::kParkAdmin),
      SessionOf("gxj", "Dept@2023demo", Role::kDepartment), SessionOf("qiye", "Ent@2023demo", Role::kEnterprise),
      SessionOf("leader", "Leader@2023demo", Role::kLeader)};
  std::vector<Caller> read_only_tokens = {
      TokenOf("admin", Role::kSysadmin, true, std::nullopt, false), TokenOf("parkadmin", Role::kParkAdmin, true, own, false),
      TokenOf("gxj", Role::kDepartment, true, std::nullopt, false), TokenOf("qiye", Role::kEnterprise, true, std::nullopt, false),
      TokenOf("leader", Role::kLeader, true, std::nullopt, false)};
  // The other park's callers look at the demo park's data (park 1 and its objects).
  std::vector<Caller> others = {TokenOf("admin", Role::kParkAdmin, false, other_park_, true),
                                SessionOf("matrix_pa", "Matrix@2023x", Role::kParkAdmin, true),
                                SessionOf("matrix_dept", "Matrix@2023x", Role::kDepartment, true),
                                SessionOf("matrix_lead", "Matrix@2023x", Role::kLeader, true)};
  Caller anonymous;
  anonymous.name = "anonymous";
  int checked = 0;
  for (const auto& r : app_->dispatcher->router().routes()) {
    const std::string path = Fill(r.pattern, own);
    if (path.empty()) continue;
    const std::string what = Key(r);
    if (r.is_public()) continue;
    EXPECT_EQ(Call(anonymous, r, path).status, 401) << what;
    for (const auto& c : read_only_tokens) {
      if (!r.is_write()) continue;
      Response resp = Call(c, r, path);
      EXPECT_EQ(resp.status, 403) << c.name << " " << what << " " << resp.body;
    }
    for (const auto& c : own_sessions) {
      if (what == "POST /api/v1/auth/logout") continue;  // would end the session the loop uses
      const bool allowed = std::find(r.roles.begin(), r.roles.end(), *c.role) != r.roles.end();
      Response resp = Call(c, r, path);
      ++checked;
      if (!allowed) {
        EXPECT_EQ(resp.status, 403) << c.name << " " << what;
        continue;
      }
      EXPECT_NE(resp.status, 401) << c.name << " " << what << " " << resp.body;
      EXPECT_EQ(resp.body.find("当前角色（"), std::string::npos) << c.name << " " << what;
      if (*c.role == Role::kLeader && r.is_write() && !kReadOnlyWrites.count(what)) {
        EXPECT_EQ(resp.status, 403) << "leader writes " << what;
      }
    }
    for (const auto& c : others) {
      if (what == "POST /api/v1/auth/logout") continue;  // would end the session the loop uses
      Response resp = Call(c, r, path);
      if (NamesParkData(r) && !kNotParkData.count(what)) {
        EXPECT_TRUE(resp.status == 403 || resp.status == 404)
            << c.name << " (other park) " << what << " → " << resp.status << " " << resp.body.substr(0, 200);
      }
      if (resp.status < 300 && what != "GET /api/v1/me") {  // /me: the token's own user
        EXPECT_EQ(resp.body.find("华亭工业园区"), std::string::npos) << c.name << " sees the demo park: " << what;
        EXPECT_EQ(resp.body.find("（演示）"), std::string::npos) << c.name << " sees demo data: " << what;
      }
      if (r.is_write() && !kOwnParkWrites.count(what)) {
        EXPECT_GE(resp.status, 400) << c.name << " wrote " << what;
      }
    }
  }
  EXPECT_GT(checked, 500);
}

TEST_F(AuthzMatrixTest, EnterpriseUsersGet404ForAnotherEnterprise) {
  Caller q = SessionOf("qiye", "Ent@2023demo", Role::kEnterprise);
  auto own = app_->account_repo->FindUserByName("qiye");
  auto other = app_->account_repo->FindUserByName("qiye2");
  ASSERT_TRUE(own.ok() && *own && other.ok() && *other);
  const int64_t theirs = *(**other).enterprise_id;
  ASSERT_NE(theirs, *(**own).enterprise_id);
  int checked = 0;
  for (const auto& r : app_->dispatcher->router().routes()) {
    if (r.pattern.rfind("/api/v1/enterprises/{id}", 0) != 0) continue;
    if (std::find(r.roles.begin(), r.roles.end(), Role::kEnterprise) == r.roles.end()) continue;
    // Another enterprise's id is answered exactly like a missing one (never 403), GETs with 404.
    Response resp = Call(q, r, Fill(r.pattern, 1, theirs));
    Response missing = Call(q, r, Fill(r.pattern, 1, 99999999));
    EXPECT_EQ(resp.status, missing.status) << Key(r) << " " << resp.body << " vs " << missing.body;
    EXPECT_NE(resp.status, 403) << Key(r) << " " << resp.body;
    if (r.method == "GET") {
      EXPECT_EQ(resp.status, 404) << Key(r) << " " << resp.body;
    }
    ++checked;
  }
  EXPECT_GT(checked, 5);
}

TEST_F(AuthzMatrixTest, BodiesAreRefusedBeforeTheyAreRead) {
  Caller ro = TokenOf("admin", Role::kSysadmin, true, std::nullopt, false);
  int uploads = 0;
  for (const auto& r : app_->dispatcher->router().routes()) {
    if (r.is_public() || !r.is_write()) continue;
    const std::string path = Fill(r.pattern, 1);
    Request anon;
    anon.method = r.method;
    anon.path = path;
    anon.remote_ip = "127.0.0.1";
    anon.headers["content-length"] = "268435456";
    auto refusal = app_->dispatcher->PreAuthorize(anon);
    ASSERT_TRUE(refusal.has_value()) << Key(r);
    EXPECT_EQ(refusal->status, 401) << Key(r);
    Request token = anon;
    token.headers["authorization"] = "Bearer " + ro.bearer;
    refusal = app_->dispatcher->PreAuthorize(token);
    ASSERT_TRUE(refusal.has_value()) << Key(r);
    EXPECT_EQ(refusal->status, 403) << Key(r);
    uploads += r.upload;
  }
  EXPECT_GT(uploads, 3);
}

}  // namespace
}  // namespace parkhq::http
