// JSON and XLSX of the safety module's values (internal to the safety handlers).
#pragma once
#include <optional>
#include <vector>

#include "domain/safety/safety_service.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers::safety_json {

// ?park_id= as an optional id; 422 when malformed.
StatusOr<std::optional<int64_t>> QueryPark(const Request& r);

json::object FacilityJson(const safety::FacilityView& v);
json::object RecordJson(const safety::FacilityRecord& r, const safety::Facility& f);
json::object InspectionJson(const safety::Inspection& i);
json::object HazardJson(const safety::Hazard& h, Date today);
json::object StatsJson(const safety::HazardStats& s, int64_t park_id, int year);
json::object PhotoJson(const safety::HazardFile& f);

StatusOr<Response> HazardsXlsx(const std::vector<safety::Hazard>& list, Date today);
StatusOr<Response> InspectionsXlsx(const std::vector<safety::Inspection>& list);
StatusOr<Response> FacilitiesXlsx(const std::vector<safety::FacilityView>& list);
StatusOr<Response> RecordsXlsx(const safety::Facility& f, const std::vector<safety::FacilityRecord>& list);

}  // namespace parkhq::http::handlers::safety_json
