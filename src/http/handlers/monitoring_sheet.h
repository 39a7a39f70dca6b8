// The monthly statistics table (主要经济指标完成情况) as an XLSX workbook in the familiar layout:
// 指标 | 单位 | 本月 | 1-N月累计 | 同期 | 同比% | 年度目标 | 完成率% | 序时进度% | 状态 — Chinese
// headers, numbers as numbers, a frozen header, set widths. Written by the shared io/xlsx_writer.
// The mapping from the domain's table to io's plain Sheet lives here, above both layers: src/io
// knows no domain type.
#pragma once
#include <string>

#include "common/status_or.h"
#include "domain/monitoring/monitoring_service.h"
#include "io/table.h"

namespace parkhq::http::handlers {

// The sheet: a title row, the header, one row per indicator, notes (basis, state, DEMO) below.
io::Sheet MonitoringSheet(const monitoring::MonitoringTable& table);

// The workbook's bytes. Fails (Internal) only when the temporary file cannot be written or read.
StatusOr<std::string> MonitoringXlsx(const monitoring::MonitoringTable& table);

// "华亭工业园区-2023-06-经济指标.xlsx"
std::string MonitoringXlsxFileName(const monitoring::MonitoringTable& table);

}  // namespace parkhq::http::handlers
