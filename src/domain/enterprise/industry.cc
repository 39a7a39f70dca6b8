#include "domain/enterprise/industry.h"

#include <algorithm>
#include <set>

namespace parkhq::enterprise {
namespace {

constexpr size_t kMaxDetails = 50;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool CodeFitsLevel(std::string_view code, IndustryLevel level) {
  switch (level) {
    case IndustryLevel::kSection: return code.size() == 1 && code[0] >= 'A' && code[0] <= 'Z';
    case IndustryLevel::kDivision: return code.size() == 2 && AllDigits(code);
    case IndustryLevel::kGroup: return code.size() == 3 && AllDigits(code);
    case IndustryLevel::kClass: return code.size() == 4 && AllDigits(code);
  }
  return false;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> SplitComma(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t end = line.find(',', start);
    if (end == std::string_view::npos) {
      cols.push_back(line.substr(start));
      return cols;
    }
    cols.push_back(line.substr(start, end - start));
    start = end + 1;
  }
}

std::string RowField(size_t row, const char* column) {
  return "rows[" + std::to_string(row) + "]." + column;
}

}  // namespace

const char* IndustryLevelName(IndustryLevel level) {
  switch (level) {
    case IndustryLevel::kSection: return "section";
    case IndustryLevel::kDivision: return "division";
    case IndustryLevel::kGroup: return "group";
    case IndustryLevel::kClass: return "class";
  }
  return "section";
}

std::optional<IndustryLevel> ParseIndustryLevel(std::string_view s) {
  for (IndustryLevel l : {IndustryLevel::kSection, IndustryLevel::kDivision, IndustryLevel::kGroup,
                          IndustryLevel::kClass})
    if (s == IndustryLevelName(l)) return l;
  return std::nullopt;
}

StatusOr<IndustryTable> IndustryTable::ParseCsv(std::string_view csv) {
  if (csv.size() >= 3 && csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);  // BOM
  std::vector<std::string_view> lines = SplitLines(csv);
  if (lines.empty() || lines[0] != "code,level,name,parent")
    return Status::Validation("行业分类文件的表头应为 code,level,name,parent",
                              {{"header", "表头应为 code,level,name,parent"}});
  IndustryTable table;
  std::vector<FieldError> errors;
  auto fail = [&errors](size_t row, const char* column, std::string message) {
    if (errors.size() < kMaxDetails) errors.push_back({RowField(row, column), std::move(message)});
  };
  std::vector<size_t> row_numbers;  // data row number of each kept row
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty() && i + 1 == lines.size()) break;  // trailing newline
    std::vector<std::string_view> cols = SplitComma(lines[i]);
    if (cols.size() != 4) {
      fail(i, "code", "应有4列（code,level,name,parent），实际" + std::to_string(cols.size()) + "列");
      continue;
    }
    std::optional<IndustryLevel> level = ParseIndustryLevel(cols[1]);
    if (!level) { fail(i, "level", "层级应为 section/division/group/class"); continue; }
    if (!CodeFitsLevel(cols[0], *level)) { fail(i, "code", "代码与层级不符"); continue; }
    if (cols[2].empty()) { fail(i, "name", "名称不能为空"); continue; }
    std::string code(cols[0]);
    if (table.index_.count(code)) { fail(i, "code", "代码重复：" + code); continue; }
    table.index_.emplace(code, table.rows_.size());
    table.rows_.push_back({code, *level, std::string(cols[2]), std::string(cols[3])});
    row_numbers.push_back(i);
  }
  for (size_t k = 0; k < table.rows_.size(); ++k) {
    const IndustryCode& r = table.rows_[k];
    if (r.level == IndustryLevel::kSection) {
      if (!r.parent.empty()) fail(row_numbers[k], "parent", "门类不应有上级代码");
      continue;
    }
    const IndustryCode* p = table.Find(r.parent);
    bool ok = p != nullptr && static_cast<int>(p->level) + 1 == static_cast<int>(r.level) &&
              (p->level == IndustryLevel::kSection || r.code.rfind(p->code, 0) == 0);
    if (!ok) fail(row_numbers[k], "parent", "上级代码“" + r.parent + "”不存在或层级不符");
  }
  if (!errors.empty()) return Status::Validation("行业分类文件有错误", std::move(errors));
  if (table.rows_.empty()) return Status::Validation("行业分类文件没有数据行", {{"rows", "没有数据行"}});
  return table;
}

const IndustryCode* IndustryTable::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &rows_[it->second];
}

std::vector<const IndustryCode*> IndustryTable::Path(std::string_view code) const {
  std::vector<const IndustryCode*> path;
  for (const IndustryCode* c = Find(code); c != nullptr; c = c->parent.empty() ? nullptr : Find(c->parent))
    path.push_back(c);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<const IndustryCode*> IndustryTable::Children(std::string_view code) const {
  std::vector<const IndustryCode*> out;
  for (const IndustryCode& r : rows_)
    if (r.parent == code) out.push_back(&r);
  return out;
}

size_t IndustryTable::CountAt(IndustryLevel level) const {
  return static_cast<size_t>(
      std::count_if(rows_.begin(), rows_.end(), [level](const IndustryCode& r) { return r.level == level; }));
}

Status IndustryTable::ValidateEnterpriseCode(std::string_view code) const {
  const IndustryCode* c = Find(code);
  if (c == nullptr) return Status::FieldInvalid("industry_code", "行业代码不存在：" + std::string(code));
  if (c->level == IndustryLevel::kSection)
    return Status::FieldInvalid("industry_code", "行业代码须精确到大类（2位）或更细");
  return Status::Ok();
}

const char* LeadingGroupCode(LeadingGroup g) {
  switch (g) {
    case LeadingGroup::kCoalChemical: return "coal_chemical";
    case LeadingGroup::kPower: return "power";
    case LeadingGroup::kMetallurgy: return "metallurgy";
    case LeadingGroup::kBuildingMaterials: return "building_materials";
    case LeadingGroup::kOther: return "other";
  }
  return "other";
}

const char* LeadingGroupNameZh(LeadingGroup g) {
  switch (g) {
    case LeadingGroup::kCoalChemical: return "煤化工";
    case LeadingGroup::kPower: return "电力";
    case LeadingGroup::kMetallurgy: return "环保型冶金";
    case LeadingGroup::kBuildingMaterials: return "新型建材";
    case LeadingGroup::kOther: return "其他";
  }
  return "其他";
}

std::optional<LeadingGroup> ParseLeadingGroup(std::string_view code) {
  for (LeadingGroup g : kAllLeadingGroups)
    if (code == LeadingGroupCode(g)) return g;
  return std::nullopt;
}

LeadingGroupMapping LeadingGroupMapping::Default() {
  return LeadingGroupMapping({
      {"252", LeadingGroup::kCoalChemical},       // 煤炭加工 (炼焦, 煤制合成气, 煤制液体燃料 ...)
      {"26", LeadingGroup::kCoalChemical},        // 化学原料和化学制品制造业 (甲醇, 烯烃, 合成氨 ...)
      {"44", LeadingGroup::kPower},               // 电力、热力生产和供应业
      {"31", LeadingGroup::kMetallurgy},          // 黑色金属冶炼和压延加工业
      {"32", LeadingGroup::kMetallurgy},          // 有色金属冶炼和压延加工业
      {"30", LeadingGroup::kBuildingMaterials},   // 非金属矿物制品业 (水泥, 砖瓦, 玻璃, 陶瓷 ...)
  });
}

StatusOr<LeadingGroupMapping> LeadingGroupMapping::Create(std::vector<LeadingGroupRule> rules,
                                                          const IndustryTable* table) {
  std::vector<FieldError> errors;
  std::set<std::string> seen;
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string& p = rules[i].code_prefix;
    std::string field = "rules[" + std::to_string(i) + "].code_prefix";
    if (p.size() < 2 || p.size() > 4 || !AllDigits(p))
      errors.push_back({field, "行业代码应为2-4位数字（大类、中类或小类）"});
    else if (!seen.insert(p).second)
      errors.push_back({field, "行业代码重复：" + p});
    else if (table != nullptr && table->Find(p) == nullptr)
      errors.push_back({field, "行业代码不存在：" + p});
  }
  if (!errors.empty()) return Status::Validation("主导产业对照表有错误", std::move(errors));
  return LeadingGroupMapping(std::move(rules));
}

LeadingGroup LeadingGroupMapping::Classify(std::string_view industry_code) const {
  const LeadingGroupRule* best = nullptr;
  for (const LeadingGroupRule& r : rules_) {
    if (industry_code.substr(0, r.code_prefix.size()) != r.code_prefix) continue;
    if (best == nullptr || r.code_prefix.size() > best->code_prefix.size()) best = &r;
  }
  return best == nullptr ? LeadingGroup::kOther : best->group;
}

}  // namespace parkhq::enterprise
