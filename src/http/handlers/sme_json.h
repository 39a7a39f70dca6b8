// JSON of the SME park's values (issue 16), shared by the sme handler files.
#pragma once
#include "domain/sme/sme.h"
#include "http/json/json_util.h"

namespace parkhq::http::sme_json {

json::object BuildingJson(const sme::Building& b);
json::object UnitJson(const sme::Unit& u);
json::object LeaseJson(const sme::Lease& l);
json::object BillJson(const sme::Bill& b);
json::object RepairJson(const sme::Repair& r);
// The {id} path parameter, 404 when malformed.
StatusOr<int64_t> IdParam(RequestContext& ctx);
// The {park_id} path parameter (the dispatcher has checked it).
int64_t ParkParam(RequestContext& ctx);

}  // namespace parkhq::http::sme_json
