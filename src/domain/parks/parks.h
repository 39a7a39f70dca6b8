// Value types of the parks-compared module (issue 13 items 1 and 2): a park's entered evaluation
// value with its evidence, and an item of the chemical-park recognition ledger. Plain values.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::parks {

// Variables a park may enter for a year, with their Chinese names and units (docs/parks.md).
struct EnteredVariable {
  const char* code;
  const char* name;
  const char* unit;
  double max;  // the largest plausible value
};
const std::vector<EnteredVariable>& EnteredVariables();
const EnteredVariable* FindEnteredVariable(std::string_view code);

struct EvalEntry {
  std::string code;
  double value = 0;
  std::string evidence;  // 佐证材料: required, at most 500 characters
  std::string updated_at;
  std::string updated_by;
};

enum class ChemStatus { kMet, kUnmet, kRectifying };
const char* ChemStatusCode(ChemStatus s);    // met | unmet | rectifying
const char* ChemStatusNameZh(ChemStatus s);  // 达标 | 未达标 | 整改中
std::optional<ChemStatus> ParseChemStatus(std::string_view s);

struct ChemItem {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string category;
  int64_t no = 0;
  std::string requirement;
  std::string units;
  std::optional<Date> deadline;
  ChemStatus status = ChemStatus::kUnmet;
  std::string evidence;
  std::optional<double> score;
  int64_t review_years = 3;  // 3 or 5
  std::optional<Date> last_review;
  std::string tracked;  // "" | river_setback | emergency_pool
  bool is_demo = false;
  std::string updated_at;
  std::string updated_by;
};

// The next re-review (复核) date: last_review + review_years; nullopt without a last review.
std::optional<Date> NextReview(const ChemItem& item);

// Checks an item against the known categories: category known, requirement 1-1000 characters,
// units <= 200, evidence <= 2000, review_years 3 or 5, score within 0-100, no 0-999, tracked
// known. Status::Validation with one detail per field.
Status ValidateChemItem(const ChemItem& item, const std::vector<std::string>& categories);

struct ChemCategoryProgress {
  std::string name;
  std::vector<ChemItem> items;
  int64_t done = 0;   // items 达标
  int64_t total = 0;
};

// Groups items by category in the categories' order (items of unknown categories after them),
// counting done (达标) and total per category.
std::vector<ChemCategoryProgress> GroupByCategory(const std::vector<std::string>& categories,
                                                  const std::vector<ChemItem>& items);

}  // namespace parkhq::parks
