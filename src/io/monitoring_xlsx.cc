#include "io/monitoring_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace parkhq::io {
namespace {

using monitoring::ComputedRow;
using monitoring::MonitoringTable;

// Number format with `decimals` places and thousands separators: "#,##0.00".
std::string NumFormat(int decimals) {
  std::string f = "#,##0";
  if (decimals > 0) f += "." + std::string(static_cast<size_t>(decimals), '0');
  return f;
}

// Removes the file when it goes out of scope.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

class Writer {
 public:
  Writer(lxw_workbook* wb, lxw_worksheet* ws) : wb_(wb), ws_(ws) {
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(header_);
    text_ = workbook_add_format(wb);
    format_set_border(text_, LXW_BORDER_THIN);
    pct_ = workbook_add_format(wb);
    format_set_border(pct_, LXW_BORDER_THIN);
    format_set_num_format(pct_, "0.00");
  }
  lxw_format* Number(int decimals) {
    auto it = numbers_.find(decimals);
    if (it != numbers_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_num_format(f, NumFormat(decimals).c_str());
    return numbers_[decimals] = f;
  }
  void Cell(int row, int col, const std::optional<double>& v, lxw_format* f) {
    if (v) worksheet_write_number(ws_, row, col, *v, f);
    else worksheet_write_blank(ws_, row, col, f);
  }
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* pct_ = nullptr;

 private:
  lxw_workbook* wb_;
  lxw_worksheet* ws_;
  std::map<int, lxw_format*> numbers_;
};

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string Title(const MonitoringTable& t) {
  std::string range = t.period.month == 1 ? "1月" : "1-" + std::to_string(t.period.month) + "月";
  return t.name + " " + std::to_string(t.period.year) + "年" + range + "主要经济指标完成情况";
}

void WriteSheet(lxw_workbook* wb, const MonitoringTable& t) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "经济指标");
  Writer w(wb, ws);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  worksheet_merge_range(ws, 0, 0, 0, 9, Title(t).c_str(), title);
  std::string note = "数据口径：" + std::string(t.basis == monitoring::Basis::kApproved ? "已审核数据" : "全部填报数据") +
                     "；月报状态：" + monitoring::SubmissionStateNameZh(t.state) + "；序时进度 " +
                     Fixed2(t.time_progress) + "%";
  if (t.is_demo) note += "；演示数据（DEMO）";
  worksheet_merge_range(ws, 1, 0, 1, 9, note.c_str(), nullptr);
  const std::string cum = t.period.month == 1 ? "1月累计" : "1-" + std::to_string(t.period.month) + "月累计";
  const char* headers[] = {"指标", "单位", "本月", cum.c_str(), "同期", "同比%", "年度目标", "完成率%", "序时进度%", "状态"};
  const int hr = 2;
  for (int c = 0; c < 10; ++c) worksheet_write_string(ws, hr, c, headers[c], w.header_);
  worksheet_set_row(ws, hr, 22, nullptr);
  int row = hr + 1;
  for (const ComputedRow& r : t.rows) {
    const auto& f = r.figures;
    lxw_format* num = w.Number(r.indicator.decimals);
    worksheet_write_string(ws, row, 0, r.indicator.name_zh.c_str(), w.text_);
    worksheet_write_string(ws, row, 1, r.indicator.unit.c_str(), w.text_);
    w.Cell(row, 2, f.month, num);
    w.Cell(row, 3, f.ytd, num);
    w.Cell(row, 4, f.ytd_last_year, num);
    w.Cell(row, 5, f.yoy_pct, w.pct_);
    w.Cell(row, 6, f.target, num);
    w.Cell(row, 7, f.completion_pct, w.pct_);
    w.Cell(row, 8, f.target ? std::optional<double>(f.time_progress) : std::nullopt, w.pct_);
    worksheet_write_string(ws, row, 9, monitoring::ProgressStatusNameZh(f.status), w.text_);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 18, nullptr);
  worksheet_set_column(ws, 1, 1, 10, nullptr);
  worksheet_set_column(ws, 2, 4, 14, nullptr);
  worksheet_set_column(ws, 5, 5, 10, nullptr);
  worksheet_set_column(ws, 6, 6, 14, nullptr);
  worksheet_set_column(ws, 7, 8, 11, nullptr);
  worksheet_set_column(ws, 9, 9, 9, nullptr);
  worksheet_freeze_panes(ws, hr + 1, 1);
}

}  // namespace

std::string MonitoringXlsxFileName(const MonitoringTable& t) {
  return t.name + "-" + t.period.ToString() + "-经济指标.xlsx";
}

StatusOr<std::string> MonitoringXlsx(const MonitoringTable& t) {
  char path[] = "/tmp/parkhq-xlsx-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Status::Internal("cannot create a temporary file");
  close(fd);
  TempFile tmp{path};
  lxw_workbook* wb = workbook_new(path);
  if (!wb) return Status::Internal("cannot create the workbook");
  WriteSheet(wb, t);
  if (workbook_close(wb) != LXW_NO_ERROR) return Status::Internal("cannot write the workbook");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Internal("cannot read the workbook");
  return bytes.str();
}

}  // namespace parkhq::io
