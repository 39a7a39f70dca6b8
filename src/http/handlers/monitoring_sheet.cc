// The monitoring table as a Sheet for the shared XLSX writer (io/xlsx_writer.h).
#include "http/handlers/monitoring_sheet.h"

#include <cstdio>

#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {
namespace {

using io::CellValue;
using io::ColumnKind;
using io::Sheet;

using monitoring::ComputedRow;
using monitoring::MonitoringTable;

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string MonthRange(const MonitoringTable& t) {
  return t.period.month == 1 ? "1月" : "1-" + std::to_string(t.period.month) + "月";
}

CellValue Num(const std::optional<double>& v) { return v ? CellValue(*v) : CellValue(); }

}  // namespace

Sheet MonitoringSheet(const MonitoringTable& t) {
  Sheet s;
  s.name = "经济指标";
  s.title = t.name + " " + std::to_string(t.period.year) + "年" + MonthRange(t) + "主要经济指标完成情况";
  s.columns = {{"指标", 18, ColumnKind::kText},         {"单位", 10, ColumnKind::kText},
               {"本月", 14, ColumnKind::kNumber},       {MonthRange(t) + "累计", 15, ColumnKind::kNumber},
               {"同期", 15, ColumnKind::kNumber},       {"同比%", 10, ColumnKind::kPercent},
               {"年度目标", 14, ColumnKind::kNumber},   {"完成率%", 11, ColumnKind::kPercent},
               {"序时进度%", 11, ColumnKind::kPercent}, {"状态", 9, ColumnKind::kText}};
  for (const ComputedRow& r : t.rows) {
    const auto& f = r.figures;
    s.rows.push_back({r.indicator.name_zh, r.indicator.unit, Num(f.month), Num(f.ytd), Num(f.ytd_last_year),
                      Num(f.yoy_pct), Num(f.target), Num(f.completion_pct),
                      f.target ? CellValue(f.time_progress) : CellValue(),
                      std::string(monitoring::ProgressStatusNameZh(f.status))});
  }
  s.autofilter = false;
  s.notes.push_back(std::string("数据口径：") +
                    (t.basis == monitoring::Basis::kApproved ? "已审核数据" : "全部填报数据（含未审核）") +
                    "；月报状态：" + monitoring::SubmissionStateNameZh(t.state) + "；序时进度 " +
                    Fixed2(t.time_progress) + "%");
  if (t.is_demo) s.notes.push_back("演示数据（DEMO）");
  return s;
}

std::string MonitoringXlsxFileName(const MonitoringTable& t) {
  return t.name + "-" + t.period.ToString() + "-经济指标.xlsx";
}

StatusOr<std::string> MonitoringXlsx(const MonitoringTable& t) { return io::WriteXlsx({MonitoringSheet(t)}); }

}  // namespace parkhq::http::handlers
