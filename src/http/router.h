// Routes: method + path pattern ("/api/v1/parks/{park_id}/targets/{year}") + who may call it.
// The table itself lives in routes.cc, one readable list of every route.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status_or.h"
#include "http/request.h"

namespace parkhq::http {

struct Services;  // handlers/services.h
using Handler = StatusOr<Response> (*)(RequestContext&, const Services&);

// Role sets a route may allow.
using RoleSet = std::vector<Role>;
extern const RoleSet kAnyRole;      // every authenticated caller
extern const RoleSet kSysadmin;     // sysadmin only
extern const RoleSet kParkStaff;    // sysadmin, park_admin
extern const RoleSet kStaff;        // sysadmin, park_admin, department
extern const RoleSet kReporters;    // sysadmin, park_admin, enterprise

struct Route {
  std::string method;
  std::string pattern;
  RoleSet roles;           // empty = public (no login needed)
  Handler handler;
  bool upload = false;     // allows bodies up to the upload limit
  bool allow_read_only = false;  // a write that read-only callers may make (logout, own password)
  bool is_public() const { return roles.empty(); }
  bool is_write() const { return method != "GET" && method != "HEAD"; }
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool method_mismatch = false;  // the path exists with other methods
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);
  // Finds the route for method and path. route is null when nothing matches.
  Match Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // pattern split by '/'
};

// Builds the route table (routes.cc).
std::vector<Route> AllRoutes();

}  // namespace parkhq::http
