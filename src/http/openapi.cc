#include "http/openapi.h"

#include <map>
#include <set>

#include "http/json/json_util.h"
#include "http/list_query.h"

namespace parkhq::http {

namespace {

json::value Ref(std::string_view where) { return json::object{{"$ref", std::string(where)}}; }

json::value ParseSchema(std::string_view text) {
  if (text.empty()) return json::object{{"type", "object"}};
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return json::object{{"type", "object"}, {"description", "(schema text failed to parse)"}};
  return v;
}

std::vector<std::string> PathParams(const std::string& pattern) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = pattern.find('{', i)) != std::string::npos) {
    size_t j = pattern.find('}', i);
    if (j == std::string::npos) break;
    out.push_back(pattern.substr(i + 1, j - i - 1));
    i = j + 1;
  }
  return out;
}

json::object ParamSchema(const std::string& name) {
  if (name == "id" || (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0))
    return {{"type", "integer"}, {"format", "int64"}, {"minimum", 1}};
  if (name == "year") return {{"type", "integer"}, {"minimum", 2000}, {"maximum", 2100}};
  if (name == "period") return {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}$"}, {"example", "2023-06"}};
  return {{"type", "string"}};
}

// "/api/v1/parks/{park_id}/targets/{year}" → "parks"; a park's or region's sub-resource → its name.
std::string Tag(const std::string& pattern) {
  std::vector<std::string> segs;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t j = pattern.find('/', i);
    if (j == std::string::npos) j = pattern.size();
    if (j > i) segs.push_back(pattern.substr(i, j - i));
    i = j + 1;
  }
  // segs: api, v1, first, ...
  if (segs.size() < 3) return "other";
  std::string tag = segs[2];
  if ((tag == "parks" || tag == "regions") && segs.size() >= 5) tag = segs[4];
  for (const char* suffix : {".json", ".xlsx"})
    if (auto p = tag.find(suffix); p != std::string::npos) tag = tag.substr(0, p);
  return tag;
}

std::string OperationId(const std::string& method, const std::string& pattern) {
  std::string id;
  for (char c : method) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool up = true;
  for (char c : pattern.substr(pattern.rfind("/api/v1", 0) == 0 ? 7 : 0)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      up = false;
    } else {
      up = true;
      if (c == '{') id += "By";
    }
  }
  return id;
}

json::object ErrorResponses(const Route& r) {
  json::object out;
  out["400"] = Ref("#/components/responses/BadRequest");
  if (!r.is_public()) {
    out["401"] = Ref("#/components/responses/Unauthenticated");
    out["403"] = Ref("#/components/responses/Forbidden");
  }
  out["404"] = Ref("#/components/responses/NotFound");
  if (r.is_write()) {
    out["409"] = Ref("#/components/responses/Conflict");
    out["413"] = Ref("#/components/responses/PayloadTooLarge");
  }
  out["422"] = Ref("#/components/responses/ValidationFailed");
  out["429"] = Ref("#/components/responses/TooManyRequests");
  out["500"] = Ref("#/components/responses/InternalError");
  return out;
}

json::object Operation(const Route& r, const RouteDoc* doc) {
  json::object op;
  op["operationId"] = OperationId(r.method, r.pattern);
  op["tags"] = json::array{json::value(Tag(r.pattern))};
  op["summary"] = doc && !doc->summary.empty() ? std::string(doc->summary) : r.method + " " + r.pattern;
  std::string roles;
  json::array role_list;
  for (Role role : r.roles) {
    role_list.push_back(json::value(RoleName(role)));
    roles += (roles.empty() ? "" : ", ") + std::string(RoleName(role));
  }
  op["x-roles"] = std::move(role_list);
  std::string desc = r.is_public() ? "Public: no login needed." : "Roles: " + roles + ". The server also checks "
                                     "the caller's data scope (park, unit, enterprise).";
  if (r.is_write() && !r.is_public())
    desc += " With a session cookie a write needs the X-CSRF-Token header from login; read-only tokens and "
            "accounts are refused" + std::string(r.allow_read_only ? " (except on this route)." : ".");
  if (r.upload) desc += " Accepts an upload up to the server's upload limit.";
  op["description"] = desc;
  if (r.is_public()) op["security"] = json::array{};

  json::array params;
  for (const auto& name : PathParams(r.pattern))
    params.push_back(json::object{{"name", name}, {"in", "path"}, {"required", true}, {"schema", ParamSchema(name)}});
  RouteDoc::Kind kind = doc ? doc->kind : RouteDoc::kObject;
  if (kind == RouteDoc::kObject && IsListRoute(r.method, r.pattern)) kind = RouteDoc::kList;
  if (kind == RouteDoc::kPagedList) op["x-paged-in-database"] = true;
  if (kind == RouteDoc::kList || kind == RouteDoc::kPagedList) {
    params.push_back(Ref("#/components/parameters/Page"));
    params.push_back(Ref("#/components/parameters/PageSize"));
    params.push_back(Ref("#/components/parameters/Sort"));
    params.push_back(Ref("#/components/parameters/Filter"));
  }
  if (doc && !doc->query.empty()) {
    std::string_view q = doc->query;
    while (!q.empty()) {
      size_t comma = q.find(',');
      std::string name(q.substr(0, comma));
      q = comma == std::string_view::npos ? std::string_view() : q.substr(comma + 1);
      if (name.empty()) continue;
      params.push_back(json::object{{"name", name}, {"in", "query"}, {"required", false},
                                    {"description", "Filter"}, {"schema", json::object{{"type", "string"}}}});
    }
  }
  if (!params.empty()) op["parameters"] = std::move(params);

  if (r.is_write() && r.method != "DELETE") {
    json::object content;
    if (r.upload) {
      content["multipart/form-data"] = json::object{
          {"schema", json::object{{"type", "object"},
                                  {"properties", json::object{{"file", json::object{{"type", "string"},
                                                                                     {"format", "binary"}}}}}}}};
      content["application/octet-stream"] =
          json::object{{"schema", json::object{{"type", "string"}, {"format", "binary"}}}};
    }
    content["application/json"] = json::object{{"schema", ParseSchema(doc ? doc->request : "")}};
    op["requestBody"] = json::object{{"required", !r.upload}, {"content", std::move(content)}};
  }

  json::value body_schema;
  if (kind == RouteDoc::kList || kind == RouteDoc::kPagedList) {
    json::object list = {{"type", "object"},
                         {"required", json::array{"items", "total"}},
                         {"properties", json::object{{"items", json::object{{"type", "array"},
                                                                             {"items", ParseSchema(doc ? doc->response : "")}}},
                                                     {"total", json::object{{"type", "integer"}, {"minimum", 0}}}}}};
    body_schema = std::move(list);
  } else {
    body_schema = ParseSchema(doc ? doc->response : "");
  }
  json::object content;
  if (kind == RouteDoc::kFile) {
    content["application/octet-stream"] = json::object{{"schema", json::object{{"type", "string"},
                                                                               {"format", "binary"}}}};
  } else {
    content["application/json"] = json::object{{"schema", std::move(body_schema)}};
  }
  json::object responses = ErrorResponses(r);
  std::string ok = doc && doc->status ? std::to_string(doc->status) : (r.method == "GET" ? "200" : "2XX");
  if (ok == "204") responses[ok] = json::object{{"description", "No content"}};
  else responses[ok] = json::object{{"description", "Success"}, {"content", std::move(content)}};
  op["responses"] = std::move(responses);
  return op;
}

json::object ErrorResp(const char* description) {
  return {{"description", description},
          {"content", json::object{{"application/json", json::object{{"schema", Ref("#/components/schemas/Error")}}}}}};
}

json::object Components() {
  json::object schemas;
  schemas["ErrorDetail"] = json::object{
      {"type", "object"},
      {"required", json::array{"field", "message"}},
      {"properties", json::object{{"field", json::object{{"type", "string"}}},
                                  {"message", json::object{{"type", "string"}}}}}};
  json::object error_props = {
      {"code", json::object{{"type", "string"}, {"example", "validation_failed"}}},
      {"message", json::object{{"type", "string"}}},
      {"request_id", json::object{{"type", "string"}}},
      {"details", json::object{{"type", "array"}, {"items", Ref("#/components/schemas/ErrorDetail")}}},
  };
  json::object error_inner = {{"type", "object"},
                              {"required", json::array{"code", "message", "details"}},
                              {"properties", std::move(error_props)}};
  schemas["Error"] = json::object{{"type", "object"},
                                  {"required", json::array{"error"}},
                                  {"properties", json::object{{"error", std::move(error_inner)}}}};
  json::object responses = {
      {"BadRequest", ErrorResp("Malformed request (bad JSON, bad parameter)")},
      {"Unauthenticated", ErrorResp("Not logged in, or the session or token expired")},
      {"Forbidden", ErrorResp("The caller's role or data scope does not allow this")},
      {"NotFound", ErrorResp("No such resource (or not visible to the caller)")},
      {"Conflict", ErrorResp("Conflicts with the current state (duplicate, locked period)")},
      {"PayloadTooLarge", ErrorResp("The body is over the size limit")},
      {"ValidationFailed", ErrorResp("Input failed validation; details name each field")},
      {"TooManyRequests", ErrorResp("Rate limit reached; retry later")},
      {"InternalError", ErrorResp("Server error; the message carries a request id")},
  };
  json::object parameters = {
      {"Page", json::object{{"name", "page"}, {"in", "query"}, {"required", false},
                            {"description", "1-based page number (default 1)"},
                            {"schema", json::object{{"type", "integer"}, {"minimum", 1}, {"maximum", 1000000},
                                                    {"default", 1}}}}},
      {"PageSize", json::object{{"name", "page_size"}, {"in", "query"}, {"required", false},
                                {"description", "Items per page, 1 to 500. Default: 20 on the lists paged in "
                                                "the database (x-paged-in-database), all items on the others"},
                                {"schema", json::object{{"type", "integer"}, {"minimum", 1}, {"maximum", 500}}}}},
      {"Sort", json::object{{"name", "sort"}, {"in", "query"}, {"required", false},
                            {"description", "A top-level scalar field of the items to order by; '-' before it "
                                            "sorts descending; items without the field (or null) come last. An "
                                            "unknown field is refused (422 naming sort)"},
                            {"schema", json::object{{"type", "string"}}}}},
      {"Filter", json::object{{"name", "filter"}, {"in", "query"}, {"required", false},
                              {"description", "field:value, several separated by commas (at most 8): keeps the "
                                              "items whose top-level scalar field equals the value (text exactly, "
                                              "numbers by value, true/false, null); total counts the kept items. "
                                              "An unknown field is refused (422 naming filter)"},
                              {"schema", json::object{{"type", "string"}}}}},
  };
  json::object security = {
      {"cookieAuth", json::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "phq_session"},
                                  {"description", "Session from POST /api/v1/auth/login; writes also need "
                                                  "the X-CSRF-Token header"}}},
      {"bearerAuth", json::object{{"type", "http"}, {"scheme", "bearer"},
                                  {"description", "API token for other systems (POST /api/v1/tokens)"}}},
  };
  return {{"schemas", std::move(schemas)}, {"responses", std::move(responses)},
          {"parameters", std::move(parameters)}, {"securitySchemes", std::move(security)}};
}

json::object MetricsPath() {
  json::object text = {{"schema", json::object{{"type", "string"}}}};
  json::object ok = {{"description", "Metrics"}, {"content", json::object{{"text/plain", std::move(text)}}}};
  json::object get = {
      {"operationId", "getMetrics"},
      {"tags", json::array{"operations"}},
      {"summary", "Prometheus metrics (text exposition format)"},
      {"description", "No login; answered only to the addresses in [metrics] allow (loopback by default)."},
      {"security", json::array{}},
      {"responses", json::object{{"200", std::move(ok)}, {"403", Ref("#/components/responses/Forbidden")}}}};
  return {{"get", std::move(get)}};
}

}  // namespace

std::string BuildOpenApi(const std::vector<Route>& routes, std::string_view version) {
  json::object paths;
  std::set<std::string> tags;
  for (const auto& r : routes) {
    std::string method;
    for (char c : r.method) method += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json::value& item = paths[r.pattern];
    if (!item.is_object()) item = json::object{};
    item.as_object()[method] = Operation(r, FindRouteDoc(r.method, r.pattern));
    tags.insert(Tag(r.pattern));
  }
  paths["/metrics"] = MetricsPath();
  tags.insert("operations");
  json::array tag_list;
  for (const auto& t : tags) tag_list.push_back(json::object{{"name", t}});
  json::object doc = {
      {"openapi", "3.0.3"},
      {"info", json::object{{"title", "ParkHQ API"},
                            {"version", std::string(version)},
                            {"description",
                             "园区高质量发展管理平台 ParkHQ. Generated from the server's route table. Lists answer "
                             "{\"items\":[...],\"total\":N}; errors {\"error\":{\"code\",\"message\",\"details\":"
                             "[{\"field\",\"message\"}]}}. Messages are Chinese unless Accept-Language asks for "
                             "English."}}},
      {"servers", json::array{json::object{{"url", "/"}}}},
      {"tags", std::move(tag_list)},
      {"security", json::array{json::object{{"cookieAuth", json::array{}}}, json::object{{"bearerAuth", json::array{}}}}},
      {"paths", std::move(paths)},
      {"components", Components()},
  };
  return WriteJson(doc);
}

}  // namespace parkhq::http
