// Reconciliation (对账) between sources that measure one thing (issue 11 item 2): a park's monthly
// figure entered directly vs the sum of its firms' approved reports; park FAI vs the projects'
// completed investment; evaluation inputs vs the year's reports and parcels; counts in monitoring
// vs the registry. Pure values and the comparison rule; the use case is ReconciliationService.
// Formulas and the authoritative-source rules: docs/figures.md.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parkhq::figures {

// One record behind a source's figure (drill-down): a park's entry, a firm's report sum, a project.
struct SourceRecord {
  std::string kind;  // "park" | "enterprise" | "project" | "parcel"
  int64_t id = 0;
  std::string label;
  double value = 0;
};

struct SourceFigure {
  std::optional<double> value;  // nullopt: the source has no figure for the period
  std::vector<SourceRecord> records;
};

// How the second source relates to the first (authoritative) one.
enum class Relation {
  kEqual,   // the two must agree within the tolerance
  kPartOf,  // the second is a part of the first: second <= first (+ tolerance)
};
const char* RelationName(Relation r);  // "equal" | "part_of"

struct Tolerance {
  double pct = 1.0;    // of the authoritative figure's magnitude, >= 0
  double absolute = 0.01;  // floor in the indicator's unit (0 for counts)
};

struct PairInput {
  std::string indicator;  // "output", "fai", "eval.tax", "new_above_scale", ...
  std::string name;       // Chinese name of the compared figure
  std::string unit;
  std::string first_source, second_source;  // e.g. "direct", "enterprise_reports"
  SourceFigure first, second;
  Relation relation = Relation::kEqual;
  std::string rule;  // which source is authoritative, in words (Chinese)
};

struct PairResult {
  PairInput input;
  std::optional<double> difference;      // first − second; nullopt when either is missing
  std::optional<double> difference_pct;  // difference / |first| × 100; nullopt when first is 0 or missing
  bool within_tolerance = true;
};

// Compares one pair. Equal: within when |first − second| <= max(absolute, pct% × |first|).
// Part of: within when second <= first + max(absolute, pct% × |first|); a missing second counts
// as 0 (no project reported). A figure present on one side only is a difference (not within),
// except a missing part; both missing is within (nothing to compare).
PairResult Reconcile(PairInput in, const Tolerance& t);

// A staff note on a standing difference.
struct Explanation {
  std::string text;
  std::string username;
  std::string at;  // UTC ISO 8601
};

}  // namespace parkhq::figures
