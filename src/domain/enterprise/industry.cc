#include "domain/enterprise/industry.h"

#include <algorithm>
#include <array>
#include <set>

namespace parkhq::enterprise {
namespace {

constexpr size_t kMaxDetails = 200;
const char* const kColumns[] = {"code", "level", "name", "parent"};

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

// One CSV line into cells: commas separate, a cell may be quoted ("" inside is a quote).
std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> cols(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { cols.back() += '"'; ++i; }
      else if (c == '"') quoted = false;
      else cols.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cols.emplace_back();
    } else {
      cols.back() += c;
    }
  }
  return cols;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Column index by header, with the Chinese names accepted.
std::optional<IndustryLevel> LevelOfCell(const std::string& s) {
  if (auto l = ParseIndustryLevel(s)) return l;
  if (s == "门类") return IndustryLevel::kSection;
  if (s == "大类") return IndustryLevel::kDivision;
  if (s == "中类") return IndustryLevel::kGroup;
  if (s == "小类") return IndustryLevel::kClass;
  return std::nullopt;
}

int ColumnOf(const std::string& header) {
  static const std::pair<const char*, int> kNames[] = {
      {"code", 0},   {"代码", 0},     {"行业代码", 0}, {"level", 1},    {"层级", 1},
      {"级别", 1},   {"name", 2},     {"名称", 2},     {"类别名称", 2}, {"parent", 3},
      {"上级", 3},   {"上级代码", 3},
  };
  for (const auto& [n, i] : kNames)
    if (header == n) return i;
  return -1;
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
  std::vector<IndustryInputRow> rows;
  for (size_t i = 0; i < lines.size(); ++i) {
    IndustryInputRow r{static_cast<int>(i), SplitCsvLine(lines[i])};
    if (i > 0 && r.cells.size() != 4 && !lines[i].empty())
      return Status::Validation("行业分类文件有错误",
                                {{RowField(i, "code"), "应有4列（code,level,name,parent），实际" +
                                                           std::to_string(r.cells.size()) + "列"}});
    rows.push_back(std::move(r));
  }
  return FromRows(rows);
}

StatusOr<IndustryTable> IndustryTable::FromRows(const std::vector<IndustryInputRow>& rows) {
  const char kHeaderHelp[] = "表头应包含 code（代码）、level（层级）、name（名称）、parent（上级代码）四列";
  if (rows.empty()) return Status::Validation("行业分类文件为空", {{"header", kHeaderHelp}});
  std::array<int, 4> col{-1, -1, -1, -1};
  for (size_t i = 0; i < rows[0].cells.size(); ++i) {
    std::string h = Trim(rows[0].cells[i]);
    if (i == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h = h.substr(3);
    int c = ColumnOf(h);
    if (c >= 0 && col[c] < 0) col[c] = static_cast<int>(i);
  }
  if (std::find(col.begin(), col.end(), -1) != col.end())
    return Status::Validation("行业分类文件的表头不对：" + std::string(kHeaderHelp), {{"header", kHeaderHelp}});

  IndustryTable table;
  std::vector<FieldError> errors;
  size_t error_count = 0;
  auto fail = [&](int row, int column, std::string message) {
    ++error_count;
    if (errors.size() < kMaxDetails) errors.push_back({RowField(row, kColumns[column]), std::move(message)});
  };
  std::vector<int> row_numbers;  // the row number of each kept row
  for (size_t i = 1; i < rows.size(); ++i) {
    const IndustryInputRow& in = rows[i];
    auto cell = [&](int c) { return static_cast<size_t>(col[c]) < in.cells.size() ? Trim(in.cells[col[c]]) : ""; };
    std::array<std::string, 4> v{cell(0), cell(1), cell(2), cell(3)};
    if (std::all_of(v.begin(), v.end(), [](const std::string& x) { return x.empty(); })) continue;  // blank row
    std::optional<IndustryLevel> level = LevelOfCell(v[1]);
    if (!level) { fail(in.row, 1, "层级应为 section/division/group/class（门类/大类/中类/小类）"); continue; }
    if (!CodeFitsLevel(v[0], *level)) {
      static const char* kShape[] = {"门类代码应为1个大写字母", "大类代码应为2位数字", "中类代码应为3位数字",
                                     "小类代码应为4位数字"};
      fail(in.row, 0, std::string(kShape[static_cast<int>(*level)]) + "，实际为“" + v[0] + "”");
      continue;
    }
    if (v[2].empty()) { fail(in.row, 2, "名称不能为空"); continue; }
    if (table.index_.count(v[0])) { fail(in.row, 0, "代码重复：" + v[0]); continue; }
    table.index_.emplace(v[0], table.rows_.size());
    table.rows_.push_back({v[0], *level, v[2], v[3]});
    row_numbers.push_back(in.row);
  }
  for (size_t k = 0; k < table.rows_.size(); ++k) {
    const IndustryCode& r = table.rows_[k];
    if (r.level == IndustryLevel::kSection) {
      if (!r.parent.empty()) fail(row_numbers[k], 3, "门类不应有上级代码");
      continue;
    }
    const IndustryCode* p = table.Find(r.parent);
    bool ok = p != nullptr && static_cast<int>(p->level) + 1 == static_cast<int>(r.level) &&
              (p->level == IndustryLevel::kSection || r.code.rfind(p->code, 0) == 0);
    if (!ok) fail(row_numbers[k], 3, "上级代码“" + r.parent + "”不存在或层级不符");
  }
  if (!errors.empty())
    return Status::Validation("行业分类文件有 " + std::to_string(error_count) + " 处错误，未导入", std::move(errors));
  if (table.rows_.empty()) return Status::Validation("行业分类文件没有数据行", {{"rows", "没有数据行"}});
  return table;
}

std::string IndustryTable::ToCsv() const {
  std::string out = "code,level,name,parent\n";
  for (const IndustryCode& r : rows_)
    out += r.code + "," + IndustryLevelName(r.level) + "," + CsvCell(r.name) + "," + r.parent + "\n";
  return out;
}

IndustryTableDiff IndustryTable::DiffFrom(const IndustryTable& before) const {
  IndustryTableDiff d;
  d.rows_before = before.rows_.size();
  d.rows_after = rows_.size();
  for (const IndustryCode& r : rows_) {
    const IndustryCode* old = before.Find(r.code);
    if (old == nullptr) d.added.push_back(r.code);
    else if (old->name != r.name) d.renamed.push_back(r.code);
  }
  for (const IndustryCode& r : before.rows_)
    if (Find(r.code) == nullptr) d.removed.push_back(r.code);
  return d;
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
