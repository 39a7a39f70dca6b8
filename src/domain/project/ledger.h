// The key-project ledger (重点项目台账) as a table: the columns of its XLSX export, import and
// template, one row per project, and parsing an uploaded file into projects with a row-by-row
// error report. Pure: no storage, no HTTP. docs/projects.md "台账导入导出".
#pragma once
#include <map>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/project/project_repository.h"
#include "io/table.h"

namespace parkhq::project {

// The importable columns first (headers are what the importer matches, in any order), then the
// export-only columns (lights, year-to-date figures) that an import ignores.
std::vector<io::Column> LedgerColumns(bool with_export_only);

// One ledger row; `year` chooses the annual plan shown, `lights` the row's light codes.
std::vector<io::CellValue> LedgerRow(const ProjectRecord& p, int year, const std::string& start_light,
                                     const std::string& progress_light, double completed_ytd);

struct LedgerImport {
  std::vector<ProjectRecord> records;  // one per data row, in file order
  std::vector<int> rows;               // the file row of each record
  std::vector<io::ImportError> errors;
};

// Parses the rows of a file (row 1 = the header). Required columns: 项目名称, 性质, 总投资（万元）.
// Each record is validated with ValidateProject at `today`; problems are reported as row/column/
// message. Names must be unique within the file. `park_id` is set on every record.
LedgerImport ParseLedger(const std::vector<io::InputRow>& rows, int64_t park_id, Date today);

}  // namespace parkhq::project
