#include "storage/parks/sql_parks_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/report_values_json.h"

namespace parkhq::storage {
namespace {

using parks::ChemItem;

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t at = s.find('|', pos);
    if (at == std::string::npos) at = s.size();
    if (at > pos) out.push_back(s.substr(pos, at - pos));
    pos = at + 1;
  }
  return out;
}

constexpr char kItemColumns[] =
    "id, park_id, category, no, requirement, units, deadline, status, evidence, score, review_years, last_review, "
    "tracked, is_demo, updated_at, updated_by";

ChemItem ItemOf(const Row& r) {
  ChemItem x;
  x.id = r.Int(0);
  x.park_id = r.Int(1);
  x.category = r.Text(2);
  x.no = r.Int(3);
  x.requirement = r.Text(4);
  x.units = r.Text(5);
  if (!r.IsNull(6)) x.deadline = Date::Parse(r.Text(6));
  x.status = parks::ParseChemStatus(r.Text(7)).value_or(parks::ChemStatus::kUnmet);
  x.evidence = r.Text(8);
  x.score = r.OptDouble(9);
  x.review_years = r.Int(10);
  if (!r.IsNull(11)) x.last_review = Date::Parse(r.Text(11));
  x.tracked = r.Text(12);
  x.is_demo = r.Bool(13);
  x.updated_at = r.Text(14);
  x.updated_by = r.Text(15);
  return x;
}

Value OptDate(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }

std::vector<Value> ItemValues(const ChemItem& x) {
  return {x.category,         x.no,           x.requirement,     x.units,      OptDate(x.deadline),
          std::string(parks::ChemStatusCode(x.status)), x.evidence, Opt(x.score), x.review_years,
          OptDate(x.last_review), x.tracked};
}

}  // namespace

StatusOr<std::vector<parks::EvalScheme>> SqlParksRepository::ListSchemes() {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, conn->Query("SELECT code, name, note, categories FROM park_eval_schemes "
                                                 "ORDER BY sort, code"));
  std::vector<parks::EvalScheme> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), SplitBar(r.Text(3)), {}});
  PARKHQ_ASSIGN_OR_RETURN(auto inds, conn->Query("SELECT scheme_code, code, name, category, unit, source, formula, "
                                                 "higher_is_better, weight, method, benchmark, sort FROM "
                                                 "park_eval_indicators ORDER BY scheme_code, sort, code"));
  for (const auto& r : inds)
    for (auto& s : out)
      if (s.code == r.Text(0)) {
        parks::EvalIndicator i;
        i.code = r.Text(1);
        i.name = r.Text(2);
        i.category = r.Text(3);
        i.unit = r.Text(4);
        i.source = r.Text(5);
        i.formula = r.Text(6);
        i.higher_is_better = r.Bool(7);
        i.weight = r.Double(8);
        i.method = parks::ParseScoringMethod(r.Text(9)).value_or(parks::ScoringMethod::kEfficacy);
        i.benchmark = r.OptDouble(10);
        i.sort = static_cast<int>(r.Int(11));
        s.indicators.push_back(std::move(i));
      }
  return out;
}

StatusOr<std::map<std::string, double, std::less<>>> SqlParksRepository::PlatformVariables(
    int64_t park_id, const std::vector<int64_t>& park_ids, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  std::map<std::string, double, std::less<>> v;
  const std::string y = std::to_string(year);
  const std::string from = y + "-01", to = y + "-12", end = y + "-12-31", start = y + "-01-01";
  // Monitoring: the park's approved months of the year (flows summed; employees at the last month).
  const char* kApproved =
      " AND EXISTS (SELECT 1 FROM monitoring_months m WHERE m.park_id = v.park_id AND m.period = v.period AND "
      "m.state = 'approved')";
  PARKHQ_RETURN_IF_ERROR(c.ForEach(std::string("SELECT v.indicator_code, SUM(v.value) FROM indicator_values v WHERE "
                                               "v.park_id = ? AND v.period >= ? AND v.period <= ? AND "
                                               "v.indicator_code <> 'employees'") +
                                       kApproved + " GROUP BY v.indicator_code",
                                   {park_id, from, to}, [&](const Row& r) {
                                     v[r.Text(0)] = r.Double(1);
                                     return true;
                                   }));
  PARKHQ_ASSIGN_OR_RETURN(auto emp, c.QueryOne(std::string("SELECT v.value FROM indicator_values v WHERE v.park_id = ? "
                                                           "AND v.indicator_code = 'employees' AND v.period >= ? AND "
                                                           "v.period <= ?") +
                                                   kApproved + " ORDER BY v.period DESC LIMIT 1",
                                               {park_id, from, to}));
  if (emp) v["employees"] = emp->Double(0);
  // Parcels of the park and its sub-parks approved by the year's end; developed = started by then.
  std::vector<Value> p{end, end};
  for (int64_t id : park_ids) p.push_back(id);
  PARKHQ_ASSIGN_OR_RETURN(
      auto land, c.QueryOne("SELECT COUNT(*), SUM(area_mu), SUM(CASE WHEN actual_start IS NOT NULL AND actual_start <= ? "
                            "THEN area_mu ELSE 0 END) FROM land_parcels WHERE (approved IS NULL OR approved <= ?) AND "
                            "park_id IN (" + Placeholders(park_ids.size()) + ")",
                            p));
  if (land && land->Int(0) > 0) {
    v["land_mu"] = land->Double(1);
    v["developed_mu"] = land->Double(2);
  }
  // Approved reports of the park's above-scale firms (as monitoring's output): R&D and the leading
  // groups' output.
  int64_t reports = 0;
  double rnd = 0, leading = 0;
  PARKHQ_RETURN_IF_ERROR(c.ForEach("SELECT e.leading_group, r.values_json FROM enterprise_reports r JOIN enterprises e ON "
                                   "e.id = r.enterprise_id WHERE e.park_id = ? AND e.above_scale = 1 AND r.state = "
                                   "'approved' AND r.period >= ? AND r.period <= ?",
                                   {park_id, from, to}, [&](const Row& r) {
                                     ++reports;
                                     const std::string json = r.Text(1);
                                     rnd += FindReportValue(json, "rnd").value_or(0);
                                     if (r.Text(0) != "other") leading += FindReportValue(json, "output").value_or(0);
                                     return true;
                                   }));
  if (reports > 0) {
    v["rnd"] = rnd;
    v["leading_output"] = leading;
  }
  PARKHQ_ASSIGN_OR_RETURN(
      auto ht, c.QueryOne("SELECT COUNT(*) FROM enterprise_flags f JOIN enterprises e ON e.id = f.enterprise_id WHERE "
                          "e.park_id = ? AND f.flag = 'high_tech' AND (f.since IS NULL OR f.since <= ?) AND "
                          "(f.until IS NULL OR f.until >= ?)",
                          {park_id, end, start}));
  v["high_tech"] = ht ? static_cast<double>(ht->Int(0)) : 0;
  return v;
}

StatusOr<std::vector<parks::EvalEntry>> SqlParksRepository::ListEntries(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, conn->Query("SELECT code, value, evidence, updated_at, updated_by FROM "
                                                 "park_eval_entries WHERE park_id = ? AND year = ? ORDER BY code",
                                                 {park_id, int64_t{year}}));
  std::vector<parks::EvalEntry> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Double(1), r.Text(2), r.Text(3), r.Text(4)});
  return out;
}

Status SqlParksRepository::PutEntries(const Scope& who, int64_t park_id, int year,
                                      const std::vector<parks::EvalEntry>& entries) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::string before = "{", after = "{";
  const std::string now = NowIso();
  for (const auto& e : entries) {
    PARKHQ_ASSIGN_OR_RETURN(auto b, Snapshot(c, "SELECT value, evidence FROM park_eval_entries WHERE park_id = ? AND "
                                                "year = ? AND code = ?",
                                             {park_id, int64_t{year}, e.code}));
    before += std::string(before.size() > 1 ? "," : "") + "\"" + e.code + "\":" + (b.empty() ? "null" : b);
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO park_eval_entries(park_id, year, code, value, evidence, is_demo, "
                                  "updated_at, updated_by) VALUES (?,?,?,?,?,0,?,?) ON CONFLICT (park_id, year, code) "
                                  "DO UPDATE SET value = excluded.value, evidence = excluded.evidence, is_demo = 0, "
                                  "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                                  {park_id, int64_t{year}, e.code, e.value, e.evidence, now, who.username})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(auto a, Snapshot(c, "SELECT value, evidence FROM park_eval_entries WHERE park_id = ? AND "
                                                "year = ? AND code = ?",
                                             {park_id, int64_t{year}, e.code}));
    after += std::string(after.size() > 1 ? "," : "") + "\"" + e.code + "\":" + a;
  }
  before += "}";
  after += "}";
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "update", "park_eval_entries", std::to_string(year), park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<std::string>> SqlParksRepository::ChemCategories() {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, conn->Query("SELECT name FROM chem_categories ORDER BY sort, name"));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

StatusOr<std::vector<ChemItem>> SqlParksRepository::ListChemItems(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, conn->Query(std::string("SELECT ") + kItemColumns +
                                                     " FROM chem_items WHERE park_id = ? ORDER BY category, no, id",
                                                 {park_id}));
  std::vector<ChemItem> out;
  for (const auto& r : rows) out.push_back(ItemOf(r));
  return out;
}

StatusOr<std::optional<ChemItem>> SqlParksRepository::FindChemItem(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, conn->QueryOne(std::string("SELECT ") + kItemColumns + " FROM chem_items WHERE id = ?",
                                                   {id}));
  if (!row) return std::optional<ChemItem>();
  return std::optional<ChemItem>(ItemOf(*row));
}

StatusOr<int64_t> SqlParksRepository::CreateChemItem(const Scope& who, const ChemItem& item) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  std::vector<Value> p{item.park_id};
  for (auto& x : ItemValues(item)) p.push_back(std::move(x));
  p.push_back(NowIso());
  p.push_back(who.username);
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO chem_items(park_id, category, no, requirement, units, "
                                                 "deadline, status, evidence, score, review_years, last_review, tracked, "
                                                 "is_demo, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?) "
                                                 "RETURNING id",
                                                 p));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, "SELECT * FROM chem_items WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "chem_item", std::to_string(id), item.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlParksRepository::UpdateChemItem(const Scope& who, const ChemItem& item) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(c, "SELECT * FROM chem_items WHERE id = ?", {item.id}));
  std::vector<Value> p = ItemValues(item);
  p.push_back(NowIso());
  p.push_back(who.username);
  p.push_back(item.id);
  PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE chem_items SET category = ?, no = ?, requirement = ?, units = ?, deadline = ?, "
                                "status = ?, evidence = ?, score = ?, review_years = ?, last_review = ?, tracked = ?, "
                                "updated_at = ?, updated_by = ? WHERE id = ?",
                                p)
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, "SELECT * FROM chem_items WHERE id = ?", {item.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "update", "chem_item", std::to_string(item.id), item.park_id, before, after));
  return tx.Commit();
}

Status SqlParksRepository::DeleteChemItem(const Scope& who, int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT park_id FROM chem_items WHERE id = ?", {id}));
  if (!row) return Status::NotFound("认定事项不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(c, "SELECT * FROM chem_items WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(c.Exec("DELETE FROM chem_items WHERE id = ?", {id}).status());
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "delete", "chem_item", std::to_string(id), row->Int(0), before, ""));
  return tx.Commit();
}

// One indicator of a scheme, replaced whole (delete + insert in one transaction) with its audit row.
Status SqlParksRepository::PutSchemeIndicator(const Scope& who, const std::string& scheme,
                                              const parks::EvalIndicator& ind) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char* kRow = "SELECT * FROM park_eval_indicators WHERE scheme_code = ? AND code = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(c, kRow, {scheme, ind.code}));
  PARKHQ_RETURN_IF_ERROR(
      c.Exec("DELETE FROM park_eval_indicators WHERE scheme_code = ? AND code = ?", {scheme, ind.code}).status());
  PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO park_eval_indicators(scheme_code, code, name, category, unit, source, "
                                "formula, higher_is_better, weight, method, benchmark, sort) VALUES "
                                "(?,?,?,?,?,?,?,?,?,?,?,?)",
                                {scheme, ind.code, ind.name, ind.category, ind.unit, ind.source, ind.formula,
                                 int64_t{ind.higher_is_better}, ind.weight,
                                 std::string(parks::ScoringMethodCode(ind.method)), Opt(ind.benchmark),
                                 int64_t{ind.sort}})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kRow, {scheme, ind.code}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, before.empty() ? "create" : "update", "park_eval_indicator",
                                    scheme + "/" + ind.code, std::nullopt, before, after));
  return tx.Commit();
}

Status SqlParksRepository::DeleteSchemeIndicator(const Scope& who, const std::string& scheme, const std::string& code) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
  Connection& c = *conn;
  Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(c, "SELECT * FROM park_eval_indicators WHERE scheme_code = ? AND "
                                                   "code = ?", {scheme, code}));
  PARKHQ_RETURN_IF_ERROR(
      c.Exec("DELETE FROM park_eval_indicators WHERE scheme_code = ? AND code = ?", {scheme, code}).status());
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(c, who, "delete", "park_eval_indicator", scheme + "/" + code, std::nullopt, before, ""));
  return tx.Commit();
}

}  // namespace parkhq::storage
