// The evaluation inputs import: an .xlsx or .csv file of per-enterprise figures, checked row by
// row and written all or nothing (split from evaluation_handlers.cc).
#include <cmath>
#include <cstdlib>

#include "domain/evaluation/evaluation_service.h"

#include "common/limits.h"
#include "http/handlers/evaluation_handlers.h"
#include "http/handlers/evaluation_handlers_internal.h"
#include "http/json/json_util.h"
#include "io/reader.h"
#include "io/table.h"

namespace parkhq::http::handlers {

using namespace parkhq::evaluation;  // NOLINT
using eval_internal::ReadParkYear;
using eval_internal::Svc;

namespace {

// Header → field of an inputs import: the API code or the Chinese name (with or without unit).
const std::vector<std::pair<const char*, std::vector<const char*>>> kImportHeaders = {
    {"enterprise_id", {"企业编号", "企业ID"}},      {"enterprise_name", {"企业名称"}},
    {"group", {"分组", "规模"}},                    {"industry", {"产业", "产业分组", "行业"}},
    {"sub_park_id", {"子园区编号"}},                {"land_mu", {"用地面积", "用地"}},
    {"tax", {"实缴税收", "税收"}},                  {"value_added", {"工业增加值", "增加值"}},
    {"revenue", {"营业收入"}},                      {"output", {"工业总产值", "产值"}},
    {"energy_tce", {"综合能耗"}},                   {"emissions_t", {"主要污染物排放", "排放"}},
    {"employees_avg", {"年平均从业人员", "年均从业人员", "从业人员"}},
    {"rnd", {"研发经费"}},                          {"electricity_kwh", {"用电量"}},
    {"excluded_reason", {"不参评原因"}},            {"veto_reason", {"一票否决"}},
    {"d_exempt_reason", {"免评D"}},
};

std::optional<std::string> FieldOfHeader(std::string h) {
  while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
  while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.erase(h.begin());
  for (const auto& [field, names] : kImportHeaders) {
    if (h == field) return std::string(field);
    for (const char* n : names) {
      const std::string name = n;
      if (h == name || (h.rfind(name, 0) == 0 && (h.compare(name.size(), 3, "（") == 0 || h.compare(name.size(), 1, "(") == 0)))
        return std::string(field);
    }
  }
  return std::nullopt;
}

std::optional<double> ParseNumberCell(const std::string& cell, bool& bad) {
  std::string t;
  for (char ch : cell)
    if (ch != ',' && ch != ' ') t += ch;
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != '\0' || !NumberProblem(v).empty()) {
    bad = true;
    return std::nullopt;
  }
  return v;
}

}  // namespace

// POST …/evaluations/{year}/inputs/import?source=tax_bureau — the body is an .xlsx or .csv file
// (first sheet; a header row naming the columns by code or Chinese name; a title row above it is
// skipped). All rows are checked first; any error answers 422 with rows[<row>].<column> details
// and nothing is written.
StatusOr<Response> ImportEvalInputs(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto py, ReadParkYear(ctx));
  const std::string source = ctx.request.Query("source").value_or("manual");
  if (ctx.request.body.empty()) return Status::Validation("请上传 Excel 或 CSV 文件", {{"file", "文件为空"}});
  std::vector<std::optional<std::string>> fields;  // by column position
  std::vector<std::string> headers;
  bool have_header = false;
  std::vector<InputRecord> items;
  std::vector<int> item_rows;
  std::vector<io::ImportError> errors;
  Status read = io::ReadTable(ctx.request.body, [&](const io::InputRow& row) {
    if (!have_header) {
      std::vector<std::optional<std::string>> f;
      bool has_id = false;
      for (const auto& cell : row.cells) {
        f.push_back(FieldOfHeader(cell));
        if (f.back() == std::optional<std::string>("enterprise_id")) has_id = true;
      }
      if (has_id) {
        fields = std::move(f);
        headers = row.cells;
        have_header = true;
      }
      return row.row < 20;  // the header must appear within the first rows
    }
    bool blank = true;
    for (const auto& c : row.cells)
      if (!c.empty()) blank = false;
    if (blank) return true;
    InputRecord rec;
    EnterpriseInput& in = rec.input;
    for (size_t i = 0; i < fields.size() && i < row.cells.size(); ++i) {
      if (!fields[i]) continue;
      const std::string& f = *fields[i];
      const std::string& cell = row.cells[i];
      auto err = [&](const std::string& m) { errors.push_back({row.row, headers[i], m}); };
      if (f == "enterprise_name") { if (!cell.empty()) rec.enterprise_name = cell; continue; }
      if (f == "industry") { if (!cell.empty()) rec.industry = cell; continue; }
      if (f == "excluded_reason") { if (!cell.empty()) in.excluded_reason = cell; continue; }
      if (f == "veto_reason") { if (!cell.empty()) in.veto_reason = cell; continue; }
      if (f == "d_exempt_reason") { if (!cell.empty()) in.d_exempt_reason = cell; continue; }
      if (f == "group") {
        if (cell == "above_scale" || cell.rfind("规上", 0) == 0) in.group = Group::kAboveScale;
        else if (cell == "below_scale" || cell.rfind("规下", 0) == 0) in.group = Group::kBelowScale;
        else err("分组应为「规上」或「规下」");
        continue;
      }
      bool bad = false;
      auto v = ParseNumberCell(cell, bad);
      if (bad) {
        err("应为数字");
        continue;
      }
      if (f == "enterprise_id" || f == "sub_park_id") {
        if (v && (*v != std::floor(*v) || *v <= 0)) err("应为正整数");
        else if (v && f == "enterprise_id") in.enterprise_id = static_cast<int64_t>(*v);
        else if (v) rec.sub_park_id = static_cast<int64_t>(*v);
        else if (f == "enterprise_id") err("必填");
        continue;
      }
      std::optional<double>* slot = f == "land_mu" ? &in.land_mu : f == "tax" ? &in.tax : f == "value_added" ? &in.value_added
          : f == "revenue" ? &in.revenue : f == "output" ? &rec.output : f == "energy_tce" ? &in.energy_tce
          : f == "emissions_t" ? &in.emissions_t : f == "employees_avg" ? &in.employees_avg : f == "rnd" ? &in.rnd
          : f == "electricity_kwh" ? &in.electricity_kwh : nullptr;
      if (slot && v) {
        *slot = v;
        rec.sources[f] = source;
      }
    }
    if (in.enterprise_id == 0 && std::find(fields.begin(), fields.end(), std::optional<std::string>("enterprise_id")) != fields.end() &&
        (errors.empty() || errors.back().row != row.row))
      errors.push_back({row.row, "企业编号", "必填"});
    items.push_back(std::move(rec));
    item_rows.push_back(row.row);
    return items.size() <= 200000;
  });
  PARKHQ_RETURN_IF_ERROR(read);
  if (!have_header) return Status::Validation("未找到表头：第一行应包含「企业编号」等列名", {{"file", "缺少表头"}});
  if (items.empty()) return Status::Validation("文件中没有数据行", {{"file", "没有数据"}});
  if (!errors.empty()) return io::ImportFailed(errors);
  auto saved = Svc(s).PutInputs(ctx.caller(), py.park_id, py.year, items);
  if (!saved.ok() && saved.status().IsValidation()) {
    // items[i].field → the file's row and column header.
    for (const auto& d : saved.status().details()) {
      int row = 0;
      std::string field = d.field;
      if (d.field.rfind("items[", 0) == 0) {
        const size_t close = d.field.find(']');
        const size_t idx = std::stoul(d.field.substr(6, close - 6));
        row = idx < item_rows.size() ? item_rows[idx] : 0;
        field = close + 2 <= d.field.size() ? d.field.substr(close + 2) : "";
      }
      std::string column = field;
      for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i] && field.rfind(*fields[i], 0) == 0) column = headers[i];
      errors.push_back({row, column, d.message});
    }
    if (!errors.empty()) return io::ImportFailed(errors);
  }
  PARKHQ_RETURN_IF_ERROR(saved.status());
  return Json({{"imported", static_cast<int64_t>(saved->size())}, {"source", source}});
}

}  // namespace parkhq::http::handlers
