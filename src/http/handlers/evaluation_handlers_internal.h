// Helpers shared by the evaluation handler files (not part of the route table's interface).
#pragma once
#include <cstdint>

#include "common/status_or.h"
#include "http/handlers/services.h"
#include "http/request.h"

namespace parkhq::evaluation {
class EvaluationService;
}

namespace parkhq::http::handlers::eval_internal {

struct ParkYear {
  int64_t park_id = 0;
  int year = 0;
};

// {park_id} and {year} from the path: 404 for a bad park id, 422 for a bad year.
StatusOr<ParkYear> ReadParkYear(const RequestContext& ctx);
evaluation::EvaluationService& Svc(const Services& s);

}  // namespace parkhq::http::handlers::eval_internal
