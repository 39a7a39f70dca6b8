// HTTP request and response as plain values, so routing and handlers never see Boost.Beast.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/access/scope.h"

namespace parkhq::http {

struct Request {
  std::string method;                              // "GET", "POST", ...
  std::string target;                              // raw target, path + query
  std::string path;                                // decoded path, no query
  std::map<std::string, std::string> query;        // decoded query parameters
  std::map<std::string, std::string> headers;      // lower-case names
  std::string body;
  std::string remote_ip;
  int64_t api_token_id = 0;  // set by the gate when an API token authenticated the request

  std::string Header(std::string_view name) const;  // "" when absent; name lower-case
  std::optional<std::string> Query(const std::string& name) const;
  std::string Cookie(std::string_view name) const;
  bool WantsEnglish() const;  // Accept-Language prefers English (see NegotiateLanguage)
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// What a handler gets: the request, its path parameters and (when authenticated) the caller.
struct RequestContext {
  const Request& request;
  std::map<std::string, std::string> params;  // from {name} segments of the route
  std::optional<Scope> scope;                 // set for authenticated routes
  std::string session_token;                  // the cookie value when the caller used a session
  bool via_api_token = false;

  const Scope& caller() const { return *scope; }
  // Path parameter as a positive integer id, nullopt when missing or malformed.
  std::optional<int64_t> IdParam(const std::string& name) const;
};

// Decodes %XX and '+' in a query component.
std::string UrlDecode(std::string_view s, bool plus_as_space);
// Splits "a=1&b=2" into a map (last one wins).
std::map<std::string, std::string> ParseQuery(std::string_view q);

}  // namespace parkhq::http
