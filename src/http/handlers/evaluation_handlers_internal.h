// Helpers shared by the evaluation handler files (not part of the route table's interface).
#pragma once
#include <cstdint>
#include <string_view>

#include "common/status_or.h"
#include "http/handlers/services.h"
#include "http/json/json_util.h"
#include "http/request.h"

namespace parkhq::evaluation {
class EvaluationService;
struct PolicyConfigView;
}

namespace parkhq::http::handlers::eval_internal {

struct ParkYear {
  int64_t park_id = 0;
  int year = 0;
};

// {park_id} and {year} from the path: 404 for a bad park id, 422 for a bad year.
StatusOr<ParkYear> ReadParkYear(const RequestContext& ctx);
evaluation::EvaluationService& Svc(const Services& s);

// evaluation_policy_handlers.cc: {"park_id","config_park_id","is_default","items":[…],"surcharge":{…}}
json::object PolicyConfigViewJson(const evaluation::PolicyConfigView& v);
// 用地, 用电 … for a resource code (the code itself when unknown).
std::string_view ResourceZh(std::string_view resource);

}  // namespace parkhq::http::handlers::eval_internal
