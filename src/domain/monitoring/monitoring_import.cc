// Importing monthly figures from a table (months × indicators), all or nothing.
#include <cstdlib>
#include <set>

#include "domain/monitoring/monitoring_service.h"

#include "common/limits.h"

namespace parkhq::monitoring {
namespace {

struct CellError {
  int row;
  std::string column;
  std::string message;
};

// "工业总产值(万元)" → "工业总产值"; trims spaces.
std::string HeaderName(std::string h) {
  for (const char* open : {"(", "（"}) {
    const size_t at = h.find(open);
    if (at != std::string::npos && at > 0) h = h.substr(0, at);
  }
  const size_t b = h.find_first_not_of(" \t"), e = h.find_last_not_of(" \t");
  return b == std::string::npos ? "" : h.substr(b, e - b + 1);
}

std::optional<double> ParseNumber(const std::string& text) {
  std::string t;
  for (char c : text)
    if (c != ',' && c != ' ') t += c;
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || !NumberProblem(v).empty()) return std::nullopt;
  return v;
}

Status Failed(const std::vector<CellError>& errors) {
  std::vector<FieldError> details;
  for (const auto& e : errors) {
    if (details.size() >= 1000) break;
    details.push_back({"rows[" + std::to_string(e.row) + "]." + e.column,
                       "第 " + std::to_string(e.row) + " 行「" + e.column + "」：" + e.message});
  }
  return Status::Validation("导入未执行：共 " + std::to_string(errors.size()) + " 处错误，请修改后重新导入（全部或全不导入）",
                            std::move(details));
}

}  // namespace

StatusOr<ImportResult> MonitoringService::ImportValues(const Scope& s, int64_t park_id, const ImportSheet& sheet) const {
  PARKHQ_RETURN_IF_ERROR(WritablePark(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto catalog, Catalog());
  std::vector<CellError> errors;
  // Columns → indicators.
  std::vector<const Indicator*> columns(sheet.headers.size(), nullptr);
  const std::string period_header = sheet.headers.empty() ? "月份" : sheet.headers[0];
  for (size_t c = 1; c < sheet.headers.size(); ++c) {
    const std::string name = HeaderName(sheet.headers[c]);
    if (name.empty() || name == "月报状态" || name == "状态" || name == "Report state") continue;
    for (const auto& ind : catalog)
      if (name == ind.code || name == ind.name_zh || name == ind.name_en) columns[c] = &ind;
    if (!columns[c]) errors.push_back({1, sheet.headers[c], "未知指标"});
  }
  if (sheet.headers.size() < 2) errors.push_back({1, period_header, "表头应为：月份、各指标名称或代码"});
  // Rows → (period, code) → entered figure.
  std::map<Period, std::map<std::string, std::pair<double, int>>> entered;  // value, row
  const Period now = Today().period();
  for (const auto& r : sheet.rows) {
    bool any = false;
    for (size_t c = 1; c < r.cells.size(); ++c) any = any || !r.cells[c].empty();
    if (!any && (r.cells.empty() || r.cells[0].empty())) continue;  // blank line
    auto p = Period::Parse(r.cells.empty() ? "" : r.cells[0]);
    if (!p) {
      errors.push_back({r.row, period_header, "期间格式应为 YYYY-MM，如 2023-06"});
      continue;
    }
    if (p->Index() > now.Index()) errors.push_back({r.row, period_header, "不能导入未来月份"});
    for (size_t c = 1; c < r.cells.size() && c < columns.size(); ++c) {
      if (!columns[c] || r.cells[c].empty()) continue;
      auto v = ParseNumber(r.cells[c]);
      if (!v || *v < 0) {
        errors.push_back({r.row, sheet.headers[c], "应为不小于0的数字"});
        continue;
      }
      if (entered[*p].count(columns[c]->code)) errors.push_back({r.row, sheet.headers[c], "同一月份重复"});
      entered[*p][columns[c]->code] = {*v, r.row};
    }
  }
  // Months must be editable; cumulative figures become monthly amounts, month by month.
  std::map<int, YearGrid> grids;
  for (const auto& [p, values] : entered)
    if (!grids.count(p.year)) {
      PARKHQ_ASSIGN_OR_RETURN(grids[p.year], GetYear(s, park_id, p.year));
    }
  std::vector<MonthChanges> months;
  int changed = 0;
  for (const auto& [p, values] : entered) {
    YearGrid& g = grids[p.year];
    const MonthState& st = g.months[p.month - 1];
    const int first_row = values.begin()->second.second;
    MonthChanges mc{p, {}};
    for (const auto& [code, vr] : values) {
      const Indicator* ind = FindIndicator(g.indicators, code);
      MonthlySeries& series = g.values[code];
      double amount = vr.first;
      if (sheet.cumulative) {
        const MonthlySeries cum = MonthlyToCumulative(ind->kind, series);
        auto month = MonthFromCumulative(ind->kind, p.month, vr.first, p.month > 1 ? cum[p.month - 2] : std::nullopt,
                                         code);
        if (!month.ok()) {
          errors.push_back({vr.second, ind->name_zh, month.status().details().empty()
                                                         ? month.status().message()
                                                         : month.status().details()[0].message});
          continue;
        }
        amount = *month;
      }
      if (series[p.month - 1] != amount)
        mc.changes.push_back({code, series[p.month - 1], amount, sheet.cumulative ? "cumulative" : "month", vr.first});
      series[p.month - 1] = amount;  // later months of a cumulative import build on it
    }
    // A locked month may appear in the file as long as its figures are unchanged.
    if (!mc.changes.empty() && !IsEditable(st.state)) {
      errors.push_back({first_row, period_header,
                        p.ToString() + "月报" + SubmissionStateNameZh(st.state) + "，已锁定，需先解锁或退回"});
      continue;
    }
    changed += static_cast<int>(mc.changes.size());
    if (!mc.changes.empty()) months.push_back(std::move(mc));
  }
  if (!errors.empty()) return Failed(errors);
  if (!months.empty()) {
    Status written = repo_.WriteMonths(park_id, months, sheet.reason.empty() ? "导入" : sheet.reason, s);
    Invalidate(park_id);
    PARKHQ_RETURN_IF_ERROR(written);
  }
  return ImportResult{static_cast<int>(months.size()), changed};
}

}  // namespace parkhq::monitoring
