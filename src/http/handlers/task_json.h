// JSON of the management loop's values (internal to the task handlers).
#pragma once
#include "domain/task/task_service.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers::task_json {

json::object ItemJson(const task::ItemView& v, bool with_reports);
json::object ReportJson(const task::Report& r, const std::map<int64_t, std::string>& unit_names);
json::object SupervisionJson(const task::SupervisionView& v, bool with_events);
json::object InstructionJson(const task::Instruction& i);
// ?park_id= as an optional id; 422 when malformed.
StatusOr<std::optional<int64_t>> QueryPark(const Request& r);
json::array Strings(const std::vector<std::string>& v);
// Reads an array of unit names (at most 30, each at most 100 bytes) into out.
void ReadNames(FieldReader& f, const char* key, std::vector<std::string>& out, bool required);
// Unit names of an imported cell, separated by 、，, or ; (spaces around them dropped).
std::vector<std::string> SplitNames(const std::string& s);

}  // namespace parkhq::http::handlers::task_json
