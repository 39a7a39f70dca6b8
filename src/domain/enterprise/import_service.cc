// The CSV import of monthly reports (EnterpriseService::ImportReports).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "domain/enterprise/enterprise_service.h"

#include "common/limits.h"
#include "domain/enterprise/uscc.h"

namespace parkhq::enterprise {
namespace {

struct Layout {
  int uscc = -1, period = -1;
  std::vector<std::pair<int, std::string>> fields;  // column index, field code
  std::vector<std::string> names;                   // header cells
};

Layout ReadLayout(std::vector<std::string> header, const std::vector<ReportField>& fields,
                  std::vector<ImportError>& errors) {
  Layout l;
  if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0] = header[0].substr(3);
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string h(TrimCell(header[i]));
    l.names.push_back(h);
    if (h == "uscc" || h == "统一社会信用代码") l.uscc = static_cast<int>(i);
    else if (h == "period" || h == "报告期" || h == "月份") l.period = static_cast<int>(i);
    else if (h == "state" || h == "状态") continue;  // the export's state column is ignored on import
    else if (const ReportField* f = FindField(fields, h)) l.fields.emplace_back(static_cast<int>(i), f->code);
    else {
      auto it = std::find_if(fields.begin(), fields.end(), [&](const ReportField& f) { return f.name_zh == h; });
      if (it != fields.end()) l.fields.emplace_back(static_cast<int>(i), it->code);
      else if (!h.empty()) errors.push_back({0, h, "未知的列“" + h + "”"});
    }
  }
  if (l.uscc < 0) errors.push_back({0, "uscc", "缺少列 uscc（统一社会信用代码）"});
  if (l.period < 0) errors.push_back({0, "period", "缺少列 period（报告期）"});
  return l;
}

std::optional<double> ParseNumber(std::string_view s) {
  double v = 0;
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e || !NumberProblem(v).empty()) return std::nullopt;
  return v;
}

constexpr char kLockedMessage[] = "该期月报已审核锁定，需园区管理员解锁后才能导入";

// One parsed row; error messages go to `errors` (bounded by the caller).
struct Row {
  int64_t enterprise_id = 0;
  Period period;
  FieldValues values;
};

}  // namespace

StatusOr<ImportResult> EnterpriseService::ImportReports(const Scope& s, int64_t park_id, std::istream& in,
                                                        const ImportOptions& opt) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以导入月报");
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  std::unordered_map<std::string, int64_t> by_uscc;
  for (const auto& e : all.items) by_uscc[e.uscc] = e.id;
  PARKHQ_ASSIGN_OR_RETURN(auto rules, CompiledRulesFor(park_id));
  PARKHQ_ASSIGN_OR_RETURN(const auto fields, FieldsFor(park_id));

  ImportResult result;
  auto add_error = [&](int64_t row, std::string column, std::string message) {
    if (result.errors.size() < kMaxImportErrors) result.errors.push_back({row, std::move(column), std::move(message)});
    else result.truncated = true;
  };
  std::vector<std::string> cells;
  if (!ReadCsvRecord(in, cells)) {
    add_error(0, "", "文件为空");
    return result;
  }
  Layout layout = ReadLayout(cells, fields, result.errors);
  if (!result.errors.empty()) return result;
  std::vector<std::string> columns;
  for (const auto& [col, code] : layout.fields) columns.push_back(code);

  const Period last_closed = LastClosedMonth();
  // A map a finished row no longer needs: the next row's values are written into its nodes, so a
  // long file allocates no map nodes once every enterprise has been seen.
  FieldValues spare;
  // Parses and checks one record; returns nullopt (errors added) when the row is bad.
  auto parse = [&](int64_t row_no, const std::vector<std::string>& c) -> std::optional<Row> {
    bool ok = true;
    Row row;
    row.values = std::move(spare);
    spare.clear();
    size_t filled = 0;
    const auto cell = [&](int i) { return i < static_cast<int>(c.size()) ? TrimCell(c[i]) : std::string_view(); };
    auto it = by_uscc.find(NormalizeUscc(cell(layout.uscc)));
    if (it == by_uscc.end()) {
      add_error(row_no, layout.names[layout.uscc],
                "本园区没有统一社会信用代码为“" + std::string(cell(layout.uscc)) + "”的企业");
      ok = false;
    } else {
      row.enterprise_id = it->second;
    }
    auto p = Period::Parse(cell(layout.period));
    if (!p) {
      add_error(row_no, layout.names[layout.period], "报告期应为 YYYY-MM");
      ok = false;
    } else if (*p > last_closed) {
      add_error(row_no, layout.names[layout.period], "报告期尚未结束");
      ok = false;
    } else {
      row.period = *p;
    }
    for (const auto& [col, code] : layout.fields) {
      const std::string_view v = cell(col);
      if (v.empty()) {
        if (auto old = row.values.find(code); old != row.values.end()) row.values.erase(old);
        continue;
      }
      auto n = ParseNumber(v);
      if (!n) {
        add_error(row_no, layout.names[col], "数值无效：“" + std::string(v) + "”");
        ok = false;
      } else {
        row.values.insert_or_assign(code, *n);
        ++filled;
      }
    }
    if (!ok) return std::nullopt;
    if (row.values.size() != filled)  // the reused map held fields this file has no column for
      std::erase_if(row.values, [&](const auto& kv) {
        return std::none_of(layout.fields.begin(), layout.fields.end(), [&](const auto& f) { return f.second == kv.first; });
      });
    return row;
  };

  // One streaming pass: every row is validated; while no row has failed, valid rows are written
  // into the import's transaction. Any error: the rest is still validated (for the report) and the
  // transaction is rolled back — all or nothing. Memory: the registry map and one previous row per
  // enterprise (for the last-month rules and the order check), whatever the file size.
  PARKHQ_ASSIGN_OR_RETURN(auto sink, repo_.BeginReportImport(park_id, s));
  std::unordered_map<int64_t, std::pair<Period, FieldValues>> last_row;
  const Date today = today_();
  const std::string now = NowIso();
  StoredReport r;
  r.park_id = park_id;
  r.state = opt.approve ? ReportState::kApproved : ReportState::kSubmitted;
  r.first_submitted_on = today;
  r.submitted_at = now;
  if (opt.approve) {
    r.reviewed_at = now;
    r.reviewed_by = s.username;
  }
  r.updated_at = now;
  int64_t row_no = 0;
  while (ReadCsvRecord(in, cells)) {
    if (cells.size() == 1 && TrimCell(cells[0]).empty()) continue;
    ++row_no;
    if (auto bad = BadCell(cells)) {
      add_error(row_no, bad->first < layout.names.size() ? layout.names[bad->first] : "", bad->second);
      continue;
    }
    auto row = parse(row_no, cells);
    if (!row) continue;
    auto prev = last_row.find(row->enterprise_id);
    if (prev != last_row.end() && !(prev->second.first < row->period)) {
      add_error(row_no, layout.names[layout.period],
                prev->second.first == row->period ? "同一企业同一报告期重复" : "同一企业的报告期须按时间升序排列");
      continue;
    }
    // A report that exists: approved ones are locked; others are replaced by the merge of their
    // values with the file's columns (MergeImportedValues), and the merge is what is checked.
    PARKHQ_ASSIGN_OR_RETURN(auto existing, sink->Existing(row->enterprise_id, row->period));
    if (existing && existing->state == ReportState::kApproved) {
      add_error(row_no, layout.names[layout.period], kLockedMessage);
      continue;
    }
    ReportInput input;
    input.values = existing ? MergeImportedValues(existing->values, row->values, columns) : std::move(row->values);
    if (prev != last_row.end() && prev->second.first == row->period.AddMonths(-1)) input.last_month = &prev->second.second;
    const ReportCheck check = CheckReport(input, fields, rules);
    bool row_ok = true;
    for (const auto& e : check.errors) {
      if (e.field.rfind("explanations.", 0) == 0) continue;  // a warning to explain: not blocking here
      add_error(row_no, e.field.substr(e.field.find('.') + 1), e.message);
      row_ok = false;
    }
    result.warnings += static_cast<int64_t>(check.warnings.size());
    if (row_ok && result.errors.empty()) {
      r.enterprise_id = row->enterprise_id;
      r.period = row->period;
      r.values = std::move(input.values);
      if (existing) {
        r.explanations = existing->explanations;  // the file has none: the old ones stay (copied: `existing` is the revisions' before)
        r.is_demo = existing->is_demo;
        ++result.replaced;
      }
      PARKHQ_RETURN_IF_ERROR(sink->Add(r, existing ? &*existing : nullptr));
      input.values = std::move(r.values);
      r.explanations.clear();
      r.is_demo = false;
    }
    if (prev == last_row.end()) {
      last_row.emplace(row->enterprise_id, std::pair(row->period, std::move(input.values)));
    } else {
      prev->second.first = row->period;
      std::swap(prev->second.second, input.values);
      spare = std::move(input.values);  // the enterprise's previous row: reused by the next row
    }
  }
  result.rows = row_no;
  if (row_no == 0) add_error(0, "", "文件没有数据行");
  if (!result.errors.empty()) {
    result.replaced = 0;
    return result;  // the sink's transaction rolls back
  }
  PARKHQ_RETURN_IF_ERROR(sink->Commit("导入月报 " + std::to_string(row_no) + " 行" + (opt.approve ? "（已审核）" : "") +
                                      (result.replaced ? "，其中替换 " + std::to_string(result.replaced) + " 份" : "")));
  result.imported = row_no;
  return result;
}

StatusOr<std::vector<std::pair<std::string, StoredReport>>> EnterpriseService::ExportReports(const Scope& s,
                                                                                            int64_t park_id,
                                                                                            Period from,
                                                                                            Period to) const {
  PARKHQ_RETURN_IF_ERROR(ReadablePark(s, park_id).status());
  if (to < from) return Status::FieldInvalid("to", "结束月份不能早于开始月份");
  if (to.Index() - from.Index() >= 60) return Status::FieldInvalid("from", "一次最多导出 60 个月");
  EnterpriseFilter f;
  f.park_ids = {park_id};
  f.limit = 0;
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.List(f));
  std::unordered_map<int64_t, std::string> uscc;
  for (const auto& e : all.items) uscc[e.id] = e.uscc;
  std::vector<std::pair<std::string, StoredReport>> out;
  for (Period p = from; p <= to; p = p.AddMonths(1)) {
    PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ListParkReports({park_id}, p, std::nullopt, true));
    for (auto& r : reports) out.emplace_back(uscc[r.enterprise_id], std::move(r));
  }
  return out;
}

}  // namespace parkhq::enterprise
