#include "storage/sql_org_repository.h"

#include <map>
#include <set>

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {
namespace {
const char kParkCols[] = "SELECT id, region_id, parent_id, name, is_demo FROM parks ";
Park ToPark(const Row& r) { return Park{r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Bool(4)}; }
}  // namespace

StatusOr<std::vector<Region>> SqlOrgRepository::ListRegions() {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, name, parent_id, level FROM regions ORDER BY id"));
  std::vector<Region> out;
  for (const auto& r : rows) out.push_back(Region{r.Int(0), r.Text(1), r.OptInt(2), r.Text(3)});
  return out;
}

StatusOr<std::optional<Region>> SqlOrgRepository::FindRegion(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT id, name, parent_id, level FROM regions WHERE id = ?", {id}));
  if (!r) return std::optional<Region>();
  return std::optional<Region>(Region{r->Int(0), r->Text(1), r->OptInt(2), r->Text(3)});
}

StatusOr<std::vector<Park>> SqlOrgRepository::ListParks() {
  constexpr auto kTtl = std::chrono::seconds(5);
  {
    std::lock_guard lock(mu_);
    if (parks_cached_ && std::chrono::steady_clock::now() - parks_cached_at_ < kTtl) return parks_cache_;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kParkCols) + "ORDER BY sort, id"));
  std::vector<Park> out;
  for (const auto& r : rows) out.push_back(ToPark(r));
  std::lock_guard lock(mu_);
  parks_cache_ = out;
  parks_cached_at_ = std::chrono::steady_clock::now();
  parks_cached_ = true;
  return out;
}

StatusOr<std::optional<Park>> SqlOrgRepository::FindPark(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kParkCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<Park>();
  return std::optional<Park>(ToPark(*r));
}

StatusOr<int64_t> SqlOrgRepository::CreatePark(const Park& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO parks(region_id, parent_id, name, is_demo, created_at) "
                              "VALUES (?,?,?,?,?) RETURNING id",
                              {p.region_id, Opt(p.parent_id), p.name, int64_t{p.is_demo}, NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, std::string(kParkCols) + "WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "park", std::to_string(id), id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  std::lock_guard lock(mu_);
  parks_cached_ = false;
  return id;
}

StatusOr<std::vector<Unit>> SqlOrgRepository::ListUnits() {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, region_id, name, kind FROM units ORDER BY sort, id"));
  std::vector<Unit> out;
  for (const auto& r : rows) out.push_back(Unit{r.Int(0), r.Int(1), r.Text(2), r.Text(3)});
  return out;
}

StatusOr<std::optional<Unit>> SqlOrgRepository::FindUnitByName(const std::string& name) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne("SELECT id, region_id, name, kind FROM units WHERE name = ? ORDER BY id", {name}));
  if (!r) return std::optional<Unit>();
  return std::optional<Unit>(Unit{r->Int(0), r->Int(1), r->Text(2), r->Text(3)});
}

StatusOr<std::vector<int64_t>> SqlOrgRepository::ParksServedByUnit(int64_t unit_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT park_id FROM unit_parks WHERE unit_id = ?", {unit_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

void SqlOrgRepository::InvalidateTasks(int64_t park_id) {
  std::lock_guard lock(mu_);
  tasks_cache_.erase(park_id);
}

StatusOr<std::vector<Task>> SqlOrgRepository::ListTasks(const std::vector<int64_t>& park_ids) {
  constexpr auto kTtl = std::chrono::seconds(5);
  std::vector<Task> out;
  std::vector<int64_t> missing;
  {
    std::lock_guard lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    for (int64_t park_id : park_ids) {
      auto it = tasks_cache_.find(park_id);
      if (it != tasks_cache_.end() && now - it->second.first < kTtl) continue;
      missing.push_back(park_id);
    }
  }
  if (!missing.empty()) {
    PARKHQ_ASSIGN_OR_RETURN(auto fresh, LoadTasks(missing));
    std::lock_guard lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    for (int64_t park_id : missing) tasks_cache_[park_id] = {now, {}};
    for (auto& t : fresh) tasks_cache_[t.park_id].second.push_back(std::move(t));
  }
  std::lock_guard lock(mu_);
  for (int64_t park_id : park_ids) {
    const auto& tasks = tasks_cache_[park_id].second;
    out.insert(out.end(), tasks.begin(), tasks.end());
  }
  return out;
}

// The park's current plan (task::CurrentPlanId in SQL): the plan of this year, else the latest before
// it, else the earliest. Tasks without a plan (written before plans existed) always count.
constexpr char kCurrentPlan[] =
    "SELECT id FROM task_plans WHERE park_id = ? ORDER BY CASE WHEN year <= ? THEN 0 ELSE 1 END, "
    "CASE WHEN year <= ? THEN -year ELSE year END LIMIT 1";

StatusOr<std::vector<Task>> SqlOrgRepository::LoadTasks(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  const int year = Today().year;
  std::vector<Task> out;
  for (int64_t park_id : park_ids) {
    PARKHQ_ASSIGN_OR_RETURN(
        auto rows, c->Query("SELECT id, park_id, no, group_name, title, note FROM tasks WHERE park_id = ? AND "
                            "(plan_id IS NULL OR plan_id = (" + std::string(kCurrentPlan) + ")) ORDER BY no",
                            {park_id, park_id, int64_t{year}, int64_t{year}}));
    if (rows.empty()) continue;
    std::map<int64_t, size_t> index;
    for (const auto& r : rows) {
      index[r.Int(0)] = out.size();
      out.push_back(Task{r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4), r.Text(5), {}, {}});
    }
    PARKHQ_ASSIGN_OR_RETURN(
        auto units, c->Query("SELECT tu.task_id, tu.role, u.name FROM task_units tu JOIN units u ON u.id = "
                             "tu.unit_id WHERE tu.park_id = ? ORDER BY tu.task_id, tu.sort",
                             {park_id}));
    for (const auto& r : units) {
      auto it = index.find(r.Int(0));
      if (it == index.end()) continue;
      Task& t = out[it->second];
      (r.Text(1) == "lead" ? t.lead_units : t.responsible_units).push_back(r.Text(2));
    }
  }
  return out;
}

}  // namespace parkhq::storage

// Register assignments (issue 11 item 7): settings rows `registers.<code>` = "id,id,…".
namespace parkhq::storage {
namespace {
constexpr std::string_view kRegisterPrefix = "registers.";

std::vector<int64_t> ParseIds(const std::string& v) {
  std::vector<int64_t> out;
  size_t pos = 0;
  while (pos < v.size()) {
    size_t at = v.find(',', pos);
    if (at == std::string::npos) at = v.size();
    if (at > pos) {
      try {
        out.push_back(std::stoll(v.substr(pos, at - pos)));
      } catch (const std::exception&) {
      }
    }
    pos = at + 1;
  }
  return out;
}
}  // namespace

StatusOr<std::map<int64_t, std::map<std::string, std::vector<int64_t>>>> SqlOrgRepository::RegisterOverrides(
    const std::vector<int64_t>& park_ids) {
  std::map<int64_t, std::map<std::string, std::vector<int64_t>>> out;
  if (park_ids.empty()) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string sql = "SELECT park_id, key, value FROM settings WHERE key LIKE 'registers.%' AND park_id IN (";
  std::vector<Value> params;
  for (size_t i = 0; i < park_ids.size(); ++i) {
    sql += i ? ",?" : "?";
    params.push_back(park_ids[i]);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql + ")", params));
  for (const auto& r : rows)
    out[r.Int(0)][r.Text(1).substr(kRegisterPrefix.size())] = ParseIds(r.Text(2));
  return out;
}

Status SqlOrgRepository::PutRegisterOverrides(int64_t park_id,
                                              const std::map<std::string, std::vector<int64_t>>& units,
                                              const std::string& before, const std::string& after,
                                              const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  for (const auto& [code, ids] : units) {
    std::string v;
    for (int64_t id : ids) v += (v.empty() ? "" : ",") + std::to_string(id);
    const std::string key = std::string(kRegisterPrefix) + code;
    PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM settings WHERE park_id = ? AND key = ?", {park_id, key}).status());
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("INSERT INTO settings(park_id, key, value) VALUES (?,?,?)", {park_id, key, v}).status());
  }
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "update", "park_registers", std::to_string(park_id), park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
