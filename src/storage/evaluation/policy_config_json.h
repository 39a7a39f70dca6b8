// JSON form of a park's policy configuration ({"items":[{"class","resource","measure","rate",
// "unit"}],"surcharge":{"yuan_per_kwh":[...]}}), shared by the HTTP handlers (request bodies,
// responses) and the repository (the stored settings value).
#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/evaluation/policy_config.h"

namespace parkhq::evaluation {

// Reads the configuration. Missing or mistyped fields are collected in errs ("items",
// "items[2].rate": 应为数字, "surcharge.yuan_per_kwh" …); the domain's ValidatePolicyConfig checks
// the values.
PolicyConfig PolicyConfigFromJson(const boost::json::value& v, std::vector<FieldError>& errs);
boost::json::object PolicyConfigToJson(const PolicyConfig& c);
std::string PolicyConfigToText(const PolicyConfig& c);
// Parses a stored value (written by PolicyConfigToText); Internal when it is damaged.
StatusOr<PolicyConfig> PolicyConfigFromText(const std::string& text);

}  // namespace parkhq::evaluation
