// The OpenAPI 3 description of the API, generated from the route table at runtime so it cannot
// drift: every Route becomes an operation (method, path parameters, roles, security, the standard
// error responses). Richer text and schemas for some routes come from openapi_docs.cc, keyed by
// method + path; a route without an entry there still appears with generic schemas.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "http/router.h"

namespace parkhq::http {

// Optional documentation of one route (openapi_docs.cc). Schemas are JSON Schema text.
struct RouteDoc {
  std::string_view method = "";
  std::string_view path = "";
  std::string_view summary = "";
  std::string_view request = "";   // request body schema; "" = a generic JSON object (writes only)
  std::string_view response = "";  // body schema; for lists, the schema of one item; "" = generic
  enum Kind { kObject, kList, kPagedList, kFile } kind = kObject;
  int status = 0;             // the success status; 0 = 200 for GET, "2XX" otherwise
  std::string_view query = "";  // filter parameters, comma-separated ("q,status,park_id")
};

// The documentation entry of a route, or null.
const RouteDoc* FindRouteDoc(std::string_view method, std::string_view path);
// Every documentation entry (a test checks each names a real route).
const std::vector<RouteDoc>& AllRouteDocs();

// The OpenAPI 3.0.3 document (JSON text) for these routes, plus GET /metrics.
std::string BuildOpenApi(const std::vector<Route>& routes, std::string_view version);

}  // namespace parkhq::http
