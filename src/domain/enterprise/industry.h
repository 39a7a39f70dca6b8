// 国民经济行业分类 GB/T 4754-2017 (industry_code) and the park's 主导产业 leading-industry groups.
//
// The code table is data: src/app/seed/gbt4754.csv (code,level,name,parent; UTF-8, header line),
// embedded into the binary as seed data and importable by admins. Codes are text ("01", "0111").
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/status_or.h"

namespace parkhq::enterprise {

enum class IndustryLevel { kSection, kDivision, kGroup, kClass };  // 门类 大类 中类 小类

// "section" | "division" | "group" | "class"
const char* IndustryLevelName(IndustryLevel level);
std::optional<IndustryLevel> ParseIndustryLevel(std::string_view s);

struct IndustryCode {
  std::string code;    // "C", "25", "252", "2523"
  IndustryLevel level = IndustryLevel::kSection;
  std::string name;    // 煤制液体燃料生产
  std::string parent;  // "" for sections
};

// One row of an uploaded table (CSV or XLSX, read by src/io): its row number as the user sees it
// and its cells. The first row given is the header.
struct IndustryInputRow {
  int row = 0;
  std::vector<std::string> cells;
};

// What a replacement table changes against the current one (for the audit row and the answer).
struct IndustryTableDiff {
  size_t rows_before = 0, rows_after = 0;
  std::vector<std::string> added, removed, renamed;  // codes, in table order
};

// An immutable lookup over the code table. Safe to share between threads once built.
class IndustryTable {
 public:
  // Parses the CSV text (header "code,level,name,parent", then one row per code; a trailing
  // newline and \r\n line ends are accepted). Checks every row: 4 columns, a known level, a code
  // shaped for its level (section A-Z; division 2, group 3, class 4 digits), a non-empty name,
  // unique codes, and a parent that exists one level up whose code prefixes the child's (sections:
  // empty parent). On failure returns Status::Validation with one detail per bad row, field
  // "rows[N].<column>" with N the 1-based data row number (header not counted); at most 50 details.
  static StatusOr<IndustryTable> ParseCsv(std::string_view csv);

  // The same checks over rows already split into cells (an uploaded CSV or XLSX). The header (the
  // first row) names the columns in any order: code/代码, level/层级, name/名称, parent/上级代码
  // (missing: detail "header"). Levels are section/division/group/class or 门类/大类/中类/小类.
  // Cells are trimmed; blank rows are skipped; a row shorter than the header reads "" for the
  // missing cells (XLSX leaves trailing empty cells out). Details "rows[N].<column>" with N the
  // row's own number; at most 200 details.
  static StatusOr<IndustryTable> FromRows(const std::vector<IndustryInputRow>& rows);

  // The table as the embedded CSV format (header code,level,name,parent; \n line ends; names with
  // a comma or quote are quoted): ParseCsv(ToCsv()) gives the same table back.
  std::string ToCsv() const;
  // Codes added, removed and renamed going from `before` to this table.
  IndustryTableDiff DiffFrom(const IndustryTable& before) const;

  // The row for a code, or nullptr.
  const IndustryCode* Find(std::string_view code) const;
  // The chain from the section down to the code itself (empty when unknown), e.g. C, 25, 252, 2523.
  std::vector<const IndustryCode*> Path(std::string_view code) const;
  // Direct children, in file order.
  std::vector<const IndustryCode*> Children(std::string_view code) const;
  const std::vector<IndustryCode>& rows() const { return rows_; }
  size_t CountAt(IndustryLevel level) const;

  // For an enterprise's industry_code: OK when the code exists at division, group or class level;
  // otherwise Status::FieldInvalid("industry_code", ...) ("行业代码不存在" or, for a section letter,
  // "行业代码须精确到大类（2位）或更细").
  Status ValidateEnterpriseCode(std::string_view code) const;

 private:
  std::vector<IndustryCode> rows_;
  std::unordered_map<std::string, size_t> index_;
};

// 主导产业 leading-industry groups of the park.
enum class LeadingGroup { kCoalChemical, kPower, kMetallurgy, kBuildingMaterials, kOther };
inline constexpr LeadingGroup kAllLeadingGroups[] = {
    LeadingGroup::kCoalChemical, LeadingGroup::kPower, LeadingGroup::kMetallurgy,
    LeadingGroup::kBuildingMaterials, LeadingGroup::kOther};

// "coal_chemical" | "power" | "metallurgy" | "building_materials" | "other"
const char* LeadingGroupCode(LeadingGroup g);
// 煤化工 | 电力 | 环保型冶金 | 新型建材 | 其他
const char* LeadingGroupNameZh(LeadingGroup g);
std::optional<LeadingGroup> ParseLeadingGroup(std::string_view code);

// One mapping row: industry codes starting with `code_prefix` (a division, group or class code)
// belong to `group`. The most specific (longest) matching prefix wins.
struct LeadingGroupRule {
  std::string code_prefix;
  LeadingGroup group = LeadingGroup::kOther;
};

class LeadingGroupMapping {
 public:
  // The default table (docs/enterprises.md): 252 煤炭加工 and 26 化学原料和化学制品制造业 ->
  // coal_chemical; 44 电力、热力生产和供应业 -> power; 31 黑色 and 32 有色金属冶炼和压延加工业 ->
  // metallurgy; 30 非金属矿物制品业 -> building_materials; everything else -> other.
  static LeadingGroupMapping Default();
  // Validates an edited table: each prefix 2-4 digits, no prefix twice, and, when `table` is given,
  // each prefix an existing code. Failure: Status::Validation with details "rules[N].code_prefix"
  // (N 0-based).
  static StatusOr<LeadingGroupMapping> Create(std::vector<LeadingGroupRule> rules,
                                              const IndustryTable* table);

  // The group of an enterprise's industry code (longest matching prefix; kOther when none matches,
  // including for section letters and empty codes).
  LeadingGroup Classify(std::string_view industry_code) const;
  const std::vector<LeadingGroupRule>& rules() const { return rules_; }

 private:
  explicit LeadingGroupMapping(std::vector<LeadingGroupRule> rules) : rules_(std::move(rules)) {}
  std::vector<LeadingGroupRule> rules_;
};

}  // namespace parkhq::enterprise
