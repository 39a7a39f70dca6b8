#include "storage/figures/sql_reconciliation_repository.h"

#include <algorithm>

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/enterprise/report_values_json.h"

namespace parkhq::storage {
namespace {

using figures::SourceFigure;
using figures::SourceRecord;

std::string In(size_t n) {
  std::string s = "(";
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s + ")";
}

void Add(SourceFigure& f, SourceRecord r) {
  f.value = f.value.value_or(0) + r.value;
  f.records.push_back(std::move(r));
}

const char* const kReportFields[] = {"output", "revenue", "value_added", "tax", "energy", "employees"};

}  // namespace

StatusOr<std::map<std::string, SourceFigure>> SqlReconciliationRepository::DirectFigures(
    int64_t park, const std::vector<int64_t>& tree, Period from, Period to) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params(tree.begin(), tree.end());
  params.push_back(from.ToString());
  params.push_back(to.ToString());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT v.park_id, p.name, v.indicator_code, SUM(v.value) "
                                              "FROM indicator_values v JOIN parks p ON p.id = v.park_id "
                                              "WHERE v.park_id IN " + In(tree.size()) +
                                                  " AND v.period >= ? AND v.period <= ? "
                                                  "GROUP BY v.park_id, p.name, v.indicator_code "
                                                  "ORDER BY v.park_id",
                                              params));
  // The top park's own figure when it has one, else its sub-parks' sum (docs/monitoring.md 口径).
  std::map<std::string, SourceFigure> own, subs;
  for (const auto& r : rows) {
    SourceRecord rec{"park", r.Int(0), r.Text(1), r.Double(3)};
    Add(r.Int(0) == park ? own[r.Text(2)] : subs[r.Text(2)], std::move(rec));
  }
  for (auto& [code, f] : subs)
    if (!own.count(code)) own[code] = std::move(f);
  return own;
}

StatusOr<std::map<std::string, SourceFigure>> SqlReconciliationRepository::ReportSums(
    int64_t park, Period from, Period to, bool above_scale_only, const std::vector<int64_t>& only_firms) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string sql = "SELECT e.id, e.name, r.values_json FROM enterprise_reports r JOIN enterprises e ON "
                    "e.id = r.enterprise_id WHERE e.park_id = ? AND r.state = 'approved' AND r.period >= ? "
                    "AND r.period <= ?";
  std::vector<Value> params{park, from.ToString(), to.ToString()};
  // Above scale in the report's month (app/demo_world.h AboveScaleAt; docs/figures.md).
  if (above_scale_only)
    sql += " AND e.above_scale = 1 AND (e.scale_changed_on IS NULL OR SUBSTR(e.scale_changed_on, 1, 7) <= r.period)";
  if (!only_firms.empty()) {
    sql += " AND e.id IN " + In(only_firms.size());
    params.insert(params.end(), only_firms.begin(), only_firms.end());
  }
  // field → firm → (name, sum)
  std::map<std::string, std::map<int64_t, std::pair<std::string, double>>> sums;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(sql + " ORDER BY e.id, r.period", params, [&](const Row& row) {
    const std::string json = row.Text(2);
    for (const char* field : kReportFields) {
      if (auto v = FindReportValue(json, field)) {
        auto& slot = sums[field][row.Int(0)];
        slot.first = row.Text(1);
        slot.second += *v;
      }
    }
    return true;
  }));
  std::map<std::string, SourceFigure> out;
  for (auto& [field, firms] : sums)
    for (auto& [id, v] : firms) Add(out[field], {"enterprise", id, v.first, v.second});
  return out;
}

StatusOr<SourceFigure> SqlReconciliationRepository::ProjectInvestment(int64_t park, Period month) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT p.id, p.name, m.completed FROM project_monthly m JOIN projects "
                                              "p ON p.id = m.project_id WHERE m.park_id = ? AND m.period = ? "
                                              "ORDER BY m.completed DESC, p.id",
                                              {park, month.ToString()}));
  SourceFigure f;
  for (const auto& r : rows) Add(f, {"project", r.Int(0), r.Text(1), r.Double(2)});
  return f;
}

StatusOr<std::map<std::string, SourceFigure>> SqlReconciliationRepository::EvaluationInputs(int64_t park, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows,
                          c->Query("SELECT enterprise_id, COALESCE(enterprise_name, ''), output, revenue, value_added, "
                                   "tax, energy_tce, land_mu FROM eval_inputs WHERE park_id = ? AND year = ? "
                                   "ORDER BY enterprise_id",
                                   {park, int64_t{year}}));
  const char* const kFields[] = {"output", "revenue", "value_added", "tax", "energy", "land_mu"};
  std::map<std::string, SourceFigure> out;
  for (const auto& r : rows)
    for (size_t i = 0; i < 6; ++i)
      if (auto v = r.OptDouble(2 + i)) Add(out[kFields[i]], {"enterprise", r.Int(0), r.Text(1), *v});
  return out;
}

StatusOr<SourceFigure> SqlReconciliationRepository::ParcelAreas(const std::vector<int64_t>& tree,
                                                                const std::vector<int64_t>& firms) {
  SourceFigure f;
  if (firms.empty() || tree.empty()) return f;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> params(tree.begin(), tree.end());
  params.insert(params.end(), firms.begin(), firms.end());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT l.holder_enterprise_id, MAX(l.holder_name), SUM(l.area_mu) FROM "
                                              "land_parcels l WHERE l.park_id IN " + In(tree.size()) +
                                                  " AND l.holder_enterprise_id IN " + In(firms.size()) +
                                                  " GROUP BY l.holder_enterprise_id ORDER BY l.holder_enterprise_id",
                                              params));
  for (const auto& r : rows) Add(f, {"enterprise", r.Int(0), r.Text(1), r.Double(2)});
  return f;
}

StatusOr<SourceFigure> SqlReconciliationRepository::Registry(int64_t park, const char* column, Period from, Period to) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  const std::string sql = std::string("SELECT id, name FROM enterprises WHERE park_id = ? AND ") + column +
                          " >= ? AND " + column + " <= ?" +
                          (std::string(column) == "scale_changed_on" ? " AND above_scale = 1" : "") + " ORDER BY id";
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql, {park, from.ToString() + "-01", Date::LastOfMonth(to).ToString()}));
  SourceFigure f;  // no entries: no figure (a park that records none has nothing to reconcile)
  for (const auto& r : rows) Add(f, {"enterprise", r.Int(0), r.Text(1), 1.0});
  return f;
}

StatusOr<SourceFigure> SqlReconciliationRepository::NewAboveScale(int64_t park, Period from, Period to) {
  return Registry(park, "scale_changed_on", from, to);
}

StatusOr<SourceFigure> SqlReconciliationRepository::NewMovedIn(int64_t park, Period from, Period to) {
  return Registry(park, "moved_in_on", from, to);
}

StatusOr<std::map<std::string, std::string>> SqlReconciliationRepository::Settings(int64_t park) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT park_id, key, value FROM settings WHERE park_id IN (0, ?) AND "
                                              "(key LIKE 'monitoring.source.%' OR key = 'figures.tolerance_pct') "
                                              "ORDER BY park_id",
                                              {park}));
  std::map<std::string, std::string> out;
  for (const auto& r : rows) out[r.Text(1)] = r.Text(2);  // the park's own after the defaults
  return out;
}

StatusOr<std::map<std::string, figures::Explanation>> SqlReconciliationRepository::Explanations(int64_t park,
                                                                                               Period month) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT indicator, text, username, updated_at FROM reconciliation_notes "
                                              "WHERE park_id = ? AND period = ?",
                                              {park, month.ToString()}));
  std::map<std::string, figures::Explanation> out;
  for (const auto& r : rows) out[r.Text(0)] = {r.Text(1), r.Text(2), r.Text(3)};
  return out;
}

Status SqlReconciliationRepository::PutExplanation(int64_t park, Period month, const std::string& indicator,
                                                   const std::string& text, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap = "SELECT park_id, period, indicator, text, username, updated_at FROM reconciliation_notes "
                           "WHERE park_id = ? AND period = ? AND indicator = ?";
  const std::vector<Value> key{park, month.ToString(), indicator};
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, key));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM reconciliation_notes WHERE park_id = ? AND period = ? AND indicator = ?", key).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO reconciliation_notes(park_id, period, indicator, text, username, "
                                 "updated_at) VALUES (?,?,?,?,?,?)",
                                 {park, month.ToString(), indicator, text, who.username, NowIso()})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, key));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "reconciliation_note",
                                    month.ToString() + "/" + indicator, park, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
