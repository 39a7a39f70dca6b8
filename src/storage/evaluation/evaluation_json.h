// JSON forms of the evaluation scheme and of result details, shared by the HTTP handlers (request
// bodies, responses) and the repository (stored scheme bodies, stored indicator maps).
#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/evaluation/evaluation_calc.h"
#include "domain/evaluation/scheme.h"

namespace parkhq::evaluation {

namespace json = boost::json;

// Reads a scheme object ({"groups":[...]}). Type mistakes are collected in errs with fields like
// "groups[0].indicators[1].weight"; the domain's ValidateScheme checks the values.
Scheme SchemeFromJson(const json::value& v, std::vector<FieldError>& errs);
json::object SchemeToJson(const Scheme& s);
std::string SchemeToText(const Scheme& s);
// Parses a stored scheme body (trusted: written by SchemeToText).
StatusOr<Scheme> SchemeFromText(const std::string& text);

// {"tax_per_mu": 12.3, ...} of the defined indicator values / scores of a result.
json::object IndicatorValuesJson(const EnterpriseResult& r);
json::object IndicatorScoresJson(const EnterpriseResult& r);
json::array ImputedJson(const EnterpriseResult& r);

}  // namespace parkhq::evaluation
