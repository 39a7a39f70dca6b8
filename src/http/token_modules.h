// Which module a route belongs to, for API tokens limited to modules (ApiToken::modules).
#pragma once
#include <string_view>

namespace parkhq::http {

// The kTokenModules name of a route pattern; "common" for the shared reference routes every
// token may use (me, parks, regions, units, health, openapi, logout); "admin" for the rest
// (users, tokens, audit, system, jobs, notifications), which module-limited tokens never reach.
std::string_view ModuleOfRoute(std::string_view pattern);

}  // namespace parkhq::http
