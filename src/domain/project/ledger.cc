#include "domain/project/ledger.h"

#include "common/limits.h"

#include <cstdlib>
#include <set>

#include "io/reader.h"

namespace parkhq::project {
namespace {

const char kName[] = "项目名称";
const char kInvestor[] = "投资主体";
const char kKind[] = "性质";
const char kStage[] = "阶段";
const char kTotal[] = "总投资（万元）";
const char kContracted[] = "签约投资（万元）";
const char kYear[] = "计划年度";
const char kPlan[] = "年度计划投资（万元）";
const char kLeader[] = "包抓领导";
const char kTeam[] = "工作专班";
const char kIndustry[] = "产业";
const char kParcel[] = "地块";
const char kContent[] = "建设内容";

std::string PlannedHeader(Stage s) { return std::string("计划") + StageNameZh(s) + "日期"; }
std::string ActualHeader(Stage s) { return std::string("实际") + StageNameZh(s) + "日期"; }

// API field name (from ValidateProject) → column header.
std::string HeaderOfField(const std::string& field) {
  static const std::map<std::string, std::string> kFields = {
      {"name", kName}, {"total_investment", kTotal}, {"contracted_investment", kContracted}, {"kind", kKind}};
  if (auto it = kFields.find(field); it != kFields.end()) return it->second;
  for (Stage s : kAllStages) {
    if (field == std::string("planned.") + StageCode(s)) return PlannedHeader(s);
    if (field == std::string("actual.") + StageCode(s)) return ActualHeader(s);
  }
  if (field.rfind("annual_plans", 0) == 0) return field.find("year") != std::string::npos ? kYear : kPlan;
  return field;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::vector<io::Column> LedgerColumns(bool with_export_only) {
  using K = io::ColumnKind;
  std::vector<io::Column> c = {{kName, 34, K::kText},       {kInvestor, 24, K::kText},  {kKind, 8, K::kText},
                               {kStage, 8, K::kText},       {kTotal, 14, K::kNumber},  {kContracted, 14, K::kNumber},
                               {kYear, 10, K::kInteger},    {kPlan, 16, K::kNumber}};
  for (Stage s : kAllStages)
    if (s != Stage::kReserve) c.push_back({PlannedHeader(s), 13, K::kDate});
  for (Stage s : kAllStages)
    if (s != Stage::kReserve) c.push_back({ActualHeader(s), 13, K::kDate});
  for (const char* h : {kLeader, kTeam, kIndustry, kParcel}) c.push_back({h, 14, K::kText});
  c.push_back({kContent, 30, K::kText});
  if (with_export_only) {
    c.push_back({"年内完成投资（万元）", 16, K::kNumber});
    c.push_back({"开工灯", 8, K::kText});
    c.push_back({"进度灯", 8, K::kText});
    c.push_back({"责任单位", 14, K::kText});
    c.push_back({"停缓建/终止", 12, K::kText});
  }
  return c;
}

std::vector<io::CellValue> LedgerRow(const ProjectRecord& r, int year, const std::string& start_light,
                                     const std::string& progress_light, double completed_ytd) {
  const Project& p = r.core;
  auto date = [](const std::optional<Date>& d) -> io::CellValue {
    if (!d) return std::monostate{};
    return d->ToString();
  };
  std::vector<io::CellValue> v = {p.name, r.investor, std::string(KindNameZh(p.kind)),
                                  std::string(StageNameZh(p.stage)), p.total_investment, p.contracted_investment};
  auto plan = PlannedInvestment(p, year);
  v.push_back(plan ? io::CellValue(static_cast<double>(year)) : io::CellValue());
  v.push_back(plan ? io::CellValue(*plan) : io::CellValue());
  for (Stage s : kAllStages)
    if (s != Stage::kReserve) v.push_back(date(p.planned[s]));
  for (Stage s : kAllStages)
    if (s != Stage::kReserve) v.push_back(date(p.actual[s]));
  for (const std::string* t : {&r.responsible_leader, &r.responsible_team, &r.industry, &r.parcel_ref, &r.content})
    v.push_back(*t);
  v.push_back(completed_ytd);
  v.push_back(start_light);
  v.push_back(progress_light);
  v.push_back(r.responsible_unit_name);
  v.push_back(std::string(p.terminated_on ? "终止" : p.suspended_on ? "停缓建" : ""));
  return v;
}

LedgerImport ParseLedger(const std::vector<io::InputRow>& rows, int64_t park_id, Date today) {
  LedgerImport out;
  if (rows.empty()) {
    out.errors.push_back({1, kName, "文件为空，请使用导入模板"});
    return out;
  }
  std::map<std::string, size_t> col;  // header → position
  for (size_t i = 0; i < rows[0].cells.size(); ++i) col[Trim(rows[0].cells[i])] = i;
  for (const char* required : {kName, kKind, kTotal})
    if (!col.count(required)) out.errors.push_back({rows[0].row, required, "缺少此列，请使用导入模板"});
  if (!out.errors.empty()) return out;

  std::set<std::string> names;
  for (size_t i = 1; i < rows.size(); ++i) {
    const io::InputRow& row = rows[i];
    auto cell = [&](const std::string& h) -> std::string {
      auto it = col.find(h);
      return it == col.end() ? "" : Trim(row.at(it->second));
    };
    bool blank = true;
    for (const auto& c : row.cells) blank = blank && Trim(c).empty();
    if (blank) continue;
    std::vector<io::ImportError> errs;
    auto number = [&](const char* h, double& target, bool required) {
      const std::string s = cell(h);
      if (s.empty()) {
        if (required) errs.push_back({row.row, h, "必填"});
        return;
      }
      char* end = nullptr;
      const double v = std::strtod(s.c_str(), &end);
      if (end == s.c_str() || *end != '\0') errs.push_back({row.row, h, "应为数字（" + s + "）"});
      else if (std::string bad = NumberProblem(v); !bad.empty()) errs.push_back({row.row, h, bad});
      else target = v;
    };
    auto date = [&](const std::string& h, std::optional<Date>& target) {
      const std::string s = cell(h);
      if (s.empty()) return;
      const std::string norm = io::NormalizeDateCell(s);
      auto d = Date::Parse(norm);
      if (!d) errs.push_back({row.row, h, "日期格式应为 YYYY-MM-DD（" + s + "）"});
      else target = d;
    };

    ProjectRecord r;
    r.core.park_id = park_id;
    r.core.name = cell(kName);
    if (r.core.name.empty()) errs.push_back({row.row, kName, "必填"});
    else if (!names.insert(r.core.name).second) errs.push_back({row.row, kName, "文件中项目名称重复"});
    r.investor = cell(kInvestor);
    const std::string kind = cell(kKind);
    if (kind == "新建" || kind == "new") r.core.kind = Kind::kNew;
    else if (kind == "续建" || kind == "continuing") r.core.kind = Kind::kContinuing;
    else errs.push_back({row.row, kKind, "应为「新建」或「续建」"});
    number(kTotal, r.core.total_investment, true);
    number(kContracted, r.core.contracted_investment, false);
    double year = 0, plan = 0;
    number(kYear, year, false);
    number(kPlan, plan, false);
    if (!cell(kPlan).empty()) {
      if (cell(kYear).empty()) errs.push_back({row.row, kYear, "填写年度计划投资时须填写计划年度"});
      else r.core.annual_plans.push_back({static_cast<int>(year), plan});
    }
    for (Stage s : kAllStages) {
      if (s == Stage::kReserve) continue;
      date(PlannedHeader(s), r.core.planned[s]);
      date(ActualHeader(s), r.core.actual[s]);
    }
    // The stage: as given, else the last stage with an actual date, else 储备.
    const std::string stage = cell(kStage);
    std::optional<Stage> st;
    for (Stage s : kAllStages)
      if (stage == StageNameZh(s) || stage == StageCode(s)) st = s;
    if (!stage.empty() && !st) errs.push_back({row.row, kStage, "应为 储备/签约/落地/开工/竣工/投产"});
    if (!st) {
      st = Stage::kReserve;
      for (Stage s : kAllStages)
        if (r.core.actual[s]) st = s;
    }
    r.core.stage = *st;
    if (!r.core.actual[Stage::kReserve]) {
      std::optional<Date> first;
      for (Stage s : kAllStages)
        for (const auto& d : {r.core.actual[s], r.core.planned[s]})
          if (d && (!first || *d < *first)) first = d;
      Date reserve = first ? Date{first->year, 1, 1} : today;
      if (reserve > today) reserve = today;
      r.core.actual[Stage::kReserve] = reserve;
    }
    r.responsible_leader = cell(kLeader);
    r.responsible_team = cell(kTeam);
    r.industry = cell(kIndustry);
    r.parcel_ref = cell(kParcel);
    r.content = cell(kContent);
    if (errs.empty()) {
      Status v = ValidateProject(r.core, today);
      for (const auto& d : v.details()) errs.push_back({row.row, HeaderOfField(d.field), d.message});
    }
    out.errors.insert(out.errors.end(), errs.begin(), errs.end());
    out.records.push_back(std::move(r));
    out.rows.push_back(row.row);
  }
  if (out.records.empty() && out.errors.empty()) out.errors.push_back({2, kName, "文件中没有数据行"});
  return out;
}

}  // namespace parkhq::project
