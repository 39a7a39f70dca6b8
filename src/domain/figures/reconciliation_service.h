// The reconciliation use case (issue 11 item 2): for a park and a month, every pair of sources that
// measure one thing, compared under the park's tolerance, with the records on each side and the
// staff's explanations. Thread-safe (no mutable state).
//
// Access: readers (sysadmin, park admin, department, leader) of the park; 404 outside the scope;
// enterprise users 403. Explanations: park staff and departments serving the park (not leaders,
// not read-only tokens), audited.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"
#include "domain/figures/reconciliation.h"
#include "domain/org/org_repository.h"

namespace parkhq::figures {

// What reconciliation reads. `tree` is a top-level park and its sub-parks; `park` the top one.
class ReconciliationRepository {
 public:
  virtual ~ReconciliationRepository() = default;
  // The park's directly entered monitoring figures of months from..to summed, per indicator code:
  // the top park's own entries when it has any in the range, else the sum of its sub-parks'.
  virtual StatusOr<std::map<std::string, SourceFigure>> DirectFigures(int64_t park, const std::vector<int64_t>& tree,
                                                                      Period from, Period to) = 0;
  // Sums of approved enterprise reports of months from..to per report field, one record per firm.
  // `above_scale_only`: only firms registered above scale (规上). `only_firms`: when not empty,
  // only these enterprise ids.
  virtual StatusOr<std::map<std::string, SourceFigure>> ReportSums(int64_t park, Period from, Period to,
                                                                   bool above_scale_only,
                                                                   const std::vector<int64_t>& only_firms) = 0;
  // Projects' completed investment of the month, one record per project.
  virtual StatusOr<SourceFigure> ProjectInvestment(int64_t park, Period month) = 0;
  // Evaluation inputs of the year per field (output, revenue, value_added, tax, energy, land_mu), one
  // record per firm; empty when the year has none.
  virtual StatusOr<std::map<std::string, SourceFigure>> EvaluationInputs(int64_t park, int year) = 0;
  // Parcel areas (亩) held by these firms, one record per firm.
  virtual StatusOr<SourceFigure> ParcelAreas(const std::vector<int64_t>& tree, const std::vector<int64_t>& firms) = 0;
  // Registry counts of firms that became above scale / moved in between from-01 and the end of to.
  virtual StatusOr<SourceFigure> NewAboveScale(int64_t park, Period from, Period to) = 0;
  virtual StatusOr<SourceFigure> NewMovedIn(int64_t park, Period from, Period to) = 0;
  // Park settings: "monitoring.source.<code>" and "figures.tolerance_pct" (absent: defaults).
  virtual StatusOr<std::map<std::string, std::string>> Settings(int64_t park) = 0;
  virtual StatusOr<std::map<std::string, Explanation>> Explanations(int64_t park, Period month) = 0;
  // Writes (or replaces) the explanation of one pair with an audit row in the same transaction.
  virtual Status PutExplanation(int64_t park, Period month, const std::string& indicator, const std::string& text,
                                const Scope& who) = 0;
};

struct ReconciliationItem {
  PairResult pair;
  std::optional<Explanation> explanation;
};

struct Reconciliation {
  int64_t park_id = 0;
  Period period;
  Tolerance tolerance;
  std::vector<ReconciliationItem> items;
};

class ReconciliationService {
 public:
  ReconciliationService(OrgRepository& org, ReconciliationRepository& repo) : org_(org), repo_(repo) {}

  // Every pair for the park (a sub-park answers for its top park) at `period`. 422 (field
  // "period") for a month after the current one.
  StatusOr<Reconciliation> ForPark(const Scope& s, int64_t park_id, Period period) const;
  // Records an explanation of one pair (1..1000 bytes; field "text"); 422 (field "indicator")
  // for a pair the period does not have. Returns the updated item.
  StatusOr<ReconciliationItem> Explain(const Scope& s, int64_t park_id, Period period, const std::string& indicator,
                                       const std::string& text) const;

 private:
  StatusOr<int64_t> TopPark(const Scope& s, int64_t park_id, std::vector<int64_t>* tree) const;
  StatusOr<std::vector<PairInput>> Pairs(int64_t park, const std::vector<int64_t>& tree, Period period,
                                         const std::map<std::string, std::string>& settings) const;
  OrgRepository& org_;
  ReconciliationRepository& repo_;
};

}  // namespace parkhq::figures
