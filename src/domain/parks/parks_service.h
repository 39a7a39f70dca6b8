// Use cases of the parks-compared module (issue 13 items 1 and 2). Scope rules: the region
// evaluation covers the top-level parks of the region (and regions below it) the caller may read
// (sysadmin and leaders of all parks see all; a park's users see their park) — 404 when none;
// entered values and the ledger are written by sysadmins and the park's admins (403 otherwise,
// 404 for a park the caller cannot read). Thread-safe: no mutable state.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/org/org_repository.h"
#include "domain/parks/park_eval_calc.h"
#include "domain/parks/parks.h"
#include "domain/parks/parks_repository.h"

namespace parkhq::parks {

struct ParkEvaluation {
  int64_t park_id = 0;
  std::string park_name;
  bool is_demo = false;
  ParkResult result;
  std::optional<double> previous_score;  // same scheme, the year before
  std::optional<int> previous_rank;
  std::vector<std::pair<std::string, double>> lost;  // indicators costing the most points
  std::map<std::string, double, std::less<>> variables;  // the inputs, for tracing
};

struct RegionEvaluation {
  int64_t region_id = 0;
  std::string region_name;
  int year = 0;
  EvalScheme scheme;
  std::vector<ParkEvaluation> parks;  // by rank
};

class ParksService {
 public:
  ParksService(OrgRepository& org, ParksRepository& repo) : org_(org), repo_(repo) {}

  StatusOr<std::vector<EvalScheme>> ListSchemes(const Scope& s) const;
  // 404 unknown region / scheme or no readable park; 422 year outside 2000-2100.
  StatusOr<RegionEvaluation> EvaluateRegion(const Scope& s, int64_t region_id, int year,
                                            const std::string& scheme_code) const;

  StatusOr<std::vector<EvalEntry>> ListEntries(const Scope& s, int64_t park_id, int year) const;
  // 422 naming entries[i].code / value / evidence; nothing written then.
  Status PutEntries(const Scope& s, int64_t park_id, int year, const std::vector<EvalEntry>& entries) const;

  // The schemes are configuration a sysadmin edits (scheme_config.cc): an indicator of a scheme is
  // added or changed (name, category of the scheme, unit, formula over platform variables or an
  // entered variable, direction, weight in (0, 100], method, benchmark > 0 for the ratio method) or
  // removed. 403 for anyone else, 404 for an unknown scheme or indicator, 422 naming the field.
  StatusOr<EvalScheme> PutSchemeIndicator(const Scope& s, const std::string& scheme, EvalIndicator ind) const;
  StatusOr<EvalScheme> DeleteSchemeIndicator(const Scope& s, const std::string& scheme, const std::string& code) const;

  StatusOr<std::vector<ChemCategoryProgress>> ChemLedger(const Scope& s, int64_t park_id) const;
  StatusOr<ChemItem> CreateChemItem(const Scope& s, ChemItem item) const;
  // item.id names the item; its park comes from the stored row.
  StatusOr<ChemItem> UpdateChemItem(const Scope& s, ChemItem item) const;
  Status DeleteChemItem(const Scope& s, int64_t id) const;

 private:
  StatusOr<Park> ReadablePark(const Scope& s, int64_t park_id) const;
  StatusOr<Park> WritablePark(const Scope& s, int64_t park_id) const;
  StatusOr<std::vector<std::map<std::string, std::optional<double>>>> IndicatorValues(
      const EvalScheme& scheme, const std::vector<Park>& all, const std::vector<int64_t>& ids, int year,
      std::vector<std::map<std::string, double, std::less<>>>* vars) const;

  OrgRepository& org_;
  ParksRepository& repo_;
};

}  // namespace parkhq::parks
