// The GB/T 4754 table: browsing it (labelled with the park's leading-group mapping), its summary,
// export (CSV / XLSX), a sysadmin's import of a replacement (CSV / XLSX) and going back to the
// embedded table.
#include "domain/enterprise/enterprise_service.h"
#include "http/handlers/enterprise_handlers.h"
#include "http/handlers/enterprise_json.h"
#include "io/reader.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::handlers {

using namespace parkhq::enterprise;

namespace {

json::array CodesJson(const std::vector<std::string>& codes) {
  json::array a;
  for (const auto& c : codes) a.push_back(json::value(c));
  return a;
}

json::object TableInfoJson(const Services& s) {
  auto t = s.enterprises->industries();
  return {{"source", s.enterprises->industries_imported() ? "imported" : "embedded"},
          {"rows", static_cast<int64_t>(t->rows().size())},
          {"sections", static_cast<int64_t>(t->CountAt(IndustryLevel::kSection))},
          {"divisions", static_cast<int64_t>(t->CountAt(IndustryLevel::kDivision))},
          {"groups", static_cast<int64_t>(t->CountAt(IndustryLevel::kGroup))},
          {"classes", static_cast<int64_t>(t->CountAt(IndustryLevel::kClass))}};
}

json::object DiffJson(const Services& s, const IndustryTableDiff& d) {
  json::object o = TableInfoJson(s);
  o["rows_before"] = static_cast<int64_t>(d.rows_before);
  o["added"] = CodesJson(d.added);
  o["removed"] = CodesJson(d.removed);
  o["renamed"] = CodesJson(d.renamed);
  return o;
}

}  // namespace

// GET /api/v1/industries?parent=&q=&park_id= : children of `parent` (sections when empty), or
// codes / names matching q; each labelled with the leading group of the park's mapping.
StatusOr<Response> ListIndustries(RequestContext& ctx, const Services& s) {
  std::optional<int64_t> park_id;
  if (auto p = ctx.request.Query("park_id"); p && !p->empty()) {
    try {
      size_t used = 0;
      park_id = std::stoll(*p, &used);
      if (used != p->size()) throw std::invalid_argument("park_id");
    } catch (const std::exception&) {
      return Status::FieldInvalid("park_id", "园区编号应为整数");
    }
  }
  PARKHQ_ASSIGN_OR_RETURN(auto mapping, s.enterprises->IndustryMappingFor(ctx.caller(), park_id));
  const auto table = s.enterprises->industries();
  const std::string parent = ctx.request.Query("parent").value_or("");
  const std::string q = ctx.request.Query("q").value_or("");
  json::array items;
  for (const auto& c : table->rows()) {
    if (!q.empty() ? (c.code.find(q) != 0 && c.name.find(q) == std::string::npos) : c.parent != parent) continue;
    const LeadingGroup g = c.level == IndustryLevel::kSection ? LeadingGroup::kOther : mapping.Classify(c.code);
    items.push_back({{"code", c.code}, {"level", IndustryLevelName(c.level)}, {"name", c.name}, {"parent", c.parent},
                     {"leading_group", LeadingGroupCode(g)}, {"leading_group_name", LeadingGroupNameZh(g)}});
    if (items.size() >= 500) break;
  }
  const int64_t n = static_cast<int64_t>(items.size());
  Response r = JsonList(std::move(items), n);
  return r;
}

// GET /api/v1/industries/table : which table is in use and its size.
StatusOr<Response> IndustryTableInfo(RequestContext&, const Services& s) { return Json(TableInfoJson(s)); }

// GET /api/v1/industries/export?format=csv|xlsx : the table in the import format.
StatusOr<Response> ExportIndustryTable(RequestContext& ctx, const Services& s) {
  const auto table = s.enterprises->industries();
  const std::string format = ctx.request.Query("format").value_or("csv");
  if (format != "csv" && format != "xlsx") return Status::FieldInvalid("format", "格式应为 csv 或 xlsx");
  io::Sheet sheet;
  sheet.name = "GBT4754-2017";
  sheet.columns = {{"code", 8}, {"level", 10}, {"name", 48}, {"parent", 8}};
  for (const auto& c : table->rows())
    sheet.rows.push_back({c.code, std::string(IndustryLevelName(c.level)), c.name, c.parent});
  Response resp;
  if (format == "xlsx") {
    PARKHQ_ASSIGN_OR_RETURN(resp.body, io::WriteXlsx({sheet}));
    resp.content_type = io::kXlsxContentType;
    resp.AddHeader("Content-Disposition", io::AttachmentDisposition("国民经济行业分类GBT4754-2017.xlsx"));
  } else {
    resp.body = io::WriteCsv(sheet);
    resp.content_type = "text/csv; charset=utf-8";
    resp.AddHeader("Content-Disposition", io::AttachmentDisposition("国民经济行业分类GBT4754-2017.csv"));
  }
  return resp;
}

// POST /api/v1/industries/import (sysadmin; body = the CSV or XLSX file): replaces the table, all
// or nothing. 422 with rows[N].<column> details (N = the file's row number, header = 1).
StatusOr<Response> ImportIndustryTable(RequestContext& ctx, const Services& s) {
  if (ctx.request.body.empty()) return Status::FieldInvalid("file", "请上传行业分类文件（CSV 或 XLSX）");
  std::vector<IndustryInputRow> rows;
  PARKHQ_RETURN_IF_ERROR(io::ReadTable(ctx.request.body, [&](const io::InputRow& r) {
    rows.push_back({r.row, r.cells});
    return rows.size() <= 100000;  // the real table has ~1,900 rows
  }));
  if (rows.size() > 100000) return Status::FieldInvalid("file", "行业分类文件过大（超过10万行）");
  PARKHQ_ASSIGN_OR_RETURN(auto diff, s.enterprises->ImportIndustryTable(ctx.caller(), rows));
  return Json(DiffJson(s, diff));
}

// DELETE /api/v1/industries/table (sysadmin): back to the embedded table.
StatusOr<Response> ResetIndustryTable(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto diff, s.enterprises->ResetIndustryTable(ctx.caller()));
  return Json(DiffJson(s, diff));
}

}  // namespace parkhq::http::handlers
