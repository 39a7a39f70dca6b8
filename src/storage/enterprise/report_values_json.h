// A report's values as one JSON object in enterprise_reports.values_json: {"output":1234.5,"tax":37}.
// One row per report (not one per field) is what keeps a bulk import near the speed of a bare
// append (docs/decisions/0004-report-values-one-row.md). Field codes are identifiers
// ([a-z][a-z0-9_]*, enterprise::ValidateReportFields), numbers are finite doubles written in their
// shortest round-trip form.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/enterprise/report.h"

namespace parkhq::storage {

// {"code":value,...} in key order; "{}" when empty.
std::string EncodeReportValues(const enterprise::FieldValues& values);
void AppendReportValues(const enterprise::FieldValues& values, std::string& out);

// Reads what EncodeReportValues wrote, and also the spaced form PostgreSQL's json_object_agg
// writes (the 0031 migration). Members that are not numbers are skipped; text that is not a JSON
// object gives an empty map.
enterprise::FieldValues DecodeReportValues(std::string_view json);

// The value of one field without building the map (for sums over many reports); nullopt when the
// field is absent or not a number.
std::optional<double> FindReportValue(std::string_view json, std::string_view field);

}  // namespace parkhq::storage
