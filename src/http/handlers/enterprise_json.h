// JSON of the enterprises module's values, shared by its handler files.
#pragma once
#include "domain/enterprise/enterprise_service.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {

json::object EnterpriseJson(const enterprise::Enterprise& e, const enterprise::IndustryTable& t);
json::object ValuesJson(const enterprise::FieldValues& v);
// The report view; the check's messages in the language `req` asks for.
json::object ReportViewJson(const enterprise::ReportView& v, const Request& req);
json::object RuleJson(const enterprise::ValidationRule& r);
// A "YYYY-MM" query parameter or path parameter; 422 on field `name` when malformed.
StatusOr<Period> ParsePeriodParam(const std::optional<std::string>& s, const char* name);

}  // namespace parkhq::http::handlers
