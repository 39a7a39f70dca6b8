// Helpers shared by risk_handlers.cc and energy_handlers.cc (not part of any other module).
#pragma once
#include <string>

#include "common/time.h"
#include "http/handlers/services.h"
#include "http/json/json_util.h"
#include "http/handlers/xlsx_file.h"
#include "io/table.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers::risk_http {

inline StatusOr<int64_t> ParkParam(RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在");
  return *id;
}

inline StatusOr<int64_t> IdParam(RequestContext& ctx, const char* name) {
  auto id = ctx.IdParam(name);
  if (!id) return Status::NotFound("记录不存在或无权访问");
  return *id;
}

// ?year=YYYY (default: this year by the deployment's clock).
inline StatusOr<int> QueryYear(const Request& r) {
  auto y = r.Query("year");
  if (!y || y->empty()) return Today().year;
  int v = 0;
  for (char c : *y) {
    if (c < '0' || c > '9' || v > 9999) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
    v = v * 10 + (c - '0');
  }
  if (v < 2000 || v > 2100) return Status::Validation("年份有误", {{"year", "应为四位年份"}});
  return v;
}

// Text for an exported cell (a leading = + - @ is neutralized).
inline io::CellValue Txt(const std::string& s) { return io::CsvSafeText(s); }
inline io::CellValue Num(const std::optional<double>& v) { return v ? io::CellValue(*v) : io::CellValue(); }
inline io::CellValue DateCell(const std::optional<Date>& d) {
  return d ? io::CellValue(d->ToString()) : io::CellValue();
}

inline StatusOr<Response> XlsxResponse(io::Sheet sheet, bool demo, const std::string& filename) {
  if (demo) sheet.notes.push_back("含演示数据（演示）");
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sheet}));
  return XlsxFile(std::move(bytes), filename);
}

}  // namespace parkhq::http::handlers::risk_http
