// JSON of the project module's values (shared by its handlers).
#pragma once
#include "domain/project/lights_calc.h"
#include "domain/project/project_repository.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {

double Round(double v, int places);
json::value RoundOpt(const std::optional<double>& v, int places);
json::object ProjectJson(const project::ProjectRecord& p);
json::object LightsJson(const project::ProjectLights& l);
json::object StageLogJson(const project::StageLogEntry& e);
json::object MilestoneJson(const project::Milestone& m);
json::object ApprovalJson(const project::ApprovalItem& a);
json::object ProblemJson(const project::Problem& p);

// Reads the editable fields of a project present in `body` onto `p` (create: all; patch: those
// present). Field errors are collected in `f`.
void ReadProjectFields(FieldReader& f, const json::object& body, project::ProjectRecord& p);
// A "YYYY-MM-DD" query parameter (default: today); 422 field `name` when malformed.
StatusOr<Date> QueryDate(const Request& req, const char* name);

}  // namespace parkhq::http::handlers
