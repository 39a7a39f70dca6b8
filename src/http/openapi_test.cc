// The OpenAPI document is generated from the route table: every route of AllRoutes() is in it with
// its method, path parameters, security and the standard error shape; every richer entry of
// openapi_docs.cc names a real route. (tests/api/test_openapi.py validates it with an OpenAPI
// validator and serves it from the real binary.)
#include "http/openapi.h"

#include <gtest/gtest.h>

#include <set>

#include "http/json/json_util.h"

namespace parkhq::http {
namespace {

json::object Doc() { return json::parse(BuildOpenApi(AllRoutes(), "test")).as_object(); }

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(OpenApiTest, EveryRouteIsAnOperation) {
  const json::object doc = Doc();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  const auto& paths = doc.at("paths").as_object();
  size_t operations = 0;
  for (const auto& [path, item] : paths) operations += item.as_object().size();
  const auto routes = AllRoutes();
  EXPECT_EQ(operations, routes.size() + 1);  // + GET /metrics
  for (const auto& r : routes) {
    ASSERT_TRUE(paths.contains(r.pattern)) << r.pattern;
    const auto* op = paths.at(r.pattern).as_object().if_contains(Lower(r.method));
    ASSERT_NE(op, nullptr) << r.method << " " << r.pattern;
    const auto& o = op->as_object();
    // Path parameters: each {name} declared once, required, in: path.
    std::set<std::string> declared;
    if (const auto* ps = o.if_contains("parameters"))
      for (const auto& p : ps->as_array())
        if (p.as_object().contains("in") && p.at("in").as_string() == "path") {
          EXPECT_TRUE(p.at("required").as_bool());
          declared.insert(std::string(p.at("name").as_string()));
        }
    std::set<std::string> expected;
    for (size_t i = r.pattern.find('{'); i != std::string::npos; i = r.pattern.find('{', i + 1))
      expected.insert(r.pattern.substr(i + 1, r.pattern.find('}', i) - i - 1));
    EXPECT_EQ(declared, expected) << r.pattern;
    // Security: public routes say so; others list the roles and answer 401/403 with the error shape.
    const auto& responses = o.at("responses").as_object();
    if (r.is_public()) {
      EXPECT_TRUE(o.at("security").as_array().empty()) << r.pattern;
      EXPECT_FALSE(responses.contains("401"));
    } else {
      EXPECT_FALSE(o.contains("security"));  // the document's default: cookie or bearer
      EXPECT_EQ(o.at("x-roles").as_array().size(), r.roles.size());
      EXPECT_EQ(responses.at("403").at("$ref").as_string(), "#/components/responses/Forbidden");
    }
    EXPECT_EQ(responses.at("422").at("$ref").as_string(), "#/components/responses/ValidationFailed");
    EXPECT_EQ(r.is_write() && r.method != "DELETE", o.contains("requestBody")) << r.method << " " << r.pattern;
  }
}

TEST(OpenApiTest, OperationIdsAreUnique) {
  std::set<std::string> ids;
  const json::object doc = Doc();
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, op] : item.as_object())
      EXPECT_TRUE(ids.insert(std::string(op.at("operationId").as_string())).second) << op.at("operationId");
}

TEST(OpenApiTest, ErrorAndListShapes) {
  const json::object doc = Doc();
  const auto& err = doc.at("components").at("schemas").at("Error");
  const auto& inner = err.at("properties").at("error");
  EXPECT_EQ(json::serialize(inner.at("required")), R"(["code","message","details"])");
  EXPECT_EQ(doc.at("components").at("schemas").at("ErrorDetail").at("required").as_array().size(), 2u);
  // A paginated list: page, page_size, sort and {"items","total"}.
  const auto& users = doc.at("paths").at("/api/v1/users").at("get");
  std::string params = json::serialize(users.at("parameters"));
  EXPECT_NE(params.find("#/components/parameters/PageSize"), std::string::npos);
  const auto& schema = users.at("responses").at("200").at("content").at("application/json").at("schema");
  EXPECT_EQ(json::serialize(schema.at("required")), R"(["items","total"])");
  EXPECT_EQ(schema.at("properties").at("items").at("items").at("properties").at("username").at("type").as_string(),
            "string");
}

TEST(OpenApiTest, EveryRichEntryNamesARoute) {
  std::set<std::pair<std::string, std::string>> routes;
  for (const auto& r : AllRoutes()) routes.insert({r.method, r.pattern});
  for (const auto& d : AllRouteDocs()) {
    EXPECT_TRUE(routes.count({std::string(d.method), std::string(d.path)})) << d.method << " " << d.path;
    for (auto text : {d.request, d.response}) {
      if (text.empty()) continue;
      boost::system::error_code ec;
      json::parse(text, ec);
      EXPECT_FALSE(ec) << d.method << " " << d.path << ": " << text;
    }
  }
}

TEST(OpenApiTest, ARouteWithoutAnEntryStillHasGenericSchemas) {
  std::vector<Route> routes = {{"POST", "/api/v1/zz-new/{id}/thing", kStaff, nullptr}};
  auto doc = json::parse(BuildOpenApi(routes, "x"));
  const auto& op = doc.at("paths").at("/api/v1/zz-new/{id}/thing").at("post");
  EXPECT_EQ(op.at("summary").as_string(), "POST /api/v1/zz-new/{id}/thing");
  EXPECT_EQ(op.at("parameters").at(0).at("schema").at("type").as_string(), "integer");
  EXPECT_TRUE(op.at("responses").as_object().contains("2XX"));
  EXPECT_EQ(op.at("tags").at(0).as_string(), "zz-new");
}

}  // namespace
}  // namespace parkhq::http
